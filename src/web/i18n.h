// The visitor's language: gettext catalogs (po/*.po, compiled in) through Boost.Locale, and
// numbers, dates and distances written the way each language writes them (ICU).
// Thread-safety: a Language is immutable after Languages() has built it; use from any thread.
#pragma once

#include <locale>
#include <span>
#include <string>
#include <string_view>

namespace knooppunt::domain {
struct TermDefinition;
}

namespace knooppunt::web {

class Language {
 public:
  Language(std::string code, std::string name, bool right_to_left);

  const std::string& code() const { return code_; }  // ISO 639-1: "nl", "ar"
  const std::string& name() const { return name_; }  // in the language itself: "العربية"
  std::string_view dir() const { return right_to_left_ ? "rtl" : "ltr"; }
  // The URL prefix of the language's pages: "" for Dutch, "/ar" for Arabic.
  std::string prefix() const { return code_ == "nl" ? "" : "/" + code_; }

  // The translation of a Dutch text (the msgid), or the text itself when the catalog has none.
  std::string Translate(std::string_view msgid) const;
  // The plural form for `n`, with {1} replaced by n written in this language.
  std::string TranslatePlural(std::string_view msgid, std::string_view plural, long long n) const;
  // `pattern` (already translated) with {1}, {2}, {3} replaced by the arguments, as they are.
  static std::string Fill(std::string_view pattern, std::span<const std::string> arguments);

  std::string Number(double value, int decimals) const;
  std::string Integer(long long value) const;
  // A date "YYYY-MM-DD" written out ("21 november 2026"); the text itself when malformed.
  std::string Date(std::string_view iso_date) const;

 private:
  std::string code_, name_;
  bool right_to_left_;
  std::locale locale_;
};

// Every UI language, Dutch first (domain::UiLanguages order).
std::span<const Language> Languages();
// The language with this code, or nullptr.
const Language* FindLanguage(std::string_view code);
const Language& Dutch();

// The best UI language for an Accept-Language header, or nullptr when none is acceptable.
const Language* Negotiate(std::string_view accept_language);

// The languages people are most often helped in (ISO 639-1), offered as checkboxes on forms:
// their text keys (translated names) and their names in themselves.
struct CommonLanguage {
  std::string_view code;
  std::string_view key;
  std::string_view own_name;
};
std::span<const CommonLanguage> CommonLanguages();

// A taxonomy term's label in `language`, or its Dutch label.
std::string TermLabel(const domain::TermDefinition& term, const Language& language);

// A spoken language's name in itself ("ትግርኛ" for "ti"); the code when unknown.
std::string LanguageAutonym(std::string_view code);

}  // namespace knooppunt::web
