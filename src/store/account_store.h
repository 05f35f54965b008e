// Persistence of the platform around the social map: accounts and their roles, sessions,
// one-time links, sign-in throttling, organisation API keys, claims and registrations, the
// append-only audit log and the e-mail outbox. The rules (expiry, throttling, permissions) live
// in the accounts layer; this only stores. Secrets are stored as hashes (accounts/token.h).
// Thread-safety: as Store: every method may be called from any thread at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/permissions.h"
#include "domain/result.h"

namespace knooppunt::store {

struct Account {
  std::string id;
  std::string email;  // normalised: trimmed, lower case; unique
  std::string password_hash;
  std::string display_name = "";
  std::string language = "nl";
  std::optional<std::string> email_verified_at = std::nullopt;
  std::optional<std::string> totp_secret = std::nullopt;  // base32; set once TOTP is confirmed
  int64_t totp_last_step = 0;  // the last accepted TOTP time step, refused when offered again
  std::string created_at = "";
  std::vector<domain::Grant> grants = {};  // read with the account; written with Grant/Revoke
};

struct SessionRecord {
  std::string id_hash;  // HashToken of the cookie's value
  std::string account_id;
  std::string created_at;
  std::string last_seen_at;
  bool second_factor = false;
};

// A one-time link sent by e-mail.
struct OneTimeToken {
  std::string token_hash;
  std::string purpose;  // "verify", "reset", "invite"
  std::optional<std::string> account_id = std::nullopt;
  std::string email = "";  // invite: the invited address
  std::optional<std::string> organization_id = std::nullopt;
  std::string role = "";  // invite: the role it grants
  std::string expires_at;
  std::string created_at = "";
};

struct SignInFailures {
  std::string key;  // a keyed hash (accounts/token.h KeyedHash), never an address
  int64_t failures = 0;
  std::string window_start;
  std::string blocked_until = "";  // empty when not blocked
};

struct ApiKey {
  std::string id;
  std::string organization_id;
  std::string key_hash;
  std::string label;
  std::optional<std::string> created_by = std::nullopt;  // account id
  std::string created_at = "";
  std::optional<std::string> revoked_at = std::nullopt;
};

struct OrganizationRequest {
  std::string id;
  std::string kind;  // "claim" or "register"
  std::string account_id;
  std::optional<std::string> organization_id = std::nullopt;  // claim: the listing claimed
  std::string proposal = "";       // register: the organisation proposed, as HSDS JSON
  std::string region = "";         // which help desk decides
  std::string status = "pending";  // "pending", "verified", "rejected"
  std::string created_at = "";
  std::optional<std::string> decided_by = std::nullopt;
  std::optional<std::string> decided_at = std::nullopt;
};

struct AuditEntry {
  int64_t seq = 0;  // set by the store
  std::string at;
  std::string actor_id;  // an account id, "api-key:<id>" or "system"; never personal data
  std::string action;    // "organization.update", "account.sign_in", ...
  std::string target_table = "";
  std::string target_id = "";
};

struct OutboxMail {
  std::string id;
  std::optional<std::string> account_id = std::nullopt;  // the recipient's account, if any
  std::string to_address;
  std::string subject;
  std::string body;
  std::string language;
  std::string created_at = "";
  int64_t attempts = 0;
  std::string next_attempt_at = "";
  std::string last_error = "";
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // --- Accounts. Times are normalised UTC date-times (domain/time.h).
  // Failure: kConflict when the e-mail address already has an account.
  virtual Status CreateAccount(const Account& account) = 0;
  virtual Result<std::optional<Account>> AccountById(std::string_view id) = 0;
  virtual Result<std::optional<Account>> AccountByEmail(std::string_view email) = 0;
  // Writes every field but id, created_at and grants. kNotFound when there is no such account;
  // kConflict when the new e-mail address belongs to another account.
  virtual Status UpdateAccount(const Account& account) = 0;
  // Removes the account with its roles, sessions, links, requests and queued mails. kNotFound
  // when there is none.
  virtual Status DeleteAccount(std::string_view id) = 0;
  // Adding a grant the account has already is not an error.
  virtual Status AddGrant(std::string_view account_id, const domain::Grant& grant) = 0;
  virtual Status RemoveGrant(std::string_view account_id, const domain::Grant& grant) = 0;
  // The accounts holding any role scoped to this organisation, by e-mail address.
  virtual Result<std::vector<Account>> AccountsOfOrganization(std::string_view organization_id) = 0;

  // --- Sessions.
  virtual Status CreateSession(const SessionRecord& session) = 0;
  virtual Result<std::optional<SessionRecord>> SessionByHash(std::string_view id_hash) = 0;
  virtual Status TouchSession(std::string_view id_hash, std::string_view now) = 0;
  virtual Status MarkSecondFactor(std::string_view id_hash) = 0;
  virtual Status DeleteSession(std::string_view id_hash) = 0;
  // Every session of the account except `keep_hash` (empty: all). Success: how many.
  virtual Result<int64_t> DeleteSessionsOf(std::string_view account_id,
                                           std::string_view keep_hash = {}) = 0;
  // Sessions idle since before `idle_cutoff` or created before `absolute_cutoff`.
  virtual Result<int64_t> DeleteExpiredSessions(std::string_view idle_cutoff,
                                                std::string_view absolute_cutoff) = 0;

  // --- One-time links.
  virtual Status AddToken(const OneTimeToken& token) = 0;
  // Removes and returns the token with this hash and purpose when it expires after `now`; nullopt
  // (and nothing returned twice, even to two callers at once) otherwise.
  virtual Result<std::optional<OneTimeToken>> TakeToken(std::string_view token_hash,
                                                        std::string_view purpose,
                                                        std::string_view now) = 0;
  // Removes the account's unused links of one purpose (a new reset link voids the old ones).
  virtual Status DeleteTokensOf(std::string_view account_id, std::string_view purpose) = 0;
  virtual Result<int64_t> DeleteExpiredTokens(std::string_view now) = 0;

  // --- Sign-in throttling.
  virtual Result<std::optional<SignInFailures>> FailuresFor(std::string_view key) = 0;
  virtual Status SaveFailures(const SignInFailures& failures) = 0;
  virtual Status ClearFailures(std::string_view key) = 0;

  // --- API keys.
  virtual Status AddApiKey(const ApiKey& key) = 0;
  // The key with this hash, also when revoked (the caller checks revoked_at).
  virtual Result<std::optional<ApiKey>> ApiKeyByHash(std::string_view key_hash) = 0;
  virtual Result<std::vector<ApiKey>> ApiKeysOf(std::string_view organization_id) = 0;
  // Sets revoked_at of the key when it belongs to the organisation; kNotFound otherwise.
  virtual Status RevokeApiKey(std::string_view id, std::string_view organization_id,
                              std::string_view now) = 0;

  // --- Claims and registrations.
  virtual Status AddOrganizationRequest(const OrganizationRequest& request) = 0;
  virtual Result<std::optional<OrganizationRequest>> OrganizationRequestById(
      std::string_view id) = 0;
  // Pending requests, oldest first; only those of `regions` unless `all_regions`.
  virtual Result<std::vector<OrganizationRequest>> PendingRequests(
      const std::vector<std::string>& regions, bool all_regions) = 0;
  virtual Result<std::vector<OrganizationRequest>> RequestsOf(std::string_view account_id) = 0;
  // Writes status, organization_id, decided_by and decided_at of a pending request; kConflict
  // when it was decided already, kNotFound when there is none.
  virtual Status DecideRequest(const OrganizationRequest& request) = 0;

  // The distinct HSDS address.region values of the organisation's locations.
  virtual Result<std::vector<std::string>> RegionsOf(std::string_view organization_id) = 0;

  // --- Audit log (append-only; the database refuses updates and deletes).
  virtual Status Audit(const AuditEntry& entry) = 0;
  // Up to `limit` entries with seq above `after`, oldest first.
  virtual Result<std::vector<AuditEntry>> AuditLog(int64_t after, int64_t limit) = 0;
  // Up to `limit` entries with seq below `before`, newest first (pages of the log's page).
  virtual Result<std::vector<AuditEntry>> AuditLogBefore(int64_t before, int64_t limit) = 0;

  // --- Review reminders: when an organisation's keepers were last mailed to check it.
  virtual Result<std::optional<std::string>> LastReviewReminder(
      std::string_view organization_id) = 0;
  virtual Status SaveReviewReminder(std::string_view organization_id, std::string_view at) = 0;

  // --- Outbox.
  virtual Status Enqueue(const OutboxMail& mail) = 0;
  // Up to `limit` mails whose next attempt is due at `now`, oldest first.
  virtual Result<std::vector<OutboxMail>> DueMails(std::string_view now, int64_t limit) = 0;
  virtual Status DeleteMail(std::string_view id) = 0;
  // Counts a failed attempt and sets when to try again.
  virtual Status MailFailed(std::string_view id, std::string_view next_attempt_at,
                            std::string_view error) = 0;
  virtual Result<int64_t> OutboxSize() = 0;

  // --- Settings made once: stores `candidate` under `name` unless a value is there already.
  // Success: the stored value (the first one written, also when two callers race).
  virtual Result<std::string> EnsureSetting(std::string_view name, std::string_view candidate) = 0;
};

}  // namespace knooppunt::store
