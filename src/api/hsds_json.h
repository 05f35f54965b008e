// HSDS 3.0 JSON from the store's records: the compiled objects of the API (a service with its
// locations, schedules, languages, ...), built from the table descriptions so every field of
// every table is written the same way. Used by the API handlers and by `export`.
// Thread-safety: a HsdsWriter is used by one request at a time; the Store is thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "domain/model.h"
#include "domain/result.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::api {

enum class Depth {
  kMinimal,  // id, name, status and last_modified only (HSDS `minimal`)
  kList,     // the record's own fields plus its one-to-one parents (list endpoints)
  kFull,     // everything nested, as /services/{id} returns
};

// A record's own fields as a JSON object: nulls left out, numbers as JSON numbers.
boost::json::object RecordFields(const domain::Record& record);

class HsdsWriter {
 public:
  // `language`: when not empty, names and descriptions that have a translation into this
  // language (ISO 639-1) are given in it; others stay as stored.
  HsdsWriter(store::Store& store, std::string language);

  // Each returns the compiled object, or the store's error.
  Result<boost::json::object> Service(const domain::Record& service, Depth depth);
  Result<boost::json::object> ServiceAtLocation(const domain::Record& service_at_location,
                                                Depth depth);
  // `services`: kMinimal leaves them out, kList gives each service's own fields, kFull nests them
  // fully.
  Result<boost::json::object> Organization(const domain::Record& organization, Depth depth,
                                           Depth services);
  // Any record of the social map as its HSDS schema describes it (location.json, schedule.json,
  // phone.json, ...): its own fields, the records nested under it (hsds_shape.h: a location's
  // addresses, phones, schedules, languages, ...), its attributes and metadata.
  Result<boost::json::object> Full(const domain::Record& record);
  // The record's own fields only (translated as `language` says), as lists give them.
  Result<boost::json::object> OwnFields(const domain::Record& record);
  Result<boost::json::object> Taxonomy(const domain::Record& taxonomy);
  Result<boost::json::object> TaxonomyTerm(const domain::Record& term);

 private:
  Result<boost::json::object> Nested(const domain::Record& record);
  Result<boost::json::object> Own(const domain::Record& record);
  Status AddChildren(boost::json::object& out, const domain::Record& record);
  Status AddAttributes(boost::json::object& out, const domain::Record& record);

  store::Store& store_;
  std::string language_;
};

}  // namespace knooppunt::api
