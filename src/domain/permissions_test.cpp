#include "domain/permissions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace knooppunt::domain {
namespace {

Actor WithGrant(Role role, std::string scope = "", bool second_factor = true) {
  return Actor{
      .user_id = "u1", .grants = {{role, std::move(scope)}}, .second_factor = second_factor};
}

TEST(Permissions, AnonymousMaySeePublicPagesOnly) {
  Actor anonymous;
  EXPECT_EQ(Allows(anonymous, Permission::kPublic), Decision::kAllowed);
  for (Permission permission : AllPermissions()) {
    if (permission == Permission::kPublic) continue;
    EXPECT_EQ(Allows(anonymous, permission), Decision::kSignInNeeded) << PermissionName(permission);
  }
}

TEST(Permissions, EveryAccountHasItsOwnPages) {
  Actor participant = WithGrant(Role::kParticipant);
  EXPECT_EQ(Allows(participant, Permission::kSignedIn), Decision::kAllowed);
  EXPECT_EQ(Allows(Actor{.user_id = "u2"}, Permission::kSignedIn), Decision::kAllowed);
  EXPECT_EQ(Allows(participant, Permission::kEditOrganization), Decision::kForbidden);
}

TEST(Permissions, OrganizationRolesHoldOnlyForTheirOwnOrganization) {
  Actor member = WithGrant(Role::kOrganizationMember, "org-a");
  EXPECT_EQ(Allows(member, Permission::kEditOrganization, {.organization_id = "org-a"}),
            Decision::kAllowed);
  EXPECT_EQ(Allows(member, Permission::kEditOrganization, {.organization_id = "org-b"}),
            Decision::kForbidden);
  EXPECT_EQ(Allows(member, Permission::kManageMembers, {.organization_id = "org-a"}),
            Decision::kForbidden);
  Actor admin = WithGrant(Role::kOrganizationAdmin, "org-a");
  EXPECT_EQ(Allows(admin, Permission::kManageMembers, {.organization_id = "org-a"}),
            Decision::kAllowed);
  EXPECT_EQ(Allows(admin, Permission::kManageMembers, {.organization_id = "org-b"}),
            Decision::kForbidden);
  EXPECT_EQ(Allows(admin, Permission::kVerifyOrganizations), Decision::kForbidden);
}

TEST(Permissions, HelpDeskHoldsWithinItsRegion) {
  Actor desk = WithGrant(Role::kHelpDesk, "Zuid-Holland");
  std::vector<std::string> here = {"Zuid-Holland"}, there = {"Groningen"},
                           both = {"Groningen", "Zuid-Holland"};
  EXPECT_EQ(Allows(desk, Permission::kEditOrganization, {.organization_id = "x", .regions = here}),
            Decision::kAllowed);
  EXPECT_EQ(Allows(desk, Permission::kEditOrganization, {.organization_id = "x", .regions = both}),
            Decision::kAllowed);
  EXPECT_EQ(Allows(desk, Permission::kEditOrganization, {.organization_id = "x", .regions = there}),
            Decision::kForbidden);
  // An organisation without any address region is outside every region.
  EXPECT_EQ(Allows(desk, Permission::kVerifyOrganizations, {.organization_id = "x"}),
            Decision::kForbidden);
  // At route level, without a target, the desk may open its pages.
  EXPECT_EQ(Allows(desk, Permission::kVerifyOrganizations), Decision::kAllowed);
  EXPECT_EQ(Allows(desk, Permission::kReadAuditLog), Decision::kForbidden);
}

TEST(Permissions, OnlyStaffModeratePostingsAndRunMatchingInAnyRegion) {
  for (Permission permission : {Permission::kModeratePostings, Permission::kRunMatching}) {
    std::vector<std::string> elsewhere = {"Friesland"};
    EXPECT_EQ(Allows(WithGrant(Role::kHelpDesk, "Haaglanden"), permission,
                     {.organization_id = "org-a", .regions = elsewhere}),
              Decision::kAllowed);
    EXPECT_EQ(Allows(WithGrant(Role::kPlatformAdmin), permission), Decision::kAllowed);
    EXPECT_EQ(Allows(WithGrant(Role::kHelpDesk, "Haaglanden", false), permission),
              Decision::kSecondFactorNeeded);
    for (Role role : {Role::kOrganizationAdmin, Role::kOrganizationMember, Role::kVolunteer,
                      Role::kParticipant}) {
      EXPECT_EQ(Allows(WithGrant(role, "org-a"), permission), Decision::kForbidden)
          << RoleName(role) << " " << PermissionName(permission);
    }
  }
}

TEST(Permissions, StaffRolesNeedTheSecondFactor) {
  Actor admin = WithGrant(Role::kPlatformAdmin, "", /*second_factor=*/false);
  EXPECT_EQ(Allows(admin, Permission::kReadAuditLog), Decision::kSecondFactorNeeded);
  admin.second_factor = true;
  EXPECT_EQ(Allows(admin, Permission::kReadAuditLog), Decision::kAllowed);
  // A grant that needs no second factor still works without it.
  Actor both = WithGrant(Role::kHelpDesk, "Utrecht", false);
  both.grants.push_back({Role::kOrganizationAdmin, "org-a"});
  EXPECT_EQ(Allows(both, Permission::kEditOrganization, {.organization_id = "org-a"}),
            Decision::kAllowed);
  EXPECT_EQ(Allows(both, Permission::kVerifyOrganizations), Decision::kSecondFactorNeeded);
  EXPECT_TRUE(NeedsSecondFactor(Role::kHelpDesk));
  EXPECT_FALSE(NeedsSecondFactor(Role::kOrganizationAdmin));
}

TEST(Permissions, PlatformAdminMayDoEverything) {
  Actor admin = WithGrant(Role::kPlatformAdmin);
  for (Permission permission : AllPermissions()) {
    EXPECT_EQ(Allows(admin, permission, {.organization_id = "any"}), Decision::kAllowed)
        << PermissionName(permission);
  }
}

TEST(Permissions, ApiKeyActsForItsOrganizationOnly) {
  Actor key{.grants = {{Role::kOrganizationMember, "org-a"}},
            .api_key_id = "k1",
            .api_key_organization = "org-a"};
  EXPECT_TRUE(key.signed_in());
  EXPECT_EQ(key.audit_id(), "api-key:k1");
  EXPECT_EQ(Allows(key, Permission::kEditOrganization, {.organization_id = "org-a"}),
            Decision::kAllowed);
  EXPECT_EQ(Allows(key, Permission::kEditOrganization, {.organization_id = "org-b"}),
            Decision::kForbidden);
  EXPECT_EQ(Allows(key, Permission::kManageMembers, {.organization_id = "org-a"}),
            Decision::kForbidden);
}

TEST(Permissions, RoleNamesRoundTrip) {
  for (Role role : AllRoles()) EXPECT_EQ(ParseRole(RoleName(role)), role);
  EXPECT_FALSE(ParseRole("root").has_value());
  EXPECT_FALSE(ParseRole("").has_value());
}

}  // namespace
}  // namespace knooppunt::domain
