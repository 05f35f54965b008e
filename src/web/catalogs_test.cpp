// Every catalog in po/ translates every text of texts.cpp, keeps its placeholders, and holds
// nothing else: a missing or stale translation fails here, not in front of a visitor.
#include <gtest/gtest.h>

#include <algorithm>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "domain/taxonomy.h"
#include "testing/testing.h"
#include "web/texts.h"

namespace knooppunt::web {
namespace {

struct Entry {
  std::string plural;
  std::vector<std::string> translations;  // msgstr, or msgstr[0..n]
  bool fuzzy = false;
};

std::string Unquote(const std::string& line) {
  size_t first = line.find('"');
  size_t last = line.rfind('"');
  std::string out;
  for (size_t i = first + 1; i < last; ++i) {
    if (line[i] == '\\' && i + 1 < last) {
      char next = line[++i];
      out += next == 'n' ? '\n' : next;
    } else {
      out += line[i];
    }
  }
  return out;
}

// A small reader for the .po files we write: msgid, msgid_plural, msgstr, msgstr[n], continued
// strings, "#, fuzzy".
std::map<std::string, Entry> ReadCatalog(const std::string& text) {
  std::map<std::string, Entry> entries;
  std::istringstream in(text);
  std::string line, msgid;
  Entry entry;
  std::string* target = nullptr;
  bool fuzzy_next = false;
  auto flush = [&] {
    if (!msgid.empty()) entries[msgid] = entry;
    msgid.clear();
    entry = Entry{};
    target = nullptr;
  };
  while (std::getline(in, line)) {
    if (line.starts_with("#,") && line.find("fuzzy") != std::string::npos) fuzzy_next = true;
    if (line.starts_with("msgid \"")) {
      flush();
      msgid = Unquote(line);
      target = &msgid;
      entry.fuzzy = fuzzy_next;
      fuzzy_next = false;
    } else if (line.starts_with("msgid_plural")) {
      entry.plural = Unquote(line);
      target = &entry.plural;
    } else if (line.starts_with("msgstr")) {
      entry.translations.push_back(Unquote(line));
      target = &entry.translations.back();
    } else if (line.starts_with("\"") && target != nullptr) {
      *target += Unquote(line);
    }
  }
  flush();
  return entries;
}

std::multiset<std::string> Placeholders(const std::string& text) {
  std::multiset<std::string> out;
  static const std::regex kPlaceholder(R"(\{[1-9]\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kPlaceholder);
       it != std::sregex_iterator(); ++it) {
    out.insert(it->str());
  }
  return out;
}

TEST(Catalogs, EveryLanguageTranslatesEveryTextWithItsPlaceholders) {
  for (std::string_view language : domain::UiLanguages()) {
    if (language == "nl") continue;  // the source language
    std::string file = (knooppunt::testing::SourceDir() / "po" / (std::string(language) + ".po"));
    std::string text = knooppunt::testing::ReadFile(file);
    ASSERT_FALSE(text.empty()) << file << " is missing";
    auto catalog = ReadCatalog(text);
    std::set<std::string> wanted;
    for (const Text& source : Texts()) {
      wanted.insert(std::string(source.msgid));
      auto it = catalog.find(std::string(source.msgid));
      ASSERT_NE(it, catalog.end()) << language << ": no translation of \"" << source.msgid << "\"";
      const Entry& entry = it->second;
      EXPECT_FALSE(entry.fuzzy) << language << ": fuzzy \"" << source.msgid << "\"";
      EXPECT_EQ(entry.plural, source.plural) << language << ": plural of " << source.key;
      ASSERT_FALSE(entry.translations.empty()) << language << " " << source.key;
      for (const std::string& translation : entry.translations) {
        EXPECT_FALSE(translation.empty()) << language << ": empty translation of " << source.key;
        if (source.plural.empty()) {
          EXPECT_EQ(Placeholders(translation), Placeholders(std::string(source.msgid)))
              << language << ": placeholders of " << source.key << " in \"" << translation
              << "\"";
        } else {
          // A plural form may leave the number out where it stands for exactly one ("a week"),
          // but may use no placeholder the Dutch plural lacks.
          std::multiset<std::string> allowed = Placeholders(std::string(source.plural));
          std::multiset<std::string> used = Placeholders(translation);
          EXPECT_TRUE(std::includes(allowed.begin(), allowed.end(), used.begin(), used.end()))
              << language << ": placeholders of " << source.key << " in \"" << translation
              << "\"";
        }
      }
    }
    for (const auto& [msgid, entry] : catalog) {
      if (msgid.empty()) continue;  // the header
      EXPECT_TRUE(wanted.contains(msgid)) << language << ": stale entry \"" << msgid << "\"";
    }
  }
}

TEST(Catalogs, TheTemplateIsCurrent) {
  auto pot = ReadCatalog(
      knooppunt::testing::ReadFile(knooppunt::testing::SourceDir() / "po" / "knooppunt.pot"));
  for (const Text& source : Texts()) {
    EXPECT_TRUE(pot.contains(std::string(source.msgid)))
        << "po/knooppunt.pot lacks \"" << source.msgid
        << "\": run build/src/web/knooppunt_pot > po/knooppunt.pot and msgmerge the catalogs";
  }
}

TEST(Texts, KeysAreUniqueAndEveryTextIsDutchSource) {
  std::set<std::string_view> keys;
  for (const Text& text : Texts()) {
    EXPECT_TRUE(keys.insert(text.key).second) << "duplicate key " << text.key;
    EXPECT_FALSE(text.msgid.empty()) << text.key;
  }
}

}  // namespace
}  // namespace knooppunt::web
