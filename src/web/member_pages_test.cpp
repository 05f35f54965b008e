// Members and invitations: an organisation's admin invites someone by e-mail, the invitee
// accepts with the account of that address, admins take people off; nobody else may.
#include "web/member_pages.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/keeper_pages_testing.h"

namespace knooppunt::web {
namespace {

using domain::Role;
using search::testing::OrganizationId;
using testing::Contains;
using testing::Location;

class MemberPages : public testing::KeeperPages {
 protected:
  std::vector<store::OutboxMail> Mails() {
    auto mails = map_.store().accounts().DueMails("9999-12-31T00:00:00.000Z", 100);
    EXPECT_TRUE(mails.ok());
    return mails.ok() ? *mails : std::vector<store::OutboxMail>();
  }

  // The token in the one invitation mail to `address`; "" (and a failure) when there is none.
  std::string InviteTokenFor(const std::string& address) {
    std::string token;
    for (const store::OutboxMail& mail : Mails()) {
      if (mail.to_address != address) continue;
      size_t at = mail.body.find("/uitnodiging?sleutel=");
      EXPECT_NE(at, std::string::npos) << mail.body;
      if (at == std::string::npos) return "";
      at += std::string("/uitnodiging?sleutel=").size();
      token = mail.body.substr(at, mail.body.find_first_of("\r\n ", at) - at);
    }
    EXPECT_FALSE(token.empty()) << "no invitation to " << address;
    return token;
  }

  std::string Members(const std::string& organization) {
    return "/organisatie/" + OrganizationId(organization) + "/leden";
  }

  bool Holds(const std::string& account_id, Role role, const std::string& organization) {
    for (const domain::Grant& grant : GrantsOf(account_id)) {
      if (grant.role == role && grant.scope == OrganizationId(organization)) return true;
    }
    return false;
  }
};

TEST_F(MemberPages, AnInvitedPersonAcceptsAndBecomesAMember) {
  std::string admin = AdminOf("a");
  ASSERT_EQ(Get(Members("a") + "/uitnodigen", admin).message.result_int(), 200);
  http::Response sent =
      Post(Members("a") + "/uitnodigen", "email=Nieuw%40Example.org&rol=lid", admin);
  ASSERT_EQ(sent.message.result_int(), 303) << sent.message.body();
  EXPECT_EQ(Location(sent), Members("a") + "?verstuurd=1");
  std::vector<store::OutboxMail> mails = Mails();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to_address, "nieuw@example.org");
  EXPECT_NE(mails[0].subject.find("Stichting Anker"), std::string::npos) << mails[0].subject;
  std::string token = InviteTokenFor("nieuw@example.org");

  std::string invitee_id = AccountWith("nieuw@example.org", {Role::kVolunteer, ""});
  std::string invitee = SessionOf(invitee_id);
  http::Response page = Get("/uitnodiging?sleutel=" + token, invitee);
  ASSERT_EQ(page.message.result_int(), 200);
  EXPECT_TRUE(Contains(page, "Stichting Anker"));
  EXPECT_FALSE(Holds(invitee_id, Role::kOrganizationMember, "a")) << "looking is not accepting";

  http::Response accepted = Post("/uitnodiging", "sleutel=" + token, invitee);
  ASSERT_EQ(accepted.message.result_int(), 303) << accepted.message.body();
  EXPECT_EQ(Location(accepted), "/organisatie/" + OrganizationId("a") + "?welkom=1#beheer");
  EXPECT_TRUE(Holds(invitee_id, Role::kOrganizationMember, "a"));
  EXPECT_FALSE(Holds(invitee_id, Role::kOrganizationAdmin, "a"));
  EXPECT_TRUE(Contains(Get(Members("a"), admin), "nieuw@example.org"));
  // The link worked once.
  EXPECT_EQ(Post("/uitnodiging", "sleutel=" + token, invitee).message.result_int(), 400);
}

TEST_F(MemberPages, AnAdminInvitationMakesAnAdmin) {
  ASSERT_EQ(Post(Members("a") + "/uitnodigen", "email=tweede%40example.org&rol=beheerder",
                 AdminOf("a"))
                .message.result_int(),
            303);
  std::string id = AccountWith("tweede@example.org", {Role::kVolunteer, ""});
  ASSERT_EQ(Post("/uitnodiging", "sleutel=" + InviteTokenFor("tweede@example.org"), SessionOf(id))
                .message.result_int(),
            303);
  EXPECT_TRUE(Holds(id, Role::kOrganizationAdmin, "a"));
}

TEST_F(MemberPages, AnotherAccountCannotUseTheInvitation) {
  ASSERT_EQ(
      Post(Members("a") + "/uitnodigen", "email=nieuw%40example.org&rol=lid", AdminOf("a"))
          .message.result_int(),
      303);
  std::string token = InviteTokenFor("nieuw@example.org");
  std::string other_id = AccountWith("ander@example.org", {Role::kVolunteer, ""});
  http::Response refused = Post("/uitnodiging", "sleutel=" + token, SessionOf(other_id));
  EXPECT_EQ(refused.message.result_int(), 403);
  EXPECT_FALSE(Holds(other_id, Role::kOrganizationMember, "a"));
  // Still good for the right person.
  std::string right = AccountWith("nieuw@example.org", {Role::kVolunteer, ""});
  EXPECT_EQ(Post("/uitnodiging", "sleutel=" + token, SessionOf(right)).message.result_int(), 303);
}

TEST_F(MemberPages, OpeningAnInvitationSignedOutLeadsToSignInAndBack) {
  http::Response page = Get("/uitnodiging?sleutel=abc");
  ASSERT_EQ(page.message.result_int(), 303);
  EXPECT_NE(testing::Decoded(Location(page)).find("/inloggen?terug=/uitnodiging?sleutel=abc"),
            std::string::npos)
      << Location(page);
}

TEST_F(MemberPages, BrokenInvitationLinksSayWhatToDo) {
  std::string someone = SessionOf(AccountWith("iemand@example.org", {Role::kVolunteer, ""}));
  for (const std::string& target : std::vector<std::string>{"/uitnodiging", "/uitnodiging?sleutel=", "/uitnodiging?sleutel=%3Cx%3E",
                             "/uitnodiging?sleutel=" + std::string(43, 'A')}) {
    http::Response page = Get(target, someone);
    EXPECT_EQ(page.message.result_int(), 400) << target;
    EXPECT_TRUE(Contains(page, "Deze link werkt niet meer")) << target;
  }
  EXPECT_EQ(Post("/uitnodiging", "sleutel=", someone).message.result_int(), 400);
}

TEST_F(MemberPages, TheOrganizationPageLinksMembersForAdminsOnly) {
  std::string page = "/organisatie/" + OrganizationId("a");
  EXPECT_TRUE(Contains(Get(page, AdminOf("a")), "href=\"" + Members("a") + "\""));
  std::string member = SessionOf(
      AccountWith("lid-a@example.org", {Role::kOrganizationMember, OrganizationId("a")}));
  EXPECT_FALSE(Contains(Get(page, member), "/leden\""));
  EXPECT_FALSE(Contains(Get(page), "/leden\""));
}

TEST_F(MemberPages, OnlyTheOrganizationsAdminsInvite) {
  std::string member = SessionOf(
      AccountWith("lid-a@example.org", {Role::kOrganizationMember, OrganizationId("a")}));
  for (const std::string& session : {member, AdminOf("b"), Volunteer()}) {
    EXPECT_EQ(Get(Members("a"), session).message.result_int(), 403);
    EXPECT_EQ(Get(Members("a") + "/uitnodigen", session).message.result_int(), 403);
    EXPECT_EQ(Post(Members("a") + "/uitnodigen", "email=x%40example.org&rol=beheerder", session)
                  .message.result_int(),
              403);
  }
  EXPECT_EQ(Post(Members("a") + "/uitnodigen", "email=x%40example.org&rol=lid", "")
                .message.result_int(),
            303)
      << "signed out: to sign in";
  EXPECT_TRUE(Mails().empty());
}

TEST_F(MemberPages, InvitationErrorsAreShownNextToTheFieldsWithInputKept) {
  std::string admin = AdminOf("a");
  http::Response bad = Post(Members("a") + "/uitnodigen", "email=geen+adres&rol=baas", admin);
  EXPECT_EQ(bad.message.result_int(), 400);
  EXPECT_TRUE(Contains(bad, "id=\"email-fout\""));
  EXPECT_TRUE(Contains(bad, "id=\"rol-fout\""));
  EXPECT_TRUE(Contains(bad, "value=\"geen adres\""));
  http::Response hostile = Post(Members("a") + "/uitnodigen",
                                "email=%3Cscript%3Ealert(1)%3C%2Fscript%3E&rol=lid", admin);
  EXPECT_EQ(hostile.message.result_int(), 400);
  EXPECT_FALSE(Contains(hostile, testing::kHostile));
  EXPECT_EQ(PostRaw(Members("a") + "/uitnodigen", "email=x%40example.org&rol=lid", admin)
                .message.result_int(),
            403)
      << "without the form's token";
  EXPECT_EQ(PostRaw(Members("a") + "/uitnodigen", "email=%FF&rol=lid&csrf=" + std::string(testing::kCsrf),
                    admin)
                .message.result_int(),
            400);
  EXPECT_TRUE(Mails().empty());
}

TEST_F(MemberPages, AdminsTakeOthersOffButNotThemselvesOrStrangers) {
  std::string admin = AdminOf("a");
  std::string admin_id = account_ids_["admin-a@example.org"];
  std::string member_id =
      AccountWith("lid-a@example.org", {Role::kOrganizationMember, OrganizationId("a")});
  http::Response removed = Post(Members("a") + "/" + member_id + "/weghalen", "", admin);
  EXPECT_EQ(removed.message.result_int(), 303);
  EXPECT_EQ(Location(removed), Members("a") + "?weg=1");
  EXPECT_FALSE(Holds(member_id, Role::kOrganizationMember, "a"));

  http::Response self = Post(Members("a") + "/" + admin_id + "/weghalen", "", admin);
  EXPECT_EQ(Location(self), Members("a") + "?zelf=1");
  EXPECT_TRUE(Holds(admin_id, Role::kOrganizationAdmin, "a"));

  // An admin of b is not a member of a: a's admin cannot touch them, nor anyone through b.
  AdminOf("b");
  std::string b_admin_id = account_ids_["admin-b@example.org"];
  EXPECT_EQ(Post(Members("a") + "/" + b_admin_id + "/weghalen", "", admin).message.result_int(),
            404);
  EXPECT_TRUE(Holds(b_admin_id, Role::kOrganizationAdmin, "b"));
  EXPECT_EQ(Post(Members("b") + "/" + b_admin_id + "/weghalen", "", admin).message.result_int(),
            403);
  EXPECT_EQ(Post(Members("a") + "/niet-een-id/weghalen", "", admin).message.result_int(), 404);
}

}  // namespace
}  // namespace knooppunt::web
