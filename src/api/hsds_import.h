// Import of HSDS 3.0 data into the store: compiled JSON objects (as the HSDS API and `export`
// write them, flattened back into records along hsds_shape.h) and tabular data packages (CSV).
// Every record is validated before anything is written; each file is one transaction.
// Thread-safety: free functions; the Store is thread-safe, so imports may run from any thread.
#pragma once

#include <boost/json/fwd.hpp>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "domain/model.h"
#include "domain/result.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::api {

inline constexpr std::uintmax_t kMaxImportFileBytes = std::uintmax_t{256} << 20;
inline constexpr std::size_t kMaxImportJsonDepth = 64;

struct ImportReport {
  std::map<std::string, int64_t> records_per_table;  // table name → distinct records written
  int64_t files = 0;                                 // files read (a CSV package counts each CSV)
};

// Imports HSDS 3.0 data at `path` into the store. `path` may be:
// - a .json file: one compiled organization, service or service_at_location object, an array of
//   them, an HSDS page {"contents": [...]}, or tabular JSON {"services.csv": [...], ...}; files
//   named after a table (taxonomies.json, taxonomy_term.json, translations.json, ...) hold
//   records of that table; otherwise an object is a service when it has "status" or
//   "service_at_locations", a service_at_location when it has a "service" or "location" object,
//   a location when it has "location_type", a taxonomy_term when it has "taxonomy_detail" or
//   "term_uri", and an organization when none of these;
// - an .ndjson (or .jsonl) file: one such object per line;
// - a .csv file named as a TableSpec::csv_file: that one table;
// - a folder holding a tabular data package (CSV files named as TableSpec::csv_file, or listed
//   with their paths in a datapackage.json that parses), imported as one unit;
// - a folder of .json/.ndjson files (as ExportHsds kJson writes them), in dependency order.
// Each file (or CSV package) is all-or-nothing; records with an id already stored are updated,
// so importing the same data twice changes nothing. Within a unit, a record met twice is one
// record: in JSON the occurrences are merged (a value met later wins, one left out keeps the
// earlier value, so a phone nested under both a service and a location keeps both links); in
// CSV the later row wins. Unknown properties and columns (HSDS extensions) are ignored.
// Success: the records written. Failure: kInvalidArgument naming the file, the record (line or
// position, and id when known) and the field, e.g. "services.csv line 4 (id 1b2c...):
// service.status must be one of: ..."; kNotFound when `path` does not exist; the store's error
// (prefixed with the file) when writing fails. Files written before a failing file stay written.
Result<ImportReport> ImportHsds(store::Store& store, const std::filesystem::path& path);

// The records in one compiled HSDS object of `table` (a service, organization, ... as HsdsWriter
// writes it), nested ones included, with the keys the nesting implies filled in when missing
// (a phone under a service gets service_id; an attribute gets link_id and link_entity). Records
// are not validated and may repeat. Failure: kInvalidArgument naming a property whose JSON type
// is wrong (an object where a text is expected, a boolean, a string for a number, ...).
Result<std::vector<domain::Record>> FlattenHsdsObject(const boost::json::object& object,
                                                      domain::Table table);

}  // namespace knooppunt::api
