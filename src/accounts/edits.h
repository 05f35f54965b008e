// One way for keepers to change the social map, from the web forms and the JSON API alike: the
// records are written with an HSDS metadata row per changed field, in one transaction, and each
// written or deleted record gets an audit entry. The caller brings the search index up to date
// afterwards (search::SearchIndex::CatchUp), and checks permissions before (Listings::Check).
// Thread-safety: as the store: from any thread.
#pragma once

#include <optional>
#include <span>

#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/result.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::accounts {

// One record before and after: `before` nullopt creates, `after` nullopt deletes. Both, when
// given, are of the same table and id.
struct Edit {
  std::optional<domain::Record> before;
  std::optional<domain::Record> after;
};

// Validates and normalises each `after` (domain::Validate: its error names the field), then writes
// the edits in one transaction with their metadata rows (updated_by "api-key" for a key,
// "account" otherwise: never a person's name), then appends one audit entry per edit
// ("<table>.create|update|delete"). Fields equal before and after get no metadata row. Failure:
// the store's error, and nothing is written.
Status ApplyEdits(store::Store& store, std::span<const Edit> edits, const domain::Actor& actor);

}  // namespace knooppunt::accounts
