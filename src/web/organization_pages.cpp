#include "web/organization_pages.h"

#include <ctemplate/template.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "accounts/accounts.h"
#include "accounts/audit.h"
#include "accounts/edits.h"
#include "accounts/listings.h"
#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/time.h"
#include "http/message.h"
#include "http/router.h"
#include "search/search_index.h"
#include "store/store.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/texts.h"

namespace knooppunt::web {
namespace {

namespace beast_http = boost::beast::http;
using ctemplate::TemplateDictionary;
using domain::Record;
using domain::Table;

constexpr size_t kMaxName = 200;          // code points
constexpr size_t kMaxDescription = 5000;  // code points

std::string Value(const Record& record, std::string_view field) {
  const auto& value = record.Get(field);
  return value ? *value : std::string();
}

// A Dutch postcode as "9712 HA" from "9712HA", "9712 ha" …: four digits, the first not 0, then
// two letters. nullopt when it is not one.
std::optional<std::string> DutchPostcode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  bool valid = compact.size() == 6 && compact[0] >= '1' && compact[0] <= '9' &&
               std::all_of(compact.begin() + 1, compact.begin() + 4,
                           [](char c) { return c >= '0' && c <= '9'; }) &&
               std::all_of(compact.begin() + 4, compact.end(),
                           [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!valid) return std::nullopt;
  return compact.substr(0, 4) + " " + compact.substr(4);
}

class OrganizationSite {
 public:
  OrganizationSite(store::Store& store, search::SearchIndex& index, const std::string& public_url)
      : store_(store), index_(index), listings_(store), layout_(public_url) {}

  // --- A claim: "this is my organisation"
  // ----------------------------------------------------------

  http::Response Claim(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    std::string id = visit.http.path_params.at("id");
    auto organization = Organization(id);
    if (!organization) return layout_.Failure(visit);
    if (!*organization) return layout_.NotFound(visit);
    auto claimed = listings_.Claim(visit.http.actor.user_id, (*organization)->id());
    if (!claimed && claimed.error().code != ErrorCode::kConflict) {
      return layout_.Failure(visit);
    }
    return Redirect(visit.http.request, visit.language.prefix() + "/organisatie/" +
                                            (*organization)->id() + "?aangevraagd=1#beheer");
  }

  // --- Editing the listing
  // ------------------------------------------------------------------------

  http::Response EditForm(const Visit& visit, const FormFields& typed = {},
                          const std::map<std::string, std::string>& errors = {},
                          unsigned status = 200) {
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kEditOrganization);
    if (!loaded.record) return *loaded.refusal;
    const Record& record = *loaded.record;
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    auto value = [&](std::string_view name, std::string_view field) {
      auto found = typed.find(name);
      return found != typed.end() ? found->second : Value(record, field);
    };
    FormPage form{
        .title = Language::Fill(t("EDIT_ORGANIZATION_TITLE"),
                                std::vector<std::string>{Value(record, "name")}),
        .intro = {t("EDIT_ORGANIZATION_INTRO")},
        .action = language.prefix() + "/organisatie/" + record.id() + "/bewerken",
        .fields = {{.name = "naam",
                    .label = t("FIELD_ORGANIZATION_NAME"),
                    .value = value("naam", "name"),
                    .autocomplete = "organization",
                    .max_length = static_cast<int>(kMaxName)},
                   {.name = "beschrijving",
                    .label = t("FIELD_DESCRIPTION"),
                    .value = value("beschrijving", "description"),
                    .hint = t("FIELD_DESCRIPTION_HINT"),
                    .max_length = static_cast<int>(kMaxDescription),
                    .multiline = true},
                   {.name = "email",
                    .label = t("FIELD_PUBLIC_EMAIL"),
                    .type = "email",
                    .value = value("email", "email"),
                    .required = false},
                   {.name = "website",
                    .label = t("FIELD_WEBSITE"),
                    .type = "url",
                    .value = value("website", "website"),
                    .hint = t("FIELD_WEBSITE_HINT"),
                    .max_length = 500,
                    .required = false}},
        .submit = t("SAVE_BUTTON"),
        .links = {{language.prefix() + "/organisatie/" + record.id(), t("BACK_TO_ORGANIZATION")}}};
    ApplyErrors(form, errors);
    return layout_.RenderForm(visit, status, form);
  }

  http::Response Edit(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kEditOrganization);
    if (!loaded.record) return *loaded.refusal;
    const FormFields& typed = *form.fields;
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };

    std::map<std::string, std::string> errors;
    std::string name = Trim(FormValue(typed, "naam"));
    std::string description = Trim(FormValue(typed, "beschrijving"));
    std::string email = Trim(FormValue(typed, "email"));
    std::string website = Trim(FormValue(typed, "website"));
    if (name.empty()) errors["naam"] = t("ERR_NAME_EMPTY");
    // HSDS requires a description of every organisation.
    if (description.empty()) errors["beschrijving"] = t("ERR_DESCRIPTION_EMPTY");
    if (CodePoints(name) > kMaxName) errors["naam"] = t("ERR_TEXT_TOO_LONG");
    if (CodePoints(description) > kMaxDescription) errors["beschrijving"] = t("ERR_TEXT_TOO_LONG");
    std::optional<std::string> normal_email;
    if (!email.empty()) {
      normal_email = domain::NormaliseValue(domain::FieldType::kEmail, email);
      if (!normal_email || email.size() > 254) errors["email"] = t("ERR_EMAIL_INVALID");
    }
    std::string scheme = website.substr(0, 8);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (scheme.starts_with("https://")) {
      website = "https://" + website.substr(8);
    } else if (scheme.starts_with("http://")) {
      website = "http://" + website.substr(7);
    } else if (!website.empty()) {
      website = "https://" + website;
    }
    std::optional<std::string> normal_website;
    if (!website.empty()) {
      normal_website = domain::NormaliseValue(domain::FieldType::kUri, website);
      if (!normal_website || website.size() > 500) errors["website"] = t("ERR_WEBSITE_INVALID");
    }
    if (!errors.empty()) return EditForm(visit, typed, errors, 400);

    const Record& before = *loaded.record;
    Record record = before;
    record.With("name", name);
    record.With("description", description);
    if (normal_email) {
      record.With("email", *normal_email);
    } else {
      record.Set("email", std::nullopt);
    }
    if (normal_website) {
      record.With("website", *normal_website);
    } else {
      record.Set("website", std::nullopt);
    }
    accounts::Edit edit{before, record};
    if (Status written = accounts::ApplyEdits(store_, std::span(&edit, 1), visit.http.actor);
        !written) {
      if (written.error().code == ErrorCode::kInvalidArgument) {
        return EditForm(visit, typed, {{"naam", t("ERR_TEXT_INVALID")}}, 400);
      }
      return layout_.Failure(visit);
    }
    // Searchable at once, not only when the index next follows the change log.
    (void)index_.CatchUp();
    return Redirect(visit.http.request,
                    language.prefix() + "/organisatie/" + record.id() + "?opgeslagen=1#beheer");
  }

  http::Response Confirm(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kEditOrganization);
    if (!loaded.record) return *loaded.refusal;
    if (!listings_.ConfirmStillCorrect(loaded.record->id(), visit.http.actor.audit_id())) {
      return layout_.Failure(visit);
    }
    (void)index_.CatchUp();
    return Redirect(visit.http.request, visit.language.prefix() + "/organisatie/" +
                                            loaded.record->id() + "?bevestigd=1#beheer");
  }

  // --- Registering a new organisation
  // ------------------------------------------------------------

  http::Response RegisterForm(const Visit& visit, const FormFields& typed = {},
                              const std::map<std::string, std::string>& errors = {},
                              unsigned status = 200) const {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    auto value = [&](std::string_view name) { return FormValue(typed, name); };
    FormPage form{
        .title = t("REGISTER_ORG_TITLE"),
        .intro = {t("REGISTER_ORG_INTRO")},
        .action = language.prefix() + "/organisatie-aanmelden",
        .fields = {{.name = "naam",
                    .label = t("FIELD_ORGANIZATION_NAME"),
                    .value = value("naam"),
                    .autocomplete = "organization",
                    .max_length = static_cast<int>(kMaxName)},
                   {.name = "beschrijving",
                    .label = t("FIELD_DESCRIPTION"),
                    .value = value("beschrijving"),
                    .hint = t("FIELD_DESCRIPTION_HINT"),
                    .max_length = static_cast<int>(kMaxDescription),
                    .multiline = true},
                   {.name = "adres",
                    .label = t("FIELD_ADDRESS"),
                    .value = value("adres"),
                    .autocomplete = "street-address",
                    .max_length = static_cast<int>(kMaxName)},
                   {.name = "postcode",
                    .label = t("FIELD_POSTCODE"),
                    .value = value("postcode"),
                    .autocomplete = "postal-code",
                    .max_length = 10},
                   {.name = "plaats",
                    .label = t("FIELD_CITY"),
                    .value = value("plaats"),
                    .autocomplete = "address-level2",
                    .max_length = 100},
                   {.name = "provincie",
                    .label = t("FIELD_PROVINCE"),
                    .value = value("provincie"),
                    .autocomplete = "address-level1",
                    .max_length = 100},
                   {.name = "regio",
                    .label = t("FIELD_REGION"),
                    .value = value("regio"),
                    .hint = t("FIELD_REGION_HINT"),
                    .max_length = 100,
                    .required = false}},
        .submit = t("REGISTER_ORG_BUTTON")};
    ApplyErrors(form, errors);
    return layout_.RenderForm(visit, status, form);
  }

  http::Response Register(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    if (visit.http.actor.user_id.empty()) return layout_.Forbidden(visit);  // an API key
    const FormFields& typed = *form.fields;
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    std::map<std::string, std::string> errors;
    std::map<std::string, std::string> given;
    for (const char* name : {"naam", "beschrijving", "adres", "postcode", "plaats", "provincie",
                             "regio"}) {
      given[name] = Trim(FormValue(typed, name));
      size_t limit = std::string_view(name) == "beschrijving" ? kMaxDescription : kMaxName;
      if (given[name].empty() && std::string_view(name) != "regio") {
        errors[name] = t(std::string_view(name) == "beschrijving" ? "ERR_DESCRIPTION_EMPTY"
                                                                  : "ERR_REQUIRED");
      } else if (CodePoints(given[name]) > limit) {
        errors[name] = t("ERR_TEXT_TOO_LONG");
      }
    }
    if (!errors.contains("postcode")) {
      auto postcode = DutchPostcode(given["postcode"]);
      if (postcode) {
        given["postcode"] = *postcode;
      } else {
        errors["postcode"] = t("ERR_POSTCODE_INVALID");
      }
    }
    if (!errors.empty()) return RegisterForm(visit, typed, errors, 400);

    accounts::Proposal proposal;
    proposal.organization.With("name", given["naam"]).With("description", given["beschrijving"]);
    proposal.location.With("location_type", "physical").With("name", given["naam"]);
    proposal.address.With("address_1", given["adres"])
        .With("postal_code", given["postcode"])
        .With("city", given["plaats"])
        .With("state_province", given["provincie"])
        .With("country", "NL")
        .With("address_type", "physical");
    if (!given["regio"].empty()) proposal.address.With("region", given["regio"]);
    auto registered = listings_.Register(visit.http.actor.user_id, std::move(proposal));
    if (!registered) {
      if (registered.error().code == ErrorCode::kInvalidArgument) {
        return RegisterForm(visit, typed, {{"naam", t("ERR_TEXT_INVALID")}}, 400);
      }
      return layout_.Failure(visit);
    }
    return layout_.Info(visit, 200, "REGISTER_ORG_TITLE", {t("REGISTER_ORG_SENT")}, true);
  }

  // --- The reports inbox: "report a mistake" messages about the organisation's services
  // ------------

  http::Response Reports(const Visit& visit) {
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kEditOrganization);
    if (!loaded.record) return *loaded.refusal;
    const Record& organization = *loaded.record;
    const Language& language = visit.language;
    auto reports = store_.ReportsOfOrganization(organization.id());
    if (!reports) return layout_.Failure(visit);
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    std::string base = language.prefix() + "/organisatie/" + organization.id();
    return layout_.Render(
        visit, 200, language.Translate(Msgid("REPORTS_TITLE")), "reports.tpl",
        [&](TemplateDictionary& page) {
          page.SetValue("ORGANIZATION", Value(organization, "name"));
          page.SetValue("BACK_URL", base);
          if (reports->empty()) page.ShowSection("NONE");
          TemplateDictionary* list =
              reports->empty() ? nullptr : page.AddSectionDictionary("REPORTS");
          for (const store::Report& report : *reports) {
            TemplateDictionary* item = list->AddSectionDictionary("REPORT");
            auto service = store_.Get(Table::kService, report.service_id);
            item->SetValue("SERVICE", service && *service ? Value(**service, "name") : "");
            item->SetValue("SERVICE_URL", language.prefix() + "/dienst/" + report.service_id);
            item->SetValue("MESSAGE", report.message);
            // The visitor wrote in the language of the page they were on.
            if (report.language != language.code()) {
              item->SetValueAndShowSection("CODE", report.language, "MESSAGE_LANG");
            }
            item->SetValue("DATE", language.Date(report.created_at.substr(0, 10)));
            if (report.email) item->SetValueAndShowSection("ADDRESS", *report.email, "FROM");
            item->SetValue("DONE_URL", base + "/meldingen/" + report.id + "/opgelost");
            item->SetValue("CSRF", csrf);
          }
          if (visit.http.query.contains("opgelost")) {
            page.SetValueAndShowSection("TEXT", language.Translate(Msgid("REPORT_REMOVED")),
                                        "NOTICE");
          }
        },
        false, cookies);
  }

  // "Fixed": the report has done its work and is deleted (docs/privacy.md).
  http::Response ReportDone(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kEditOrganization);
    if (!loaded.record) return *loaded.refusal;
    auto report =
        domain::NormaliseValue(domain::FieldType::kUuid, visit.http.path_params.at("report"));
    if (!report) return layout_.NotFound(visit);
    Status deleted = store_.DeleteReport(*report, loaded.record->id());
    if (!deleted) {
      if (deleted.error().code == ErrorCode::kNotFound) return layout_.NotFound(visit);
      return layout_.Failure(visit);
    }
    (void)accounts::Audit(store_.accounts(), visit.http.actor.audit_id(), "report.resolve",
                          "report", *report);
    return Redirect(visit.http.request, visit.language.prefix() + "/organisatie/" +
                                            loaded.record->id() + "/meldingen?opgelost=1");
  }

  // --- The help desk's list of claims
  // ---------------------------------------------------------------

  http::Response Requests(const Visit& visit) const {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    std::vector<std::string> regions;
    bool all_regions = false;
    for (const domain::Grant& grant : visit.http.actor.grants) {
      if (grant.role == domain::Role::kPlatformAdmin) all_regions = true;
      if (grant.role == domain::Role::kHelpDesk) regions.push_back(grant.scope);
    }
    auto pending = store_.accounts().PendingRequests(regions, all_regions);
    if (!pending) return layout_.Failure(visit);
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    return layout_.Render(
        visit, 200, t("REQUESTS_TITLE"), "requests.tpl",
        [&](TemplateDictionary& page) {
          if (pending->empty()) page.ShowSection("NONE");
          for (const store::OrganizationRequest& request : *pending) {
            TemplateDictionary* row = page.AddSectionDictionary("REQUEST");
            std::string name = request.organization_id.value_or("");
            if (request.organization_id) {
              auto organization = store_.Get(Table::kOrganization, *request.organization_id);
              if (organization && *organization) name = Value(**organization, "name");
              row->SetValueAndShowSection(
                  "URL", language.prefix() + "/organisatie/" + *request.organization_id, "URL");
            }
            if (request.kind == "register") {
              auto proposal = accounts::Listings::ProposalOf(request);
              if (proposal) {
                name = Value(proposal->organization, "name");
                row->SetValue("ADDRESS", Value(proposal->address, "address_1") + ", " +
                                             Value(proposal->address, "postal_code") + " " +
                                             Value(proposal->address, "city"));
                row->SetValue("DESCRIPTION", Value(proposal->organization, "description"));
              }
              row->ShowSection("NEW");
            }
            row->SetValue("ORGANIZATION", name);
            auto account = store_.accounts().AccountById(request.account_id);
            row->SetValue("WHO", account && *account ? (*account)->email : "");
            row->SetValue("REGION", request.region.empty() ? "–" : request.region);
            row->SetValue("DATE", language.Date(request.created_at.substr(0, 10)));
            row->SetValue("APPROVE",
                          language.prefix() + "/beheer/aanvragen/" + request.id + "/goedkeuren");
            row->SetValue("REJECT",
                          language.prefix() + "/beheer/aanvragen/" + request.id + "/afwijzen");
            row->SetValue("CSRF", csrf);
          }
          if (visit.http.query.contains("klaar")) {
            page.SetValueAndShowSection("TEXT", t("REQUEST_DONE"), "NOTICE");
          }
        },
        false, cookies);
  }

  http::Response Decide(const Visit& visit, bool approve) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    std::string id = visit.http.path_params.at("id");
    auto request = store_.accounts().OrganizationRequestById(id);
    if (!request) return layout_.Failure(visit);
    if (!*request) return layout_.NotFound(visit);
    // Help-desk staff decide only for their own region.
    std::vector<std::string> regions = {(*request)->region};
    if (domain::Allows(visit.http.actor, domain::Permission::kVerifyOrganizations,
                       {.organization_id = (*request)->organization_id.value_or("-"),
                        .regions = regions}) != domain::Decision::kAllowed) {
      return layout_.Forbidden(visit);
    }
    Status decided = approve ? listings_.Approve(id, visit.http.actor.audit_id())
                             : listings_.Reject(id, visit.http.actor.audit_id());
    if (!decided && decided.error().code != ErrorCode::kConflict) return layout_.Failure(visit);
    (void)index_.CatchUp();
    return Redirect(visit.http.request, visit.language.prefix() + "/beheer/aanvragen?klaar=1");
  }

 private:
  Result<std::optional<Record>> Organization(const std::string& id) const {
    auto uuid = domain::NormaliseValue(domain::FieldType::kUuid, id);
    if (!uuid) return std::optional<Record>();
    return store_.Get(Table::kOrganization, *uuid);
  }

  store::Store& store_;
  search::SearchIndex& index_;
  accounts::Listings listings_;
  const Layout layout_;
};

}  // namespace

OrganizationAccess OrganizationFor(const Visit& visit, const Layout& layout, store::Store& store,
                                   domain::Permission permission) {
  auto id = domain::NormaliseValue(domain::FieldType::kUuid, visit.http.path_params.at("id"));
  if (!id) return {std::nullopt, layout.NotFound(visit)};
  auto organization = store.Get(Table::kOrganization, *id);
  if (!organization) return {std::nullopt, layout.Failure(visit)};
  if (!*organization) return {std::nullopt, layout.NotFound(visit)};
  auto decision = accounts::Listings(store).Check(visit.http.actor, permission, *id);
  if (!decision) return {std::nullopt, layout.Failure(visit)};
  if (*decision == domain::Decision::kSecondFactorNeeded) {
    return {std::nullopt,
            Redirect(visit.http.request, visit.language.prefix() + "/account/tweestaps")};
  }
  if (*decision != domain::Decision::kAllowed) return {std::nullopt, layout.Forbidden(visit)};
  return {std::move(**organization), std::nullopt};
}

Result<int> SendReviewReminders(store::Store& store, const std::string& public_url, int months) {
  domain::Instant now = domain::Now();
  // A month as the calendar averages it; a day either way does not matter here.
  auto age = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::days(months * 30) +
                                                              std::chrono::hours(months * 10));
  std::string verified_before = domain::FormatUtc(now - age).substr(0, 10);
  std::string reminded_before = domain::FormatUtc(now - std::chrono::days(30));
  auto due = accounts::Listings(store).ReviewsDue(verified_before, reminded_before);
  if (!due) return due.error();
  int reminded = 0;
  for (const accounts::ReviewDue& item : *due) {
    for (const store::Account& keeper : item.keepers) {
      const Language* language = FindLanguage(keeper.language);
      if (language == nullptr) language = &Dutch();
      std::string link =
          public_url + language->prefix() + "/organisatie/" + item.organization_id + "#beheer";
      if (Status queued = QueueMail(store.accounts(), *language, keeper.id, keeper.email,
                                    "MAIL_REVIEW_SUBJECT", "MAIL_REVIEW_BODY", {item.name, link});
          !queued) {
        return queued.error();
      }
    }
    if (Status saved = store.accounts().SaveReviewReminder(item.organization_id,
                                                           domain::FormatUtc(now));
        !saved) {
      return saved.error();
    }
    (void)accounts::Audit(store.accounts(), "system", "organization.review_reminder",
                          "organization", item.organization_id);
    ++reminded;
  }
  return reminded;
}

void AddOrganizationRoutes(http::Router& router, store::Store& store, search::SearchIndex& index,
                           const std::string& public_url) {
  auto site = std::make_shared<OrganizationSite>(store, index, public_url);
  auto page = SitePages(router, site);
  const auto get = beast_http::verb::get;
  const auto post = beast_http::verb::post;
  page(post, "/organisatie/{id}/claimen", domain::Permission::kSignedIn,
       [](OrganizationSite& s, const Visit& v) { return s.Claim(v); });
  page(get, "/organisatie/{id}/bewerken", domain::Permission::kEditOrganization,
       [](OrganizationSite& s, const Visit& v) { return s.EditForm(v); });
  page(post, "/organisatie/{id}/bewerken", domain::Permission::kEditOrganization,
       [](OrganizationSite& s, const Visit& v) { return s.Edit(v); });
  page(post, "/organisatie/{id}/bevestigen", domain::Permission::kEditOrganization,
       [](OrganizationSite& s, const Visit& v) { return s.Confirm(v); });
  page(get, "/organisatie/{id}/meldingen", domain::Permission::kEditOrganization,
       [](OrganizationSite& s, const Visit& v) { return s.Reports(v); });
  page(post, "/organisatie/{id}/meldingen/{report}/opgelost", domain::Permission::kEditOrganization,
       [](OrganizationSite& s, const Visit& v) { return s.ReportDone(v); });
  page(get, "/organisatie-aanmelden", domain::Permission::kSignedIn,
       [](OrganizationSite& s, const Visit& v) { return s.RegisterForm(v); });
  page(post, "/organisatie-aanmelden", domain::Permission::kSignedIn,
       [](OrganizationSite& s, const Visit& v) { return s.Register(v); });
  page(get, "/beheer/aanvragen", domain::Permission::kVerifyOrganizations,
       [](OrganizationSite& s, const Visit& v) { return s.Requests(v); });
  page(post, "/beheer/aanvragen/{id}/goedkeuren", domain::Permission::kVerifyOrganizations,
       [](OrganizationSite& s, const Visit& v) { return s.Decide(v, true); });
  page(post, "/beheer/aanvragen/{id}/afwijzen", domain::Permission::kVerifyOrganizations,
       [](OrganizationSite& s, const Visit& v) { return s.Decide(v, false); });
}

}  // namespace knooppunt::web
