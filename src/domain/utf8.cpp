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

std::string_view LatinBase(char32_t ch) {
  static constexpr std::string_view kLatin1[] = {
      // U+00DF ß, then U+00E0 … U+00FF
      "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i",  "i", "i",
      "d",  "n", "o", "o", "o", "o", "o", "",   "o", "u", "u", "u", "u", "y", "th", "y"};
  // U+0100 … U+017F in runs of code points sharing a base letter (upper and lower case alternate).
  struct Run {
    int count;
    std::string_view base;
  };
  static constexpr Run kExtendedA[] = {
      {6, "a"}, {8, "c"},  {4, "d"},  {10, "e"}, {8, "g"}, {4, "h"},  {10, "i"}, {2, "ij"},
      {2, "j"}, {3, "k"},  {10, "l"}, {9, "n"},  {6, "o"}, {2, "oe"}, {6, "r"},  {8, "s"},
      {6, "t"}, {12, "u"}, {2, "w"},  {3, "y"},  {6, "z"}, {1, "s"}};
  if (ch >= 0xDF && ch <= 0xFF) return kLatin1[ch - 0xDF];
  if (ch >= 0x100 && ch <= 0x17F) {
    int i = static_cast<int>(ch - 0x100);
    for (const Run& run : kExtendedA) {
      if (i < run.count) return run.base;
      i -= run.count;
    }
  }
  return {};
}

}  // namespace knooppunt::domain
