// The shape of HSDS 3.0's compiled JSON objects (shared/hsds-3.0/schema/compiled): which
// tables nest under which property. The JSON writer walks it down, the importer walks it back.
// Thread-safety: immutable data.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "domain/model.h"

namespace knooppunt::api {

// A one-to-many relation: rows of `table` whose `key` is the parent's id, under `property`.
struct ChildRelation {
  std::string_view property;
  domain::Table table;
  std::string_view key;
};

// A many-to-one relation: the row of `table` whose id is the record's `field`, under `property`.
struct ParentRelation {
  std::string_view property;
  domain::Table table;
  std::string_view field;
  bool nested;  // whether the parent is written with its own children
};

// The one-to-many relations written under a record of `table` (empty when none).
std::span<const ChildRelation> ChildrenOf(domain::Table table);
// The many-to-one relations written under a record of `table` in full objects.
std::span<const ParentRelation> ParentsOf(domain::Table table);
// Tables whose rows carry HSDS `attributes` and `metadata` arrays.
bool HasAttributes(domain::Table table);

// The plural HSDS uses for a table in paths and properties ("addresses" for address,
// "service_at_locations" for service_at_location): the API's collection under /api/.
std::string CollectionName(domain::Table table);

}  // namespace knooppunt::api
