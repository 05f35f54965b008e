// Every route of the whole site × every role (and anonymous), compared with the committed matrix
// src/app/permission_matrix.txt. A request counts as refused when the permission check answers
// it (401, 403, or a redirect to sign in or to the second factor); anything else (a page, a 400
// for an empty form, a 404 for an unknown id) went past the check. When the site changes on
// purpose, the failure message prints the new matrix to commit.
#include "app/site.h"

#include "domain/places.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "accounts/accounts.h"
#include "accounts/accounts_testing.h"
#include "accounts/token.h"
#include "domain/time.h"
#include "exchange/exchange.h"
#include "exchange/notifier_testing.h"
#include "http/metrics.h"
#include "http/router.h"
#include "search/search_index.h"
#include "search/search_testing.h"
#include "web/i18n.h"

namespace knooppunt::app {
namespace {

namespace beast_http = boost::beast::http;
using search::testing::OrganizationId;
using search::testing::OrganizationSpec;
using search::testing::ServiceId;
using search::testing::ServiceSpec;

constexpr char kCsrf[] = "00000000-0000-4000-8000-000000000000";

struct Who {
  std::string name;  // "anonymous" or a role name
  std::string cookie;
};

class Site {
 public:
  Site() {
    Restore();
    auto index = search::SearchIndex::Open(map_.store(), {.path = map_.index_path()});
    EXPECT_TRUE(index.ok());
    index_ = std::move(*index);
    accounts_ = std::make_unique<accounts::Accounts>(
        map_.store(),
        accounts::AccountsOptions{.password = accounts::FastPasswordOptionsForTests()});
    exchange_ = std::make_unique<exchange::Exchange>(map_.store(), match::Weights{},
                                                     exchange::ExchangeOptions{}, notifier_);
    BuildSite(
        router_,
        {.store = map_.store(),
         .index = *index_,
         .accounts = *accounts_,
         .exchange = *exchange_,
         .metrics = metrics_,
         .places = places_},
        "http://localhost:8080");
  }

  // The records every route is tried on; written again after each request, since an allowed
  // DELETE removes them for real.
  void Restore() {
    map_.Add(OrganizationSpec{.key = "a", .name = "Stichting A"});
    map_.Add(ServiceSpec{.key = "s", .organization = "a", .name = "Taalcafé"});
  }

  // A new signed-in session (past the second factor) of the account with `role`.
  std::string SessionOf(domain::Role role) {
    std::string& id = account_ids_[role];
    if (id.empty()) {
      std::string scope;
      if (domain::ScopeOf(role) == domain::ScopeKind::kOrganization) scope = OrganizationId("a");
      if (domain::ScopeOf(role) == domain::ScopeKind::kRegion) scope = "Groningen";
      std::string email = std::string(domain::RoleName(role)) + "@example.org";
      auto created = accounts_->CreateVerified(email, "een lang genoeg wachtwoord", {role, scope});
      EXPECT_TRUE(created.ok()) << created.error().message;
      if (created.ok()) id = *created;
    }
    std::string token = accounts::testing::StartSession(map_.store(), id);
    return "sessie=" + token;
  }

  http::Response Send(beast_http::verb method, const std::string& target,
                      const std::string& cookie) const {
    http::Request request(method, target, 11);
    request.set(beast_http::field::cookie,
                "taal=nl; csrf=" + std::string(kCsrf) + (cookie.empty() ? "" : "; " + cookie));
    if (method != beast_http::verb::get) {
      // Pages read the token from the form, the JSON API from this header.
      request.set("X-CSRF-Token", kCsrf);
      request.set(beast_http::field::content_type, "application/x-www-form-urlencoded");
      request.body() = "csrf=" + std::string(kCsrf);
      request.prepare_payload();
    }
    return router_.Handle(request, nullptr, "192.0.2.7");
  }

  const http::Router& router() const { return router_; }

 private:
  search::testing::TestMap map_;
  std::unique_ptr<search::SearchIndex> index_;
  std::unique_ptr<accounts::Accounts> accounts_;
  exchange::testing::RecordingNotifier notifier_;
  std::unique_ptr<exchange::Exchange> exchange_;
  http::Metrics metrics_;
  domain::Gazetteer places_;
  http::Router router_;
  std::map<domain::Role, std::string> account_ids_;
};

// A path for a pattern: captures filled with ids that exist where it matters.
std::string Fill(const std::string& pattern) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] != '{') {
      out += pattern[i++];
      continue;
    }
    size_t end = pattern.find('}', i);
    std::string name = pattern.substr(i + 1, end - i - 1);
    if (name == "slug") {
      out += "voedsel";
    } else if (pattern.find("organi") != std::string::npos) {
      out += OrganizationId("a");
    } else {
      out += ServiceId("s");
    }
    i = end + 1;
  }
  return out;
}

bool Refused(const http::Response& response) {
  unsigned status = response.message.result_int();
  if (status == 401 || status == 403) return true;
  if (status == 303 || status == 302) {
    std::string_view location = response.message[beast_http::field::location];
    return location.find("/inloggen?terug=") != std::string_view::npos ||
           location.find("/account/tweestaps") != std::string_view::npos;
  }
  return false;
}

bool IsLanguagePrefixed(const std::string& pattern) {
  for (const web::Language& language : web::Languages()) {
    if (!language.prefix().empty() &&
        (pattern == language.prefix() || pattern.starts_with(language.prefix() + "/"))) {
      return true;
    }
  }
  return false;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(PermissionMatrix, EveryRouteAndRoleAnswersAsCommitted) {
  Site site;
  std::vector<std::string> roles_line = {"anonymous"};
  for (domain::Role role : domain::AllRoles()) roles_line.emplace_back(domain::RoleName(role));

  std::ostringstream table;
  table << "# Generated by PermissionMatrix.EveryRouteAndRoleAnswersAsCommitted (site_test.cpp).\n"
        << "# METHOD PATTERN NEED: then per column ";
  for (size_t i = 0; i < roles_line.size(); ++i) table << (i ? " " : "") << roles_line[i];
  table
      << "\n# y = past the permission check, - = refused (401/403/sent to sign in); * = a prefix.\n"
      << "# Routes under a language prefix (/en, /ar, ...) must match their Dutch route.\n";

  std::map<std::string, domain::Permission> dutch_needs;
  for (const http::RouteInfo& route : site.router().Routes()) {
    if (IsLanguagePrefixed(route.pattern)) continue;
    dutch_needs[std::string(beast_http::to_string(route.method)) + " " + route.pattern] =
        route.need;
  }
  for (const http::RouteInfo& route : site.router().Routes()) {
    std::string method(beast_http::to_string(route.method));
    if (IsLanguagePrefixed(route.pattern)) {
      // The same page in another language asks for the same permission.
      size_t slash = route.pattern.find('/', 1);
      std::string pattern = slash == std::string::npos ? "/" : route.pattern.substr(slash);
      auto dutch = dutch_needs.find(method + " " + pattern);
      if (dutch != dutch_needs.end()) {
        EXPECT_EQ(dutch->second, route.need) << method << " " << route.pattern;
      }
      continue;
    }
    std::string target = Fill(route.pattern) + (route.is_prefix ? "x" : "");
    table << method << " " << route.pattern << (route.is_prefix ? "*" : "") << " "
          << domain::PermissionName(route.need) << ":";
    // Each (route, role) gets a fresh session: a sign-out must not end the next one's.
    for (const std::string& name : roles_line) {
      std::string cookie;
      if (name != "anonymous") cookie = site.SessionOf(*domain::ParseRole(name));
      http::Response response = site.Send(route.method, target, cookie);
      table << " " << (Refused(response) ? "-" : "y");
      site.Restore();
    }
    table << "\n";
  }
  const char* source = std::getenv("KNOOPPUNT_SOURCE_DIR");
  ASSERT_NE(source, nullptr);
  std::string committed = ReadFile(std::string(source) + "/src/app/permission_matrix.txt");
  EXPECT_EQ(table.str(), committed) << "The site answers differently from the committed matrix. "
                                       "If that is intended, commit this as "
                                       "src/app/permission_matrix.txt:\n"
                                    << table.str();
}

}  // namespace
}  // namespace knooppunt::app
