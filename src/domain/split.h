// Splitting text at a separator, for the compact lists in our own tables and values.
// Thread-safety: a pure function.
#pragma once

#include <string_view>
#include <vector>

namespace knooppunt::domain {

// The pieces of `text` between `separator`s, empty pieces included ("a,,b" → a, "", b);
// none for empty text. The views point into `text`.
inline std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return parts;
}

}  // namespace knooppunt::domain
