// The pages of supply and demand for everyone: browsing and filtering postings (a list and a
// map) at /vraag-en-aanbod, one posting at /vraag-en-aanbod/{id} (with its status steps for its
// author and keepers), posting a request or an offer in four short steps at
// /vraag-en-aanbod/nieuw (earlier steps ride along in hidden fields, so no JavaScript is
// needed), editing at /vraag-en-aanbod/{id}/bewerken, one's own postings at
// /vraag-en-aanbod/mijn, and the matching profile with consent, suggestions and deletion at
// /mijn-profiel. All rules are the exchange layer's; the pages never read postings themselves.
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

#include <string>

namespace knooppunt::domain {
class Gazetteer;
}
namespace knooppunt::exchange {
class Exchange;
}
namespace knooppunt::http {
class Router;
}
namespace knooppunt::store {
class Store;
}

namespace knooppunt::web {

// Registers the routes on `router`; the arguments must outlive it. `public_url`: how visitors
// reach the site, without a trailing slash.
void AddPostingRoutes(http::Router& router, store::Store& store, exchange::Exchange& exchange,
                      const domain::Gazetteer& places, const std::string& public_url);

}  // namespace knooppunt::web
