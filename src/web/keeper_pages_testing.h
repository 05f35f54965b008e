// For tests only: the fixture of the keepers' pages (organisation, members, admin), through the
// router without sockets, with the permission check, the session authenticator and the refusal
// answers installed as the program does; a small map with organisations "a" (region
// Haaglanden, service "s") and "b" (region Groningen); accounts made per e-mail address.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/accounts_testing.h"
#include "domain/model.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "http/router.h"
#include "search/search_index.h"
#include "search/search_testing.h"
#include "store/store.h"
#include "web/account_pages.h"
#include "web/admin_pages.h"
#include "web/member_pages.h"
#include "web/organization_pages.h"
#include "web/page.h"
#include "web/page_testing.h"
#include "web/web_pages.h"

namespace knooppunt::web::testing {

namespace beast_http = boost::beast::http;
using domain::Record;
using domain::Role;
using domain::Table;
using search::testing::OrganizationId;
using search::testing::OrganizationSpec;
using search::testing::ServiceId;
using search::testing::ServiceSpec;

inline constexpr char kHostile[] = "<script>alert(1)</script>";

// A location of the organisation with an address in `region` (HSDS address.region), which is
// what puts the organisation in a help desk's scope.
inline std::vector<Record> AddressIn(const std::string& organization, const std::string& region) {
  std::string location = domain::NameUuid("location:" + organization);
  return {Record(Table::kLocation)
              .With("id", location)
              .With("location_type", "physical")
              .With("organization_id", OrganizationId(organization))
              .With("latitude", "52.07")
              .With("longitude", "4.30"),
          Record(Table::kAddress)
              .With("id", domain::NameUuid("address:" + organization))
              .With("location_id", location)
              .With("address_1", "Hoofdstraat 1")
              .With("city", "Den Haag")
              .With("region", region)
              .With("state_province", "Zuid-Holland")
              .With("postal_code", "2500 AA")
              .With("country", "NL")
              .With("address_type", "physical")};
}

// `text` with its %XX escapes decoded (the test's own targets are plain ASCII).
inline std::string Decoded(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

inline std::string Today() { return domain::FormatUtc(domain::Now()).substr(0, 10); }

inline bool Contains(const http::Response& response, std::string_view text) {
  return response.message.body().find(text) != std::string::npos;
}

inline std::string Location(const http::Response& response) {
  return std::string(response.message[beast_http::field::location]);
}

// Where a browser goes for a redirect: the location without its #fragment.
inline std::string Followed(const http::Response& response) {
  std::string location = Location(response);
  return location.substr(0, location.find('#'));
}

class KeeperPages : public ::testing::Test {
 protected:
  void SetUp() override {
    map_.Add(OrganizationSpec{.key = "a", .name = "Stichting Anker"});
    map_.Write(AddressIn("a", "Haaglanden"));
    map_.Add(ServiceSpec{.key = "s", .organization = "a", .name = "Taalcafé"});
    map_.Add(OrganizationSpec{.key = "b", .name = "Vereniging Borg"});
    map_.Write(AddressIn("b", "Groningen"));
    auto index = search::SearchIndex::Open(map_.store(), {.path = map_.index_path()});
    ASSERT_TRUE(index.ok()) << index.error().message;
    index_ = std::move(*index);
    accounts_ = std::make_unique<accounts::Accounts>(
        map_.store(),
        accounts::AccountsOptions{.password = accounts::FastPasswordOptionsForTests()});
    AddWebRoutes(router_, map_.store(), *index_, {});
    AddAccountRoutes(router_, map_.store(), *accounts_, {});
    AddOrganizationRoutes(router_, map_.store(), *index_, "http://localhost:8080");
    AddMemberRoutes(router_, map_.store(), *accounts_, "http://localhost:8080");
    AddAdminRoutes(router_, map_.store(), "http://localhost:8080");
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

  // The cookie of a new session of the account, past the second factor.
  std::string SessionOf(const std::string& account_id) {
    return std::string(kSessionCookie) + "=" +
           accounts::testing::StartSession(map_.store(), account_id);
  }

  std::string AdminOf(const std::string& organization) {
    return SessionOf(AccountWith("admin-" + organization + "@example.org",
                                 {Role::kOrganizationAdmin, OrganizationId(organization)}));
  }
  std::string VolunteerId() {
    return AccountWith("vrijwilliger@example.org", {Role::kVolunteer, ""});
  }
  std::string Volunteer() { return SessionOf(VolunteerId()); }
  std::string HelpDesk(const std::string& region) {
    return SessionOf(AccountWith("loket-" + region + "@example.org", {Role::kHelpDesk, region}));
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

  http::Response Edit(const std::string& organization, const std::string& body,
                      const std::string& session) {
    return Post("/organisatie/" + OrganizationId(organization) + "/bewerken", body, session);
  }

  Record Stored(const std::string& organization) {
    auto record = map_.store().Get(Table::kOrganization, OrganizationId(organization));
    EXPECT_TRUE(record.ok() && record->has_value());
    return record.ok() && record->has_value() ? **record : Record(Table::kOrganization);
  }

  std::string StoredField(const std::string& organization, std::string_view field) {
    Record record = Stored(organization);
    return record.Get(field).value_or("");
  }

  // The organisation's last-verified date; empty when it has none.
  std::string LastVerified(const std::string& organization) {
    auto attributes =
        map_.store().FindBy(Table::kAttribute, "link_id", OrganizationId(organization));
    EXPECT_TRUE(attributes.ok());
    if (!attributes.ok()) return "";
    for (const Record& attribute : *attributes) {
      if (attribute.Get("taxonomy_term_id") == domain::LastVerifiedTermId()) {
        return attribute.Get("value").value_or("");
      }
    }
    return "";
  }

  std::vector<store::OrganizationRequest> RequestsOf(const std::string& account_id) {
    auto requests = map_.store().accounts().RequestsOf(account_id);
    EXPECT_TRUE(requests.ok());
    return requests.ok() ? *requests : std::vector<store::OrganizationRequest>();
  }

  std::vector<domain::Grant> GrantsOf(const std::string& account_id) {
    auto account = map_.store().accounts().AccountById(account_id);
    EXPECT_TRUE(account.ok() && account->has_value());
    return account.ok() && account->has_value() ? (*account)->grants : std::vector<domain::Grant>();
  }

  bool FindsOrganization(const std::string& text, const std::string& organization) {
    auto found = index_->Search({.target = search::Target::kOrganizations, .text = text});
    EXPECT_TRUE(found.ok());
    if (!found.ok()) return false;
    return std::any_of(found->hits.begin(), found->hits.end(), [&](const search::Hit& hit) {
      return hit.id == OrganizationId(organization);
    });
  }

  // The id of the volunteer's one claim on the organisation (after claiming it).
  std::string ClaimOf(const std::string& organization) {
    EXPECT_EQ(Post("/organisatie/" + OrganizationId(organization) + "/claimen", "", Volunteer())
                  .message.result_int(),
              303);
    for (const store::OrganizationRequest& request : RequestsOf(VolunteerId())) {
      if (request.organization_id == OrganizationId(organization)) return request.id;
    }
    ADD_FAILURE() << "no claim on " << organization;
    return "";
  }

  search::testing::TestMap map_;
  std::unique_ptr<search::SearchIndex> index_;
  std::unique_ptr<accounts::Accounts> accounts_;
  http::Router router_;
  std::map<std::string, std::string> account_ids_;
};

}  // namespace knooppunt::web::testing
