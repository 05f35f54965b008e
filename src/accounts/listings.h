// Keeping listings trustworthy: "claim this listing" requests, their approval by the help desk
// (the claimant becomes the organisation's admin), and the last-verified date an organisation
// sets with "this is still correct". Every decision goes into the audit log.
// Thread-safety: a Listings may be used from any number of threads at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/result.h"
#include "store/account_store.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::accounts {

// A proposed new organisation ("register an organisation"): the HSDS records the help desk
// creates when it approves, all three with ids.
struct Proposal {
  domain::Record organization{domain::Table::kOrganization};
  domain::Record location{domain::Table::kLocation};
  domain::Record address{domain::Table::kAddress};
};

// An organisation whose listing is due for a check, with the people who keep it.
struct ReviewDue {
  std::string organization_id;
  std::string name;
  std::string last_verified;  // YYYY-MM-DD, or empty when never confirmed
  std::vector<store::Account> keepers;
};

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

  // A pending registration of a new organisation by the account, for the help desk of the
  // address's region. The records get new ids and are linked (location → organisation, address
  // → location) and validated: kInvalidArgument names the table's field. Success: the request id.
  Result<std::string> Register(std::string_view account_id, Proposal proposal);

  // The records a registration request proposes. kInvalidArgument when it holds none.
  static Result<Proposal> ProposalOf(const store::OrganizationRequest& request);

  // Approves a pending claim or registration: its account becomes the organisation's admin (a
  // registration first creates the organisation, with HSDS metadata) and the organisation
  // counts as verified today. kNotFound for an unknown request, kConflict when it was decided
  // already.
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

  // Organisations last confirmed correct before `verified_before` (YYYY-MM-DD; never confirmed
  // counts as before), whose keepers were not reminded at or after `reminded_before` (a
  // normalised UTC date-time), with their admins and members. Organisations nobody keeps are
  // left out: there is no one to ask.
  Result<std::vector<ReviewDue>> ReviewsDue(std::string_view verified_before,
                                            std::string_view reminded_before);

  // Approves every pending claim on the organisation and marks it verified (`knooppunt org
  // verify`). Success: the number of claims approved. kNotFound for an unknown organisation.
  Result<int> VerifyOrganization(std::string_view organization_id, std::string_view actor_id);

 private:
  store::Store& store_;
};

}  // namespace knooppunt::accounts
