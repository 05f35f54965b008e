#include "api/search_params.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "api/params.h"
#include "domain/geo.h"
#include "domain/taxonomy.h"
#include "domain/time.h"

namespace knooppunt::api {
namespace {

constexpr double kMaxRadiusKm = 500;
constexpr int kMaxAge = 130;

const std::string* Find(const http::QueryParams& query, std::string_view name) {
  auto it = query.find(name);
  return it == query.end() ? nullptr : &it->second;
}

std::optional<double> ParseNumber(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::string KindList() {
  std::string list;
  for (const auto& term : domain::OrganizationKindTerms()) {
    list += (list.empty() ? "" : ", ") + std::string(term.slug);
  }
  return list;
}

}  // namespace

bool WantsSearchEngine(const http::QueryParams& query) {
  for (std::string_view name : {"search", "near", "radius_km", "language", "city", "kind",
                                "open_at", "open_now", "age", "sort"}) {
    if (query.contains(name)) return true;
  }
  return false;
}

Result<search::SearchQuery> ParseSearchQuery(const http::QueryParams& query, search::Target target,
                                             domain::Instant now) {
  search::SearchQuery out;
  out.target = target;
  auto text = ParseText(query, "search");
  if (!text) return text.error();
  out.text = text->value_or("");
  auto language = ParseLanguage(query);
  if (!language) return language.error();
  out.language = language->empty() ? "nl" : *language;

  // The HSDS filters of services (HSDS gives organisations none).
  if (target != search::Target::kOrganizations) {
    for (auto [name, field] : {std::pair{"taxonomy_term_id", &out.taxonomy_term_id},
                               std::pair{"taxonomy_id", &out.taxonomy_id},
                               std::pair{"organization_id", &out.organization_id}}) {
      auto id = ParseUuid(query, name);
      if (!id) return id.error();
      *field = *id;
    }
    auto modified = ParseDateTimeParam(query, "modified_after");
    if (!modified) return modified.error();
    out.modified_after = *modified;
  }
  if (target == search::Target::kServiceAtLocations) {
    auto postcode = ParseText(query, "postcode", 12);
    if (!postcode) return postcode.error();
    out.postcode = *postcode;
  }

  if (const std::string* near = Find(query, "near")) {
    auto point = domain::ParseLatLon(*near);
    if (!point) {
      return InvalidArgument("near",
                             "near must be a latitude and a longitude in degrees, such as "
                             "near=53.2194,6.5665 (latitude -90 to 90, longitude -180 to 180)");
    }
    out.near = *point;
  }
  if (const std::string* radius = Find(query, "radius_km")) {
    auto value = ParseNumber(*radius);
    if (!value || *value <= 0 || *value > kMaxRadiusKm) {
      return InvalidArgument("radius_km",
                             "radius_km must be a number of kilometres above 0 and at "
                             "most 500, such as radius_km=10");
    }
    if (!out.near) {
      return InvalidArgument("radius_km", "radius_km needs near=LAT,LON: the centre of the circle");
    }
    out.radius_km = *value;
  }
  if (const std::string* code = Find(query, "language")) {
    std::string lower = *code;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    bool valid =
        (lower.size() == 2 || lower.size() == 3) &&
        std::all_of(lower.begin(), lower.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!valid) {
      return InvalidArgument("language",
                             "language must be an ISO 639 language code such as ar, ti or nl");
    }
    out.language_offered = lower;
  }
  auto city = ParseText(query, "city", 100);
  if (!city) return city.error();
  out.city = *city;
  if (const std::string* kind = Find(query, "kind")) {
    auto kinds = domain::OrganizationKindTerms();
    bool known = std::any_of(kinds.begin(), kinds.end(), [&](const domain::TermDefinition& term) {
      return term.slug == *kind;
    });
    if (!known) return InvalidArgument("kind", "kind must be one of: " + KindList());
    out.organization_kind = *kind;
  }
  if (const std::string* at = Find(query, "open_at")) {
    auto instant = domain::ParseDateTime(*at);
    if (!instant) {
      return InvalidArgument("open_at",
                             "open_at must be a date-time with a time zone, such as "
                             "2026-11-24T10:00:00+01:00");
    }
    out.open_at = *instant;
  }
  auto open_now = ParseBool(query, "open_now");
  if (!open_now) return open_now.error();
  if (open_now->value_or(false)) {
    if (out.open_at) return InvalidArgument("open_now", "use either open_now or open_at, not both");
    out.open_at = now;
  }
  if (const std::string* age = Find(query, "age")) {
    int value = -1;
    auto [end, ec] = std::from_chars(age->data(), age->data() + age->size(), value);
    if (age->empty() || ec != std::errc() || end != age->data() + age->size() || value < 0 ||
        value > kMaxAge) {
      return InvalidArgument("age", "age must be a whole number of years from 0 to 130");
    }
    out.age = value;
  }
  if (const std::string* sort = Find(query, "sort")) {
    if (*sort == "relevance") {
      out.sort = search::Sort::kRelevance;
    } else if (*sort == "distance") {
      if (!out.near) return InvalidArgument("sort", "sort=distance needs near=LAT,LON");
      out.sort = search::Sort::kDistance;
    } else if (*sort == "name") {
      out.sort = search::Sort::kName;
    } else {
      return InvalidArgument("sort", "sort must be relevance, distance or name");
    }
  }
  return out;
}

}  // namespace knooppunt::api
