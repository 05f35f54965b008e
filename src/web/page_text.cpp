#include "web/page_text.h"

#include <ctemplate/template.h>

#include <chrono>
#include <cstdio>

#include "domain/model.h"
#include "domain/schedule.h"
#include "domain/time.h"
#include "http/router.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/texts.h"

namespace knooppunt::web {

std::string T(const Language& language, std::string_view key) {
  return language.Translate(Msgid(key));
}

std::string Filled(const Language& language, std::string_view key,
                   std::vector<std::string> arguments) {
  return Language::Fill(T(language, key), arguments);
}

std::string Plural(const Language& language, std::string_view key, long long n) {
  for (const Text& text : Texts()) {
    if (text.key == key) return language.TranslatePlural(text.msgid, text.plural, n);
  }
  return std::string(Msgid(key));  // aborts in tests: an unknown key is a programming error
}

std::optional<std::string> AsId(std::string_view text) {
  return domain::NormaliseValue(domain::FieldType::kUuid, text);
}

std::optional<std::string> PathId(const Visit& visit, std::string_view name) {
  auto found = visit.http.path_params.find(name);
  if (found == visit.http.path_params.end()) return std::nullopt;
  return AsId(found->second);
}

std::string LocalDateTime(const Language& language, std::string_view utc) {
  auto instant = domain::ParseDateTime(utc);
  if (!instant) return std::string(utc);
  domain::LocalTime local = domain::AmsterdamTime(*instant);
  std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{local.day}}};
  char day[32];
  std::snprintf(day, sizeof day, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  // The time in the language's digits too, so that a date and its time never mix scripts.
  auto two_digits = [&language](int n) {
    return (n < 10 ? language.Integer(0) : "") + language.Integer(n);
  };
  return language.Date(day) + " " + two_digits(local.minute / 60) + ":" +
         two_digits(local.minute % 60);
}

void FillPageLinks(ctemplate::TemplateDictionary& dict, const Language& language, int64_t number,
                   int64_t pages, const std::function<std::string(int64_t)>& link) {
  if (pages <= 1) return;
  ctemplate::TemplateDictionary* nav = dict.AddSectionDictionary("PAGES");
  nav->SetValue("LABEL",
                Filled(language, "PAGE_OF", {language.Integer(number), language.Integer(pages)}));
  if (number > 1) nav->SetValueAndShowSection("URL", link(number - 1), "PREVIOUS");
  if (number < pages) nav->SetValueAndShowSection("URL", link(number + 1), "NEXT");
}

}  // namespace knooppunt::web
