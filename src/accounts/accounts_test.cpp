// The accounts rules, run against a real SQLite database in a temporary folder.
#include "accounts/accounts.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/token.h"
#include "accounts/totp.h"
#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "store/store.h"
#include "testing/testing.h"

namespace knooppunt::accounts {
namespace {

using Kind = SignInOutcome::Kind;
using domain::Grant;
using domain::Role;

constexpr std::string_view kPassword = "paars-konijn-op-de-fiets";
constexpr std::string_view kNewPassword = "groene-tram-naar-zee-42";
constexpr std::string_view kClient = "192.0.2.1";
constexpr std::string_view kOtherClient = "198.51.100.7";

AccountsOptions FastOptions() { return AccountsOptions{.password = FastPasswordOptionsForTests()}; }

// A migrated, empty SQLite database in `dir`; nullptr (and a test failure) when that fails.
std::unique_ptr<store::Store> OpenTestStore(const knooppunt::testing::TempDir& dir) {
  store::StoreOptions options{.database = "sqlite:" + (dir.path() / "test.db").string(),
                              .pool_size = 2};
  auto applied = store::Migrate(options);
  if (!applied) {
    ADD_FAILURE() << "migrate: " << applied.error().message;
    return nullptr;
  }
  auto opened = store::OpenStore(options);
  if (!opened) {
    ADD_FAILURE() << "open: " << opened.error().message;
    return nullptr;
  }
  return std::move(*opened);
}

// Signs `email` up and follows the verification link. The account id; "" (and a test failure)
// when either step fails.
std::string VerifiedAccount(Accounts& accounts, std::string_view email,
                            std::string_view password = kPassword) {
  auto signed_up =
      accounts.SignUp({.email = std::string(email), .password = std::string(password)});
  if (!signed_up || signed_up->existed) {
    ADD_FAILURE() << "sign-up of " << email << " failed";
    return "";
  }
  auto verified = accounts.VerifyEmail(signed_up->verify_token);
  if (!verified) {
    ADD_FAILURE() << "verification of " << email << ": " << verified.error().message;
    return "";
  }
  return *verified;
}

// The token of a sign-in that must succeed without a second factor; "" (and a test failure)
// otherwise.
std::string SessionOf(Accounts& accounts, std::string_view email,
                      std::string_view password = kPassword) {
  auto outcome = accounts.SignIn(email, password, kClient);
  if (!outcome || outcome->kind != Kind::kSignedIn) {
    ADD_FAILURE() << "sign-in of " << email << " did not succeed";
    return "";
  }
  return outcome->session_token;
}

// Whether the token still stands for a signed-in person.
bool Authenticates(Accounts& accounts, std::string_view token) {
  auto actor = accounts.Authenticate(token);
  return actor.ok() && actor->signed_in();
}

bool HasGrant(const std::vector<Grant>& grants, Role role, std::string_view scope) {
  for (const Grant& grant : grants) {
    if (grant.role == role && grant.scope == scope) return true;
  }
  return false;
}

int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string CodeAt(std::string_view secret, int64_t unix_seconds) {
  return TotpCode(secret, unix_seconds).value_or("");
}

// The code an authenticator app shows next: enrolment spends the current one, and a code is
// accepted once only. Still within the allowed drift of one step.
std::string NextCode(std::string_view secret) {
  return CodeAt(secret, UnixNow() + kTotpStepSeconds);
}

// Enrols TOTP for the account with the current code, for `session` (may be empty). The secret;
// "" (and a test failure) when it fails.
std::string EnableTotp(Accounts& accounts, const std::string& account_id,
                       std::string_view session = {}) {
  auto enrolment = accounts.StartTotp(account_id);
  if (!enrolment) {
    ADD_FAILURE() << "StartTotp: " << enrolment.error().message;
    return "";
  }
  Status confirmed = accounts.ConfirmTotp(account_id, session, enrolment->secret,
                                          CodeAt(enrolment->secret, UnixNow()));
  if (!confirmed) {
    ADD_FAILURE() << "ConfirmTotp: " << confirmed.error().message;
    return "";
  }
  return enrolment->secret;
}

std::string TimeAgo(std::chrono::seconds ago) { return domain::FormatUtc(domain::Now() - ago); }

// --- Sign-up and verification.

TEST(AccountsSignUp, CreatesAnUnverifiedAccountWithAVerifyToken) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());

  auto outcome = accounts.SignUp({.email = "anna@example.nl", .password = std::string(kPassword)});
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_FALSE(outcome->existed);
  EXPECT_FALSE(outcome->account_id.empty());
  EXPECT_TRUE(LooksLikeToken(outcome->verify_token));
  auto account = store->accounts().AccountById(outcome->account_id);
  ASSERT_TRUE(account.ok() && account->has_value());
  EXPECT_EQ((*account)->email, "anna@example.nl");
  EXPECT_FALSE((*account)->email_verified_at.has_value());
}

TEST(AccountsSignUp, ExistingAddressChangesNothing) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  auto first = accounts.SignUp(
      {.email = "anna@example.nl", .password = std::string(kPassword), .display_name = "Anna"});
  ASSERT_TRUE(first.ok());
  auto before = store->accounts().AccountById(first->account_id);
  ASSERT_TRUE(before.ok() && before->has_value());

  for (const char* email : {"anna@example.nl", "  ANNA@Example.NL "}) {
    auto again = accounts.SignUp(
        {.email = email, .password = std::string(kNewPassword), .display_name = "Iemand anders"});
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_TRUE(again->existed) << email;
    EXPECT_TRUE(again->account_id.empty());
    EXPECT_TRUE(again->verify_token.empty());
  }
  auto after = store->accounts().AccountById(first->account_id);
  ASSERT_TRUE(after.ok() && after->has_value());
  EXPECT_EQ((*after)->password_hash, (*before)->password_hash);
  EXPECT_EQ((*after)->display_name, "Anna");
}

TEST(AccountsSignUp, RefusesAMalformedAddress) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());

  for (const char* email : {"", "anna", "anna@", "anna example.nl"}) {
    auto outcome = accounts.SignUp({.email = email, .password = std::string(kPassword)});
    ASSERT_FALSE(outcome.ok()) << email;
    EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(outcome.error().field, "email");
  }
}

TEST(AccountsSignUp, RefusesAWeakPasswordWithItsKey) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());

  auto outcome = accounts.SignUp({.email = "anna@example.nl", .password = "kort"});
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(outcome.error().field, "password");
  EXPECT_EQ(outcome.error().message, "password_too_short");
  auto account = store->accounts().AccountByEmail("anna@example.nl");
  ASSERT_TRUE(account.ok());
  EXPECT_FALSE(account->has_value());
}

TEST(AccountsSignUp, VerifyTokenWorksOnce) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  auto outcome = accounts.SignUp({.email = "anna@example.nl", .password = std::string(kPassword)});
  ASSERT_TRUE(outcome.ok());

  auto verified = accounts.VerifyEmail(outcome->verify_token);
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_EQ(*verified, outcome->account_id);
  auto account = store->accounts().AccountById(outcome->account_id);
  ASSERT_TRUE(account.ok() && account->has_value());
  EXPECT_TRUE((*account)->email_verified_at.has_value());

  auto again = accounts.VerifyEmail(outcome->verify_token);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

TEST(AccountsSignUp, MalformedVerifyTokenIsNotFound) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());

  for (const std::string& token : {std::string(), std::string("'; DROP TABLE account; --"),
                                   std::string("\0abc", 4), std::string(5000, 'a')}) {
    auto verified = accounts.VerifyEmail(token);
    ASSERT_FALSE(verified.ok());
    EXPECT_EQ(verified.error().code, ErrorCode::kNotFound);
  }
  // A well-formed token nobody was given.
  auto verified = accounts.VerifyEmail(NewToken());
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().code, ErrorCode::kNotFound);
}

// --- Sign-in and throttling.

TEST(AccountsSignIn, UnverifiedAddressGetsNoSession) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  ASSERT_TRUE(
      accounts.SignUp({.email = "anna@example.nl", .password = std::string(kPassword)}).ok());

  auto outcome = accounts.SignIn("anna@example.nl", kPassword, kClient);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->kind, Kind::kUnverified);
  EXPECT_TRUE(outcome->session_token.empty());
}

TEST(AccountsSignIn, RightPasswordGivesASessionOfTheAccountWithItsGrants) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  ASSERT_TRUE(store->accounts().AddGrant(id, {Role::kVolunteer, ""}).ok());

  auto outcome = accounts.SignIn(" Anna@Example.nl", kPassword, kClient);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  ASSERT_EQ(outcome->kind, Kind::kSignedIn);
  auto actor = accounts.Authenticate(outcome->session_token);
  ASSERT_TRUE(actor.ok()) << actor.error().message;
  EXPECT_EQ(actor->user_id, id);
  EXPECT_TRUE(HasGrant(actor->grants, Role::kVolunteer, ""));
  EXPECT_FALSE(actor->second_factor);
}

TEST(AccountsSignIn, WrongPasswordAndUnknownAddressAnswerAlike) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");

  auto wrong = accounts.SignIn("anna@example.nl", kNewPassword, kClient);
  auto unknown = accounts.SignIn("niemand@example.nl", kPassword, kClient);
  ASSERT_TRUE(wrong.ok() && unknown.ok());
  for (const SignInOutcome& outcome : {*wrong, *unknown}) {
    EXPECT_EQ(outcome.kind, Kind::kWrong);
    EXPECT_TRUE(outcome.session_token.empty());
    EXPECT_EQ(outcome.retry_after_seconds, 0);
  }
}

TEST(AccountsSignIn, EverySignInStartsANewSession) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");

  std::string first = SessionOf(accounts, "anna@example.nl");
  std::string second = SessionOf(accounts, "anna@example.nl");
  EXPECT_NE(first, second);
  EXPECT_TRUE(Authenticates(accounts, second));
}

TEST(AccountsSignIn, AccountIsThrottledAfterItsFailuresEvenWithTheRightPassword) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AccountsOptions options = FastOptions();
  options.account_failures = 3;
  options.address_failures = 100;
  Accounts accounts(*store, options);
  VerifiedAccount(accounts, "anna@example.nl");

  for (int i = 0; i < 3; ++i) {
    auto wrong = accounts.SignIn("anna@example.nl", kNewPassword, kClient);
    ASSERT_TRUE(wrong.ok());
    EXPECT_EQ(wrong->kind, Kind::kWrong) << "attempt " << i;
  }
  for (std::string_view client : {kClient, kOtherClient}) {
    auto right = accounts.SignIn("anna@example.nl", kPassword, client);
    ASSERT_TRUE(right.ok());
    EXPECT_EQ(right->kind, Kind::kThrottled) << client;
    EXPECT_GT(right->retry_after_seconds, 0);
    EXPECT_TRUE(right->session_token.empty());
  }
}

TEST(AccountsSignIn, AccountThrottleLeavesOtherAccountsOfTheClientAlone) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AccountsOptions options = FastOptions();
  options.account_failures = 3;
  options.address_failures = 100;
  Accounts accounts(*store, options);
  VerifiedAccount(accounts, "anna@example.nl");
  VerifiedAccount(accounts, "bram@example.nl");
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(accounts.SignIn("anna@example.nl", kNewPassword, kClient).ok());
  }

  auto bram = accounts.SignIn("bram@example.nl", kPassword, kClient);
  ASSERT_TRUE(bram.ok());
  EXPECT_EQ(bram->kind, Kind::kSignedIn);
}

TEST(AccountsSignIn, ClientIsThrottledAfterFailuresOverDifferentAccounts) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AccountsOptions options = FastOptions();
  options.account_failures = 100;
  options.address_failures = 4;
  Accounts accounts(*store, options);
  VerifiedAccount(accounts, "anna@example.nl");

  for (int i = 0; i < 4; ++i) {
    std::string email = "gok" + std::to_string(i) + "@example.nl";
    auto wrong = accounts.SignIn(email, kPassword, kOtherClient);
    ASSERT_TRUE(wrong.ok());
    EXPECT_EQ(wrong->kind, Kind::kWrong) << email;
  }
  auto from_that_client = accounts.SignIn("anna@example.nl", kPassword, kOtherClient);
  ASSERT_TRUE(from_that_client.ok());
  EXPECT_EQ(from_that_client->kind, Kind::kThrottled);
  EXPECT_GT(from_that_client->retry_after_seconds, 0);
  auto from_elsewhere = accounts.SignIn("anna@example.nl", kPassword, kClient);
  ASSERT_TRUE(from_elsewhere.ok());
  EXPECT_EQ(from_elsewhere->kind, Kind::kSignedIn);
}

TEST(AccountsSignIn, SuccessClearsTheAccountsFailures) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AccountsOptions options = FastOptions();
  options.account_failures = 3;
  options.address_failures = 100;
  Accounts accounts(*store, options);
  VerifiedAccount(accounts, "anna@example.nl");

  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 2; ++i) {
      ASSERT_TRUE(accounts.SignIn("anna@example.nl", kNewPassword, kClient).ok());
    }
    auto right = accounts.SignIn("anna@example.nl", kPassword, kClient);
    ASSERT_TRUE(right.ok());
    EXPECT_EQ(right->kind, Kind::kSignedIn) << "round " << round;
  }
}

// --- Sessions.

TEST(AccountsSessions, UnknownOrMalformedTokenIsAnonymous) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());

  for (const std::string& token :
       {std::string(), std::string("junk"), std::string("'; DROP TABLE account_session; --"),
        std::string(5000, 'x'), NewToken()}) {
    auto actor = accounts.Authenticate(token);
    ASSERT_TRUE(actor.ok()) << actor.error().message;
    EXPECT_FALSE(actor->signed_in());
  }
}

TEST(AccountsSessions, IdleSessionEnds) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());  // idle: 2 hours
  VerifiedAccount(accounts, "anna@example.nl");
  std::string token = SessionOf(accounts, "anna@example.nl");
  ASSERT_TRUE(
      store->accounts().TouchSession(HashToken(token), TimeAgo(std::chrono::hours(3))).ok());

  EXPECT_FALSE(Authenticates(accounts, token));
  auto session = store->accounts().SessionByHash(HashToken(token));
  ASSERT_TRUE(session.ok());
  EXPECT_FALSE(session->has_value());
}

TEST(AccountsSessions, SessionEndsAfterItsAbsoluteTimeDespiteUse) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());  // absolute: 12 hours
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  std::string young = NewToken();
  std::string old = NewToken();
  ASSERT_TRUE(store->accounts()
                  .CreateSession({.id_hash = HashToken(young),
                                  .account_id = id,
                                  .created_at = TimeAgo(std::chrono::hours(11)),
                                  .last_seen_at = TimeAgo(std::chrono::seconds(0))})
                  .ok());
  ASSERT_TRUE(store->accounts()
                  .CreateSession({.id_hash = HashToken(old),
                                  .account_id = id,
                                  .created_at = TimeAgo(std::chrono::hours(13)),
                                  .last_seen_at = TimeAgo(std::chrono::seconds(0))})
                  .ok());

  EXPECT_TRUE(Authenticates(accounts, young));
  EXPECT_FALSE(Authenticates(accounts, old));
  auto session = store->accounts().SessionByHash(HashToken(old));
  ASSERT_TRUE(session.ok());
  EXPECT_FALSE(session->has_value());
}

TEST(AccountsSessions, AuthenticateNotesTheRequestTimeAtMostOnceAMinute) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");
  std::string token = SessionOf(accounts, "anna@example.nl");
  std::string hash = HashToken(token);

  std::string recent = TimeAgo(std::chrono::seconds(10));
  ASSERT_TRUE(store->accounts().TouchSession(hash, recent).ok());
  ASSERT_TRUE(Authenticates(accounts, token));
  EXPECT_EQ((*store->accounts().SessionByHash(hash))->last_seen_at, recent);

  std::string earlier = TimeAgo(std::chrono::minutes(5));
  ASSERT_TRUE(store->accounts().TouchSession(hash, earlier).ok());
  ASSERT_TRUE(Authenticates(accounts, token));
  EXPECT_GT((*store->accounts().SessionByHash(hash))->last_seen_at,
            TimeAgo(std::chrono::minutes(1)));
}

TEST(AccountsSessions, SignOutEndsTheSession) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");
  std::string token = SessionOf(accounts, "anna@example.nl");
  std::string other = SessionOf(accounts, "anna@example.nl");

  ASSERT_TRUE(accounts.SignOut(token).ok());
  EXPECT_FALSE(Authenticates(accounts, token));
  EXPECT_TRUE(Authenticates(accounts, other));
  EXPECT_TRUE(accounts.SignOut("junk").ok());
}

TEST(AccountsSessions, CleanUpRemovesExpiredSessionsAndLinks) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  std::string live = SessionOf(accounts, "anna@example.nl");
  std::string expired = NewToken();
  ASSERT_TRUE(store->accounts()
                  .CreateSession({.id_hash = HashToken(expired),
                                  .account_id = id,
                                  .created_at = TimeAgo(std::chrono::hours(13)),
                                  .last_seen_at = TimeAgo(std::chrono::hours(13))})
                  .ok());
  ASSERT_TRUE(store->accounts()
                  .AddToken({.token_hash = HashToken(NewToken()),
                             .purpose = "reset",
                             .account_id = id,
                             .expires_at = TimeAgo(std::chrono::hours(1))})
                  .ok());

  auto removed = accounts.CleanUp();
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  EXPECT_EQ(*removed, 2);
  EXPECT_FALSE(store->accounts().SessionByHash(HashToken(expired))->has_value());
  EXPECT_TRUE(Authenticates(accounts, live));
}

// --- Second factor.

TEST(AccountsSecondFactor, RightCodeEnablesItWithoutShowingTheSecret) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");

  auto enrolment = accounts.StartTotp(id);
  ASSERT_TRUE(enrolment.ok()) << enrolment.error().message;
  EXPECT_NE(enrolment->uri.find(enrolment->secret), std::string::npos);
  EXPECT_FALSE(enrolment->qr_svg.empty());
  auto before = accounts.View(id);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->second_factor_enabled);

  Status confirmed =
      accounts.ConfirmTotp(id, "", enrolment->secret, CodeAt(enrolment->secret, UnixNow()));
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().message;
  auto view = accounts.View(id);
  ASSERT_TRUE(view.ok()) << view.error().message;
  EXPECT_TRUE(view->second_factor_enabled);
  EXPECT_FALSE(view->account.totp_secret.has_value());
  EXPECT_TRUE(view->account.password_hash.empty());
}

TEST(AccountsSecondFactor, WrongCodeIsRefused) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  auto enrolment = accounts.StartTotp(id);
  ASSERT_TRUE(enrolment.ok());
  std::string code = CodeAt(enrolment->secret, UnixNow());
  ASSERT_EQ(code.size(), 6u);
  code.back() = code.back() == '9' ? '0' : static_cast<char>(code.back() + 1);

  Status confirmed = accounts.ConfirmTotp(id, "", enrolment->secret, code);
  ASSERT_FALSE(confirmed.ok());
  EXPECT_EQ(confirmed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(confirmed.error().field, "code");
  EXPECT_FALSE(accounts.View(id)->second_factor_enabled);
}

TEST(AccountsSecondFactor, ConfirmingMarksTheSessionPastTheSecondFactor) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  std::string token = SessionOf(accounts, "anna@example.nl");

  ASSERT_FALSE(EnableTotp(accounts, id, token).empty());
  auto actor = accounts.Authenticate(token);
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->user_id, id);
  EXPECT_TRUE(actor->second_factor);
}

TEST(AccountsSecondFactor, SignInWaitsForTheCode) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  std::string secret = EnableTotp(accounts, id);

  auto outcome = accounts.SignIn("anna@example.nl", kPassword, kClient);
  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome->kind, Kind::kNeedsCode);
  EXPECT_FALSE(Authenticates(accounts, outcome->session_token));
  auto pending = accounts.PendingSignIn(outcome->session_token);
  ASSERT_TRUE(pending.ok() && pending->has_value());
  EXPECT_EQ((*pending)->id, id);

  auto completed = accounts.CompleteSignIn(outcome->session_token, NextCode(secret), kClient);
  ASSERT_TRUE(completed.ok()) << completed.error().message;
  EXPECT_EQ(completed->kind, Kind::kSignedIn);
  auto actor = accounts.Authenticate(completed->session_token);
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->user_id, id);
  EXPECT_TRUE(actor->second_factor);
}

TEST(AccountsSecondFactor, WrongCodeDoesNotCompleteTheSignIn) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  EnableTotp(accounts, id);
  auto outcome = accounts.SignIn("anna@example.nl", kPassword, kClient);
  ASSERT_TRUE(outcome.ok() && outcome->kind == Kind::kNeedsCode);

  auto completed = accounts.CompleteSignIn(outcome->session_token, "000000x", kClient);
  ASSERT_TRUE(completed.ok());
  EXPECT_EQ(completed->kind, Kind::kWrong);
  EXPECT_FALSE(Authenticates(accounts, outcome->session_token));
}

TEST(AccountsSecondFactor, ReplayedCodeIsRefused) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  std::string secret = EnableTotp(accounts, id);
  std::string code = NextCode(secret);
  auto first = accounts.SignIn("anna@example.nl", kPassword, kClient);
  ASSERT_TRUE(first.ok() && first->kind == Kind::kNeedsCode);
  auto completed = accounts.CompleteSignIn(first->session_token, code, kClient);
  ASSERT_TRUE(completed.ok() && completed->kind == Kind::kSignedIn);

  auto second = accounts.SignIn("anna@example.nl", kPassword, kClient);
  ASSERT_TRUE(second.ok() && second->kind == Kind::kNeedsCode);
  auto replayed = accounts.CompleteSignIn(second->session_token, code, kClient);
  ASSERT_TRUE(replayed.ok());
  EXPECT_EQ(replayed->kind, Kind::kWrong);
  EXPECT_FALSE(Authenticates(accounts, second->session_token));
}

TEST(AccountsSecondFactor, StaffWithoutItMustStillPassIt) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  auto id =
      accounts.CreateVerified("loket@example.nl", kPassword, {Role::kHelpDesk, "Zuid-Holland"});
  ASSERT_TRUE(id.ok()) << id.error().message;

  auto actor = accounts.Authenticate(SessionOf(accounts, "loket@example.nl"));
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->user_id, *id);
  EXPECT_FALSE(actor->second_factor);
  EXPECT_EQ(domain::Allows(*actor, domain::Permission::kVerifyOrganizations),
            domain::Decision::kSecondFactorNeeded);
}

// --- Password reset.

TEST(AccountsReset, UnknownAddressGetsNoToken) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");

  for (const char* email : {"niemand@example.nl", "geen adres"}) {
    auto started = accounts.StartReset(email);
    ASSERT_TRUE(started.ok()) << started.error().message;
    EXPECT_FALSE(started->has_value()) << email;
  }
}

TEST(AccountsReset, KnownAddressGetsAToken) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");

  auto started = accounts.StartReset(" ANNA@example.nl");
  ASSERT_TRUE(started.ok());
  ASSERT_TRUE(started->has_value());
  EXPECT_EQ((*started)->account_id, id);
  EXPECT_EQ((*started)->email, "anna@example.nl");
  EXPECT_TRUE(LooksLikeToken((*started)->token));
}

TEST(AccountsReset, WeakPasswordKeepsTheTokenUsable) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  auto started = accounts.StartReset("anna@example.nl");
  ASSERT_TRUE(started.ok() && started->has_value());

  auto weak = accounts.FinishReset((*started)->token, "kort");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(weak.error().field, "password");
  auto good = accounts.FinishReset((*started)->token, kNewPassword);
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(*good, id);
}

TEST(AccountsReset, TokenWorksOnce) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");
  auto started = accounts.StartReset("anna@example.nl");
  ASSERT_TRUE(started.ok() && started->has_value());
  ASSERT_TRUE(accounts.FinishReset((*started)->token, kNewPassword).ok());

  auto again = accounts.FinishReset((*started)->token, "nog-een-ander-wachtwoord");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

TEST(AccountsReset, FinishingEndsEverySession) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");
  std::string first = SessionOf(accounts, "anna@example.nl");
  std::string second = SessionOf(accounts, "anna@example.nl");
  auto started = accounts.StartReset("anna@example.nl");
  ASSERT_TRUE(started.ok() && started->has_value());

  ASSERT_TRUE(accounts.FinishReset((*started)->token, kNewPassword).ok());
  EXPECT_FALSE(Authenticates(accounts, first));
  EXPECT_FALSE(Authenticates(accounts, second));
}

TEST(AccountsReset, NewPasswordReplacesTheOld) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");
  auto started = accounts.StartReset("anna@example.nl");
  ASSERT_TRUE(started.ok() && started->has_value());
  ASSERT_TRUE(accounts.FinishReset((*started)->token, kNewPassword).ok());

  auto old = accounts.SignIn("anna@example.nl", kPassword, kClient);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->kind, Kind::kWrong);
  auto fresh = accounts.SignIn("anna@example.nl", kNewPassword, kClient);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->kind, Kind::kSignedIn);
}

TEST(AccountsReset, SecondStartVoidsTheFirstToken) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");
  auto first = accounts.StartReset("anna@example.nl");
  auto second = accounts.StartReset("anna@example.nl");
  ASSERT_TRUE(first.ok() && first->has_value() && second.ok() && second->has_value());

  auto with_first = accounts.FinishReset((*first)->token, kNewPassword);
  ASSERT_FALSE(with_first.ok());
  EXPECT_EQ(with_first.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(accounts.FinishReset((*second)->token, kNewPassword).ok());
}

TEST(AccountsReset, TokenLooksUsableOnlyWhileItWorks) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");
  auto started = accounts.StartReset("anna@example.nl");
  ASSERT_TRUE(started.ok() && started->has_value());
  const std::string& token = (*started)->token;

  EXPECT_FALSE(accounts.ResetTokenLooksUsable("junk"));
  EXPECT_FALSE(accounts.ResetTokenLooksUsable(NewToken()));
  EXPECT_TRUE(accounts.ResetTokenLooksUsable(token));
  EXPECT_TRUE(accounts.ResetTokenLooksUsable(token));  // looking does not use it
  ASSERT_TRUE(accounts.FinishReset(token, kNewPassword).ok());
  EXPECT_FALSE(accounts.ResetTokenLooksUsable(token));
}

// --- Deletion.

TEST(AccountsDelete, WrongPasswordKeepsTheAccount) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  std::string token = SessionOf(accounts, "anna@example.nl");

  Status deleted = accounts.Delete(id, kNewPassword);
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(deleted.error().field, "password");
  EXPECT_TRUE(store->accounts().AccountById(id)->has_value());
  EXPECT_TRUE(Authenticates(accounts, token));
}

TEST(AccountsDelete, RightPasswordRemovesTheAccountAndItsSessions) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  std::string token = SessionOf(accounts, "anna@example.nl");

  Status deleted = accounts.Delete(id, kPassword);
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  auto account = store->accounts().AccountById(id);
  ASSERT_TRUE(account.ok());
  EXPECT_FALSE(account->has_value());
  EXPECT_FALSE(Authenticates(accounts, token));
}

TEST(AccountsDelete, RemovesQueuedMail) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  std::string now = domain::FormatUtc(domain::Now());
  ASSERT_TRUE(store->accounts()
                  .Enqueue({.id = domain::RandomUuid(),
                            .account_id = id,
                            .to_address = "anna@example.nl",
                            .subject = "Welkom",
                            .body = "Welkom bij Knooppunt",
                            .language = "nl",
                            .created_at = now,
                            .next_attempt_at = now})
                  .ok());
  ASSERT_EQ(*store->accounts().OutboxSize(), 1);

  ASSERT_TRUE(accounts.Delete(id, kPassword).ok());
  EXPECT_EQ(*store->accounts().OutboxSize(), 0);
}

TEST(AccountsDelete, AuditLogKeepsOnlyTheId) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string id = VerifiedAccount(accounts, "anna@example.nl");
  SessionOf(accounts, "anna@example.nl");

  ASSERT_TRUE(accounts.Delete(id, kPassword).ok());
  auto log = store->accounts().AuditLog(0, 1000);
  ASSERT_TRUE(log.ok()) << log.error().message;
  int of_account = 0;
  for (const store::AuditEntry& entry : *log) {
    if (entry.actor_id == id) ++of_account;
    for (const std::string& text :
         {entry.actor_id, entry.action, entry.target_table, entry.target_id}) {
      EXPECT_EQ(text.find('@'), std::string::npos) << text;
      EXPECT_EQ(text.find("anna"), std::string::npos) << text;
    }
  }
  EXPECT_GT(of_account, 0);
}

// --- Command-line paths.

// --- Invitations.

// An organisation on the map (invitations point at one). Its id.
std::string AddOrganization(store::Store& store, const std::string& key) {
  std::string id = domain::NameUuid("org:" + key);
  domain::Record organization = domain::Record(domain::Table::kOrganization)
                                    .With("id", id)
                                    .With("name", "Stichting " + key)
                                    .With("description", "Beschrijving");
  Status written = store.Write(std::span<const domain::Record>(&organization, 1));
  EXPECT_TRUE(written.ok()) << written.error().message;
  return id;
}

TEST(AccountsInvite, InvitedAddressJoinsWithTheRoleOnce) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  const std::string organization = AddOrganization(*store, "invite");
  auto invited = accounts.CreateVerified("lid@example.nl", kPassword, {Role::kVolunteer, ""});
  ASSERT_TRUE(invited.ok());

  auto token = accounts.Invite(organization, " Lid@Example.nl ", Role::kOrganizationMember,
                               "inviter");
  ASSERT_TRUE(token.ok()) << token.error().message;
  auto peeked = accounts.PeekInvite(*token);
  ASSERT_TRUE(peeked.ok() && peeked->has_value());
  EXPECT_EQ((*peeked)->organization_id, organization);
  EXPECT_EQ((*peeked)->email, "lid@example.nl");
  EXPECT_EQ((*peeked)->role, Role::kOrganizationMember);
  // Looking did not use it up.
  auto joined = accounts.AcceptInvite(*token, *invited);
  ASSERT_TRUE(joined.ok()) << joined.error().message;
  EXPECT_EQ(*joined, organization);
  auto account = store->accounts().AccountById(*invited);
  ASSERT_TRUE(account.ok() && account->has_value());
  EXPECT_TRUE(HasGrant((*account)->grants, Role::kOrganizationMember, organization));
  // The link works once.
  EXPECT_EQ(accounts.AcceptInvite(*token, *invited).error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(accounts.PeekInvite(*token)->has_value());
}

TEST(AccountsInvite, AnotherAddressCannotUseTheLinkAndLeavesItUsable) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  const std::string organization = AddOrganization(*store, "invite");
  auto other = accounts.CreateVerified("ander@example.nl", kPassword, {Role::kVolunteer, ""});
  auto right = accounts.CreateVerified("lid@example.nl", kPassword, {Role::kVolunteer, ""});
  ASSERT_TRUE(other.ok() && right.ok());
  auto token = accounts.Invite(organization, "lid@example.nl", Role::kOrganizationAdmin, "x");
  ASSERT_TRUE(token.ok());

  auto refused = accounts.AcceptInvite(*token, *other);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  auto account = store->accounts().AccountById(*other);
  EXPECT_TRUE((*account)->grants.size() == 1u) << "the other account gained nothing";
  EXPECT_TRUE(accounts.AcceptInvite(*token, *right).ok());
}

TEST(AccountsInvite, RefusesAMalformedAddressARoleWithoutOrganizationAndBadTokens) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  const std::string organization = AddOrganization(*store, "invite");
  auto bad_address = accounts.Invite(organization, "geen-adres", Role::kOrganizationMember, "x");
  ASSERT_FALSE(bad_address.ok());
  EXPECT_EQ(bad_address.error().field, "email");
  auto bad_role = accounts.Invite(organization, "a@example.nl", Role::kPlatformAdmin, "x");
  ASSERT_FALSE(bad_role.ok());
  EXPECT_EQ(bad_role.error().field, "role");
  auto someone = accounts.CreateVerified("a@example.nl", kPassword, {Role::kVolunteer, ""});
  ASSERT_TRUE(someone.ok());
  EXPECT_FALSE(accounts.PeekInvite("not a token")->has_value());
  EXPECT_EQ(accounts.AcceptInvite(std::string(43, 'A'), *someone).error().code,
            ErrorCode::kNotFound);
}

TEST(AccountsInvite, ExpiredInvitationDoesNotWork) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AccountsOptions options = FastOptions();
  options.invite_link = std::chrono::seconds(-1);
  Accounts accounts(*store, options);
  auto someone = accounts.CreateVerified("a@example.nl", kPassword, {Role::kVolunteer, ""});
  auto token = accounts.Invite(AddOrganization(*store, "x"), "a@example.nl",
                               Role::kOrganizationMember, "x");
  ASSERT_TRUE(someone.ok() && token.ok());
  EXPECT_FALSE(accounts.PeekInvite(*token)->has_value());
  EXPECT_EQ(accounts.AcceptInvite(*token, *someone).error().code, ErrorCode::kNotFound);
}

TEST(AccountsCommandLine, CreateVerifiedCanSignInAtOnceWithItsGrant) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());

  auto id = accounts.CreateVerified("Beheer@Example.nl", kPassword, {Role::kVolunteer, ""});
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto account = store->accounts().AccountById(*id);
  ASSERT_TRUE(account.ok() && account->has_value());
  EXPECT_EQ((*account)->email, "beheer@example.nl");
  EXPECT_TRUE((*account)->email_verified_at.has_value());
  auto actor = accounts.Authenticate(SessionOf(accounts, "beheer@example.nl"));
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->user_id, *id);
  EXPECT_TRUE(HasGrant(actor->grants, Role::kVolunteer, ""));
}

TEST(AccountsCommandLine, CreateVerifiedOfAnExistingAddressConflicts) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  ASSERT_TRUE(accounts.CreateVerified("beheer@example.nl", kPassword, {Role::kVolunteer, ""}).ok());

  auto again = accounts.CreateVerified(" BEHEER@example.nl", kNewPassword, {Role::kVolunteer, ""});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST(AccountsCommandLine, SetPasswordReplacesThePassword) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");

  Status set = accounts.SetPassword("anna@example.nl", kNewPassword);
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(accounts.SignIn("anna@example.nl", kPassword, kClient)->kind, Kind::kWrong);
  EXPECT_EQ(accounts.SignIn("anna@example.nl", kNewPassword, kClient)->kind, Kind::kSignedIn);
}

TEST(AccountsCommandLine, SetPasswordEndsEverySession) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  VerifiedAccount(accounts, "anna@example.nl");
  std::string token = SessionOf(accounts, "anna@example.nl");

  ASSERT_TRUE(accounts.SetPassword("anna@example.nl", kNewPassword).ok());
  EXPECT_FALSE(Authenticates(accounts, token));
}

TEST(AccountsCommandLine, SetPasswordOfAnUnknownAddressIsNotFound) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());

  Status set = accounts.SetPassword("niemand@example.nl", kNewPassword);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.error().code, ErrorCode::kNotFound);
}

// --- Organisation API keys.

// Writes an organisation and an API key of it. The key; "" (and a test failure) on failure.
std::string OrganizationWithKey(store::Store& store, const std::string& organization_id,
                                const std::string& key_id) {
  domain::Record organization = domain::Record(domain::Table::kOrganization)
                                    .With("id", organization_id)
                                    .With("name", "Stichting Buurthulp")
                                    .With("description", "Hulp in de buurt");
  if (Status written = store.Write(std::span<const domain::Record>(&organization, 1)); !written) {
    ADD_FAILURE() << "organisation: " << written.error().message;
    return "";
  }
  std::string key = NewToken();
  if (Status added = store.accounts().AddApiKey({.id = key_id,
                                                 .organization_id = organization_id,
                                                 .key_hash = HashToken(key),
                                                 .label = "koppeling",
                                                 .created_at = domain::FormatUtc(domain::Now())});
      !added) {
    ADD_FAILURE() << "API key: " << added.error().message;
    return "";
  }
  return key;
}

TEST(AccountsApiKey, KeyActsAsAMemberOfItsOrganization) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string organization_id = domain::NameUuid("org:buurthulp");
  std::string key_id = domain::RandomUuid();
  std::string key = OrganizationWithKey(*store, organization_id, key_id);

  auto actor = accounts.AuthenticateKey(key);
  ASSERT_TRUE(actor.ok()) << actor.error().message;
  EXPECT_TRUE(actor->user_id.empty());
  EXPECT_EQ(actor->api_key_id, key_id);
  EXPECT_EQ(actor->api_key_organization, organization_id);
  EXPECT_TRUE(HasGrant(actor->grants, Role::kOrganizationMember, organization_id));
}

TEST(AccountsApiKey, RevokedKeyIsForbidden) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());
  std::string organization_id = domain::NameUuid("org:buurthulp");
  std::string key_id = domain::RandomUuid();
  std::string key = OrganizationWithKey(*store, organization_id, key_id);
  ASSERT_TRUE(store->accounts()
                  .RevokeApiKey(key_id, organization_id, domain::FormatUtc(domain::Now()))
                  .ok());

  auto actor = accounts.AuthenticateKey(key);
  ASSERT_FALSE(actor.ok());
  EXPECT_EQ(actor.error().code, ErrorCode::kForbidden);
}

TEST(AccountsApiKey, UnknownOrMalformedKeyIsForbidden) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Accounts accounts(*store, FastOptions());

  for (const std::string& key :
       {std::string(), std::string("junk"), std::string(5000, 'k'), NewToken()}) {
    auto actor = accounts.AuthenticateKey(key);
    ASSERT_FALSE(actor.ok());
    EXPECT_EQ(actor.error().code, ErrorCode::kForbidden);
  }
}

}  // namespace
}  // namespace knooppunt::accounts
