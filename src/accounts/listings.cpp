#include "accounts/listings.h"

#include "accounts/audit.h"
#include "domain/model.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "store/store.h"

namespace knooppunt::accounts {
namespace {

std::string NowText() { return domain::FormatUtc(domain::Now()); }

}  // namespace

Status Listings::ConfirmStillCorrect(std::string_view organization_id, std::string_view actor_id) {
  auto organization = store_.Get(domain::Table::kOrganization, organization_id);
  if (!organization) return organization.error();
  if (!*organization) return NotFound("There is no organisation with this id.");
  std::string today = NowText().substr(0, 10);
  domain::Record attribute =
      domain::TermAttribute("organization", organization_id, domain::LastVerifiedTermId(), today);
  if (Status written = store_.Write(std::span<const domain::Record>(&attribute, 1)); !written)
    return written;
  return Audit(store_.accounts(), actor_id, "organization.confirm_correct", "organization",
               organization_id);
}

Result<std::string> Listings::Claim(std::string_view account_id, std::string_view organization_id) {
  auto organization = store_.Get(domain::Table::kOrganization, organization_id);
  if (!organization) return organization.error();
  if (!*organization) return NotFound("There is no organisation with this id.");
  store::AccountStore& accounts = store_.accounts();
  auto mine = accounts.RequestsOf(account_id);
  if (!mine) return mine.error();
  for (const store::OrganizationRequest& request : *mine) {
    if (request.status == "pending" && request.organization_id == organization_id) {
      return Error{ErrorCode::kConflict, "You have asked for this organisation already.", {}};
    }
  }
  auto regions = accounts.RegionsOf(organization_id);
  if (!regions) return regions.error();
  store::OrganizationRequest request{.id = domain::RandomUuid(),
                                     .kind = "claim",
                                     .account_id = std::string(account_id),
                                     .organization_id = std::string(organization_id),
                                     .region = regions->empty() ? "" : regions->front(),
                                     .created_at = NowText()};
  if (Status added = accounts.AddOrganizationRequest(request); !added) return added.error();
  (void)Audit(accounts, account_id, "organization.claim", "organization", organization_id);
  return request.id;
}

Status Listings::Approve(std::string_view request_id, std::string_view actor_id) {
  store::AccountStore& accounts = store_.accounts();
  auto found = accounts.OrganizationRequestById(request_id);
  if (!found) return found.error();
  if (!*found) return NotFound("There is no such request.");
  store::OrganizationRequest request = **found;
  if (request.status != "pending") {
    return Error{ErrorCode::kConflict, "This request was decided already.", {}};
  }
  if (request.kind != "claim" || !request.organization_id) {
    return Error{
        ErrorCode::kConflict, "Only claims on existing listings can be approved here.", {}};
  }
  request.status = "verified";
  request.decided_by = std::string(actor_id);
  request.decided_at = NowText();
  if (Status decided = accounts.DecideRequest(request); !decided) return decided;
  if (Status granted = accounts.AddGrant(
          request.account_id, {domain::Role::kOrganizationAdmin, *request.organization_id});
      !granted) {
    return granted;
  }
  (void)Audit(accounts, actor_id, "organization.approve_claim", "organization_request", request.id);
  return ConfirmStillCorrect(*request.organization_id, actor_id);
}

Status Listings::Reject(std::string_view request_id, std::string_view actor_id) {
  store::AccountStore& accounts = store_.accounts();
  auto found = accounts.OrganizationRequestById(request_id);
  if (!found) return found.error();
  if (!*found) return NotFound("There is no such request.");
  store::OrganizationRequest request = **found;
  if (request.status != "pending") {
    return Error{ErrorCode::kConflict, "This request was decided already.", {}};
  }
  request.status = "rejected";
  request.decided_by = std::string(actor_id);
  request.decided_at = NowText();
  if (Status decided = accounts.DecideRequest(request); !decided) return decided;
  return Audit(accounts, actor_id, "organization.reject_claim", "organization_request", request.id);
}

Result<domain::Decision> Listings::Check(const domain::Actor& actor, domain::Permission permission,
                                         std::string_view organization_id) {
  auto regions = store_.accounts().RegionsOf(organization_id);
  if (!regions) return regions.error();
  return domain::Allows(actor, permission,
                        {.organization_id = organization_id, .regions = *regions});
}

Result<std::string> Listings::OrganizationOf(const domain::Record& record) {
  // The fields that lead to an owner, nearest first.
  static constexpr std::pair<std::string_view, domain::Table> kParents[] = {
      {"service_id", domain::Table::kService},
      {"location_id", domain::Table::kLocation},
      {"service_at_location_id", domain::Table::kServiceAtLocation},
      {"contact_id", domain::Table::kContact},
      {"phone_id", domain::Table::kPhone},
  };
  domain::Record current = record;
  for (int step = 0; step < 5; ++step) {
    if (current.table() == domain::Table::kOrganization) return current.id();
    if (auto owner = current.Get("organization_id"); owner && !owner->empty()) return *owner;
    std::optional<domain::Table> parent_table;
    std::string parent_id;
    if (current.table() == domain::Table::kTranslation) {
      parent_table = domain::TableByName(current.Get("table_name").value_or(""));
      parent_id = current.Get("record_id").value_or("");
    } else {
      for (const auto& [field, table] : kParents) {
        if (auto id = current.Get(field); id && !id->empty()) {
          parent_table = table;
          parent_id = *id;
          break;
        }
      }
    }
    if (!parent_table || parent_id.empty()) return std::string();
    auto parent = store_.Get(*parent_table, parent_id);
    if (!parent) return parent.error();
    if (!*parent) return std::string();
    current = std::move(**parent);
  }
  return std::string();
}

Result<int> Listings::VerifyOrganization(std::string_view organization_id,
                                         std::string_view actor_id) {
  auto organization = store_.Get(domain::Table::kOrganization, organization_id);
  if (!organization) return organization.error();
  if (!*organization) return NotFound("There is no organisation with this id.");
  auto pending = store_.accounts().PendingRequests({}, /*all_regions=*/true);
  if (!pending) return pending.error();
  int approved = 0;
  for (const store::OrganizationRequest& request : *pending) {
    if (request.organization_id != organization_id || request.kind != "claim") continue;
    if (Status status = Approve(request.id, actor_id); !status) return status.error();
    ++approved;
  }
  if (Status status = ConfirmStillCorrect(organization_id, actor_id); !status) {
    return status.error();
  }
  return approved;
}

}  // namespace knooppunt::accounts
