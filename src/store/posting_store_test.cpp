// The posting store's contract, run against SQLite always and against PostgreSQL when the test
// command provides a server (KNOOPPUNT_TEST_POSTGRESQL=postgresql://USER@HOST:PORT/postgres).
#include "store/posting_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/uuid.h"
#include "store/store.h"
#include "store/test_database.h"

namespace knooppunt::store {
namespace {

using domain::Record;
using domain::Table;
using testing_support::TestDatabase;

// Times in the order they are numbered.
constexpr const char* kT1 = "2026-03-01T10:00:00.000Z";
constexpr const char* kT2 = "2026-03-02T10:00:00.000Z";
constexpr const char* kT3 = "2026-03-03T10:00:00.000Z";
constexpr const char* kT4 = "2026-03-04T10:00:00.000Z";
constexpr const char* kT5 = "2026-03-05T10:00:00.000Z";

const std::string kHostile =
    "O'Brien \"Bobby\" '; DROP TABLE posting; -- \\ % _ !% :name $1 مرحبا بكم 👋🏽";

std::string OrganizationId(const std::string& key) { return domain::NameUuid("org:" + key); }
std::string AccountId(const std::string& key) { return domain::NameUuid("account:" + key); }
std::string PostingId(const std::string& key) { return domain::NameUuid("posting:" + key); }
std::string MatchId(const std::string& key) { return domain::NameUuid("match:" + key); }
std::string RoundId(const std::string& key) { return domain::NameUuid("round:" + key); }

Record Organization(const std::string& key) {
  return Record(Table::kOrganization)
      .With("id", OrganizationId(key))
      .With("name", "Stichting " + key)
      .With("description", "Beschrijving van " + key);
}

PostingRecord NewPosting(const std::string& key, const std::string& author_key,
                         const std::string& created_at = kT1) {
  return PostingRecord{.id = PostingId(key),
                       .kind = "volunteer_work",
                       .side = "offer",
                       .status = "open",
                       .author_id = AccountId(author_key),
                       .title = "Posting " + key,
                       .created_at = created_at};
}

// Every field set to something other than its default.
PostingRecord FullPosting(const std::string& key, const std::string& author_key) {
  PostingRecord posting = NewPosting(key, author_key);
  posting.kind = "space";
  posting.side = "request";
  posting.status = "awaiting_moderation";
  posting.organization_id = OrganizationId("a");
  posting.description = "Een ruimte voor taallessen\nmet twee regels";
  posting.languages = {"nl", "ar", "ti"};
  posting.place_name = "Enschede";
  posting.latitude = 52.221537;
  posting.longitude = 6.893662;
  posting.radius_km = 7.25;
  posting.availability = (1u << 20) | (1u << 3) | 1u;
  posting.starts_on = "2026-04-01";
  posting.ends_on = "2026-06-30";
  posting.capacity = 3;
  posting.certificates = {"vog", "first_aid"};
  posting.min_dutch = "B1";
  posting.min_age = 18;
  posting.skills = {"cooking", "driving"};
  posting.terms = {domain::NameUuid("term:1"), domain::NameUuid("term:2")};
  posting.goods_category = "furniture";
  posting.delivery = "either";
  posting.seats = 24;
  posting.facilities = {"kitchen", "step_free", "prayer_space"};
  posting.price_cents = 1250;
  posting.updated_at = kT2;
  posting.moderated_by = AccountId("desk");
  return posting;
}

ProfileRecord FullProfile(const std::string& key) {
  return ProfileRecord{.account_id = AccountId(key),
                       .consent_at = kT1,
                       .wants = {"buddy:request", "volunteer_work:offer"},
                       .languages = {{"ar", "C2"}, {"nl", "A2"}, {"en", ""}},
                       .skills = {"cooking"},
                       .interests = {domain::NameUuid("term:1")},
                       .availability = (1u << 20) | 5u,
                       .place_name = "Groningen",
                       .latitude = 53.2193835,
                       .longitude = 6.5665018,
                       .travel_km = 12.5,
                       .max_matches = 2,
                       .certificates = {{"vog", "2027-01-31"}, {"first_aid", "2026-12-01"}},
                       .birth_date = "1990-05-17",
                       .gender = "woman",
                       .buddy_gender = "woman",
                       .waiting_since = kT1};
}

MatchRecord NewMatch(const std::string& key, const std::string& posting_key,
                     const std::string& person_key) {
  return MatchRecord{.id = MatchId(key),
                     .posting_id = PostingId(posting_key),
                     .person_id = AccountId(person_key),
                     .score = 70,
                     .reasons = R"(["language:nl","distance:4"])",
                     .proposed_at = kT1,
                     .expires_at = kT3};
}

MatchRound NewRound(const std::string& key, const std::string& staff_key,
                    const std::string& created_at = kT1) {
  return MatchRound{
      .id = RoundId(key), .created_by = AccountId(staff_key), .created_at = created_at};
}

void ExpectSamePosting(const PostingRecord& read, const PostingRecord& written) {
  EXPECT_EQ(read.id, written.id);
  EXPECT_EQ(read.kind, written.kind);
  EXPECT_EQ(read.side, written.side);
  EXPECT_EQ(read.status, written.status);
  EXPECT_EQ(read.author_id, written.author_id);
  EXPECT_EQ(read.organization_id, written.organization_id);
  EXPECT_EQ(read.title, written.title);
  EXPECT_EQ(read.description, written.description);
  EXPECT_EQ(read.languages, written.languages);
  EXPECT_EQ(read.place_name, written.place_name);
  EXPECT_EQ(read.latitude, written.latitude);
  EXPECT_EQ(read.longitude, written.longitude);
  EXPECT_EQ(read.radius_km, written.radius_km);
  EXPECT_EQ(read.availability, written.availability);
  EXPECT_EQ(read.starts_on, written.starts_on);
  EXPECT_EQ(read.ends_on, written.ends_on);
  EXPECT_EQ(read.capacity, written.capacity);
  EXPECT_EQ(read.certificates, written.certificates);
  EXPECT_EQ(read.min_dutch, written.min_dutch);
  EXPECT_EQ(read.min_age, written.min_age);
  EXPECT_EQ(read.skills, written.skills);
  EXPECT_EQ(read.terms, written.terms);
  EXPECT_EQ(read.goods_category, written.goods_category);
  EXPECT_EQ(read.delivery, written.delivery);
  EXPECT_EQ(read.seats, written.seats);
  EXPECT_EQ(read.facilities, written.facilities);
  EXPECT_EQ(read.price_cents, written.price_cents);
  EXPECT_EQ(read.created_at, written.created_at);
  EXPECT_EQ(read.moderated_by, written.moderated_by);
}

void ExpectSameProfile(const ProfileRecord& read, const ProfileRecord& written) {
  EXPECT_EQ(read.account_id, written.account_id);
  EXPECT_EQ(read.consent_at, written.consent_at);
  EXPECT_EQ(read.wants, written.wants);
  EXPECT_EQ(read.languages, written.languages);
  EXPECT_EQ(read.skills, written.skills);
  EXPECT_EQ(read.interests, written.interests);
  EXPECT_EQ(read.availability, written.availability);
  EXPECT_EQ(read.place_name, written.place_name);
  EXPECT_EQ(read.latitude, written.latitude);
  EXPECT_EQ(read.longitude, written.longitude);
  EXPECT_EQ(read.travel_km, written.travel_km);
  EXPECT_EQ(read.max_matches, written.max_matches);
  EXPECT_EQ(read.certificates, written.certificates);
  EXPECT_EQ(read.birth_date, written.birth_date);
  EXPECT_EQ(read.gender, written.gender);
  EXPECT_EQ(read.buddy_gender, written.buddy_gender);
  EXPECT_EQ(read.waiting_since, written.waiting_since);
}

void ExpectSameMatch(const MatchRecord& read, const MatchRecord& written) {
  EXPECT_EQ(read.id, written.id);
  EXPECT_EQ(read.posting_id, written.posting_id);
  EXPECT_EQ(read.person_id, written.person_id);
  EXPECT_EQ(read.round_id, written.round_id);
  EXPECT_EQ(read.status, written.status);
  EXPECT_EQ(read.score, written.score);
  EXPECT_EQ(read.reasons, written.reasons);
  EXPECT_EQ(read.proposed_at, written.proposed_at);
  EXPECT_EQ(read.expires_at, written.expires_at);
  EXPECT_EQ(read.updated_at, written.updated_at);
  EXPECT_EQ(read.decline_reason, written.decline_reason);
  EXPECT_EQ(read.person_feedback, written.person_feedback);
  EXPECT_EQ(read.poster_feedback, written.poster_feedback);
}

std::vector<std::string> PostingIds(const PostingPage& page) {
  std::vector<std::string> ids;
  for (const auto& posting : page.postings) ids.push_back(posting.id);
  return ids;
}

std::vector<std::string> MatchIds(const std::vector<MatchRecord>& matches) {
  std::vector<std::string> ids;
  for (const auto& match : matches) ids.push_back(match.id);
  return ids;
}

class PostingStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgresql && std::getenv("KNOOPPUNT_TEST_POSTGRESQL") == nullptr) {
      GTEST_SKIP() << "KNOOPPUNT_TEST_POSTGRESQL is not set; the test command sets it";
    }
    database_ = std::make_unique<TestDatabase>(GetParam());
    options_.database = database_->url();
    options_.pool_size = 4;
    auto applied = Migrate(options_);
    ASSERT_TRUE(applied.ok()) << applied.error().message;
    auto store = OpenStore(options_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
  }

  PostingStore& postings() { return store_->postings(); }

  // Creates an account, failing the test when that fails.
  void AddAccount(const std::string& key) {
    Status status = store_->accounts().CreateAccount({.id = AccountId(key),
                                                      .email = key + "@example.nl",
                                                      .password_hash = "hash",
                                                      .created_at = kT1});
    ASSERT_TRUE(status.ok()) << status.error().message;
  }

  void Create(const PostingRecord& posting) {
    Status status = postings().CreatePosting(posting);
    ASSERT_TRUE(status.ok()) << status.error().message;
  }

  void Add(const MatchRecord& match) {
    Status status = postings().AddMatch(match);
    ASSERT_TRUE(status.ok()) << status.error().message;
  }

  void Message(const std::string& key, const std::string& match_key, const std::string& sender_key,
               const std::string& created_at = kT2) {
    Status status = postings().AddMessage({.id = domain::NameUuid("message:" + key),
                                           .match_id = MatchId(match_key),
                                           .sender_id = AccountId(sender_key),
                                           .body = "Hallo " + key,
                                           .created_at = created_at});
    ASSERT_TRUE(status.ok()) << status.error().message;
  }

  PostingPage List(const PostingFilter& filter, int64_t page = 1, int64_t per_page = 50) {
    auto listed = postings().ListPostings(filter, page, per_page);
    EXPECT_TRUE(listed.ok()) << listed.error().message;
    return listed.ok() ? *listed : PostingPage{};
  }

  std::unique_ptr<TestDatabase> database_;
  StoreOptions options_;
  std::unique_ptr<Store> store_;
};

// --- Postings.

TEST_P(PostingStoreTest, CreatedPostingReadsBackEveryField) {
  AddAccount("anna");
  AddAccount("desk");
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a")}).ok());
  PostingRecord posting = FullPosting("p", "anna");
  Create(posting);

  auto read = postings().PostingById(posting.id);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_TRUE(read->has_value());
  ExpectSamePosting(**read, posting);
  EXPECT_EQ((*read)->updated_at, kT2);
}

TEST_P(PostingStoreTest, UnsetOptionalPostingFieldsReadBackUnsetAndTimesAreSet) {
  AddAccount("anna");
  PostingRecord posting = NewPosting("p", "anna", "");
  posting.radius_km = 0.1 + 0.2;  // not exact in decimal: must still read back bit for bit
  Create(posting);

  auto read = postings().PostingById(posting.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  const PostingRecord& got = **read;
  EXPECT_FALSE(got.organization_id.has_value());
  EXPECT_FALSE(got.latitude.has_value());
  EXPECT_FALSE(got.longitude.has_value());
  EXPECT_FALSE(got.ends_on.has_value());
  EXPECT_FALSE(got.min_dutch.has_value());
  EXPECT_FALSE(got.price_cents.has_value());
  EXPECT_FALSE(got.moderated_by.has_value());
  EXPECT_TRUE(got.languages.empty());
  EXPECT_TRUE(got.facilities.empty());
  EXPECT_EQ(got.radius_km, 0.1 + 0.2);
  EXPECT_FALSE(got.created_at.empty());
  EXPECT_EQ(got.updated_at, got.created_at);
  EXPECT_FALSE(postings().PostingById(PostingId("nothing"))->has_value());
}

TEST_P(PostingStoreTest, PostingWithAnExistingIdIsAConflict) {
  AddAccount("anna");
  Create(NewPosting("p", "anna"));
  Status status = postings().CreatePosting(NewPosting("p", "anna"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
}

TEST_P(PostingStoreTest, PostingReferringToAMissingRecordNamesTheField) {
  AddAccount("anna");
  Status no_author = postings().CreatePosting(NewPosting("p", "nobody"));
  ASSERT_FALSE(no_author.ok());
  EXPECT_EQ(no_author.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(no_author.error().field, "author_id");

  PostingRecord no_organization = NewPosting("p", "anna");
  no_organization.organization_id = OrganizationId("none");
  Status status = postings().CreatePosting(no_organization);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(status.error().field, "organization_id");

  Create(NewPosting("p", "anna"));
  PostingRecord no_moderator = NewPosting("p", "anna");
  no_moderator.moderated_by = AccountId("nobody");
  status = postings().UpdatePosting(no_moderator, "open");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(status.error().field, "moderated_by");
}

TEST_P(PostingStoreTest, ListWithACommaInACodeIsRefused) {
  AddAccount("anna");
  PostingRecord posting = NewPosting("p", "anna");
  posting.skills = {"cooking,cleaning"};
  Status status = postings().CreatePosting(posting);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(status.error().field, "skills");
  EXPECT_FALSE(postings().PostingById(posting.id)->has_value());
}

TEST_P(PostingStoreTest, UpdateWritesEveryFieldButIdAuthorAndCreatedAtAndBumpsUpdatedAt) {
  AddAccount("anna");
  AddAccount("bram");
  AddAccount("desk");
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a")}).ok());
  PostingRecord original = NewPosting("p", "anna");
  original.updated_at = kT1;
  Create(original);
  PostingRecord changed = FullPosting("p", "bram");
  changed.created_at = kT4;
  Status status = postings().UpdatePosting(changed, original.status);
  ASSERT_TRUE(status.ok()) << status.error().message;

  auto read = postings().PostingById(original.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  changed.author_id = original.author_id;
  changed.created_at = original.created_at;
  ExpectSamePosting(**read, changed);
  EXPECT_GT((*read)->updated_at, kT5);  // now, not the caller's kT2

  // Clearing optional fields clears them.
  status = postings().UpdatePosting(NewPosting("p", "anna"), changed.status);
  ASSERT_TRUE(status.ok()) << status.error().message;
  read = postings().PostingById(original.id);
  EXPECT_FALSE((*read)->latitude.has_value());
  EXPECT_FALSE((*read)->organization_id.has_value());
  EXPECT_FALSE((*read)->price_cents.has_value());
  EXPECT_TRUE((*read)->languages.empty());
}

TEST_P(PostingStoreTest, UpdateOfAnUnknownPostingIsNotFound) {
  AddAccount("anna");
  Status status = postings().UpdatePosting(NewPosting("nothing", "anna"), "open");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
}

// Two help desk staff decide on the same posting at once: the second finds it decided.
TEST_P(PostingStoreTest, UpdateAfterAnotherChangeOfTheStatusIsAConflictAndWritesNothing) {
  AddAccount("anna");
  PostingRecord waiting = NewPosting("p", "anna");
  waiting.status = "awaiting_moderation";
  Create(waiting);
  PostingRecord approved = waiting;
  approved.status = "open";
  ASSERT_TRUE(postings().UpdatePosting(approved, "awaiting_moderation").ok());
  PostingRecord rejected = waiting;
  rejected.status = "draft";
  rejected.title = "Afgewezen";
  Status status = postings().UpdatePosting(rejected, "awaiting_moderation");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_EQ(status.error().field, "status");
  auto read = postings().PostingById(waiting.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->status, "open");
  EXPECT_EQ((*read)->title, waiting.title);
}

TEST_P(PostingStoreTest, ListIsNewestFirstWithTotalAndPages) {
  AddAccount("anna");
  Create(NewPosting("a", "anna", kT1));
  Create(NewPosting("b", "anna", kT3));
  Create(NewPosting("c", "anna", kT2));
  Create(NewPosting("d", "anna", kT5));
  Create(NewPosting("e", "anna", kT4));

  PostingPage all = List({});
  EXPECT_EQ(all.total, 5);
  EXPECT_EQ(PostingIds(all),
            (std::vector<std::string>{PostingId("d"), PostingId("e"), PostingId("b"),
                                      PostingId("c"), PostingId("a")}));
  PostingPage second = List({}, 2, 2);
  EXPECT_EQ(second.total, 5);
  EXPECT_EQ(PostingIds(second), (std::vector<std::string>{PostingId("b"), PostingId("c")}));
  PostingPage last = List({}, 3, 2);
  EXPECT_EQ(PostingIds(last), (std::vector<std::string>{PostingId("a")}));
  PostingPage beyond = List({}, 4, 2);
  EXPECT_EQ(beyond.total, 5);
  EXPECT_TRUE(beyond.postings.empty());
}

TEST_P(PostingStoreTest, ListFiltersCombineWithAnd) {
  AddAccount("anna");
  AddAccount("bram");
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a"), Organization("b")}).ok());
  PostingRecord a = NewPosting("a", "anna", kT1);  // open volunteer_work offer, org a
  a.organization_id = OrganizationId("a");
  PostingRecord b = NewPosting("b", "anna", kT2);  // draft goods offer
  b.kind = "goods";
  b.status = "draft";
  PostingRecord c = NewPosting("c", "bram", kT3);  // filled volunteer_work request, org a
  c.side = "request";
  c.status = "filled";
  c.organization_id = OrganizationId("a");
  PostingRecord d = NewPosting("d", "bram", kT4);  // closed volunteer_work offer, org b
  d.status = "closed";
  d.organization_id = OrganizationId("b");
  for (const auto& posting : {a, b, c, d}) Create(posting);

  auto ids = [&](const PostingFilter& filter) { return PostingIds(List(filter)); };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids({.statuses = {"open", "filled"}}), (Ids{c.id, a.id}));
  EXPECT_EQ(ids({.statuses = {"open", "filled", "open"}}), (Ids{c.id, a.id}));
  EXPECT_EQ(ids({.statuses = {"expired"}}), Ids{});
  EXPECT_EQ(ids({.kind = "goods"}), (Ids{b.id}));
  EXPECT_EQ(ids({.side = "request"}), (Ids{c.id}));
  EXPECT_EQ(ids({.author_id = AccountId("anna")}), (Ids{b.id, a.id}));
  EXPECT_EQ(ids({.organization_id = OrganizationId("a")}), (Ids{c.id, a.id}));
  EXPECT_EQ(ids({.kind = "volunteer_work", .side = "offer"}), (Ids{d.id, a.id}));
  EXPECT_EQ(ids({.statuses = {"open", "closed"}, .author_id = AccountId("bram")}), (Ids{d.id}));
  EXPECT_EQ(ids({.statuses = {"open"}, .organization_id = OrganizationId("b")}), Ids{});
  PostingPage filtered = List({.kind = "volunteer_work"}, 1, 1);
  EXPECT_EQ(filtered.total, 3);
  EXPECT_EQ(PostingIds(filtered), (Ids{d.id}));

  auto too_many =
      postings().ListPostings({.statuses = {"a", "b", "c", "d", "e", "f", "g", "h", "i"}}, 1, 10);
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(too_many.error().field, "statuses");
}

TEST_P(PostingStoreTest, TextFilterIsCaseInsensitiveAndTakesWildcardsLiterally) {
  AddAccount("anna");
  PostingRecord a = NewPosting("a", "anna", kT1);
  a.title = "Taalmaatje GEZOCHT";
  PostingRecord b = NewPosting("b", "anna", kT2);
  b.title = "Kookcursus";
  b.description = "Korting 50% voor studenten_met_pas";
  PostingRecord c = NewPosting("c", "anna", kT3);
  c.title = "Kookcursus 50 euro";
  c.description = "Studenten met pas! مرحبا";
  for (const auto& posting : {a, b, c}) Create(posting);

  auto ids = [&](const std::string& text) { return PostingIds(List({.text = text})); };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids("taalmaatje gezocht"), (Ids{a.id}));
  EXPECT_EQ(ids("KOOK"), (Ids{c.id, b.id}));
  EXPECT_EQ(ids("50%"), (Ids{b.id}));
  EXPECT_EQ(ids("studenten_met"), (Ids{b.id}));
  EXPECT_EQ(ids("pas!"), (Ids{c.id}));
  EXPECT_EQ(ids("مرحبا"), (Ids{c.id}));
  EXPECT_EQ(ids("%"), (Ids{b.id}));
  EXPECT_EQ(ids("_"), (Ids{b.id}));
  EXPECT_EQ(ids("nergens"), Ids{});
  EXPECT_EQ(List({.text = "kook"}).total, 2);
}

TEST_P(PostingStoreTest, ExpireEndsOpenAndFilledPostingsPastTheirLastDay) {
  AddAccount("anna");
  auto with = [](const std::string& key, const std::string& status,
                 std::optional<std::string> ends_on) {
    PostingRecord posting = NewPosting(key, "anna");
    posting.status = status;
    posting.ends_on = std::move(ends_on);
    return posting;
  };
  Create(with("open-past", "open", "2026-03-09"));
  Create(with("filled-past", "filled", "2026-02-01"));
  Create(with("open-today", "open", "2026-03-10"));  // its last day is today: still open
  Create(with("open-endless", "open", std::nullopt));
  Create(with("draft-past", "draft", "2026-01-01"));
  Create(with("closed-past", "closed", "2026-01-01"));

  auto expired = postings().ExpirePostings("2026-03-10");
  ASSERT_TRUE(expired.ok()) << expired.error().message;
  EXPECT_EQ(*expired, 2);
  auto status_of = [&](const std::string& key) {
    return (*postings().PostingById(PostingId(key)))->status;
  };
  EXPECT_EQ(status_of("open-past"), "expired");
  EXPECT_EQ(status_of("filled-past"), "expired");
  EXPECT_EQ(status_of("open-today"), "open");
  EXPECT_EQ(status_of("open-endless"), "open");
  EXPECT_EQ(status_of("draft-past"), "draft");
  EXPECT_EQ(status_of("closed-past"), "closed");
  EXPECT_EQ(*postings().ExpirePostings("2026-03-10"), 0);
}

TEST_P(PostingStoreTest, DeletingAPostingRemovesItsMatchesAndTheirMessages) {
  AddAccount("anna");
  AddAccount("bram");
  Create(NewPosting("p", "anna"));
  Create(NewPosting("q", "anna"));
  Add(NewMatch("m", "p", "bram"));
  Add(NewMatch("other", "q", "bram"));
  Message("hello", "m", "bram");
  Message("kept", "other", "bram");

  ASSERT_TRUE(postings().DeletePosting(PostingId("p")).ok());
  EXPECT_FALSE(postings().PostingById(PostingId("p"))->has_value());
  EXPECT_FALSE(postings().MatchById(MatchId("m"))->has_value());
  EXPECT_TRUE(postings().MessagesOf(MatchId("m"))->empty());
  EXPECT_EQ(postings().MessagesOf(MatchId("other"))->size(), 1u);
  Status again = postings().DeletePosting(PostingId("p"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

TEST_P(PostingStoreTest, DeletingAnAccountRemovesItsPostingsProfileMatchesAndMessages) {
  AddAccount("anna");  // posts
  AddAccount("bram");  // is matched, writes
  AddAccount("cor");   // stays
  Create(NewPosting("annas", "anna"));
  Create(NewPosting("cors", "cor"));
  ASSERT_TRUE(postings().SaveProfile(FullProfile("bram")).ok());
  ASSERT_TRUE(postings().SaveProfile(FullProfile("cor")).ok());
  Add(NewMatch("bram-cor", "cors", "bram"));
  Add(NewMatch("cor-anna", "annas", "cor"));
  Message("from-bram", "bram-cor", "bram");
  Message("from-cor", "bram-cor", "cor");

  ASSERT_TRUE(store_->accounts().DeleteAccount(AccountId("bram")).ok());
  EXPECT_FALSE(postings().ProfileOf(AccountId("bram"))->has_value());
  EXPECT_FALSE(postings().MatchById(MatchId("bram-cor"))->has_value());
  EXPECT_TRUE(postings().MessagesOf(MatchId("bram-cor"))->empty());
  EXPECT_TRUE(postings().MatchesOfPerson(AccountId("bram"))->empty());

  ASSERT_TRUE(store_->accounts().DeleteAccount(AccountId("anna")).ok());
  EXPECT_FALSE(postings().PostingById(PostingId("annas"))->has_value());
  EXPECT_FALSE(postings().MatchById(MatchId("cor-anna"))->has_value());

  EXPECT_TRUE(postings().PostingById(PostingId("cors"))->has_value());
  EXPECT_TRUE(postings().ProfileOf(AccountId("cor"))->has_value());
  EXPECT_EQ(List({}).total, 1);
}

TEST_P(PostingStoreTest, DeletingAnOrganisationRemovesItsPostings) {
  AddAccount("anna");
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a")}).ok());
  PostingRecord posting = NewPosting("p", "anna");
  posting.organization_id = OrganizationId("a");
  Create(posting);
  Create(NewPosting("own", "anna"));

  std::vector<RecordKey> deletes = {{Table::kOrganization, OrganizationId("a")}};
  Status status = store_->Write({}, deletes);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_FALSE(postings().PostingById(posting.id)->has_value());
  EXPECT_TRUE(postings().PostingById(PostingId("own"))->has_value());
}

TEST_P(PostingStoreTest, DeletingTheModeratorOrTheRoundsCreatorKeepsPostingAndRound) {
  AddAccount("anna");
  AddAccount("desk");
  PostingRecord posting = NewPosting("p", "anna");
  posting.moderated_by = AccountId("desk");
  Create(posting);
  ASSERT_TRUE(postings().AddRound(NewRound("r", "desk"), {}).ok());

  ASSERT_TRUE(store_->accounts().DeleteAccount(AccountId("desk")).ok());
  auto read = postings().PostingById(posting.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_FALSE((*read)->moderated_by.has_value());
  auto round = postings().RoundById(RoundId("r"));
  ASSERT_TRUE(round.ok() && round->has_value());
  EXPECT_EQ((*round)->created_by, "");
}

// --- Profiles.

TEST_P(PostingStoreTest, SavedProfileReadsBackEveryField) {
  AddAccount("anna");
  ProfileRecord profile = FullProfile("anna");
  ASSERT_TRUE(postings().SaveProfile(profile).ok());
  auto read = postings().ProfileOf(profile.account_id);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_TRUE(read->has_value());
  ExpectSameProfile(**read, profile);
  EXPECT_FALSE((*read)->updated_at.empty());
  EXPECT_FALSE(postings().ProfileOf(AccountId("nobody"))->has_value());
}

TEST_P(PostingStoreTest, SavingAgainReplacesTheProfileAndKeepsTheWaitingTimeWhenNotGiven) {
  AddAccount("anna");
  ASSERT_TRUE(postings().SaveProfile(FullProfile("anna")).ok());
  ProfileRecord replaced{.account_id = AccountId("anna"), .languages = {{"nl", "B2"}}};
  Status status = postings().SaveProfile(replaced);
  ASSERT_TRUE(status.ok()) << status.error().message;

  auto read = postings().ProfileOf(AccountId("anna"));
  ASSERT_TRUE(read.ok() && read->has_value());
  replaced.waiting_since = kT1;  // kept from the first save
  ExpectSameProfile(**read, replaced);

  replaced.waiting_since = kT4;
  ASSERT_TRUE(postings().SaveProfile(replaced).ok());
  EXPECT_EQ((*postings().ProfileOf(AccountId("anna")))->waiting_since, kT4);
}

TEST_P(PostingStoreTest, NewProfileWithoutWaitingTimeWaitsFromNow) {
  AddAccount("anna");
  ASSERT_TRUE(postings().SaveProfile({.account_id = AccountId("anna")}).ok());
  auto read = postings().ProfileOf(AccountId("anna"));
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_GT((*read)->waiting_since, kT5);
  EXPECT_TRUE((*read)->languages.empty());
  EXPECT_TRUE((*read)->certificates.empty());
  EXPECT_FALSE((*read)->consent_at.has_value());
  EXPECT_FALSE((*read)->latitude.has_value());
  EXPECT_FALSE((*read)->birth_date.has_value());
  EXPECT_FALSE((*read)->gender.has_value());
}

TEST_P(PostingStoreTest, ConsentingProfilesAreOnlyThoseWithConsentByAccountId) {
  for (const char* key : {"anna", "bram", "cor"}) AddAccount(key);
  ASSERT_TRUE(postings().SaveProfile(FullProfile("anna")).ok());
  ASSERT_TRUE(postings().SaveProfile(FullProfile("cor")).ok());
  ProfileRecord withdrawn = FullProfile("bram");
  withdrawn.consent_at = std::nullopt;
  ASSERT_TRUE(postings().SaveProfile(withdrawn).ok());

  auto consenting = postings().ConsentingProfiles();
  ASSERT_TRUE(consenting.ok()) << consenting.error().message;
  std::vector<std::string> ids;
  for (const auto& profile : *consenting) ids.push_back(profile.account_id);
  std::vector<std::string> expected = {AccountId("anna"), AccountId("cor")};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(ids, expected);

  ProfileRecord anna = FullProfile("anna");
  anna.consent_at = std::nullopt;
  ASSERT_TRUE(postings().SaveProfile(anna).ok());
  EXPECT_EQ(postings().ConsentingProfiles()->size(), 1u);
}

TEST_P(PostingStoreTest, DeleteProfileRemovesItOnce) {
  AddAccount("anna");
  ASSERT_TRUE(postings().SaveProfile(FullProfile("anna")).ok());
  ASSERT_TRUE(postings().DeleteProfile(AccountId("anna")).ok());
  EXPECT_FALSE(postings().ProfileOf(AccountId("anna"))->has_value());
  Status again = postings().DeleteProfile(AccountId("anna"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

TEST_P(PostingStoreTest, ProfileOfAMissingAccountNamesTheField) {
  Status status = postings().SaveProfile(FullProfile("nobody"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(status.error().field, "account_id");
}

TEST_P(PostingStoreTest, PairWithAColonInItsCodeIsRefused) {
  AddAccount("anna");
  ProfileRecord profile = FullProfile("anna");
  profile.certificates = {{"vog:x", "2027-01-01"}};
  Status status = postings().SaveProfile(profile);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "certificates");
}

// --- Rounds and matches.

TEST_P(PostingStoreTest, RoundIsStoredWithItsMatches) {
  for (const char* key : {"anna", "bram", "cor", "desk"}) AddAccount(key);
  Create(NewPosting("p", "anna"));
  MatchRound round = NewRound("r", "desk", kT2);
  round.favour_waiting = true;
  round.total_score = 9'000'000'000;
  MatchRecord first = NewMatch("m1", "p", "bram");
  MatchRecord second = NewMatch("m2", "p", "cor");
  second.proposed_at = "";
  second.round_id = RoundId("elsewhere");  // a round's matches belong to it
  std::vector<MatchRecord> matches = {first, second};
  Status status = postings().AddRound(round, matches);
  ASSERT_TRUE(status.ok()) << status.error().message;

  auto read = postings().RoundById(round.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->created_by, round.created_by);
  EXPECT_EQ((*read)->created_at, kT2);
  EXPECT_EQ((*read)->status, "proposal");
  EXPECT_TRUE((*read)->favour_waiting);
  EXPECT_EQ((*read)->total_score, 9'000'000'000);
  EXPECT_FALSE(postings().RoundById(RoundId("none"))->has_value());

  auto in_round = postings().MatchesOfRound(round.id);
  ASSERT_TRUE(in_round.ok());
  ASSERT_EQ(in_round->size(), 2u);
  first.round_id = round.id;
  first.updated_at = kT1;
  ExpectSameMatch((*in_round)[0], first);
  EXPECT_EQ((*in_round)[1].round_id, round.id);
  EXPECT_EQ((*in_round)[1].proposed_at, kT2);  // the round's time
}

TEST_P(PostingStoreTest, RoundIsAllOrNothing) {
  for (const char* key : {"anna", "bram", "desk"}) AddAccount(key);
  Create(NewPosting("p", "anna"));
  std::vector<MatchRecord> matches = {NewMatch("m1", "p", "bram"),
                                      NewMatch("m2", "missing", "bram")};
  Status status = postings().AddRound(NewRound("r", "desk"), matches);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(status.error().field, "posting_id");
  EXPECT_FALSE(postings().RoundById(RoundId("r"))->has_value());
  EXPECT_FALSE(postings().MatchById(MatchId("m1"))->has_value());
  EXPECT_TRUE(postings().MatchesOfPerson(AccountId("bram"))->empty());

  // Two proposals of one person for one posting: a conflict, and again nothing written.
  matches = {NewMatch("m1", "p", "bram"), NewMatch("m2", "p", "bram")};
  status = postings().AddRound(NewRound("r", "desk"), matches);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(postings().RoundById(RoundId("r"))->has_value());

  status = postings().AddRound(NewRound("r", "nobody"), {});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "created_by");

  // The store is usable afterwards.
  ASSERT_TRUE(postings().AddRound(NewRound("r", "desk"), {}).ok());
}

TEST_P(PostingStoreTest, UpdateRoundWritesStatusAndScore) {
  AddAccount("desk");
  ASSERT_TRUE(postings().AddRound(NewRound("r", "desk"), {}).ok());
  MatchRound round = NewRound("r", "desk");
  round.status = "sent";
  round.total_score = 420;
  round.favour_waiting = true;  // not written
  ASSERT_TRUE(postings().UpdateRound(round).ok());
  auto read = postings().RoundById(round.id);
  EXPECT_EQ((*read)->status, "sent");
  EXPECT_EQ((*read)->total_score, 420);
  EXPECT_FALSE((*read)->favour_waiting);
  Status missing = postings().UpdateRound(NewRound("none", "desk"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(PostingStoreTest, RoundsAreListedNewestFirstUpToTheLimit) {
  AddAccount("desk");
  ASSERT_TRUE(postings().AddRound(NewRound("a", "desk", kT1), {}).ok());
  ASSERT_TRUE(postings().AddRound(NewRound("b", "desk", kT3), {}).ok());
  ASSERT_TRUE(postings().AddRound(NewRound("c", "desk", kT2), {}).ok());
  auto rounds = postings().ListRounds(2);
  ASSERT_TRUE(rounds.ok()) << rounds.error().message;
  ASSERT_EQ(rounds->size(), 2u);
  EXPECT_EQ((*rounds)[0].id, RoundId("b"));
  EXPECT_EQ((*rounds)[1].id, RoundId("c"));
}

TEST_P(PostingStoreTest, MatchReadsBackEveryFieldAndIsFoundBySides) {
  for (const char* key : {"anna", "bram", "cor"}) AddAccount(key);
  Create(NewPosting("p", "anna"));
  Create(NewPosting("q", "anna"));
  MatchRecord match = NewMatch("m", "p", "bram");
  match.status = "person_accepted";
  match.updated_at = kT2;
  match.decline_reason = "te ver";
  match.person_feedback = "fijn";
  match.poster_feedback = "goed";
  Add(match);
  MatchRecord later = NewMatch("later", "q", "bram");
  later.proposed_at = kT2;
  Add(later);
  Add(NewMatch("cor", "p", "cor"));

  auto read = postings().MatchById(match.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  ExpectSameMatch(**read, match);
  EXPECT_FALSE((*read)->round_id.has_value());
  EXPECT_FALSE(postings().MatchById(MatchId("none"))->has_value());
  using Ids = std::vector<std::string>;
  EXPECT_EQ(MatchIds(*postings().MatchesOfPerson(AccountId("bram"))), (Ids{match.id, later.id}));
  auto of_posting = MatchIds(*postings().MatchesOfPosting(PostingId("p")));
  std::sort(of_posting.begin(), of_posting.end());
  Ids expected = {match.id, MatchId("cor")};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(of_posting, expected);
}

TEST_P(PostingStoreTest, MatchTimesDefaultToNow) {
  AddAccount("anna");
  AddAccount("bram");
  Create(NewPosting("p", "anna"));
  MatchRecord match = NewMatch("m", "p", "bram");
  match.proposed_at = "";
  Add(match);
  auto read = postings().MatchById(match.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_GT((*read)->proposed_at, kT5);
  EXPECT_EQ((*read)->updated_at, (*read)->proposed_at);
}

TEST_P(PostingStoreTest, SecondPendingOrActiveMatchForOnePersonAndPostingIsAConflict) {
  AddAccount("anna");
  AddAccount("bram");
  Create(NewPosting("p", "anna"));
  Add(NewMatch("m1", "p", "bram"));
  Status status = postings().AddMatch(NewMatch("m2", "p", "bram"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);

  MatchRecord active = *postings().MatchById(MatchId("m1")).value();
  active.status = "active";
  ASSERT_TRUE(postings().UpdateMatch(active, "proposed").ok());
  status = postings().AddMatch(NewMatch("m2", "p", "bram"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);

  // Once it is over, the person may be proposed again.
  active.status = "completed";
  ASSERT_TRUE(postings().UpdateMatch(active, "active").ok());
  Add(NewMatch("m2", "p", "bram"));
  Status same_id = postings().AddMatch(NewMatch("m2", "p", "bram"));
  ASSERT_FALSE(same_id.ok());
  EXPECT_EQ(same_id.error().code, ErrorCode::kConflict);
}

TEST_P(PostingStoreTest, MatchReferringToAMissingRecordNamesTheField) {
  AddAccount("anna");
  AddAccount("bram");
  Create(NewPosting("p", "anna"));
  auto field_of = [&](const MatchRecord& match) {
    Status status = postings().AddMatch(match);
    EXPECT_FALSE(status.ok());
    if (status.ok()) return std::string("(stored)");
    EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
    return status.error().field;
  };
  EXPECT_EQ(field_of(NewMatch("m", "missing", "bram")), "posting_id");
  EXPECT_EQ(field_of(NewMatch("m", "p", "nobody")), "person_id");
  MatchRecord no_round = NewMatch("m", "p", "bram");
  no_round.round_id = RoundId("none");
  EXPECT_EQ(field_of(no_round), "round_id");
}

TEST_P(PostingStoreTest, UpdateMatchIsCompareAndSetOnTheStatus) {
  AddAccount("anna");
  AddAccount("bram");
  Create(NewPosting("p", "anna"));
  MatchRecord match = NewMatch("m", "p", "bram");
  Add(match);

  MatchRecord accepted = match;
  accepted.status = "person_accepted";
  accepted.expires_at = kT5;
  accepted.updated_at = kT2;
  accepted.score = 1;  // not written
  ASSERT_TRUE(postings().UpdateMatch(accepted, "proposed").ok());

  // A second answer that still thinks the match is proposed loses.
  MatchRecord declined = match;
  declined.status = "declined";
  declined.decline_reason = "geen tijd";
  declined.updated_at = kT3;
  Status status = postings().UpdateMatch(declined, "proposed");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);

  auto read = postings().MatchById(match.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  accepted.score = match.score;
  ExpectSameMatch(**read, accepted);

  MatchRecord done = accepted;
  done.status = "completed";
  done.person_feedback = "top";
  done.poster_feedback = "dank";
  done.decline_reason = "";
  done.updated_at = kT4;
  ASSERT_TRUE(postings().UpdateMatch(done, "person_accepted").ok());
  ExpectSameMatch(**postings().MatchById(match.id), done);

  Status missing = postings().UpdateMatch(NewMatch("none", "p", "bram"), "proposed");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(PostingStoreTest, DeleteMatchRemovesItAndItsMessages) {
  AddAccount("anna");
  AddAccount("bram");
  Create(NewPosting("p", "anna"));
  Add(NewMatch("m", "p", "bram"));
  Message("hello", "m", "anna");
  ASSERT_TRUE(postings().DeleteMatch(MatchId("m")).ok());
  EXPECT_FALSE(postings().MatchById(MatchId("m"))->has_value());
  EXPECT_TRUE(postings().MessagesOf(MatchId("m"))->empty());
  Status again = postings().DeleteMatch(MatchId("m"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(postings().PostingById(PostingId("p"))->has_value());
}

TEST_P(PostingStoreTest, PendingMatchesDueAreUnansweredProposalsPastTheirTime) {
  for (const char* key : {"anna", "a", "b", "c", "d", "e", "f"}) AddAccount(key);
  Create(NewPosting("p", "anna"));
  auto with = [](const std::string& key, const std::string& status, const std::string& expires_at) {
    MatchRecord match = NewMatch(key, "p", key);
    match.status = status;
    match.expires_at = expires_at;
    return match;
  };
  Add(with("a", "proposed", kT3));
  Add(with("b", "person_accepted", kT2));
  Add(with("c", "poster_accepted", kT4));  // at `now`: due
  Add(with("d", "proposed", kT5));         // later
  Add(with("e", "active", kT1));           // answered
  Add(with("f", "proposed", ""));          // never expires

  auto due = postings().PendingMatchesDue(kT4);
  ASSERT_TRUE(due.ok()) << due.error().message;
  EXPECT_EQ(MatchIds(*due), (std::vector<std::string>{MatchId("b"), MatchId("a"), MatchId("c")}));
}

// --- Messages.

TEST_P(PostingStoreTest, MessagesAreReadOldestFirst) {
  AddAccount("anna");
  AddAccount("bram");
  Create(NewPosting("p", "anna"));
  Add(NewMatch("m", "p", "bram"));
  Message("second", "m", "anna", kT3);
  Message("first", "m", "bram", kT2);
  ASSERT_TRUE(postings()
                  .AddMessage({.id = domain::NameUuid("message:now"),
                               .match_id = MatchId("m"),
                               .sender_id = AccountId("anna"),
                               .body = "zonder tijd"})
                  .ok());

  auto messages = postings().MessagesOf(MatchId("m"));
  ASSERT_TRUE(messages.ok()) << messages.error().message;
  ASSERT_EQ(messages->size(), 3u);
  EXPECT_EQ((*messages)[0].body, "Hallo first");
  EXPECT_EQ((*messages)[0].sender_id, AccountId("bram"));
  EXPECT_EQ((*messages)[0].match_id, MatchId("m"));
  EXPECT_EQ((*messages)[0].created_at, kT2);
  EXPECT_EQ((*messages)[1].body, "Hallo second");
  EXPECT_EQ((*messages)[2].body, "zonder tijd");
  EXPECT_GT((*messages)[2].created_at, kT5);
}

TEST_P(PostingStoreTest, MessageReferringToAMissingRecordNamesTheField) {
  AddAccount("anna");
  AddAccount("bram");
  Create(NewPosting("p", "anna"));
  Add(NewMatch("m", "p", "bram"));
  Status no_match = postings().AddMessage(
      {.id = "x", .match_id = MatchId("none"), .sender_id = AccountId("anna"), .body = "hoi"});
  ASSERT_FALSE(no_match.ok());
  EXPECT_EQ(no_match.error().field, "match_id");
  Status no_sender = postings().AddMessage(
      {.id = "x", .match_id = MatchId("m"), .sender_id = AccountId("nobody"), .body = "hoi"});
  ASSERT_FALSE(no_sender.ok());
  EXPECT_EQ(no_sender.error().field, "sender_id");
}

// --- Hostile text.

TEST_P(PostingStoreTest, HostileTextIsStoredVerbatim) {
  AddAccount("anna");
  AddAccount("bram");
  PostingRecord posting = NewPosting("p", "anna");
  posting.title = kHostile;
  posting.description = kHostile + "\n" + kHostile;
  posting.place_name = kHostile;
  posting.goods_category = kHostile;
  posting.starts_on = kHostile;
  posting.languages = {"O'Brien", "%", "_", "مرحبا", "👋🏽"};
  Create(posting);
  ProfileRecord profile = FullProfile("bram");
  profile.place_name = kHostile;
  profile.gender = kHostile;
  profile.skills = {"'; DROP TABLE profile; --", "👋🏽"};
  profile.languages = {{"ar", "مرحبا"}};
  ASSERT_TRUE(postings().SaveProfile(profile).ok());
  MatchRecord match = NewMatch("m", "p", "bram");
  match.reasons = kHostile;
  match.decline_reason = kHostile;
  match.person_feedback = kHostile;
  match.updated_at = kT1;
  Add(match);
  ASSERT_TRUE(postings()
                  .AddMessage({.id = kHostile,
                               .match_id = match.id,
                               .sender_id = AccountId("bram"),
                               .body = kHostile,
                               .created_at = kT2})
                  .ok());

  ExpectSamePosting(**postings().PostingById(posting.id), posting);
  ExpectSameProfile(**postings().ProfileOf(profile.account_id), profile);
  ExpectSameMatch(**postings().MatchById(match.id), match);
  auto messages = postings().MessagesOf(match.id);
  ASSERT_EQ(messages->size(), 1u);
  EXPECT_EQ((*messages)[0].id, kHostile);
  EXPECT_EQ((*messages)[0].body, kHostile);
  EXPECT_EQ(PostingIds(List({.text = kHostile})), std::vector<std::string>{posting.id});
  EXPECT_EQ(List({.kind = kHostile}).total, 0);
  EXPECT_EQ(List({.statuses = {kHostile}}).total, 0);
  EXPECT_EQ(List({}).total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PostingStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const auto& info) {
                           return info.param == Backend::kSqlite ? "Sqlite" : "Postgresql";
                         });

}  // namespace
}  // namespace knooppunt::store
