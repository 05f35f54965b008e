// Export of the whole social map as HSDS 3.0 files: a tabular data package (one CSV per table,
// lossless) or compiled JSON (organizations with their services, as the API writes them). Each
// file is written to NAME.tmp and then renamed, so a reader never sees half a file.
// Thread-safety: may run from any thread, also while others write; tables are read in batches,
// so an export taken during writes is not one snapshot.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "domain/result.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::api {

enum class ExportFormat {
  kJson,  // organizations.json, services.json (those without an organization), taxonomies.json,
          // taxonomy_terms.json, translations.json; records no organization or service reaches
          // (and meta_table_description) are not written
  kCsv,   // every table as TableSpec::csv_file plus datapackage.json; re-imports exactly
};

// Writes every record into `out_dir` (created when missing). kCsv: one CSV per table (header =
// all field names, an empty cell for null) and a datapackage.json listing the resources (name,
// path, schema.fields with name and type). kJson: organizations.json (an array of full
// organizations with their services in full), services.json (full services without an
// organization), and arrays of plain records in taxonomies.json, taxonomy_terms.json and
// translations.json. Success: table name → distinct records written (tables with none left
// out). Failure: kUnavailable naming the file that could not be written; the store's error when
// reading fails. Files already renamed into place stay.
Result<std::map<std::string, int64_t>> ExportHsds(store::Store& store, ExportFormat format,
                                                  const std::filesystem::path& out_dir);

}  // namespace knooppunt::api
