#include "domain/utf8.h"

#include <cstddef>

namespace knooppunt::domain {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    unsigned char min_second = 0x80;
    unsigned char max_second = 0xBF;
    if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      if (byte == 0xE0) {
        min_second = 0xA0;  // overlong
      }
      if (byte == 0xED) {
        max_second = 0x9F;  // surrogates
      }
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      if (byte == 0xF0) {
        min_second = 0x90;  // overlong
      }
      if (byte == 0xF4) {
        max_second = 0x8F;  // above U+10FFFF
      }
    } else {
      return false;
    }
    if (i + length > text.size()) {
      return false;
    }
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < min_second || second > max_second) {
      return false;
    }
    for (size_t k = 2; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if (next < 0x80 || next > 0xBF) {
        return false;
      }
    }
    i += length;
  }
  return true;
}

size_t CodePoints(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

bool IsCleanText(std::string_view text) {
  return text.find('\0') == std::string_view::npos && IsValidUtf8(text);
}

}  // namespace knooppunt::domain
