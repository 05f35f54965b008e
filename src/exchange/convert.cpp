#include "exchange/convert.h"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "store/posting_store.h"

namespace knooppunt::exchange {
namespace {

constexpr std::array<std::pair<match::Facility, std::string_view>, match::kFacilities>
    kFacilityNames = {{
        {match::Facility::kKitchen, "kitchen"},
        {match::Facility::kStepFree, "step_free"},
        {match::Facility::kProjector, "projector"},
        {match::Facility::kPrayerSpace, "prayer_space"},
        {match::Facility::kChildCorner, "child_corner"},
        {match::Facility::kParking, "parking"},
    }};
constexpr std::array<std::pair<match::Gender, std::string_view>, 3> kGenderNames = {{
    {match::Gender::kWoman, "woman"},
    {match::Gender::kMan, "man"},
    {match::Gender::kNonBinary, "non_binary"},
}};

std::string_view PartName(match::DayPart part) {
  switch (part) {
    case match::DayPart::kMorning:
      return "morning";
    case match::DayPart::kAfternoon:
      return "afternoon";
    case match::DayPart::kEvening:
      return "evening";
  }
  return "morning";
}

std::vector<match::CertificateKind> Certificates(const std::vector<std::string>& names) {
  std::vector<match::CertificateKind> out;
  for (const std::string& name : names) {
    if (auto kind = ParseCertificate(name)) out.push_back(*kind);
  }
  return out;
}

std::optional<match::Gender> GenderOf(const std::optional<std::string>& name) {
  if (!name) return std::nullopt;
  return ParseGender(*name);
}

}  // namespace

std::optional<match::CertificateKind> ParseCertificate(std::string_view name) {
  for (int i = 0; i < match::kCertificateKinds; ++i) {
    auto kind = static_cast<match::CertificateKind>(i);
    if (name == match::CertificateName(kind)) return kind;
  }
  return std::nullopt;
}

std::string_view FacilityName(match::Facility facility) {
  for (const auto& [value, name] : kFacilityNames) {
    if (value == facility) return name;
  }
  return {};
}

std::optional<match::Facility> ParseFacility(std::string_view name) {
  for (const auto& [value, text] : kFacilityNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

std::string_view GenderName(match::Gender gender) {
  for (const auto& [value, name] : kGenderNames) {
    if (value == gender) return name;
  }
  return {};
}

std::optional<match::Gender> ParseGender(std::string_view name) {
  for (const auto& [value, text] : kGenderNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

std::optional<match::PostingKind> ParseMatchKind(std::string_view name) {
  for (int i = 0; i < match::kPostingKinds; ++i) {
    auto kind = static_cast<match::PostingKind>(i);
    if (name == match::PostingKindName(kind)) return kind;
  }
  return std::nullopt;
}

std::optional<match::Side> ParseMatchSide(std::string_view name) {
  if (name == "request") return match::Side::kRequest;
  if (name == "offer") return match::Side::kOffer;
  return std::nullopt;
}

std::optional<match::Cefr> ParseMatchCefr(std::string_view name) {
  if (name.empty()) return match::Cefr::kNone;
  for (auto level : {match::Cefr::kA1, match::Cefr::kA2, match::Cefr::kB1, match::Cefr::kB2,
                     match::Cefr::kC1, match::Cefr::kC2}) {
    if (name == match::CefrName(level)) return level;
  }
  return std::nullopt;
}

std::optional<match::Want> ParseWant(std::string_view text) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto kind = ParseMatchKind(text.substr(0, colon));
  auto side = ParseMatchSide(text.substr(colon + 1));
  if (!kind || !side) return std::nullopt;
  return match::Want{.kind = *kind, .side = *side};
}

std::optional<match::Day> ParseDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  auto number = [&text](size_t from, size_t length) {
    int value = 0;
    for (size_t i = from; i < from + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  std::chrono::year_month_day date{std::chrono::year{number(0, 4)},
                                   std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                   std::chrono::day{static_cast<unsigned>(number(8, 2))}};
  if (!date.ok()) return std::nullopt;
  return match::Day{date};
}

std::string FormatDay(match::Day day) {
  std::chrono::year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

match::Day DayOf(domain::Instant instant) { return std::chrono::floor<std::chrono::days>(instant); }

match::Posting ToMatchPosting(const store::PostingRecord& record, int taken, match::Day today) {
  match::Posting posting;
  posting.id = record.id;
  posting.kind = ParseMatchKind(record.kind).value_or(match::PostingKind::kVolunteerWork);
  posting.side = ParseMatchSide(record.side).value_or(match::Side::kRequest);
  posting.languages = record.languages;
  posting.min_dutch = ParseMatchCefr(record.min_dutch.value_or("")).value_or(match::Cefr::kNone);
  if (record.latitude && record.longitude) {
    posting.place = domain::LatLon{*record.latitude, *record.longitude};
  }
  posting.radius_km = record.radius_km;
  posting.availability = match::WeeklySlots::FromBits(record.availability);
  posting.start = ParseDay(record.starts_on).value_or(today);
  if (record.ends_on) posting.end = ParseDay(*record.ends_on);
  posting.spots = std::max(0, record.capacity - taken);
  posting.seats = record.seats;
  for (const std::string& name : record.facilities) {
    if (auto facility = ParseFacility(name)) posting.facilities.push_back(*facility);
  }
  posting.certificates = Certificates(record.certificates);
  posting.min_age = record.min_age;
  posting.skills = record.skills;
  posting.terms = record.terms;
  return posting;
}

std::optional<match::Profile> ToMatchProfile(const store::ProfileRecord& record, int taken) {
  if (!record.latitude || !record.longitude) return std::nullopt;
  match::Profile person;
  person.id = record.account_id;
  person.consent = record.consent_at.has_value();
  for (const std::string& text : record.wants) {
    if (auto want = ParseWant(text)) person.wants.push_back(*want);
  }
  for (const auto& [code, level] : record.languages) {
    person.languages.push_back(
        {.code = code, .level = ParseMatchCefr(level).value_or(match::Cefr::kNone)});
  }
  person.skills = record.skills;
  person.interests = record.interests;
  person.availability = match::WeeklySlots::FromBits(record.availability);
  person.home = {*record.latitude, *record.longitude};
  person.travel_km = record.travel_km;
  person.max_matches = std::max(0, record.max_matches - taken);
  for (const auto& [kind, until] : record.certificates) {
    auto parsed_kind = ParseCertificate(kind);
    auto day = ParseDay(until);
    if (parsed_kind && day)
      person.certificates.push_back({.kind = *parsed_kind, .valid_until = *day});
  }
  if (record.birth_date) person.birth_date = ParseDay(*record.birth_date);
  person.gender = GenderOf(record.gender);
  person.buddy_gender = GenderOf(record.buddy_gender);
  // waiting_since is a date-time; its first ten characters are the day.
  person.waiting_since = ParseDay(std::string_view(record.waiting_since).substr(0, 10));
  return person;
}

std::string ReasonsJson(std::span<const match::Reason> reasons) {
  boost::json::array array;
  for (const match::Reason& reason : reasons) {
    boost::json::object object;
    object["code"] = match::ReasonCodeName(reason.code);
    object["value"] = reason.value;
    object["number"] = reason.number;
    bool slot = reason.code == match::ReasonCode::kSharedSlot;
    object["weekday"] =
        slot ? boost::json::value(reason.slot.weekday) : boost::json::value(nullptr);
    object["part"] =
        slot ? boost::json::value(PartName(reason.slot.part)) : boost::json::value(nullptr);
    array.push_back(std::move(object));
  }
  return boost::json::serialize(array);
}

std::vector<match::Reason> ParseReasonsJson(std::string_view json) {
  std::vector<match::Reason> reasons;
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(json, error);
  if (error || !parsed.is_array()) return reasons;
  for (const boost::json::value& item : parsed.as_array()) {
    const boost::json::object* object = item.if_object();
    if (object == nullptr) continue;
    const boost::json::string* code = nullptr;
    if (const boost::json::value* found = object->if_contains("code")) code = found->if_string();
    if (code == nullptr) continue;
    std::optional<match::ReasonCode> known;
    for (int i = 0; i <= static_cast<int>(match::ReasonCode::kWaiting); ++i) {
      auto candidate = static_cast<match::ReasonCode>(i);
      if (*code == match::ReasonCodeName(candidate)) known = candidate;
    }
    if (!known) continue;
    match::Reason reason;
    reason.code = *known;
    if (const boost::json::value* value = object->if_contains("value")) {
      if (const boost::json::string* text = value->if_string()) reason.value = std::string(*text);
    }
    if (const boost::json::value* number = object->if_contains("number")) {
      if (number->is_number()) reason.number = number->to_number<double>();
    }
    if (reason.code == match::ReasonCode::kSharedSlot) {
      const boost::json::value* weekday = object->if_contains("weekday");
      const boost::json::value* part = object->if_contains("part");
      if (weekday == nullptr || !weekday->is_int64() || weekday->as_int64() < 0 ||
          weekday->as_int64() > 6 || part == nullptr || !part->is_string()) {
        continue;
      }
      reason.slot.weekday = static_cast<int>(weekday->as_int64());
      bool part_known = false;
      for (auto candidate : {match::DayPart::kMorning, match::DayPart::kAfternoon,
                             match::DayPart::kEvening}) {
        if (part->as_string() == PartName(candidate)) {
          reason.slot.part = candidate;
          part_known = true;
        }
      }
      if (!part_known) continue;
    }
    reasons.push_back(std::move(reason));
  }
  return reasons;
}

}  // namespace knooppunt::exchange
