// The JSON API of supply and demand: /api/postings, /api/profiles/me, /api/matches and
// /api/match-rounds (documented in openapi.json, "Supply and demand"). Every rule is the
// exchange layer's; this only reads requests, calls exchange::Exchange as the asking actor and
// writes answers. Postings are shown whole (with author_id, moderated_by and the exact place)
// to their author and to moderators only, and to everyone else without the accounts behind them
// and with the place rounded to about a kilometre. Writes by a session need the X-CSRF-Token
// header equal to the csrf cookie; bodies are one JSON object whose every property is checked.
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

namespace knooppunt::exchange {
class Exchange;
}
namespace knooppunt::http {
class Router;
}
namespace knooppunt::store {
class Store;
}

namespace knooppunt::api {

// Registers the routes on `router`; `store` and `exchange` must outlive it.
void AddExchangeRoutes(http::Router& router, store::Store& store, exchange::Exchange& exchange);

}  // namespace knooppunt::api
