// Dutch places for the place field of postings and profiles (issue "Supply and demand"):
// GET /api/places completes what a person types into a place name with its province and
// coordinates, from the GeoNames list scripts/build-assets.mjs writes (domain/places.h).
// Thread-safety: the route may be called from any number of threads (the Gazetteer is
// immutable); LoadGazetteer is a plain function.
#pragma once

#include <filesystem>

#include "domain/places.h"
#include "domain/result.h"

namespace knooppunt::http {
class Router;
}

namespace knooppunt::api {

// Registers GET /api/places (public): `q` (required, 1..100 characters) and `limit` (1..20,
// default 10) give {"places": [{"name", "province", "latitude", "longitude"}, …]}, best first
// (Gazetteer::Find); a malformed parameter gives 400 naming it. `gazetteer` must outlive the
// router.
void AddPlacesRoutes(http::Router& router, const domain::Gazetteer& gazetteer);

// Reads and parses the place list (static/build/places-nl.tsv). Failure: kNotFound when the file
// cannot be read (the message says how to build it), kInvalidArgument naming the file and line
// when it is malformed.
Result<domain::Gazetteer> LoadGazetteer(const std::filesystem::path& file);

}  // namespace knooppunt::api
