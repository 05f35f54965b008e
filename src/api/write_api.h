// The JSON write API of the social map: POST /api/organizations and /api/services, and PUT,
// PATCH and DELETE on /api/organizations/{id} and /api/services/{id}. A body is one JSON object
// with the record's own HSDS fields (as GET gives them at the top level); nested records are
// written through their own endpoints. Callers are organisations with a session (and the
// X-CSRF-Token header equal to their csrf cookie) or an organisation API key (Authorization:
// Bearer). Every change is checked against the record's organisation, written with HSDS
// metadata rows in one transaction, logged in the audit log and searchable at once.
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

namespace knooppunt::http {
class Router;
}
namespace knooppunt::search {
class SearchIndex;
}
namespace knooppunt::store {
class Store;
}

namespace knooppunt::api {

// Registers the write routes on `router`. `store` and `index` must outlive the router.
void AddWriteRoutes(http::Router& router, store::Store& store, search::SearchIndex& index);

}  // namespace knooppunt::api
