// The whole site on one router: operational routes, the HSDS API, the pages, the account pages,
// static files, who is asking (session cookie or API key) and how refusals are answered. `serve`
// and the tests that walk every route build it the same way.
// Thread-safety: build on one thread; the router then serves from any number of threads.
#pragma once

#include <string>

namespace knooppunt::accounts {
class Accounts;
}
namespace knooppunt::domain {
class Gazetteer;
}
namespace knooppunt::exchange {
class Exchange;
}
namespace knooppunt::http {
class Metrics;
class Router;
class StaticFiles;
}  // namespace knooppunt::http
namespace knooppunt::search {
class SearchIndex;
}
namespace knooppunt::store {
class Store;
}

namespace knooppunt::app {

// What the site is made of; everything must outlive the router.
struct SiteParts {
  store::Store& store;
  search::SearchIndex& index;
  accounts::Accounts& accounts;
  exchange::Exchange& exchange;  // supply and demand
  http::Metrics& metrics;
  const domain::Gazetteer& places;                  // Dutch place names for /api/places
  const http::StaticFiles* static_files = nullptr;  // nullptr: no /static/ route
};

// Registers every route on `router`. `public_url`: how visitors reach the site.
void BuildSite(http::Router& router, const SiteParts& parts, const std::string& public_url);

// /healthz (the process answers), /readyz (the database answers) and /metrics (Prometheus).
void AddOperationalRoutes(http::Router& router, store::Store& store, http::Metrics& metrics);

}  // namespace knooppunt::app
