#include "web/api_key_pages.h"

#include <ctemplate/template.h>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "accounts/audit.h"
#include "accounts/listings.h"
#include "accounts/token.h"
#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/time.h"
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
using domain::Table;

constexpr size_t kMaxLabel = 100;  // code points

// What the keys page shows besides the organisation's keys.
struct KeysPage {
  unsigned status = 200;
  std::string notice = "";       // translated
  std::string new_key = "";      // the key just made: shown this once, never again
  std::string label = "";        // what was typed in the "naam" field
  std::string label_error = "";  // translated
};

class ApiKeySite {
 public:
  ApiKeySite(store::Store& store, const std::string& public_url)
      : store_(store), layout_(public_url) {}

  http::Response Keys(const Visit& visit) {
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kManageMembers);
    if (!loaded.record) return *loaded.refusal;
    KeysPage page;
    if (visit.http.query.contains("ingetrokken")) {
      page.notice = visit.language.Translate(Msgid("API_KEY_REVOKED"));
    }
    return Render(visit, *loaded.record, page);
  }

  http::Response Create(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kManageMembers);
    if (!loaded.record) return *loaded.refusal;
    const Record& organization = *loaded.record;
    auto t = [&](std::string_view key) { return visit.language.Translate(Msgid(key)); };
    std::string typed;
    if (auto found = form.fields->find("naam"); found != form.fields->end()) typed = found->second;
    std::string label = Trim(typed);
    std::string error;
    if (label.empty()) error = t("ERR_API_KEY_LABEL_EMPTY");
    if (CodePoints(label) > kMaxLabel) error = t("ERR_TEXT_TOO_LONG");
    if (!error.empty()) {
      return Render(visit, organization, {.status = 400, .label = typed, .label_error = error});
    }

    // Only the hash is stored: a copy of the database does not let anyone write the listing.
    std::string token = accounts::NewToken();
    store::ApiKey key{.id = domain::RandomUuid(),
                      .organization_id = organization.id(),
                      .key_hash = accounts::HashToken(token),
                      .label = label,
                      .created_by = visit.http.actor.user_id,
                      .created_at = domain::FormatUtc(domain::Now())};
    if (!store_.accounts().AddApiKey(key)) return layout_.Failure(visit);
    (void)accounts::Audit(store_.accounts(), visit.http.actor.audit_id(), "api_key.create",
                          "api_key", key.id);
    // Not a redirect: the key is in this answer only (Layout::Render sends it with no-store).
    return Render(visit, organization, {.new_key = token});
  }

  http::Response Revoke(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto loaded = OrganizationFor(visit, layout_, store_, domain::Permission::kManageMembers);
    if (!loaded.record) return *loaded.refusal;
    auto key = domain::NormaliseValue(domain::FieldType::kUuid, visit.http.path_params.at("key"));
    if (!key) return layout_.NotFound(visit);
    // The store matches the key and the organisation of the address together, so another
    // organisation's key is "not found" here.
    Status revoked =
        store_.accounts().RevokeApiKey(*key, loaded.record->id(), domain::FormatUtc(domain::Now()));
    if (!revoked) {
      if (revoked.error().code == ErrorCode::kNotFound) return layout_.NotFound(visit);
      return layout_.Failure(visit);
    }
    (void)accounts::Audit(store_.accounts(), visit.http.actor.audit_id(), "api_key.revoke",
                          "api_key", *key);
    return Redirect(visit.http.request, visit.language.prefix() + "/organisatie/" +
                                            loaded.record->id() + "/sleutels?ingetrokken=1");
  }

 private:
  http::Response Render(const Visit& visit, const Record& organization, const KeysPage& state) {
    const Language& language = visit.language;
    auto keys = store_.accounts().ApiKeysOf(organization.id());
    if (!keys) return layout_.Failure(visit);
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    std::string base = language.prefix() + "/organisatie/" + organization.id();
    return layout_.Render(
        visit, state.status, language.Translate(Msgid("API_KEYS_TITLE")), "api_keys.tpl",
        [&](TemplateDictionary& page) {
          const auto& name = organization.Get("name");
          page.SetValue("ORGANIZATION", name ? *name : std::string());
          page.SetValue("BACK_URL", base);
          page.SetValue("ACTION", base + "/sleutels");
          page.SetValue("CSRF", csrf);
          if (!state.new_key.empty()) page.SetValueAndShowSection("KEY", state.new_key, "NEW_KEY");
          if (!state.notice.empty()) page.SetValueAndShowSection("TEXT", state.notice, "NOTICE");
          page.SetValue("LABEL", state.label);
          page.SetValue("MAX", std::to_string(kMaxLabel));
          std::string described = "naam-hint";
          if (!state.label_error.empty()) {
            page.SetValueAndShowSection("TEXT", state.label_error, "FIELD_ERROR");
            page.SetValueAndShowSection("TEXT", state.label_error, "ERRORS");
            described += " naam-fout";
          }
          page.SetValue("DESCRIBED", described);
          if (keys->empty()) page.ShowSection("NONE");
          TemplateDictionary* list = keys->empty() ? nullptr : page.AddSectionDictionary("KEYS");
          for (const store::ApiKey& key : *keys) {
            TemplateDictionary* item = list->AddSectionDictionary("KEY_ITEM");
            item->SetValue("ID", key.id);
            item->SetValue("NAME", key.label);
            item->SetValue("CREATED", language.Date(key.created_at.substr(0, 10)));
            if (key.revoked_at) {
              item->SetValueAndShowSection("DATE", language.Date(key.revoked_at->substr(0, 10)),
                                           "REVOKED");
            } else {
              TemplateDictionary* active = item->AddSectionDictionary("ACTIVE");
              active->SetValue("REVOKE_URL", base + "/sleutels/" + key.id + "/intrekken");
              active->SetValue("CSRF", csrf);
            }
          }
        },
        false, cookies);
  }

  store::Store& store_;
  const Layout layout_;
};

}  // namespace

void AddApiKeyRoutes(http::Router& router, store::Store& store, const std::string& public_url) {
  auto site = std::make_shared<ApiKeySite>(store, public_url);
  constexpr domain::Permission kNeed = domain::Permission::kManageMembers;
  AddPage(router, beast_http::verb::get, "/organisatie/{id}/sleutels", kNeed,
          [site](const Visit& visit) { return site->Keys(visit); });
  AddPage(router, beast_http::verb::post, "/organisatie/{id}/sleutels", kNeed,
          [site](const Visit& visit) { return site->Create(visit); });
  AddPage(router, beast_http::verb::post, "/organisatie/{id}/sleutels/{key}/intrekken", kNeed,
          [site](const Visit& visit) { return site->Revoke(visit); });
}

}  // namespace knooppunt::web
