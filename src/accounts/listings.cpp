#include "accounts/listings.h"

#include <boost/json.hpp>

#include "accounts/audit.h"
#include "accounts/edits.h"
#include "domain/model.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "store/store.h"

namespace knooppunt::accounts {
namespace {

namespace json = boost::json;

std::string NowText() { return domain::FormatUtc(domain::Now()); }

}  // namespace

Status Listings::ConfirmStillCorrect(std::string_view organization_id, std::string_view actor_id) {
  auto organization = store_.Get(domain::Table::kOrganization, organization_id);
  if (!organization) return organization.error();
  if (!*organization) return NotFound("There is no organisation with this id.");
  std::string today = NowText().substr(0, 10);
  domain::Record attribute =
      domain::TermAttribute("organization", organization_id, domain::LastVerifiedTermId(), today);
  // Through ApplyEdits, so the new date is in HSDS metadata like every other change.
  auto before = store_.Get(domain::Table::kAttribute, attribute.id());
  if (!before) return before.error();
  Edit edit{*before, attribute};
  if (Status written = ApplyEdits(store_, std::span(&edit, 1),
                                  domain::Actor{.user_id = std::string(actor_id)});
      !written) {
    return written;
  }
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

Result<std::string> Listings::Register(std::string_view account_id, Proposal proposal) {
  std::string organization_id = domain::RandomUuid();
  std::string location_id = domain::RandomUuid();
  proposal.organization.With("id", organization_id);
  proposal.location.With("id", location_id).With("organization_id", organization_id);
  proposal.address.With("id", domain::RandomUuid()).With("location_id", location_id);
  json::object stored;
  for (const auto& [key, record] :
       {std::pair{"organization", &proposal.organization}, std::pair{"location", &proposal.location},
        std::pair{"address", &proposal.address}}) {
    auto valid = domain::Validate(*record);
    if (!valid) return valid.error();
    json::object fields;
    const auto& specs = domain::Spec(valid->table()).fields;
    for (size_t i = 0; i < specs.size(); ++i) {
      if (const auto& value = valid->values()[i]) fields[specs[i].name] = *value;
    }
    stored[key] = std::move(fields);
  }
  store::OrganizationRequest request{.id = domain::RandomUuid(),
                                     .kind = "register",
                                     .account_id = std::string(account_id),
                                     .proposal = json::serialize(stored),
                                     .region = proposal.address.Get("region").value_or(""),
                                     .created_at = NowText()};
  if (Status added = store_.accounts().AddOrganizationRequest(request); !added) {
    return added.error();
  }
  (void)Audit(store_.accounts(), account_id, "organization.register", "organization_request",
              request.id);
  return request.id;
}

Result<Proposal> Listings::ProposalOf(const store::OrganizationRequest& request) {
  Error none = InvalidArgument("proposal", "The request proposes no organisation.");
  if (request.kind != "register") return none;
  boost::system::error_code error;
  json::value value = json::parse(request.proposal, error);
  if (error || !value.is_object()) return none;
  Proposal proposal;
  for (const auto& [key, record] :
       {std::pair{"organization", &proposal.organization}, std::pair{"location", &proposal.location},
        std::pair{"address", &proposal.address}}) {
    const json::value* fields = value.as_object().if_contains(key);
    if (fields == nullptr || !fields->is_object()) return none;
    for (const auto& [name, field] : fields->as_object()) {
      if (!field.is_string()) return none;
      record->Set(name, std::string(field.as_string()));
    }
  }
  return proposal;
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
  std::optional<Proposal> created;
  if (request.kind == "register") {
    auto proposal = ProposalOf(request);
    if (!proposal) return proposal.error();
    std::vector<Edit> edits;
    for (const domain::Record* record :
         {&proposal->organization, &proposal->location, &proposal->address}) {
      edits.push_back(Edit{std::nullopt, *record});
    }
    if (Status written = ApplyEdits(store_, edits, domain::Actor{.user_id = std::string(actor_id)});
        !written) {
      return written;
    }
    request.organization_id = proposal->organization.id();
    created = std::move(*proposal);
  } else if (request.kind != "claim" || !request.organization_id) {
    return Error{ErrorCode::kConflict, "This request cannot be approved.", {}};
  }
  request.status = "verified";
  request.decided_by = std::string(actor_id);
  request.decided_at = NowText();
  if (Status decided = accounts.DecideRequest(request); !decided) {
    if (created) {
      // Someone else decided first: the organisation made here must not stay.
      store::RecordKey key{domain::Table::kOrganization, created->organization.id()};
      (void)store_.Write({}, std::span<const store::RecordKey>(&key, 1));
    }
    return decided;
  }
  if (Status granted = accounts.AddGrant(
          request.account_id, {domain::Role::kOrganizationAdmin, *request.organization_id});
      !granted) {
    return granted;
  }
  (void)Audit(accounts, actor_id,
              request.kind == "register" ? "organization.approve_registration"
                                         : "organization.approve_claim",
              "organization_request", request.id);
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

Result<std::vector<ReviewDue>> Listings::ReviewsDue(std::string_view verified_before,
                                                    std::string_view reminded_before) {
  // First the organisations, then their details: no other query runs while ForEach reads.
  std::vector<std::pair<std::string, std::string>> organizations;  // id, name
  Status listed = store_.ForEach(domain::Table::kOrganization, [&](const domain::Record& record) {
    organizations.emplace_back(record.id(), record.Get("name").value_or(""));
    return true;
  });
  if (!listed) return listed.error();
  std::vector<ReviewDue> due;
  for (auto& [id, name] : organizations) {
    auto keepers = store_.accounts().AccountsOfOrganization(id);
    if (!keepers) return keepers.error();
    std::vector<store::Account> people;
    for (store::Account& account : *keepers) {
      for (const domain::Grant& grant : account.grants) {
        if (grant.scope == id && (grant.role == domain::Role::kOrganizationAdmin ||
                                  grant.role == domain::Role::kOrganizationMember)) {
          people.push_back(std::move(account));
          break;
        }
      }
    }
    if (people.empty()) continue;
    auto attributes = store_.FindBy(domain::Table::kAttribute, "link_id", id);
    if (!attributes) return attributes.error();
    std::string verified;
    for (const domain::Record& attribute : *attributes) {
      if (attribute.Get("taxonomy_term_id") == domain::LastVerifiedTermId()) {
        verified = attribute.Get("value").value_or("");
      }
    }
    if (!verified.empty() && verified >= verified_before) continue;
    auto reminded = store_.accounts().LastReviewReminder(id);
    if (!reminded) return reminded.error();
    if (*reminded && **reminded >= reminded_before) continue;
    due.push_back(ReviewDue{.organization_id = id,
                            .name = std::move(name),
                            .last_verified = verified,
                            .keepers = std::move(people)});
  }
  return due;
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
