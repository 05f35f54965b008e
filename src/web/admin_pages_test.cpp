// The audit log for platform admins: newest first in pages, CSV export, nobody else.
#include "web/admin_pages.h"

#include <gtest/gtest.h>

#include <string>

#include "web/keeper_pages_testing.h"

namespace knooppunt::web {
namespace {

using domain::Role;
using testing::Contains;

class AdminPages : public testing::KeeperPages {
 protected:
  std::string PlatformAdmin() {
    return SessionOf(AccountWith("platform@example.org", {Role::kPlatformAdmin, ""}));
  }
  void Log(const std::string& action) {
    ASSERT_TRUE(map_.store()
                    .accounts()
                    .Audit({.at = "2026-11-21T15:05:00.000Z",
                            .actor_id = "system",
                            .action = action,
                            .target_table = "organization",
                            .target_id = "0f0e0d0c-0000-4000-8000-000000000001"})
                    .ok());
  }
};

TEST_F(AdminPages, PlatformAdminsReadTheLogNewestFirstInAmsterdamTime) {
  Log("organization.first");
  Log("organization.second");
  http::Response page = Get("/beheer/logboek", PlatformAdmin());
  ASSERT_EQ(page.message.result_int(), 200);
  const std::string& body = page.message.body();
  size_t second = body.find("organization.second");
  size_t first = body.find("organization.first");
  ASSERT_NE(second, std::string::npos);
  ASSERT_NE(first, std::string::npos);
  EXPECT_LT(second, first);
  EXPECT_TRUE(Contains(page, "16:05")) << "15:05 UTC is 16:05 in Amsterdam in November";
  EXPECT_TRUE(Contains(page, "0f0e0d0c-0000-4000-8000-000000000001"));
}

TEST_F(AdminPages, TheLogComesInPages) {
  for (int i = 0; i < 55; ++i) Log("step." + std::to_string(i));
  std::string admin = PlatformAdmin();
  http::Response first = Get("/beheer/logboek", admin);
  ASSERT_EQ(first.message.result_int(), 200);
  EXPECT_TRUE(Contains(first, "step.54"));
  EXPECT_FALSE(Contains(first, "step.3<")) << "the oldest are on the next page";
  const std::string& body = first.message.body();
  size_t link = body.find("\"/beheer/logboek?voor=");
  ASSERT_NE(link, std::string::npos);
  std::string next = body.substr(link + 1, body.find('"', link + 1) - link - 1);
  http::Response older = Get(next, admin);
  ASSERT_EQ(older.message.result_int(), 200);
  EXPECT_TRUE(Contains(older, "step.0<"));
  EXPECT_FALSE(Contains(older, "step.54"));
  EXPECT_TRUE(Contains(first, "Oudere regels"));
  EXPECT_FALSE(Contains(older, "Oudere regels")) << "no page after the last";
  EXPECT_TRUE(Contains(older, "Nieuwste regels"));
  for (std::string bad : {"abc", "-1", "0", "1x", "99999999999999999999999"}) {
    EXPECT_EQ(Get("/beheer/logboek?voor=" + bad, admin).message.result_int(), 404) << bad;
  }
}

TEST_F(AdminPages, TheCsvExportHasEveryEntryAndDisarmsFormulas) {
  Log("organization.update");
  Log("=HYPERLINK(\"http://evil.example\")");
  http::Response csv = Get("/beheer/logboek.csv", PlatformAdmin());
  ASSERT_EQ(csv.message.result_int(), 200);
  EXPECT_EQ(csv.message[boost::beast::http::field::content_type], "text/csv; charset=utf-8");
  EXPECT_NE(std::string(csv.message[boost::beast::http::field::content_disposition])
                .find("attachment"),
            std::string::npos);
  const std::string& body = csv.message.body();
  EXPECT_EQ(body.substr(0, body.find("\r\n")), "seq,at,actor_id,action,target_table,target_id");
  EXPECT_NE(body.find("\"organization.update\""), std::string::npos);
  EXPECT_NE(body.find("\"'=HYPERLINK(\"\"http://evil.example\"\")\""), std::string::npos) << body;
  EXPECT_EQ(body.find(",\"=HYPERLINK"), std::string::npos);
}

TEST_F(AdminPages, NobodyButPlatformAdminsSeesTheLog) {
  Log("organization.update");
  for (const std::string& session :
       {AdminOf("a"), HelpDesk("Haaglanden"), Volunteer()}) {
    EXPECT_EQ(Get("/beheer/logboek", session).message.result_int(), 403);
    EXPECT_EQ(Get("/beheer/logboek.csv", session).message.result_int(), 403);
  }
  EXPECT_EQ(Get("/beheer/logboek.csv").message.result_int(), 303) << "signed out: sign in";
  // A platform admin without the second factor is sent to set it up first.
  std::string id = AccountWith("platform@example.org", {Role::kPlatformAdmin, ""});
  http::Response unverified = Get(
      "/beheer/logboek",
      std::string(kSessionCookie) + "=" + accounts::testing::StartSession(map_.store(), id, false));
  EXPECT_EQ(unverified.message.result_int(), 303);
}

}  // namespace
}  // namespace knooppunt::web
