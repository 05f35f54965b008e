// The HSDS 3.0 API under /api/: the root, services, organizations, service_at_locations,
// taxonomies and taxonomy_terms, lists with paging and filters, ndjson streams, search with its
// extensions (/api/search/suggest, /facets, /explain) and /api/openapi.json; and, as Knooppunt
// extensions, the records HSDS nests (locations, schedules, languages, addresses, phones) as
// collections of their own. Handlers are thin: they parse parameters, ask the store, write JSON.
// Thread-safety: the routes may be called from any number of threads; the Store is thread-safe.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace knooppunt::http {
class Router;
}
namespace knooppunt::store {
class Store;
}
namespace knooppunt::search {
class SearchIndex;
}

namespace knooppunt::api {

struct ApiOptions {
  // The address the site is reached at from outside, without a trailing slash; used for
  // `openapi_url` and `profile` in GET /api/.
  std::string public_url = "http://localhost:8080";
  // How long a search answer (/api/services, /organizations and /service_at_locations lists,
  // /api/search/suggest and /facets) may be served again from memory, as long as the search
  // index has taken in no change since; 0 answers every request afresh. It bounds how late
  // `open_now` can be.
  std::chrono::milliseconds cache_ttl{15000};
};

// Registers every /api/ route on `router`. `store` and `index` must outlive the router. Lists
// with `search` or a search extension parameter are answered by `index`.
void AddHsdsRoutes(http::Router& router, store::Store& store, search::SearchIndex& index,
                   const ApiOptions& options);

// The OpenAPI 3.1 document of the API (src/api/openapi.json, compiled in).
std::string_view OpenApiDocument();

}  // namespace knooppunt::api
