// What people type into postings and profiles: each field's rule, and the field each error names.
#include "exchange/validate.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "exchange/convert.h"
#include "match/match_testing.h"
#include "store/posting_store.h"

namespace knooppunt::exchange {
namespace {

const match::Day kToday = match::testing::kToday;  // 2026-11-21

store::PostingRecord FullPosting() {
  return {.id = "",
          .kind = "space",
          .side = "offer",
          .author_id = "",
          .title = "Zaal voor 40 personen",
          .description = "Een lichte zaal met keuken.",
          .languages = {"nl", "ti", "prs"},
          .place_name = "Groningen",
          .latitude = 53.2,
          .longitude = 6.5,
          .radius_km = 200,
          .availability = (1u << 21) - 1,
          .starts_on = "2026-12-01",
          .ends_on = "2026-12-01",
          .capacity = 1000,
          .certificates = {"vog", "first_aid", "food_hygiene", "driving_licence"},
          .min_dutch = "A2",
          .min_age = 120,
          .skills = {"cooking"},
          .terms = {"term-food"},
          .goods_category = "furniture",
          .delivery = "either",
          .seats = 40,
          .facilities = {"kitchen", "step_free", "projector", "prayer_space", "child_corner",
                         "parking"},
          .price_cents = 0};
}

store::ProfileRecord FullProfile() {
  return {.account_id = "",
          .wants = {"buddy:request", "space:request"},
          .languages = {{"nl", "B1"}, {"ti", ""}},
          .skills = {"cooking"},
          .interests = {"term-food"},
          .availability = 5,
          .place_name = "Groningen",
          .latitude = -90,
          .longitude = 180,
          .travel_km = 0,
          .max_matches = 3,
          .certificates = {{"vog", "2027-06-01"}},
          .birth_date = "2026-11-20",
          .gender = "woman",
          .buddy_gender = "non_binary"};
}

// The field the first error names, or "" when valid.
std::string FieldOf(const Status& status) { return status.ok() ? "" : status.error().field; }

TEST(ValidatePosting, AcceptsEveryFieldAtItsLimits) {
  Status status = ValidatePosting(FullPosting());
  EXPECT_TRUE(status.ok()) << FieldOf(status) << ": " << status.error().message;
  store::PostingRecord short_one = FullPosting();
  short_one.title = "ሰላ";  // two code points, six bytes
  short_one.latitude.reset();
  short_one.longitude.reset();
  short_one.radius_km = 0;
  short_one.capacity = 1;
  short_one.ends_on.reset();
  short_one.starts_on = "";
  EXPECT_TRUE(ValidatePosting(short_one).ok());
  short_one.title.clear();
  for (int i = 0; i < 120; ++i) short_one.title += "é";  // 120 code points, 240 bytes
  EXPECT_TRUE(ValidatePosting(short_one).ok());
}

TEST(ValidatePosting, NamesTheFieldOfEachError) {
  struct Case {
    std::string field;
    std::function<void(store::PostingRecord&)> change;
  };
  const std::vector<Case> cases = {
      {"kind", [](auto& p) { p.kind = "job"; }},
      {"side", [](auto& p) { p.side = "both"; }},
      {"title", [](auto& p) { p.title = std::string(1, 'a'); }},
      {"title", [](auto& p) { p.title = std::string(121, 'a'); }},
      {"title", [](auto& p) { p.title = std::string("ab\0c", 4); }},
      {"title", [](auto& p) { p.title = "ab\xC3"; }},
      {"description", [](auto& p) { p.description = std::string(5001, 'x'); }},
      {"description", [](auto& p) { p.description = "\xED\xA0\x80"; }},  // a surrogate
      {"languages[1]",
       [](auto& p) {
         p.languages = {"nl", "NL"};
       }},
      {"languages[0]", [](auto& p) { p.languages = {"dutch"}; }},
      {"languages[0]", [](auto& p) { p.languages = {"n"}; }},
      {"longitude", [](auto& p) { p.longitude.reset(); }},
      {"latitude", [](auto& p) { p.latitude.reset(); }},
      {"latitude", [](auto& p) { p.latitude = 90.5; }},
      {"longitude", [](auto& p) { p.longitude = -181; }},
      {"radius_km", [](auto& p) { p.radius_km = 200.5; }},
      {"radius_km", [](auto& p) { p.radius_km = -1; }},
      {"availability", [](auto& p) { p.availability = 1u << 21; }},
      {"starts_on", [](auto& p) { p.starts_on = "2026-02-30"; }},
      {"starts_on", [](auto& p) { p.starts_on = "1-12-2026"; }},
      {"ends_on", [](auto& p) { p.ends_on = "2026-11-30"; }},
      {"ends_on", [](auto& p) { p.ends_on = "tomorrow"; }},
      {"capacity", [](auto& p) { p.capacity = 0; }},
      {"capacity", [](auto& p) { p.capacity = 1001; }},
      {"certificates[1]",
       [](auto& p) {
         p.certificates = {"vog", "passport"};
       }},
      {"min_dutch", [](auto& p) { p.min_dutch = "B3"; }},
      {"min_dutch", [](auto& p) { p.min_dutch = ""; }},
      {"min_age", [](auto& p) { p.min_age = 121; }},
      {"min_age", [](auto& p) { p.min_age = -1; }},
      {"skills[0]", [](auto& p) { p.skills = {"cooking,driving"}; }},
      {"skills[0]", [](auto& p) { p.skills = {""}; }},
      {"terms[0]", [](auto& p) { p.terms = {std::string("a\0b", 3)}; }},
      {"delivery", [](auto& p) { p.delivery = "drone"; }},
      {"seats", [](auto& p) { p.seats = -1; }},
      {"facilities[1]",
       [](auto& p) {
         p.facilities = {"kitchen", "pool"};
       }},
      {"price_cents", [](auto& p) { p.price_cents = -1; }},
      {"place_name", [](auto& p) { p.place_name = std::string(201, 'x'); }},
  };
  for (const Case& c : cases) {
    store::PostingRecord posting = FullPosting();
    c.change(posting);
    Status status = ValidatePosting(posting);
    ASSERT_FALSE(status.ok()) << c.field;
    EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(status.error().field, c.field);
  }
}

TEST(ValidateProfile, AcceptsEveryFieldAtItsLimits) {
  Status status = ValidateProfile(FullProfile(), kToday);
  EXPECT_TRUE(status.ok()) << FieldOf(status) << ": " << status.error().message;
  store::ProfileRecord far = FullProfile();
  far.travel_km = 200;
  far.latitude.reset();
  far.longitude.reset();
  far.birth_date.reset();
  far.gender.reset();
  EXPECT_TRUE(ValidateProfile(far, kToday).ok());
}

TEST(ValidateProfile, NamesTheFieldOfEachError) {
  struct Case {
    std::string field;
    std::function<void(store::ProfileRecord&)> change;
  };
  const std::vector<Case> cases = {
      {"wants[1]",
       [](auto& p) {
         p.wants = {"buddy:request", "buddy"};
       }},
      {"wants[0]", [](auto& p) { p.wants = {"buddy:both"}; }},
      {"wants", [](auto& p) { p.wants.assign(51, "buddy:request"); }},
      {"languages", [](auto& p) { p.languages.assign(51, {"nl", ""}); }},
      {"certificates", [](auto& p) { p.certificates.assign(51, {"vog", "2027-01-01"}); }},
      {"wants[0]", [](auto& p) { p.wants = {"job:offer"}; }},
      {"languages[1]",
       [](auto& p) {
         p.languages = {{"nl", "B1"}, {"N", ""}};
       }},
      {"languages[0]",
       [](auto& p) {
         p.languages = {{"nl", "D1"}};
       }},
      {"skills[0]", [](auto& p) { p.skills = {"a,b"}; }},
      {"interests[0]", [](auto& p) { p.interests = {""}; }},
      {"availability", [](auto& p) { p.availability = 1u << 25; }},
      {"longitude", [](auto& p) { p.longitude.reset(); }},
      {"latitude", [](auto& p) { p.latitude = -91; }},
      {"travel_km", [](auto& p) { p.travel_km = 201; }},
      {"travel_km", [](auto& p) { p.travel_km = -0.5; }},
      {"max_matches", [](auto& p) { p.max_matches = 0; }},
      {"certificates[0]",
       [](auto& p) {
         p.certificates = {{"passport", "2027-01-01"}};
       }},
      {"certificates[0]",
       [](auto& p) {
         p.certificates = {{"vog", "2027-1-1"}};
       }},
      {"birth_date", [](auto& p) { p.birth_date = "2026-11-21"; }},  // today is not the past
      {"birth_date", [](auto& p) { p.birth_date = "2030-01-01"; }},
      {"birth_date", [](auto& p) { p.birth_date = "1800-01-01"; }},
      {"birth_date", [](auto& p) { p.birth_date = "21-11-1990"; }},
      {"gender", [](auto& p) { p.gender = "other"; }},
      {"buddy_gender", [](auto& p) { p.buddy_gender = ""; }},
      {"place_name", [](auto& p) { p.place_name = std::string(1, '\xFF'); }},
  };
  for (const Case& c : cases) {
    store::ProfileRecord profile = FullProfile();
    c.change(profile);
    Status status = ValidateProfile(profile, kToday);
    ASSERT_FALSE(status.ok()) << c.field;
    EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(status.error().field, c.field);
  }
}

}  // namespace
}  // namespace knooppunt::exchange
