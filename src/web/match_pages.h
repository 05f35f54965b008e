// The pages of matches: my matches at /mijn-matches with the reasons of each proposal, one match
// at /mijn-matches/{id} (answer yes or no, messages once both said yes, feedback), and the help
// desk's pages: the moderation queue at /beheer/moderatie and matching rounds at /beheer/rondes
// (run a round, review proposals with reasons, swap or drop, send). All rules are the exchange
// layer's.
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

#include <string>

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
void AddMatchRoutes(http::Router& router, store::Store& store, exchange::Exchange& exchange,
                    const std::string& public_url);

}  // namespace knooppunt::web
