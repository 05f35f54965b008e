#include "web/member_pages.h"

#include <ctemplate/template.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/audit.h"
#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/uuid.h"
#include "http/message.h"
#include "http/router.h"
#include "store/store.h"
#include "web/i18n.h"
#include "web/organization_pages.h"
#include "web/page.h"
#include "web/texts.h"

namespace knooppunt::web {
namespace {

namespace beast_http = boost::beast::http;
using ctemplate::TemplateDictionary;
using domain::Record;
using domain::Role;

std::string Value(const Record& record, std::string_view field) {
  const auto& value = record.Get(field);
  return value ? *value : std::string();
}

// The organisation role of an account on this organisation, if any (admin counts over member).
std::optional<Role> RoleOn(const store::Account& account, const std::string& organization_id) {
  std::optional<Role> role;
  for (const domain::Grant& grant : account.grants) {
    if (grant.scope != organization_id) continue;
    if (grant.role == Role::kOrganizationAdmin) return grant.role;
    if (grant.role == Role::kOrganizationMember) role = grant.role;
  }
  return role;
}

class MemberSite {
 public:
  MemberSite(store::Store& store, accounts::Accounts& accounts, const std::string& public_url)
      : store_(store), accounts_(accounts), layout_(public_url) {}

  http::Response Members(const Visit& visit) {
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kManageMembers);
    if (!loaded.record) return *loaded.refusal;
    const Record& organization = *loaded.record;
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    auto members = store_.accounts().AccountsOfOrganization(organization.id());
    if (!members) return layout_.Failure(visit);
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    std::string base = language.prefix() + "/organisatie/" + organization.id();
    std::string name = Value(organization, "name");
    return layout_.Render(
        visit, 200, t("MEMBERS_TITLE"), "members.tpl",
        [&](TemplateDictionary& page) {
          page.SetValue("INTRO", Language::Fill(t("MEMBERS_INTRO"), std::vector{name}));
          page.SetValue("INVITE_URL", base + "/leden/uitnodigen");
          page.SetValue("BACK_URL", base + "#beheer");
          for (const store::Account& account : *members) {
            auto role = RoleOn(account, organization.id());
            if (!role) continue;
            TemplateDictionary* item = page.AddSectionDictionary("MEMBER");
            item->SetValue("ID", account.id);
            item->SetValue("EMAIL", account.email);
            item->SetValue("ROLE",
                           Language::Fill(t(*role == Role::kOrganizationAdmin ? "ROLE_ORG_ADMIN"
                                                                              : "ROLE_ORG_MEMBER"),
                                          std::vector{name}));
            if (account.id == visit.http.actor.user_id) {
              item->ShowSection("YOU");
            } else {
              TemplateDictionary* remove = item->AddSectionDictionary("REMOVE");
              remove->SetValue("URL", base + "/leden/" + account.id + "/weghalen");
              remove->SetValue("CSRF", csrf);
            }
          }
          for (auto [flag, key] : {std::pair{"verstuurd", "INVITE_SENT"},
                                   std::pair{"weg", "MEMBER_REMOVED"},
                                   std::pair{"zelf", "MEMBER_NOT_YOURSELF"}}) {
            if (visit.http.query.contains(flag)) {
              page.SetValueAndShowSection("TEXT", t(key), "NOTICE");
            }
          }
        },
        false, cookies);
  }

  http::Response InviteForm(const Visit& visit, const FormFields& typed = {},
                            const std::map<std::string, std::string>& errors = {},
                            unsigned status = 200) {
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kManageMembers);
    if (!loaded.record) return *loaded.refusal;
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    std::string base = language.prefix() + "/organisatie/" + loaded.record->id();
    FormPage form{
        .title = t("INVITE_TITLE"),
        .intro = {Value(*loaded.record, "name"), t("INVITE_INTRO")},
        .action = base + "/leden/uitnodigen",
        .fields = {{.name = "email",
                    .label = t("FIELD_INVITE_EMAIL"),
                    .type = "email",
                    .value = FormValue(typed, "email"),
                    .autocomplete = "off"},
                   {.name = "rol",
                    .label = t("FIELD_INVITE_ROLE"),
                    .value = typed.empty() ? "lid" : FormValue(typed, "rol"),
                    .options = {{"lid", t("INVITE_ROLE_MEMBER")},
                                {"beheerder", t("INVITE_ROLE_ADMIN")}}}},
        .submit = t("INVITE_BUTTON"),
        .links = {{base + "/leden", t("MEMBERS_TITLE")}}};
    ApplyErrors(form, errors);
    return layout_.RenderForm(visit, status, form);
  }

  http::Response Invite(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kManageMembers);
    if (!loaded.record) return *loaded.refusal;
    const FormFields& typed = *form.fields;
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    std::map<std::string, std::string> errors;
    std::string choice = FormValue(typed, "rol");
    std::optional<Role> role;
    if (choice == "lid") role = Role::kOrganizationMember;
    if (choice == "beheerder") role = Role::kOrganizationAdmin;
    if (!role) errors["rol"] = t("ERR_ROLE_CHOOSE");
    std::string email = Trim(FormValue(typed, "email"));
    auto normal = accounts::Accounts::NormaliseEmail(email);
    if (!normal || email.size() > 254) errors["email"] = t("ERR_EMAIL_INVALID");
    if (!errors.empty()) return InviteForm(visit, typed, errors, 400);

    const Record& organization = *loaded.record;
    auto token =
        accounts_.Invite(organization.id(), *normal, *role, visit.http.actor.audit_id());
    if (!token) {
      if (token.error().code == ErrorCode::kInvalidArgument) {
        return InviteForm(visit, typed, {{"email", t("ERR_EMAIL_INVALID")}}, 400);
      }
      return layout_.Failure(visit);
    }
    // The mail in the invitee's own language when they have an account, else in this page's.
    const Language* theirs = &language;
    std::string account_id;
    auto existing = store_.accounts().AccountByEmail(*normal);
    if (existing && *existing) {
      account_id = (*existing)->id;
      if (const Language* found = FindLanguage((*existing)->language)) theirs = found;
    }
    std::string link = layout_.public_url() + theirs->prefix() + "/uitnodiging?sleutel=" + *token;
    if (!QueueMail(store_.accounts(), *theirs, account_id, *normal, "MAIL_INVITE_SUBJECT",
                   "MAIL_INVITE_BODY", {Value(organization, "name"), link})) {
      return layout_.Failure(visit);
    }
    return Redirect(visit.http.request,
                    language.prefix() + "/organisatie/" + organization.id() + "/leden?verstuurd=1");
  }

  http::Response Remove(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kManageMembers);
    if (!loaded.record) return *loaded.refusal;
    const std::string& organization_id = loaded.record->id();
    std::string base = visit.language.prefix() + "/organisatie/" + organization_id + "/leden";
    auto account_id =
        domain::NormaliseValue(domain::FieldType::kUuid, visit.http.path_params.at("account"));
    if (!account_id) return layout_.NotFound(visit);
    if (*account_id == visit.http.actor.user_id) return Redirect(visit.http.request, base + "?zelf=1");
    auto account = store_.accounts().AccountById(*account_id);
    if (!account) return layout_.Failure(visit);
    // Only people of this organisation can be taken off it here.
    if (!*account || !RoleOn(**account, organization_id)) return layout_.NotFound(visit);
    for (Role role : {Role::kOrganizationAdmin, Role::kOrganizationMember}) {
      if (!store_.accounts().RemoveGrant(*account_id, {role, organization_id})) {
        return layout_.Failure(visit);
      }
    }
    (void)accounts::Audit(store_.accounts(), visit.http.actor.audit_id(),
                          "organization.remove_member", "account", *account_id);
    return Redirect(visit.http.request, base + "?weg=1");
  }

  // --- Accepting an invitation. The routes need a signed-in visitor: the router sends others to
  // sign in first, and back here afterwards.

  http::Response AcceptForm(const Visit& visit) {
    std::string token = visit.http.query.contains("sleutel") ? visit.http.query.at("sleutel") : "";
    auto invitation = accounts_.PeekInvite(token);
    if (!invitation) return layout_.Failure(visit);
    if (!*invitation) return LinkBroken(visit);
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return language.Translate(Msgid(key)); };
    auto organization = store_.Get(domain::Table::kOrganization, (*invitation)->organization_id);
    if (!organization) return layout_.Failure(visit);
    if (!*organization) return LinkBroken(visit);
    std::vector<std::string> name = {Value(**organization, "name")};
    FormPage form{.title = Language::Fill(t("ACCEPT_TITLE"), name),
                  .intro = {Language::Fill(t("ACCEPT_INTRO"), name)},
                  .action = language.prefix() + "/uitnodiging",
                  .hidden = {{"sleutel", token}},
                  .submit = t("ACCEPT_BUTTON")};
    return layout_.RenderForm(visit, 200, form);
  }

  http::Response Accept(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    if (visit.http.actor.user_id.empty()) return layout_.Forbidden(visit);  // an API key
    auto joined = accounts_.AcceptInvite(FormValue(*form.fields, "sleutel"),
                                         visit.http.actor.user_id);
    if (!joined) {
      switch (joined.error().code) {
        case ErrorCode::kNotFound:
          return LinkBroken(visit);
        case ErrorCode::kForbidden:
          return layout_.Info(visit, 403, "ACCEPT_OTHER_ADDRESS_TITLE",
                              {visit.language.Translate(Msgid("ACCEPT_OTHER_ADDRESS_TEXT"))},
                              true);
        default:
          return layout_.Failure(visit);
      }
    }
    return Redirect(visit.http.request,
                    visit.language.prefix() + "/organisatie/" + *joined + "?welkom=1#beheer");
  }

 private:
  http::Response LinkBroken(const Visit& visit) const {
    return layout_.Info(visit, 400, "LINK_BROKEN_TITLE",
                        {visit.language.Translate(Msgid("LINK_BROKEN_TEXT"))}, true);
  }

  store::Store& store_;
  accounts::Accounts& accounts_;
  const Layout layout_;
};

}  // namespace

void AddMemberRoutes(http::Router& router, store::Store& store, accounts::Accounts& accounts,
                     const std::string& public_url) {
  auto site = std::make_shared<MemberSite>(store, accounts, public_url);
  auto page = SitePages(router, site);
  const auto get = beast_http::verb::get;
  const auto post = beast_http::verb::post;
  const auto manage = domain::Permission::kManageMembers;
  page(get, "/organisatie/{id}/leden", manage,
       [](MemberSite& s, const Visit& v) { return s.Members(v); });
  page(get, "/organisatie/{id}/leden/uitnodigen", manage,
       [](MemberSite& s, const Visit& v) { return s.InviteForm(v); });
  page(post, "/organisatie/{id}/leden/uitnodigen", manage,
       [](MemberSite& s, const Visit& v) { return s.Invite(v); });
  page(post, "/organisatie/{id}/leden/{account}/weghalen", manage,
       [](MemberSite& s, const Visit& v) { return s.Remove(v); });
  page(get, "/uitnodiging", domain::Permission::kSignedIn,
       [](MemberSite& s, const Visit& v) { return s.AcceptForm(v); });
  page(post, "/uitnodiging", domain::Permission::kSignedIn,
       [](MemberSite& s, const Visit& v) { return s.Accept(v); });
}

}  // namespace knooppunt::web
