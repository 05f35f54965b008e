#include "web/account_pages.h"

#include <ctemplate/template.h>

#include <boost/json.hpp>
#include <memory>

#include "accounts/accounts.h"
#include "accounts/password.h"
#include "accounts/totp.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "http/message.h"
#include "http/router.h"
#include "store/store.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/texts.h"

namespace knooppunt::web {
namespace {

namespace beast_http = boost::beast::http;
namespace json = boost::json;
using ctemplate::TemplateDictionary;
using Kind = accounts::SignInOutcome::Kind;

// The text key of an error key from the accounts layer.
std::string_view ErrorText(std::string_view key) {
  if (key == "email_invalid") return "ERR_EMAIL_INVALID";
  if (key == "password_too_short") return "ERR_PASSWORD_SHORT";
  if (key == "password_too_long") return "ERR_PASSWORD_LONG";
  if (key == "password_common") return "ERR_PASSWORD_COMMON";
  if (key == "password_is_email") return "ERR_PASSWORD_IS_EMAIL";
  if (key == "name_invalid") return "ERR_NAME_INVALID";
  if (key == "code_wrong") return "ERR_CODE_WRONG";
  if (key == "password_wrong") return "ERR_PASSWORD_WRONG";
  return "ERR_PASSWORD_INVALID";
}

class AccountSite {
 public:
  AccountSite(store::Store& store, accounts::Accounts& accounts, AccountPagesOptions options)
      : store_(store),
        accounts_(accounts),
        options_(std::move(options)),
        layout_(options_.public_url),
        requests_(options_.requests_per_window, options_.request_window) {}

  // --- Sign up ---------------------------------------------------------------------------------

  http::Response SignUpForm(const Visit& visit, const FormFields& typed = {},
                            const std::map<std::string, std::string>& errors = {},
                            unsigned status = 200) const {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    FormPage form{.title = t("SIGN_UP_TITLE"),
                  .intro = {t("SIGN_UP_INTRO")},
                  .action = language.prefix() + "/registreren",
                  .fields = {{.name = "email",
                              .label = t("FIELD_EMAIL"),
                              .type = "email",
                              .value = FormValue(typed, "email"),
                              .autocomplete = "email"},
                             {.name = "naam",
                              .label = t("FIELD_NAME"),
                              .value = FormValue(typed, "naam"),
                              .autocomplete = "name",
                              .hint = t("FIELD_NAME_HINT"),
                              .max_length = 100,
                              .required = false},
                             {.name = "password",
                              .label = t("FIELD_PASSWORD"),
                              .type = "password",
                              .autocomplete = "new-password",
                              .hint = t("PASSWORD_HINT"),
                              .max_length = 256}},
                  .submit = t("SIGN_UP_BUTTON"),
                  .links = {{language.prefix() + "/inloggen", t("HAVE_ACCOUNT")}}};
    ApplyErrors(form, errors);
    return layout_.RenderForm(visit, status, form);
  }

  http::Response SignUp(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    const FormFields& typed = *form.fields;
    const Language& language = visit.language;
    // Every field's error at once, before a sign-up counts against the visitor's limit.
    std::map<std::string, std::string> errors;
    auto email_checked = accounts::Accounts::NormaliseEmail(FormValue(typed, "email"));
    if (!email_checked) errors["email"] = language.Translate(Msgid("ERR_EMAIL_INVALID"));
    if (Status rules =
            accounts::CheckNewPassword(FormValue(typed, "password"), email_checked.value_or(""));
        !rules) {
      errors["password"] = language.Translate(Msgid(ErrorText(rules.error().message)));
    }
    if (!errors.empty()) return SignUpForm(visit, typed, errors, 400);
    if (auto wait = requests_.Wait(std::string(visit.http.client))) {
      return TooMany(visit, SignUpForm(visit, typed, {{"email", Throttled(language, *wait)}}, 429),
                     *wait);
    }
    auto outcome = accounts_.SignUp({.email = FormValue(typed, "email"),
                                     .password = FormValue(typed, "password"),
                                     .display_name = Trim(FormValue(typed, "naam")),
                                     .language = language.code()});
    if (!outcome) {
      if (outcome.error().code != ErrorCode::kInvalidArgument) return layout_.Failure(visit);
      std::string field = outcome.error().field == "display_name" ? "naam" : outcome.error().field;
      return SignUpForm(visit, typed,
                        {{field, language.Translate(Msgid(ErrorText(outcome.error().message)))}},
                        400);
    }
    auto email = accounts::Accounts::NormaliseEmail(FormValue(typed, "email"));
    if (outcome->existed) {
      // The same answer as for a new account; the owner hears about it by mail.
      auto account = store_.accounts().AccountByEmail(*email);
      if (account && *account) {
        const Language& theirs = LanguageOf((*account)->language);
        if (!Mail(theirs, (*account)->id, (*account)->email, "MAIL_EXISTS_SUBJECT",
                  "MAIL_EXISTS_BODY",
                  options_.public_url + theirs.prefix() + "/wachtwoord-vergeten")) {
          return layout_.Failure(visit);
        }
      }
    } else {
      if (!Mail(language, outcome->account_id, *email, "MAIL_VERIFY_SUBJECT", "MAIL_VERIFY_BODY",
                options_.public_url + language.prefix() +
                    "/bevestigen?sleutel=" + outcome->verify_token)) {
        return layout_.Failure(visit);
      }
    }
    return Redirect(visit.http.request, language.prefix() + "/registreren/verstuurd");
  }

  http::Response SignUpSent(const Visit& visit) const {
    return layout_.Info(visit, 200, "SIGN_UP_SENT_TITLE",
                        {visit.language.Translate(Msgid("SIGN_UP_SENT_TEXT"))});
  }

  // --- Confirm the address: a button, so that mail scanners following links use nothing. -------

  http::Response VerifyForm(const Visit& visit) const {
    const Language& language = visit.language;
    auto found = visit.http.query.find("sleutel");
    std::string token = found == visit.http.query.end() ? "" : found->second;
    if (token.empty()) return LinkBroken(visit);
    FormPage form{.title = language.Translate(Msgid("VERIFY_TITLE")),
                  .intro = {language.Translate(Msgid("VERIFY_INTRO"))},
                  .action = language.prefix() + "/bevestigen",
                  .hidden = {{"sleutel", token}},
                  .submit = language.Translate(Msgid("VERIFY_BUTTON"))};
    return layout_.RenderForm(visit, 200, form);
  }

  http::Response Verify(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto verified = accounts_.VerifyEmail(FormValue(*form.fields, "sleutel"));
    if (!verified) {
      if (verified.error().code == ErrorCode::kNotFound) return LinkBroken(visit);
      return layout_.Failure(visit);
    }
    return Redirect(visit.http.request, visit.language.prefix() + "/inloggen?bevestigd=1");
  }

  // --- Sign in ---------------------------------------------------------------------------------

  http::Response SignInForm(const Visit& visit, const FormFields& typed = {},
                            const std::map<std::string, std::string>& errors = {},
                            unsigned status = 200) const {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    std::string back = FormValue(typed, "terug");
    if (back.empty()) {
      auto found = visit.http.query.find("terug");
      if (found != visit.http.query.end()) back = found->second;
    }
    FormPage form{.title = t("SIGN_IN_TITLE"),
                  .action = language.prefix() + "/inloggen",
                  .fields = {{.name = "email",
                              .label = t("FIELD_EMAIL"),
                              .type = "email",
                              .value = FormValue(typed, "email"),
                              .autocomplete = "username"},
                             {.name = "password",
                              .label = t("FIELD_PASSWORD"),
                              .type = "password",
                              .autocomplete = "current-password",
                              .max_length = 256}},
                  .hidden = {{"terug", SafeReturnPath(back, "")}},
                  .submit = t("SIGN_IN_BUTTON"),
                  .links = {{language.prefix() + "/wachtwoord-vergeten", t("FORGOT_LINK")},
                            {language.prefix() + "/registreren", t("NO_ACCOUNT")}}};
    if (visit.http.query.contains("bevestigd")) form.notice = t("VERIFIED_NOTICE");
    if (visit.http.query.contains("nieuw")) form.notice = t("PASSWORD_CHANGED_NOTICE");
    ApplyErrors(form, errors);
    return layout_.RenderForm(visit, status, form);
  }

  http::Response SignIn(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    const FormFields& typed = *form.fields;
    const Language& language = visit.language;
    auto outcome = accounts_.SignIn(FormValue(typed, "email"), FormValue(typed, "password"),
                                    visit.http.client);
    if (!outcome) return layout_.Failure(visit);
    std::string back = SafeReturnPath(FormValue(typed, "terug"), language.prefix() + "/account");
    switch (outcome->kind) {
      case Kind::kSignedIn:
      case Kind::kNeedsCode: {
        // The old session, if any, ends: the new id is the only one that works.
        (void)accounts_.SignOut(Cookie(visit.http.request, kSessionCookie));
        std::string next = outcome->kind == Kind::kSignedIn
                               ? back
                               : WithQuery(language.prefix() + "/inloggen/code", {{"terug", back}});
        http::Response response = Redirect(visit.http.request, next);
        response.message.insert(beast_http::field::set_cookie,
                                SessionCookie(outcome->session_token));
        return response;
      }
      case Kind::kThrottled:
        return TooMany(
            visit,
            SignInForm(visit, typed, {{"email", Throttled(language, outcome->retry_after_seconds)}},
                       429),
            outcome->retry_after_seconds);
      case Kind::kUnverified:
        return SignInForm(visit, typed, {{"email", language.Translate(Msgid("ERR_UNVERIFIED"))}},
                          400);
      case Kind::kWrong:
        break;
    }
    return SignInForm(visit, typed, {{"password", language.Translate(Msgid("ERR_SIGN_IN_WRONG"))}},
                      400);
  }

  http::Response CodeForm(const Visit& visit, const std::string& back = "",
                          const std::map<std::string, std::string>& errors = {},
                          unsigned status = 200) const {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    std::string wanted = back;
    if (wanted.empty()) {
      auto found = visit.http.query.find("terug");
      if (found != visit.http.query.end()) wanted = found->second;
    }
    FormPage form{.title = t("CODE_TITLE"),
                  .intro = {t("CODE_INTRO")},
                  .action = language.prefix() + "/inloggen/code",
                  .fields = {{.name = "code",
                              .label = t("FIELD_CODE"),
                              .autocomplete = "one-time-code",
                              .max_length = 7,
                              .numeric = true}},
                  .hidden = {{"terug", SafeReturnPath(wanted, "")}},
                  .submit = t("CODE_BUTTON")};
    ApplyErrors(form, errors);
    return layout_.RenderForm(visit, status, form);
  }

  http::Response CodePage(const Visit& visit) {
    auto pending = accounts_.PendingSignIn(Cookie(visit.http.request, kSessionCookie));
    if (!pending) return layout_.Failure(visit);
    if (!*pending) return Redirect(visit.http.request, visit.language.prefix() + "/inloggen");
    return CodeForm(visit);
  }

  http::Response Code(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    const Language& language = visit.language;
    std::string back =
        SafeReturnPath(FormValue(*form.fields, "terug"), language.prefix() + "/account");
    auto outcome = accounts_.CompleteSignIn(Cookie(visit.http.request, kSessionCookie),
                                            FormValue(*form.fields, "code"), visit.http.client);
    if (!outcome) return layout_.Failure(visit);
    if (outcome->kind == Kind::kSignedIn) return Redirect(visit.http.request, back);
    if (outcome->kind == Kind::kThrottled) {
      return TooMany(
          visit,
          CodeForm(visit, back, {{"code", Throttled(language, outcome->retry_after_seconds)}}, 429),
          outcome->retry_after_seconds);
    }
    return CodeForm(visit, back, {{"code", language.Translate(Msgid("ERR_CODE_WRONG"))}}, 400);
  }

  http::Response SignOut(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    if (!accounts_.SignOut(Cookie(visit.http.request, kSessionCookie))) {
      return layout_.Failure(visit);
    }
    http::Response response = Redirect(visit.http.request, visit.language.prefix() + "/");
    response.message.insert(beast_http::field::set_cookie, ExpiredSessionCookie());
    return response;
  }

  // --- Forgotten password ------------------------------------------------------------------------

  http::Response ForgotForm(const Visit& visit, const FormFields& typed = {},
                            const std::map<std::string, std::string>& errors = {},
                            unsigned status = 200) const {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    FormPage form{.title = t("FORGOT_TITLE"),
                  .intro = {t("FORGOT_INTRO")},
                  .action = language.prefix() + "/wachtwoord-vergeten",
                  .fields = {{.name = "email",
                              .label = t("FIELD_EMAIL"),
                              .type = "email",
                              .value = FormValue(typed, "email"),
                              .autocomplete = "email"}},
                  .submit = t("FORGOT_BUTTON")};
    if (visit.http.query.contains("verstuurd")) form.notice = t("FORGOT_SENT");
    ApplyErrors(form, errors);
    return layout_.RenderForm(visit, status, form);
  }

  http::Response Forgot(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    const FormFields& typed = *form.fields;
    const Language& language = visit.language;
    if (!accounts::Accounts::NormaliseEmail(FormValue(typed, "email"))) {
      return ForgotForm(visit, typed, {{"email", language.Translate(Msgid("ERR_EMAIL_INVALID"))}},
                        400);
    }
    if (auto wait = requests_.Wait(std::string(visit.http.client))) {
      return TooMany(visit, ForgotForm(visit, typed, {{"email", Throttled(language, *wait)}}, 429),
                     *wait);
    }
    auto started = accounts_.StartReset(FormValue(typed, "email"));
    if (!started) return layout_.Failure(visit);
    if (*started) {
      const Language& theirs = LanguageOf((*started)->language);
      if (!Mail(theirs, (*started)->account_id, (*started)->email, "MAIL_RESET_SUBJECT",
                "MAIL_RESET_BODY",
                options_.public_url + theirs.prefix() +
                    "/wachtwoord-nieuw?sleutel=" + (*started)->token)) {
        return layout_.Failure(visit);
      }
    }
    return Redirect(visit.http.request, language.prefix() + "/wachtwoord-vergeten?verstuurd=1");
  }

  http::Response ResetForm(const Visit& visit, const std::string& token = "",
                           const std::map<std::string, std::string>& errors = {},
                           unsigned status = 200) const {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    std::string sleutel = token;
    if (sleutel.empty()) {
      auto found = visit.http.query.find("sleutel");
      if (found != visit.http.query.end()) sleutel = found->second;
    }
    if (!accounts_.ResetTokenLooksUsable(sleutel)) return LinkBroken(visit);
    FormPage form{.title = t("RESET_TITLE"),
                  .action = language.prefix() + "/wachtwoord-nieuw",
                  .fields = {{.name = "password",
                              .label = t("FIELD_NEW_PASSWORD"),
                              .type = "password",
                              .autocomplete = "new-password",
                              .hint = t("PASSWORD_HINT"),
                              .max_length = 256}},
                  .hidden = {{"sleutel", sleutel}},
                  .submit = t("RESET_BUTTON")};
    ApplyErrors(form, errors);
    return layout_.RenderForm(visit, status, form);
  }

  http::Response Reset(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    const Language& language = visit.language;
    std::string token = FormValue(*form.fields, "sleutel");
    auto reset = accounts_.FinishReset(token, FormValue(*form.fields, "password"));
    if (!reset) {
      if (reset.error().code == ErrorCode::kNotFound) return LinkBroken(visit);
      if (reset.error().code == ErrorCode::kInvalidArgument) {
        return ResetForm(
            visit, token,
            {{"password", language.Translate(Msgid(ErrorText(reset.error().message)))}}, 400);
      }
      return layout_.Failure(visit);
    }
    return Redirect(visit.http.request, language.prefix() + "/inloggen?nieuw=1");
  }

  // --- The own account ---------------------------------------------------------------------------

  http::Response Account(const Visit& visit) const {
    const Language& language = visit.language;
    auto view = accounts_.View(visit.http.actor.user_id);
    if (!view) return layout_.Failure(visit);
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    return layout_.Render(
        visit, 200, t("ACCOUNT_TITLE"), "account.tpl",
        [&](TemplateDictionary& page) {
          const store::Account& account = view->account;
          page.SetValue("EMAIL", account.email);
          if (!account.display_name.empty()) {
            page.SetValueAndShowSection("NAME", account.display_name, "HAS_NAME");
          }
          if (account.grants.empty()) page.ShowSection("NO_ROLES");
          if (!account.grants.empty()) {
            TemplateDictionary* roles = page.AddSectionDictionary("ROLES");
            for (const domain::Grant& grant : account.grants) {
              roles->AddSectionDictionary("ROLE")->SetValue("TEXT", RoleText(grant, language));
            }
          }
          page.SetValue("TWO_STEP",
                        t(view->second_factor_enabled ? "TWO_STEP_ON" : "TWO_STEP_OFF"));
          if (!view->second_factor_enabled) page.ShowSection("TWO_STEP_LINK");
          // The staff pages this person may open (the scope is checked on the page).
          const domain::Actor& actor = visit.http.actor;
          if (domain::Allows(actor, domain::Permission::kVerifyOrganizations) ==
              domain::Decision::kAllowed) {
            page.ShowSection("REQUESTS_LINK");
          }
          if (domain::Allows(actor, domain::Permission::kReadAuditLog) ==
              domain::Decision::kAllowed) {
            page.ShowSection("AUDIT_LINK");
          }
          if (domain::Allows(actor, domain::Permission::kModeratePostings) ==
              domain::Decision::kAllowed) {
            page.ShowSection("MODERATION_LINK");
          }
          if (domain::Allows(actor, domain::Permission::kRunMatching) ==
              domain::Decision::kAllowed) {
            page.ShowSection("ROUNDS_LINK");
          }
          if (visit.http.query.contains("tweestaps")) {
            page.SetValueAndShowSection("TEXT", t("TWO_STEP_DONE"), "NOTICE");
          }
          page.SetValue("CSRF", csrf);
        },
        false, cookies);
  }

  http::Response Export(const Visit& visit) const {
    auto view = accounts_.View(visit.http.actor.user_id);
    if (!view) return layout_.Failure(visit);
    const store::Account& account = view->account;
    json::array roles;
    for (const domain::Grant& grant : account.grants) {
      roles.push_back(json::object{{"role", domain::RoleName(grant.role)}, {"scope", grant.scope}});
    }
    json::array requests;
    for (const store::OrganizationRequest& request : view->requests) {
      requests.push_back(json::object{
          {"id", request.id},
          {"kind", request.kind},
          {"organization_id",
           request.organization_id ? json::value(*request.organization_id) : json::value(nullptr)},
          {"proposal", request.proposal},
          {"status", request.status},
          {"created_at", request.created_at}});
    }
    auto supply = ExchangeData(account.id);
    if (!supply) return layout_.Failure(visit);
    json::object out{
        {"account", json::object{{"id", account.id},
                                 {"email", account.email},
                                 {"display_name", account.display_name},
                                 {"language", account.language},
                                 {"email_verified_at", account.email_verified_at
                                                           ? json::value(*account.email_verified_at)
                                                           : json::value(nullptr)},
                                 {"second_factor", view->second_factor_enabled},
                                 {"created_at", account.created_at}}},
        {"roles", roles},
        {"organization_requests", requests},
    };
    for (auto& [key, value] : *supply) out[key] = std::move(value);
    http::Response response = http::MakeResponse(
        visit.http.request, 200, "application/json; charset=utf-8", json::serialize(out));
    response.message.set(beast_http::field::content_disposition,
                         "attachment; filename=\"knooppunt-account.json\"");
    response.message.set(beast_http::field::cache_control, "no-store");
    return response;
  }

  // Supply and demand (store/posting_store.h): the person's profile for matching, postings,
  // matches as the person proposed, and the messages they wrote.
  Result<json::object> ExchangeData(const std::string& account_id) const {
    store::PostingStore& exchange = store_.postings();
    auto optional = [](const std::optional<std::string>& value) {
      return value ? json::value(*value) : json::value(nullptr);
    };
    auto codes = [](const std::vector<std::string>& list) {
      json::array out;
      for (const std::string& item : list) out.push_back(json::value(item));
      return out;
    };
    auto pairs = [](const std::vector<std::pair<std::string, std::string>>& list) {
      json::array out;
      for (const auto& [first, second] : list) out.push_back(json::array{json::value(first), json::value(second)});
      return out;
    };
    json::object out;
    auto profile = exchange.ProfileOf(account_id);
    if (!profile) return profile.error();
    if (*profile) {
      const store::ProfileRecord& p = **profile;
      out["profile"] = json::object{
          {"consent_at", optional(p.consent_at)},
          {"wants", codes(p.wants)},
          {"languages", pairs(p.languages)},
          {"skills", codes(p.skills)},
          {"interests", codes(p.interests)},
          {"availability", p.availability},
          {"place_name", p.place_name},
          {"latitude", p.latitude ? json::value(*p.latitude) : json::value(nullptr)},
          {"longitude", p.longitude ? json::value(*p.longitude) : json::value(nullptr)},
          {"travel_km", p.travel_km},
          {"max_matches", p.max_matches},
          {"certificates", pairs(p.certificates)},
          {"birth_date", optional(p.birth_date)},
          {"gender", optional(p.gender)},
          {"buddy_gender", optional(p.buddy_gender)},
          {"waiting_since", p.waiting_since},
          {"updated_at", p.updated_at}};
    } else {
      out["profile"] = nullptr;
    }
    json::array postings;
    for (int64_t page = 1;; ++page) {
      auto listed = exchange.ListPostings({.author_id = account_id}, page, 1000);
      if (!listed) return listed.error();
      for (const store::PostingRecord& posting : listed->postings) {
        postings.push_back(json::object{{"id", posting.id},
                                        {"kind", posting.kind},
                                        {"side", posting.side},
                                        {"status", posting.status},
                                        {"title", posting.title},
                                        {"description", posting.description},
                                        {"place_name", posting.place_name},
                                        {"starts_on", posting.starts_on},
                                        {"ends_on", optional(posting.ends_on)},
                                        {"created_at", posting.created_at}});
      }
      if (page * 1000 >= listed->total) break;
    }
    out["postings"] = std::move(postings);
    auto matches = exchange.MatchesOfPerson(account_id);
    if (!matches) return matches.error();
    json::array match_list;
    json::array messages;
    for (const store::MatchRecord& match : *matches) {
      match_list.push_back(json::object{{"id", match.id},
                                        {"posting_id", match.posting_id},
                                        {"status", match.status},
                                        {"proposed_at", match.proposed_at},
                                        {"decline_reason", match.decline_reason},
                                        {"feedback", match.person_feedback}});
      auto sent = exchange.MessagesOf(match.id);
      if (!sent) return sent.error();
      for (const store::MatchMessage& message : *sent) {
        if (message.sender_id != account_id) continue;  // the other side's words are theirs
        messages.push_back(json::object{{"match_id", message.match_id},
                                        {"body", message.body},
                                        {"created_at", message.created_at}});
      }
    }
    out["matches"] = std::move(match_list);
    out["messages"] = std::move(messages);
    return out;
  }

  http::Response TwoStepForm(const Visit& visit, std::string secret = "",
                             const std::map<std::string, std::string>& errors = {},
                             unsigned status = 200) const {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    auto view = accounts_.View(visit.http.actor.user_id);
    if (!view) return layout_.Failure(visit);
    if (secret.empty() || !accounts::Base32Decode(secret)) {
      auto enrolment = accounts_.StartTotp(visit.http.actor.user_id);
      if (!enrolment) return layout_.Failure(visit);
      secret = enrolment->secret;
    }
    std::string grouped;
    for (size_t i = 0; i < secret.size(); i += 4) {
      grouped += (i ? " " : "") + secret.substr(i, 4);
    }
    FormPage form{
        .title = t("TWO_STEP_TITLE"),
        .intro = {t("TWO_STEP_INTRO_1"),
                  Language::Fill(t("TWO_STEP_INTRO_2"), std::span<const std::string>(&grouped, 1))},
        .action = language.prefix() + "/account/tweestaps",
        .fields = {{.name = "code",
                    .label = t("FIELD_CODE"),
                    .autocomplete = "one-time-code",
                    .max_length = 7,
                    .numeric = true}},
        .hidden = {{"geheim", secret}},
        .submit = t("TWO_STEP_BUTTON"),
        .figure_svg = accounts::QrSvg(accounts::TotpUri("Knooppunt", view->account.email, secret),
                                      t("TWO_STEP_QR"))};
    bool staff = false;
    for (const domain::Grant& grant : view->account.grants) {
      staff = staff || domain::NeedsSecondFactor(grant.role);
    }
    if (staff) form.notice = t("TWO_STEP_REQUIRED");
    ApplyErrors(form, errors);
    return layout_.RenderForm(visit, status, form);
  }

  http::Response TwoStep(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    std::string secret = FormValue(*form.fields, "geheim");
    Status confirmed =
        accounts_.ConfirmTotp(visit.http.actor.user_id, Cookie(visit.http.request, kSessionCookie),
                              secret, FormValue(*form.fields, "code"));
    if (!confirmed) {
      if (confirmed.error().code == ErrorCode::kInvalidArgument) {
        return TwoStepForm(visit, secret,
                           {{"code", visit.language.Translate(Msgid("ERR_CODE_WRONG"))}}, 400);
      }
      return layout_.Failure(visit);
    }
    return Redirect(visit.http.request, visit.language.prefix() + "/account?tweestaps=1");
  }

  http::Response DeleteForm(const Visit& visit,
                            const std::map<std::string, std::string>& errors = {},
                            unsigned status = 200) const {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    FormPage form{.title = t("DELETE_TITLE"),
                  .intro = {t("DELETE_INTRO")},
                  .action = language.prefix() + "/account/verwijderen",
                  .fields = {{.name = "password",
                              .label = t("DELETE_CONFIRM"),
                              .type = "password",
                              .autocomplete = "current-password",
                              .max_length = 256}},
                  .submit = t("DELETE_BUTTON"),
                  .links = {{language.prefix() + "/account", t("ACCOUNT_TITLE")}}};
    ApplyErrors(form, errors);
    return layout_.RenderForm(visit, status, form);
  }

  http::Response Delete(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    Status deleted =
        accounts_.Delete(visit.http.actor.user_id, FormValue(*form.fields, "password"));
    if (!deleted) {
      if (deleted.error().code == ErrorCode::kInvalidArgument) {
        return DeleteForm(
            visit, {{"password", visit.language.Translate(Msgid("ERR_PASSWORD_WRONG"))}}, 400);
      }
      return layout_.Failure(visit);
    }
    http::Response response =
        Redirect(visit.http.request, visit.language.prefix() + "/account/verwijderd");
    response.message.insert(beast_http::field::set_cookie, ExpiredSessionCookie());
    return response;
  }

  http::Response Deleted(const Visit& visit) const {
    return layout_.Info(visit, 200, "DELETED_TITLE",
                        {visit.language.Translate(Msgid("DELETED_TEXT"))}, true);
  }

  // --- Refused page requests
  // -----------------------------------------------------------------------

  http::Response Refused(const Visit& visit, domain::Decision decision) const {
    const Language& language = visit.language;
    if (decision == domain::Decision::kSignInNeeded) {
      // Back to the page after signing in. A refused form post has no page of its own: it goes
      // back to the page the form was on (the Referer, sent for this site only), else home.
      std::string back =
          visit.http.request.method() == beast_http::verb::get
              ? std::string(visit.http.request.target())
              : SafeReturnPath(SameSitePath(visit.http.request), language.prefix() + "/");
      return Redirect(visit.http.request,
                      WithQuery(language.prefix() + "/inloggen", {{"terug", back}}));
    }
    if (decision == domain::Decision::kSecondFactorNeeded) {
      return Redirect(visit.http.request, language.prefix() + "/account/tweestaps");
    }
    return layout_.Forbidden(visit);
  }

  const Layout& layout() const { return layout_; }

  // The path and query of the Referer when it is a page of this site; empty otherwise.
  std::string SameSitePath(const http::Request& request) const {
    std::string_view referer = request[beast_http::field::referer];
    std::string_view host = request[beast_http::field::host];
    for (const std::string& origin :
         {options_.public_url, "http://" + std::string(host), "https://" + std::string(host)}) {
      if (!host.empty() || origin == options_.public_url) {
        if (referer.starts_with(origin) && referer.size() > origin.size() &&
            referer[origin.size()] == '/') {
          return std::string(referer.substr(origin.size()));
        }
      }
    }
    return "";
  }

 private:
  static std::string Throttled(const Language& language, int64_t seconds) {
    std::string minutes = language.Integer((seconds + 59) / 60);
    return Language::Fill(language.Translate(Msgid("ERR_THROTTLED")),
                          std::span<const std::string>(&minutes, 1));
  }

  static http::Response TooMany(const Visit&, http::Response response, int64_t seconds) {
    response.message.set(beast_http::field::retry_after, std::to_string(seconds));
    return response;
  }

  static const Language& LanguageOf(std::string_view code) {
    const Language* language = FindLanguage(code);
    return language != nullptr ? *language : Dutch();
  }

  std::string RoleText(const domain::Grant& grant, const Language& language) const {
    std::string scope = grant.scope;
    if (domain::ScopeOf(grant.role) == domain::ScopeKind::kOrganization) {
      auto organization = store_.Get(domain::Table::kOrganization, grant.scope);
      if (organization && *organization) {
        if (auto name = (*organization)->Get("name")) scope = *name;
      }
    }
    std::string_view key = "ROLE_PARTICIPANT";
    switch (grant.role) {
      case domain::Role::kPlatformAdmin:
        key = "ROLE_PLATFORM_ADMIN";
        break;
      case domain::Role::kHelpDesk:
        key = "ROLE_HELP_DESK";
        break;
      case domain::Role::kOrganizationAdmin:
        key = "ROLE_ORG_ADMIN";
        break;
      case domain::Role::kOrganizationMember:
        key = "ROLE_ORG_MEMBER";
        break;
      case domain::Role::kVolunteer:
        key = "ROLE_VOLUNTEER";
        break;
      case domain::Role::kParticipant:
        break;
    }
    return Language::Fill(language.Translate(Msgid(key)), std::span<const std::string>(&scope, 1));
  }

  std::string SessionCookie(const std::string& token) const {
    return std::string(kSessionCookie) + "=" + token + layout_.CookieAttributes("Lax");
  }
  std::string ExpiredSessionCookie() const {
    return std::string(kSessionCookie) + "=" + layout_.CookieAttributes("Lax") + "; Max-Age=0";
  }

  http::Response LinkBroken(const Visit& visit) const {
    return layout_.Info(visit, 400, "LINK_BROKEN_TITLE",
                        {visit.language.Translate(Msgid("LINK_BROKEN_TEXT"))}, true);
  }

  Status Mail(const Language& language, const std::string& account_id, const std::string& to,
              std::string_view subject_key, std::string_view body_key, const std::string& link) {
    return QueueMail(store_.accounts(), language, account_id, to, subject_key, body_key, {link});
  }

  store::Store& store_;
  accounts::Accounts& accounts_;
  const AccountPagesOptions options_;
  const Layout layout_;
  RateLimiter requests_;
};

}  // namespace

void AddAccountRoutes(http::Router& router, store::Store& store, accounts::Accounts& accounts,
                      const AccountPagesOptions& options) {
  auto site = std::make_shared<AccountSite>(store, accounts, options);
  auto page = SitePages(router, site);
  const auto get = beast_http::verb::get;
  const auto post = beast_http::verb::post;
  const auto anyone = domain::Permission::kPublic;
  const auto signed_in = domain::Permission::kSignedIn;
  page(get, "/registreren", anyone, [](AccountSite& s, const Visit& v) { return s.SignUpForm(v); });
  page(post, "/registreren", anyone, [](AccountSite& s, const Visit& v) { return s.SignUp(v); });
  page(get, "/registreren/verstuurd", anyone,
       [](AccountSite& s, const Visit& v) { return s.SignUpSent(v); });
  page(get, "/bevestigen", anyone, [](AccountSite& s, const Visit& v) { return s.VerifyForm(v); });
  page(post, "/bevestigen", anyone, [](AccountSite& s, const Visit& v) { return s.Verify(v); });
  page(get, "/inloggen", anyone, [](AccountSite& s, const Visit& v) { return s.SignInForm(v); });
  page(post, "/inloggen", anyone, [](AccountSite& s, const Visit& v) { return s.SignIn(v); });
  page(get, "/inloggen/code", anyone, [](AccountSite& s, const Visit& v) { return s.CodePage(v); });
  page(post, "/inloggen/code", anyone, [](AccountSite& s, const Visit& v) { return s.Code(v); });
  page(post, "/uitloggen", anyone, [](AccountSite& s, const Visit& v) { return s.SignOut(v); });
  page(get, "/wachtwoord-vergeten", anyone,
       [](AccountSite& s, const Visit& v) { return s.ForgotForm(v); });
  page(post, "/wachtwoord-vergeten", anyone,
       [](AccountSite& s, const Visit& v) { return s.Forgot(v); });
  page(get, "/wachtwoord-nieuw", anyone,
       [](AccountSite& s, const Visit& v) { return s.ResetForm(v); });
  page(post, "/wachtwoord-nieuw", anyone,
       [](AccountSite& s, const Visit& v) { return s.Reset(v); });
  page(get, "/account", signed_in, [](AccountSite& s, const Visit& v) { return s.Account(v); });
  page(get, "/account/export", signed_in,
       [](AccountSite& s, const Visit& v) { return s.Export(v); });
  page(get, "/account/tweestaps", signed_in,
       [](AccountSite& s, const Visit& v) { return s.TwoStepForm(v); });
  page(post, "/account/tweestaps", signed_in,
       [](AccountSite& s, const Visit& v) { return s.TwoStep(v); });
  page(get, "/account/verwijderen", signed_in,
       [](AccountSite& s, const Visit& v) { return s.DeleteForm(v); });
  page(post, "/account/verwijderen", signed_in,
       [](AccountSite& s, const Visit& v) { return s.Delete(v); });
  page(get, "/account/verwijderd", anyone,
       [](AccountSite& s, const Visit& v) { return s.Deleted(v); });

  // Refused requests: pages send people to sign in, the API keeps its JSON.
  router.OnRefused([site](const http::RequestContext& context, domain::Decision decision) {
    if (context.path.starts_with("/api/") || context.path == "/api") {
      return http::RefusedJson(context.request, decision);
    }
    const Language* language = &Dutch();
    for (const Language& other : Languages()) {
      if (!other.prefix().empty() &&
          (context.path.starts_with(other.prefix() + "/") || context.path == other.prefix())) {
        language = &other;
      }
    }
    std::string path(context.path.substr(language->prefix().size()));
    return site->Refused(Visit{context, *language, path.empty() ? "/" : path}, decision);
  });
}

}  // namespace knooppunt::web
