#include "web/listing_pages.h"

namespace knooppunt::web {

void AddListingRoutes(http::Router&, store::Store&, search::SearchIndex&, const std::string&) {}

}  // namespace knooppunt::web
