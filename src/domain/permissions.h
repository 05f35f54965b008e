// Who may do what: roles, the permissions routes ask for, and the one function that decides.
// The rules are data (a table of role → permission → scope rule in permissions.cpp); every route
// declares the permission it needs and handlers ask again with the record's scope.
// Thread-safety: plain values and pure functions.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace knooppunt::domain {

enum class Role {
  kPlatformAdmin,       // runs the platform; scope: none
  kHelpDesk,            // the region's "loket"; scope: a region (HSDS address.region)
  kOrganizationAdmin,   // keeps an organisation's listing and members; scope: organisation id
  kOrganizationMember,  // keeps an organisation's listing; scope: organisation id
  kVolunteer,           // offers time or things; scope: none
  kParticipant,         // a newcomer with an account; scope: none
};

std::span<const Role> AllRoles();
// "platform-admin", "help-desk", "organization-admin", "organization-member", "volunteer",
// "participant": the names in the database, on the command line and in the permission matrix.
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

enum class ScopeKind { kNone, kRegion, kOrganization };
ScopeKind ScopeOf(Role role);
// Platform admins and help-desk staff must sign in with a second factor (TOTP).
bool NeedsSecondFactor(Role role);

struct Grant {
  Role role = Role::kParticipant;
  std::string scope;  // a region or an organisation id, as ScopeOf(role) says; empty for kNone
};

// The person (or API key) behind a request, as the session or key says.
struct Actor {
  std::string user_id = "";  // empty: anonymous
  std::vector<Grant> grants = {};
  bool second_factor = false;             // this session passed the TOTP step
  std::string api_key_id = "";            // set when the request came with an organisation API key
  std::string api_key_organization = "";  // the organisation of that key
  bool signed_in() const { return !user_id.empty() || !api_key_id.empty(); }
  // Who did it, for the audit log: the account id or "api-key:<id>"; never personal data.
  std::string audit_id() const { return user_id.empty() ? "api-key:" + api_key_id : user_id; }
};

enum class Permission {
  kPublic,               // anyone, signed in or not
  kSignedIn,             // any account: the own account pages
  kEditOrganization,     // an organisation's listing: its services, locations, hours, reports
  kManageMembers,        // an organisation's members and API keys
  kVerifyOrganizations,  // pending claims and registrations, in a region
  kReadAuditLog,         // the audit log
  kManageAccounts,       // roles of any account
  kModeratePostings,     // supply and demand: approve or reject postings of untrusted people
  kRunMatching,          // matching rounds and proposals between people and postings
};

std::span<const Permission> AllPermissions();
std::string_view PermissionName(Permission permission);  // "public", "signed-in", ...

// What a permission is asked for. Empty fields at route level mean "for any scope": the route
// opens when the actor holds the permission somewhere, and the handler asks again with the
// record's organisation and regions.
struct Target {
  std::string_view organization_id = {};
  std::span<const std::string> regions = {};  // the regions of the organisation's addresses
};

enum class Decision {
  kAllowed,
  kSignInNeeded,        // anonymous, and the permission needs an account
  kSecondFactorNeeded,  // a role that needs TOTP, without it in this session
  kForbidden,           // signed in, but no grant gives this permission for this target
};

// The one check. Grants of roles that need a second factor count only when the session passed
// it; when such a grant alone would allow, the answer is kSecondFactorNeeded.
Decision Allows(const Actor& actor, Permission permission, const Target& target = {});

}  // namespace knooppunt::domain
