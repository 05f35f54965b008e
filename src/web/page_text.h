// Small helpers the page modules share for what a page says: translated texts by key, UUIDs
// from paths and forms, a moment in Amsterdam time, and the links between pages of a list.
// Thread-safety: pure functions over immutable catalogs; use from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctemplate {
class TemplateDictionary;
}

namespace knooppunt::web {

class Language;
struct Visit;

// The text of `key` in `language` (its Dutch msgid when the catalog has none).
std::string T(const Language& language, std::string_view key);

// The text of `key` in `language` with {1}, {2} … replaced by `arguments`, as they are.
std::string Filled(const Language& language, std::string_view key,
                   std::vector<std::string> arguments);

// The singular or plural form of `key` (a text with a plural) for `n`, with {1} as n.
std::string Plural(const Language& language, std::string_view key, long long n);

// A UUID as lower case; nullopt when `text` is not one.
std::optional<std::string> AsId(std::string_view text);

// The path parameter `name` as a UUID (AsId); nullopt when absent or not one.
std::optional<std::string> PathId(const Visit& visit, std::string_view name = "id");

// A UTC date-time ("2026-11-21T15:05:00Z") in Amsterdam time, the date written out in
// `language`: "21 november 2026 16:05"; the text itself when it is not a date-time.
std::string LocalDateTime(const Language& language, std::string_view utc);

// The PAGES section ("Pagina 2 van 5", previous and next) of page `number` of `pages`, with
// `link(n)` the address of page n; nothing when there is only one page.
void FillPageLinks(ctemplate::TemplateDictionary& dict, const Language& language, int64_t number,
                   int64_t pages, const std::function<std::string(int64_t)>& link);

}  // namespace knooppunt::web
