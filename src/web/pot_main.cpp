// Writes po/knooppunt.pot, the template translators start from: every text of texts.cpp.
// Usage: knooppunt_pot > po/knooppunt.pot; then `msgmerge --update po/LANG.po po/knooppunt.pot`.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "web/texts.h"

namespace {

// A PO string: quotes and backslashes escaped; a text with line breaks is written the way
// gettext tools write it, one quoted line per line of text after an empty first one.
std::string Quote(std::string_view text) {
  std::string out = text.find('\n') == std::string_view::npos ? "\"" : "\"\"\n\"";
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      out += i + 1 < text.size() ? "\\n\"\n\"" : "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

int main() {
  std::cout << "# Knooppunt: the words of the pages, in plain Dutch (B1).\n"
               "# {1}, {2}, {3} are filled in by the program: keep them in every translation.\n"
               "msgid \"\"\nmsgstr \"\"\n"
               "\"Project-Id-Version: knooppunt\\n\"\n"
               "\"MIME-Version: 1.0\\n\"\n"
               "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
               "\"Content-Transfer-Encoding: 8bit\\n\"\n\n";
  // One entry per msgid: keys with the same Dutch text share its translation.
  std::map<std::string_view, std::vector<std::string_view>> keys;
  for (const knooppunt::web::Text& text : knooppunt::web::Texts())
    keys[text.msgid].push_back(text.key);
  for (const knooppunt::web::Text& text : knooppunt::web::Texts()) {
    if (keys[text.msgid].front() != text.key) continue;
    std::cout << "#.";
    for (std::string_view key : keys[text.msgid]) std::cout << " " << key;
    std::cout << "\n";
    std::cout << "msgid " << Quote(text.msgid) << "\n";
    if (text.plural.empty()) {
      std::cout << "msgstr \"\"\n\n";
    } else {
      std::cout << "msgid_plural " << Quote(text.plural) << "\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n\n";
    }
  }
}
