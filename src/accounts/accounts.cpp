#include "accounts/accounts.h"

#include <algorithm>
#include <cctype>
#include <mutex>

#include "accounts/audit.h"
#include "accounts/token.h"
#include "accounts/totp.h"
#include "domain/model.h"
#include "domain/taxonomy.h"
#include "domain/utf8.h"
#include "domain/uuid.h"
#include "store/store.h"

namespace knooppunt::accounts {
namespace {

using Kind = SignInOutcome::Kind;

std::string NowText() { return domain::FormatUtc(domain::Now()); }

int64_t UnixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(domain::Now().time_since_epoch()).count();
}

// Holds one of the two hashing slots for the length of a scope.
class HashingSlot {
 public:
  explicit HashingSlot(std::counting_semaphore<2>& slots) : slots_(slots) { slots_.acquire(); }
  ~HashingSlot() { slots_.release(); }
  HashingSlot(const HashingSlot&) = delete;
  HashingSlot& operator=(const HashingSlot&) = delete;

 private:
  std::counting_semaphore<2>& slots_;
};

bool IsUiLanguage(std::string_view code) {
  auto languages = domain::UiLanguages();
  return std::find(languages.begin(), languages.end(), code) != languages.end();
}

}  // namespace

Accounts::Accounts(store::Store& store, AccountsOptions options)
    : store_(store), accounts_(store.accounts()), options_(std::move(options)) {}

std::optional<std::string> Accounts::NormaliseEmail(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front())))
    email.remove_prefix(1);
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back())))
    email.remove_suffix(1);
  if (email.empty() || email.size() > 254) return std::nullopt;
  std::string lower(email);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return domain::NormaliseValue(domain::FieldType::kEmail, lower);
}

std::string Accounts::Later(std::chrono::seconds after) const {
  return domain::FormatUtc(domain::Now() + after);
}

Result<std::string> Accounts::ThrottleKey(std::string_view kind, std::string_view value) {
  // The key of the hashes is made once per database, so every instance counts alike and the
  // stored hashes of client addresses cannot be reversed by trying all addresses.
  std::string key;
  {
    std::lock_guard lock(throttle_key_mutex_);
    key = throttle_key_;
  }
  if (key.empty()) {
    auto stored = accounts_.EnsureSetting("throttle_key", NewToken());
    if (!stored) return stored.error();
    key = *stored;
    std::lock_guard lock(throttle_key_mutex_);
    throttle_key_ = key;
  }
  return KeyedHash(key, std::string(kind) + ":" + std::string(value));
}

Result<int64_t> Accounts::Blocked(const std::string& key) {
  auto failures = accounts_.FailuresFor(key);
  if (!failures) return failures.error();
  if (!*failures || (*failures)->blocked_until.empty()) return int64_t{0};
  auto until = domain::ParseDateTime((*failures)->blocked_until);
  if (!until) return int64_t{0};
  auto left = std::chrono::duration_cast<std::chrono::seconds>(*until - domain::Now()).count();
  return std::max<int64_t>(0, left + (left > 0 ? 1 : 0));
}

Status Accounts::CountFailure(const std::string& key, int limit) {
  auto found = accounts_.FailuresFor(key);
  if (!found) return found.error();
  std::string now = NowText();
  store::SignInFailures failures =
      found->value_or(store::SignInFailures{.key = key, .failures = 0, .window_start = now});
  auto start = domain::ParseDateTime(failures.window_start);
  if (!start || domain::Now() - *start > options_.failure_window) {
    failures.failures = 0;
    failures.window_start = now;
  }
  failures.failures += 1;
  if (failures.failures >= limit) {
    failures.blocked_until = Later(options_.block);
    failures.failures = 0;
    failures.window_start = now;
  }
  return accounts_.SaveFailures(failures);
}

Result<SignUpOutcome> Accounts::SignUp(const SignUpRequest& request) {
  auto email = NormaliseEmail(request.email);
  if (!email) return InvalidArgument("email", "email_invalid");
  if (Status rules = CheckNewPassword(request.password, *email); !rules) return rules.error();
  if (request.display_name.size() > 200 || !domain::IsCleanText(request.display_name)) {
    return InvalidArgument("display_name", "name_invalid");
  }
  auto existing = accounts_.AccountByEmail(*email);
  if (!existing) return existing.error();
  // Hash first in both cases: the time of the answer must not tell which addresses exist.
  Result<std::string> hash = [&]() -> Result<std::string> {
    HashingSlot slot(hashing_);
    return HashPassword(request.password, options_.password);
  }();
  if (*existing) return SignUpOutcome{.existed = true};
  if (!hash) return hash.error();
  store::Account account{.id = domain::RandomUuid(),
                         .email = *email,
                         .password_hash = *hash,
                         .display_name = request.display_name,
                         .language = IsUiLanguage(request.language) ? request.language : "nl",
                         .created_at = NowText()};
  if (Status created = accounts_.CreateAccount(account); !created) {
    if (created.error().code == ErrorCode::kConflict) return SignUpOutcome{.existed = true};
    return created.error();
  }
  std::string token = NewToken();
  if (Status added = accounts_.AddToken({.token_hash = HashToken(token),
                                         .purpose = "verify",
                                         .account_id = account.id,
                                         .expires_at = Later(options_.verify_link),
                                         .created_at = NowText()});
      !added) {
    return added.error();
  }
  (void)Audit(account.id, "account.sign_up", "account", account.id);
  return SignUpOutcome{.account_id = account.id, .verify_token = token};
}

Result<std::string> Accounts::VerifyEmail(std::string_view token) {
  if (!LooksLikeToken(token)) return NotFound("This link does not work (any more).");
  auto taken = accounts_.TakeToken(HashToken(token), "verify", NowText());
  if (!taken) return taken.error();
  if (!*taken || !(*taken)->account_id) return NotFound("This link does not work (any more).");
  auto account = accounts_.AccountById(*(*taken)->account_id);
  if (!account) return account.error();
  if (!*account) return NotFound("This link does not work (any more).");
  if (!(*account)->email_verified_at) {
    (*account)->email_verified_at = NowText();
    if (Status updated = accounts_.UpdateAccount(**account); !updated) return updated.error();
    (void)Audit((*account)->id, "account.verify_email", "account", (*account)->id);
  }
  return (*account)->id;
}

Result<SignInOutcome> Accounts::SignIn(std::string_view email, std::string_view password,
                                       std::string_view client) {
  std::optional<std::string> normalised = NormaliseEmail(email);
  std::string name = normalised.value_or(std::string(email.substr(0, 254)));
  auto account_key = ThrottleKey("account", name);
  if (!account_key) return account_key.error();
  auto address_key = ThrottleKey("address", client);
  if (!address_key) return address_key.error();
  for (const std::string* key : {&*account_key, &*address_key}) {
    auto wait = Blocked(*key);
    if (!wait) return wait.error();
    if (*wait > 0) return SignInOutcome{.kind = Kind::kThrottled, .retry_after_seconds = *wait};
  }

  std::optional<store::Account> account;
  if (normalised) {
    auto found = accounts_.AccountByEmail(*normalised);
    if (!found) return found.error();
    account = std::move(*found);
  }
  bool right = false;
  {
    HashingSlot slot(hashing_);
    if (account) {
      right = VerifyPassword(account->password_hash, password);
    } else {
      // The same work for an unknown address, so timing does not tell which addresses exist.
      static const std::string kDummy = [&] {
        Result<std::string> dummy = HashPassword("not a password of anyone", options_.password);
        return dummy ? *dummy : std::string();
      }();
      (void)VerifyPassword(kDummy, password);
    }
  }
  if (!right) {
    if (Status counted = CountFailure(*account_key, options_.account_failures); !counted)
      return counted.error();
    if (Status counted = CountFailure(*address_key, options_.address_failures); !counted)
      return counted.error();
    return SignInOutcome{.kind = Kind::kWrong};
  }
  if (Status cleared = accounts_.ClearFailures(*account_key); !cleared) return cleared.error();
  if (!account->email_verified_at) return SignInOutcome{.kind = Kind::kUnverified};
  if (NeedsRehash(account->password_hash, options_.password)) {
    HashingSlot slot(hashing_);
    if (auto rehashed = HashPassword(password, options_.password)) {
      account->password_hash = *rehashed;
      (void)accounts_.UpdateAccount(*account);
    }
  }
  bool needs_code = account->totp_secret.has_value();
  auto token = NewSession(*account, false);
  if (!token) return token.error();
  (void)Audit(account->id, "account.sign_in", "account", account->id);
  return SignInOutcome{.kind = needs_code ? Kind::kNeedsCode : Kind::kSignedIn,
                       .session_token = *token};
}

Result<std::string> Accounts::NewSession(const store::Account& account, bool second_factor) {
  std::string token = NewToken();
  std::string now = NowText();
  if (Status created = accounts_.CreateSession({.id_hash = HashToken(token),
                                                .account_id = account.id,
                                                .created_at = now,
                                                .last_seen_at = now,
                                                .second_factor = second_factor});
      !created) {
    return created.error();
  }
  return token;
}

Result<std::optional<store::Account>> Accounts::PendingSignIn(std::string_view session_token) {
  if (!LooksLikeToken(session_token)) return std::optional<store::Account>();
  auto session = accounts_.SessionByHash(HashToken(session_token));
  if (!session) return session.error();
  if (!*session || (*session)->second_factor) return std::optional<store::Account>();
  auto created = domain::ParseDateTime((*session)->created_at);
  // A sign-in waiting for its code expires with the idle time.
  if (!created || domain::Now() - *created > options_.session_idle) {
    return std::optional<store::Account>();
  }
  auto account = accounts_.AccountById((*session)->account_id);
  if (!account) return account.error();
  if (!*account || !(*account)->totp_secret) return std::optional<store::Account>();
  return account;
}

Result<SignInOutcome> Accounts::CompleteSignIn(std::string_view session_token,
                                               std::string_view code, std::string_view client) {
  auto pending = PendingSignIn(session_token);
  if (!pending) return pending.error();
  if (!*pending) return SignInOutcome{.kind = Kind::kWrong};
  store::Account& account = **pending;
  auto account_key = ThrottleKey("account", account.email);
  if (!account_key) return account_key.error();
  auto address_key = ThrottleKey("address", client);
  if (!address_key) return address_key.error();
  for (const std::string* key : {&*account_key, &*address_key}) {
    auto wait = Blocked(*key);
    if (!wait) return wait.error();
    if (*wait > 0) return SignInOutcome{.kind = Kind::kThrottled, .retry_after_seconds = *wait};
  }
  auto step = VerifyTotp(*account.totp_secret, code, UnixSeconds(), account.totp_last_step);
  if (!step) {
    if (Status counted = CountFailure(*account_key, options_.account_failures); !counted)
      return counted.error();
    if (Status counted = CountFailure(*address_key, options_.address_failures); !counted)
      return counted.error();
    return SignInOutcome{.kind = Kind::kWrong};
  }
  account.totp_last_step = *step;
  if (Status updated = accounts_.UpdateAccount(account); !updated) return updated.error();
  if (Status marked = accounts_.MarkSecondFactor(HashToken(session_token)); !marked)
    return marked.error();
  (void)accounts_.ClearFailures(*account_key);
  (void)Audit(account.id, "account.second_factor", "account", account.id);
  return SignInOutcome{.kind = Kind::kSignedIn, .session_token = std::string(session_token)};
}

Result<domain::Actor> Accounts::Authenticate(std::string_view session_token) {
  if (!LooksLikeToken(session_token)) return domain::Actor{};
  std::string hash = HashToken(session_token);
  auto session = accounts_.SessionByHash(hash);
  if (!session) return session.error();
  if (!*session) return domain::Actor{};
  auto now = domain::Now();
  auto created = domain::ParseDateTime((*session)->created_at);
  auto seen = domain::ParseDateTime((*session)->last_seen_at);
  if (!created || !seen || now - *created > options_.session_absolute ||
      now - *seen > options_.session_idle) {
    (void)accounts_.DeleteSession(hash);
    return domain::Actor{};
  }
  auto account = accounts_.AccountById((*session)->account_id);
  if (!account) return account.error();
  if (!*account) return domain::Actor{};
  if ((*account)->totp_secret && !(*session)->second_factor) return domain::Actor{};
  if (now - *seen > std::chrono::minutes(1)) {
    (void)accounts_.TouchSession(hash, domain::FormatUtc(now));
  }
  return domain::Actor{.user_id = (*account)->id,
                       .grants = (*account)->grants,
                       .second_factor = (*session)->second_factor};
}

Result<domain::Actor> Accounts::AuthenticateKey(std::string_view key) {
  Error refused{ErrorCode::kForbidden, "This API key is unknown or was revoked.", {}};
  if (!LooksLikeToken(key)) return refused;
  auto found = accounts_.ApiKeyByHash(HashToken(key));
  if (!found) return found.error();
  if (!*found || (*found)->revoked_at) return refused;
  return domain::Actor{.grants = {{domain::Role::kOrganizationMember, (*found)->organization_id}},
                       .api_key_id = (*found)->id,
                       .api_key_organization = (*found)->organization_id};
}

Status Accounts::SignOut(std::string_view session_token) {
  if (!LooksLikeToken(session_token)) return {};
  return accounts_.DeleteSession(HashToken(session_token));
}

Result<std::optional<ResetStart>> Accounts::StartReset(std::string_view email) {
  auto normalised = NormaliseEmail(email);
  if (!normalised) return std::optional<ResetStart>();
  auto account = accounts_.AccountByEmail(*normalised);
  if (!account) return account.error();
  if (!*account) return std::optional<ResetStart>();
  if (Status removed = accounts_.DeleteTokensOf((*account)->id, "reset"); !removed)
    return removed.error();
  std::string token = NewToken();
  if (Status added = accounts_.AddToken({.token_hash = HashToken(token),
                                         .purpose = "reset",
                                         .account_id = (*account)->id,
                                         .expires_at = Later(options_.reset_link),
                                         .created_at = NowText()});
      !added) {
    return added.error();
  }
  return std::optional<ResetStart>(ResetStart{.account_id = (*account)->id,
                                              .email = (*account)->email,
                                              .language = (*account)->language,
                                              .token = token});
}

bool Accounts::ResetTokenLooksUsable(std::string_view token) {
  if (!LooksLikeToken(token)) return false;
  // The store can only take a token; a usable one goes straight back, unchanged.
  auto taken = accounts_.TakeToken(HashToken(token), "reset", NowText());
  if (!taken || !*taken) return false;
  return accounts_.AddToken(**taken).ok();
}

Result<std::string> Accounts::Invite(std::string_view organization_id, std::string_view email,
                                     domain::Role role, std::string_view inviter_id) {
  auto normal = NormaliseEmail(email);
  if (!normal) return InvalidArgument("email", "email_invalid");
  if (domain::ScopeOf(role) != domain::ScopeKind::kOrganization) {
    return InvalidArgument("role", "Only organisation roles can be given by invitation.");
  }
  std::string token = NewToken();
  if (Status added = accounts_.AddToken({.token_hash = HashToken(token),
                                         .purpose = "invite",
                                         .email = *normal,
                                         .organization_id = std::string(organization_id),
                                         .role = std::string(domain::RoleName(role)),
                                         .expires_at = Later(options_.invite_link),
                                         .created_at = NowText()});
      !added) {
    return added.error();
  }
  (void)Audit(inviter_id, "organization.invite", "organization", organization_id);
  return token;
}

Result<std::optional<Invitation>> Accounts::PeekInvite(std::string_view token) {
  if (!LooksLikeToken(token)) return std::optional<Invitation>();
  // The store can only take a token; a usable one goes straight back, unchanged.
  auto taken = accounts_.TakeToken(HashToken(token), "invite", NowText());
  if (!taken) return taken.error();
  if (!*taken) return std::optional<Invitation>();
  if (Status back = accounts_.AddToken(**taken); !back) return back.error();
  auto role = domain::ParseRole((*taken)->role);
  if (!role || !(*taken)->organization_id) return std::optional<Invitation>();
  return std::optional<Invitation>(Invitation{.organization_id = *(*taken)->organization_id,
                                              .email = (*taken)->email,
                                              .role = *role});
}

Result<std::string> Accounts::AcceptInvite(std::string_view token, std::string_view account_id) {
  Error bad_link = NotFound("This link does not work (any more).");
  if (!LooksLikeToken(token)) return bad_link;
  auto account = accounts_.AccountById(account_id);
  if (!account) return account.error();
  if (!*account) return bad_link;
  auto taken = accounts_.TakeToken(HashToken(token), "invite", NowText());
  if (!taken) return taken.error();
  if (!*taken || !(*taken)->organization_id) return bad_link;
  auto role = domain::ParseRole((*taken)->role);
  if (!role) return bad_link;
  if ((*taken)->email != (*account)->email) {
    (void)accounts_.AddToken(**taken);
    return Error{ErrorCode::kForbidden, "This invitation is for another address.", {}};
  }
  std::string organization_id = *(*taken)->organization_id;
  if (Status granted = accounts_.AddGrant(account_id, {*role, organization_id}); !granted) {
    return granted.error();
  }
  (void)Audit(account_id, "organization.join", "organization", organization_id);
  return organization_id;
}

Result<std::string> Accounts::FinishReset(std::string_view token, std::string_view password) {
  Error bad_link = NotFound("This link does not work (any more).");
  if (!LooksLikeToken(token)) return bad_link;
  auto taken = accounts_.TakeToken(HashToken(token), "reset", NowText());
  if (!taken) return taken.error();
  if (!*taken || !(*taken)->account_id) return bad_link;
  auto account = accounts_.AccountById(*(*taken)->account_id);
  if (!account) return account.error();
  if (!*account) return bad_link;
  if (Status rules = CheckNewPassword(password, (*account)->email); !rules) {
    // The person may try another password with the same link.
    (void)accounts_.AddToken(**taken);
    return rules.error();
  }
  Result<std::string> hash = [&]() -> Result<std::string> {
    HashingSlot slot(hashing_);
    return HashPassword(password, options_.password);
  }();
  if (!hash) return hash.error();
  (*account)->password_hash = *hash;
  // The link came by mail, so the address works.
  if (!(*account)->email_verified_at) (*account)->email_verified_at = NowText();
  if (Status updated = accounts_.UpdateAccount(**account); !updated) return updated.error();
  if (auto ended = accounts_.DeleteSessionsOf((*account)->id); !ended) return ended.error();
  (void)Audit((*account)->id, "account.reset_password", "account", (*account)->id);
  return (*account)->id;
}

Result<TotpEnrolment> Accounts::StartTotp(std::string_view account_id) {
  auto account = accounts_.AccountById(account_id);
  if (!account) return account.error();
  if (!*account) return NotFound("There is no such account.");
  std::string secret = NewTotpSecret();
  std::string uri = TotpUri("Knooppunt", (*account)->email, secret);
  return TotpEnrolment{.secret = secret, .uri = uri, .qr_svg = QrSvg(uri)};
}

Status Accounts::ConfirmTotp(std::string_view account_id, std::string_view session_token,
                             std::string_view secret, std::string_view code) {
  auto bytes = Base32Decode(secret);
  if (!bytes || bytes->size() < 16) return InvalidArgument("code", "code_wrong");
  auto account = accounts_.AccountById(account_id);
  if (!account) return account.error();
  if (!*account) return NotFound("There is no such account.");
  auto step = VerifyTotp(secret, code, UnixSeconds(), -1);
  if (!step) return InvalidArgument("code", "code_wrong");
  (*account)->totp_secret = std::string(secret);
  (*account)->totp_last_step = *step;
  if (Status updated = accounts_.UpdateAccount(**account); !updated) return updated.error();
  if (LooksLikeToken(session_token)) {
    if (Status marked = accounts_.MarkSecondFactor(HashToken(session_token)); !marked)
      return marked.error();
  }
  // Other sessions were opened without the second factor: they end.
  if (auto ended = accounts_.DeleteSessionsOf(account_id, HashToken(session_token)); !ended)
    return ended.error();
  (void)Audit(account_id, "account.enable_second_factor", "account", account_id);
  return {};
}

Result<AccountView> Accounts::View(std::string_view account_id) {
  auto account = accounts_.AccountById(account_id);
  if (!account) return account.error();
  if (!*account) return NotFound("There is no such account.");
  auto requests = accounts_.RequestsOf(account_id);
  if (!requests) return requests.error();
  AccountView view{.account = std::move(**account), .requests = std::move(*requests)};
  view.second_factor_enabled = view.account.totp_secret.has_value();
  view.account.password_hash.clear();
  view.account.totp_secret.reset();
  return view;
}

Status Accounts::Delete(std::string_view account_id, std::string_view password) {
  auto account = accounts_.AccountById(account_id);
  if (!account) return account.error();
  if (!*account) return NotFound("There is no such account.");
  // The same throttle as sign-in: a stolen session must not become a way to guess the password.
  auto account_key = ThrottleKey("account", (*account)->email);
  if (!account_key) return account_key.error();
  auto wait = Blocked(*account_key);
  if (!wait) return wait.error();
  if (*wait > 0) return InvalidArgument("password", "password_throttled");
  bool right = false;
  {
    HashingSlot slot(hashing_);
    right = VerifyPassword((*account)->password_hash, password);
  }
  if (!right) {
    if (Status counted = CountFailure(*account_key, options_.account_failures); !counted)
      return counted;
    return InvalidArgument("password", "password_wrong");
  }
  if (Status deleted = accounts_.DeleteAccount(account_id); !deleted) return deleted.error();
  (void)Audit(account_id, "account.delete", "account", account_id);
  return {};
}

Result<std::string> Accounts::CreateVerified(std::string_view email, std::string_view password,
                                             const domain::Grant& grant) {
  auto normalised = NormaliseEmail(email);
  if (!normalised) return InvalidArgument("email", "email_invalid");
  if (Status rules = CheckNewPassword(password, *normalised); !rules) return rules.error();
  auto hash = HashPassword(password, options_.password);
  if (!hash) return hash.error();
  std::string now = NowText();
  store::Account account{.id = domain::RandomUuid(),
                         .email = *normalised,
                         .password_hash = *hash,
                         .email_verified_at = now,
                         .created_at = now};
  if (Status created = accounts_.CreateAccount(account); !created) return created.error();
  if (Status granted = accounts_.AddGrant(account.id, grant); !granted) return granted.error();
  (void)Audit("system", "account.create", "account", account.id);
  return account.id;
}

Status Accounts::SetPassword(std::string_view email, std::string_view password) {
  auto normalised = NormaliseEmail(email);
  if (!normalised) return InvalidArgument("email", "email_invalid");
  auto account = accounts_.AccountByEmail(*normalised);
  if (!account) return account.error();
  if (!*account) return NotFound("There is no account with this address.");
  if (Status rules = CheckNewPassword(password, *normalised); !rules) return rules.error();
  auto hash = HashPassword(password, options_.password);
  if (!hash) return hash.error();
  (*account)->password_hash = *hash;
  if (Status updated = accounts_.UpdateAccount(**account); !updated) return updated.error();
  if (auto ended = accounts_.DeleteSessionsOf((*account)->id); !ended) return ended.error();
  (void)Audit("system", "account.reset_password", "account", (*account)->id);
  return {};
}

Result<int64_t> Accounts::CleanUp() {
  auto now = domain::Now();
  auto sessions =
      accounts_.DeleteExpiredSessions(domain::FormatUtc(now - options_.session_idle),
                                      domain::FormatUtc(now - options_.session_absolute));
  if (!sessions) return sessions.error();
  auto tokens = accounts_.DeleteExpiredTokens(domain::FormatUtc(now));
  if (!tokens) return tokens.error();
  return *sessions + *tokens;
}

Status Accounts::Audit(std::string_view actor_id, std::string_view action, std::string_view table,
                       std::string_view id) {
  return accounts::Audit(accounts_, actor_id, action, table, id);
}

}  // namespace knooppunt::accounts
