#include "api/hsds_api.h"

#include <algorithm>
#include <boost/json.hpp>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "api/hsds_json.h"
#include "api/hsds_shape.h"
#include "api/params.h"
#include "api/search_params.h"
#include "domain/taxonomy.h"
#include "http/message.h"
#include "http/response_cache.h"
#include "http/router.h"
#include "search/search_index.h"
#include "store/store.h"

namespace knooppunt::api {
namespace {

namespace json = boost::json;
using domain::Record;
using domain::Table;

constexpr int64_t kStreamBatch = 500;
constexpr std::string_view kJsonType = "application/json; charset=utf-8";

using Lister = std::function<Result<store::Page>(store::PageRequest)>;
using Renderer = std::function<Result<json::object>(HsdsWriter&, const Record&)>;

http::Response Json(const http::Request& request, const json::value& value) {
  return http::MakeResponse(request, 200, std::string(kJsonType), json::serialize(value));
}

http::Response Fail(const http::RequestContext& context, const Error& error) {
  return http::JsonError(context.request, error);
}

// The HSDS Page envelope with all eight fields.
json::object Envelope(const store::Page& page, store::PageRequest request, json::array contents) {
  int64_t total_pages =
      page.total == 0 ? 0 : (page.total + request.per_page - 1) / request.per_page;
  json::object out;
  out["total_items"] = page.total;
  out["total_pages"] = total_pages;
  out["page_number"] = request.page;
  out["size"] = static_cast<int64_t>(contents.size());
  out["first_page"] = request.page == 1;
  out["last_page"] = request.page >= total_pages;
  out["empty"] = contents.empty();
  out["contents"] = std::move(contents);
  return out;
}

// Answers a list request: one page as JSON, or every match as ndjson, streamed in batches.
// `did_you_mean`, when given, is filled by `list` and added to the page when not empty.
http::Response ListResponse(const http::RequestContext& context, store::Store& store,
                            std::string language, Lister list, Renderer render,
                            std::shared_ptr<std::string> did_you_mean = nullptr) {
  auto format = ParseFormat(context.query);
  if (!format) return Fail(context, format.error());
  if (*format == Format::kNdjson) {
    struct Stream {
      store::Store* store;
      std::string language;
      Lister list;
      Renderer render;
      int64_t next_page = 1;
      bool done = false;
    };
    auto state = std::make_shared<Stream>(
        Stream{&store, std::move(language), std::move(list), std::move(render)});
    http::Response response =
        http::MakeResponse(context.request, 200, "application/x-ndjson; charset=utf-8", "");
    response.stream = [state](std::string& chunk) {
      chunk.clear();
      if (state->done) return false;
      auto page = state->list({.page = state->next_page++, .per_page = kStreamBatch});
      if (!page || page->records.empty()) {
        state->done = true;
        return false;
      }
      HsdsWriter writer(*state->store, state->language);
      for (const Record& record : page->records) {
        auto item = state->render(writer, record);
        if (!item) {
          state->done = true;
          return !chunk.empty();
        }
        chunk += json::serialize(*item);
        chunk += '\n';
      }
      if (static_cast<int64_t>(page->records.size()) < kStreamBatch) state->done = true;
      return true;
    };
    return response;
  }
  auto page_request = ParsePage(context.query);
  if (!page_request) return Fail(context, page_request.error());
  auto page = list(*page_request);
  if (!page) return Fail(context, page.error());
  HsdsWriter writer(store, language);
  json::array contents;
  for (const Record& record : page->records) {
    auto item = render(writer, record);
    if (!item) return Fail(context, item.error());
    contents.push_back(std::move(*item));
  }
  json::object envelope = Envelope(*page, *page_request, std::move(contents));
  if (did_you_mean && !did_you_mean->empty()) envelope["did_you_mean"] = *did_you_mean;
  return Json(context.request, envelope);
}

// Pages of search hits, read back from the store (a hit the store no longer has is skipped:
// the index is about to catch up).
Lister EngineLister(search::SearchIndex& index, store::Store& store, Table table,
                    search::SearchQuery query, std::shared_ptr<std::string> did_you_mean) {
  return [&index, &store, table, query = std::move(query),
          did_you_mean](store::PageRequest page) -> Result<store::Page> {
    search::SearchQuery ask = query;
    ask.offset = (page.page - 1) * page.per_page;
    ask.limit = page.per_page;
    auto result = index.Search(ask);
    if (!result) return result.error();
    *did_you_mean = result->did_you_mean;
    store::Page out;
    out.total = result->total;
    for (const search::Hit& hit : result->hits) {
      auto record = store.Get(table, hit.id);
      if (!record) return record.error();
      if (*record) out.records.push_back(std::move(**record));
    }
    return out;
  };
}

// Reads the `{id}` path parameter and the record behind it: 400 for a malformed id, 404 when none.
Result<Record> RecordFromPath(const http::RequestContext& context, store::Store& store,
                              Table table) {
  auto it = context.path_params.find("id");
  std::string id = it == context.path_params.end() ? std::string() : it->second;
  auto uuid = domain::NormaliseValue(domain::FieldType::kUuid, id);
  if (!uuid) return InvalidArgument("id", "the id in the address must be a UUID");
  auto record = store.Get(table, *uuid);
  if (!record) return record.error();
  if (!*record) {
    return NotFound("no " + std::string(domain::Spec(table).name) + " with id " + *uuid);
  }
  return std::move(**record);
}

// The records HSDS nests under services and locations, served as collections of their own
// (Knooppunt extension; HSDS 3.0 has no /locations): each is filtered by the references that
// lead to its owners.
struct Collection {
  Table table;
  std::span<const std::string_view> filters;  // fields the list may be filtered by (UUIDs)
};
constexpr std::string_view kLocationFilters[] = {"organization_id"};
constexpr std::string_view kScheduleFilters[] = {"service_id", "location_id",
                                                 "service_at_location_id"};
constexpr std::string_view kLanguageFilters[] = {"service_id", "location_id", "phone_id"};
constexpr std::string_view kAddressFilters[] = {"location_id"};
constexpr std::string_view kPhoneFilters[] = {"organization_id", "service_id", "location_id",
                                              "service_at_location_id"};
constexpr Collection kCollections[] = {
    {Table::kLocation, kLocationFilters}, {Table::kSchedule, kScheduleFilters},
    {Table::kLanguage, kLanguageFilters}, {Table::kAddress, kAddressFilters},
    {Table::kPhone, kPhoneFilters},
};

using Filters = std::vector<std::pair<std::string_view, std::string>>;

// Pages of a table the store has no list query for, in id order. With filters: the rows FindBy
// gives for the first, narrowed by the others. Without: a scan that stops at the end of the
// page, so page n reads n pages (fine for the first pages; a store list query would do better).
Lister TableLister(store::Store& store, Table table, Filters filters) {
  return [&store, table,
          filters = std::move(filters)](store::PageRequest page) -> Result<store::Page> {
    const int64_t first = (page.page - 1) * page.per_page;
    store::Page out;
    if (!filters.empty()) {
      auto rows = store.FindBy(table, filters.front().first, filters.front().second);
      if (!rows) return rows.error();
      for (const Record& row : *rows) {
        bool matches = std::all_of(filters.begin() + 1, filters.end(), [&](const auto& filter) {
          return row.Get(filter.first) == filter.second;
        });
        if (!matches) continue;
        if (out.total >= first && out.total < first + page.per_page) out.records.push_back(row);
        ++out.total;
      }
      return out;
    }
    auto total = store.Count(table);
    if (!total) return total.error();
    out.total = *total;
    if (first >= out.total) return out;
    int64_t seen = 0;
    Status scanned = store.ForEach(table, [&](const Record& row) {
      if (seen++ >= first) out.records.push_back(row);
      return static_cast<int64_t>(out.records.size()) < page.per_page;
    });
    if (!scanned) return scanned.error();
    return out;
  };
}

// Parses the filters shared by /services and /service_at_locations.
Result<store::ServiceFilter> ParseServiceFilter(const http::QueryParams& query) {
  store::ServiceFilter filter;
  auto organization = ParseUuid(query, "organization_id");
  if (!organization) return organization.error();
  auto term = ParseUuid(query, "taxonomy_term_id");
  if (!term) return term.error();
  auto taxonomy = ParseUuid(query, "taxonomy_id");
  if (!taxonomy) return taxonomy.error();
  auto modified = ParseDateTimeParam(query, "modified_after");
  if (!modified) return modified.error();
  auto search = ParseText(query, "search");
  if (!search) return search.error();
  filter.organization_id = *organization;
  filter.taxonomy_term_id = *term;
  filter.taxonomy_id = *taxonomy;
  filter.modified_after = *modified;
  filter.search = *search;
  return filter;
}

// `minimal` and `full` choose how much of each service is written.
Result<Depth> ParseDepth(const http::QueryParams& query) {
  auto minimal = ParseBool(query, "minimal");
  if (!minimal) return minimal.error();
  auto full = ParseBool(query, "full");
  if (!full) return full.error();
  if (minimal->value_or(false) && full->value_or(false)) {
    return InvalidArgument("full", "use either minimal=true or full=true, not both");
  }
  if (minimal->value_or(false)) return Depth::kMinimal;
  return full->value_or(false) ? Depth::kFull : Depth::kList;
}

class HsdsApi {
 public:
  HsdsApi(store::Store& store, search::SearchIndex& index, ApiOptions options)
      : store_(store), index_(index), options_(std::move(options)) {}

  http::Response Root(const http::RequestContext& context) const {
    json::object out;
    out["version"] = "3.0";
    out["profile"] = options_.public_url + "/api/openapi.json#knooppunt-profile";
    out["openapi_url"] = options_.public_url + "/api/openapi.json";
    return Json(context.request, out);
  }

  http::Response Services(const http::RequestContext& context) const {
    auto filter = ParseServiceFilter(context.query);
    if (!filter) return Fail(context, filter.error());
    auto depth = ParseDepth(context.query);
    if (!depth) return Fail(context, depth.error());
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    auto render = [depth = *depth](HsdsWriter& writer, const Record& record) {
      return writer.Service(record, depth);
    };
    if (WantsSearchEngine(context.query)) {
      return Searched(context, search::Target::kServices, Table::kService, *language, render);
    }
    return ListResponse(
        context, store_, *language,
        [this, filter = *filter](store::PageRequest page) {
          return store_.ListServices(filter, page);
        },
        [depth = *depth](HsdsWriter& writer, const Record& record) {
          return writer.Service(record, depth);
        });
  }

  http::Response Service(const http::RequestContext& context) const {
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    auto record = RecordFromPath(context, store_, Table::kService);
    if (!record) return Fail(context, record.error());
    HsdsWriter writer(store_, *language);
    auto out = writer.Service(*record, Depth::kFull);
    if (!out) return Fail(context, out.error());
    return Json(context.request, *out);
  }

  http::Response Organizations(const http::RequestContext& context) const {
    auto search = ParseText(context.query, "search");
    if (!search) return Fail(context, search.error());
    auto full = ParseBool(context.query, "full");
    if (!full) return Fail(context, full.error());
    auto full_service = ParseBool(context.query, "full_service");
    if (!full_service) return Fail(context, full_service.error());
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    Depth depth = full->value_or(false) ? Depth::kFull : Depth::kList;
    Depth services = full_service->value_or(false) ? Depth::kFull
                     : depth == Depth::kFull       ? Depth::kList
                                                   : Depth::kMinimal;
    if (WantsSearchEngine(context.query)) {
      return Searched(context, search::Target::kOrganizations, Table::kOrganization, *language,
                      [depth, services](HsdsWriter& writer, const Record& record) {
                        return writer.Organization(record, depth, services);
                      });
    }
    return ListResponse(
        context, store_, *language,
        [this, search = *search](store::PageRequest page) {
          return store_.ListOrganizations(search, page);
        },
        [depth, services](HsdsWriter& writer, const Record& record) {
          return writer.Organization(record, depth, services);
        });
  }

  http::Response Organization(const http::RequestContext& context) const {
    auto full_service = ParseBool(context.query, "full_service");
    if (!full_service) return Fail(context, full_service.error());
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    auto record = RecordFromPath(context, store_, Table::kOrganization);
    if (!record) return Fail(context, record.error());
    HsdsWriter writer(store_, *language);
    auto out = writer.Organization(*record, Depth::kFull,
                                   full_service->value_or(false) ? Depth::kFull : Depth::kList);
    if (!out) return Fail(context, out.error());
    return Json(context.request, *out);
  }

  http::Response ServiceAtLocations(const http::RequestContext& context) const {
    auto filter = ParseServiceFilter(context.query);
    if (!filter) return Fail(context, filter.error());
    auto postcode = ParseText(context.query, "postcode", 12);
    if (!postcode) return Fail(context, postcode.error());
    filter->postcode = *postcode;
    if (context.query.contains("proximity")) {
      return Fail(
          context,
          InvalidArgument("proximity", "proximity is not supported; filter by postcode instead"));
    }
    auto full = ParseBool(context.query, "full");
    if (!full) return Fail(context, full.error());
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    Depth depth = full->value_or(false) ? Depth::kFull : Depth::kList;
    if (WantsSearchEngine(context.query)) {
      return Searched(context, search::Target::kServiceAtLocations, Table::kServiceAtLocation,
                      *language, [depth](HsdsWriter& writer, const Record& record) {
                        return writer.ServiceAtLocation(record, depth);
                      });
    }
    return ListResponse(
        context, store_, *language,
        [this, filter = *filter](store::PageRequest page) {
          return store_.ListServiceAtLocations(filter, page);
        },
        [depth](HsdsWriter& writer, const Record& record) {
          return writer.ServiceAtLocation(record, depth);
        });
  }

  http::Response ServiceAtLocation(const http::RequestContext& context) const {
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    auto record = RecordFromPath(context, store_, Table::kServiceAtLocation);
    if (!record) return Fail(context, record.error());
    HsdsWriter writer(store_, *language);
    auto out = writer.ServiceAtLocation(*record, Depth::kFull);
    if (!out) return Fail(context, out.error());
    return Json(context.request, *out);
  }

  // GET /api/locations, /api/schedules, ...: a page of the collection's records, their own
  // fields (full=true: nested as the item endpoint gives them).
  http::Response Records(const http::RequestContext& context, const Collection& collection) const {
    Filters filters;
    for (std::string_view name : collection.filters) {
      auto value = ParseUuid(context.query, name);
      if (!value) return Fail(context, value.error());
      if (*value) filters.emplace_back(name, **value);
    }
    auto full = ParseBool(context.query, "full");
    if (!full) return Fail(context, full.error());
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    Depth depth = full->value_or(false) ? Depth::kFull : Depth::kList;
    return ListResponse(
        context, store_, *language, TableLister(store_, collection.table, std::move(filters)),
        [depth](HsdsWriter& writer, const Record& record) {
          return depth == Depth::kFull ? writer.Full(record) : writer.OwnFields(record);
        });
  }

  // GET /api/locations/{id}, /api/schedules/{id}, ...: the record as its HSDS schema nests it.
  http::Response Item(const http::RequestContext& context, Table table) const {
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    auto record = RecordFromPath(context, store_, table);
    if (!record) return Fail(context, record.error());
    HsdsWriter writer(store_, *language);
    auto out = writer.Full(*record);
    if (!out) return Fail(context, out.error());
    return Json(context.request, *out);
  }

  http::Response Taxonomies(const http::RequestContext& context) const {
    auto search = ParseText(context.query, "search");
    if (!search) return Fail(context, search.error());
    return ListResponse(
        context, store_, "",
        [this, search = *search](store::PageRequest page) {
          return store_.ListTaxonomies(search, page);
        },
        [](HsdsWriter& writer, const Record& record) { return writer.Taxonomy(record); });
  }

  http::Response Taxonomy(const http::RequestContext& context) const {
    auto record = RecordFromPath(context, store_, Table::kTaxonomy);
    if (!record) return Fail(context, record.error());
    HsdsWriter writer(store_, "");
    auto out = writer.Taxonomy(*record);
    if (!out) return Fail(context, out.error());
    return Json(context.request, *out);
  }

  http::Response TaxonomyTerms(const http::RequestContext& context) const {
    store::TermFilter filter;
    auto search = ParseText(context.query, "search");
    if (!search) return Fail(context, search.error());
    auto taxonomy = ParseUuid(context.query, "taxonomy_id");
    if (!taxonomy) return Fail(context, taxonomy.error());
    auto parent = ParseUuid(context.query, "parent_id");
    if (!parent) return Fail(context, parent.error());
    auto top_only = ParseBool(context.query, "top_only");
    if (!top_only) return Fail(context, top_only.error());
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    filter.search = *search;
    filter.taxonomy_id = *taxonomy;
    filter.parent_id = *parent;
    filter.top_only = top_only->value_or(false);
    return ListResponse(
        context, store_, *language,
        [this, filter](store::PageRequest page) { return store_.ListTaxonomyTerms(filter, page); },
        [](HsdsWriter& writer, const Record& record) { return writer.TaxonomyTerm(record); });
  }

  http::Response TaxonomyTerm(const http::RequestContext& context) const {
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    auto record = RecordFromPath(context, store_, Table::kTaxonomyTerm);
    if (!record) return Fail(context, record.error());
    HsdsWriter writer(store_, *language);
    auto out = writer.TaxonomyTerm(*record);
    if (!out) return Fail(context, out.error());
    return Json(context.request, *out);
  }

  // GET /api/search/suggest?q=: completions of the last word typed.
  http::Response Suggest(const http::RequestContext& context) const {
    auto text = ParseText(context.query, "q", 100);
    if (!text) return Fail(context, text.error());
    if (!*text) return Fail(context, InvalidArgument("q", "q is required: the text typed so far"));
    int64_t limit = 10;
    if (auto it = context.query.find("limit"); it != context.query.end()) {
      auto page = ParsePage({{"per_page", it->second}});
      if (!page || page->per_page > 20) {
        return Fail(context, InvalidArgument("limit", "limit must be a whole number from 1 to 20"));
      }
      limit = page->per_page;
    }
    auto completions = index_.Suggest(**text, static_cast<int>(limit));
    if (!completions) return Fail(context, completions.error());
    json::object out;
    out["query"] = **text;
    json::array suggestions;
    for (const std::string& completion : *completions) suggestions.emplace_back(completion);
    out["suggestions"] = std::move(suggestions);
    return Json(context.request, out);
  }

  // GET /api/search/facets: counts per need, language, kind and city over all matches.
  http::Response Facets(const http::RequestContext& context) const {
    auto language = ParseLanguage(context.query);
    if (!language) return Fail(context, language.error());
    auto query = ParseSearchQuery(context.query, search::Target::kServices, domain::Now());
    if (!query) return Fail(context, query.error());
    auto facets = index_.Facets(*query);
    if (!facets) return Fail(context, facets.error());
    HsdsWriter writer(store_, *language);
    json::array terms;
    for (const search::FacetCount& count : facets->terms) {
      auto term = store_.Get(Table::kTaxonomyTerm, count.key);
      if (!term) return Fail(context, term.error());
      if (!*term) continue;
      auto written = writer.TaxonomyTerm(**term);
      if (!written) return Fail(context, written.error());
      terms.push_back(json::object{{"id", count.key},
                                   {"name", (*written)["name"]},
                                   {"parent_id", (*written)["parent_id"]},
                                   {"count", count.count}});
    }
    json::array languages;
    for (const search::FacetCount& count : facets->languages) {
      languages.push_back(json::object{{"code", count.key}, {"count", count.count}});
    }
    json::array kinds;
    for (const search::FacetCount& count : facets->kinds) {
      kinds.push_back(json::object{
          {"kind", count.key}, {"name", KindName(count.key, *language)}, {"count", count.count}});
    }
    json::array cities;
    for (const search::FacetCount& count : facets->cities) {
      cities.push_back(json::object{{"city", count.key}, {"count", count.count}});
    }
    json::object out;
    out["total_items"] = facets->total;
    out["taxonomy_terms"] = std::move(terms);
    out["languages"] = std::move(languages);
    out["kinds"] = std::move(kinds);
    out["cities"] = std::move(cities);
    return Json(context.request, out);
  }

  // GET /api/search/explain: the parts of each hit's score, for tests and tuning.
  http::Response Explain(const http::RequestContext& context) const {
    auto query = ParseSearchQuery(context.query, search::Target::kServices, domain::Now());
    if (!query) return Fail(context, query.error());
    auto page = ParsePage(context.query);
    if (!page) return Fail(context, page.error());
    query->offset = (page->page - 1) * page->per_page;
    query->limit = page->per_page;
    query->explain = true;
    auto result = index_.Search(*query);
    if (!result) return Fail(context, result.error());
    json::array hits;
    for (const search::Hit& hit : result->hits) {
      json::object parts;
      for (const search::ScorePart& part : hit.parts) parts[part.name] = part.score;
      json::object item{{"id", hit.id}, {"score", hit.score}, {"parts", std::move(parts)}};
      if (hit.distance_m) item["distance_m"] = *hit.distance_m;
      hits.push_back(std::move(item));
    }
    json::object out;
    out["total_items"] = result->total;
    out["did_you_mean"] = result->did_you_mean;
    out["hits"] = std::move(hits);
    return Json(context.request, out);
  }

 private:
  // A list answered by the search engine.
  http::Response Searched(const http::RequestContext& context, search::Target target, Table table,
                          const std::string& language, Renderer render) const {
    if (context.query.contains("proximity")) {
      return Fail(context, InvalidArgument("proximity",
                                           "proximity is not supported; use near and radius_km"));
    }
    auto query = ParseSearchQuery(context.query, target, domain::Now());
    if (!query) return Fail(context, query.error());
    auto did_you_mean = std::make_shared<std::string>();
    return ListResponse(context, store_, language,
                        EngineLister(index_, store_, table, std::move(*query), did_you_mean),
                        std::move(render), did_you_mean);
  }

  static std::string KindName(std::string_view slug, std::string_view language) {
    for (const auto& term : domain::OrganizationKindTerms()) {
      if (term.slug != slug) continue;
      for (const auto& label : term.labels) {
        if (label.language == language) return std::string(label.text);
      }
      return std::string(term.labels[0].text);
    }
    return std::string(slug);
  }

  store::Store& store_;
  search::SearchIndex& index_;
  ApiOptions options_;
};

}  // namespace

void AddHsdsRoutes(http::Router& router, store::Store& store, search::SearchIndex& index,
                   const ApiOptions& options) {
  auto api = std::make_shared<HsdsApi>(store, index, options);
  auto bind = [api](http::Response (HsdsApi::*method)(const http::RequestContext&) const) {
    return [api, method](const http::RequestContext& context) { return ((*api).*method)(context); };
  };
  router.Get("/api", domain::Permission::kPublic, bind(&HsdsApi::Root));
  router.Get("/api/", domain::Permission::kPublic, bind(&HsdsApi::Root));
  router.Get("/api/openapi.json", domain::Permission::kPublic,
             [](const http::RequestContext& context) {
               return http::MakeResponse(context.request, 200, std::string(kJsonType),
                                         std::string(OpenApiDocument()));
             });
  // Search answers are read far more often than the map changes (DESIGN.md "Budgets").
  auto cache = std::make_shared<http::ResponseCache>(
      http::ResponseCacheOptions{.ttl = options.cache_ttl},
      [&index] { return index.last_change(); });
  auto cached = [&](auto method) { return cache->Wrap(bind(method)); };
  router.Get("/api/services", domain::Permission::kPublic, cached(&HsdsApi::Services));
  router.Get("/api/services/{id}", domain::Permission::kPublic, bind(&HsdsApi::Service));
  router.Get("/api/organizations", domain::Permission::kPublic, cached(&HsdsApi::Organizations));
  router.Get("/api/organizations/{id}", domain::Permission::kPublic, bind(&HsdsApi::Organization));
  router.Get("/api/service_at_locations", domain::Permission::kPublic,
             cached(&HsdsApi::ServiceAtLocations));
  router.Get("/api/service_at_locations/{id}", domain::Permission::kPublic,
             bind(&HsdsApi::ServiceAtLocation));
  for (const Collection& collection : kCollections) {
    const std::string path = "/api/" + CollectionName(collection.table);
    router.Get(path, domain::Permission::kPublic,
               [api, &collection](const http::RequestContext& context) {
                 return api->Records(context, collection);
               });
    router.Get(path + "/{id}", domain::Permission::kPublic,
               [api, table = collection.table](const http::RequestContext& context) {
                 return api->Item(context, table);
               });
  }
  router.Get("/api/taxonomies", domain::Permission::kPublic, bind(&HsdsApi::Taxonomies));
  router.Get("/api/taxonomies/{id}", domain::Permission::kPublic, bind(&HsdsApi::Taxonomy));
  router.Get("/api/taxonomy_terms", domain::Permission::kPublic, bind(&HsdsApi::TaxonomyTerms));
  router.Get("/api/taxonomy_terms/{id}", domain::Permission::kPublic, bind(&HsdsApi::TaxonomyTerm));
  router.Get("/api/search/suggest", domain::Permission::kPublic, cached(&HsdsApi::Suggest));
  router.Get("/api/search/facets", domain::Permission::kPublic, cached(&HsdsApi::Facets));
  router.Get("/api/search/explain", domain::Permission::kPublic, bind(&HsdsApi::Explain));
}

}  // namespace knooppunt::api
