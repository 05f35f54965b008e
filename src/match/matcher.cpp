#include "match/matcher.h"

#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cmath>
#include <numbers>
#include <string_view>
#include <unordered_map>

#include "match/place_grid.h"

namespace knooppunt::match {
namespace {

namespace chrono = std::chrono;

constexpr double kEarthRadiusKm = 6371.0088;  // as domain::DistanceMetres
constexpr double kRadians = std::numbers::pi / 180;
constexpr int kWantBits = kPostingKinds * 2;
constexpr int32_t kNoDay = INT32_MIN;
constexpr double kMaxPoints = 1e6;  // scores and bonuses are capped here, so sums fit int64

// Points as unit vectors: the chord between two of them gives the great-circle distance without
// trigonometry per pair, and a distance limit becomes a limit on the squared chord.
struct Unit {
  double x = 0, y = 0, z = 0;
};

Unit ToUnit(domain::LatLon point) {
  double latitude = point.latitude * kRadians, longitude = point.longitude * kRadians;
  return Unit{std::cos(latitude) * std::cos(longitude), std::cos(latitude) * std::sin(longitude),
              std::sin(latitude)};
}

double ChordSquared(const Unit& a, const Unit& b) {
  double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return dx * dx + dy * dy + dz * dz;
}

double ChordSquaredOfKm(double km) {
  double chord = 2 * std::sin(std::min(km / kEarthRadiusKm, std::numbers::pi) / 2);
  return chord * chord;
}

double KmOfChordSquared(double chord_squared) {
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(chord_squared) / 2));
}

// The bit of a person's wants that matches a posting: its kind, and the person on the other side.
int WantBit(PostingKind kind, Side person_side) {
  return static_cast<int>(kind) * 2 + static_cast<int>(person_side);
}

Side Other(Side side) { return side == Side::kRequest ? Side::kOffer : Side::kRequest; }

int32_t DayNumber(Day day) { return static_cast<int32_t>(day.time_since_epoch().count()); }

int8_t GenderCode(const std::optional<Gender>& gender) {
  return gender ? static_cast<int8_t>(*gender) : int8_t{-1};
}

struct Range {
  uint32_t begin = 0, end = 0;
};

struct PersonData {
  Unit home;
  double travel_km = 0, travel_chord_squared = 0;
  uint32_t want_bits = 0;
  uint32_t slots = 0;
  uint64_t language_mask = 0;
  Range languages;  // into Compiled::language_ids, sorted
  Range skills;     // into Compiled::term_ids, sorted
  Range interests;  // into Compiled::term_ids, sorted
  uint32_t needs = 0;
  int32_t capacity = 0, group_size = 0;
  int32_t birth_day = kNoDay;
  int32_t age = -1;
  int32_t waiting_days = 0;
  std::array<int32_t, kCertificateKinds> certificate_until{kNoDay, kNoDay, kNoDay, kNoDay};
  int8_t dutch = 0, gender = -1, buddy_gender = -1;
  bool consent = false;
};

struct PostingData {
  Unit place;
  bool placed = false;
  double radius_km = 0, radius_chord_squared = 0;
  int person_bit = 0;
  uint32_t slots = 0;
  uint64_t language_mask = 0;
  Range languages, skills, terms;
  uint32_t facilities = 0, certificates = 0;
  int32_t spots = 0, seats = 0, min_age = 0;
  int32_t start_day = 0;  // the later of its start and the matching day
  int32_t end_day = INT32_MAX;
  int8_t min_dutch = 0, gender = -1, preferred_gender = -1;
};

struct Ranked {
  int32_t weight = 0;
  int32_t score = 0;
  double chord_squared = 0;
  int32_t index = 0;
  bool operator<(const Ranked& other) const {  // better first
    if (weight != other.weight) return weight > other.weight;
    if (chord_squared != other.chord_squared) return chord_squared < other.chord_squared;
    return index < other.index;
  }
};

int CountCommon(const uint32_t* a, Range ra, const uint32_t* b, Range rb) {
  int count = 0;
  uint32_t i = ra.begin, j = rb.begin;
  while (i < ra.end && j < rb.end) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++count, ++i, ++j;
    }
  }
  return count;
}

bool IsLanguageCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 3) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool OldEnough(const PersonData& person, int min_age, int32_t day) {
  if (min_age <= 0) return true;
  if (person.birth_day != kNoDay) {
    chrono::year_month_day birth{Day{chrono::days{person.birth_day}}};
    chrono::year_month_day birthday = birth + chrono::years{min_age};
    // Born on 29 February: the birthday is 1 March in other years.
    Day reached = birthday.ok() ? Day{birthday} : Day{birthday.year() / chrono::March / 1};
    return DayNumber(reached) <= day;
  }
  // An age is as of the matching day, and the start day is never before it.
  return person.age >= min_age;
}

}  // namespace

struct Matcher::Compiled {
  std::vector<Profile> people;
  std::vector<Posting> postings;
  Weights weights;

  std::vector<PersonData> person_data;
  std::vector<PostingData> posting_data;
  std::vector<uint32_t> language_ids;
  std::vector<std::string> language_codes;  // by id
  bool exact_language_masks = true;         // fewer than 65 languages: one bit each
  std::vector<uint32_t> term_ids;
  std::vector<std::string> terms;  // skills and need terms, by id
  std::array<PlaceGrid, kWantBits> postings_by_bit;
  std::array<std::vector<int32_t>, kWantBits> unplaced_by_bit;
  std::array<PlaceGrid, kWantBits> people_by_bit;

  int CommonLanguages(const PersonData& person, const PostingData& posting) const {
    uint64_t common = person.language_mask & posting.language_mask;
    if (common == 0) return 0;
    if (exact_language_masks) return std::popcount(common);
    return CountCommon(language_ids.data(), person.languages, language_ids.data(),
                       posting.languages);
  }

  // The first hard constraint the pair fails, checked cheapest first; on success the squared
  // chord between home and place (0 for a posting without a place).
  std::optional<Constraint> Violation(const PersonData& person, const PostingData& posting,
                                      double& chord_squared) const {
    if (!person.consent) return Constraint::kConsent;
    if ((person.want_bits >> posting.person_bit & 1u) == 0) return Constraint::kKind;
    if (posting.spots <= 0 || person.capacity <= 0 ||
        (posting.seats > 0 && posting.seats < person.group_size)) {
      return Constraint::kCapacity;
    }
    if ((person.needs & ~posting.facilities) != 0) return Constraint::kFacilities;
    if (posting.end_day < posting.start_day) return Constraint::kDates;
    if (posting.slots != 0 && (person.slots & posting.slots) == 0) return Constraint::kTimeSlot;
    if (posting.languages.begin != posting.languages.end && CommonLanguages(person, posting) == 0) {
      return Constraint::kLanguage;
    }
    if (person.dutch < posting.min_dutch) return Constraint::kDutchLevel;
    for (uint32_t rest = posting.certificates; rest != 0; rest &= rest - 1) {
      if (person.certificate_until[std::countr_zero(rest)] < posting.start_day) {
        return Constraint::kCertificate;
      }
    }
    if (!OldEnough(person, posting.min_age, posting.start_day)) return Constraint::kAge;
    chord_squared = 0;
    if (posting.placed) {
      chord_squared = ChordSquared(person.home, posting.place);
      if (chord_squared > std::min(person.travel_chord_squared, posting.radius_chord_squared)) {
        return Constraint::kDistance;
      }
    }
    return std::nullopt;
  }

  int Preferences(const PersonData& person, const PostingData& posting) const {
    return (person.buddy_gender >= 0 && person.buddy_gender == posting.gender ? 1 : 0) +
           (posting.preferred_gender >= 0 && posting.preferred_gender == person.gender ? 1 : 0);
  }

  // The pair's score; the pair is expected to pass Violation.
  int32_t Score(const PersonData& person, const PostingData& posting, double chord_squared) const {
    const Weights& w = weights;
    double points =
        w.shared_language * std::min(CommonLanguages(person, posting), kMaxCountedLanguages);
    if (posting.placed) {
      double limit = std::min(person.travel_km, posting.radius_km);
      double km = KmOfChordSquared(chord_squared);
      points += w.distance * (limit > 0 ? std::max(0.0, 1 - km / limit) : 1.0);
    }
    if (posting.slots != 0) {
      points +=
          w.shared_slot * std::min(std::popcount(person.slots & posting.slots), kMaxCountedSlots);
    }
    const uint32_t* ids = term_ids.data();
    points +=
        w.skill * std::min(CountCommon(ids, person.skills, ids, posting.skills), kMaxCountedSkills);
    points += w.interest * std::min(CountCommon(ids, person.interests, ids, posting.terms),
                                    kMaxCountedInterests);
    points += w.preference * Preferences(person, posting);
    return static_cast<int32_t>(std::lround(std::min(points, kMaxPoints)));
  }

  int32_t Bonus(const PersonData& person, bool favour_waiting) const {
    if (!favour_waiting) return 0;
    double points =
        std::min(weights.waiting_max, weights.waiting_per_week * person.waiting_days / 7);
    return static_cast<int32_t>(std::lround(std::min(points, kMaxPoints)));
  }

  bool Scores(int32_t score) const { return score > weights.min_score; }

  std::vector<std::string> CommonTerms(Range a, Range b) const {
    std::vector<std::string> common;
    for (uint32_t i = a.begin; i < a.end; ++i) {
      for (uint32_t j = b.begin; j < b.end; ++j) {
        if (term_ids[i] == term_ids[j]) common.push_back(terms[term_ids[i]]);
      }
    }
    std::sort(common.begin(), common.end());
    return common;
  }

  std::vector<Reason> Reasons(size_t person_index, size_t posting_index, double chord_squared,
                              bool favour_waiting) const {
    const PersonData& person = person_data[person_index];
    const PostingData& posting = posting_data[posting_index];
    std::vector<Reason> reasons;
    std::vector<std::string> languages;
    for (uint32_t i = posting.languages.begin; i < posting.languages.end; ++i) {
      for (uint32_t j = person.languages.begin; j < person.languages.end; ++j) {
        if (language_ids[i] == language_ids[j])
          languages.push_back(language_codes[language_ids[i]]);
      }
    }
    std::sort(languages.begin(), languages.end());
    for (std::string& code : languages) {
      reasons.push_back(ValueReason(ReasonCode::kSpeaksLanguage, std::move(code)));
    }
    if (posting.placed) {
      double km = std::round(KmOfChordSquared(chord_squared) * 10) / 10;
      reasons.push_back(NumberReason(ReasonCode::kDistance, km));
    }
    if (posting.slots != 0) {
      for (Slot slot : WeeklySlots::FromBits(person.slots & posting.slots).slots()) {
        reasons.push_back(SlotReason(slot));
      }
    }
    for (std::string& skill : CommonTerms(person.skills, posting.skills)) {
      reasons.push_back(ValueReason(ReasonCode::kHasSkill, std::move(skill)));
    }
    for (std::string& term : CommonTerms(person.interests, posting.terms)) {
      reasons.push_back(ValueReason(ReasonCode::kSharedInterest, std::move(term)));
    }
    if (person.buddy_gender >= 0 && person.buddy_gender == posting.gender) {
      reasons.push_back(ValueReason(ReasonCode::kPreferenceMet, "person"));
    }
    if (posting.preferred_gender >= 0 && posting.preferred_gender == person.gender) {
      reasons.push_back(ValueReason(ReasonCode::kPreferenceMet, "posting"));
    }
    for (uint32_t rest = posting.certificates; rest != 0; rest &= rest - 1) {
      auto kind = static_cast<CertificateKind>(std::countr_zero(rest));
      reasons.push_back(ValueReason(ReasonCode::kValidCertificate, CertificateName(kind)));
    }
    if (Bonus(person, favour_waiting) > 0) {
      reasons.push_back(NumberReason(ReasonCode::kWaiting, std::floor(person.waiting_days / 7.0)));
    }
    return reasons;
  }

  // Calls found(posting, score, bonus, chord_squared) for every candidate posting of a person.
  template <typename Found>
  void CandidatesOfPerson(int32_t person_index, bool favour_waiting, Found&& found) const {
    const PersonData& person = person_data[person_index];
    if (!person.consent || person.capacity <= 0) return;
    int32_t bonus = Bonus(person, favour_waiting);
    auto visit = [&](int32_t posting_index) {
      const PostingData& posting = posting_data[posting_index];
      double chord_squared = 0;
      if (Violation(person, posting, chord_squared)) return;
      int32_t score = Score(person, posting, chord_squared);
      if (Scores(score)) found(posting_index, score, bonus, chord_squared);
    };
    domain::LatLon home = people[person_index].home;
    for (uint32_t rest = person.want_bits; rest != 0; rest &= rest - 1) {
      int bit = std::countr_zero(rest);
      postings_by_bit[bit].VisitNear(home, person.travel_km, visit);
      for (int32_t posting_index : unplaced_by_bit[bit]) visit(posting_index);
    }
  }

  std::vector<Suggestion> Best(std::vector<Ranked>& ranked, size_t k, bool of_postings,
                               size_t other, bool favour_waiting) const {
    size_t count = std::min(k, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(count),
                      ranked.end());
    std::vector<Suggestion> suggestions;
    suggestions.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      size_t index = static_cast<size_t>(ranked[i].index);
      size_t person = of_postings ? other : index, posting = of_postings ? index : other;
      suggestions.push_back(
          Suggestion{index, ranked[i].weight,
                     Reasons(person, posting, ranked[i].chord_squared, favour_waiting)});
    }
    return suggestions;
  }
};

namespace {

std::string Field(std::string_view list, size_t index, std::string_view field) {
  return std::string(list) + "[" + std::to_string(index) + "]." + std::string(field);
}

bool ValidKm(double km) { return std::isfinite(km) && km >= 0; }

// Interns strings as small dense ids.
class Interner {
 public:
  explicit Interner(std::vector<std::string>& names) : names_(names) {}
  uint32_t Id(const std::string& name) {
    auto [it, inserted] = ids_.emplace(name, static_cast<uint32_t>(names_.size()));
    if (inserted) names_.push_back(name);
    return it->second;
  }

 private:
  std::vector<std::string>& names_;
  std::unordered_map<std::string, uint32_t> ids_;
};

// Appends the ids of `names`, sorted and without duplicates, and returns their range.
Range AddIds(const std::vector<std::string>& names, Interner& interner,
             std::vector<uint32_t>& pool) {
  Range range{static_cast<uint32_t>(pool.size()), 0};
  for (const std::string& name : names) pool.push_back(interner.Id(name));
  std::sort(pool.begin() + range.begin, pool.end());
  pool.erase(std::unique(pool.begin() + range.begin, pool.end()), pool.end());
  range.end = static_cast<uint32_t>(pool.size());
  return range;
}

uint64_t MaskOf(const std::vector<uint32_t>& ids, Range range) {
  uint64_t mask = 0;
  for (uint32_t i = range.begin; i < range.end; ++i) mask |= uint64_t{1} << (ids[i] % 64);
  return mask;
}

Status CheckProfile(const Profile& person, size_t i) {
  if (!domain::IsValid(person.home)) {
    return InvalidArgument(Field("people", i, "home"), "the home place is out of range");
  }
  if (!ValidKm(person.travel_km)) {
    return InvalidArgument(Field("people", i, "travel_km"), "the travel distance must be >= 0");
  }
  if (person.max_matches < 0 || person.group_size < 0) {
    return InvalidArgument(
        Field("people", i, person.max_matches < 0 ? "max_matches" : "group_size"),
        "a count must be >= 0");
  }
  if (person.age && (*person.age < 0 || *person.age > 150)) {
    return InvalidArgument(Field("people", i, "age"), "the age must be 0..150");
  }
  for (const Want& want : person.wants) {
    if (static_cast<int>(want.kind) >= kPostingKinds || static_cast<int>(want.side) > 1) {
      return InvalidArgument(Field("people", i, "wants"), "unknown posting kind or side");
    }
  }
  for (size_t j = 0; j < person.languages.size(); ++j) {
    if (!IsLanguageCode(person.languages[j].code) || person.languages[j].level > Cefr::kC2) {
      return InvalidArgument(Field("people", i, "languages[" + std::to_string(j) + "]"),
                             "a language is a 2- or 3-letter lower-case code with a CEFR level");
    }
  }
  for (const Certificate& certificate : person.certificates) {
    if (static_cast<int>(certificate.kind) >= kCertificateKinds) {
      return InvalidArgument(Field("people", i, "certificates"), "unknown certificate kind");
    }
  }
  for (Facility facility : person.needs) {
    if (static_cast<int>(facility) >= kFacilities) {
      return InvalidArgument(Field("people", i, "needs"), "unknown facility");
    }
  }
  auto bad_gender = [](const std::optional<Gender>& g) { return g && *g > Gender::kNonBinary; };
  if (bad_gender(person.gender) || bad_gender(person.buddy_gender)) {
    return InvalidArgument(Field("people", i, "gender"), "unknown gender");
  }
  return {};
}

Status CheckPosting(const Posting& posting, size_t i) {
  if (static_cast<int>(posting.kind) >= kPostingKinds || static_cast<int>(posting.side) > 1) {
    return InvalidArgument(Field("postings", i, "kind"), "unknown posting kind or side");
  }
  if (posting.place && !domain::IsValid(*posting.place)) {
    return InvalidArgument(Field("postings", i, "place"), "the place is out of range");
  }
  if (!ValidKm(posting.radius_km)) {
    return InvalidArgument(Field("postings", i, "radius_km"), "the radius must be >= 0");
  }
  if (posting.spots < 0 || posting.seats < 0) {
    return InvalidArgument(Field("postings", i, posting.spots < 0 ? "spots" : "seats"),
                           "a count must be >= 0");
  }
  if (posting.min_age < 0 || posting.min_age > 150) {
    return InvalidArgument(Field("postings", i, "min_age"), "the minimum age must be 0..150");
  }
  if (posting.end && *posting.end < posting.start) {
    return InvalidArgument(Field("postings", i, "end"), "the posting ends before it starts");
  }
  if (posting.min_dutch > Cefr::kC2) {
    return InvalidArgument(Field("postings", i, "min_dutch"), "unknown CEFR level");
  }
  for (size_t j = 0; j < posting.languages.size(); ++j) {
    if (!IsLanguageCode(posting.languages[j])) {
      return InvalidArgument(Field("postings", i, "languages[" + std::to_string(j) + "]"),
                             "a language is a 2- or 3-letter lower-case code");
    }
  }
  for (CertificateKind kind : posting.certificates) {
    if (static_cast<int>(kind) >= kCertificateKinds) {
      return InvalidArgument(Field("postings", i, "certificates"), "unknown certificate kind");
    }
  }
  for (Facility facility : posting.facilities) {
    if (static_cast<int>(facility) >= kFacilities) {
      return InvalidArgument(Field("postings", i, "facilities"), "unknown facility");
    }
  }
  auto bad_gender = [](const std::optional<Gender>& g) { return g && *g > Gender::kNonBinary; };
  if (bad_gender(posting.gender) || bad_gender(posting.preferred_gender)) {
    return InvalidArgument(Field("postings", i, "gender"), "unknown gender");
  }
  return {};
}

}  // namespace

Result<std::unique_ptr<Matcher>> Matcher::Create(std::vector<Profile> people,
                                                 std::vector<Posting> postings,
                                                 const Weights& weights, Day today) {
  if (people.size() > INT32_MAX || postings.size() > INT32_MAX) {
    return InvalidArgument("people", "too many people or postings for one matcher");
  }
  for (size_t i = 0; i < people.size(); ++i) {
    if (Status status = CheckProfile(people[i], i); !status) return status.error();
  }
  for (size_t i = 0; i < postings.size(); ++i) {
    if (Status status = CheckPosting(postings[i], i); !status) return status.error();
  }

  auto compiled = std::make_unique<Compiled>();
  Compiled& c = *compiled;
  c.weights = weights;
  Interner languages(c.language_codes), terms(c.terms);
  int32_t today_number = DayNumber(today);

  c.person_data.resize(people.size());
  for (size_t i = 0; i < people.size(); ++i) {
    const Profile& in = people[i];
    PersonData& out = c.person_data[i];
    out.home = ToUnit(in.home);
    out.travel_km = in.travel_km;
    out.travel_chord_squared = ChordSquaredOfKm(in.travel_km);
    for (const Want& want : in.wants) out.want_bits |= 1u << WantBit(want.kind, want.side);
    out.slots = in.availability.bits();
    std::vector<std::string> codes;
    for (const LanguageSkill& skill : in.languages) {
      codes.push_back(skill.code);
      if (skill.code == "nl") out.dutch = std::max(out.dutch, static_cast<int8_t>(skill.level));
    }
    out.languages = AddIds(codes, languages, c.language_ids);
    out.skills = AddIds(in.skills, terms, c.term_ids);
    out.interests = AddIds(in.interests, terms, c.term_ids);
    for (Facility facility : in.needs) out.needs |= 1u << static_cast<int>(facility);
    out.capacity = in.max_matches;
    out.group_size = in.group_size;
    if (in.birth_date) out.birth_day = DayNumber(*in.birth_date);
    out.age = in.age.value_or(-1);
    if (in.waiting_since)
      out.waiting_days = std::max(0, today_number - DayNumber(*in.waiting_since));
    for (const Certificate& certificate : in.certificates) {
      int32_t& until = out.certificate_until[static_cast<int>(certificate.kind)];
      until = std::max(until, DayNumber(certificate.valid_until));
    }
    out.gender = GenderCode(in.gender);
    out.buddy_gender = GenderCode(in.buddy_gender);
    out.consent = in.consent;
  }

  c.posting_data.resize(postings.size());
  for (size_t i = 0; i < postings.size(); ++i) {
    const Posting& in = postings[i];
    PostingData& out = c.posting_data[i];
    out.placed = in.place.has_value();
    if (out.placed) out.place = ToUnit(*in.place);
    out.radius_km = in.radius_km;
    out.radius_chord_squared = ChordSquaredOfKm(in.radius_km);
    out.person_bit = WantBit(in.kind, Other(in.side));
    out.slots = in.availability.bits();
    out.languages = AddIds(in.languages, languages, c.language_ids);
    out.skills = AddIds(in.skills, terms, c.term_ids);
    out.terms = AddIds(in.terms, terms, c.term_ids);
    for (Facility facility : in.facilities) out.facilities |= 1u << static_cast<int>(facility);
    for (CertificateKind kind : in.certificates) out.certificates |= 1u << static_cast<int>(kind);
    out.spots = in.spots;
    out.seats = in.seats;
    out.min_age = in.min_age;
    out.start_day = std::max(DayNumber(in.start), today_number);
    if (in.end) out.end_day = DayNumber(*in.end);
    out.min_dutch = static_cast<int8_t>(in.min_dutch);
    out.gender = GenderCode(in.gender);
    out.preferred_gender = GenderCode(in.preferred_gender);
  }

  // Language masks need the final number of languages to know whether they are exact.
  c.exact_language_masks = c.language_codes.size() <= 64;
  for (PersonData& person : c.person_data)
    person.language_mask = MaskOf(c.language_ids, person.languages);
  for (PostingData& posting : c.posting_data)
    posting.language_mask = MaskOf(c.language_ids, posting.languages);

  for (size_t i = 0; i < postings.size(); ++i) {
    const PostingData& posting = c.posting_data[i];
    if (posting.spots <= 0) continue;
    if (postings[i].place) {
      c.postings_by_bit[posting.person_bit].Add(*postings[i].place, static_cast<int32_t>(i));
    } else {
      c.unplaced_by_bit[posting.person_bit].push_back(static_cast<int32_t>(i));
    }
  }
  for (size_t i = 0; i < people.size(); ++i) {
    const PersonData& person = c.person_data[i];
    if (!person.consent || person.capacity <= 0) continue;
    for (uint32_t rest = person.want_bits; rest != 0; rest &= rest - 1) {
      c.people_by_bit[std::countr_zero(rest)].Add(people[i].home, static_cast<int32_t>(i));
    }
  }
  for (PlaceGrid& grid : c.postings_by_bit) grid.Finish();
  for (PlaceGrid& grid : c.people_by_bit) grid.Finish();

  c.people = std::move(people);
  c.postings = std::move(postings);
  return std::unique_ptr<Matcher>(new Matcher(std::move(compiled)));
}

Matcher::Matcher(std::unique_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}
Matcher::~Matcher() = default;

size_t Matcher::people_count() const { return compiled_->people.size(); }
size_t Matcher::postings_count() const { return compiled_->postings.size(); }
const Profile& Matcher::person(size_t index) const { return compiled_->people.at(index); }
const Posting& Matcher::posting(size_t index) const { return compiled_->postings.at(index); }

std::optional<Constraint> Matcher::Check(size_t person, size_t posting) const {
  const Compiled& c = *compiled_;
  const PersonData& p = c.person_data.at(person);
  const PostingData& q = c.posting_data.at(posting);
  double chord_squared = 0;
  if (auto violation = c.Violation(p, q, chord_squared)) return violation;
  if (!c.Scores(c.Score(p, q, chord_squared))) return Constraint::kScore;
  return std::nullopt;
}

std::optional<Suggestion> Matcher::Evaluate(size_t person, size_t posting,
                                            bool favour_waiting) const {
  const Compiled& c = *compiled_;
  const PersonData& p = c.person_data.at(person);
  const PostingData& q = c.posting_data.at(posting);
  double chord_squared = 0;
  if (c.Violation(p, q, chord_squared)) return std::nullopt;
  int32_t score = c.Score(p, q, chord_squared);
  if (!c.Scores(score)) return std::nullopt;
  return Suggestion{posting, score + c.Bonus(p, favour_waiting),
                    c.Reasons(person, posting, chord_squared, favour_waiting)};
}

std::vector<Suggestion> Matcher::SuggestForPerson(size_t person,
                                                  const SuggestOptions& options) const {
  const Compiled& c = *compiled_;
  (void)c.person_data.at(person);  // throws when out of range
  std::vector<Ranked> ranked;
  c.CandidatesOfPerson(static_cast<int32_t>(person), options.favour_waiting,
                       [&](int32_t posting, int32_t score, int32_t bonus, double chord_squared) {
                         ranked.push_back(Ranked{score + bonus, score, chord_squared, posting});
                       });
  return c.Best(ranked, options.k, /*of_postings=*/true, person, options.favour_waiting);
}

std::vector<Suggestion> Matcher::SuggestForPosting(size_t posting,
                                                   const SuggestOptions& options) const {
  const Compiled& c = *compiled_;
  const PostingData& q = c.posting_data.at(posting);
  std::vector<Ranked> ranked;
  auto visit = [&](int32_t person_index) {
    const PersonData& p = c.person_data[person_index];
    double chord_squared = 0;
    if (c.Violation(p, q, chord_squared)) return;
    int32_t score = c.Score(p, q, chord_squared);
    if (!c.Scores(score)) return;
    ranked.push_back(
        Ranked{score + c.Bonus(p, options.favour_waiting), score, chord_squared, person_index});
  };
  const PlaceGrid& grid = c.people_by_bit[q.person_bit];
  if (const auto& place = c.postings[posting].place) {
    grid.VisitNear(*place, q.radius_km, visit);
  } else {
    grid.VisitAll(visit);
  }
  return c.Best(ranked, options.k, /*of_postings=*/false, posting, options.favour_waiting);
}

std::vector<Candidate> Matcher::Candidates(bool favour_waiting) const {
  const Compiled& c = *compiled_;
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < c.people.size(); ++i) {
    auto person = static_cast<int32_t>(i);
    size_t first = candidates.size();
    c.CandidatesOfPerson(person, favour_waiting,
                         [&](int32_t posting, int32_t score, int32_t bonus, double) {
                           candidates.push_back(Candidate{person, posting, score, bonus});
                         });
    std::sort(candidates.begin() + static_cast<std::ptrdiff_t>(first), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.posting < b.posting; });
  }
  return candidates;
}

Result<RoundResult> Matcher::Round(const RoundOptions& options) const {
  const Compiled& c = *compiled_;
  std::vector<Candidate> candidates = Candidates(options.favour_waiting);
  std::vector<int> capacity(c.people.size()), spots(c.postings.size());
  for (size_t i = 0; i < capacity.size(); ++i) capacity[i] = c.person_data[i].capacity;
  for (size_t j = 0; j < spots.size(); ++j) spots[j] = c.posting_data[j].spots;
  return SolveRound(candidates, capacity, spots);
}

}  // namespace knooppunt::match
