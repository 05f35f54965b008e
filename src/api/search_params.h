// The search parameters of the list endpoints: HSDS `search` and the HSDS filters, plus
// Knooppunt's extensions (near, radius_km, language, city, kind, open_at, open_now, age, sort).
// Every failure is kInvalidArgument naming the parameter, with what is allowed.
// Thread-safety: pure functions.
#pragma once

#include "domain/result.h"
#include "http/router.h"
#include "search/query.h"

namespace knooppunt::api {

// True when the request asks for anything only the search engine answers (`search` or any
// extension parameter); plain HSDS lists are read from the store in name order.
bool WantsSearchEngine(const http::QueryParams& query);

// The query for `target`, without paging. `now` stands in for open_now=true.
Result<search::SearchQuery> ParseSearchQuery(const http::QueryParams& query, search::Target target,
                                             domain::Instant now);

}  // namespace knooppunt::api
