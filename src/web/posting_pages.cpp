#include "web/posting_pages.h"

#include <ctemplate/template.h>

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accounts/listings.h"
#include "domain/exchange.h"
#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/places.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "exchange/convert.h"
#include "exchange/exchange.h"
#include "http/message.h"
#include "http/router.h"
#include "match/availability.h"
#include "store/store.h"
#include "web/exchange_words.h"
#include "web/i18n.h"
#include "web/form_controls.h"
#include "web/page.h"
#include "web/page_text.h"
#include "web/texts.h"

namespace knooppunt::web {
namespace {

namespace beast_http = boost::beast::http;
namespace json = boost::json;
using ctemplate::TemplateDictionary;
using domain::PostingStatus;

// Translated errors by form field (or group) name.
using Errors = std::map<std::string, std::string>;

constexpr int64_t kPerPage = 20;
constexpr int64_t kMaxPage = 100000;
constexpr int kSteps = 4;
constexpr size_t kExcerpt = 200;   // code points of a description in the list
constexpr size_t kMaxQuery = 200;  // code points of the search text
constexpr size_t kMaxTitle = 120;  // as exchange/validate.cpp
constexpr size_t kMaxDescription = 5000;
constexpr size_t kMaxShortText = 200;  // a place name, a goods category
constexpr size_t kMaxToken = 100;      // one skill
constexpr size_t kMaxTokens = 50;      // skills in one list
constexpr size_t kMaxListText = 2000;  // the comma-separated skills as typed
constexpr size_t kSuggestions = 5;

constexpr std::string_view kSides[] = {"request", "offer"};
constexpr std::string_view kDayKeys[] = {"MONDAY", "TUESDAY",  "WEDNESDAY", "THURSDAY",
                                         "FRIDAY", "SATURDAY", "SUNDAY"};
constexpr std::string_view kLevels[] = {"A1", "A2", "B1", "B2", "C1", "C2"};
// The kinds whose step 4 asks for requirements (certificates, Dutch, age) and for skills.
constexpr std::string_view kKindsWithRequirements[] = {"volunteer_work", "buddy"};
constexpr std::string_view kKindsWithSkills[] = {"volunteer_work", "buddy", "expertise",
                                                 "practical_help"};

template <typename Range>
bool Has(const Range& range, std::string_view value) {
  return std::find(std::begin(range), std::end(range), value) != std::end(range);
}

std::string Joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// The first `limit` code points of valid UTF-8 `text`, with "…" when it was longer.
std::string Excerpt(std::string_view text, size_t limit) {
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points == limit) return Trim(text.substr(0, i)) + "…";
    ++points;
  }
  return std::string(text);
}

// --- Values typed into forms -------------------------------------------------------------------

// Arabic-Indic and Persian digits as ASCII digits, so that "١٠" counts as 10.
std::string AsciiDigits(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    auto lead = static_cast<unsigned char>(text[i]);
    if (i + 1 < text.size() && (lead == 0xD9 || lead == 0xDB)) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (lead == 0xD9 && next >= 0xA0 && next <= 0xA9) {
        out += static_cast<char>('0' + (next - 0xA0));
        ++i;
        continue;
      }
      if (lead == 0xDB && next >= 0xB0 && next <= 0xB9) {
        out += static_cast<char>('0' + (next - 0xB0));
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// A whole number of at most 9 digits within min..max; nullopt otherwise.
std::optional<int64_t> ParseWhole(std::string_view typed, int64_t min, int64_t max) {
  std::string text = AsciiDigits(Trim(typed));
  if (text.empty() || text.size() > 9) return std::nullopt;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

// Kilometres with a point or a comma: "10", "7,5"; 0..200.
std::optional<double> ParseKm(std::string_view typed) {
  std::string text = AsciiDigits(Trim(typed));
  std::replace(text.begin(), text.end(), ',', '.');
  if (text.empty() || text.size() > 8 || text.front() == '-' || text.front() == '+') {
    return std::nullopt;
  }
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      value < 0 || value > 200) {
    return std::nullopt;
  }
  return value;
}

std::string FormatKm(double km) {
  if (km == std::floor(km)) return std::to_string(static_cast<long long>(km));
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", km);
  std::string out = text;
  std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

// An amount in euro as typed ("25", "12,50", "€ 12.5") in cents; at most a million euro.
std::optional<int64_t> ParseEuroCents(std::string_view typed) {
  std::string text = AsciiDigits(Trim(typed));
  if (text.starts_with("€")) text = Trim(text.substr(std::string_view("€").size()));
  size_t separator = text.find_first_of(",.");
  std::string whole = text.substr(0, separator);
  std::string cents = separator == std::string::npos ? "" : text.substr(separator + 1);
  if (whole.empty() || cents.size() > 2) return std::nullopt;
  auto euros = ParseWhole(whole, 0, 1000000);
  if (!euros) return std::nullopt;
  int64_t fraction = 0;
  if (!cents.empty()) {
    auto parsed = ParseWhole(cents, 0, 99);
    if (!parsed) return std::nullopt;
    fraction = cents.size() == 1 ? *parsed * 10 : *parsed;
  }
  return *euros * 100 + fraction;
}

std::string FormatEuro(int64_t cents) {
  if (cents % 100 == 0) return std::to_string(cents / 100);
  char text[32];
  std::snprintf(text, sizeof text, "%lld,%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return text;
}

// A day as typed: "2026-03-01", or the Dutch way "1-3-2026" / "01/03/2026"; as YYYY-MM-DD.
std::optional<std::string> ParseDate(std::string_view typed) {
  std::string text = AsciiDigits(Trim(typed));
  std::replace(text.begin(), text.end(), '/', '-');
  std::replace(text.begin(), text.end(), '.', '-');
  if (text.size() > 10) return std::nullopt;
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t dash = text.find('-', start);
    parts.push_back(text.substr(start, dash == std::string::npos ? dash : dash - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  if (parts.size() != 3) return std::nullopt;
  if (parts[2].size() == 4) std::swap(parts[0], parts[2]);  // day-month-year
  auto year = ParseWhole(parts[0], 1900, 2200);
  auto month = ParseWhole(parts[1], 1, 12);
  auto day = ParseWhole(parts[2], 1, 31);
  if (!year || !month || !day || parts[0].size() != 4) return std::nullopt;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", static_cast<int>(*year),
                static_cast<int>(*month), static_cast<int>(*day));
  if (!exchange::ParseDay(out)) return std::nullopt;  // 31 February
  return std::string(out);
}

match::Day Today() { return exchange::DayOf(domain::Now()); }

// A comma-separated list as typed, trimmed, without empty items; nullopt when an item or the
// list is too long (or an item holds nothing we can store). The Arabic comma "،" (also Farsi)
// and the Ethiopic comma "፣" (Tigrinya keyboards) separate items too.
std::optional<std::vector<std::string>> ParseList(std::string_view original) {
  std::vector<std::string> items;
  if (CodePoints(original) > kMaxListText) return std::nullopt;
  std::string normalized(original);
  for (std::string_view comma : {std::string_view("\u060C"), std::string_view("\u1363")}) {
    for (size_t at = normalized.find(comma); at != std::string::npos;
         at = normalized.find(comma, at + 1)) {
      normalized.replace(at, comma.size(), ",");
    }
  }
  std::string_view typed = normalized;
  size_t start = 0;
  while (start <= typed.size()) {
    size_t comma = typed.find(',', start);
    std::string item =
        Trim(typed.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (!item.empty()) {
      if (CodePoints(item) > kMaxToken) return std::nullopt;
      if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (items.size() > kMaxTokens) return std::nullopt;
  return items;
}

bool Checked(const FormFields& typed, const std::string& name) {
  auto found = typed.find(name);
  return found != typed.end() && !found->second.empty();
}

std::string SlotField(int bit) { return "tijd_" + std::to_string(bit); }

uint32_t SlotsOf(const FormFields& typed) {
  uint32_t bits = 0;
  for (int bit = 0; bit < match::kWeeklySlots; ++bit) {
    if (Checked(typed, SlotField(bit))) bits |= 1u << bit;
  }
  return bits;
}

void PutSlots(FormFields& fields, uint32_t bits) {
  for (int bit = 0; bit < match::kWeeklySlots; ++bit) {
    if (bits & (1u << bit)) fields.emplace(SlotField(bit), "1");
  }
}

bool IsCommonLanguage(std::string_view code) {
  for (const CommonLanguage& common : CommonLanguages()) {
    if (common.code == code) return true;
  }
  return false;
}

std::string TermField(std::string_view prefix, const domain::TermDefinition& term) {
  return std::string(prefix) + std::string(term.slug);
}

std::string NeedId(const domain::TermDefinition& term) {
  return domain::TermId("needs", term.slug);
}

bool IsNeedId(std::string_view id) {
  for (const domain::TermDefinition& term : domain::NeedTerms()) {
    if (NeedId(term) == id) return true;
  }
  return false;
}

// --- Forms (posting_fields.tpl) ----------------------------------------------------------------

struct Button {
  std::string name;  // empty: a plain submit button
  std::string value;
  std::string text;
  bool primary = false;
};

struct FormModel {
  std::string action;
  std::vector<Group> groups = {};
  QueryList hidden = {};
  std::vector<Button> buttons = {};
};

Group RadioGroup(const std::string& name, std::string legend, std::string hint,
                 const std::vector<Option>& options, const std::string& selected) {
  Group group{.legend = std::move(legend), .id = name, .hint = std::move(hint)};
  for (size_t i = 0; i < options.size(); ++i) {
    group.controls.push_back({.kind = Control::Kind::kRadio,
                              .name = name,
                              .label = options[i].text,
                              .value = options[i].value,
                              .checked = options[i].value == selected,
                              .id = i == 0 ? name : name + "-" + std::to_string(i)});
  }
  return group;
}

Control Checkbox(const std::string& name, std::string label, const FormFields& typed) {
  return {.kind = Control::Kind::kCheckbox,
          .name = name,
          .label = std::move(label),
          .value = "1",
          .checked = Checked(typed, name)};
}

Control Box(const std::string& name, std::string label, const FormFields& typed,
            std::string hint = "") {
  return {.name = name,
          .label = std::move(label),
          .value = FormValue(typed, name),
          .hint = std::move(hint)};
}

Control NumberBox(const std::string& name, std::string label, const FormFields& typed,
                  std::string hint, std::string mode = "numeric") {
  Control control = Box(name, std::move(label), typed, std::move(hint));
  control.narrow = true;
  control.mode = std::move(mode);
  control.max_length = 12;
  return control;
}

Control DateBox(const std::string& name, std::string label, const FormFields& typed,
                std::string hint) {
  Control control = Box(name, std::move(label), typed, std::move(hint));
  control.max_length = 10;
  return control;
}

Group LanguageChecks(const Language& language, const FormFields& typed, std::string legend,
                     std::string hint, bool without_dutch) {
  Group group{.legend = std::move(legend), .id = "talen", .hint = std::move(hint)};
  for (const CommonLanguage& common : CommonLanguages()) {
    if (without_dutch && common.code == "nl") continue;
    Control check = Checkbox("taal_" + std::string(common.code), T(language, common.key), typed);
    if (common.code != language.code()) {
      check.own_name = std::string(common.own_name);
      check.own_name_language = std::string(common.code);
    }
    group.controls.push_back(std::move(check));
  }
  return group;
}

// The week as a table of day parts: checkboxes tijd_0 … tijd_20 (FillForm draws them).
Group SlotTable(std::string legend, std::string hint, const FormFields& typed) {
  return {.legend = std::move(legend),
          .id = "tijden",
          .hint = std::move(hint),
          .controls = {{.kind = Control::Kind::kCustom,
                        .name = "tijd",
                        .id = SlotField(0),
                        .bits = SlotsOf(typed)}}};
}

Group NeedChecks(const Language& language, const FormFields& typed, std::string_view prefix,
                 std::string legend, std::string hint, std::string id) {
  Group group{.legend = std::move(legend), .id = std::move(id), .hint = std::move(hint)};
  for (const domain::TermDefinition& term : domain::NeedTerms()) {
    group.controls.push_back(Checkbox(TermField(prefix, term), TermLabel(term, language), typed));
  }
  return group;
}

// The errors no control or group of `form` shows, as one line each.
std::vector<std::string> Unplaced(const FormModel& form, const Errors& errors) {
  std::set<std::string> names;
  for (const Group& group : form.groups) {
    names.insert(group.id);
    for (const Control& control : group.controls) names.insert(control.name);
  }
  std::vector<std::string> lines;
  for (const auto& [name, text] : errors) {
    if (!names.contains(name)) lines.push_back(text);
  }
  return lines;
}

void FillForm(TemplateDictionary& dict, const FormModel& form, const std::string& csrf,
              const Language& language) {
  dict.SetValue("ACTION", form.action);
  dict.SetValue("CSRF", csrf);
  for (const auto& [name, value] : form.hidden) {
    TemplateDictionary* hidden = dict.AddSectionDictionary("HIDDEN");
    hidden->SetValue("NAME", name);
    hidden->SetValue("VALUE", value);
  }
  // The week as a table of day parts, a checkbox each.
  FillGroups(dict, form.groups, [&](const Control& control, TemplateDictionary& item, bool invalid) {
    TemplateDictionary* table = item.AddSectionDictionary("SLOTS");
    for (int weekday = 0; weekday < 7; ++weekday) {
      TemplateDictionary* day = table->AddSectionDictionary("DAY");
      day->SetValue("NAME", T(language, kDayKeys[weekday]));
      for (int part_of_day = 0; part_of_day < match::kDayParts; ++part_of_day) {
        int bit = weekday * match::kDayParts + part_of_day;
        TemplateDictionary* slot = day->AddSectionDictionary("SLOT");
        slot->SetValue("ID", SlotField(bit));
        slot->SetValue("FIELD", SlotField(bit));
        slot->SetValue("LABEL", SlotText(language, {.weekday = weekday,
                                                    .part = static_cast<match::DayPart>(part_of_day)}));
        if (control.bits & (1u << bit)) slot->ShowSection("CHECKED");
        if (invalid) slot->ShowSection("INVALID");
      }
    }
  });
  for (const Button& button : form.buttons) {
    TemplateDictionary* item = dict.AddSectionDictionary("BUTTON");
    item->SetValue("TEXT", button.text);
    item->ShowSection(button.primary ? "PRIMARY" : "SECONDARY");
    if (!button.name.empty()) {
      TemplateDictionary* named = item->AddSectionDictionary("NAMED");
      named->SetValue("NAME", button.name);
      named->SetValue("VALUE", button.value);
    }
  }
}

// The place typed into "plaats", found in the gazetteer, as `record`'s place_name, latitude and
// longitude (a posting's or a profile's); nothing typed clears them, an unknown place is an error.
template <typename Record>
void ReadPlace(const std::string& place, Record& record, Errors& errors, const Language& language,
               const domain::Gazetteer& places) {
  if (place.empty()) {
    record.place_name = "";
    record.latitude.reset();
    record.longitude.reset();
  } else if (auto found =
                 CodePoints(place) <= kMaxShortText ? places.Resolve(place) : std::nullopt) {
    record.place_name = found->name;
    record.latitude = found->latitude;
    record.longitude = found->longitude;
  } else {
    errors["plaats"] = T(language, "PST_ERR_PLACE");
  }
}

// --- The posting form: its fields, their steps, and the record they make -----------------------

struct OrganizationChoice {
  std::string id;
  std::string name;
};

// Where an error of the exchange layer goes on the posting form: the form field or group, and
// the text that says what to do.
struct FieldMapping {
  std::string_view exchange;
  std::string_view form;
  std::string_view error_key;
};

constexpr FieldMapping kPostingFields[] = {
    {"side", "kant", "PST_ERR_SIDE"},
    {"kind", "soort", "PST_ERR_KIND"},
    {"organization_id", "voor", "PST_ERR_FOR"},
    {"title", "titel", "PST_ERR_TITLE"},
    {"description", "beschrijving", "ERR_TEXT_TOO_LONG"},
    {"place_name", "plaats", "PST_ERR_PLACE"},
    {"latitude", "plaats", "PST_ERR_PLACE"},
    {"longitude", "plaats", "PST_ERR_PLACE"},
    {"radius_km", "afstand", "PST_ERR_KM"},
    {"languages", "talen", "PST_ERR_CHOICE"},
    {"availability", "tijden", "PST_ERR_CHOICE"},
    {"starts_on", "begin", "PST_ERR_DATE"},
    {"ends_on", "eind", "PST_ERR_DATE"},
    {"capacity", "aantal", "PST_ERR_CAPACITY"},
    {"certificates", "certificaten", "PST_ERR_CHOICE"},
    {"min_dutch", "niveau", "PST_ERR_LEVEL"},
    {"min_age", "leeftijd", "PST_ERR_AGE"},
    {"skills", "vaardigheden", "PST_ERR_SKILLS"},
    {"terms", "onderwerpen", "PST_ERR_CHOICE"},
    {"goods_category", "categorie", "ERR_TEXT_TOO_LONG"},
    {"delivery", "levering", "PST_ERR_CHOICE"},
    {"seats", "stoelen", "PST_ERR_SEATS"},
    {"facilities", "voorzieningen", "PST_ERR_CHOICE"},
    {"price_cents", "prijs", "PST_ERR_PRICE"},
};

constexpr FieldMapping kProfileFields[] = {
    {"wants", "wensen", "PST_ERR_CHOICE"},
    {"languages", "talen", "PST_ERR_CHOICE"},
    {"skills", "vaardigheden", "PST_ERR_SKILLS"},
    {"interests", "interesses", "PST_ERR_CHOICE"},
    {"availability", "tijden", "PST_ERR_CHOICE"},
    {"place_name", "plaats", "PST_ERR_PLACE"},
    {"latitude", "plaats", "PST_ERR_PLACE"},
    {"longitude", "plaats", "PST_ERR_PLACE"},
    {"travel_km", "afstand", "PST_ERR_KM"},
    {"max_matches", "aantal", "PST_ERR_MAX_MATCHES"},
    {"certificates", "certificaten", "PST_ERR_DATE"},
    {"birth_date", "geboren", "PST_ERR_BIRTH"},
    {"gender", "gender", "PST_ERR_CHOICE"},
    {"buddy_gender", "maatje", "PST_ERR_CHOICE"},
};

// The exchange layer's field ("languages[1]") as a form error; nullopt when the form has no
// such field.
std::optional<std::pair<std::string, std::string>> MapError(std::span<const FieldMapping> mappings,
                                                            std::string_view field,
                                                            const Language& language) {
  std::string_view bare = field.substr(0, field.find('['));
  for (const FieldMapping& mapping : mappings) {
    if (mapping.exchange == bare) {
      return std::pair(std::string(mapping.form), T(language, mapping.error_key));
    }
  }
  return std::nullopt;
}

// The step of the posting form that asks for a field or group.
int StepOf(std::string_view name) {
  if (name == "kant" || name == "soort" || name == "voor") return 1;
  if (name == "titel" || name == "beschrijving" || name == "plaats" || name == "afstand" ||
      name == "talen" || name.starts_with("taal_")) {
    return 2;
  }
  if (name == "tijden" || name.starts_with("tijd_") || name == "begin" || name == "eind" ||
      name == "aantal") {
    return 3;
  }
  return 4;
}

// Every field the posting form may carry from step to step, in form order.
const std::vector<std::string>& PostingFieldNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out = {"kant",         "soort",  "voor",   "titel",
                                    "beschrijving", "plaats", "afstand"};
    for (const CommonLanguage& common : CommonLanguages()) {
      out.push_back("taal_" + std::string(common.code));
    }
    for (int bit = 0; bit < match::kWeeklySlots; ++bit) out.push_back(SlotField(bit));
    for (std::string_view name : {"begin", "eind", "aantal"}) out.emplace_back(name);
    for (std::string_view code : CertificateCodes()) out.push_back("cert_" + std::string(code));
    for (std::string_view name :
         {"niveau", "leeftijd", "vaardigheden", "categorie", "levering", "stoelen", "prijs"}) {
      out.emplace_back(name);
    }
    for (std::string_view code : FacilityCodes()) {
      out.push_back("voorziening_" + std::string(code));
    }
    for (const domain::TermDefinition& term : domain::NeedTerms()) {
      out.push_back(TermField("onderwerp_", term));
    }
    return out;
  }();
  return names;
}

std::string CapacityKey(std::string_view kind) {
  if (kind == "space") return "PST_CAPACITY_PEOPLE";
  if (kind == "goods") return "PST_CAPACITY_ITEMS";
  return "PST_CAPACITY_SPOTS";
}

// The groups of one step of the posting form, filled with what was typed.
std::vector<Group> PostingGroups(int step, const FormFields& typed, const Language& language,
                                 const std::vector<OrganizationChoice>& organizations) {
  auto t = [&](std::string_view key) { return T(language, key); };
  std::vector<Group> groups;
  if (step == 1) {
    groups.push_back(RadioGroup("kant", t("PST_FIELD_SIDE"), "",
                                {{"request", t("PST_I_ASK")}, {"offer", t("PST_I_OFFER")}},
                                FormValue(typed, "kant")));
    std::vector<Option> kinds;
    for (std::string_view kind : PostingKindCodes()) {
      kinds.push_back({std::string(kind), PostingKindText(language, kind)});
    }
    groups.push_back(
        RadioGroup("soort", t("PST_FIELD_KIND"), "", kinds, FormValue(typed, "soort")));
    if (!organizations.empty()) {
      std::vector<Option> choices = {{"", t("PST_FOR_MYSELF")}};
      for (const OrganizationChoice& organization : organizations) {
        choices.push_back(
            {organization.id, Filled(language, "PST_FOR_ORGANIZATION", {organization.name})});
      }
      groups.push_back(
          RadioGroup("voor", t("PST_FIELD_FOR"), "", choices, FormValue(typed, "voor")));
    }
  } else if (step == 2) {
    Control title = Box("titel", t("PST_FIELD_TITLE"), typed, t("PST_FIELD_TITLE_HINT"));
    title.required = true;
    title.max_length = kMaxTitle;
    Control description =
        Box("beschrijving", t("PST_FIELD_DESCRIPTION"), typed, t("PST_FIELD_DESCRIPTION_HINT"));
    description.kind = Control::Kind::kTextarea;
    description.max_length = kMaxDescription;
    groups.push_back(
        {.controls = {
             std::move(title), std::move(description),
             Box("plaats", t("PST_FIELD_PLACE"), typed, t("PST_FIELD_PLACE_HINT")),
             NumberBox("afstand", t("PST_FIELD_RADIUS"), typed, t("PST_KM_HINT"), "decimal")}});
    groups.push_back(LanguageChecks(language, typed, t("PST_FIELD_LANGUAGES"),
                                    t("PST_FIELD_LANGUAGES_HINT"), false));
  } else if (step == 3) {
    groups.push_back(SlotTable(t("PST_FIELD_SLOTS"), t("PST_FIELD_SLOTS_HINT"), typed));
    groups.push_back(
        {.controls = {DateBox("begin", t("PST_FIELD_START"), typed, t("PST_FIELD_START_HINT")),
                      DateBox("eind", t("PST_FIELD_END"), typed, t("PST_FIELD_END_HINT")),
                      NumberBox("aantal", t(CapacityKey(FormValue(typed, "soort"))), typed,
                                t("PST_FIELD_CAPACITY_HINT"))}});
  } else {
    std::string kind = FormValue(typed, "soort");
    if (Has(kKindsWithRequirements, kind)) {
      Group certificates{.legend = t("PST_FIELD_CERTIFICATES"), .id = "certificaten"};
      for (std::string_view code : CertificateCodes()) {
        certificates.controls.push_back(
            Checkbox("cert_" + std::string(code), CertificateText(language, code), typed));
      }
      groups.push_back(std::move(certificates));
      Control level = Box("niveau", t("PST_FIELD_MIN_DUTCH"), typed);
      level.kind = Control::Kind::kSelect;
      level.options.push_back({"", t("PST_LEVEL_ANY")});
      for (std::string_view code : kLevels) {
        level.options.push_back({std::string(code), t("PST_LEVEL_" + std::string(code))});
      }
      groups.push_back(
          {.controls = {std::move(level), NumberBox("leeftijd", t("PST_FIELD_MIN_AGE"), typed,
                                                    t("PST_FIELD_MIN_AGE_HINT"))}});
    }
    if (Has(kKindsWithSkills, kind)) {
      Control skills =
          Box("vaardigheden", t("PST_FIELD_SKILLS"), typed, t("PST_FIELD_SKILLS_HINT"));
      skills.max_length = kMaxListText;
      groups.push_back({.controls = {std::move(skills)}});
    }
    if (kind == "goods") {
      groups.push_back({.controls = {Box("categorie", t("PST_FIELD_CATEGORY"), typed,
                                         t("PST_FIELD_CATEGORY_HINT"))}});
      std::vector<Option> deliveries = {{"", t("PST_DELIVERY_UNSAID")}};
      for (std::string_view code : DeliveryCodes()) {
        deliveries.push_back({std::string(code), DeliveryText(language, code)});
      }
      groups.push_back(RadioGroup("levering", t("PST_FIELD_DELIVERY"), "", deliveries,
                                  FormValue(typed, "levering")));
    }
    if (kind == "space") {
      groups.push_back({.controls = {NumberBox("stoelen", t("PST_FIELD_SEATS"), typed,
                                               t("PST_FIELD_SEATS_HINT"))}});
      Group facilities{.legend = t("PST_FIELD_FACILITIES"), .id = "voorzieningen"};
      for (std::string_view code : FacilityCodes()) {
        facilities.controls.push_back(
            Checkbox("voorziening_" + std::string(code), FacilityText(language, code), typed));
      }
      groups.push_back(std::move(facilities));
      groups.push_back({.controls = {NumberBox("prijs", t("PST_FIELD_PRICE"), typed,
                                               t("PST_FIELD_PRICE_HINT"), "decimal")}});
    }
    groups.push_back(NeedChecks(language, typed, "onderwerp_", t("PST_FIELD_TERMS"),
                                t("PST_FIELD_TERMS_HINT"), "onderwerpen"));
  }
  return groups;
}

// What the posting form says about a posting.
FormFields PostingFields(const store::PostingRecord& posting) {
  FormFields fields = {{"kant", posting.side},
                       {"soort", posting.kind},
                       {"voor", posting.organization_id.value_or("")},
                       {"titel", posting.title},
                       {"beschrijving", posting.description},
                       {"plaats", posting.place_name},
                       {"afstand", FormatKm(posting.radius_km)},
                       {"begin", posting.starts_on},
                       {"eind", posting.ends_on.value_or("")},
                       {"aantal", std::to_string(posting.capacity)},
                       {"niveau", posting.min_dutch.value_or("")},
                       {"leeftijd", posting.min_age > 0 ? std::to_string(posting.min_age) : ""},
                       {"vaardigheden", Joined(posting.skills)},
                       {"categorie", posting.goods_category},
                       {"levering", posting.delivery},
                       {"stoelen", posting.seats > 0 ? std::to_string(posting.seats) : ""},
                       {"prijs", posting.price_cents ? FormatEuro(*posting.price_cents) : ""}};
  for (const std::string& code : posting.languages) fields["taal_" + code] = "1";
  PutSlots(fields, posting.availability);
  for (const std::string& code : posting.certificates) fields["cert_" + code] = "1";
  for (const std::string& code : posting.facilities) fields["voorziening_" + code] = "1";
  for (const domain::TermDefinition& term : domain::NeedTerms()) {
    if (Has(posting.terms, NeedId(term))) fields[TermField("onderwerp_", term)] = "1";
  }
  return fields;
}

// Reads what one step of the posting form asks into `posting`; what is wrong goes into
// `errors` by field name. Fields the step does not show for the posting's kind stay as they are.
void ReadStep(int step, const FormFields& typed, store::PostingRecord& posting, Errors& errors,
              const Language& language, const domain::Gazetteer& places,
              const std::vector<OrganizationChoice>& organizations) {
  auto t = [&](std::string_view key) { return T(language, key); };
  auto text = [&](std::string_view name) { return Trim(FormValue(typed, name)); };
  if (step == 1) {
    std::string side = FormValue(typed, "kant");
    if (Has(kSides, side)) {
      posting.side = side;
    } else {
      errors["kant"] = t("PST_ERR_SIDE");
    }
    std::string kind = FormValue(typed, "soort");
    if (Has(PostingKindCodes(), kind)) {
      posting.kind = kind;
    } else {
      errors["soort"] = t("PST_ERR_KIND");
    }
    if (!organizations.empty()) {
      std::string chosen = FormValue(typed, "voor");
      if (chosen.empty()) {
        posting.organization_id.reset();
      } else if (std::any_of(organizations.begin(), organizations.end(),
                             [&](const OrganizationChoice& o) { return o.id == chosen; })) {
        posting.organization_id = chosen;
      } else {
        errors["voor"] = t("PST_ERR_FOR");
      }
    }
  } else if (step == 2) {
    std::string title = text("titel");
    if (CodePoints(title) < 2 || CodePoints(title) > kMaxTitle) {
      errors["titel"] = t("PST_ERR_TITLE");
    } else {
      posting.title = title;
    }
    std::string description = text("beschrijving");
    if (CodePoints(description) > kMaxDescription) {
      errors["beschrijving"] = t("ERR_TEXT_TOO_LONG");
    } else {
      posting.description = description;
    }
    ReadPlace(text("plaats"), posting, errors, language, places);
    std::string radius = text("afstand");
    if (radius.empty()) {
      posting.radius_km = store::PostingRecord{}.radius_km;
    } else if (auto km = ParseKm(radius)) {
      posting.radius_km = *km;
    } else {
      errors["afstand"] = t("PST_ERR_KM");
    }
    // Languages the form does not offer (set elsewhere) stay.
    std::vector<std::string> languages;
    for (const CommonLanguage& common : CommonLanguages()) {
      if (Checked(typed, "taal_" + std::string(common.code))) {
        languages.emplace_back(common.code);
      }
    }
    for (const std::string& code : posting.languages) {
      if (!IsCommonLanguage(code)) languages.push_back(code);
    }
    posting.languages = std::move(languages);
  } else if (step == 3) {
    posting.availability = SlotsOf(typed);
    std::string start = text("begin");
    std::optional<std::string> first;
    if (start.empty()) {
      posting.starts_on = "";
    } else if ((first = ParseDate(start))) {
      posting.starts_on = *first;
    } else {
      errors["begin"] = t("PST_ERR_DATE");
    }
    std::string end = text("eind");
    if (end.empty()) {
      posting.ends_on.reset();
    } else if (auto last = ParseDate(end)) {
      if (first && *last < *first) {
        errors["eind"] = t("PST_ERR_END_BEFORE_START");
      } else if (*exchange::ParseDay(*last) < Today()) {
        errors["eind"] = t("PST_ERR_END_PAST");
      } else {
        posting.ends_on = *last;
      }
    } else {
      errors["eind"] = t("PST_ERR_DATE");
    }
    std::string capacity = text("aantal");
    if (capacity.empty()) {
      posting.capacity = 1;
    } else if (auto n = ParseWhole(capacity, 1, 1000)) {
      posting.capacity = static_cast<int>(*n);
    } else {
      errors["aantal"] = t("PST_ERR_CAPACITY");
    }
  } else {
    const std::string& kind = posting.kind;
    if (Has(kKindsWithRequirements, kind)) {
      posting.certificates.clear();
      for (std::string_view code : CertificateCodes()) {
        if (Checked(typed, "cert_" + std::string(code))) posting.certificates.emplace_back(code);
      }
      std::string level = FormValue(typed, "niveau");
      if (level.empty()) {
        posting.min_dutch.reset();
      } else if (Has(kLevels, level)) {
        posting.min_dutch = level;
      } else {
        errors["niveau"] = t("PST_ERR_LEVEL");
      }
      std::string age = text("leeftijd");
      if (age.empty()) {
        posting.min_age = 0;
      } else if (auto years = ParseWhole(age, 0, 120)) {
        posting.min_age = static_cast<int>(*years);
      } else {
        errors["leeftijd"] = t("PST_ERR_AGE");
      }
    }
    if (Has(kKindsWithSkills, kind)) {
      if (auto skills = ParseList(FormValue(typed, "vaardigheden"))) {
        posting.skills = std::move(*skills);
      } else {
        errors["vaardigheden"] = t("PST_ERR_SKILLS");
      }
    }
    if (kind == "goods") {
      std::string category = text("categorie");
      if (CodePoints(category) > kMaxShortText) {
        errors["categorie"] = t("ERR_TEXT_TOO_LONG");
      } else {
        posting.goods_category = category;
      }
      std::string delivery = FormValue(typed, "levering");
      if (delivery.empty() || Has(DeliveryCodes(), delivery)) {
        posting.delivery = delivery;
      } else {
        errors["levering"] = t("PST_ERR_CHOICE");
      }
    }
    if (kind == "space") {
      std::string seats = text("stoelen");
      if (seats.empty()) {
        posting.seats = 0;
      } else if (auto n = ParseWhole(seats, 0, 100000)) {
        posting.seats = static_cast<int>(*n);
      } else {
        errors["stoelen"] = t("PST_ERR_SEATS");
      }
      posting.facilities.clear();
      for (std::string_view code : FacilityCodes()) {
        if (Checked(typed, "voorziening_" + std::string(code))) {
          posting.facilities.emplace_back(code);
        }
      }
      std::string price = text("prijs");
      if (price.empty()) {
        posting.price_cents.reset();
      } else if (auto cents = ParseEuroCents(price)) {
        posting.price_cents = *cents;
      } else {
        errors["prijs"] = t("PST_ERR_PRICE");
      }
    }
    std::vector<std::string> terms;
    for (const domain::TermDefinition& term : domain::NeedTerms()) {
      if (Checked(typed, TermField("onderwerp_", term))) terms.push_back(NeedId(term));
    }
    for (const std::string& id : posting.terms) {
      if (!IsNeedId(id)) terms.push_back(id);
    }
    posting.terms = std::move(terms);
  }
}

// --- The profile form ---------------------------------------------------------------------------

std::vector<Group> ProfileGroups(const FormFields& typed, const Language& language) {
  auto t = [&](std::string_view key) { return T(language, key); };
  std::vector<Group> groups;
  Group asks{
      .legend = t("PST_FIELD_WANTS_REQUEST"), .id = "wensen", .hint = t("PST_FIELD_WANTS_HINT")};
  Group offers{.legend = t("PST_FIELD_WANTS_OFFER"), .id = "aanbod"};
  for (std::string_view kind : PostingKindCodes()) {
    asks.controls.push_back(
        Checkbox("vraag_" + std::string(kind), PostingKindText(language, kind), typed));
    offers.controls.push_back(
        Checkbox("aanbod_" + std::string(kind), PostingKindText(language, kind), typed));
  }
  groups.push_back(std::move(asks));
  groups.push_back(std::move(offers));
  Control dutch = Box("niveau_nl", t("PST_FIELD_DUTCH"), typed, t("PST_FIELD_DUTCH_HINT"));
  dutch.kind = Control::Kind::kSelect;
  dutch.options = {{"", t("PST_DUTCH_UNSAID")}, {"ja", t("PST_DUTCH_UNKNOWN_LEVEL")}};
  for (std::string_view code : kLevels) {
    dutch.options.push_back({std::string(code), t("PST_LEVEL_" + std::string(code))});
  }
  groups.push_back({.controls = {std::move(dutch)}});
  groups.push_back(LanguageChecks(language, typed, t("PST_FIELD_OTHER_LANGUAGES"),
                                  t("PST_FIELD_OTHER_LANGUAGES_HINT"), true));
  Control skills = Box("vaardigheden", t("PST_FIELD_SKILLS"), typed, t("PST_FIELD_SKILLS_HINT"));
  skills.max_length = kMaxListText;
  groups.push_back({.controls = {std::move(skills)}});
  groups.push_back(
      NeedChecks(language, typed, "interesse_", t("PST_FIELD_INTERESTS"), "", "interesses"));
  groups.push_back(SlotTable(t("PST_FIELD_MY_SLOTS"), t("PST_FIELD_MY_SLOTS_HINT"), typed));
  Control home = Box("plaats", t("PST_FIELD_HOME"), typed, t("PST_FIELD_HOME_HINT"));
  home.autocomplete = "address-level2";
  groups.push_back(
      {.controls = {std::move(home),
                    NumberBox("afstand", t("PST_FIELD_TRAVEL"), typed, t("PST_KM_HINT"), "decimal"),
                    NumberBox("aantal", t("PST_FIELD_MAX_MATCHES"), typed,
                              t("PST_FIELD_MAX_MATCHES_HINT"))}});
  Group certificates{.legend = t("PST_FIELD_MY_CERTIFICATES"),
                     .id = "certificaten",
                     .hint = t("PST_FIELD_MY_CERTIFICATES_HINT")};
  for (std::string_view code : CertificateCodes()) {
    certificates.controls.push_back(
        DateBox("cert_" + std::string(code),
                Filled(language, "PST_VALID_UNTIL", {CertificateText(language, code)}), typed, ""));
  }
  groups.push_back(std::move(certificates));
  Control born = DateBox("geboren", t("PST_FIELD_BIRTH"), typed, t("PST_FIELD_BIRTH_HINT"));
  born.autocomplete = "bday";
  groups.push_back({.controls = {std::move(born)}});
  std::vector<Option> genders = {{"", t("PST_GENDER_UNSAID")}};
  std::vector<Option> buddy_genders = {{"", t("PST_BUDDY_GENDER_ANY")}};
  for (std::string_view code : GenderCodes()) {
    genders.push_back({std::string(code), GenderText(language, code)});
    buddy_genders.push_back({std::string(code), GenderText(language, code)});
  }
  groups.push_back(RadioGroup("gender", t("PST_FIELD_GENDER"), t("PST_FIELD_GENDER_HINT"), genders,
                              FormValue(typed, "gender")));
  groups.push_back(RadioGroup("maatje", t("PST_FIELD_BUDDY_GENDER"),
                              t("PST_FIELD_BUDDY_GENDER_HINT"), buddy_genders,
                              FormValue(typed, "maatje")));
  return groups;
}

FormFields ProfileFields(const std::optional<store::ProfileRecord>& stored) {
  FormFields fields = {{"afstand", "10"}, {"aantal", "1"}};
  if (!stored) return fields;
  const store::ProfileRecord& profile = *stored;
  for (const std::string& want : profile.wants) {
    size_t colon = want.find(':');
    if (colon == std::string::npos) continue;
    std::string side = want.substr(colon + 1);
    fields[(side == "offer" ? "aanbod_" : "vraag_") + want.substr(0, colon)] = "1";
  }
  for (const auto& [code, level] : profile.languages) {
    if (code == "nl") {
      fields["niveau_nl"] = level.empty() ? "ja" : level;
    } else {
      fields["taal_" + code] = "1";
    }
  }
  fields["vaardigheden"] = Joined(profile.skills);
  for (const domain::TermDefinition& term : domain::NeedTerms()) {
    if (Has(profile.interests, NeedId(term))) fields[TermField("interesse_", term)] = "1";
  }
  PutSlots(fields, profile.availability);
  fields["plaats"] = profile.place_name;
  fields["afstand"] = FormatKm(profile.travel_km);
  fields["aantal"] = std::to_string(profile.max_matches);
  for (const auto& [code, until] : profile.certificates) fields["cert_" + code] = until;
  fields["geboren"] = profile.birth_date.value_or("");
  fields["gender"] = profile.gender.value_or("");
  fields["maatje"] = profile.buddy_gender.value_or("");
  return fields;
}

// The profile the form asks for, on top of the stored one (what the form does not offer stays).
store::ProfileRecord ReadProfile(const FormFields& typed, store::ProfileRecord profile,
                                 Errors& errors, const Language& language,
                                 const domain::Gazetteer& places) {
  auto t = [&](std::string_view key) { return T(language, key); };
  auto text = [&](std::string_view name) { return Trim(FormValue(typed, name)); };
  profile.wants.clear();
  for (std::string_view kind : PostingKindCodes()) {
    if (Checked(typed, "vraag_" + std::string(kind))) {
      profile.wants.push_back(std::string(kind) + ":request");
    }
    if (Checked(typed, "aanbod_" + std::string(kind))) {
      profile.wants.push_back(std::string(kind) + ":offer");
    }
  }
  std::vector<std::pair<std::string, std::string>> languages;
  std::string dutch = FormValue(typed, "niveau_nl");
  if (dutch == "ja") {
    languages.emplace_back("nl", "");
  } else if (Has(kLevels, dutch)) {
    languages.emplace_back("nl", dutch);
  } else if (!dutch.empty()) {
    errors["niveau_nl"] = t("PST_ERR_LEVEL");
  }
  for (const CommonLanguage& common : CommonLanguages()) {
    if (common.code == "nl" || !Checked(typed, "taal_" + std::string(common.code))) continue;
    std::string level;
    for (const auto& [code, stored_level] : profile.languages) {
      if (code == common.code) level = stored_level;
    }
    languages.emplace_back(common.code, level);
  }
  for (const auto& entry : profile.languages) {
    if (!IsCommonLanguage(entry.first)) languages.push_back(entry);
  }
  profile.languages = std::move(languages);
  if (auto skills = ParseList(FormValue(typed, "vaardigheden"))) {
    profile.skills = std::move(*skills);
  } else {
    errors["vaardigheden"] = t("PST_ERR_SKILLS");
  }
  std::vector<std::string> interests;
  for (const domain::TermDefinition& term : domain::NeedTerms()) {
    if (Checked(typed, TermField("interesse_", term))) interests.push_back(NeedId(term));
  }
  for (const std::string& id : profile.interests) {
    if (!IsNeedId(id)) interests.push_back(id);
  }
  profile.interests = std::move(interests);
  profile.availability = SlotsOf(typed);
  ReadPlace(text("plaats"), profile, errors, language, places);
  std::string travel = text("afstand");
  if (travel.empty()) {
    profile.travel_km = store::ProfileRecord{}.travel_km;
  } else if (auto km = ParseKm(travel)) {
    profile.travel_km = *km;
  } else {
    errors["afstand"] = t("PST_ERR_KM");
  }
  std::string most = text("aantal");
  if (most.empty()) {
    profile.max_matches = 1;
  } else if (auto n = ParseWhole(most, 1, 20)) {
    profile.max_matches = static_cast<int>(*n);
  } else {
    errors["aantal"] = t("PST_ERR_MAX_MATCHES");
  }
  profile.certificates.clear();
  for (std::string_view code : CertificateCodes()) {
    std::string name = "cert_" + std::string(code);
    std::string until = text(name);
    if (until.empty()) continue;
    if (auto day = ParseDate(until)) {
      profile.certificates.emplace_back(code, *day);
    } else {
      errors[name] = t("PST_ERR_DATE");
    }
  }
  std::string born = text("geboren");
  if (born.empty()) {
    profile.birth_date.reset();
  } else if (auto day = ParseDate(born); day && *exchange::ParseDay(*day) < Today()) {
    profile.birth_date = *day;
  } else {
    errors["geboren"] = t("PST_ERR_BIRTH");
  }
  for (auto [name, field] :
       {std::pair{"gender", &profile.gender}, std::pair{"maatje", &profile.buddy_gender}}) {
    std::string chosen = FormValue(typed, name);
    if (chosen.empty()) {
      field->reset();
    } else if (Has(GenderCodes(), chosen)) {
      *field = chosen;
    } else {
      errors[name] = t("PST_ERR_CHOICE");
    }
  }
  return profile;
}

// --- Pages --------------------------------------------------------------------------------------

// The status words after a step, as the "gelukt" query of the posting page, with their notice.
constexpr std::pair<std::string_view, std::string_view> kDoneNotices[] = {
    {"open", "PST_DONE_OPEN"},  {"wacht", "PST_DONE_WAITING"},   {"concept", "PST_DONE_DRAFT"},
    {"vol", "PST_DONE_FILLED"}, {"gesloten", "PST_DONE_CLOSED"}, {"opgeslagen", "PST_DONE_SAVED"}};

std::string DoneWord(std::string_view status) {
  if (status == "open") return "open";
  if (status == "awaiting_moderation") return "wacht";
  if (status == "draft") return "concept";
  if (status == "filled") return "vol";
  if (status == "closed") return "gesloten";
  return "opgeslagen";
}

constexpr std::pair<std::string_view, std::string_view> kProfileNotices[] = {
    {"opgeslagen", "PST_PROFILE_SAVED"},
    {"ja", "PST_CONSENT_GIVEN"},
    {"nee", "PST_CONSENT_STOPPED"},
    {"verwijderd", "PST_PROFILE_DELETED"}};

std::string QueryValue(const Visit& visit, std::string_view name) {
  auto found = visit.http.query.find(name);
  return found == visit.http.query.end() ? std::string() : found->second;
}

// A form body: its fields when readable, and whether it carries the visitor's CSRF token.
struct Posted {
  std::optional<FormFields> fields;
  std::optional<http::Response> refusal;
  bool csrf_ok = false;
};

class PostingSite {
 public:
  PostingSite(store::Store& store, exchange::Exchange& exchange, const domain::Gazetteer& places,
              const std::string& public_url)
      : store_(store),
        exchange_(exchange),
        places_(places),
        listings_(store),
        layout_(public_url) {}

  // --- The list --------------------------------------------------------------------------------

  http::Response Browse(const Visit& visit) {
    const Language& language = visit.language;
    std::string q = Trim(QueryValue(visit, "q"));
    std::string kind = QueryValue(visit, "soort");
    std::string side = QueryValue(visit, "kant");
    std::vector<std::string> problems;
    if (CodePoints(q) > kMaxQuery) problems.push_back("q");
    if (!kind.empty() && !Has(PostingKindCodes(), kind)) problems.push_back("soort");
    if (!side.empty() && !Has(kSides, side)) problems.push_back("kant");
    auto number = PageNumber(visit);
    if (!number) problems.push_back("pagina");
    if (!problems.empty()) return BadFilters(visit, problems);
    store::PostingFilter filter;
    if (!kind.empty()) filter.kind = kind;
    if (!side.empty()) filter.side = side;
    if (!q.empty()) filter.text = q;
    auto page =
        FetchPage([&](int64_t n) { return exchange_.Browse(filter, n, kPerPage); }, *number);
    if (!page) return Failure(visit, page.error());

    QueryList current = {{"q", q}, {"soort", kind}, {"kant", side}};
    std::string base = language.prefix() + "/vraag-en-aanbod";
    std::string count = Plural(language, "PST_COUNT", page->total);
    json::array points;
    std::map<std::string, std::string> names;
    return layout_.Render(
        visit, 200, T(language, "PST_TITLE"), "posting_list.tpl",
        [&](TemplateDictionary& dict) {
          dict.SetValue("BASE", base);
          dict.SetValue("Q", q);
          dict.SetValue("COUNT", count);
          for (const auto& [name, value] : current) {
            if (name == "q" || value.empty()) continue;
            TemplateDictionary* keep = dict.AddSectionDictionary("KEEP");
            keep->SetValue("NAME", name);
            keep->SetValue("VALUE", value);
          }
          TemplateDictionary* items =
              page->postings.empty() ? nullptr : dict.AddSectionDictionary("ITEMS");
          if (items == nullptr) dict.ShowSection("NONE");
          for (const store::PostingRecord& posting : page->postings) {
            TemplateDictionary* item = items->AddSectionDictionary("POSTING");
            std::string url = base + "/" + posting.id;
            item->SetValue("URL", url);
            item->SetValue("TITLE", posting.title);
            item->SetValue("SIDE", PostingSideText(language, posting.side));
            item->SetValue("KIND", PostingKindText(language, posting.kind));
            if (!posting.place_name.empty()) {
              item->SetValueAndShowSection("NAME", posting.place_name, "PLACE");
            }
            if (posting.organization_id) {
              std::string name = OrganizationName(*posting.organization_id, names);
              if (!name.empty()) item->SetValueAndShowSection("NAME", name, "ORGANIZATION");
            }
            if (!posting.description.empty()) {
              item->SetValueAndShowSection("TEXT", Excerpt(posting.description, kExcerpt),
                                           "EXCERPT");
            }
            if (!posting.languages.empty()) {
              std::vector<std::string> spoken;
              for (const std::string& code : posting.languages) {
                spoken.push_back(SpokenLanguageText(language, code));
              }
              item->SetValueAndShowSection("LIST", Joined(spoken), "LANGS");
            }
            if (posting.latitude && posting.longitude) {
              points.push_back(json::object{{"lat", *posting.latitude},
                                            {"lon", *posting.longitude},
                                            {"name", posting.title},
                                            {"url", url}});
            }
          }
          if (!points.empty())
            dict.SetValueAndShowSection("POINTS", json::serialize(points), "MAP");
          FillPages(dict, language, page->number, page->total, [&](int64_t n) {
            QueryList with_page = current;
            with_page.emplace_back("pagina", n > 1 ? std::to_string(n) : "");
            return WithQuery(base, with_page);
          });
          // Filters: each group a choice, "Alles" first.
          auto group = [&](std::string_view legend_key, const std::string& name,
                           const std::string& selected, const std::vector<Option>& options) {
            TemplateDictionary* fieldset = dict.AddSectionDictionary("GROUP");
            fieldset->SetValue("LEGEND", T(language, legend_key));
            std::vector<Option> all = {{"", T(language, "ANY")}};
            all.insert(all.end(), options.begin(), options.end());
            for (size_t i = 0; i < all.size(); ++i) {
              TemplateDictionary* choice = fieldset->AddSectionDictionary("OPTION");
              choice->SetValue("ID", name + "-" + std::to_string(i));
              choice->SetValue("NAME", name);
              choice->SetValue("VALUE", all[i].value);
              choice->SetValue("LABEL", all[i].text);
              if (all[i].value == selected) choice->ShowSection("CHECKED");
            }
          };
          std::vector<Option> kinds, sides;
          for (std::string_view code : PostingKindCodes()) {
            kinds.push_back({std::string(code), PostingKindText(language, code)});
          }
          for (std::string_view code : kSides) {
            sides.push_back({std::string(code), PostingSideText(language, code)});
          }
          group("PST_SIDE_LABEL", "kant", side, sides);
          group("PST_KIND_LABEL", "soort", kind, kinds);
          dict.SetValue("CLEAR_URL", base);
        },
        // Leaflet only when there is something to draw.
        std::any_of(page->postings.begin(), page->postings.end(),
                    [](const store::PostingRecord& p) { return p.latitude && p.longitude; }));
  }

  // --- One posting -----------------------------------------------------------------------------

  http::Response Show(const Visit& visit) {
    auto id = PathId(visit);
    if (!id) return layout_.NotFound(visit);
    auto posting = exchange_.Get(visit.http.actor, *id);
    if (!posting) return Failure(visit, posting.error());
    auto keeper = Keeps(visit.http.actor, *posting);
    if (!keeper) return layout_.Failure(visit);
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return T(language, key); };
    const store::PostingRecord& p = *posting;
    std::string base = language.prefix() + "/vraag-en-aanbod/" + p.id;
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    bool map = p.latitude && p.longitude;
    return layout_.Render(
        visit, 200, p.title, "posting.tpl",
        [&](TemplateDictionary& dict) {
          dict.SetValue("TITLE", p.title);
          for (const auto& [word, key] : kDoneNotices) {
            if (*keeper && QueryValue(visit, "gelukt") == word) {
              dict.SetValueAndShowSection("TEXT", t(key), "NOTICE");
            }
          }
          dict.SetValue("SIDE", PostingSideText(language, p.side));
          dict.SetValue("KIND", PostingKindText(language, p.kind));
          if (p.organization_id) {
            std::map<std::string, std::string> names;
            std::string name = OrganizationName(*p.organization_id, names);
            if (!name.empty()) {
              TemplateDictionary* organization = dict.AddSectionDictionary("ORGANIZATION");
              organization->SetValue("NAME", name);
              organization->SetValue("URL",
                                     language.prefix() + "/organisatie/" + *p.organization_id);
            }
          }
          for (std::string_view line : SplitLines(p.description)) {
            dict.AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", std::string(line));
          }
          auto fact = [&](std::string_view term_key, const std::string& value, bool dutch = false) {
            TemplateDictionary* item = dict.AddSectionDictionary("FACT");
            item->SetValue("TERM", t(term_key));
            item->SetValue("VALUE", value);
            if (dutch) item->ShowSection("DUTCH");
          };
          fact("PST_SIDE_LABEL", PostingSideText(language, p.side));
          fact("PST_KIND_LABEL", PostingKindText(language, p.kind));
          if (p.place_name.empty()) {
            fact("PST_PLACE_LABEL", t("PST_NO_PLACE"));
          } else {
            fact("PST_PLACE_LABEL", p.place_name, true);
            fact("PST_DISTANCE_LABEL",
                 Filled(language, "PST_UP_TO_KM", {language.Number(p.radius_km, 0)}));
          }
          std::vector<std::string> spoken;
          for (const std::string& code : p.languages) {
            spoken.push_back(SpokenLanguageText(language, code));
          }
          fact("LANGUAGES", spoken.empty() ? t("PST_ANY_LANGUAGE") : Joined(spoken));
          std::vector<std::string> slots = SlotTexts(language, p.availability);
          fact("PST_WHEN_LABEL", slots.empty() ? t("PST_ANY_TIME") : Joined(slots));
          fact("PST_FROM_LABEL",
               p.starts_on.empty() ? t("PST_FROM_NOW") : language.Date(p.starts_on));
          if (p.ends_on) fact("PST_UNTIL_LABEL", language.Date(*p.ends_on));
          fact(CapacityKey(p.kind), language.Integer(p.capacity));
          if (!p.certificates.empty()) {
            std::vector<std::string> names;
            for (const std::string& code : p.certificates) {
              names.push_back(CertificateText(language, code));
            }
            fact("PST_CERTIFICATES_LABEL", Joined(names));
          }
          if (p.min_dutch) {
            fact("PST_DUTCH_LABEL", Filled(language, "PST_MIN_LEVEL", {*p.min_dutch}));
          }
          if (p.min_age > 0) {
            fact("PST_AGE_LABEL", Filled(language, "AGE_FROM", {language.Integer(p.min_age)}));
          }
          if (!p.skills.empty()) fact("PST_SKILLS_LABEL", Joined(p.skills));
          if (p.kind == "goods") {
            if (!p.goods_category.empty()) fact("PST_CATEGORY_LABEL", p.goods_category);
            if (!p.delivery.empty()) {
              fact("PST_DELIVERY_LABEL", DeliveryText(language, p.delivery));
            }
          }
          if (p.kind == "space") {
            if (p.seats > 0) fact("PST_SEATS_LABEL", language.Integer(p.seats));
            if (!p.facilities.empty()) {
              std::vector<std::string> names;
              for (const std::string& code : p.facilities) {
                names.push_back(FacilityText(language, code));
              }
              fact("PST_FACILITIES_LABEL", Joined(names));
            }
            if (p.price_cents) {
              fact("PST_PRICE_LABEL",
                   *p.price_cents == 0
                       ? t("PST_FREE")
                       : Filled(language, "PST_PRICE",
                                {language.Number(static_cast<double>(*p.price_cents) / 100, 2)}));
            }
          }
          if (!p.terms.empty()) {
            std::vector<std::string> names;
            for (const std::string& term : p.terms) names.push_back(NeedText(language, term));
            fact("PST_TERMS_LABEL", Joined(names));
          }
          fact("PST_POSTED_LABEL", language.Date(p.created_at));
          if (map) {
            json::array points = {json::object{
                {"lat", *p.latitude}, {"lon", *p.longitude}, {"name", p.title}, {"url", base}}};
            dict.SetValueAndShowSection("POINTS", json::serialize(points), "MAP");
          }
          if (*keeper) {
            FillKeeper(dict, visit, p, base, csrf);
          } else if (visit.http.actor.signed_in()) {
            dict.ShowSection("OTHER");
          } else {
            dict.SetValueAndShowSection(
                "URL",
                WithQuery(language.prefix() + "/inloggen",
                          {{"terug", std::string(visit.http.request.target())}}),
                "ANONYMOUS");
          }
        },
        map, std::move(cookies));
  }

  // The posting's status and the steps its author or keepers may take now.
  void FillKeeper(TemplateDictionary& dict, const Visit& visit, const store::PostingRecord& p,
                  const std::string& base, const std::string& csrf) const {
    const Language& language = visit.language;
    TemplateDictionary* keeper = dict.AddSectionDictionary("KEEPER");
    keeper->SetValue("STATUS", PostingStatusText(language, p.status));
    auto from = domain::ParsePostingStatus(p.status);
    if (!from) return;
    if (*from == PostingStatus::kExpired) keeper->ShowSection("EXPIRED");
    // Moderation (awaiting → open or closed) is the help desk's, on its own pages.
    struct Step {
      PostingStatus to;
      std::string_view key;
    };
    std::vector<Step> steps;
    for (PostingStatus to : {PostingStatus::kOpen, PostingStatus::kDraft, PostingStatus::kFilled,
                             PostingStatus::kClosed}) {
      if (!domain::MayMovePosting(*from, to)) continue;
      if (*from == PostingStatus::kAwaitingModeration && to != PostingStatus::kDraft) continue;
      std::string_view key =
          to == PostingStatus::kOpen
              ? (*from == PostingStatus::kDraft ? "PST_MOVE_SUBMIT" : "PST_MOVE_REOPEN")
          : to == PostingStatus::kDraft  ? "PST_MOVE_WITHDRAW"
          : to == PostingStatus::kFilled ? "PST_MOVE_FILL"
                                         : "PST_MOVE_CLOSE";
      steps.push_back({to, key});
    }
    if (!steps.empty()) {
      TemplateDictionary* moves = keeper->AddSectionDictionary("MOVES");
      for (const Step& step : steps) {
        TemplateDictionary* move = moves->AddSectionDictionary("MOVE");
        move->SetValue("URL", base + "/status");
        move->SetValue("CSRF", csrf);
        move->SetValue("TO", std::string(domain::PostingStatusName(step.to)));
        move->SetValue("TEXT", T(language, step.key));
        bool primary = step.to == PostingStatus::kOpen;
        move->ShowSection(primary ? "PRIMARY" : "SECONDARY");
        if (step.to == PostingStatus::kClosed) {
          TemplateDictionary* hint = move->AddSectionDictionary("HINT");
          hint->SetValue("ID", "sluiten-hint");
          hint->SetValue("TEXT", T(language, "PST_CLOSE_HINT"));
        }
      }
    }
    if (*from != PostingStatus::kClosed) {
      keeper->SetValueAndShowSection("URL", base + "/bewerken", "EDIT");
    }
  }

  // --- A new posting, in steps -----------------------------------------------------------------

  http::Response NewForm(const Visit& visit) {
    if (visit.http.actor.user_id.empty()) return layout_.Forbidden(visit);
    auto organizations = OrganizationsOf(visit.http.actor, std::nullopt);
    if (!organizations) return layout_.Failure(visit);
    FormFields typed = {{"afstand", "10"}, {"aantal", "1"}};
    // "Ik vraag iets" / "Ik bied iets aan" choose the side already; anything else is ignored.
    if (std::string side = QueryValue(visit, "kant"); Has(kSides, side)) typed["kant"] = side;
    if (std::string kind = QueryValue(visit, "soort"); Has(PostingKindCodes(), kind)) {
      typed["soort"] = kind;
    }
    return RenderStep(visit, 1, typed, {}, 200, "", *organizations);
  }

  http::Response NewStep(const Visit& visit) {
    Posted posted = ReadPosted(visit);
    if (!posted.fields) return *posted.refusal;
    if (visit.http.actor.user_id.empty()) return layout_.Forbidden(visit);
    const FormFields& typed = *posted.fields;
    auto step = ParseWhole(FormValue(typed, "stap"), 1, kSteps);
    if (!step) {
      return layout_.Info(visit, 400, "BAD_REQUEST_TITLE", {T(visit.language, "PST_FORM_PROBLEM")},
                          true);
    }
    auto organizations = OrganizationsOf(visit.http.actor, std::nullopt);
    if (!organizations) return layout_.Failure(visit);
    int current = static_cast<int>(*step);
    if (!posted.csrf_ok) {
      return RenderStep(visit, current, typed, {}, 403, T(visit.language, "PST_FORM_EXPIRED"),
                        *organizations);
    }
    std::string action = FormValue(typed, "actie");
    if (action == "terug") {
      return RenderStep(visit, std::max(1, current - 1), typed, {}, 200, "", *organizations);
    }
    // Every step so far again: the hidden fields came back from the browser.
    store::PostingRecord draft;
    for (int s = 1; s <= current; ++s) {
      Errors errors;
      ReadStep(s, typed, draft, errors, visit.language, places_, *organizations);
      if (!errors.empty()) return RenderStep(visit, s, typed, errors, 400, "", *organizations);
    }
    if (current < kSteps) return RenderStep(visit, current + 1, typed, {}, 200, "", *organizations);
    auto stored = exchange_.Post(visit.http.actor, draft, action == "versturen");
    if (!stored) {
      const Error& error = stored.error();
      bool field_error = error.code == ErrorCode::kInvalidArgument ||
                         (error.code == ErrorCode::kForbidden && error.field == "organization_id");
      if (!field_error) return Failure(visit, error);
      auto mapped = MapError(kPostingFields, error.field, visit.language);
      if (!mapped) {
        return RenderStep(visit, kSteps, typed, {}, 400, T(visit.language, "PST_FORM_PROBLEM"),
                          *organizations);
      }
      return RenderStep(visit, StepOf(mapped->first), typed, {{mapped->first, mapped->second}}, 400,
                        "", *organizations);
    }
    return Redirect(visit.http.request, visit.language.prefix() + "/vraag-en-aanbod/" + stored->id +
                                            "?gelukt=" + DoneWord(stored->status));
  }

  http::Response RenderStep(const Visit& visit, int step, const FormFields& typed,
                            const Errors& errors, unsigned status, std::string notice,
                            const std::vector<OrganizationChoice>& organizations) const {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return T(language, key); };
    FormModel form{.action = language.prefix() + "/vraag-en-aanbod/nieuw",
                   .groups = PostingGroups(step, typed, language, organizations)};
    if (!AttachErrors(form.groups, errors)) {
      std::vector<std::string> lines = Unplaced(form, errors);
      notice = Joined(lines, " ");
    }
    form.hidden.emplace_back("stap", std::to_string(step));
    for (const std::string& name : PostingFieldNames()) {
      if (StepOf(name) == step) continue;
      std::string value = FormValue(typed, name);
      if (!value.empty()) form.hidden.emplace_back(name, value);
    }
    if (step < kSteps) {
      form.buttons.push_back({"actie", "verder", t("PST_NEXT"), true});
    } else {
      form.buttons.push_back({"actie", "versturen", t("PST_SUBMIT"), true});
      form.buttons.push_back({"actie", "concept", t("PST_SAVE_DRAFT"), false});
    }
    if (step > 1) form.buttons.push_back({"actie", "terug", t("PST_BACK"), false});
    std::string step_text = Filled(
        language, "PST_STEP",
        {language.Integer(step), language.Integer(kSteps), t("PST_STEP_" + std::to_string(step))});
    std::vector<std::string> intro;
    if (step == 1) intro.push_back(t("PST_STEP_1_INTRO"));
    if (step == kSteps) intro.push_back(t("PST_STEP_4_INTRO"));
    return RenderPostingForm(visit, status, t("PST_NEW_TITLE"), step_text, intro, notice, form,
                             {{language.prefix() + "/vraag-en-aanbod", t("PST_BACK_TO_LIST")}});
  }

  http::Response RenderPostingForm(const Visit& visit, unsigned status, const std::string& heading,
                                   const std::string& step, const std::vector<std::string>& intro,
                                   const std::string& notice, const FormModel& form,
                                   const QueryList& links) const {
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    std::string title = step.empty() ? heading : step + " – " + heading;
    return layout_.Render(
        visit, status, title, "posting_form.tpl",
        [&](TemplateDictionary& dict) {
          dict.SetValue("HEADING", heading);
          if (!step.empty()) dict.SetValueAndShowSection("TEXT", step, "STEP");
          for (const std::string& text : intro) {
            dict.AddSectionDictionary("INTRO")->SetValue("TEXT", text);
          }
          if (!notice.empty()) dict.SetValueAndShowSection("TEXT", notice, "NOTICE");
          TemplateDictionary* fields = dict.AddIncludeDictionary("FORM");
          fields->SetFilename("posting_fields.tpl");
          FillForm(*fields, form, csrf, visit.language);
          for (const auto& [url, text] : links) {
            TemplateDictionary* link = dict.AddSectionDictionary("LINK");
            link->SetValue("URL", url);
            link->SetValue("TEXT", text);
          }
        },
        false, std::move(cookies));
  }

  // --- Editing a posting -----------------------------------------------------------------------

  http::Response EditForm(const Visit& visit) {
    auto loaded = LoadForEditing(visit);
    if (!loaded.posting) return *loaded.refusal;
    return RenderEdit(visit, *loaded.posting, PostingFields(*loaded.posting), {}, 200, "",
                      loaded.organizations);
  }

  http::Response SaveEdit(const Visit& visit) {
    Posted posted = ReadPosted(visit);
    if (!posted.fields) return *posted.refusal;
    auto loaded = LoadForEditing(visit);
    if (!loaded.posting) return *loaded.refusal;
    const FormFields& typed = *posted.fields;
    if (!posted.csrf_ok) {
      return RenderEdit(visit, *loaded.posting, typed, {}, 403,
                        T(visit.language, "PST_FORM_EXPIRED"), loaded.organizations);
    }
    store::PostingRecord edited = *loaded.posting;
    Errors errors;
    for (int step = 1; step <= kSteps; ++step) {
      ReadStep(step, typed, edited, errors, visit.language, places_, loaded.organizations);
    }
    if (!errors.empty()) {
      return RenderEdit(visit, *loaded.posting, typed, errors, 400, "", loaded.organizations);
    }
    auto saved = exchange_.Edit(visit.http.actor, edited);
    if (!saved) {
      const Error& error = saved.error();
      bool field_error = error.code == ErrorCode::kInvalidArgument ||
                         (error.code == ErrorCode::kForbidden && error.field == "organization_id");
      if (!field_error) return Failure(visit, error);
      auto mapped = MapError(kPostingFields, error.field, visit.language);
      Errors mapped_errors;
      if (mapped) mapped_errors[mapped->first] = mapped->second;
      return RenderEdit(visit, *loaded.posting, typed, mapped_errors, 400,
                        mapped ? "" : T(visit.language, "PST_FORM_PROBLEM"), loaded.organizations);
    }
    return Redirect(visit.http.request, visit.language.prefix() + "/vraag-en-aanbod/" + saved->id +
                                            "?gelukt=opgeslagen");
  }

  http::Response RenderEdit(const Visit& visit, const store::PostingRecord& posting,
                            const FormFields& typed, const Errors& errors, unsigned status,
                            std::string notice,
                            const std::vector<OrganizationChoice>& organizations) const {
    const Language& language = visit.language;
    std::string base = language.prefix() + "/vraag-en-aanbod/" + posting.id;
    FormModel form{.action = base + "/bewerken"};
    for (int step = 1; step <= kSteps; ++step) {
      for (Group& group : PostingGroups(step, typed, language, organizations)) {
        form.groups.push_back(std::move(group));
      }
    }
    if (!AttachErrors(form.groups, errors)) notice = Joined(Unplaced(form, errors), " ");
    form.buttons.push_back({"", "", T(language, "SAVE_BUTTON"), true});
    return RenderPostingForm(visit, status, T(language, "PST_EDIT_TITLE"), "",
                             {T(language, "PST_EDIT_INTRO")}, notice, form,
                             {{base, posting.title}});
  }

  // --- Steps of a posting's life ---------------------------------------------------------------

  http::Response Move(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto id = PathId(visit);
    if (!id) return layout_.NotFound(visit);
    const Language& language = visit.language;
    std::string base = language.prefix() + "/vraag-en-aanbod/" + *id;
    auto to = domain::ParsePostingStatus(FormValue(*form.fields, "status"));
    if (!to) return Problem(visit, 400, "BAD_REQUEST_TITLE", {T(language, "PST_BAD_STATUS")}, base);
    auto moved = exchange_.Move(visit.http.actor, *id, *to);
    if (!moved) {
      const Error& error = moved.error();
      if (error.code == ErrorCode::kInvalidArgument) {
        return Problem(visit, 400, "BAD_REQUEST_TITLE", {T(language, "PST_BAD_STATUS")}, base);
      }
      if (error.code == ErrorCode::kConflict) {
        if (error.field == "ends_on") {
          return Problem(visit, 409, "PST_CONFLICT_TITLE", {T(language, "PST_EXPIRED_HINT")},
                         base + "/bewerken", T(language, "PST_EDIT_LINK"));
        }
        auto current = exchange_.Get(visit.http.actor, *id);
        std::string status = current ? PostingStatusText(language, current->status) : "";
        return Problem(visit, 409, "PST_CONFLICT_TITLE",
                       {Filled(language, "PST_CONFLICT_STATUS", {status})}, base);
      }
      return Failure(visit, error);
    }
    return Redirect(visit.http.request, base + "?gelukt=" + DoneWord(moved->status));
  }

  // --- My postings -----------------------------------------------------------------------------

  http::Response Mine(const Visit& visit) {
    if (visit.http.actor.user_id.empty()) return layout_.Forbidden(visit);
    auto number = PageNumber(visit);
    if (!number) return BadFilters(visit, {"pagina"});
    auto page = FetchPage(
        [&](int64_t n) { return exchange_.MyPostings(visit.http.actor, n, kPerPage); }, *number);
    if (!page) return Failure(visit, page.error());
    const Language& language = visit.language;
    std::string base = language.prefix() + "/vraag-en-aanbod";
    return layout_.Render(
        visit, 200, T(language, "PST_MINE_TITLE"), "posting_mine.tpl",
        [&](TemplateDictionary& dict) {
          TemplateDictionary* items =
              page->postings.empty() ? nullptr : dict.AddSectionDictionary("ITEMS");
          if (items == nullptr) dict.ShowSection("NONE");
          for (const store::PostingRecord& posting : page->postings) {
            TemplateDictionary* item = items->AddSectionDictionary("POSTING");
            item->SetValue("URL", base + "/" + posting.id);
            item->SetValue("TITLE", posting.title);
            item->SetValue("STATUS", PostingStatusText(language, posting.status));
            item->SetValue("SIDE", PostingSideText(language, posting.side));
            item->SetValue("KIND", PostingKindText(language, posting.kind));
            item->SetValue("DATE", language.Date(posting.created_at));
          }
          FillPages(dict, language, page->number, page->total, [&](int64_t n) {
            return WithQuery(base + "/mijn", {{"pagina", n > 1 ? std::to_string(n) : ""}});
          });
        });
  }

  // --- The matching profile --------------------------------------------------------------------

  http::Response Profile(const Visit& visit) {
    if (visit.http.actor.user_id.empty()) return layout_.Forbidden(visit);
    auto stored = exchange_.Profile(visit.http.actor);
    if (!stored) return Failure(visit, stored.error());
    return RenderProfile(visit, *stored, ProfileFields(*stored), {}, 200, "");
  }

  http::Response SaveProfile(const Visit& visit) {
    Posted posted = ReadPosted(visit);
    if (!posted.fields) return *posted.refusal;
    if (visit.http.actor.user_id.empty()) return layout_.Forbidden(visit);
    auto stored = exchange_.Profile(visit.http.actor);
    if (!stored) return Failure(visit, stored.error());
    const FormFields& typed = *posted.fields;
    if (!posted.csrf_ok) {
      return RenderProfile(visit, *stored, typed, {}, 403, T(visit.language, "PST_FORM_EXPIRED"));
    }
    Errors errors;
    store::ProfileRecord profile = ReadProfile(typed, stored->value_or(store::ProfileRecord{}),
                                               errors, visit.language, places_);
    if (!errors.empty()) return RenderProfile(visit, *stored, typed, errors, 400, "");
    auto saved = exchange_.SaveProfile(visit.http.actor, profile);
    if (!saved) {
      const Error& error = saved.error();
      if (error.code != ErrorCode::kInvalidArgument) return Failure(visit, error);
      auto mapped = MapError(kProfileFields, error.field, visit.language);
      Errors mapped_errors;
      if (mapped) mapped_errors[mapped->first] = mapped->second;
      return RenderProfile(visit, *stored, typed, mapped_errors, 400,
                           mapped ? "" : T(visit.language, "PST_FORM_PROBLEM"));
    }
    return Redirect(visit.http.request,
                    visit.language.prefix() + "/mijn-profiel?gelukt=opgeslagen");
  }

  http::Response RenderProfile(const Visit& visit,
                               const std::optional<store::ProfileRecord>& stored,
                               const FormFields& typed, const Errors& errors, unsigned status,
                               std::string problem) {
    const Language& language = visit.language;
    auto t = [&](std::string_view key) { return T(language, key); };
    std::string base = language.prefix() + "/mijn-profiel";
    FormModel form{.action = base, .groups = ProfileGroups(typed, language)};
    if (!AttachErrors(form.groups, errors)) problem = Joined(Unplaced(form, errors), " ");
    form.buttons.push_back({"", "", t("PST_PROFILE_SAVE"), true});
    // Suggestions only while the person consents; the engine needs a place to measure from.
    bool consenting = stored && stored->consent_at;
    std::optional<std::vector<exchange::PostingSuggestion>> suggestions;
    std::string none;
    if (consenting) {
      auto found = exchange_.SuggestForMe(visit.http.actor, kSuggestions);
      if (found) {
        suggestions = std::move(*found);
        if (suggestions->empty()) none = t("PST_SUGGESTIONS_NONE");
      } else if (found.error().code == ErrorCode::kConflict) {
        suggestions.emplace();
        none = t("PST_SUGGESTIONS_NEED_PLACE");
      } else {
        return Failure(visit, found.error());
      }
    }
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    return layout_.Render(
        visit, status, t("PST_PROFILE_TITLE"), "posting_profile.tpl",
        [&](TemplateDictionary& dict) {
          for (const auto& [word, key] : kProfileNotices) {
            if (QueryValue(visit, "gelukt") == word) {
              dict.SetValueAndShowSection("TEXT", t(key), "NOTICE");
            }
          }
          if (!problem.empty()) dict.SetValueAndShowSection("TEXT", problem, "PROBLEM");
          if (!stored) {
            dict.SetValue("CONSENT_STATE", t("PST_CONSENT_NEEDS_PROFILE"));
          } else {
            dict.SetValue("CONSENT_STATE", consenting ? Filled(language, "PST_CONSENT_ON",
                                                               {language.Date(*stored->consent_at)})
                                                      : t("PST_CONSENT_OFF"));
            TemplateDictionary* consent = dict.AddSectionDictionary("CONSENT_FORM");
            consent->SetValue("URL", base + "/toestemming");
            consent->SetValue("CSRF", csrf);
            consent->SetValue("VALUE", consenting ? "nee" : "ja");
            consent->SetValue("TEXT", t(consenting ? "PST_CONSENT_WITHDRAW" : "PST_CONSENT_GIVE"));
            consent->ShowSection(consenting ? "STOP" : "GIVE");
            dict.SetValueAndShowSection("URL", base + "/verwijderen", "DELETE");
          }
          if (suggestions) {
            TemplateDictionary* list = dict.AddSectionDictionary("SUGGESTIONS");
            if (!none.empty()) list->SetValueAndShowSection("TEXT", none, "NONE");
            TemplateDictionary* items =
                suggestions->empty() ? nullptr : list->AddSectionDictionary("ITEMS");
            for (const exchange::PostingSuggestion& suggestion : *suggestions) {
              const store::PostingRecord& p = suggestion.posting;
              TemplateDictionary* item = items->AddSectionDictionary("SUGGESTION");
              item->SetValue("URL", language.prefix() + "/vraag-en-aanbod/" + p.id);
              item->SetValue("TITLE", p.title);
              item->SetValue("SIDE", PostingSideText(language, p.side));
              item->SetValue("KIND", PostingKindText(language, p.kind));
              if (!p.place_name.empty()) {
                item->SetValueAndShowSection("NAME", p.place_name, "PLACE");
              }
              for (const std::string& reason : ReasonTexts(language, suggestion.reasons)) {
                item->AddSectionDictionary("REASON")->SetValue("TEXT", reason);
              }
            }
          }
          TemplateDictionary* fields = dict.AddIncludeDictionary("FORM");
          fields->SetFilename("posting_fields.tpl");
          FillForm(*fields, form, csrf, language);
        },
        false, std::move(cookies));
  }

  http::Response Consent(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    const Language& language = visit.language;
    std::string base = language.prefix() + "/mijn-profiel";
    std::string answer = FormValue(*form.fields, "toestemming");
    if (answer != "ja" && answer != "nee") {
      return Problem(visit, 400, "BAD_REQUEST_TITLE", {T(language, "PST_FORM_PROBLEM")}, base);
    }
    Status given = exchange_.Consent(visit.http.actor, answer == "ja");
    if (!given) {
      if (given.error().code == ErrorCode::kNotFound) {
        return Problem(visit, 409, "PST_CONFLICT_TITLE", {T(language, "PST_CONSENT_NEEDS_PROFILE")},
                       base);
      }
      return Failure(visit, given.error());
    }
    return Redirect(visit.http.request, base + "?gelukt=" + answer);
  }

  http::Response DeleteForm(const Visit& visit) {
    if (visit.http.actor.user_id.empty()) return layout_.Forbidden(visit);
    const Language& language = visit.language;
    std::string base = language.prefix() + "/mijn-profiel";
    auto stored = exchange_.Profile(visit.http.actor);
    if (!stored) return Failure(visit, stored.error());
    if (!*stored) {
      return Problem(visit, 404, "PST_DELETE_TITLE", {T(language, "PST_NO_PROFILE")}, base);
    }
    FormPage form{.title = T(language, "PST_DELETE_TITLE"),
                  .intro = {T(language, "PST_DELETE_INTRO")},
                  .action = base + "/verwijderen",
                  .submit = T(language, "PST_DELETE_BUTTON"),
                  .links = {{base, T(language, "PST_DELETE_CANCEL")}}};
    return layout_.RenderForm(visit, 200, form);
  }

  http::Response Delete(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    const Language& language = visit.language;
    std::string base = language.prefix() + "/mijn-profiel";
    Status deleted = exchange_.DeleteProfile(visit.http.actor);
    if (!deleted) {
      if (deleted.error().code == ErrorCode::kNotFound) {
        return Problem(visit, 404, "PST_DELETE_TITLE", {T(language, "PST_NO_PROFILE")}, base);
      }
      return Failure(visit, deleted.error());
    }
    return Redirect(visit.http.request, base + "?gelukt=verwijderd");
  }

 private:
  struct Page {
    std::vector<store::PostingRecord> postings;
    int64_t total = 0;
    int64_t number = 1;  // the page shown: the one asked for, or the last one when beyond it
  };

  // Page `number` of a list; beyond its end, its last page.
  Result<Page> FetchPage(const std::function<Result<store::PostingPage>(int64_t)>& fetch,
                         int64_t number) {
    auto page = fetch(number);
    if (!page) return page.error();
    if (page->postings.empty() && page->total > 0 && number > 1) {
      number = (page->total + kPerPage - 1) / kPerPage;
      page = fetch(number);
      if (!page) return page.error();
    }
    return Page{std::move(page->postings), page->total, number};
  }

  // The "pagina" of the query: 1 when absent, nullopt when it is no page number.
  static std::optional<int64_t> PageNumber(const Visit& visit) {
    auto found = visit.http.query.find("pagina");
    if (found == visit.http.query.end() || found->second.empty()) return 1;
    auto number = ParseWhole(found->second, 1, kMaxPage);
    if (!number || std::to_string(*number) != found->second) return std::nullopt;
    return number;
  }

  static void FillPages(TemplateDictionary& dict, const Language& language, int64_t number,
                        int64_t total, const std::function<std::string(int64_t)>& link) {
    FillPageLinks(dict, language, number, (total + kPerPage - 1) / kPerPage, link);
  }

  static std::vector<std::string_view> SplitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (!line.empty()) lines.push_back(line);
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    return lines;
  }

  http::Response BadFilters(const Visit& visit, const std::vector<std::string>& names) const {
    std::vector<std::string> lines;
    for (const std::string& name : names) {
      lines.push_back(Filled(visit.language, "BAD_FILTER", {name}));
    }
    return Problem(visit, 400, "BAD_REQUEST_TITLE", lines,
                   visit.language.prefix() + "/vraag-en-aanbod",
                   T(visit.language, "PST_BACK_TO_LIST"));
  }

  // A page with a heading, paragraphs and one link (info.tpl); the link goes to `back`.
  http::Response Problem(const Visit& visit, unsigned status, std::string_view title_key,
                         const std::vector<std::string>& paragraphs, const std::string& back,
                         std::string back_text = "") const {
    std::string title = T(visit.language, title_key);
    if (back_text.empty()) back_text = T(visit.language, "PST_BACK");
    return layout_.Render(visit, status, title, "info.tpl", [&](TemplateDictionary& dict) {
      dict.SetValue("HEADING", title);
      for (const std::string& text : paragraphs) {
        dict.AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", text);
      }
      TemplateDictionary* link = dict.AddSectionDictionary("LINK");
      link->SetValue("URL", back);
      link->SetValue("TEXT", back_text);
    });
  }

  // The page for an error of the exchange layer that no form shows.
  http::Response Failure(const Visit& visit, const Error& error) const {
    switch (error.code) {
      case ErrorCode::kNotFound:
        return layout_.NotFound(visit);
      case ErrorCode::kForbidden:
        return layout_.Forbidden(visit);
      case ErrorCode::kInvalidArgument:
        return layout_.Info(visit, 400, "BAD_REQUEST_TITLE",
                            {T(visit.language, "PST_FORM_PROBLEM")}, true);
      case ErrorCode::kConflict:
        return layout_.Info(visit, 409, "PST_CONFLICT_TITLE",
                            {T(visit.language, "PST_FORM_PROBLEM")}, true);
      default:
        return layout_.Failure(visit);
    }
  }

  Posted ReadPosted(const Visit& visit) const {
    std::optional<FormFields> fields = ParseForm(visit.http.request.body());
    if (!fields) return {std::nullopt, layout_.ReadForm(visit).refusal, false};
    bool csrf_ok = CsrfMatches(visit.http.request, *fields);
    return {std::move(fields), std::nullopt, csrf_ok};
  }

  std::string OrganizationName(const std::string& id, std::map<std::string, std::string>& cache) {
    auto known = cache.find(id);
    if (known != cache.end()) return known->second;
    std::string name;
    auto organization = store_.Get(domain::Table::kOrganization, id);
    if (organization && *organization) name = (*organization)->Get("name").value_or("");
    cache[id] = name;
    return name;
  }

  // The organisations the actor keeps (by their grants), and `also` (the posting's own), by name.
  Result<std::vector<OrganizationChoice>> OrganizationsOf(const domain::Actor& actor,
                                                          const std::optional<std::string>& also) {
    std::set<std::string> ids;
    for (const domain::Grant& grant : actor.grants) {
      if ((grant.role == domain::Role::kOrganizationAdmin ||
           grant.role == domain::Role::kOrganizationMember) &&
          !grant.scope.empty()) {
        ids.insert(grant.scope);
      }
    }
    if (also && !also->empty()) ids.insert(*also);
    std::vector<OrganizationChoice> choices;
    for (const std::string& id : ids) {
      auto organization = store_.Get(domain::Table::kOrganization, id);
      if (!organization) return organization.error();
      if (!*organization) continue;
      choices.push_back({id, (*organization)->Get("name").value_or(id)});
    }
    std::sort(choices.begin(), choices.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return choices;
  }

  // Whether the actor wrote the posting or keeps its organisation (as the exchange layer asks).
  Result<bool> Keeps(const domain::Actor& actor, const store::PostingRecord& posting) {
    if (actor.user_id.empty()) return false;
    if (posting.author_id == actor.user_id) return true;
    if (!posting.organization_id || posting.organization_id->empty()) return false;
    auto decision =
        listings_.Check(actor, domain::Permission::kEditOrganization, *posting.organization_id);
    if (!decision) return decision.error();
    return *decision == domain::Decision::kAllowed;
  }

  struct Editing {
    std::optional<store::PostingRecord> posting;
    std::optional<http::Response> refusal;
    std::vector<OrganizationChoice> organizations;
  };

  // The posting of the path for its author, keepers or moderators, when it can still change.
  Editing LoadForEditing(const Visit& visit) {
    if (visit.http.actor.user_id.empty()) return {std::nullopt, layout_.Forbidden(visit), {}};
    auto id = PathId(visit);
    if (!id) return {std::nullopt, layout_.NotFound(visit), {}};
    auto posting = exchange_.Get(visit.http.actor, *id);
    if (!posting) return {std::nullopt, Failure(visit, posting.error()), {}};
    auto keeps = Keeps(visit.http.actor, *posting);
    if (!keeps) return {std::nullopt, layout_.Failure(visit), {}};
    bool moderator = domain::Allows(visit.http.actor, domain::Permission::kModeratePostings) ==
                     domain::Decision::kAllowed;
    if (!*keeps && !moderator) return {std::nullopt, layout_.Forbidden(visit), {}};
    const Language& language = visit.language;
    if (posting->status == domain::PostingStatusName(PostingStatus::kClosed)) {
      return {std::nullopt,
              Problem(visit, 409, "PST_CONFLICT_TITLE", {T(language, "PST_CONFLICT_CLOSED")},
                      language.prefix() + "/vraag-en-aanbod/" + posting->id),
              {}};
    }
    auto organizations = OrganizationsOf(visit.http.actor, posting->organization_id);
    if (!organizations) return {std::nullopt, layout_.Failure(visit), {}};
    return {std::move(*posting), std::nullopt, std::move(*organizations)};
  }

  store::Store& store_;
  exchange::Exchange& exchange_;
  const domain::Gazetteer& places_;
  accounts::Listings listings_;
  const Layout layout_;
};

}  // namespace

void AddPostingRoutes(http::Router& router, store::Store& store, exchange::Exchange& exchange,
                      const domain::Gazetteer& places, const std::string& public_url) {
  auto site = std::make_shared<PostingSite>(store, exchange, places, public_url);
  auto page = SitePages(router, site);
  const auto get = beast_http::verb::get;
  const auto post = beast_http::verb::post;
  const auto everyone = domain::Permission::kPublic;
  const auto signed_in = domain::Permission::kSignedIn;
  page(get, "/vraag-en-aanbod", everyone,
       [](PostingSite& s, const Visit& v) { return s.Browse(v); });
  page(get, "/vraag-en-aanbod/mijn", signed_in,
       [](PostingSite& s, const Visit& v) { return s.Mine(v); });
  page(get, "/vraag-en-aanbod/nieuw", signed_in,
       [](PostingSite& s, const Visit& v) { return s.NewForm(v); });
  page(post, "/vraag-en-aanbod/nieuw", signed_in,
       [](PostingSite& s, const Visit& v) { return s.NewStep(v); });
  page(get, "/vraag-en-aanbod/{id}", everyone,
       [](PostingSite& s, const Visit& v) { return s.Show(v); });
  page(get, "/vraag-en-aanbod/{id}/bewerken", signed_in,
       [](PostingSite& s, const Visit& v) { return s.EditForm(v); });
  page(post, "/vraag-en-aanbod/{id}/bewerken", signed_in,
       [](PostingSite& s, const Visit& v) { return s.SaveEdit(v); });
  page(post, "/vraag-en-aanbod/{id}/status", signed_in,
       [](PostingSite& s, const Visit& v) { return s.Move(v); });
  page(get, "/mijn-profiel", signed_in,
       [](PostingSite& s, const Visit& v) { return s.Profile(v); });
  page(post, "/mijn-profiel", signed_in,
       [](PostingSite& s, const Visit& v) { return s.SaveProfile(v); });
  page(post, "/mijn-profiel/toestemming", signed_in,
       [](PostingSite& s, const Visit& v) { return s.Consent(v); });
  page(get, "/mijn-profiel/verwijderen", signed_in,
       [](PostingSite& s, const Visit& v) { return s.DeleteForm(v); });
  page(post, "/mijn-profiel/verwijderen", signed_in,
       [](PostingSite& s, const Visit& v) { return s.Delete(v); });
}

}  // namespace knooppunt::web
