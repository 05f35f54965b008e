// Tests of the listing editor (listing_pages.cpp).
