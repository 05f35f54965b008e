// The platform admins' pages: the audit log (/beheer/logboek, newest first, in pages) and its
// export as CSV (/beheer/logboek.csv). The log holds account ids, never names or addresses.
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

#include <string>

namespace knooppunt::http {
class Router;
}
namespace knooppunt::store {
class Store;
}

namespace knooppunt::web {

// Registers the routes on `router`. `store` must outlive the router.
void AddAdminRoutes(http::Router& router, store::Store& store, const std::string& public_url);

// The audit log as CSV: a header line, then one line per entry, oldest first; every field
// quoted, and a text that a spreadsheet would run as a formula (=, +, -, @) starts with '.
std::string AuditCsv(store::Store& store);

}  // namespace knooppunt::web
