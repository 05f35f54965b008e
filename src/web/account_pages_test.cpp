// The account's export (/account/export): everything Knooppunt keeps about the person, also
// from supply and demand, and nothing of other people.
#include "web/account_pages.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "domain/uuid.h"
#include "web/keeper_pages_testing.h"

namespace knooppunt::web {
namespace {

namespace json = boost::json;
using domain::Role;

class AccountPages : public testing::KeeperPages {};

TEST_F(AccountPages, TheExportHoldsTheProfilePostingsMatchesAndOwnMessages) {
  std::string person = AccountWith("persoon@example.org", {Role::kVolunteer, ""});
  std::string other = AccountWith("ander@example.org", {Role::kVolunteer, ""});
  store::PostingStore& exchange = map_.store().postings();
  ASSERT_TRUE(exchange
                  .SaveProfile({.account_id = person,
                                .consent_at = "2026-11-01T10:00:00.000Z",
                                .languages = {{"ti", ""}, {"nl", "A2"}},
                                .place_name = "Delft",
                                .gender = "woman"})
                  .ok());
  ASSERT_TRUE(exchange
                  .CreatePosting({.id = domain::RandomUuid(),
                                  .kind = "buddy",
                                  .side = "request",
                                  .author_id = person,
                                  .title = "Maatje gezocht"})
                  .ok());
  std::string posting = domain::RandomUuid();
  ASSERT_TRUE(exchange
                  .CreatePosting({.id = posting,
                                  .kind = "volunteer_work",
                                  .side = "offer",
                                  .status = "open",
                                  .author_id = other,
                                  .title = "Koken in het buurthuis"})
                  .ok());
  std::string match = domain::RandomUuid();
  ASSERT_TRUE(exchange
                  .AddMatch({.id = match,
                             .posting_id = posting,
                             .person_id = person,
                             .status = "active",
                             .expires_at = "2026-12-01T00:00:00.000Z"})
                  .ok());
  ASSERT_TRUE(exchange
                  .AddMessage({.id = domain::RandomUuid(),
                               .match_id = match,
                               .sender_id = person,
                               .body = "Zaterdag kan ik."})
                  .ok());
  ASSERT_TRUE(exchange
                  .AddMessage({.id = domain::RandomUuid(),
                               .match_id = match,
                               .sender_id = other,
                               .body = "Geheim van de ander"})
                  .ok());

  http::Response exported = Get("/account/export", SessionOf(person));
  ASSERT_EQ(exported.message.result_int(), 200);
  json::object data = json::parse(exported.message.body()).as_object();
  EXPECT_EQ(data.at("profile").at("place_name").as_string(), "Delft");
  EXPECT_EQ(data.at("profile").at("gender").as_string(), "woman");
  EXPECT_EQ(data.at("profile").at("languages").as_array().size(), 2u);
  ASSERT_EQ(data.at("postings").as_array().size(), 1u) << "only the person's own postings";
  EXPECT_EQ(data.at("postings").as_array()[0].at("title").as_string(), "Maatje gezocht");
  ASSERT_EQ(data.at("matches").as_array().size(), 1u);
  EXPECT_EQ(data.at("matches").as_array()[0].at("status").as_string(), "active");
  ASSERT_EQ(data.at("messages").as_array().size(), 1u);
  EXPECT_EQ(data.at("messages").as_array()[0].at("body").as_string(), "Zaterdag kan ik.");
  EXPECT_EQ(exported.message.body().find("Geheim van de ander"), std::string::npos);

  // Someone without any of it gets empty lists and no profile.
  http::Response empty = Get("/account/export", SessionOf(AccountWith("leeg@example.org",
                                                                      {Role::kVolunteer, ""})));
  json::object none = json::parse(empty.message.body()).as_object();
  EXPECT_TRUE(none.at("profile").is_null());
  EXPECT_TRUE(none.at("postings").as_array().empty());
  EXPECT_TRUE(none.at("matches").as_array().empty());
}

}  // namespace
}  // namespace knooppunt::web
