// The JSON write API of the social map: POST /api/<collection>, and PUT, PATCH and DELETE on
// /api/<collection>/{id}, for organizations, services, locations, service_at_locations (a
// service at a location), schedules, languages, addresses and phones. A body is one JSON object
// with the record's own HSDS fields (as GET gives them at the top level); nested records are
// written through their own endpoints. Callers are organisations with a session (and the
// X-CSRF-Token header equal to their csrf cookie) or an organisation API key (Authorization:
// Bearer). Who may write a record is decided by the organisations it belongs to
// (accounts::Listings::OrganizationOf, for the record and for every record it points at; on
// PUT/PATCH for the old and the new version); a record of no organisation is for the help desk
// and platform administrators only. Every change is written with HSDS metadata rows in one
// transaction, logged in the audit log and searchable at once.
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
