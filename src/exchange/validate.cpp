#include "exchange/validate.h"

#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "domain/exchange.h"
#include "domain/geo.h"
#include "domain/utf8.h"
#include "exchange/convert.h"
#include "match/availability.h"
#include "store/posting_store.h"

namespace knooppunt::exchange {
namespace {

constexpr size_t kMaxTitle = 120;
constexpr size_t kMaxDescription = 5000;
constexpr size_t kMaxShortText = 200;  // a place name, a goods category
constexpr size_t kMaxToken = 100;      // a skill or a need-term id
constexpr size_t kMaxListItems = 50;
constexpr double kMaxKm = 200;
constexpr int kMaxCapacity = 1000;
constexpr int kMaxSeats = 100000;
constexpr int kMaxAge = 120;
constexpr int kMaxMatchesPerPerson = 20;

std::string Indexed(const char* field, size_t index) {
  return std::string(field) + "[" + std::to_string(index) + "]";
}

bool IsLanguageCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 3) return false;
  for (char c : code) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// A code in a comma-separated list: clean, not empty, without commas.
bool IsToken(std::string_view token) {
  return !token.empty() && domain::CodePoints(token) <= kMaxToken && domain::IsCleanText(token) &&
         token.find(',') == std::string_view::npos;
}

Status ValidateTokens(const char* field, const std::vector<std::string>& tokens) {
  if (tokens.size() > kMaxListItems) {
    return InvalidArgument(field, "At most " + std::to_string(kMaxListItems) + " items.");
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!IsToken(tokens[i])) {
      return InvalidArgument(Indexed(field, i),
                             "Each item is 1 to 100 characters of text without commas.");
    }
  }
  return {};
}

Status ValidateLanguages(const char* field, const std::vector<std::string>& codes) {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (!IsLanguageCode(codes[i])) {
      return InvalidArgument(Indexed(field, i),
                             "A language is a code of 2 or 3 lower-case letters, like \"nl\".");
    }
  }
  return {};
}

Status ValidatePlace(const std::optional<double>& latitude, const std::optional<double>& longitude,
                     const std::string& place_name) {
  if (Status name = ValidateText("place_name", place_name, 0, kMaxShortText); !name) return name;
  if (latitude.has_value() != longitude.has_value()) {
    return InvalidArgument(latitude ? "longitude" : "latitude",
                           "Give both latitude and longitude, or neither.");
  }
  if (latitude && (!std::isfinite(*latitude) || *latitude < -90 || *latitude > 90)) {
    return InvalidArgument("latitude", "The latitude must lie between -90 and 90.");
  }
  if (longitude && (!std::isfinite(*longitude) || *longitude < -180 || *longitude > 180)) {
    return InvalidArgument("longitude", "The longitude must lie between -180 and 180.");
  }
  return {};
}

Status ValidateKm(const char* field, double km) {
  if (!std::isfinite(km) || km < 0 || km > kMaxKm) {
    return InvalidArgument(field, "The distance must lie between 0 and 200 km.");
  }
  return {};
}

Status ValidateAvailability(uint32_t bits) {
  if (bits >> match::kWeeklySlots != 0) {
    return InvalidArgument("availability", "Unknown weekly slots.");
  }
  return {};
}

}  // namespace

Status ValidateText(const char* field, std::string_view text, size_t min_length,
                    size_t max_length) {
  if (!domain::IsCleanText(text)) {
    return InvalidArgument(field, "The text is not valid UTF-8 or holds a NUL character.");
  }
  size_t length = domain::CodePoints(text);
  if (length < min_length || length > max_length) {
    return InvalidArgument(field, "Use " + std::to_string(min_length) + " to " +
                                      std::to_string(max_length) + " characters.");
  }
  return {};
}

Status ValidatePosting(const store::PostingRecord& p) {
  if (!domain::ParsePostingKind(p.kind)) {
    return InvalidArgument("kind", "Unknown kind of posting.");
  }
  if (!domain::ParsePostingSide(p.side)) {
    return InvalidArgument("side", "A posting is a \"request\" or an \"offer\".");
  }
  if (Status title = ValidateText("title", p.title, 2, kMaxTitle); !title) return title;
  if (Status description = ValidateText("description", p.description, 0, kMaxDescription);
      !description) {
    return description;
  }
  if (Status languages = ValidateLanguages("languages", p.languages); !languages) return languages;
  if (Status place = ValidatePlace(p.latitude, p.longitude, p.place_name); !place) return place;
  if (Status radius = ValidateKm("radius_km", p.radius_km); !radius) return radius;
  if (Status slots = ValidateAvailability(p.availability); !slots) return slots;
  std::optional<match::Day> start;
  if (!p.starts_on.empty()) {
    start = ParseDay(p.starts_on);
    if (!start) return InvalidArgument("starts_on", "A date is written YYYY-MM-DD.");
  }
  if (p.ends_on) {
    auto end = ParseDay(*p.ends_on);
    if (!end) return InvalidArgument("ends_on", "A date is written YYYY-MM-DD.");
    if (start && *end < *start) {
      return InvalidArgument("ends_on", "The last day lies before the first.");
    }
  }
  if (p.capacity < 1 || p.capacity > kMaxCapacity) {
    return InvalidArgument("capacity", "The capacity must lie between 1 and 1000.");
  }
  for (size_t i = 0; i < p.certificates.size(); ++i) {
    if (!ParseCertificate(p.certificates[i])) {
      return InvalidArgument(Indexed("certificates", i), "Unknown certificate.");
    }
  }
  if (p.min_dutch && !domain::ParseCefr(*p.min_dutch)) {
    return InvalidArgument("min_dutch", "A language level is A1, A2, B1, B2, C1 or C2.");
  }
  if (p.min_age < 0 || p.min_age > kMaxAge) {
    return InvalidArgument("min_age", "The minimum age must lie between 0 and 120.");
  }
  if (Status skills = ValidateTokens("skills", p.skills); !skills) return skills;
  if (Status terms = ValidateTokens("terms", p.terms); !terms) return terms;
  if (Status category = ValidateText("goods_category", p.goods_category, 0, kMaxShortText);
      !category) {
    return category;
  }
  if (!p.delivery.empty() && p.delivery != "pickup" && p.delivery != "delivery" &&
      p.delivery != "either") {
    return InvalidArgument("delivery", "Delivery is \"pickup\", \"delivery\" or \"either\".");
  }
  if (p.seats < 0 || p.seats > kMaxSeats) {
    return InvalidArgument("seats", "The number of seats must lie between 0 and 100000.");
  }
  for (size_t i = 0; i < p.facilities.size(); ++i) {
    if (!ParseFacility(p.facilities[i])) {
      return InvalidArgument(Indexed("facilities", i), "Unknown facility.");
    }
  }
  if (p.price_cents && *p.price_cents < 0) {
    return InvalidArgument("price_cents", "The price cannot be negative.");
  }
  return {};
}

Status ValidateProfile(const store::ProfileRecord& p, match::Day today) {
  for (auto [field, size] : {std::pair{"wants", p.wants.size()},
                             std::pair{"languages", p.languages.size()},
                             std::pair{"certificates", p.certificates.size()}}) {
    if (size > kMaxListItems) {
      return InvalidArgument(field, "At most " + std::to_string(kMaxListItems) + " items.");
    }
  }
  for (size_t i = 0; i < p.wants.size(); ++i) {
    if (!ParseWant(p.wants[i])) {
      return InvalidArgument(Indexed("wants", i),
                             "A wish is a kind and a side, like \"buddy:request\".");
    }
  }
  for (size_t i = 0; i < p.languages.size(); ++i) {
    const auto& [code, level] = p.languages[i];
    if (!IsLanguageCode(code)) {
      return InvalidArgument(Indexed("languages", i),
                             "A language is a code of 2 or 3 lower-case letters, like \"nl\".");
    }
    if (!level.empty() && !domain::ParseCefr(level)) {
      return InvalidArgument(Indexed("languages", i),
                             "A language level is A1, A2, B1, B2, C1 or C2, or none.");
    }
  }
  if (Status skills = ValidateTokens("skills", p.skills); !skills) return skills;
  if (Status interests = ValidateTokens("interests", p.interests); !interests) return interests;
  if (Status slots = ValidateAvailability(p.availability); !slots) return slots;
  if (Status place = ValidatePlace(p.latitude, p.longitude, p.place_name); !place) return place;
  if (Status travel = ValidateKm("travel_km", p.travel_km); !travel) return travel;
  if (p.max_matches < 1 || p.max_matches > kMaxMatchesPerPerson) {
    return InvalidArgument("max_matches", "Take part in 1 to 20 postings at once.");
  }
  for (size_t i = 0; i < p.certificates.size(); ++i) {
    const auto& [kind, until] = p.certificates[i];
    if (!ParseCertificate(kind)) {
      return InvalidArgument(Indexed("certificates", i), "Unknown certificate.");
    }
    if (!ParseDay(until)) {
      return InvalidArgument(Indexed("certificates", i),
                             "A certificate's last valid day is written YYYY-MM-DD.");
    }
  }
  if (p.birth_date) {
    auto born = ParseDay(*p.birth_date);
    if (!born || *born >= today || *born < today - std::chrono::days{150 * 365 + 36}) {
      return InvalidArgument("birth_date", "A birth date is a day in the past, YYYY-MM-DD.");
    }
  }
  if (p.gender && !ParseGender(*p.gender)) {
    return InvalidArgument("gender", "Gender is \"woman\", \"man\" or \"non_binary\", or unsaid.");
  }
  if (p.buddy_gender && !ParseGender(*p.buddy_gender)) {
    return InvalidArgument("buddy_gender",
                           "Gender is \"woman\", \"man\" or \"non_binary\", or unsaid.");
  }
  return {};
}

}  // namespace knooppunt::exchange
