// The rules of accounts: sign-up, e-mail verification, sign-in with throttling and a second
// factor, sessions with idle and absolute expiry, password reset, TOTP enrolment, export and
// deletion. Nothing here sends mail: functions return the one-time tokens and the web layer
// writes the mail, in the person's language, into the outbox.
// Thread-safety: an Accounts may be used from any number of threads at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/password.h"
#include "domain/permissions.h"
#include "domain/result.h"
#include "domain/time.h"
#include "store/account_store.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::accounts {

struct AccountsOptions {
  // A session ends after this long without a request …
  std::chrono::seconds session_idle = std::chrono::hours(2);
  // … and this long after sign-in, whatever happens.
  std::chrono::seconds session_absolute = std::chrono::hours(12);
  // How long the links in mails work.
  std::chrono::seconds verify_link = std::chrono::hours(48);
  std::chrono::seconds reset_link = std::chrono::hours(1);
  std::chrono::seconds invite_link = std::chrono::hours(24 * 7);
  // Failed sign-ins allowed per account, and per client address, within `failure_window`; one
  // more blocks further tries for `block`.
  int account_failures = 5;
  int address_failures = 20;
  std::chrono::seconds failure_window = std::chrono::minutes(15);
  std::chrono::seconds block = std::chrono::minutes(15);
  // Argon2id cost; tests pass FastPasswordOptionsForTests().
  PasswordOptions password = {};
};

struct SignUpRequest {
  std::string email;
  std::string password;
  std::string display_name = "";
  std::string language = "nl";
};

struct SignUpOutcome {
  // A new account: its id and the token of the verification link to mail.
  std::string account_id = "";
  std::string verify_token = "";
  // The address had an account already: nothing changed; mail the owner a notice instead, so
  // the page can say the same in both cases.
  bool existed = false;
};

struct SignInOutcome {
  enum class Kind {
    kSignedIn,    // session_token is a full session
    kNeedsCode,   // session_token waits for the TOTP code (CompleteSignIn)
    kWrong,       // wrong address, password or code: the same answer for each
    kUnverified,  // right password, address not verified yet
    kThrottled,   // too many failures: try again after retry_after_seconds
  };
  Kind kind = Kind::kWrong;
  std::string session_token = "";
  int64_t retry_after_seconds = 0;
};

struct ResetStart {
  std::string account_id;
  std::string email;
  std::string language;
  std::string token;
};

struct TotpEnrolment {
  std::string secret;  // base32, shown for typing in
  std::string uri;     // otpauth://
  std::string qr_svg;  // the URI as a QR code
};

// An invitation to join an organisation, as its link says.
struct Invitation {
  std::string organization_id;
  std::string email;  // the invited address
  domain::Role role = domain::Role::kOrganizationMember;
};

// What the person sees of themselves: the account and its roles, no secrets.
struct AccountView {
  store::Account account;
  bool second_factor_enabled = false;
  std::vector<store::OrganizationRequest> requests;
};

class Accounts {
 public:
  Accounts(store::Store& store, AccountsOptions options);

  // Checks the address and the password rules (CheckNewPassword). Failure: kInvalidArgument with
  // field "email" ("email_invalid") or "password" (a password_* key), or the store's error.
  Result<SignUpOutcome> SignUp(const SignUpRequest& request);
  // Marks the address verified. Success: the account id. kNotFound when the token is unknown,
  // used or expired.
  Result<std::string> VerifyEmail(std::string_view token);

  // Checks the throttle first (a blocked account or address is not even tried), then the
  // password, the same slow way whether or not the address has an account. A success starts a
  // new session (a new id: no fixation) and clears the account's failures.
  Result<SignInOutcome> SignIn(std::string_view email, std::string_view password,
                               std::string_view client);
  // The TOTP step of a sign-in that answered kNeedsCode: kSignedIn, kWrong or kThrottled.
  Result<SignInOutcome> CompleteSignIn(std::string_view session_token, std::string_view code,
                                       std::string_view client);
  // The account of a session that waits for its code; nullopt when there is none.
  Result<std::optional<store::Account>> PendingSignIn(std::string_view session_token);

  // Who holds this session token: an anonymous actor when it is unknown, expired (then it is
  // deleted) or waits for its TOTP code. Notes the request time, at most once a minute.
  Result<domain::Actor> Authenticate(std::string_view session_token);
  // Who holds this organisation API key (Authorization: Bearer). kForbidden when it is unknown
  // or revoked.
  Result<domain::Actor> AuthenticateKey(std::string_view key);
  Status SignOut(std::string_view session_token);

  // The token to mail when the address has an account; nullopt when it has none (the page
  // answers the same). Earlier reset links stop working.
  Result<std::optional<ResetStart>> StartReset(std::string_view email);
  // Sets the new password and ends every session of the account. kNotFound for a bad token,
  // kInvalidArgument (field "password") when the password breaks a rule; the token is then
  // still usable.
  Result<std::string> FinishReset(std::string_view token, std::string_view password);
  // Whether a reset token is still usable, without using it.
  bool ResetTokenLooksUsable(std::string_view token);

  // A new TOTP secret for the account to confirm with ConfirmTotp.
  Result<TotpEnrolment> StartTotp(std::string_view account_id);
  // Stores the secret when `code` matches it and marks this session as past the second factor.
  // kInvalidArgument (field "code") when the code does not match.
  Status ConfirmTotp(std::string_view account_id, std::string_view session_token,
                     std::string_view secret, std::string_view code);

  // An invitation for `email` to join the organisation as admin or member, on behalf of
  // `inviter_id` (audited). Success: the token to mail (it works for invite_link). Failure:
  // kInvalidArgument with field "email" ("email_invalid") or "role" (not an organisation role).
  Result<std::string> Invite(std::string_view organization_id, std::string_view email,
                             domain::Role role, std::string_view inviter_id);
  // The invitation behind a token, without using it; nullopt when it is unknown, used or expired.
  Result<std::optional<Invitation>> PeekInvite(std::string_view token);
  // The account joins the organisation with the invited role when its address is the invited one.
  // Success: the organisation id. kNotFound for an unknown, used or expired token; kForbidden
  // when the account has another address (the link then still works for the right person).
  Result<std::string> AcceptInvite(std::string_view token, std::string_view account_id);

  Result<AccountView> View(std::string_view account_id);
  // Deletes the account when `password` is right: its roles, sessions, links, requests and
  // queued mail go with it; the audit log keeps only the now meaningless id. kInvalidArgument
  // (field "password") for a wrong password ("password_wrong", counted like a failed sign-in)
  // and while the account is blocked by such failures ("password_throttled").
  Status Delete(std::string_view account_id, std::string_view password);

  // For the command line: an account verified at once, with a role. kConflict when the address
  // has an account.
  Result<std::string> CreateVerified(std::string_view email, std::string_view password,
                                     const domain::Grant& grant);
  // For the command line: a new password; ends every session of the account.
  Status SetPassword(std::string_view email, std::string_view password);

  // How long a block after too many failures lasts.
  std::chrono::seconds block() const { return options_.block; }

  // Removes expired sessions and links. Success: how many.
  Result<int64_t> CleanUp();

  // Writes an entry to the audit log; failures are returned, never thrown.
  Status Audit(std::string_view actor_id, std::string_view action, std::string_view table = {},
               std::string_view id = {});

  // The normalised form of an address: trimmed, lower case; nullopt when it is not one.
  static std::optional<std::string> NormaliseEmail(std::string_view email);

 private:
  Result<std::string> NewSession(const store::Account& account, bool second_factor);
  // Seconds to wait when `key` is blocked; 0 when it may try.
  Result<int64_t> Blocked(const std::string& key);
  Status CountFailure(const std::string& key, int limit);
  Result<std::string> ThrottleKey(std::string_view kind, std::string_view value);
  std::string Later(std::chrono::seconds after) const;

  store::Store& store_;
  store::AccountStore& accounts_;
  const AccountsOptions options_;
  std::mutex throttle_key_mutex_;
  std::string throttle_key_;  // GUARDED_BY(throttle_key_mutex_); read from the database once
  // Argon2id takes 64 MiB per hash: at most two at once keep memory bounded under a flood.
  std::counting_semaphore<2> hashing_{2};
};

}  // namespace knooppunt::accounts
