#include "domain/permissions.h"

#include <algorithm>

namespace knooppunt::domain {
namespace {

constexpr Role kRoles[] = {Role::kPlatformAdmin,      Role::kHelpDesk,  Role::kOrganizationAdmin,
                           Role::kOrganizationMember, Role::kVolunteer, Role::kParticipant};

constexpr Permission kPermissions[] = {
    Permission::kPublic,
    Permission::kSignedIn,
    Permission::kEditOrganization,
    Permission::kManageMembers,
    Permission::kVerifyOrganizations,
    Permission::kReadAuditLog,
    Permission::kManageAccounts,
    Permission::kModeratePostings,
    Permission::kRunMatching,
};

// How a grant's scope has to relate to the target for the permission to hold.
enum class Within {
  kAnywhere,         // the grant holds for every target
  kOwnOrganization,  // the target's organisation is the grant's scope
  kOwnRegion,        // one of the target's regions is the grant's scope
};

struct Rule {
  Role role;
  Permission permission;
  Within within;
};

// The rules. Every signed-in account has kSignedIn without a rule.
constexpr Rule kRules[] = {
    {Role::kPlatformAdmin, Permission::kEditOrganization, Within::kAnywhere},
    {Role::kPlatformAdmin, Permission::kManageMembers, Within::kAnywhere},
    {Role::kPlatformAdmin, Permission::kVerifyOrganizations, Within::kAnywhere},
    {Role::kPlatformAdmin, Permission::kReadAuditLog, Within::kAnywhere},
    {Role::kPlatformAdmin, Permission::kManageAccounts, Within::kAnywhere},
    {Role::kPlatformAdmin, Permission::kModeratePostings, Within::kAnywhere},
    {Role::kPlatformAdmin, Permission::kRunMatching, Within::kAnywhere},
    {Role::kHelpDesk, Permission::kEditOrganization, Within::kOwnRegion},
    // Postings and people are not tied to a help desk's region: any help desk moderates and
    // matches (a region's desk is who answers the phone, not a wall around the data).
    {Role::kHelpDesk, Permission::kModeratePostings, Within::kAnywhere},
    {Role::kHelpDesk, Permission::kRunMatching, Within::kAnywhere},
    {Role::kHelpDesk, Permission::kVerifyOrganizations, Within::kOwnRegion},
    {Role::kOrganizationAdmin, Permission::kEditOrganization, Within::kOwnOrganization},
    {Role::kOrganizationAdmin, Permission::kManageMembers, Within::kOwnOrganization},
    {Role::kOrganizationMember, Permission::kEditOrganization, Within::kOwnOrganization},
};

bool Covers(const Grant& grant, Within within, const Target& target) {
  switch (within) {
    case Within::kAnywhere:
      return true;
    case Within::kOwnOrganization:
      return target.organization_id.empty() || target.organization_id == grant.scope;
    case Within::kOwnRegion:
      if (target.organization_id.empty() && target.regions.empty()) return true;
      return std::find(target.regions.begin(), target.regions.end(), grant.scope) !=
             target.regions.end();
  }
  return false;
}

}  // namespace

std::span<const Role> AllRoles() { return kRoles; }
std::span<const Permission> AllPermissions() { return kPermissions; }

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kPlatformAdmin:
      return "platform-admin";
    case Role::kHelpDesk:
      return "help-desk";
    case Role::kOrganizationAdmin:
      return "organization-admin";
    case Role::kOrganizationMember:
      return "organization-member";
    case Role::kVolunteer:
      return "volunteer";
    case Role::kParticipant:
      return "participant";
  }
  return "participant";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : kRoles) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

ScopeKind ScopeOf(Role role) {
  switch (role) {
    case Role::kHelpDesk:
      return ScopeKind::kRegion;
    case Role::kOrganizationAdmin:
    case Role::kOrganizationMember:
      return ScopeKind::kOrganization;
    default:
      return ScopeKind::kNone;
  }
}

bool NeedsSecondFactor(Role role) {
  return role == Role::kPlatformAdmin || role == Role::kHelpDesk;
}

std::string_view PermissionName(Permission permission) {
  switch (permission) {
    case Permission::kPublic:
      return "public";
    case Permission::kSignedIn:
      return "signed-in";
    case Permission::kEditOrganization:
      return "edit-organization";
    case Permission::kManageMembers:
      return "manage-members";
    case Permission::kVerifyOrganizations:
      return "verify-organizations";
    case Permission::kReadAuditLog:
      return "read-audit-log";
    case Permission::kManageAccounts:
      return "manage-accounts";
    case Permission::kModeratePostings:
      return "moderate-postings";
    case Permission::kRunMatching:
      return "run-matching";
  }
  return "public";
}

Decision Allows(const Actor& actor, Permission permission, const Target& target) {
  if (permission == Permission::kPublic) return Decision::kAllowed;
  if (!actor.signed_in()) return Decision::kSignInNeeded;
  if (permission == Permission::kSignedIn) return Decision::kAllowed;
  bool needs_second_factor = false;
  for (const Grant& grant : actor.grants) {
    for (const Rule& rule : kRules) {
      if (rule.role != grant.role || rule.permission != permission) continue;
      if (!Covers(grant, rule.within, target)) continue;
      if (NeedsSecondFactor(grant.role) && !actor.second_factor) {
        needs_second_factor = true;
        continue;
      }
      return Decision::kAllowed;
    }
  }
  return needs_second_factor ? Decision::kSecondFactorNeeded : Decision::kForbidden;
}

}  // namespace knooppunt::domain
