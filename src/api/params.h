// Query parameters of the JSON API, parsed and checked. Every failure is kInvalidArgument with
// Error::field naming the parameter and a message saying what is allowed; and the CSRF check of
// the API's writes.
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "http/router.h"
#include "store/store.h"

namespace knooppunt::api {

constexpr int64_t kDefaultPerPage = 50;
constexpr int64_t kMaxPerPage = 1000;

// `page` (≥ 1, default 1) and `per_page` (≥ 1, default 50; above 1000 is capped at 1000).
Result<store::PageRequest> ParsePage(const http::QueryParams& query);

// "true"/"false"/"1"/"0"; nullopt when absent.
Result<std::optional<bool>> ParseBool(const http::QueryParams& query, std::string_view name);

// A UUID (normalised to lower case); nullopt when absent.
Result<std::optional<std::string>> ParseUuid(const http::QueryParams& query, std::string_view name);

// An ISO 8601 date-time with offset, or a plain date (taken as midnight UTC); normalised to UTC
// text (domain/time.h); nullopt when absent.
Result<std::optional<std::string>> ParseDateTimeParam(const http::QueryParams& query,
                                                      std::string_view name);

// Free text of at most `max_length` bytes, trimmed; nullopt when absent or empty.
Result<std::optional<std::string>> ParseText(const http::QueryParams& query, std::string_view name,
                                             std::size_t max_length = 200);

enum class Format { kJson, kNdjson };
// `format`: "json" (default) or "ndjson".
Result<Format> ParseFormat(const http::QueryParams& query);

// `lang`: one of the UI languages (domain/taxonomy.h); empty when absent.
Result<std::string> ParseLanguage(const http::QueryParams& query);

// A write by a session must carry its CSRF token in the X-CSRF-Token header (another site can
// make a browser send the cookie, but cannot read it to copy it into the header); an API key is
// never sent by a browser on its own and needs none. kForbidden naming the header otherwise.
Status CheckApiCsrf(const http::RequestContext& context);

}  // namespace knooppunt::api
