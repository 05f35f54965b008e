// The account store's contract, run against SQLite always and against PostgreSQL when the test
// command provides a server (KNOOPPUNT_TEST_POSTGRESQL=postgresql://USER@HOST:PORT/postgres).
#include "store/account_store.h"

#include <gtest/gtest.h>

#include <limits>

#include <atomic>
#include <cstdlib>
#include <set>
#include <thread>

#include "domain/uuid.h"
#include "store/store.h"
#include "store/test_database.h"

namespace knooppunt::store {
namespace {

using domain::Grant;
using domain::Record;
using domain::Role;
using domain::Table;
using testing_support::TestDatabase;

// Times in the order they are numbered.
constexpr const char* kT1 = "2026-03-01T10:00:00.000Z";
constexpr const char* kT2 = "2026-03-02T10:00:00.000Z";
constexpr const char* kT3 = "2026-03-03T10:00:00.000Z";
constexpr const char* kT4 = "2026-03-04T10:00:00.000Z";
constexpr const char* kT5 = "2026-03-05T10:00:00.000Z";

std::string OrganizationId(const std::string& key) { return domain::NameUuid("org:" + key); }

Record Organization(const std::string& key) {
  return Record(Table::kOrganization)
      .With("id", OrganizationId(key))
      .With("name", "Stichting " + key)
      .With("description", "Beschrijving van " + key);
}

Record Location(const std::string& key, const std::string& org_key) {
  return Record(Table::kLocation)
      .With("id", domain::NameUuid("loc:" + key))
      .With("location_type", "physical")
      .With("organization_id", OrganizationId(org_key))
      .With("name", "Locatie " + key);
}

Record Address(const std::string& key, const std::string& location_key, const std::string& region) {
  Record address = Record(Table::kAddress)
                       .With("id", domain::NameUuid("address:" + key))
                       .With("location_id", domain::NameUuid("loc:" + location_key))
                       .With("address_1", "Markt 1")
                       .With("city", "Enschede")
                       .With("state_province", "Overijssel")
                       .With("postal_code", "7511 AA")
                       .With("country", "NL")
                       .With("address_type", "physical");
  if (!region.empty()) address.With("region", region);
  return address;
}

Account NewAccount(const std::string& key) {
  return Account{.id = domain::NameUuid("account:" + key),
                 .email = key + "@example.nl",
                 .password_hash = "hash-of-" + key,
                 .created_at = kT1};
}

SessionRecord NewSession(const std::string& hash, const Account& account,
                         const std::string& created_at = kT1,
                         const std::string& last_seen_at = kT1) {
  return SessionRecord{.id_hash = hash,
                       .account_id = account.id,
                       .created_at = created_at,
                       .last_seen_at = last_seen_at};
}

OneTimeToken NewToken(const std::string& hash, const Account& account,
                      const std::string& purpose = "reset", const std::string& expires_at = kT5) {
  return OneTimeToken{.token_hash = hash,
                      .purpose = purpose,
                      .account_id = account.id,
                      .expires_at = expires_at,
                      .created_at = kT1};
}

OrganizationRequest NewRequest(const std::string& key, const Account& account,
                               const std::string& region, const std::string& created_at = kT1) {
  return OrganizationRequest{.id = domain::NameUuid("request:" + key),
                             .kind = "register",
                             .account_id = account.id,
                             .proposal = R"({"name":"Stichting )" + key + R"("})",
                             .region = region,
                             .created_at = created_at};
}

OutboxMail NewMail(const std::string& key, const std::optional<Account>& account,
                   const std::string& next_attempt_at = kT1) {
  return OutboxMail{.id = domain::NameUuid("mail:" + key),
                    .account_id = account ? std::optional(account->id) : std::nullopt,
                    .to_address = key + "@example.nl",
                    .subject = "Onderwerp " + key,
                    .body = "Tekst " + key,
                    .language = "nl",
                    .created_at = kT1,
                    .next_attempt_at = next_attempt_at};
}

std::vector<std::string> Ids(const std::vector<OrganizationRequest>& requests) {
  std::vector<std::string> ids;
  ids.reserve(requests.size());
  for (const auto& request : requests) ids.push_back(request.id);
  return ids;
}

// "t0", "t1", ... (appended rather than added: g++ 12 warns falsely about "t" + to_string).
std::string NumberedHash(int i) {
  std::string hash = "t";
  hash += std::to_string(i);
  return hash;
}

bool SameGrant(const Grant& a, const Grant& b) { return a.role == b.role && a.scope == b.scope; }

void ExpectSameAccount(const Account& read, const Account& written) {
  EXPECT_EQ(read.id, written.id);
  EXPECT_EQ(read.email, written.email);
  EXPECT_EQ(read.password_hash, written.password_hash);
  EXPECT_EQ(read.display_name, written.display_name);
  EXPECT_EQ(read.language, written.language);
  EXPECT_EQ(read.email_verified_at, written.email_verified_at);
  EXPECT_EQ(read.totp_secret, written.totp_secret);
  EXPECT_EQ(read.totp_last_step, written.totp_last_step);
  EXPECT_EQ(read.created_at, written.created_at);
}

class AccountStoreTest : public ::testing::TestWithParam<Backend> {
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

  AccountStore& accounts() { return store_->accounts(); }

  // Creates the account, failing the test when that fails.
  Account Created(const std::string& key) {
    Account account = NewAccount(key);
    Status status = accounts().CreateAccount(account);
    EXPECT_TRUE(status.ok()) << status.error().message;
    return account;
  }

  std::unique_ptr<TestDatabase> database_;
  StoreOptions options_;
  std::unique_ptr<Store> store_;
};

// --- Accounts.

TEST_P(AccountStoreTest, CreatedAccountIsFoundByIdAndByEmail) {
  Account account = NewAccount("anna");
  account.display_name = "Anna de Vries";
  account.language = "ar";
  account.email_verified_at = kT2;
  account.totp_secret = "JBSWY3DPEHPK3PXP";
  account.totp_last_step = 58'000'123'456;
  ASSERT_TRUE(accounts().CreateAccount(account).ok());

  auto by_id = accounts().AccountById(account.id);
  ASSERT_TRUE(by_id.ok()) << by_id.error().message;
  ASSERT_TRUE(by_id->has_value());
  ExpectSameAccount(**by_id, account);
  auto by_email = accounts().AccountByEmail("anna@example.nl");
  ASSERT_TRUE(by_email.ok()) << by_email.error().message;
  ASSERT_TRUE(by_email->has_value());
  ExpectSameAccount(**by_email, account);
}

TEST_P(AccountStoreTest, UnknownAccountIsEmpty) {
  Created("anna");
  EXPECT_FALSE(accounts().AccountById(domain::NameUuid("account:nobody"))->has_value());
  EXPECT_FALSE(accounts().AccountByEmail("nobody@example.nl")->has_value());
}

TEST_P(AccountStoreTest, UnsetOptionalFieldsReadBackUnset) {
  Account account = Created("anna");
  auto read = accounts().AccountById(account.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_FALSE((*read)->email_verified_at.has_value());
  EXPECT_FALSE((*read)->totp_secret.has_value());
  EXPECT_EQ((*read)->language, "nl");
}

TEST_P(AccountStoreTest, SecondAccountWithTheSameEmailIsAConflict) {
  Created("anna");
  Account other = NewAccount("bram");
  other.email = "anna@example.nl";
  Status status = accounts().CreateAccount(other);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(accounts().AccountById(other.id)->has_value());
}

TEST_P(AccountStoreTest, UpdateToAnotherAccountsEmailIsAConflict) {
  Created("anna");
  Account bram = Created("bram");
  bram.email = "anna@example.nl";
  Status status = accounts().UpdateAccount(bram);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_EQ((*accounts().AccountById(bram.id))->email, "bram@example.nl");
}

TEST_P(AccountStoreTest, UpdateWritesEveryFieldButIdAndCreatedAt) {
  Account account = NewAccount("anna");
  account.totp_secret = "OLDSECRET";
  ASSERT_TRUE(accounts().CreateAccount(account).ok());
  Account changed = account;
  changed.email = "anna.nieuw@example.nl";
  changed.password_hash = "new-hash";
  changed.display_name = "Anna";
  changed.language = "en";
  changed.email_verified_at = kT3;
  changed.totp_secret = std::nullopt;
  changed.totp_last_step = 42;
  changed.created_at = kT4;
  Status status = accounts().UpdateAccount(changed);
  ASSERT_TRUE(status.ok()) << status.error().message;
  auto read = accounts().AccountByEmail("anna.nieuw@example.nl");
  ASSERT_TRUE(read.ok() && read->has_value());
  changed.created_at = kT1;
  ExpectSameAccount(**read, changed);
  EXPECT_FALSE(accounts().AccountByEmail("anna@example.nl")->has_value());
}

TEST_P(AccountStoreTest, UpdateOfAnUnknownAccountIsNotFound) {
  Status status = accounts().UpdateAccount(NewAccount("nobody"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
}

TEST_P(AccountStoreTest, GrantsAreReadBackWithTheAccount) {
  Account account = Created("anna");
  Grant help_desk{.role = Role::kHelpDesk, .scope = "Twente"};
  Grant admin{.role = Role::kOrganizationAdmin, .scope = OrganizationId("a")};
  ASSERT_TRUE(accounts().AddGrant(account.id, help_desk).ok());
  ASSERT_TRUE(accounts().AddGrant(account.id, admin).ok());
  for (auto read : {accounts().AccountById(account.id), accounts().AccountByEmail(account.email)}) {
    ASSERT_TRUE(read.ok() && read->has_value());
    const auto& grants = (*read)->grants;
    ASSERT_EQ(grants.size(), 2u);
    EXPECT_TRUE(std::any_of(grants.begin(), grants.end(),
                            [&](const Grant& g) { return SameGrant(g, help_desk); }));
    EXPECT_TRUE(std::any_of(grants.begin(), grants.end(),
                            [&](const Grant& g) { return SameGrant(g, admin); }));
  }
}

TEST_P(AccountStoreTest, AddingAGrantTwiceIsNotAnError) {
  Account account = Created("anna");
  Grant volunteer{.role = Role::kVolunteer, .scope = ""};
  ASSERT_TRUE(accounts().AddGrant(account.id, volunteer).ok());
  Status again = accounts().AddGrant(account.id, volunteer);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ((*accounts().AccountById(account.id))->grants.size(), 1u);
}

TEST_P(AccountStoreTest, RemovedGrantIsGoneAndOthersStay) {
  Account account = Created("anna");
  Grant twente{.role = Role::kHelpDesk, .scope = "Twente"};
  Grant utrecht{.role = Role::kHelpDesk, .scope = "Utrecht"};
  ASSERT_TRUE(accounts().AddGrant(account.id, twente).ok());
  ASSERT_TRUE(accounts().AddGrant(account.id, utrecht).ok());
  ASSERT_TRUE(accounts().RemoveGrant(account.id, twente).ok());
  auto grants = (*accounts().AccountById(account.id))->grants;
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_TRUE(SameGrant(grants[0], utrecht));
}

TEST_P(AccountStoreTest, RoleNamesThisProgramDoesNotKnowAreSkipped) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().AddGrant(account.id, {.role = Role::kVolunteer, .scope = ""}).ok());
  std::string error =
      database_->ExecuteDirectly("INSERT INTO account_role (account_id, role, scope) VALUES ('" +
                                 account.id + "', 'astronaut', '')");
  ASSERT_EQ(error, "");
  auto read = accounts().AccountById(account.id);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ((*read)->grants.size(), 1u);
  EXPECT_EQ((*read)->grants[0].role, Role::kVolunteer);
}

TEST_P(AccountStoreTest, AccountsOfOrganizationListsItsMembersByEmail) {
  Account zoe = Created("zoe");
  Account anna = Created("anna");
  Account other = Created("other");
  Created("none");
  std::string org = OrganizationId("a");
  ASSERT_TRUE(accounts().AddGrant(zoe.id, {.role = Role::kOrganizationAdmin, .scope = org}).ok());
  ASSERT_TRUE(accounts().AddGrant(anna.id, {.role = Role::kOrganizationMember, .scope = org}).ok());
  ASSERT_TRUE(accounts().AddGrant(anna.id, {.role = Role::kOrganizationAdmin, .scope = org}).ok());
  ASSERT_TRUE(accounts().AddGrant(anna.id, {.role = Role::kVolunteer, .scope = ""}).ok());
  ASSERT_TRUE(
      accounts()
          .AddGrant(other.id, {.role = Role::kOrganizationAdmin, .scope = OrganizationId("b")})
          .ok());
  auto members = accounts().AccountsOfOrganization(org);
  ASSERT_TRUE(members.ok()) << members.error().message;
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ((*members)[0].email, "anna@example.nl");
  EXPECT_EQ((*members)[0].grants.size(), 3u);
  EXPECT_EQ((*members)[1].email, "zoe@example.nl");
  ASSERT_EQ((*members)[1].grants.size(), 1u);
  EXPECT_EQ((*members)[1].grants[0].role, Role::kOrganizationAdmin);
}

TEST_P(AccountStoreTest, DeletingAnAccountRemovesWhatBelongsToIt) {
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a")}).ok());
  Account gone = Created("gone");
  Account stays = Created("stays");
  for (const Account& account : {gone, stays}) {
    const std::string& key = account.email;
    ASSERT_TRUE(accounts().AddGrant(account.id, {.role = Role::kVolunteer, .scope = ""}).ok());
    ASSERT_TRUE(accounts().CreateSession(NewSession("session-" + key, account)).ok());
    ASSERT_TRUE(accounts().AddToken(NewToken("token-" + key, account)).ok());
    ASSERT_TRUE(accounts().AddOrganizationRequest(NewRequest(key, account, "Twente")).ok());
    ASSERT_TRUE(accounts().Enqueue(NewMail(key, account)).ok());
  }
  ASSERT_TRUE(accounts()
                  .AddApiKey({.id = domain::RandomUuid(),
                              .organization_id = OrganizationId("a"),
                              .key_hash = "key-hash",
                              .label = "Website",
                              .created_by = gone.id})
                  .ok());

  Status status = accounts().DeleteAccount(gone.id);
  ASSERT_TRUE(status.ok()) << status.error().message;

  EXPECT_FALSE(accounts().AccountById(gone.id)->has_value());
  EXPECT_FALSE(accounts().SessionByHash("session-" + gone.email)->has_value());
  EXPECT_FALSE(accounts().TakeToken("token-" + gone.email, "reset", kT1)->has_value());
  EXPECT_TRUE(accounts().RequestsOf(gone.id)->empty());
  EXPECT_EQ(*accounts().OutboxSize(), 1);
  auto due = accounts().DueMails(kT5, 10);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].account_id, stays.id);
  // The organisation's key outlives the person who made it.
  auto key = accounts().ApiKeyByHash("key-hash");
  ASSERT_TRUE(key.ok() && key->has_value());
  EXPECT_FALSE((*key)->created_by.has_value());

  EXPECT_EQ((*accounts().AccountById(stays.id))->grants.size(), 1u);
  EXPECT_TRUE(accounts().SessionByHash("session-" + stays.email)->has_value());
  EXPECT_TRUE(accounts().TakeToken("token-" + stays.email, "reset", kT1)->has_value());
  EXPECT_EQ(accounts().RequestsOf(stays.id)->size(), 1u);
}

TEST_P(AccountStoreTest, DeletingAnUnknownAccountIsNotFound) {
  Status status = accounts().DeleteAccount(domain::NameUuid("account:nobody"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
}

// --- Sessions.

TEST_P(AccountStoreTest, SessionIsReadBackByHash) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().CreateSession(NewSession("h1", account, kT1, kT2)).ok());
  auto read = accounts().SessionByHash("h1");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_TRUE(read->has_value());
  EXPECT_EQ((*read)->id_hash, "h1");
  EXPECT_EQ((*read)->account_id, account.id);
  EXPECT_EQ((*read)->created_at, kT1);
  EXPECT_EQ((*read)->last_seen_at, kT2);
  EXPECT_FALSE((*read)->second_factor);
  EXPECT_FALSE(accounts().SessionByHash("h2")->has_value());
}

TEST_P(AccountStoreTest, TouchedSessionWasLastSeenThen) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().CreateSession(NewSession("h1", account)).ok());
  ASSERT_TRUE(accounts().TouchSession("h1", kT3).ok());
  EXPECT_EQ((*accounts().SessionByHash("h1"))->last_seen_at, kT3);
  EXPECT_EQ((*accounts().SessionByHash("h1"))->created_at, kT1);
  EXPECT_EQ(accounts().TouchSession("unknown", kT3).error().code, ErrorCode::kNotFound);
}

TEST_P(AccountStoreTest, MarkedSessionHasPassedTheSecondFactor) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().CreateSession(NewSession("h1", account)).ok());
  ASSERT_TRUE(accounts().CreateSession(NewSession("h2", account)).ok());
  ASSERT_TRUE(accounts().MarkSecondFactor("h1").ok());
  EXPECT_TRUE((*accounts().SessionByHash("h1"))->second_factor);
  EXPECT_FALSE((*accounts().SessionByHash("h2"))->second_factor);
}

TEST_P(AccountStoreTest, DeletedSessionIsGone) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().CreateSession(NewSession("h1", account)).ok());
  ASSERT_TRUE(accounts().DeleteSession("h1").ok());
  EXPECT_FALSE(accounts().SessionByHash("h1")->has_value());
}

TEST_P(AccountStoreTest, DeleteSessionsOfKeepsTheGivenSessionAndOtherAccounts) {
  Account anna = Created("anna");
  Account bram = Created("bram");
  for (const char* hash : {"a1", "a2", "a3"}) {
    ASSERT_TRUE(accounts().CreateSession(NewSession(hash, anna)).ok());
  }
  ASSERT_TRUE(accounts().CreateSession(NewSession("b1", bram)).ok());
  auto removed = accounts().DeleteSessionsOf(anna.id, "a2");
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  EXPECT_EQ(*removed, 2);
  EXPECT_FALSE(accounts().SessionByHash("a1")->has_value());
  EXPECT_TRUE(accounts().SessionByHash("a2")->has_value());
  EXPECT_TRUE(accounts().SessionByHash("b1")->has_value());
  EXPECT_EQ(*accounts().DeleteSessionsOf(anna.id), 1);
  EXPECT_FALSE(accounts().SessionByHash("a2")->has_value());
  EXPECT_TRUE(accounts().SessionByHash("b1")->has_value());
}

TEST_P(AccountStoreTest, SessionsIdleSinceBeforeTheCutoffExpire) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().CreateSession(NewSession("idle", account, kT2, kT2)).ok());
  ASSERT_TRUE(accounts().CreateSession(NewSession("busy", account, kT2, kT4)).ok());
  auto removed = accounts().DeleteExpiredSessions(kT3, kT1);
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  EXPECT_EQ(*removed, 1);
  EXPECT_FALSE(accounts().SessionByHash("idle")->has_value());
  EXPECT_TRUE(accounts().SessionByHash("busy")->has_value());
}

TEST_P(AccountStoreTest, SessionsCreatedBeforeTheAbsoluteCutoffExpire) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().CreateSession(NewSession("old", account, kT1, kT5)).ok());
  ASSERT_TRUE(accounts().CreateSession(NewSession("new", account, kT3, kT5)).ok());
  auto removed = accounts().DeleteExpiredSessions(kT1, kT2);
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  EXPECT_EQ(*removed, 1);
  EXPECT_FALSE(accounts().SessionByHash("old")->has_value());
  EXPECT_TRUE(accounts().SessionByHash("new")->has_value());
}

// --- One-time links.

TEST_P(AccountStoreTest, TokenIsTakenOnlyOnce) {
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a")}).ok());
  Account account = Created("anna");
  OneTimeToken invite{.token_hash = "t1",
                      .purpose = "invite",
                      .account_id = account.id,
                      .email = "nieuw@example.nl",
                      .organization_id = OrganizationId("a"),
                      .role = "organization-member",
                      .expires_at = kT3,
                      .created_at = kT1};
  ASSERT_TRUE(accounts().AddToken(invite).ok());
  auto taken = accounts().TakeToken("t1", "invite", kT2);
  ASSERT_TRUE(taken.ok()) << taken.error().message;
  ASSERT_TRUE(taken->has_value());
  EXPECT_EQ((*taken)->token_hash, "t1");
  EXPECT_EQ((*taken)->purpose, "invite");
  EXPECT_EQ((*taken)->account_id, account.id);
  EXPECT_EQ((*taken)->email, "nieuw@example.nl");
  EXPECT_EQ((*taken)->organization_id, OrganizationId("a"));
  EXPECT_EQ((*taken)->role, "organization-member");
  EXPECT_EQ((*taken)->expires_at, kT3);
  EXPECT_EQ((*taken)->created_at, kT1);
  auto again = accounts().TakeToken("t1", "invite", kT2);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->has_value());
}

TEST_P(AccountStoreTest, ExpiredTokenIsNotTaken) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().AddToken(NewToken("t1", account, "reset", kT3)).ok());
  auto at_expiry = accounts().TakeToken("t1", "reset", kT3);
  ASSERT_TRUE(at_expiry.ok()) << at_expiry.error().message;
  EXPECT_FALSE(at_expiry->has_value());
  EXPECT_FALSE(accounts().TakeToken("t1", "reset", kT4)->has_value());
}

TEST_P(AccountStoreTest, TokenOfAnotherPurposeIsNotTaken) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().AddToken(NewToken("t1", account, "verify")).ok());
  EXPECT_FALSE(accounts().TakeToken("t1", "reset", kT1)->has_value());
  EXPECT_TRUE(accounts().TakeToken("t1", "verify", kT1)->has_value());
}

TEST_P(AccountStoreTest, CallersAtOnceTakeEachTokenOnlyOnce) {
  Account account = Created("anna");
  constexpr int kTokens = 20;
  for (int i = 0; i < kTokens; ++i) {
    ASSERT_TRUE(accounts().AddToken(NewToken(NumberedHash(i), account)).ok());
  }
  std::atomic<int> taken{0}, failed{0};
  std::vector<std::thread> callers;
  callers.reserve(4);
  for (int caller = 0; caller < 4; ++caller) {
    callers.emplace_back([&] {
      for (int i = 0; i < kTokens; ++i) {
        auto token = accounts().TakeToken(NumberedHash(i), "reset", kT1);
        if (!token.ok()) {
          ++failed;
        } else if (token->has_value()) {
          ++taken;
        }
      }
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(taken.load(), kTokens);
}

TEST_P(AccountStoreTest, DeleteTokensOfRemovesOnlyThatPurposeOfThatAccount) {
  Account anna = Created("anna");
  Account bram = Created("bram");
  ASSERT_TRUE(accounts().AddToken(NewToken("reset-1", anna, "reset")).ok());
  ASSERT_TRUE(accounts().AddToken(NewToken("reset-2", anna, "reset")).ok());
  ASSERT_TRUE(accounts().AddToken(NewToken("verify", anna, "verify")).ok());
  ASSERT_TRUE(accounts().AddToken(NewToken("reset-bram", bram, "reset")).ok());
  ASSERT_TRUE(accounts().DeleteTokensOf(anna.id, "reset").ok());
  EXPECT_FALSE(accounts().TakeToken("reset-1", "reset", kT1)->has_value());
  EXPECT_FALSE(accounts().TakeToken("reset-2", "reset", kT1)->has_value());
  EXPECT_TRUE(accounts().TakeToken("verify", "verify", kT1)->has_value());
  EXPECT_TRUE(accounts().TakeToken("reset-bram", "reset", kT1)->has_value());
}

TEST_P(AccountStoreTest, DeleteExpiredTokensKeepsLiveOnes) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().AddToken(NewToken("old", account, "reset", kT2)).ok());
  ASSERT_TRUE(accounts().AddToken(NewToken("live", account, "reset", kT4)).ok());
  auto removed = accounts().DeleteExpiredTokens(kT3);
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  EXPECT_EQ(*removed, 1);
  EXPECT_TRUE(accounts().TakeToken("live", "reset", kT1)->has_value());
  EXPECT_FALSE(accounts().TakeToken("old", "reset", kT1)->has_value());
}

// --- Sign-in throttling.

TEST_P(AccountStoreTest, SignInFailuresAreSavedReadAndCleared) {
  auto none = accounts().FailuresFor("k1");
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_FALSE(none->has_value());
  ASSERT_TRUE(accounts().SaveFailures({.key = "k1", .failures = 3, .window_start = kT1}).ok());
  ASSERT_TRUE(accounts().SaveFailures({.key = "k2", .failures = 1, .window_start = kT1}).ok());
  auto read = accounts().FailuresFor("k1");
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->failures, 3);
  EXPECT_EQ((*read)->window_start, kT1);
  EXPECT_EQ((*read)->blocked_until, "");

  Status saved = accounts().SaveFailures(
      {.key = "k1", .failures = 10, .window_start = kT2, .blocked_until = kT3});
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  read = accounts().FailuresFor("k1");
  EXPECT_EQ((*read)->failures, 10);
  EXPECT_EQ((*read)->window_start, kT2);
  EXPECT_EQ((*read)->blocked_until, kT3);

  ASSERT_TRUE(accounts().ClearFailures("k1").ok());
  EXPECT_FALSE(accounts().FailuresFor("k1")->has_value());
  EXPECT_TRUE(accounts().FailuresFor("k2")->has_value());
}

// --- API keys.

TEST_P(AccountStoreTest, ApiKeyIsFoundByHashAndListedForItsOrganization) {
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a"), Organization("b")}).ok());
  Account anna = Created("anna");
  ApiKey first{.id = domain::NameUuid("key:1"),
               .organization_id = OrganizationId("a"),
               .key_hash = "hash-1",
               .label = "Website",
               .created_by = anna.id,
               .created_at = kT1};
  ApiKey second{.id = domain::NameUuid("key:2"),
                .organization_id = OrganizationId("a"),
                .key_hash = "hash-2",
                .label = "Agenda",
                .created_at = kT2};
  ApiKey other{.id = domain::NameUuid("key:3"),
               .organization_id = OrganizationId("b"),
               .key_hash = "hash-3",
               .label = "Other",
               .created_at = kT1};
  for (const ApiKey& key : {second, first, other}) {
    Status status = accounts().AddApiKey(key);
    ASSERT_TRUE(status.ok()) << status.error().message;
  }
  auto read = accounts().ApiKeyByHash("hash-1");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_TRUE(read->has_value());
  EXPECT_EQ((*read)->id, first.id);
  EXPECT_EQ((*read)->organization_id, OrganizationId("a"));
  EXPECT_EQ((*read)->label, "Website");
  EXPECT_EQ((*read)->created_by, anna.id);
  EXPECT_EQ((*read)->created_at, kT1);
  EXPECT_FALSE((*read)->revoked_at.has_value());
  EXPECT_FALSE(accounts().ApiKeyByHash("hash-9")->has_value());

  auto keys = accounts().ApiKeysOf(OrganizationId("a"));
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ((*keys)[0].id, first.id);
  EXPECT_EQ((*keys)[1].id, second.id);
  EXPECT_FALSE((*keys)[1].created_by.has_value());
}

TEST_P(AccountStoreTest, RevokedApiKeyIsStillFoundWithItsRevocationTime) {
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a")}).ok());
  ApiKey key{.id = domain::NameUuid("key:1"),
             .organization_id = OrganizationId("a"),
             .key_hash = "hash-1",
             .label = "Website"};
  ASSERT_TRUE(accounts().AddApiKey(key).ok());
  Status status = accounts().RevokeApiKey(key.id, OrganizationId("a"), kT3);
  ASSERT_TRUE(status.ok()) << status.error().message;
  auto read = accounts().ApiKeyByHash("hash-1");
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->revoked_at, kT3);
  EXPECT_FALSE((*read)->created_at.empty());
}

TEST_P(AccountStoreTest, RevokingAnotherOrganizationsKeyIsNotFound) {
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a"), Organization("b")}).ok());
  ApiKey key{.id = domain::NameUuid("key:1"),
             .organization_id = OrganizationId("a"),
             .key_hash = "hash-1",
             .label = "Website"};
  ASSERT_TRUE(accounts().AddApiKey(key).ok());
  Status status = accounts().RevokeApiKey(key.id, OrganizationId("b"), kT3);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE((*accounts().ApiKeyByHash("hash-1"))->revoked_at.has_value());
}

// --- Claims and registrations.

TEST_P(AccountStoreTest, OrganizationRequestIsReadBackById) {
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a")}).ok());
  Account account = Created("anna");
  OrganizationRequest claim{.id = domain::NameUuid("request:claim"),
                            .kind = "claim",
                            .account_id = account.id,
                            .organization_id = OrganizationId("a"),
                            .region = "Twente",
                            .created_at = kT2};
  ASSERT_TRUE(accounts().AddOrganizationRequest(claim).ok());
  auto read = accounts().OrganizationRequestById(claim.id);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_TRUE(read->has_value());
  EXPECT_EQ((*read)->kind, "claim");
  EXPECT_EQ((*read)->account_id, account.id);
  EXPECT_EQ((*read)->organization_id, OrganizationId("a"));
  EXPECT_EQ((*read)->proposal, "");
  EXPECT_EQ((*read)->region, "Twente");
  EXPECT_EQ((*read)->status, "pending");
  EXPECT_EQ((*read)->created_at, kT2);
  EXPECT_FALSE((*read)->decided_by.has_value());
  EXPECT_FALSE((*read)->decided_at.has_value());
  EXPECT_FALSE(accounts().OrganizationRequestById(domain::NameUuid("request:x"))->has_value());
}

TEST_P(AccountStoreTest, PendingRequestsAreThoseOfTheGivenRegionsOldestFirst) {
  Account account = Created("anna");
  OrganizationRequest twente = NewRequest("twente", account, "Twente", kT2);
  OrganizationRequest achterhoek = NewRequest("achterhoek", account, "Achterhoek", kT3);
  OrganizationRequest old_twente = NewRequest("old-twente", account, "Twente", kT1);
  OrganizationRequest utrecht = NewRequest("utrecht", account, "Utrecht", kT1);
  OrganizationRequest decided = NewRequest("decided", account, "Twente", kT1);
  decided.status = "rejected";
  for (const auto& request : {twente, achterhoek, old_twente, utrecht, decided}) {
    ASSERT_TRUE(accounts().AddOrganizationRequest(request).ok());
  }
  auto pending = accounts().PendingRequests({"Twente", "Achterhoek"}, false);
  ASSERT_TRUE(pending.ok()) << pending.error().message;
  EXPECT_EQ(Ids(*pending), (std::vector<std::string>{old_twente.id, twente.id, achterhoek.id}));
}

TEST_P(AccountStoreTest, PendingRequestsOfAllRegionsListsEveryPendingOne) {
  Account account = Created("anna");
  OrganizationRequest twente = NewRequest("twente", account, "Twente", kT2);
  OrganizationRequest nowhere = NewRequest("nowhere", account, "", kT1);
  OrganizationRequest decided = NewRequest("decided", account, "Twente", kT1);
  decided.status = "verified";
  for (const auto& request : {twente, nowhere, decided}) {
    ASSERT_TRUE(accounts().AddOrganizationRequest(request).ok());
  }
  auto pending = accounts().PendingRequests({}, true);
  ASSERT_TRUE(pending.ok()) << pending.error().message;
  EXPECT_EQ(Ids(*pending), (std::vector<std::string>{nowhere.id, twente.id}));
}

TEST_P(AccountStoreTest, NoRegionsMeansNoPendingRequests) {
  Account account = Created("anna");
  ASSERT_TRUE(accounts().AddOrganizationRequest(NewRequest("twente", account, "Twente")).ok());
  ASSERT_TRUE(accounts().AddOrganizationRequest(NewRequest("nowhere", account, "")).ok());
  auto pending = accounts().PendingRequests({}, false);
  ASSERT_TRUE(pending.ok()) << pending.error().message;
  EXPECT_TRUE(pending->empty());
}

TEST_P(AccountStoreTest, DecidedRequestKeepsTheDecisionAndIsNoLongerPending) {
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("new")}).ok());
  Account applicant = Created("anna");
  Account desk = Created("desk");
  OrganizationRequest request = NewRequest("r", applicant, "Twente");
  ASSERT_TRUE(accounts().AddOrganizationRequest(request).ok());
  request.status = "verified";
  request.organization_id = OrganizationId("new");
  request.decided_by = desk.id;
  request.decided_at = kT2;
  Status status = accounts().DecideRequest(request);
  ASSERT_TRUE(status.ok()) << status.error().message;
  auto read = accounts().OrganizationRequestById(request.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->status, "verified");
  EXPECT_EQ((*read)->organization_id, OrganizationId("new"));
  EXPECT_EQ((*read)->decided_by, desk.id);
  EXPECT_EQ((*read)->decided_at, kT2);
  EXPECT_TRUE(accounts().PendingRequests({}, true)->empty());
}

TEST_P(AccountStoreTest, DecidingARequestTwiceIsAConflict) {
  Account applicant = Created("anna");
  Account desk = Created("desk");
  OrganizationRequest request = NewRequest("r", applicant, "Twente");
  ASSERT_TRUE(accounts().AddOrganizationRequest(request).ok());
  request.status = "rejected";
  request.decided_by = desk.id;
  request.decided_at = kT2;
  ASSERT_TRUE(accounts().DecideRequest(request).ok());
  request.status = "verified";
  request.decided_at = kT3;
  Status again = accounts().DecideRequest(request);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto read = accounts().OrganizationRequestById(request.id);
  EXPECT_EQ((*read)->status, "rejected");
  EXPECT_EQ((*read)->decided_at, kT2);
}

TEST_P(AccountStoreTest, DecidingAnUnknownRequestIsNotFound) {
  Account applicant = Created("anna");
  OrganizationRequest request = NewRequest("never-added", applicant, "Twente");
  request.status = "verified";
  Status status = accounts().DecideRequest(request);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
}

TEST_P(AccountStoreTest, RequestsOfListsOnlyThatAccountsRequests) {
  Account anna = Created("anna");
  Account bram = Created("bram");
  OrganizationRequest second = NewRequest("2", anna, "Twente", kT2);
  OrganizationRequest first = NewRequest("1", anna, "Utrecht", kT1);
  second.status = "rejected";
  for (const auto& request : {second, first, NewRequest("3", bram, "Twente")}) {
    ASSERT_TRUE(accounts().AddOrganizationRequest(request).ok());
  }
  auto requests = accounts().RequestsOf(anna.id);
  ASSERT_TRUE(requests.ok()) << requests.error().message;
  EXPECT_EQ(Ids(*requests), (std::vector<std::string>{first.id, second.id}));
}

TEST_P(AccountStoreTest, RegionsOfAreTheDistinctRegionsOfTheOrganizationsAddresses) {
  std::vector<Record> records = {
      Organization("a"),
      Organization("b"),
      Location("centrum", "a"),
      Location("dorp", "a"),
      Location("elders", "b"),
      Address("centrum-1", "centrum", "Twente"),
      Address("centrum-2", "centrum", "Twente"),
      Address("centrum-3", "centrum", ""),
      Address("dorp", "dorp", "Achterhoek"),
      Address("elders", "elders", "Utrecht"),
  };
  Status written = store_->Write(records);
  ASSERT_TRUE(written.ok()) << written.error().message;
  auto regions = accounts().RegionsOf(OrganizationId("a"));
  ASSERT_TRUE(regions.ok()) << regions.error().message;
  EXPECT_EQ(*regions, (std::vector<std::string>{"Achterhoek", "Twente"}));
  EXPECT_TRUE(accounts().RegionsOf(OrganizationId("none"))->empty());
}

// --- Audit log.

TEST_P(AccountStoreTest, AuditEntriesAreReadBackInOrder) {
  for (const char* action : {"account.sign_in", "organization.update", "account.sign_out"}) {
    Status status = accounts().Audit(
        {.at = kT1, .actor_id = "system", .action = action, .target_table = "organization"});
    ASSERT_TRUE(status.ok()) << status.error().message;
  }
  auto log = accounts().AuditLog(0, 10);
  ASSERT_TRUE(log.ok()) << log.error().message;
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ((*log)[0].action, "account.sign_in");
  EXPECT_EQ((*log)[1].action, "organization.update");
  EXPECT_EQ((*log)[2].action, "account.sign_out");
  EXPECT_LT((*log)[0].seq, (*log)[1].seq);
  EXPECT_LT((*log)[1].seq, (*log)[2].seq);
  EXPECT_EQ((*log)[0].at, kT1);
  EXPECT_EQ((*log)[0].actor_id, "system");
  EXPECT_EQ((*log)[0].target_table, "organization");
  EXPECT_EQ((*log)[0].target_id, "");
  auto page = accounts().AuditLog((*log)[0].seq, 1);
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].action, "organization.update");
}

TEST_P(AccountStoreTest, AuditLogBeforeReadsNewestFirst) {
  for (const char* action : {"a.first", "a.second", "a.third"}) {
    ASSERT_TRUE(accounts().Audit({.at = kT1, .actor_id = "system", .action = action}).ok());
  }
  auto newest = accounts().AuditLogBefore(std::numeric_limits<int64_t>::max(), 2);
  ASSERT_TRUE(newest.ok()) << newest.error().message;
  ASSERT_EQ(newest->size(), 2u);
  EXPECT_EQ((*newest)[0].action, "a.third");
  EXPECT_EQ((*newest)[1].action, "a.second");
  auto older = accounts().AuditLogBefore((*newest)[1].seq, 10);
  ASSERT_TRUE(older.ok()) << older.error().message;
  ASSERT_EQ(older->size(), 1u);
  EXPECT_EQ((*older)[0].action, "a.first");
}

// --- Review reminders.

TEST_P(AccountStoreTest, ReviewRemindersAreKeptPerOrganizationAndReplaced) {
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("reminded")}).ok());
  auto none = accounts().LastReviewReminder(OrganizationId("reminded"));
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_FALSE(none->has_value());
  ASSERT_TRUE(accounts().SaveReviewReminder(OrganizationId("reminded"), kT1).ok());
  ASSERT_TRUE(accounts().SaveReviewReminder(OrganizationId("reminded"), kT2).ok());
  auto last = accounts().LastReviewReminder(OrganizationId("reminded"));
  ASSERT_TRUE(last.ok()) << last.error().message;
  EXPECT_EQ(last->value_or(""), kT2);
  // The reminder goes with its organisation.
  store::RecordKey key{Table::kOrganization, OrganizationId("reminded")};
  ASSERT_TRUE(store_->Write({}, std::span<const store::RecordKey>(&key, 1)).ok());
  EXPECT_FALSE(accounts().LastReviewReminder(OrganizationId("reminded"))->has_value());
}

TEST_P(AccountStoreTest, TheDatabaseRefusesChangesToTheAuditLog) {
  ASSERT_TRUE(accounts().Audit({.at = kT1, .actor_id = "system", .action = "a.b"}).ok());
  EXPECT_NE(database_->ExecuteDirectly("UPDATE audit_log SET action = 'forged'"), "");
  EXPECT_NE(database_->ExecuteDirectly("DELETE FROM audit_log"), "");
  auto log = accounts().AuditLog(0, 10);
  ASSERT_TRUE(log.ok()) << log.error().message;
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].action, "a.b");
}

// --- Outbox.

TEST_P(AccountStoreTest, DueMailsAreThoseWhoseTimeHasComeOldestFirst) {
  Account account = Created("anna");
  OutboxMail later = NewMail("later", account, kT4);
  OutboxMail second = NewMail("second", std::nullopt, kT1);
  second.created_at = kT2;
  OutboxMail first = NewMail("first", account, kT2);
  for (const auto& mail : {later, second, first}) {
    Status status = accounts().Enqueue(mail);
    ASSERT_TRUE(status.ok()) << status.error().message;
  }
  auto due = accounts().DueMails(kT3, 10);
  ASSERT_TRUE(due.ok()) << due.error().message;
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].id, first.id);
  EXPECT_EQ((*due)[0].account_id, account.id);
  EXPECT_EQ((*due)[0].to_address, "first@example.nl");
  EXPECT_EQ((*due)[0].subject, "Onderwerp first");
  EXPECT_EQ((*due)[0].body, "Tekst first");
  EXPECT_EQ((*due)[0].language, "nl");
  EXPECT_EQ((*due)[0].attempts, 0);
  EXPECT_EQ((*due)[1].id, second.id);
  EXPECT_FALSE((*due)[1].account_id.has_value());
  EXPECT_EQ(accounts().DueMails(kT3, 1)->size(), 1u);
  EXPECT_EQ(accounts().DueMails(kT4, 10)->size(), 3u);
}

TEST_P(AccountStoreTest, FailedMailIsTriedLaterAndItsAttemptsCounted) {
  OutboxMail mail = NewMail("m", std::nullopt, kT1);
  ASSERT_TRUE(accounts().Enqueue(mail).ok());
  Status failed = accounts().MailFailed(mail.id, kT3, "421 try again later");
  ASSERT_TRUE(failed.ok()) << failed.error().message;
  EXPECT_TRUE(accounts().DueMails(kT2, 10)->empty());
  auto due = accounts().DueMails(kT3, 10);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].attempts, 1);
  EXPECT_EQ((*due)[0].next_attempt_at, kT3);
  EXPECT_EQ((*due)[0].last_error, "421 try again later");
  ASSERT_TRUE(accounts().MailFailed(mail.id, kT4, "timeout").ok());
  EXPECT_EQ((*accounts().DueMails(kT4, 10))[0].attempts, 2);
}

TEST_P(AccountStoreTest, DeletedMailLeavesTheOutbox) {
  OutboxMail first = NewMail("first", std::nullopt);
  OutboxMail second = NewMail("second", std::nullopt);
  ASSERT_TRUE(accounts().Enqueue(first).ok());
  ASSERT_TRUE(accounts().Enqueue(second).ok());
  EXPECT_EQ(*accounts().OutboxSize(), 2);
  ASSERT_TRUE(accounts().DeleteMail(first.id).ok());
  EXPECT_EQ(*accounts().OutboxSize(), 1);
  auto due = accounts().DueMails(kT5, 10);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].id, second.id);
}

// --- Settings.

TEST_P(AccountStoreTest, EnsureSettingKeepsTheFirstValue) {
  auto first = accounts().EnsureSetting("throttle-key", "first");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, "first");
  auto second = accounts().EnsureSetting("throttle-key", "second");
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(*second, "first");
  EXPECT_EQ(*accounts().EnsureSetting("other", "own"), "own");
}

TEST_P(AccountStoreTest, CallersAtOnceAgreeOnASetting) {
  std::vector<std::string> values(4);
  std::vector<std::thread> callers;
  callers.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    callers.emplace_back([&, i] {
      auto value = accounts().EnsureSetting("key", "candidate-" + std::to_string(i));
      values[i] = value.ok() ? *value : "error: " + value.error().message;
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(std::set<std::string>(values.begin(), values.end()).size(), 1u) << values[0];
  EXPECT_TRUE(values[0].starts_with("candidate-")) << values[0];
}

// --- Values are bound, never spliced.

TEST_P(AccountStoreTest, HostileTextRoundTripsUnchanged) {
  const std::string hostile =
      "O'Brien \"Bobby\" '; DROP TABLE account; -- \\ % _ :name $1 مرحبا بكم 👋🏽";
  Account account = NewAccount("o'brien");
  account.display_name = hostile;
  ASSERT_TRUE(accounts().CreateAccount(account).ok());
  ASSERT_TRUE(accounts().AddGrant(account.id, {.role = Role::kHelpDesk, .scope = hostile}).ok());
  OutboxMail mail = NewMail("m", account);
  mail.subject = hostile;
  mail.body = hostile + "\n" + hostile;
  ASSERT_TRUE(accounts().Enqueue(mail).ok());
  ASSERT_TRUE(accounts().Audit({.at = kT1, .actor_id = account.id, .action = hostile}).ok());

  auto read = accounts().AccountByEmail("o'brien@example.nl");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_TRUE(read->has_value());
  EXPECT_EQ((*read)->display_name, hostile);
  ASSERT_EQ((*read)->grants.size(), 1u);
  EXPECT_EQ((*read)->grants[0].scope, hostile);
  auto due = accounts().DueMails(kT5, 10);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].subject, hostile);
  EXPECT_EQ((*due)[0].body, hostile + "\n" + hostile);
  EXPECT_EQ((*accounts().AuditLog(0, 10))[0].action, hostile);
  EXPECT_EQ(accounts().EnsureSetting(hostile, hostile).value(), hostile);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const auto& info) {
                           return info.param == Backend::kSqlite ? "Sqlite" : "Postgresql";
                         });

}  // namespace
}  // namespace knooppunt::store
