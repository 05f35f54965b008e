// The AccountStore on SOCI, one implementation for SQLite and PostgreSQL. Every statement is
// constant text with :named parameters, bound in the order they appear (each name once); every
// column is read as text (numbers through CAST, nullable columns through COALESCE) so that both
// backends answer alike.
#include "store/sql_account_store.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "domain/time.h"

namespace knooppunt::store {
namespace {

// --- Accounts and roles.
constexpr std::string_view kInsertAccount =
    "INSERT INTO account (id, email, password_hash, display_name, language, email_verified_at, "
    "totp_secret, totp_last_step, created_at) VALUES (:id, :email, :password_hash, "
    ":display_name, :language, :email_verified_at, :totp_secret, :totp_last_step, :created_at)";
constexpr std::string_view kAccountById =
    "SELECT id, email, password_hash, display_name, language, COALESCE(email_verified_at, ''), "
    "COALESCE(totp_secret, ''), CAST(totp_last_step AS TEXT), created_at FROM account "
    "WHERE id = :id";
constexpr std::string_view kAccountByEmail =
    "SELECT id, email, password_hash, display_name, language, COALESCE(email_verified_at, ''), "
    "COALESCE(totp_secret, ''), CAST(totp_last_step AS TEXT), created_at FROM account "
    "WHERE email = :email";
constexpr std::string_view kGrantsOf =
    "SELECT account_id, role, scope FROM account_role WHERE account_id = :account_id "
    "ORDER BY role, scope";
constexpr std::string_view kUpdateAccount =
    "UPDATE account SET email = :email, password_hash = :password_hash, "
    "display_name = :display_name, language = :language, "
    "email_verified_at = :email_verified_at, totp_secret = :totp_secret, "
    "totp_last_step = :totp_last_step WHERE id = :id";
// The roles, sessions, links, requests and mails of the account go with it (ON DELETE CASCADE).
constexpr std::string_view kDeleteAccount = "DELETE FROM account WHERE id = :id";
constexpr std::string_view kAddGrant =
    "INSERT INTO account_role (account_id, role, scope) VALUES (:account_id, :role, :scope) "
    "ON CONFLICT (account_id, role, scope) DO NOTHING";
constexpr std::string_view kRemoveGrant =
    "DELETE FROM account_role WHERE account_id = :account_id AND role = :role "
    "AND scope = :scope";
constexpr std::string_view kAccountsOfOrganization =
    "SELECT a.id, a.email, a.password_hash, a.display_name, a.language, "
    "COALESCE(a.email_verified_at, ''), COALESCE(a.totp_secret, ''), "
    "CAST(a.totp_last_step AS TEXT), a.created_at FROM account a "
    "WHERE a.id IN (SELECT r.account_id FROM account_role r WHERE r.scope = :organization_id) "
    "ORDER BY a.email";
// Every grant (of any scope) of the accounts AccountsOfOrganization lists.
constexpr std::string_view kGrantsOfOrganizationAccounts =
    "SELECT g.account_id, g.role, g.scope FROM account_role g "
    "WHERE g.account_id IN (SELECT r.account_id FROM account_role r "
    "WHERE r.scope = :organization_id) ORDER BY g.account_id, g.role, g.scope";

// --- Sessions.
constexpr std::string_view kInsertSession =
    "INSERT INTO account_session (id_hash, account_id, created_at, last_seen_at, second_factor) "
    "VALUES (:id_hash, :account_id, :created_at, :last_seen_at, :second_factor)";
constexpr std::string_view kSessionByHash =
    "SELECT id_hash, account_id, created_at, last_seen_at, CAST(second_factor AS TEXT) "
    "FROM account_session WHERE id_hash = :id_hash";
constexpr std::string_view kTouchSession =
    "UPDATE account_session SET last_seen_at = :now WHERE id_hash = :id_hash";
constexpr std::string_view kMarkSecondFactor =
    "UPDATE account_session SET second_factor = 1 WHERE id_hash = :id_hash";
constexpr std::string_view kDeleteSession = "DELETE FROM account_session WHERE id_hash = :id_hash";
// An id hash is never empty, so an empty `keep_hash` keeps nothing.
constexpr std::string_view kDeleteSessionsOf =
    "DELETE FROM account_session WHERE account_id = :account_id AND id_hash <> :keep_hash";
constexpr std::string_view kDeleteExpiredSessions =
    "DELETE FROM account_session WHERE last_seen_at < :idle_cutoff "
    "OR created_at < :absolute_cutoff";

// --- One-time links. Taking is one DELETE that answers the deleted row: of two callers at once,
// only the one whose DELETE removed the row gets it.
constexpr std::string_view kInsertToken =
    "INSERT INTO account_token (token_hash, purpose, account_id, email, organization_id, role, "
    "expires_at, created_at) VALUES (:token_hash, :purpose, :account_id, :email, "
    ":organization_id, :role, :expires_at, :created_at)";
constexpr std::string_view kTakeToken =
    "DELETE FROM account_token WHERE token_hash = :token_hash AND purpose = :purpose "
    "AND expires_at > :now RETURNING token_hash, purpose, COALESCE(account_id, ''), email, "
    "COALESCE(organization_id, ''), role, expires_at, created_at";
constexpr std::string_view kDeleteTokensOf =
    "DELETE FROM account_token WHERE account_id = :account_id AND purpose = :purpose";
constexpr std::string_view kDeleteExpiredTokens =
    "DELETE FROM account_token WHERE expires_at <= :now";

// --- Sign-in throttling.
constexpr std::string_view kFailuresFor =
    "SELECT key, CAST(failures AS TEXT), window_start, blocked_until FROM sign_in_failure "
    "WHERE key = :key";
constexpr std::string_view kSaveFailures =
    "INSERT INTO sign_in_failure (key, failures, window_start, blocked_until) "
    "VALUES (:key, :failures, :window_start, :blocked_until) ON CONFLICT (key) DO UPDATE SET "
    "failures = excluded.failures, window_start = excluded.window_start, "
    "blocked_until = excluded.blocked_until";
constexpr std::string_view kClearFailures = "DELETE FROM sign_in_failure WHERE key = :key";

// --- API keys.
constexpr std::string_view kInsertApiKey =
    "INSERT INTO api_key (id, organization_id, key_hash, label, created_by, created_at, "
    "revoked_at) VALUES (:id, :organization_id, :key_hash, :label, :created_by, :created_at, "
    ":revoked_at)";
constexpr std::string_view kApiKeyByHash =
    "SELECT id, organization_id, key_hash, label, COALESCE(created_by, ''), created_at, "
    "COALESCE(revoked_at, '') FROM api_key WHERE key_hash = :key_hash";
constexpr std::string_view kApiKeysOf =
    "SELECT id, organization_id, key_hash, label, COALESCE(created_by, ''), created_at, "
    "COALESCE(revoked_at, '') FROM api_key WHERE organization_id = :organization_id "
    "ORDER BY created_at, id";
// Revoking again keeps the first time: the row still matches, so it is not "not found".
constexpr std::string_view kRevokeApiKey =
    "UPDATE api_key SET revoked_at = COALESCE(revoked_at, :now) WHERE id = :id "
    "AND organization_id = :organization_id";

// --- Claims and registrations.
constexpr std::string_view kInsertRequest =
    "INSERT INTO organization_request (id, kind, account_id, organization_id, proposal, region, "
    "status, created_at, decided_by, decided_at) VALUES (:id, :kind, :account_id, "
    ":organization_id, :proposal, :region, :status, :created_at, :decided_by, :decided_at)";
constexpr std::string_view kRequestById =
    "SELECT id, kind, account_id, COALESCE(organization_id, ''), proposal, region, status, "
    "created_at, COALESCE(decided_by, ''), COALESCE(decided_at, '') FROM organization_request "
    "WHERE id = :id";
constexpr std::string_view kPendingRequests =
    "SELECT id, kind, account_id, COALESCE(organization_id, ''), proposal, region, status, "
    "created_at, COALESCE(decided_by, ''), COALESCE(decided_at, '') FROM organization_request "
    "WHERE status = 'pending' ORDER BY created_at, id";
// Run once per region, so that the text stays constant however many regions there are.
constexpr std::string_view kPendingRequestsInRegion =
    "SELECT id, kind, account_id, COALESCE(organization_id, ''), proposal, region, status, "
    "created_at, COALESCE(decided_by, ''), COALESCE(decided_at, '') FROM organization_request "
    "WHERE status = 'pending' AND region = :region ORDER BY created_at, id";
constexpr std::string_view kRequestsOf =
    "SELECT id, kind, account_id, COALESCE(organization_id, ''), proposal, region, status, "
    "created_at, COALESCE(decided_by, ''), COALESCE(decided_at, '') FROM organization_request "
    "WHERE account_id = :account_id ORDER BY created_at, id";
// Only a pending request changes, so of two deciders at once the second finds nothing to change.
constexpr std::string_view kDecideRequest =
    "UPDATE organization_request SET status = :status, organization_id = :organization_id, "
    "decided_by = :decided_by, decided_at = :decided_at WHERE id = :id AND status = 'pending'";
constexpr std::string_view kRequestExists =
    "SELECT COUNT(*) FROM organization_request WHERE id = :id";
constexpr std::string_view kRegionsOf =
    "SELECT DISTINCT a.region FROM address a JOIN location l ON l.id = a.location_id "
    "WHERE l.organization_id = :organization_id AND a.region IS NOT NULL AND a.region <> '' "
    "ORDER BY a.region";

// --- Audit log.
constexpr std::string_view kAppendAudit =
    "INSERT INTO audit_log (at, actor_id, action, target_table, target_id) "
    "VALUES (:at, :actor_id, :action, :target_table, :target_id)";
constexpr std::string_view kAuditLog =
    "SELECT CAST(seq AS TEXT), at, actor_id, action, target_table, target_id FROM audit_log "
    "WHERE seq > :after ORDER BY seq LIMIT :limit";
constexpr std::string_view kAuditLogBefore =
    "SELECT CAST(seq AS TEXT), at, actor_id, action, target_table, target_id FROM audit_log "
    "WHERE seq < :before ORDER BY seq DESC LIMIT :limit";

// --- Review reminders.
constexpr std::string_view kLastReviewReminder =
    "SELECT sent_at FROM review_reminder WHERE organization_id = :organization_id";
constexpr std::string_view kSaveReviewReminder =
    "INSERT INTO review_reminder (organization_id, sent_at) VALUES (:organization_id, :sent_at) "
    "ON CONFLICT (organization_id) DO UPDATE SET sent_at = excluded.sent_at";

// --- Outbox.
constexpr std::string_view kEnqueue =
    "INSERT INTO outbox (id, account_id, to_address, subject, body, language, created_at, "
    "attempts, next_attempt_at, last_error) VALUES (:id, :account_id, :to_address, :subject, "
    ":body, :language, :created_at, :attempts, :next_attempt_at, :last_error)";
constexpr std::string_view kDueMails =
    "SELECT id, COALESCE(account_id, ''), to_address, subject, body, language, created_at, "
    "CAST(attempts AS TEXT), next_attempt_at, last_error FROM outbox "
    "WHERE next_attempt_at <= :now ORDER BY created_at, id LIMIT :limit";
constexpr std::string_view kDeleteMail = "DELETE FROM outbox WHERE id = :id";
constexpr std::string_view kMailFailed =
    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next_attempt_at, "
    "last_error = :last_error WHERE id = :id";
constexpr std::string_view kOutboxSize = "SELECT COUNT(*) FROM outbox";

// --- Settings. Of two callers at once, the second insert does nothing and both read the first.
constexpr std::string_view kInsertSetting =
    "INSERT INTO setting (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING";
constexpr std::string_view kSetting = "SELECT value FROM setting WHERE name = :name";


Account ReadAccount(Row row) {
  return Account{.id = std::move(row[0]),
                 .email = std::move(row[1]),
                 .password_hash = std::move(row[2]),
                 .display_name = std::move(row[3]),
                 .language = std::move(row[4]),
                 .email_verified_at = Maybe(std::move(row[5])),
                 .totp_secret = Maybe(std::move(row[6])),
                 .totp_last_step = std::stoll(row[7]),
                 .created_at = std::move(row[8])};
}

// Rows of (account_id, role, scope) → grants by account id. Roles this program does not know
// (written by a newer version) are skipped.
std::map<std::string, std::vector<domain::Grant>> ReadGrants(const std::vector<Row>& rows) {
  std::map<std::string, std::vector<domain::Grant>> grants;
  for (const Row& row : rows) {
    auto role = domain::ParseRole(row[1]);
    if (!role) continue;
    grants[row[0]].push_back(domain::Grant{.role = *role, .scope = row[2]});
  }
  return grants;
}

OneTimeToken ReadToken(Row row) {
  return OneTimeToken{.token_hash = std::move(row[0]),
                      .purpose = std::move(row[1]),
                      .account_id = Maybe(std::move(row[2])),
                      .email = std::move(row[3]),
                      .organization_id = Maybe(std::move(row[4])),
                      .role = std::move(row[5]),
                      .expires_at = std::move(row[6]),
                      .created_at = std::move(row[7])};
}

ApiKey ReadApiKey(Row row) {
  return ApiKey{.id = std::move(row[0]),
                .organization_id = std::move(row[1]),
                .key_hash = std::move(row[2]),
                .label = std::move(row[3]),
                .created_by = Maybe(std::move(row[4])),
                .created_at = std::move(row[5]),
                .revoked_at = Maybe(std::move(row[6]))};
}

OrganizationRequest ReadRequest(Row row) {
  return OrganizationRequest{.id = std::move(row[0]),
                             .kind = std::move(row[1]),
                             .account_id = std::move(row[2]),
                             .organization_id = Maybe(std::move(row[3])),
                             .proposal = std::move(row[4]),
                             .region = std::move(row[5]),
                             .status = std::move(row[6]),
                             .created_at = std::move(row[7]),
                             .decided_by = Maybe(std::move(row[8])),
                             .decided_at = Maybe(std::move(row[9]))};
}

std::vector<OrganizationRequest> ReadRequests(std::vector<Row> rows) {
  std::vector<OrganizationRequest> requests;
  requests.reserve(rows.size());
  for (Row& row : rows) requests.push_back(ReadRequest(std::move(row)));
  return requests;
}

OutboxMail ReadMail(Row row) {
  return OutboxMail{.id = std::move(row[0]),
                    .account_id = Maybe(std::move(row[1])),
                    .to_address = std::move(row[2]),
                    .subject = std::move(row[3]),
                    .body = std::move(row[4]),
                    .language = std::move(row[5]),
                    .created_at = std::move(row[6]),
                    .attempts = std::stoll(row[7]),
                    .next_attempt_at = std::move(row[8]),
                    .last_error = std::move(row[9])};
}

class SqlAccountStore final : public AccountStore {
 public:
  explicit SqlAccountStore(ConnectionPool& pool) : pool_(pool) {}

  // --- Accounts.

  Status CreateAccount(const Account& account) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(9);
      params.Text(account.id);
      params.Text(account.email);
      params.Text(account.password_hash);
      params.Text(account.display_name);
      params.Text(account.language);
      params.Text(Nullable(account.email_verified_at));
      params.Text(Nullable(account.totp_secret));
      params.Int(account.totp_last_step);
      params.Text(StampOrNow(account.created_at));
      Exec(lease, kInsertAccount, std::move(params));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "creating an account");
    }
  }

  Result<std::optional<Account>> AccountById(std::string_view id) override {
    return ReadOneAccount(kAccountById, id);
  }

  Result<std::optional<Account>> AccountByEmail(std::string_view email) override {
    return ReadOneAccount(kAccountByEmail, email);
  }

  Status UpdateAccount(const Account& account) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(8);
      params.Text(account.email);
      params.Text(account.password_hash);
      params.Text(account.display_name);
      params.Text(account.language);
      params.Text(Nullable(account.email_verified_at));
      params.Text(Nullable(account.totp_secret));
      params.Int(account.totp_last_step);
      params.Text(account.id);
      if (Exec(lease, kUpdateAccount, std::move(params)) == 0) {
        return NotFound("no account with this id");
      }
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "updating an account");
    }
  }

  Status DeleteAccount(std::string_view id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      if (Exec(lease, kDeleteAccount, Texts({id})) == 0) {
        return NotFound("no account with this id");
      }
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "deleting an account");
    }
  }

  Status AddGrant(std::string_view account_id, const domain::Grant& grant) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Exec(lease, kAddGrant, Texts({account_id, domain::RoleName(grant.role), grant.scope}));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "adding a role");
    }
  }

  Status RemoveGrant(std::string_view account_id, const domain::Grant& grant) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Exec(lease, kRemoveGrant, Texts({account_id, domain::RoleName(grant.role), grant.scope}));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "removing a role");
    }
  }

  Result<std::vector<Account>> AccountsOfOrganization(std::string_view organization_id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kAccountsOfOrganization, Texts({organization_id}));
      auto grants =
          ReadGrants(Rows(lease, kGrantsOfOrganizationAccounts, Texts({organization_id})));
      std::vector<Account> accounts;
      accounts.reserve(rows.size());
      for (Row& row : rows) {
        Account account = ReadAccount(std::move(row));
        if (auto found = grants.find(account.id); found != grants.end()) {
          account.grants = std::move(found->second);
        }
        accounts.push_back(std::move(account));
      }
      return accounts;
    } catch (const std::exception& e) {
      return FromSoci(e, "listing the accounts of an organisation");
    }
  }

  // --- Sessions.

  Status CreateSession(const SessionRecord& session) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(5);
      params.Text(session.id_hash);
      params.Text(session.account_id);
      params.Text(session.created_at);
      params.Text(session.last_seen_at);
      params.Flag(session.second_factor);
      Exec(lease, kInsertSession, std::move(params));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "creating a session");
    }
  }

  Result<std::optional<SessionRecord>> SessionByHash(std::string_view id_hash) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kSessionByHash, Texts({id_hash}));
      if (rows.empty()) return std::optional<SessionRecord>();
      Row& row = rows.front();
      return std::optional<SessionRecord>(SessionRecord{.id_hash = std::move(row[0]),
                                                        .account_id = std::move(row[1]),
                                                        .created_at = std::move(row[2]),
                                                        .last_seen_at = std::move(row[3]),
                                                        .second_factor = std::stoll(row[4]) != 0});
    } catch (const std::exception& e) {
      return FromSoci(e, "reading a session");
    }
  }

  Status TouchSession(std::string_view id_hash, std::string_view now) override {
    return ChangeOne(kTouchSession, Texts({now, id_hash}), "no such session", "touching a session");
  }

  Status MarkSecondFactor(std::string_view id_hash) override {
    return ChangeOne(kMarkSecondFactor, Texts({id_hash}), "no such session",
                     "marking a session's second factor");
  }

  // Signing out twice is not an error: the session is gone either way.
  Status DeleteSession(std::string_view id_hash) override {
    auto removed = Count(kDeleteSession, Texts({id_hash}), "deleting a session");
    if (!removed) return removed.error();
    return {};
  }

  Result<int64_t> DeleteSessionsOf(std::string_view account_id,
                                   std::string_view keep_hash) override {
    return Count(kDeleteSessionsOf, Texts({account_id, keep_hash}), "deleting sessions");
  }

  Result<int64_t> DeleteExpiredSessions(std::string_view idle_cutoff,
                                        std::string_view absolute_cutoff) override {
    return Count(kDeleteExpiredSessions, Texts({idle_cutoff, absolute_cutoff}),
                 "deleting expired sessions");
  }

  // --- One-time links.

  Status AddToken(const OneTimeToken& token) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(8);
      params.Text(token.token_hash);
      params.Text(token.purpose);
      params.Text(Nullable(token.account_id));
      params.Text(token.email);
      params.Text(Nullable(token.organization_id));
      params.Text(token.role);
      params.Text(token.expires_at);
      params.Text(StampOrNow(token.created_at));
      Exec(lease, kInsertToken, std::move(params));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "storing a link");
    }
  }

  Result<std::optional<OneTimeToken>> TakeToken(std::string_view token_hash,
                                                std::string_view purpose,
                                                std::string_view now) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kTakeToken, Texts({token_hash, purpose, now}));
      if (rows.empty()) return std::optional<OneTimeToken>();
      return std::optional<OneTimeToken>(ReadToken(std::move(rows.front())));
    } catch (const std::exception& e) {
      return FromSoci(e, "taking a link");
    }
  }

  Status DeleteTokensOf(std::string_view account_id, std::string_view purpose) override {
    auto removed = Count(kDeleteTokensOf, Texts({account_id, purpose}), "deleting links");
    if (!removed) return removed.error();
    return {};
  }

  Result<int64_t> DeleteExpiredTokens(std::string_view now) override {
    return Count(kDeleteExpiredTokens, Texts({now}), "deleting expired links");
  }

  // --- Sign-in throttling.

  Result<std::optional<SignInFailures>> FailuresFor(std::string_view key) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kFailuresFor, Texts({key}));
      if (rows.empty()) return std::optional<SignInFailures>();
      Row& row = rows.front();
      return std::optional<SignInFailures>(SignInFailures{.key = std::move(row[0]),
                                                          .failures = std::stoll(row[1]),
                                                          .window_start = std::move(row[2]),
                                                          .blocked_until = std::move(row[3])});
    } catch (const std::exception& e) {
      return FromSoci(e, "reading sign-in failures");
    }
  }

  Status SaveFailures(const SignInFailures& failures) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(4);
      params.Text(failures.key);
      params.Int(failures.failures);
      params.Text(failures.window_start);
      params.Text(failures.blocked_until);
      Exec(lease, kSaveFailures, std::move(params));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "saving sign-in failures");
    }
  }

  Status ClearFailures(std::string_view key) override {
    auto removed = Count(kClearFailures, Texts({key}), "clearing sign-in failures");
    if (!removed) return removed.error();
    return {};
  }

  // --- API keys.

  Status AddApiKey(const ApiKey& key) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(7);
      params.Text(key.id);
      params.Text(key.organization_id);
      params.Text(key.key_hash);
      params.Text(key.label);
      params.Text(Nullable(key.created_by));
      params.Text(StampOrNow(key.created_at));
      params.Text(Nullable(key.revoked_at));
      Exec(lease, kInsertApiKey, std::move(params));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "storing an API key");
    }
  }

  Result<std::optional<ApiKey>> ApiKeyByHash(std::string_view key_hash) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kApiKeyByHash, Texts({key_hash}));
      if (rows.empty()) return std::optional<ApiKey>();
      return std::optional<ApiKey>(ReadApiKey(std::move(rows.front())));
    } catch (const std::exception& e) {
      return FromSoci(e, "reading an API key");
    }
  }

  Result<std::vector<ApiKey>> ApiKeysOf(std::string_view organization_id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<ApiKey> keys;
      for (Row& row : Rows(lease, kApiKeysOf, Texts({organization_id}))) {
        keys.push_back(ReadApiKey(std::move(row)));
      }
      return keys;
    } catch (const std::exception& e) {
      return FromSoci(e, "listing API keys");
    }
  }

  Status RevokeApiKey(std::string_view id, std::string_view organization_id,
                      std::string_view now) override {
    return ChangeOne(kRevokeApiKey, Texts({now, id, organization_id}),
                     "no API key with this id for this organisation", "revoking an API key");
  }

  // --- Claims and registrations.

  Status AddOrganizationRequest(const OrganizationRequest& request) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(10);
      params.Text(request.id);
      params.Text(request.kind);
      params.Text(request.account_id);
      params.Text(Nullable(request.organization_id));
      params.Text(request.proposal);
      params.Text(request.region);
      params.Text(request.status);
      params.Text(StampOrNow(request.created_at));
      params.Text(Nullable(request.decided_by));
      params.Text(Nullable(request.decided_at));
      Exec(lease, kInsertRequest, std::move(params));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "storing an organisation request");
    }
  }

  Result<std::optional<OrganizationRequest>> OrganizationRequestById(std::string_view id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kRequestById, Texts({id}));
      if (rows.empty()) return std::optional<OrganizationRequest>();
      return std::optional<OrganizationRequest>(ReadRequest(std::move(rows.front())));
    } catch (const std::exception& e) {
      return FromSoci(e, "reading an organisation request");
    }
  }

  Result<std::vector<OrganizationRequest>> PendingRequests(const std::vector<std::string>& regions,
                                                           bool all_regions) override {
    try {
      ConnectionPool::Lease lease(pool_);
      if (all_regions) return ReadRequests(Rows(lease, kPendingRequests, Params()));
      std::vector<OrganizationRequest> requests;
      for (const std::string& region : std::set<std::string>(regions.begin(), regions.end())) {
        for (auto& request : ReadRequests(Rows(lease, kPendingRequestsInRegion, Texts({region})))) {
          requests.push_back(std::move(request));
        }
      }
      std::sort(requests.begin(), requests.end(), [](const auto& a, const auto& b) {
        return std::tie(a.created_at, a.id) < std::tie(b.created_at, b.id);
      });
      return requests;
    } catch (const std::exception& e) {
      return FromSoci(e, "listing pending organisation requests");
    }
  }

  Result<std::vector<OrganizationRequest>> RequestsOf(std::string_view account_id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      return ReadRequests(Rows(lease, kRequestsOf, Texts({account_id})));
    } catch (const std::exception& e) {
      return FromSoci(e, "listing an account's organisation requests");
    }
  }

  Status DecideRequest(const OrganizationRequest& request) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(5);
      params.Text(request.status);
      params.Text(Nullable(request.organization_id));
      params.Text(Nullable(request.decided_by));
      params.Text(Nullable(request.decided_at));
      params.Text(request.id);
      if (Exec(lease, kDecideRequest, std::move(params)) == 1) return {};
      if (lease.Number(kRequestExists, Texts({request.id})) == 0) {
        return NotFound("no organisation request with this id");
      }
      return Error{ErrorCode::kConflict, "the request has been decided already", {}};
    } catch (const std::exception& e) {
      return FromSoci(e, "deciding an organisation request");
    }
  }

  Result<std::vector<std::string>> RegionsOf(std::string_view organization_id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<std::string> regions;
      for (Row& row : Rows(lease, kRegionsOf, Texts({organization_id}))) {
        regions.push_back(std::move(row[0]));
      }
      return regions;
    } catch (const std::exception& e) {
      return FromSoci(e, "reading an organisation's regions");
    }
  }

  // --- Audit log.

  Status Audit(const AuditEntry& entry) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Exec(lease, kAppendAudit,
             Texts({StampOrNow(entry.at), entry.actor_id, entry.action, entry.target_table,
                    entry.target_id}));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "writing the audit log");
    }
  }

  Result<std::vector<AuditEntry>> AuditLog(int64_t after, int64_t limit) override {
    return ReadAudit(kAuditLog, after, limit);
  }

  Result<std::vector<AuditEntry>> AuditLogBefore(int64_t before, int64_t limit) override {
    return ReadAudit(kAuditLogBefore, before, limit);
  }

  // --- Review reminders.

  Result<std::optional<std::string>> LastReviewReminder(
      std::string_view organization_id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kLastReviewReminder, Texts({organization_id}));
      if (rows.empty()) return std::optional<std::string>();
      return std::optional<std::string>(std::move(rows.front()[0]));
    } catch (const std::exception& e) {
      return FromSoci(e, "reading a review reminder");
    }
  }

  Status SaveReviewReminder(std::string_view organization_id, std::string_view at) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Exec(lease, kSaveReviewReminder, Texts({organization_id, at}));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "saving a review reminder");
    }
  }

  // --- Outbox.

  Status Enqueue(const OutboxMail& mail) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::string created_at = StampOrNow(mail.created_at);
      Params params(10);
      params.Text(mail.id);
      params.Text(Nullable(mail.account_id));
      params.Text(mail.to_address);
      params.Text(mail.subject);
      params.Text(mail.body);
      params.Text(mail.language);
      params.Text(created_at);
      params.Int(mail.attempts);
      params.Text(mail.next_attempt_at.empty() ? created_at : mail.next_attempt_at);
      params.Text(mail.last_error);
      Exec(lease, kEnqueue, std::move(params));
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "queueing a mail");
    }
  }

  Result<std::vector<OutboxMail>> DueMails(std::string_view now, int64_t limit) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(2);
      params.Text(std::string(now));
      params.Int(limit);
      std::vector<OutboxMail> mails;
      for (Row& row : Rows(lease, kDueMails, std::move(params))) {
        mails.push_back(ReadMail(std::move(row)));
      }
      return mails;
    } catch (const std::exception& e) {
      return FromSoci(e, "reading the outbox");
    }
  }

  // Deleting a mail that is gone already is not an error: it has been sent either way.
  Status DeleteMail(std::string_view id) override {
    auto removed = Count(kDeleteMail, Texts({id}), "deleting a mail");
    if (!removed) return removed.error();
    return {};
  }

  Status MailFailed(std::string_view id, std::string_view next_attempt_at,
                    std::string_view error) override {
    return ChangeOne(kMailFailed, Texts({next_attempt_at, error, id}),
                     "no queued mail with this id", "counting a failed mail");
  }

  Result<int64_t> OutboxSize() override {
    try {
      ConnectionPool::Lease lease(pool_);
      return static_cast<int64_t>(lease.Number(kOutboxSize, Params()));
    } catch (const std::exception& e) {
      return FromSoci(e, "counting the outbox");
    }
  }

  // --- Settings.

  Result<std::string> EnsureSetting(std::string_view name, std::string_view candidate) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Exec(lease, kInsertSetting, Texts({name, candidate}));
      std::vector<Row> rows = Rows(lease, kSetting, Texts({name}));
      if (rows.empty()) return Internal("the setting vanished after it was written");
      return std::move(rows.front()[0]);
    } catch (const std::exception& e) {
      return FromSoci(e, "storing a setting");
    }
  }

 private:
  Result<std::vector<AuditEntry>> ReadAudit(std::string_view query, int64_t bound,
                                            int64_t limit) {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(2);
      params.Int(bound);
      params.Int(limit);
      std::vector<AuditEntry> entries;
      for (Row& row : Rows(lease, query, std::move(params))) {
        entries.push_back(AuditEntry{.seq = std::stoll(row[0]),
                                     .at = std::move(row[1]),
                                     .actor_id = std::move(row[2]),
                                     .action = std::move(row[3]),
                                     .target_table = std::move(row[4]),
                                     .target_id = std::move(row[5])});
      }
      return entries;
    } catch (const std::exception& e) {
      return FromSoci(e, "reading the audit log");
    }
  }

  // One account with its grants, or nullopt.
  Result<std::optional<Account>> ReadOneAccount(std::string_view query, std::string_view key) {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, query, Texts({key}));
      if (rows.empty()) return std::optional<Account>();
      Account account = ReadAccount(std::move(rows.front()));
      auto grants = ReadGrants(Rows(lease, kGrantsOf, Texts({account.id})));
      if (auto found = grants.find(account.id); found != grants.end()) {
        account.grants = std::move(found->second);
      }
      return std::optional<Account>(std::move(account));
    } catch (const std::exception& e) {
      return FromSoci(e, "reading an account");
    }
  }

  // Runs a statement that changes rows. Success: how many it changed.
  Result<int64_t> Count(std::string_view query, Params params, std::string_view doing) {
    try {
      ConnectionPool::Lease lease(pool_);
      return Exec(lease, query, std::move(params));
    } catch (const std::exception& e) {
      return FromSoci(e, doing);
    }
  }

  // Runs a statement meant to change one row; kNotFound with `missing` when it changed none.
  Status ChangeOne(std::string_view query, Params params, std::string_view missing,
                   std::string_view doing) {
    auto changed = Count(query, std::move(params), doing);
    if (!changed) return changed.error();
    if (*changed == 0) return NotFound(std::string(missing));
    return {};
  }

  ConnectionPool& pool_;
};

}  // namespace

// Both backends run the same statements, so `backend` makes no difference here.
std::unique_ptr<AccountStore> MakeSqlAccountStore(ConnectionPool& pool,
                                                  [[maybe_unused]] Backend backend) {
  return std::make_unique<SqlAccountStore>(pool);
}

}  // namespace knooppunt::store
