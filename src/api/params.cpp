#include "api/params.h"

#include <algorithm>
#include <charconv>

#include "domain/taxonomy.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "http/message.h"

namespace knooppunt::api {
namespace {

const std::string* Find(const http::QueryParams& query, std::string_view name) {
  auto it = query.find(name);
  return it == query.end() ? nullptr : &it->second;
}

Result<std::optional<int64_t>> ParsePositive(const http::QueryParams& query,
                                             std::string_view name) {
  const std::string* text = Find(query, name);
  if (text == nullptr) return std::optional<int64_t>();
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || ec != std::errc() || end != text->data() + text->size() || value < 1) {
    return InvalidArgument(std::string(name),
                           std::string(name) + " must be a whole number of 1 or more");
  }
  return std::optional<int64_t>(value);
}

}  // namespace

Result<store::PageRequest> ParsePage(const http::QueryParams& query) {
  auto page = ParsePositive(query, "page");
  if (!page) return page.error();
  auto per_page = ParsePositive(query, "per_page");
  if (!per_page) return per_page.error();
  store::PageRequest out{.page = page->value_or(1),
                         .per_page = std::min(per_page->value_or(kDefaultPerPage), kMaxPerPage)};
  if (out.page > (int64_t{1} << 40) / out.per_page) {
    return InvalidArgument("page", "page is too large");
  }
  return out;
}

Result<std::optional<bool>> ParseBool(const http::QueryParams& query, std::string_view name) {
  const std::string* text = Find(query, name);
  if (text == nullptr) return std::optional<bool>();
  if (*text == "true" || *text == "1") return std::optional<bool>(true);
  if (*text == "false" || *text == "0") return std::optional<bool>(false);
  return InvalidArgument(std::string(name), std::string(name) + " must be true or false");
}

Result<std::optional<std::string>> ParseUuid(const http::QueryParams& query,
                                             std::string_view name) {
  const std::string* text = Find(query, name);
  if (text == nullptr) return std::optional<std::string>();
  auto uuid = domain::NormaliseValue(domain::FieldType::kUuid, *text);
  if (!uuid) {
    return InvalidArgument(
        std::string(name),
        std::string(name) + " must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6");
  }
  return std::optional<std::string>(*uuid);
}

Result<std::optional<std::string>> ParseDateTimeParam(const http::QueryParams& query,
                                                      std::string_view name) {
  const std::string* text = Find(query, name);
  if (text == nullptr) return std::optional<std::string>();
  std::string value = *text;
  if (value.size() == 10) value += "T00:00:00Z";
  auto instant = domain::ParseDateTime(value);
  if (!instant) {
    return InvalidArgument(
        std::string(name),
        std::string(name) + " must be a date-time with a time zone, such as 2026-01-31T09:00:00Z");
  }
  return std::optional<std::string>(domain::FormatUtc(*instant));
}

Result<std::optional<std::string>> ParseText(const http::QueryParams& query, std::string_view name,
                                             std::size_t max_length) {
  const std::string* text = Find(query, name);
  if (text == nullptr) return std::optional<std::string>();
  std::string_view value = *text;
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.size() > max_length) {
    return InvalidArgument(std::string(name), std::string(name) + " may be at most " +
                                                  std::to_string(max_length) + " characters long");
  }
  if (value.find('\0') != std::string_view::npos) {
    return InvalidArgument(std::string(name), std::string(name) + " contains a NUL character");
  }
  if (value.empty()) return std::optional<std::string>();
  return std::optional<std::string>(std::string(value));
}

Result<Format> ParseFormat(const http::QueryParams& query) {
  const std::string* text = Find(query, "format");
  if (text == nullptr || *text == "json") return Format::kJson;
  if (*text == "ndjson") return Format::kNdjson;
  return InvalidArgument("format", "format must be json or ndjson");
}

Result<std::string> ParseLanguage(const http::QueryParams& query) {
  const std::string* text = Find(query, "lang");
  if (text == nullptr) return std::string();
  auto languages = domain::UiLanguages();
  if (std::find(languages.begin(), languages.end(), *text) == languages.end()) {
    std::string list;
    for (auto language : languages) list += (list.empty() ? "" : ", ") + std::string(language);
    return InvalidArgument("lang", "lang must be one of: " + list);
  }
  return *text;
}

Status CheckApiCsrf(const http::RequestContext& context) {
  if (!context.actor.api_key_id.empty()) return {};
  std::string cookie = http::CookieValue(context.request, "csrf");
  std::string_view header = context.request["X-CSRF-Token"];
  if (cookie.empty() || header != cookie) {
    return Error{ErrorCode::kForbidden,
                 "Send the X-CSRF-Token header with the value of your csrf cookie, or use an "
                 "API key.",
                 "X-CSRF-Token"};
  }
  return {};
}

}  // namespace knooppunt::api
