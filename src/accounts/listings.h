// Keeping listings trustworthy: "claim this listing" requests, their approval by the help desk
// (the claimant becomes the organisation's admin), and the last-verified date an organisation
// sets with "this is still correct". Every decision goes into the audit log.
// Thread-safety: a Listings may be used from any number of threads at once.
#pragma once

#include <string>
#include <string_view>

#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/result.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::accounts {

class Listings {
 public:
  explicit Listings(store::Store& store) : store_(store) {}

  // Sets the organisation's last-verified date (an HSDS attribute) to today. kNotFound when
  // there is no such organisation.
  Status ConfirmStillCorrect(std::string_view organization_id, std::string_view actor_id);

  // A pending claim of the account on the organisation, for the help desk of the organisation's
  // region. Success: the request id. kNotFound for an unknown organisation; kConflict when the
  // account has a pending claim on it already.
  Result<std::string> Claim(std::string_view account_id, std::string_view organization_id);

  // Approves a pending claim: its account becomes the organisation's admin and the
  // organisation counts as verified today. kNotFound for an unknown request, kConflict when it
  // was decided already.
  Status Approve(std::string_view request_id, std::string_view actor_id);

  // Turns a pending request down. kNotFound for an unknown request, kConflict when it was
  // decided already.
  Status Reject(std::string_view request_id, std::string_view actor_id);

  // domain::Allows for `permission` on this organisation, with the regions of its addresses
  // (help-desk staff act within their region). The store's error when it cannot be read.
  Result<domain::Decision> Check(const domain::Actor& actor, domain::Permission permission,
                                 std::string_view organization_id);

  // The organisation a record of the social map belongs to: an organisation itself, a record's
  // own organization_id, or that of the record it hangs from (a schedule's service or location,
  // an address's location, a translation's record …), followed up to four steps. Success: the
  // organisation id, or "" when the record belongs to none (only the help desk may change it).
  Result<std::string> OrganizationOf(const domain::Record& record);

  // Approves every pending claim on the organisation and marks it verified (`knooppunt org
  // verify`). Success: the number of claims approved. kNotFound for an unknown organisation.
  Result<int> VerifyOrganization(std::string_view organization_id, std::string_view actor_id);

 private:
  store::Store& store_;
};

}  // namespace knooppunt::accounts
