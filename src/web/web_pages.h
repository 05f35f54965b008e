// The pages people see: home, search results with filters and a map, service, organisation,
// topic, about, privacy and accessibility, the "report a mistake" form, a 404 page in the
// visitor's language and sitemap.xml. Server-rendered with ctemplate (auto-escaped); the same
// Dutch path words in every language, other languages under a prefix (/en/zoeken, /ar/zoeken).
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

#include <chrono>
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

struct WebOptions {
  // How visitors reach the site, without a trailing slash; cookies get `Secure` for https.
  std::string public_url = "http://localhost:8080";
  // Reports one visitor address may send per window before getting 429.
  int reports_per_window = 5;
  std::chrono::seconds report_window{600};
  // Results per page.
  int per_page = 20;
};

// Registers every page route on `router`. `store` and `index` must outlive the router.
void AddWebRoutes(http::Router& router, store::Store& store, search::SearchIndex& index,
                  const WebOptions& options);

}  // namespace knooppunt::web
