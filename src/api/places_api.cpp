#include "api/places_api.h"

#include <boost/json.hpp>
#include <charconv>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "domain/utf8.h"
#include "http/message.h"
#include "http/router.h"

namespace knooppunt::api {
namespace {

namespace json = boost::json;

constexpr std::string_view kJsonType = "application/json; charset=utf-8";
constexpr std::size_t kMaxQueryCodePoints = 100;
constexpr std::size_t kDefaultLimit = 10;
constexpr std::size_t kMaxLimit = 20;

// `q`: trimmed, clean UTF-8, 1..100 code points.
Result<std::string> ParseQuery(const http::QueryParams& query) {
  auto it = query.find("q");
  std::string_view text = it == query.end() ? std::string_view() : std::string_view(it->second);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return InvalidArgument("q", "q is required: the place name typed so far");
  if (!domain::IsCleanText(text)) {
    return InvalidArgument("q", "q must be UTF-8 text without NUL characters");
  }
  if (domain::CodePoints(text) > kMaxQueryCodePoints) {
    return InvalidArgument("q", "q may be at most 100 characters long");
  }
  return std::string(text);
}

// `limit`: a whole number from 1 to 20; 10 when absent.
Result<std::size_t> ParseLimit(const http::QueryParams& query) {
  auto it = query.find("limit");
  if (it == query.end()) return kDefaultLimit;
  const std::string& text = it->second;
  std::size_t limit = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), limit);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || limit < 1 ||
      limit > kMaxLimit) {
    return InvalidArgument("limit", "limit must be a whole number from 1 to 20");
  }
  return limit;
}

// GET /api/places
http::Response Places(const domain::Gazetteer& gazetteer, const http::RequestContext& context) {
  auto text = ParseQuery(context.query);
  if (!text) return http::JsonError(context.request, text.error());
  auto limit = ParseLimit(context.query);
  if (!limit) return http::JsonError(context.request, limit.error());
  json::array places;
  for (const domain::Place& place : gazetteer.Find(*text, *limit)) {
    places.push_back(json::object{{"name", place.name},
                                  {"province", place.province},
                                  {"latitude", place.latitude},
                                  {"longitude", place.longitude}});
  }
  json::object out;
  out["places"] = std::move(places);
  return http::MakeResponse(context.request, 200, std::string(kJsonType), json::serialize(out));
}

}  // namespace

void AddPlacesRoutes(http::Router& router, const domain::Gazetteer& gazetteer) {
  router.Get(
      "/api/places", domain::Permission::kPublic,
      [&gazetteer](const http::RequestContext& context) { return Places(gazetteer, context); });
}

Result<domain::Gazetteer> LoadGazetteer(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  if (in) text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in.is_open() || in.bad()) {
    return NotFound("cannot read the place list " + file.string() +
                    "; it is built by \"node scripts/build-assets.mjs\"");
  }
  auto gazetteer = domain::Gazetteer::Parse(text);
  if (!gazetteer) {
    const Error& error = gazetteer.error();
    return InvalidArgument(error.field, file.string() + ": " + error.message);
  }
  return gazetteer;
}

}  // namespace knooppunt::api
