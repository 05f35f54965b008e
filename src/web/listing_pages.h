// The listing editor: the web forms with which an organisation keeps its services, locations,
// opening hours, languages and translations current.
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

#include <string>

namespace knooppunt::http {
class Router;
}
namespace knooppunt::search {
class SearchIndex;
}
namespace knooppunt::store {
class Store;
}

namespace knooppunt::web {

// Registers the routes on `router`. `store` and `index` must outlive the router.
// `public_url`: how visitors reach the site (https makes cookies Secure).
void AddListingRoutes(http::Router& router, store::Store& store, search::SearchIndex& index,
                      const std::string& public_url);

}  // namespace knooppunt::web
