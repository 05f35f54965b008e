// An organisation's API keys, through the router (no sockets) with the permission check, the
// session authenticator and the refusal answers installed as the program does: a key is shown
// once and stored only as its hash, works until revoked, and only the organisation's admins may
// make or revoke keys of that organisation.
#include "web/api_key_pages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/accounts_testing.h"
#include "accounts/token.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "http/router.h"
#include "search/search_testing.h"
#include "store/store.h"
#include "web/account_pages.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/page_testing.h"
#include "web/texts.h"

namespace knooppunt::web {
namespace {

namespace beast_http = boost::beast::http;
using domain::Role;
using search::testing::OrganizationId;
using search::testing::OrganizationSpec;

using testing::kCsrf;
constexpr char kHostile[] = "<script>alert(1)</script>";
constexpr char kShownKeyStart[] = "<code dir=\"ltr\" translate=\"no\">";

bool Contains(const http::Response& response, std::string_view text) {
  return response.message.body().find(text) != std::string::npos;
}

std::string Location(const http::Response& response) {
  return std::string(response.message[beast_http::field::location]);
}

std::string Today() { return domain::FormatUtc(domain::Now()).substr(0, 10); }

// The key a page shows once; empty when it shows none.
std::string ShownKey(const http::Response& response) {
  const std::string& body = response.message.body();
  size_t start = body.find(kShownKeyStart);
  if (start == std::string::npos) return "";
  start += std::string_view(kShownKeyStart).size();
  size_t end = body.find("</code>", start);
  return end == std::string::npos ? "" : body.substr(start, end - start);
}

class ApiKeyPages : public ::testing::Test {
 protected:
  void SetUp() override {
    map_.Add(OrganizationSpec{.key = "a", .name = "Stichting Anker"});
    map_.Add(OrganizationSpec{.key = "b", .name = "Vereniging Borg"});
    accounts_ = std::make_unique<accounts::Accounts>(
        map_.store(),
        accounts::AccountsOptions{.password = accounts::FastPasswordOptionsForTests()});
    AddAccountRoutes(router_, map_.store(), *accounts_, {});
    AddApiKeyRoutes(router_, map_.store(), "http://localhost:8080");
    accounts::Accounts& accounts = *accounts_;
    router_.Authenticate([&accounts](const http::Request& request) -> Result<domain::Actor> {
      std::string session = Cookie(request, kSessionCookie);
      if (session.empty()) return domain::Actor{};
      return accounts.Authenticate(session);
    });
  }

  // An account holding `grant`, made once per e-mail address.
  std::string AccountWith(const std::string& email, const domain::Grant& grant) {
    std::string& id = account_ids_[email];
    if (id.empty()) {
      auto created = accounts_->CreateVerified(email, "een lang genoeg wachtwoord", grant);
      EXPECT_TRUE(created.ok()) << created.error().message;
      if (created.ok()) id = *created;
    }
    return id;
  }

  // The cookie of a new session of the account, with or without the second factor.
  std::string SessionOf(const std::string& account_id, bool second_factor = true) {
    return std::string(kSessionCookie) + "=" +
           accounts::testing::StartSession(map_.store(), account_id, second_factor);
  }

  std::string AdminOf(const std::string& organization) {
    return SessionOf(AccountWith("admin-" + organization + "@example.org",
                                 {Role::kOrganizationAdmin, OrganizationId(organization)}));
  }
  std::string MemberOf(const std::string& organization) {
    return SessionOf(AccountWith("lid-" + organization + "@example.org",
                                 {Role::kOrganizationMember, OrganizationId(organization)}));
  }
  std::string Volunteer() {
    return SessionOf(AccountWith("vrijwilliger@example.org", {Role::kVolunteer, ""}));
  }

  http::Response Get(const std::string& target, const std::string& session = "") {
    return testing::GetPage(router_, target, session);
  }

  // A form post with `body` as it is (no csrf field added) and the csrf cookie `csrf_cookie`.
  http::Response PostRaw(const std::string& target, const std::string& body,
                         const std::string& session, const std::string& csrf_cookie = kCsrf) {
    return testing::PostRawForm(router_, target, body, session, csrf_cookie);
  }

  // A form post with the matching csrf field and cookie.
  http::Response Post(const std::string& target, const std::string& body,
                      const std::string& session) {
    return testing::PostForm(router_, target, body, session);
  }

  static std::string KeysPage(const std::string& organization) {
    return "/organisatie/" + OrganizationId(organization) + "/sleutels";
  }

  static std::string RevokeAddress(const std::string& organization, const std::string& key_id) {
    return KeysPage(organization) + "/" + key_id + "/intrekken";
  }

  // Makes a key of the organisation through its page as its admin. Success: the key shown.
  std::string MakeKey(const std::string& organization, const std::string& label = "Website") {
    http::Response made = Post(KeysPage(organization), "naam=" + label, AdminOf(organization));
    EXPECT_EQ(made.message.result_int(), 200);
    return ShownKey(made);
  }

  std::vector<store::ApiKey> KeysOf(const std::string& organization) {
    auto keys = map_.store().accounts().ApiKeysOf(OrganizationId(organization));
    EXPECT_TRUE(keys.ok());
    return keys.ok() ? *keys : std::vector<store::ApiKey>();
  }

  // The id of the organisation's key that `shown` is.
  std::string IdOf(const std::string& organization, const std::string& shown) {
    for (const store::ApiKey& key : KeysOf(organization)) {
      if (key.key_hash == accounts::HashToken(shown)) return key.id;
    }
    ADD_FAILURE() << "no key of " << organization << " with this hash";
    return "";
  }

  bool Works(const std::string& shown) { return accounts_->AuthenticateKey(shown).ok(); }

  bool Audited(std::string_view action, std::string_view actor, std::string_view target) {
    auto log = map_.store().accounts().AuditLog(0, 1000);
    EXPECT_TRUE(log.ok());
    return log.ok() && std::any_of(log->begin(), log->end(), [&](const store::AuditEntry& entry) {
             return entry.action == action && entry.actor_id == actor &&
                    entry.target_table == "api_key" && entry.target_id == target;
           });
  }

  // Every byte the database holds on disk: the file and its journal files.
  std::string DatabaseBytes() {
    std::filesystem::path file = map_.options().database.substr(std::string("sqlite:").size());
    std::string bytes;
    for (const auto& entry : std::filesystem::directory_iterator(file.parent_path())) {
      if (!entry.path().filename().string().starts_with(file.filename().string())) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
  }

  search::testing::TestMap map_;
  std::unique_ptr<accounts::Accounts> accounts_;
  http::Router router_;
  std::map<std::string, std::string> account_ids_;
};

TEST_F(ApiKeyPages, AnAdminsNewKeyIsShownOnceAndStoredOnlyAsItsHash) {
  std::string admin = AdminOf("a");
  std::string admin_id = account_ids_["admin-a@example.org"];
  http::Response empty = Get(KeysPage("a"), admin);
  EXPECT_EQ(empty.message.result_int(), 200);
  EXPECT_TRUE(Contains(empty, "Er zijn nog geen sleutels."));
  EXPECT_TRUE(Contains(empty, "werkt als een wachtwoord"));

  http::Response made = Post(KeysPage("a"), "naam=Ledenlijst", admin);
  EXPECT_EQ(made.message.result_int(), 200);
  EXPECT_EQ(made.message[beast_http::field::cache_control], "no-store");
  std::string shown = ShownKey(made);
  ASSERT_TRUE(accounts::LooksLikeToken(shown)) << shown;
  EXPECT_TRUE(Contains(made, "Kopieer de sleutel nu"));

  std::vector<store::ApiKey> keys = KeysOf("a");
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].key_hash, accounts::HashToken(shown));
  EXPECT_EQ(keys[0].label, "Ledenlijst");
  EXPECT_EQ(keys[0].created_by, admin_id);
  EXPECT_FALSE(keys[0].revoked_at.has_value());
  std::string database = DatabaseBytes();
  EXPECT_NE(database.find(accounts::HashToken(shown)), std::string::npos);
  EXPECT_EQ(database.find(shown), std::string::npos);
  EXPECT_TRUE(Audited("api_key.create", admin_id, keys[0].id));

  auto actor = accounts_->AuthenticateKey(shown);
  ASSERT_TRUE(actor.ok()) << actor.error().message;
  EXPECT_EQ(actor->api_key_id, keys[0].id);
  EXPECT_EQ(actor->api_key_organization, OrganizationId("a"));
  EXPECT_EQ(domain::Allows(*actor, domain::Permission::kEditOrganization,
                           {.organization_id = OrganizationId("a")}),
            domain::Decision::kAllowed);

  // Shown once: the page lists the key by its name and date, never the key itself.
  http::Response later = Get(KeysPage("a"), admin);
  EXPECT_EQ(later.message.result_int(), 200);
  EXPECT_FALSE(Contains(later, shown));
  EXPECT_EQ(ShownKey(later), "");
  EXPECT_TRUE(Contains(later, ">Ledenlijst</h3>"));
  EXPECT_TRUE(Contains(later, "<dd>" + Dutch().Date(Today()) + "</dd>"));
  EXPECT_TRUE(Contains(later, "action=\"" + RevokeAddress("a", keys[0].id) + "\""));
}

TEST_F(ApiKeyPages, ARevokedKeyStopsWorkingAndIsShownRevoked) {
  std::string shown = MakeKey("a");
  std::string id = IdOf("a", shown);
  ASSERT_TRUE(Works(shown));
  std::string admin = AdminOf("a");
  http::Response revoked = Post(RevokeAddress("a", id), "", admin);
  EXPECT_EQ(revoked.message.result_int(), 303);
  EXPECT_EQ(Location(revoked), KeysPage("a") + "?ingetrokken=1");

  auto actor = accounts_->AuthenticateKey(shown);
  ASSERT_FALSE(actor.ok());
  EXPECT_EQ(actor.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(KeysOf("a")[0].revoked_at.value_or("").substr(0, 10), Today());
  EXPECT_TRUE(Audited("api_key.revoke", account_ids_["admin-a@example.org"], id));

  http::Response page = Get(Location(revoked), admin);
  EXPECT_EQ(page.message.result_int(), 200);
  EXPECT_TRUE(Contains(page, "De sleutel is ingetrokken. Hij werkt niet meer."));
  EXPECT_TRUE(Contains(page, "<dt>Ingetrokken op</dt><dd>" + Dutch().Date(Today()) + "</dd>"));
  EXPECT_FALSE(Contains(page, RevokeAddress("a", id)));
}

TEST_F(ApiKeyPages, OnlyTheOrganizationsAdminsMayManageItsKeys) {
  std::string shown = MakeKey("a");
  std::string id = IdOf("a", shown);
  // Editing a's listing and managing b's keys is not managing a's keys.
  std::string both =
      AccountWith("lid-a-beheer-b@example.org", {Role::kOrganizationMember, OrganizationId("a")});
  ASSERT_TRUE(
      map_.store().accounts().AddGrant(both, {Role::kOrganizationAdmin, OrganizationId("b")}).ok());
  for (const std::string& session : {MemberOf("a"), AdminOf("b"), Volunteer(), SessionOf(both)}) {
    EXPECT_EQ(Get(KeysPage("a"), session).message.result_int(), 403) << session;
    EXPECT_EQ(Post(KeysPage("a"), "naam=Overgenomen", session).message.result_int(), 403)
        << session;
    EXPECT_EQ(Post(RevokeAddress("a", id), "", session).message.result_int(), 403) << session;
  }
  EXPECT_EQ(KeysOf("a").size(), 1u);
  EXPECT_TRUE(Works(shown));
}

TEST_F(ApiKeyPages, AnonymousVisitorsAreSentToSignIn) {
  http::Response page = Get(KeysPage("a"));
  EXPECT_EQ(page.message.result_int(), 303);
  EXPECT_EQ(Location(page), "/inloggen?terug=" + Encode(KeysPage("a")));
  http::Response made = Post(KeysPage("a"), "naam=Website", "");
  EXPECT_EQ(made.message.result_int(), 303);
  EXPECT_TRUE(Location(made).starts_with("/inloggen?terug=")) << Location(made);
  EXPECT_TRUE(KeysOf("a").empty());
}

TEST_F(ApiKeyPages, APlatformAdminNeedsTheSecondFactor) {
  std::string id = AccountWith("beheer@example.org", {Role::kPlatformAdmin, ""});
  http::Response page = Get(KeysPage("a"), SessionOf(id, false));
  EXPECT_EQ(page.message.result_int(), 303);
  EXPECT_EQ(Location(page), "/account/tweestaps");
  EXPECT_EQ(Post(KeysPage("a"), "naam=Website", SessionOf(id, false)).message.result_int(), 303);
  EXPECT_TRUE(KeysOf("a").empty());
  EXPECT_EQ(Get(KeysPage("a"), SessionOf(id, true)).message.result_int(), 200);
}

TEST_F(ApiKeyPages, FormsWithoutTheRightCsrfTokenAreRefusedAndChangeNothing) {
  std::string shown = MakeKey("a");
  std::string id = IdOf("a", shown);
  std::string admin = AdminOf("a");
  EXPECT_EQ(PostRaw(KeysPage("a"), "naam=X&csrf=11111111-1111-4111-8111-111111111111", admin)
                .message.result_int(),
            403);
  EXPECT_EQ(PostRaw(KeysPage("a"), "naam=X", admin).message.result_int(), 403);  // no field
  EXPECT_EQ(
      PostRaw(KeysPage("a"), "naam=X&csrf=" + std::string(kCsrf), admin, "").message.result_int(),
      403);  // no cookie
  EXPECT_EQ(PostRaw(RevokeAddress("a", id), "", admin).message.result_int(), 403);
  EXPECT_EQ(KeysOf("a").size(), 1u);
  EXPECT_TRUE(Works(shown));
}

TEST_F(ApiKeyPages, EmptyOrTooLongNamesAreShownNextToTheFieldWithInputKept) {
  std::string admin = AdminOf("a");
  http::Response empty = Post(KeysPage("a"), "naam=+++", admin);
  EXPECT_EQ(empty.message.result_int(), 400);
  EXPECT_TRUE(Contains(empty, "id=\"naam-fout\">Geef de sleutel een naam."));
  EXPECT_TRUE(Contains(empty, "aria-invalid=\"true\""));
  EXPECT_EQ(ShownKey(empty), "");

  std::string long_name;
  for (int i = 0; i < 101; ++i) long_name += "\xC3\xA9";  // é: 101 code points
  http::Response too_long = Post(KeysPage("a"), "naam=" + Encode(long_name), admin);
  EXPECT_EQ(too_long.message.result_int(), 400);
  EXPECT_TRUE(Contains(too_long, "id=\"naam-fout\">Deze tekst is te lang."));
  EXPECT_TRUE(Contains(too_long, "value=\"" + long_name + "\""));
  EXPECT_EQ(ShownKey(too_long), "");
  EXPECT_TRUE(KeysOf("a").empty());

  // 100 code points (200 bytes) fit.
  http::Response fits = Post(KeysPage("a"), "naam=" + Encode(long_name.substr(2)), admin);
  EXPECT_EQ(fits.message.result_int(), 200);
  EXPECT_EQ(KeysOf("a").size(), 1u);
}

TEST_F(ApiKeyPages, RevokingAnotherOrganizationsKeyThroughThisAddressIsNotFound) {
  std::string shown = MakeKey("a");
  std::string id = IdOf("a", shown);
  std::string other = AdminOf("b");
  EXPECT_EQ(Post(RevokeAddress("b", id), "", other).message.result_int(), 404);
  EXPECT_EQ(Post(RevokeAddress("b", "not-a-uuid"), "", other).message.result_int(), 404);
  EXPECT_EQ(
      Post(RevokeAddress("b", domain::NameUuid("api-key:nothing")), "", other).message.result_int(),
      404);
  EXPECT_TRUE(Works(shown));
  EXPECT_FALSE(KeysOf("a")[0].revoked_at.has_value());
}

TEST_F(ApiKeyPages, UnknownOrMalformedOrganizationsAreNotFound) {
  std::string admin = AdminOf("a");
  for (const std::string& id : {OrganizationId("nothing"), std::string("not-a-uuid")}) {
    EXPECT_EQ(Get("/organisatie/" + id + "/sleutels", admin).message.result_int(), 404) << id;
    EXPECT_EQ(Post("/organisatie/" + id + "/sleutels", "naam=X", admin).message.result_int(), 404)
        << id;
  }
}

TEST_F(ApiKeyPages, TheArabicPageIsRightToLeftAndTranslated) {
  const Language* arabic = FindLanguage("ar");
  ASSERT_NE(arabic, nullptr);
  std::string title = arabic->Translate(Msgid("API_KEYS_TITLE"));
  ASSERT_NE(title, Msgid("API_KEYS_TITLE"));
  std::string admin = AdminOf("a");
  http::Response page = Get("/ar" + KeysPage("a"), admin);
  EXPECT_EQ(page.message.result_int(), 200);
  EXPECT_TRUE(Contains(page, "<html lang=\"ar\" dir=\"rtl\""));
  EXPECT_TRUE(Contains(page, title));
  EXPECT_TRUE(Contains(page, arabic->Translate(Msgid("API_KEYS_PASSWORD"))));
  EXPECT_FALSE(Contains(page, Msgid("API_KEYS_PASSWORD")));
  EXPECT_TRUE(Contains(page, "action=\"/ar" + KeysPage("a") + "\""));

  // The key itself stays left to right in the right-to-left page.
  http::Response made = Post("/ar" + KeysPage("a"), "naam=Website", admin);
  EXPECT_EQ(made.message.result_int(), 200);
  EXPECT_TRUE(accounts::LooksLikeToken(ShownKey(made)));
  EXPECT_TRUE(Contains(made, arabic->Translate(Msgid("API_KEY_COPY_NOW"))));
}

TEST_F(ApiKeyPages, HostileNamesAreStoredAsTextAndRenderedEscaped) {
  std::string admin = AdminOf("a");
  http::Response made = Post(KeysPage("a"), "naam=%3Cscript%3Ealert(1)%3C%2Fscript%3E", admin);
  EXPECT_EQ(made.message.result_int(), 200);
  ASSERT_EQ(KeysOf("a").size(), 1u);
  EXPECT_EQ(KeysOf("a")[0].label, kHostile);
  for (const http::Response& page : {made, Get(KeysPage("a"), admin)}) {
    EXPECT_FALSE(Contains(page, kHostile));
    EXPECT_TRUE(Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  }
  // Kept in the field after an error, escaped there too.
  http::Response error = Post(KeysPage("a"), "naam=%22%3E" + std::string(120, 'x'), admin);
  EXPECT_EQ(error.message.result_int(), 400);
  EXPECT_FALSE(Contains(error, "value=\"\">"));
  EXPECT_TRUE(Contains(error, "value=\"&quot;&gt;xxx"));
}

}  // namespace
}  // namespace knooppunt::web
