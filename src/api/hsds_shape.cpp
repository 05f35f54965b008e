#include "api/hsds_shape.h"

namespace knooppunt::api {
namespace {

using domain::Table;

// The nesting of HSDS 3.0's compiled schemas (shared/hsds-3.0/schema/compiled).
constexpr ChildRelation kServiceChildren[] = {
    {"phones", Table::kPhone, "service_id"},
    {"schedules", Table::kSchedule, "service_id"},
    {"service_areas", Table::kServiceArea, "service_id"},
    {"service_at_locations", Table::kServiceAtLocation, "service_id"},
    {"languages", Table::kLanguage, "service_id"},
    {"funding", Table::kFunding, "service_id"},
    {"cost_options", Table::kCostOption, "service_id"},
    {"required_documents", Table::kRequiredDocument, "service_id"},
    {"contacts", Table::kContact, "service_id"},
};
constexpr ParentRelation kServiceParents[] = {
    {"organization", Table::kOrganization, "organization_id", false},
    {"program", Table::kProgram, "program_id", false},
};
constexpr ChildRelation kServiceAtLocationChildren[] = {
    {"contacts", Table::kContact, "service_at_location_id"},
    {"phones", Table::kPhone, "service_at_location_id"},
    {"schedules", Table::kSchedule, "service_at_location_id"},
};
constexpr ParentRelation kServiceAtLocationParents[] = {
    {"location", Table::kLocation, "location_id", true},
};
constexpr ChildRelation kLocationChildren[] = {
    {"languages", Table::kLanguage, "location_id"},
    {"addresses", Table::kAddress, "location_id"},
    {"contacts", Table::kContact, "location_id"},
    {"accessibility", Table::kAccessibility, "location_id"},
    {"phones", Table::kPhone, "location_id"},
    {"schedules", Table::kSchedule, "location_id"},
};
constexpr ChildRelation kPhoneChildren[] = {{"languages", Table::kLanguage, "phone_id"}};
constexpr ChildRelation kContactChildren[] = {{"phones", Table::kPhone, "contact_id"}};
constexpr ChildRelation kOrganizationChildren[] = {
    {"funding", Table::kFunding, "organization_id"},
    {"contacts", Table::kContact, "organization_id"},
    {"phones", Table::kPhone, "organization_id"},
    {"locations", Table::kLocation, "organization_id"},
    {"programs", Table::kProgram, "organization_id"},
    {"organization_identifiers", Table::kOrganizationIdentifier, "organization_id"},
};

}  // namespace

std::span<const ChildRelation> ChildrenOf(Table table) {
  switch (table) {
    case Table::kService:
      return kServiceChildren;
    case Table::kServiceAtLocation:
      return kServiceAtLocationChildren;
    case Table::kLocation:
      return kLocationChildren;
    case Table::kPhone:
      return kPhoneChildren;
    case Table::kContact:
      return kContactChildren;
    case Table::kOrganization:
      return kOrganizationChildren;
    default:
      return {};
  }
}

std::span<const ParentRelation> ParentsOf(Table table) {
  switch (table) {
    case Table::kService:
      return kServiceParents;
    case Table::kServiceAtLocation:
      return kServiceAtLocationParents;
    default:
      return {};
  }
}

// Tables whose rows carry HSDS `attributes` and `metadata` arrays.
bool HasAttributes(Table table) {
  return table != Table::kTaxonomy && table != Table::kTaxonomyTerm && table != Table::kMetadata &&
         table != Table::kAttribute && table != Table::kTranslation &&
         table != Table::kMetaTableDescription;
}

std::string CollectionName(Table table) {
  std::string name(domain::Spec(table).name);
  // Uncountable in HSDS too (location.accessibility, organization.funding, record.metadata).
  if (table == Table::kAccessibility || table == Table::kFunding || table == Table::kMetadata) {
    return name;
  }
  if (name.ends_with("y")) return name.substr(0, name.size() - 1) + "ies";  // taxonomies
  if (name.ends_with("s")) return name + "es";                              // addresses
  return name + "s";
}

}  // namespace knooppunt::api
