#include "domain/places.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "domain/geo.h"
#include "domain/utf8.h"

namespace knooppunt::domain {
namespace {

// The next code point of `text` from `pos`, advancing `pos`; nullopt for a malformed byte, which
// is skipped.
std::optional<char32_t> NextCodePoint(std::string_view text, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  int length = lead < 0x80           ? 1
               : (lead >> 5) == 0x6  ? 2
               : (lead >> 4) == 0xE  ? 3
               : (lead >> 3) == 0x1E ? 4
                                     : 0;
  if (length == 0 || pos + length > text.size()) {
    ++pos;
    return std::nullopt;
  }
  char32_t ch = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      ++pos;
      return std::nullopt;
    }
    ch = (ch << 6) | (byte(pos + i) & 0x3F);
  }
  pos += length;
  return ch;
}

void AppendUtf8(std::string& out, char32_t ch) {
  if (ch < 0x80) {
    out += static_cast<char>(ch);
  } else if (ch < 0x800) {
    out += static_cast<char>(0xC0 | (ch >> 6));
    out += static_cast<char>(0x80 | (ch & 0x3F));
  } else if (ch < 0x10000) {
    out += static_cast<char>(0xE0 | (ch >> 12));
    out += static_cast<char>(0x80 | ((ch >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (ch & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (ch >> 18));
    out += static_cast<char>(0x80 | ((ch >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((ch >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (ch & 0x3F));
  }
}

bool IsApostrophe(char32_t ch) {
  return ch == '\'' || ch == '`' || ch == 0xB4 || ch == 0x2BC || ch == 0x2018 || ch == 0x2019;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (;;) {
    std::size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

// The whole of `text` as a number of type T; nullopt otherwise.
template <typename T>
std::optional<T> ParseNumber(std::string_view text) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Error LineError(std::size_t line, const std::string& message) {
  std::string where = "line " + std::to_string(line);
  return InvalidArgument(where, where + ": " + message);
}

}  // namespace

std::string FoldText(std::string_view text) {
  std::string out;
  bool pending_space = false;
  auto emit = [&](std::string_view piece) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += piece;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    std::optional<char32_t> next = NextCodePoint(text, pos);
    if (!next) continue;
    char32_t ch = *next;
    if (IsApostrophe(ch) || ch == '.' || (ch >= 0x300 && ch <= 0x36F)) continue;  // 0x300: marks
    if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
    if (ch >= 0xC0 && ch <= 0xDE) ch += 0x20;  // Latin-1 capitals
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      char ascii = static_cast<char>(ch);
      emit(std::string_view(&ascii, 1));
    } else if (std::string_view base = LatinBase(ch); !base.empty()) {
      emit(base);
    } else if (ch < 0xC0 || (ch >= 0x2000 && ch <= 0x206F) || ch == 0xF7) {
      pending_space = true;  // ASCII and Latin-1 punctuation, spaces, dashes, ÷
    } else {
      std::string piece;
      AppendUtf8(piece, ch);
      emit(piece);
    }
  }
  return out;
}

Result<Gazetteer> Gazetteer::Parse(std::string_view tsv) {
  struct PendingAlias {
    std::size_t line;
    std::string alias, name, province;
  };
  Gazetteer out;
  std::vector<PendingAlias> aliases;
  std::size_t line_number = 0;
  while (!tsv.empty()) {
    ++line_number;
    std::size_t end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv = end == std::string_view::npos ? std::string_view() : tsv.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!IsCleanText(line)) return LineError(line_number, "not valid UTF-8, or holds a NUL byte");

    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields[0] == "place") {
      if (fields.size() != 6) {
        return LineError(line_number,
                         "a place has 6 tab-separated fields (place, name, "
                         "province, latitude, longitude, rank), found " +
                             std::to_string(fields.size()));
      }
      if (FoldText(fields[1]).empty()) return LineError(line_number, "the name has no letters");
      if (fields[2].empty()) return LineError(line_number, "the province is empty");
      auto latitude = ParseNumber<double>(fields[3]);
      auto longitude = ParseNumber<double>(fields[4]);
      if (!latitude || !longitude ||
          !IsValid(LatLon{.latitude = *latitude, .longitude = *longitude})) {
        return LineError(line_number, "the coordinates are not decimal degrees in range");
      }
      auto rank = ParseNumber<int>(fields[5]);
      if (!rank || *rank < 0)
        return LineError(line_number, "the rank is not a whole number, 0 or more");
      out.places_.push_back(Place{.name = std::string(fields[1]),
                                  .province = std::string(fields[2]),
                                  .latitude = *latitude,
                                  .longitude = *longitude,
                                  .rank = *rank});
    } else if (fields[0] == "alias") {
      if (fields.size() != 4) {
        return LineError(line_number,
                         "an alias has 4 tab-separated fields (alias, other name, "
                         "name, province), found " +
                             std::to_string(fields.size()));
      }
      if (FoldText(fields[1]).empty()) {
        return LineError(line_number, "the other name has no letters");
      }
      aliases.push_back(
          {line_number, std::string(fields[1]), std::string(fields[2]), std::string(fields[3])});
    } else {
      return LineError(line_number, "a line starts with \"place\" or \"alias\", not \"" +
                                        std::string(fields[0]) + "\"");
    }
  }
  if (out.places_.empty()) return InvalidArgument("places", "the place list holds no place");

  auto add_keys = [&](std::string_view name, std::size_t place, KeyKind kind) {
    std::string folded = FoldText(name);
    // "'s-Gravenhage", "'t Zand": people often leave the article off.
    std::size_t pos = 0;
    std::optional<char32_t> first = NextCodePoint(name, pos);
    if (first && IsApostrophe(*first) && (folded.starts_with("s ") || folded.starts_with("t "))) {
      out.keys_.push_back({folded.substr(2), place, KeyKind::kWithoutArticle});
    }
    out.keys_.push_back({std::move(folded), place, kind});
  };
  for (std::size_t i = 0; i < out.places_.size(); ++i) {
    out.folded_names_.push_back(FoldText(out.places_[i].name));
    add_keys(out.places_[i].name, i, KeyKind::kName);
  }
  for (const PendingAlias& alias : aliases) {
    std::optional<std::size_t> target;
    for (std::size_t i = 0; i < out.places_.size(); ++i) {
      const Place& place = out.places_[i];
      if (place.name == alias.name && place.province == alias.province &&
          (!target || place.rank > out.places_[*target].rank)) {
        target = i;
      }
    }
    if (!target) {
      return LineError(alias.line, "the alias names \"" + alias.name + "\" in \"" + alias.province +
                                       "\", which is not a place line");
    }
    add_keys(alias.alias, *target, KeyKind::kAlias);
  }
  std::stable_sort(out.keys_.begin(), out.keys_.end(),
                   [](const Key& a, const Key& b) { return a.folded < b.folded; });
  return out;
}

std::vector<Place> Gazetteer::Find(std::string_view query, std::size_t limit) const {
  std::string folded = FoldText(query);
  if (folded.empty() || limit == 0) return {};
  std::map<std::size_t, bool> exact;  // place → whether one of its names equals the query
  auto it = std::lower_bound(keys_.begin(), keys_.end(), folded,
                             [](const Key& key, const std::string& q) { return key.folded < q; });
  for (; it != keys_.end() && it->folded.starts_with(folded); ++it) {
    exact[it->place] = exact[it->place] || it->folded == folded;
  }
  std::vector<std::pair<std::size_t, bool>> found(exact.begin(), exact.end());
  auto order = [&](const std::pair<std::size_t, bool>& entry) {
    const Place& place = places_[entry.first];
    return std::make_tuple(!entry.second, -place.rank, std::cref(folded_names_[entry.first]),
                           std::cref(place.name), entry.first);
  };
  std::sort(found.begin(), found.end(),
            [&](const auto& a, const auto& b) { return order(a) < order(b); });
  std::vector<Place> out;
  for (std::size_t i = 0; i < found.size() && i < limit; ++i) {
    out.push_back(places_[found[i].first]);
  }
  return out;
}

std::optional<Place> Gazetteer::Resolve(std::string_view name, std::string_view province) const {
  std::string folded = FoldText(name);
  if (folded.empty()) return std::nullopt;
  std::string folded_province = FoldText(province);
  auto [first, last] =
      std::equal_range(keys_.begin(), keys_.end(), Key{folded, 0, KeyKind::kName},
                       [](const Key& a, const Key& b) { return a.folded < b.folded; });
  const Key* best = nullptr;
  auto order = [&](const Key& key) {
    // A name as written beats one with its article left off.
    return std::make_tuple(key.kind == KeyKind::kWithoutArticle, -places_[key.place].rank,
                           key.place);
  };
  for (auto it = first; it != last; ++it) {
    if (!folded_province.empty() && FoldText(places_[it->place].province) != folded_province) {
      continue;
    }
    if (best == nullptr || order(*it) < order(*best)) best = &*it;
  }
  if (best == nullptr) return std::nullopt;
  return places_[best->place];
}

}  // namespace knooppunt::domain
