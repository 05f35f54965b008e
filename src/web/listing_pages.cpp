#include "web/listing_pages.h"

#include <ctemplate/template.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accounts/edits.h"
#include "accounts/listings.h"
#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/schedule.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "http/message.h"
#include "http/router.h"
#include "search/search_index.h"
#include "store/store.h"
#include "web/i18n.h"
#include "web/organization_pages.h"
#include "web/form_controls.h"
#include "web/page.h"
#include "web/texts.h"

namespace knooppunt::web {

namespace {

namespace beast_http = boost::beast::http;
using ctemplate::TemplateDictionary;
using domain::Record;
using domain::Table;

using Errors = std::map<std::string, std::string>;

constexpr size_t kMaxName = 200;          // code points
constexpr size_t kMaxDescription = 5000;  // code points
constexpr size_t kMaxLine = 200;          // an address line, a region, …
constexpr size_t kMaxUrl = 500;
constexpr size_t kMaxEmail = 254;

// The weekdays as HSDS byday codes, as form-field prefixes and as text keys, Monday first
// (domain::OpeningInterval::weekday order).
constexpr std::string_view kDayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
constexpr std::string_view kDayFields[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
constexpr std::string_view kDayKeys[] = {"MONDAY", "TUESDAY",  "WEDNESDAY", "THURSDAY",
                                         "FRIDAY", "SATURDAY", "SUNDAY"};

constexpr std::string_view kProvinces[] = {
    "Drenthe",       "Flevoland",     "Fryslân",    "Gelderland", "Groningen", "Limburg",
    "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht",    "Zeeland",   "Zuid-Holland"};

// HSDS service statuses with the text keys of their radio buttons.
constexpr std::pair<std::string_view, std::string_view> kStatuses[] = {
    {"active", "LST_STATUS_ACTIVE"},
    {"inactive", "LST_STATUS_INACTIVE"},
    {"temporarily closed", "LST_STATUS_CLOSED"},
    {"defunct", "LST_STATUS_DEFUNCT"}};

std::string Value(const Record& record, std::string_view field) {
  const auto& value = record.Get(field);
  return value ? *value : std::string();
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Sets `field` to `value`, or to null when `value` is empty.
void SetOrClear(Record& record, std::string_view field, const std::string& value) {
  if (value.empty()) {
    record.Set(field, std::nullopt);
  } else {
    record.Set(field, value);
  }
}

// --- Values typed into forms ----------------------------------------------------------------

// "9", "09", "9:30", "09:30", "9.30" → minutes after midnight; "24:00" (closing at midnight) →
// 1440. nullopt for anything else.
std::optional<int> ParseTime(std::string_view text) {
  std::string_view hours = text, minutes;
  if (size_t separator = text.find_first_of(":."); separator != std::string_view::npos) {
    hours = text.substr(0, separator);
    minutes = text.substr(separator + 1);
    if (minutes.size() != 2) return std::nullopt;
  }
  auto number = [](std::string_view digits) -> std::optional<int> {
    if (digits.empty() || digits.size() > 2) return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
  };
  auto h = number(hours);
  auto m = minutes.empty() ? std::optional<int>(0) : number(minutes);
  if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
  return *h * 60 + *m;
}

// Minutes after midnight as "HH:MM"; 1440 as "24:00".
std::string FormatTime(int minutes) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  return text;
}

// A website as typed ("www.x.nl", "HTTPS://x.nl") with its scheme; nullopt when not a URI.
std::optional<std::string> NormaliseWebsite(std::string website) {
  std::string scheme = Lower(website.substr(0, 8));
  if (scheme.starts_with("https://")) {
    website = "https://" + website.substr(8);
  } else if (scheme.starts_with("http://")) {
    website = "http://" + website.substr(7);
  } else {
    website = "https://" + website;
  }
  if (website.size() > kMaxUrl) return std::nullopt;
  return domain::NormaliseValue(domain::FieldType::kUri, website);
}

// A Dutch postcode ("1234ab", "1234 AB") as "1234 AB"; nullopt when it is none.
std::optional<std::string> NormalisePostcode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact += c;
  }
  if (compact.size() != 6 || compact[0] == '0') return std::nullopt;
  for (int i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(compact[i]))) return std::nullopt;
  }
  for (int i = 4; i < 6; ++i) {
    if (!std::isalpha(static_cast<unsigned char>(compact[i]))) return std::nullopt;
    compact[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(compact[i])));
  }
  return compact.substr(0, 4) + " " + compact.substr(4);
}

// A coordinate typed with a point or a comma, within ±limit; nullopt otherwise.
std::optional<std::string> ParseCoordinate(std::string text, double limit) {
  std::replace(text.begin(), text.end(), ',', '.');
  if (text.size() > 30) return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      std::fabs(value) > limit) {
    return std::nullopt;
  }
  return domain::NormaliseValue(domain::FieldType::kNumber, text);
}

// --- Opening hours -----------------------------------------------------------------------------

// One weekly interval per weekday at most: what the hours form edits.
using WeekTimes = std::array<std::optional<std::pair<int, int>>, 7>;

// The schedule rows of one owner, split into those the weekly table shows (plain weekly rows
// whose days have no other interval) and the others, which the form leaves as they are.
struct OwnHours {
  WeekTimes times;
  std::vector<Record> editable;
  std::vector<Record> others;
};

// A schedule the weekly table can show: every week, on named days, from one time to a later one
// on the same day, without dates or counts.
bool IsPlainWeekly(const Record& schedule) {
  std::string freq = Value(schedule, "freq");
  std::string interval = Value(schedule, "interval");
  if ((!freq.empty() && freq != "WEEKLY") || (!interval.empty() && interval != "1")) return false;
  for (std::string_view field : {"count", "byweekno", "bymonthday", "byyearday", "valid_from",
                                 "valid_to", "dtstart", "until"}) {
    if (schedule.Get(field)) return false;
  }
  auto intervals = domain::OpeningIntervals(std::span<const Record>(&schedule, 1));
  return !intervals.empty() &&
         std::all_of(intervals.begin(), intervals.end(),
                     [](const domain::OpeningInterval& i) { return i.closes > i.opens; });
}

OwnHours SplitHours(const std::vector<Record>& schedules) {
  OwnHours hours;
  std::array<int, 7> count{};
  std::vector<const Record*> plain;
  for (const Record& schedule : schedules) {
    if (!IsPlainWeekly(schedule)) {
      hours.others.push_back(schedule);
      continue;
    }
    plain.push_back(&schedule);
    for (const auto& interval : domain::OpeningIntervals(std::span<const Record>(&schedule, 1))) {
      ++count[interval.weekday];
    }
  }
  for (const Record* schedule : plain) {
    auto intervals = domain::OpeningIntervals(std::span<const Record>(schedule, 1));
    bool alone = std::all_of(intervals.begin(), intervals.end(),
                             [&](const auto& i) { return count[i.weekday] == 1; });
    if (!alone) {
      hours.others.push_back(*schedule);
      continue;
    }
    for (const auto& interval : intervals) {
      hours.times[interval.weekday] = std::pair(interval.opens, interval.closes);
    }
    hours.editable.push_back(*schedule);
  }
  return hours;
}

// The days and times of a plain weekly schedule, to compare it with what the form asks for.
struct HoursKey {
  std::vector<int> weekdays;
  int opens = 0;
  int closes = 0;
  bool operator==(const HoursKey&) const = default;
};

HoursKey KeyOf(const Record& schedule) {
  HoursKey key;
  for (const auto& interval : domain::OpeningIntervals(std::span<const Record>(&schedule, 1))) {
    key.weekdays.push_back(interval.weekday);
    key.opens = interval.opens;
    key.closes = interval.closes;
  }
  std::sort(key.weekdays.begin(), key.weekdays.end());
  return key;
}

// The edits that turn the owner's editable schedules into `wanted`: days with the same times
// share one row (byday "MO,TU,WE"); rows that already say so are kept as they are.
std::vector<accounts::Edit> HoursEdits(const OwnHours& current, const WeekTimes& wanted,
                                       std::string_view owner_field, const std::string& owner_id) {
  std::vector<HoursKey> keys;
  for (int day = 0; day < 7; ++day) {
    if (!wanted[day]) continue;
    auto same = std::find_if(keys.begin(), keys.end(), [&](const HoursKey& key) {
      return key.opens == wanted[day]->first && key.closes == wanted[day]->second;
    });
    if (same == keys.end()) {
      keys.push_back({{day}, wanted[day]->first, wanted[day]->second});
    } else {
      same->weekdays.push_back(day);
    }
  }
  // Notes that all the rows share ("Niet in de schoolvakanties.") stay with the new ones; a
  // description would say the old times, so it goes with its row.
  std::set<std::string> notes;
  for (const Record& schedule : current.editable) notes.insert(Value(schedule, "notes"));
  std::string shared_notes = notes.size() == 1 ? *notes.begin() : "";
  std::vector<accounts::Edit> edits;
  std::vector<bool> kept(keys.size(), false);
  for (const Record& schedule : current.editable) {
    HoursKey key = KeyOf(schedule);
    auto found = std::find(keys.begin(), keys.end(), key);
    if (found != keys.end() && !kept[found - keys.begin()]) {
      kept[found - keys.begin()] = true;
      continue;
    }
    edits.push_back({schedule, std::nullopt});
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    if (kept[i]) continue;
    std::string byday;
    for (int day : keys[i].weekdays)
      byday += (byday.empty() ? "" : ",") + std::string(kDayCodes[day]);
    // Midnight at the end of the day is "00:00" (domain/schedule.h); "24:00" is no valid time.
    Record schedule = Record(Table::kSchedule)
                          .With("id", domain::RandomUuid())
                          .With(owner_field, owner_id)
                          .With("freq", "WEEKLY")
                          .With("byday", byday)
                          .With("opens_at", FormatTime(keys[i].opens))
                          .With("closes_at", FormatTime(keys[i].closes % 1440));
    if (!shared_notes.empty()) schedule.With("notes", shared_notes);
    edits.push_back({std::nullopt, std::move(schedule)});
  }
  return edits;
}

// --- Forms of the listing editor (listing_form.tpl) ---------------------------------------------

struct ListingForm {
  std::string title;  // translated; {1} is `name`
  std::string name = "";
  std::vector<std::string> intro = {};
  std::vector<std::string> other_hours = {};
  std::string action;
  std::vector<Group> groups = {};
  std::string submit;
  QueryList links = {};
};

// The heading: the translated pattern around the record's name, which is Dutch content.
void SetHeading(TemplateDictionary& page, std::string_view pattern, const std::string& name) {
  size_t at = pattern.find("{1}");
  if (at == std::string_view::npos) {
    page.SetValue("HEADING_BEFORE", std::string(pattern));
    return;
  }
  page.SetValue("HEADING_BEFORE", std::string(pattern.substr(0, at)));
  page.SetValueAndShowSection("NAME", name, "HEADING_NAME");
  page.SetValue("NAME", name);
  page.SetValue("HEADING_AFTER", std::string(pattern.substr(at + 3)));
}

std::string Title(std::string_view pattern, const std::string& name) {
  std::vector<std::string> arguments = {name};
  return Language::Fill(pattern, arguments);
}

http::Response RenderForm(const Layout& layout, const Visit& visit, unsigned status,
                          const ListingForm& form) {
  std::vector<std::string> cookies;
  std::string csrf = layout.CsrfToken(visit, cookies);
  return layout.Render(
      visit, status, Title(form.title, form.name), "listing_form.tpl",
      [&](TemplateDictionary& page) {
        SetHeading(page, form.title, form.name);
        for (const std::string& text : form.intro) {
          page.AddSectionDictionary("INTRO")->SetValue("TEXT", text);
        }
        if (!form.other_hours.empty()) {
          TemplateDictionary* other = page.AddSectionDictionary("OTHER");
          for (const std::string& line : form.other_hours) {
            other->AddSectionDictionary("LINE")->SetValue("TEXT", line);
          }
        }
        page.SetValue("ACTION", form.action);
        page.SetValue("CSRF", csrf);
        page.SetValue("SUBMIT", form.submit);
        FillGroups(page, form.groups);
        for (const auto& [url, text] : form.links) {
          TemplateDictionary* link = page.AddSectionDictionary("LINK");
          link->SetValue("URL", url);
          link->SetValue("TEXT", text);
        }
      },
      false, std::move(cookies));
}

// One record of a list page (listing_list.tpl) with its actions.
struct ListItem {
  std::string name;
  std::string detail = "";
  bool detail_dutch = false;  // the detail is content of the map (Dutch), not page text
  QueryList actions = {};     // (url, text)
};

struct ListPage {
  std::string title;  // translated; {1} is `name`
  std::string name;
  std::string notice = "";
  std::string intro;
  std::string new_url;
  std::string new_text;
  std::string none;  // shown when there are no items
  std::vector<ListItem> items;
  QueryList links = {};
};

http::Response RenderList(const Layout& layout, const Visit& visit, const ListPage& list) {
  return layout.Render(visit, 200, Title(list.title, list.name), "listing_list.tpl",
                       [&](TemplateDictionary& page) {
                         SetHeading(page, list.title, list.name);
                         if (!list.notice.empty())
                           page.SetValueAndShowSection("TEXT", list.notice, "NOTICE");
                         page.SetValue("INTRO", list.intro);
                         page.SetValue("NEW_URL", list.new_url);
                         page.SetValue("NEW_TEXT", list.new_text);
                         if (list.items.empty())
                           page.SetValueAndShowSection("TEXT", list.none, "NONE");
                         for (const ListItem& item : list.items) {
                           TemplateDictionary* entry = page.AddSectionDictionary("ITEM");
                           entry->SetValue("NAME", item.name);
                           if (!item.detail.empty()) {
                             TemplateDictionary* detail = entry->AddSectionDictionary("DETAIL");
                             detail->SetValue("TEXT", item.detail);
                             if (item.detail_dutch) detail->ShowSection("DUTCH");
                           }
                           for (const auto& [url, text] : item.actions) {
                             TemplateDictionary* action = entry->AddSectionDictionary("ACTION");
                             action->SetValue("URL", url);
                             action->SetValue("TEXT", text);
                           }
                         }
                         for (const auto& [url, text] : list.links) {
                           TemplateDictionary* link = page.AddSectionDictionary("LINK");
                           link->SetValue("URL", url);
                           link->SetValue("TEXT", text);
                         }
                       });
}

// --- The site ----------------------------------------------------------------------------------

// What a handler needs: the organisation of the path (its keeper asking) and, for pages of one
// record, that record — or the answer that refuses.
struct Loaded {
  std::optional<Record> organization = std::nullopt;
  std::optional<Record> record = std::nullopt;
  std::optional<http::Response> refusal = std::nullopt;
};

class ListingSite {
 public:
  ListingSite(store::Store& store, search::SearchIndex& index, const std::string& public_url)
      : store_(store), index_(index), listings_(store), layout_(public_url) {}

  // --- Services ------------------------------------------------------------------------------

  http::Response Services(const Visit& visit) {
    Loaded loaded = Load(visit, std::nullopt);
    if (loaded.refusal) return *loaded.refusal;
    const Record& organization = *loaded.organization;
    auto services = store_.FindBy(Table::kService, "organization_id", organization.id());
    if (!services) return layout_.Failure(visit);
    SortByName(*services);
    std::string base = Base(visit, organization);
    ListPage list{.title = T(visit, "LST_SERVICES_TITLE"),
                  .name = Value(organization, "name"),
                  .notice = Notice(visit, {{"opgeslagen", "LST_SERVICE_SAVED"},
                                           {"verwijderd", "LST_SERVICE_DELETED"},
                                           {"tijden", "LST_HOURS_SAVED"},
                                           {"vertaald", "LST_TRANSLATIONS_SAVED"}}),
                  .intro = T(visit, "LST_SERVICES_INTRO"),
                  .new_url = base + "/diensten/nieuw",
                  .new_text = T(visit, "LST_NEW_SERVICE"),
                  .none = T(visit, "LST_SERVICES_NONE"),
                  .items = {},
                  .links = {{base + "/locaties", T(visit, "LST_TO_LOCATIONS")},
                            {base, T(visit, "BACK_TO_ORGANIZATION")}}};
    for (const Record& service : *services) {
      std::string url = base + "/diensten/" + service.id();
      ListItem item{.name = Value(service, "name"),
                    .actions = {{url + "/bewerken", T(visit, "LST_EDIT")},
                                {url + "/openingstijden", T(visit, "HOURS")},
                                {url + "/vertalingen", T(visit, "LST_TRANSLATIONS")},
                                {url + "/verwijderen", T(visit, "LST_DELETE")}}};
      std::string status = Value(service, "status");
      for (const auto& [value, key] : kStatuses) {
        if (value == status && value != "active") item.detail = T(visit, key);
      }
      list.items.push_back(std::move(item));
    }
    return RenderList(layout_, visit, list);
  }

  // The form for a new service (`is_new`) or the service of the path.
  http::Response ServiceForm(const Visit& visit, bool is_new) {
    Loaded loaded = Load(visit, is_new ? std::nullopt : std::optional(Table::kService));
    if (loaded.refusal) return *loaded.refusal;
    auto current = ServiceState(*loaded.organization, loaded.record);
    if (!current) return layout_.Failure(visit);
    FormFields values;
    if (loaded.record) {
      const Record& service = *loaded.record;
      for (const auto& [name, field] : kServiceFields)
        values[std::string(name)] = Value(service, field);
      values["status"] = Value(service, "status");
    } else {
      values["status"] = "active";
      values["taal_nl"] = "1";
    }
    for (const Record& language : current->languages) {
      values["taal_" + Lower(Value(language, "code"))] = "1";
    }
    for (const Record& link : current->links) values["locatie_" + Value(link, "location_id")] = "1";
    return ServicePage(visit, *loaded.organization, loaded.record, *current, values, {}, 200);
  }

  http::Response SaveService(const Visit& visit, bool is_new) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    Loaded loaded = Load(visit, is_new ? std::nullopt : std::optional(Table::kService));
    if (loaded.refusal) return *loaded.refusal;
    const Record& organization = *loaded.organization;
    const FormFields& typed = *form.fields;
    auto current = ServiceState(organization, loaded.record);
    if (!current) return layout_.Failure(visit);
    // A location that is not this organisation's (another's, or none at all) is not offered.
    for (const auto& [name, value] : typed) {
      if (!name.starts_with("locatie_")) continue;
      std::string id = name.substr(8);
      if (std::none_of(current->locations.begin(), current->locations.end(),
                       [&](const Record& location) { return location.id() == id; })) {
        return layout_.NotFound(visit);
      }
    }

    Errors errors;
    std::map<std::string, std::string> texts;
    for (const auto& [name, field] : kServiceFields) {
      std::string text = Trim(FormValue(typed, name));
      size_t limit = name == "naam" ? kMaxName : kMaxDescription;
      if (CodePoints(text) > limit) errors[std::string(name)] = T(visit, "ERR_TEXT_TOO_LONG");
      texts[std::string(field)] = text;
    }
    if (texts["name"].empty()) errors["naam"] = T(visit, "ERR_NAME_EMPTY");
    if (!texts["email"].empty()) {
      auto email = domain::NormaliseValue(domain::FieldType::kEmail, texts["email"]);
      if (!email || texts["email"].size() > kMaxEmail) {
        errors["email"] = T(visit, "ERR_EMAIL_INVALID");
      } else {
        texts["email"] = *email;
      }
    }
    if (!texts["url"].empty()) {
      auto website = NormaliseWebsite(texts["url"]);
      if (!website) {
        errors["website"] = T(visit, "ERR_WEBSITE_INVALID");
      } else {
        texts["url"] = *website;
      }
    }
    std::string status = FormValue(typed, "status");
    if (std::none_of(std::begin(kStatuses), std::end(kStatuses),
                     [&](const auto& known) { return known.first == status; })) {
      errors["status"] = T(visit, "LST_ERR_STATUS");
    }
    if (!errors.empty()) {
      return ServicePage(visit, organization, loaded.record, *current, typed, errors, 400);
    }

    Record service = loaded.record ? *loaded.record
                                   : Record(Table::kService)
                                         .With("id", domain::RandomUuid())
                                         .With("organization_id", organization.id());
    for (const auto& [field, text] : texts) SetOrClear(service, field, text);
    service.With("status", status);
    service.With("last_modified", domain::FormatUtc(domain::Now()));
    std::vector<accounts::Edit> edits = {{loaded.record, service}};
    for (const std::string& code : LanguageChoices(current->languages)) {
      bool wanted = typed.contains("taal_" + code);
      bool found = false;
      for (const Record& language : current->languages) {
        if (Lower(Value(language, "code")) != code) continue;
        found = true;
        if (!wanted) edits.push_back({language, std::nullopt});
      }
      if (wanted && !found) {
        Record language = Record(Table::kLanguage)
                              .With("id", domain::RandomUuid())
                              .With("service_id", service.id())
                              .With("code", code);
        for (const CommonLanguage& common : CommonLanguages()) {
          if (common.code == code) language.With("name", std::string(Msgid(common.key)));
        }
        edits.push_back({std::nullopt, std::move(language)});
      }
    }
    for (const Record& location : current->locations) {
      bool wanted = typed.contains("locatie_" + location.id());
      bool found = false;
      for (const Record& link : current->links) {
        if (Value(link, "location_id") != location.id()) continue;
        found = true;
        if (!wanted && !AddDeletes(edits, link, {{Table::kSchedule, "service_at_location_id"}})) {
          return layout_.Failure(visit);
        }
      }
      if (wanted && !found) {
        edits.push_back({std::nullopt, Record(Table::kServiceAtLocation)
                                           .With("id", domain::RandomUuid())
                                           .With("service_id", service.id())
                                           .With("location_id", location.id())});
      }
    }
    if (auto refused = Apply(visit, edits)) {
      if (refused->message.result_int() == 400) {
        return ServicePage(visit, organization, loaded.record, *current, typed,
                           {{"naam", T(visit, "ERR_TEXT_INVALID")}}, 400);
      }
      return *refused;
    }
    return Redirect(visit.http.request, Base(visit, organization) + "/diensten?opgeslagen=1");
  }

  http::Response DeleteServiceForm(const Visit& visit) {
    Loaded loaded = Load(visit, Table::kService);
    if (loaded.refusal) return *loaded.refusal;
    std::string base = Base(visit, *loaded.organization);
    return RenderForm(layout_, visit, 200,
                      {.title = T(visit, "LST_DELETE_SERVICE_TITLE"),
                       .name = Value(*loaded.record, "name"),
                       .intro = {T(visit, "LST_DELETE_SERVICE_INTRO")},
                       .action = base + "/diensten/" + loaded.record->id() + "/verwijderen",
                       .submit = T(visit, "LST_DELETE_BUTTON"),
                       .links = {{base + "/diensten", T(visit, "LST_CANCEL")}}});
  }

  http::Response DeleteService(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    Loaded loaded = Load(visit, Table::kService);
    if (loaded.refusal) return *loaded.refusal;
    const Record& service = *loaded.record;
    std::vector<accounts::Edit> edits;
    // What hangs from the service goes with it, each with its metadata and audit entry (the
    // database would cascade most of it, but silently; translations and attributes it would
    // leave behind).
    auto links = store_.FindBy(Table::kServiceAtLocation, "service_id", service.id());
    if (!links) return layout_.Failure(visit);
    for (const Record& link : *links) {
      if (!AddDeletes(edits, link,
                      {{Table::kSchedule, "service_at_location_id"},
                       {Table::kPhone, "service_at_location_id"},
                       {Table::kContact, "service_at_location_id"}})) {
        return layout_.Failure(visit);
      }
    }
    if (!AddDeletes(edits, service,
                    {{Table::kLanguage, "service_id"},
                     {Table::kSchedule, "service_id"},
                     {Table::kPhone, "service_id"},
                     {Table::kContact, "service_id"},
                     {Table::kCostOption, "service_id"},
                     {Table::kRequiredDocument, "service_id"},
                     {Table::kServiceArea, "service_id"},
                     {Table::kFunding, "service_id"},
                     {Table::kAttribute, "link_id"},
                     {Table::kTranslation, "record_id"}})) {
      return layout_.Failure(visit);
    }
    if (auto refused = Apply(visit, edits)) return *refused;
    return Redirect(visit.http.request,
                    Base(visit, *loaded.organization) + "/diensten?verwijderd=1");
  }

  // --- Translations of a service -------------------------------------------------------------

  http::Response TranslationsForm(const Visit& visit) {
    Loaded loaded = Load(visit, Table::kService);
    if (loaded.refusal) return *loaded.refusal;
    auto translations = TranslationsOf(*loaded.record);
    if (!translations) return layout_.Failure(visit);
    FormFields values;
    for (const Record& translation : *translations) {
      std::string name =
          TranslationField(Value(translation, "field_name"), Value(translation, "language"));
      if (!name.empty() && !values.contains(name)) values[name] = Value(translation, "text");
    }
    return TranslationsPage(visit, *loaded.organization, *loaded.record, values, {}, 200);
  }

  http::Response SaveTranslations(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    Loaded loaded = Load(visit, Table::kService);
    if (loaded.refusal) return *loaded.refusal;
    const Record& service = *loaded.record;
    const FormFields& typed = *form.fields;
    auto translations = TranslationsOf(service);
    if (!translations) return layout_.Failure(visit);
    Errors errors;
    std::vector<accounts::Edit> edits;
    for (const Language& language : Languages()) {
      if (language.code() == "nl") continue;
      for (std::string_view field : {"name", "description"}) {
        std::string name = TranslationField(field, language.code());
        std::string text = Trim(FormValue(typed, name));
        if (CodePoints(text) > (field == "name" ? kMaxName : kMaxDescription)) {
          errors[name] = T(visit, "ERR_TEXT_TOO_LONG");
        }
        bool first = true;
        for (const Record& translation : *translations) {
          if (Value(translation, "language") != language.code() ||
              Value(translation, "field_name") != field) {
            continue;
          }
          // One text per language and field: the first is kept (or changed), others go.
          if (first && !text.empty()) {
            if (Value(translation, "text") != text) {
              Record changed = translation;
              changed.With("text", text);
              edits.push_back({translation, std::move(changed)});
            }
            text.clear();
          } else {
            edits.push_back({translation, std::nullopt});
          }
          first = false;
        }
        if (!text.empty()) {
          edits.push_back({std::nullopt, Record(Table::kTranslation)
                                             .With("id", domain::RandomUuid())
                                             .With("table_name", "service")
                                             .With("record_id", service.id())
                                             .With("field_name", std::string(field))
                                             .With("language", language.code())
                                             .With("text", text)});
        }
      }
    }
    if (!errors.empty()) {
      return TranslationsPage(visit, *loaded.organization, service, typed, errors, 400);
    }
    if (!edits.empty()) {
      Record touched = service;
      touched.With("last_modified", domain::FormatUtc(domain::Now()));
      edits.push_back({service, std::move(touched)});
    }
    if (auto refused = Apply(visit, edits)) {
      if (refused->message.result_int() == 400) {
        return TranslationsPage(visit, *loaded.organization, service, typed,
                                {{TranslationField("name", "en"), T(visit, "ERR_TEXT_INVALID")}},
                                400);
      }
      return *refused;
    }
    return Redirect(visit.http.request, Base(visit, *loaded.organization) + "/diensten?vertaald=1");
  }

  // --- Locations -----------------------------------------------------------------------------

  http::Response Locations(const Visit& visit) {
    Loaded loaded = Load(visit, std::nullopt);
    if (loaded.refusal) return *loaded.refusal;
    const Record& organization = *loaded.organization;
    auto locations = LocationsOf(organization);
    if (!locations) return layout_.Failure(visit);
    std::string base = Base(visit, organization);
    ListPage list{.title = T(visit, "LST_LOCATIONS_TITLE"),
                  .name = Value(organization, "name"),
                  .notice = Notice(visit, {{"opgeslagen", "LST_LOCATION_SAVED"},
                                           {"verwijderd", "LST_LOCATION_DELETED"},
                                           {"tijden", "LST_HOURS_SAVED"}}),
                  .intro = T(visit, "LST_LOCATIONS_INTRO"),
                  .new_url = base + "/locaties/nieuw",
                  .new_text = T(visit, "LST_NEW_LOCATION"),
                  .none = T(visit, "LST_LOCATIONS_NONE"),
                  .items = {},
                  .links = {{base + "/diensten", T(visit, "LST_TO_SERVICES")},
                            {base, T(visit, "BACK_TO_ORGANIZATION")}}};
    for (const Record& location : *locations) {
      std::string url = base + "/locaties/" + location.id();
      ListItem item{.name = LocationName(location),
                    .actions = {{url + "/bewerken", T(visit, "LST_EDIT")},
                                {url + "/openingstijden", T(visit, "HOURS")},
                                {url + "/verwijderen", T(visit, "LST_DELETE")}}};
      auto address = AddressOf(location);
      if (!address) return layout_.Failure(visit);
      if (*address) {
        item.detail = Value(**address, "address_1") + ", " + Value(**address, "postal_code") + " " +
                      Value(**address, "city");
        item.detail_dutch = true;
      } else {
        item.detail = T(visit, "LST_NO_ADDRESS");
      }
      list.items.push_back(std::move(item));
    }
    return RenderList(layout_, visit, list);
  }

  http::Response LocationForm(const Visit& visit, bool is_new) {
    Loaded loaded = Load(visit, is_new ? std::nullopt : std::optional(Table::kLocation));
    if (loaded.refusal) return *loaded.refusal;
    FormFields values;
    if (loaded.record) {
      const Record& location = *loaded.record;
      values["naam"] = Value(location, "name");
      values["beschrijving"] = Value(location, "description");
      values["breedtegraad"] = Value(location, "latitude");
      values["lengtegraad"] = Value(location, "longitude");
      auto address = AddressOf(location);
      if (!address) return layout_.Failure(visit);
      if (*address) {
        for (const auto& [name, field] : kAddressFields) {
          values[std::string(name)] = Value(**address, field);
        }
      }
    }
    return LocationPage(visit, *loaded.organization, loaded.record, values, {}, 200);
  }

  http::Response SaveLocation(const Visit& visit, bool is_new) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    Loaded loaded = Load(visit, is_new ? std::nullopt : std::optional(Table::kLocation));
    if (loaded.refusal) return *loaded.refusal;
    const Record& organization = *loaded.organization;
    const FormFields& typed = *form.fields;
    Errors errors;
    auto text = [&](std::string_view name, size_t limit) {
      std::string value = Trim(FormValue(typed, name));
      if (CodePoints(value) > limit) errors[std::string(name)] = T(visit, "ERR_TEXT_TOO_LONG");
      return value;
    };
    std::string name = text("naam", kMaxName);
    std::string description = text("beschrijving", kMaxDescription);
    std::string street = text("straat", kMaxLine);
    std::string postcode = text("postcode", kMaxLine);
    std::string city = text("plaats", kMaxLine);
    std::string province = text("provincie", kMaxLine);
    std::string region = text("regio", kMaxLine);
    std::string latitude = text("breedtegraad", kMaxLine);
    std::string longitude = text("lengtegraad", kMaxLine);
    if (name.empty()) errors.try_emplace("naam", T(visit, "ERR_NAME_EMPTY"));
    if (street.empty()) errors.try_emplace("straat", T(visit, "LST_ERR_STREET_EMPTY"));
    if (auto normal = NormalisePostcode(postcode)) {
      postcode = *normal;
    } else {
      errors.try_emplace("postcode", T(visit, "LST_ERR_POSTCODE"));
    }
    if (city.empty()) errors.try_emplace("plaats", T(visit, "LST_ERR_CITY_EMPTY"));
    if (province.empty()) errors.try_emplace("provincie", T(visit, "LST_ERR_PROVINCE"));
    std::optional<std::string> lat, lon;
    if (!latitude.empty() && !(lat = ParseCoordinate(latitude, 90))) {
      errors.try_emplace("breedtegraad", T(visit, "LST_ERR_LATITUDE"));
    }
    if (!longitude.empty() && !(lon = ParseCoordinate(longitude, 180))) {
      errors.try_emplace("lengtegraad", T(visit, "LST_ERR_LONGITUDE"));
    }
    if (latitude.empty() && !longitude.empty()) {
      errors.try_emplace("breedtegraad", T(visit, "LST_ERR_COORDINATE_MISSING"));
    }
    if (longitude.empty() && !latitude.empty()) {
      errors.try_emplace("lengtegraad", T(visit, "LST_ERR_COORDINATE_MISSING"));
    }
    if (!errors.empty()) {
      return LocationPage(visit, organization, loaded.record, typed, errors, 400);
    }

    Record location = loaded.record ? *loaded.record
                                    : Record(Table::kLocation)
                                          .With("id", domain::RandomUuid())
                                          .With("location_type", "physical")
                                          .With("organization_id", organization.id());
    SetOrClear(location, "name", name);
    SetOrClear(location, "description", description);
    SetOrClear(location, "latitude", lat.value_or(""));
    SetOrClear(location, "longitude", lon.value_or(""));
    std::optional<Record> address_before;
    if (loaded.record) {
      auto address = AddressOf(*loaded.record);
      if (!address) return layout_.Failure(visit);
      address_before = *address;
    }
    Record address = address_before ? *address_before
                                    : Record(Table::kAddress)
                                          .With("id", domain::RandomUuid())
                                          .With("location_id", location.id())
                                          .With("address_type", "physical");
    address.With("address_1", street);
    address.With("postal_code", postcode);
    address.With("city", city);
    address.With("state_province", province);
    address.With("country", "NL");
    SetOrClear(address, "region", region);
    std::vector<accounts::Edit> edits = {{loaded.record, location}, {address_before, address}};
    if (auto refused = Apply(visit, edits)) {
      if (refused->message.result_int() == 400) {
        return LocationPage(visit, organization, loaded.record, typed,
                            {{"naam", T(visit, "ERR_TEXT_INVALID")}}, 400);
      }
      return *refused;
    }
    return Redirect(visit.http.request, Base(visit, organization) + "/locaties?opgeslagen=1");
  }

  http::Response DeleteLocationForm(const Visit& visit) {
    Loaded loaded = Load(visit, Table::kLocation);
    if (loaded.refusal) return *loaded.refusal;
    std::string base = Base(visit, *loaded.organization);
    return RenderForm(layout_, visit, 200,
                      {.title = T(visit, "LST_DELETE_LOCATION_TITLE"),
                       .name = LocationName(*loaded.record),
                       .intro = {T(visit, "LST_DELETE_LOCATION_INTRO")},
                       .action = base + "/locaties/" + loaded.record->id() + "/verwijderen",
                       .submit = T(visit, "LST_DELETE_BUTTON"),
                       .links = {{base + "/locaties", T(visit, "LST_CANCEL")}}});
  }

  http::Response DeleteLocation(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    Loaded loaded = Load(visit, Table::kLocation);
    if (loaded.refusal) return *loaded.refusal;
    const Record& location = *loaded.record;
    std::vector<accounts::Edit> edits;
    auto links = store_.FindBy(Table::kServiceAtLocation, "location_id", location.id());
    if (!links) return layout_.Failure(visit);
    for (const Record& link : *links) {
      if (!AddDeletes(edits, link, {{Table::kSchedule, "service_at_location_id"}})) {
        return layout_.Failure(visit);
      }
    }
    if (!AddDeletes(edits, location,
                    {{Table::kAddress, "location_id"},
                     {Table::kSchedule, "location_id"},
                     {Table::kLanguage, "location_id"},
                     {Table::kAccessibility, "location_id"},
                     {Table::kPhone, "location_id"}})) {
      return layout_.Failure(visit);
    }
    if (auto refused = Apply(visit, edits)) return *refused;
    return Redirect(visit.http.request,
                    Base(visit, *loaded.organization) + "/locaties?verwijderd=1");
  }

  // --- Opening hours of a location or a service ------------------------------------------------

  http::Response HoursForm(const Visit& visit, Table table) {
    Loaded loaded = Load(visit, table);
    if (loaded.refusal) return *loaded.refusal;
    auto hours = HoursOf(*loaded.record);
    if (!hours) return layout_.Failure(visit);
    FormFields values;
    for (int day = 0; day < 7; ++day) {
      if (!hours->times[day]) continue;
      std::string field(kDayFields[day]);
      values[field + "_open"] = FormatTime(hours->times[day]->first);
      values[field + "_dicht"] = FormatTime(hours->times[day]->second);
    }
    return HoursPage(visit, *loaded.organization, *loaded.record, *hours, values, {}, 200);
  }

  http::Response SaveHours(const Visit& visit, Table table) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    Loaded loaded = Load(visit, table);
    if (loaded.refusal) return *loaded.refusal;
    const Record& owner = *loaded.record;
    const FormFields& typed = *form.fields;
    auto hours = HoursOf(owner);
    if (!hours) return layout_.Failure(visit);
    Errors errors;
    WeekTimes wanted;
    for (int day = 0; day < 7; ++day) {
      std::string field(kDayFields[day]);
      std::string opens_text = Trim(FormValue(typed, field + "_open"));
      std::string closes_text = Trim(FormValue(typed, field + "_dicht"));
      if (opens_text.empty() && closes_text.empty()) continue;
      auto opens = ParseTime(opens_text);
      auto closes = ParseTime(closes_text);
      if (opens_text.empty()) {
        errors[field + "_open"] = T(visit, "LST_ERR_OPENS_MISSING");
      } else if (!opens || *opens == 1440) {
        errors[field + "_open"] = T(visit, "LST_ERR_TIME");
      }
      if (closes_text.empty()) {
        errors[field + "_dicht"] = T(visit, "LST_ERR_CLOSES_MISSING");
      } else if (!closes) {
        errors[field + "_dicht"] = T(visit, "LST_ERR_TIME");
      } else if (opens && *opens != 1440 && *closes <= *opens) {
        errors[field + "_dicht"] = T(visit, "LST_ERR_CLOSES_BEFORE_OPENS");
      }
      if (opens && closes) wanted[day] = std::pair(*opens, *closes);
    }
    if (!errors.empty()) {
      return HoursPage(visit, *loaded.organization, owner, *hours, typed, errors, 400);
    }
    bool service = table == Table::kService;
    std::vector<accounts::Edit> edits =
        HoursEdits(*hours, wanted, service ? "service_id" : "location_id", owner.id());
    if (service && !edits.empty()) {
      Record touched = owner;
      touched.With("last_modified", domain::FormatUtc(domain::Now()));
      edits.push_back({owner, std::move(touched)});
    }
    if (auto refused = Apply(visit, edits)) return *refused;
    return Redirect(visit.http.request, Base(visit, *loaded.organization) +
                                            (service ? "/diensten" : "/locaties") + "?tijden=1");
  }

 private:
  // Form field → service field.
  static constexpr std::pair<std::string_view, std::string_view> kServiceFields[] = {
      {"naam", "name"},
      {"beschrijving", "description"},
      {"email", "email"},
      {"website", "url"},
      {"aanmelden", "application_process"},
      {"kosten", "fees_description"},
      {"voor_wie", "eligibility_description"}};
  // Form field → address field.
  static constexpr std::pair<std::string_view, std::string_view> kAddressFields[] = {
      {"straat", "address_1"},
      {"postcode", "postal_code"},
      {"plaats", "city"},
      {"provincie", "state_province"},
      {"regio", "region"}};

  // What a service's form shows besides the service: its languages and locations, and the
  // organisation's locations to choose from.
  struct ServiceRecords {
    std::vector<Record> languages;
    std::vector<Record> links;
    std::vector<Record> locations;
  };

  static std::string T(const Visit& visit, std::string_view key) {
    return visit.language.Translate(Msgid(key));
  }

  static std::string Base(const Visit& visit, const Record& organization) {
    return visit.language.prefix() + "/organisatie/" + organization.id();
  }

  static std::string Notice(
      const Visit& visit,
      std::initializer_list<std::pair<std::string_view, std::string_view>> flags) {
    for (const auto& [flag, key] : flags) {
      if (visit.http.query.contains(flag)) return T(visit, key);
    }
    return "";
  }

  static void SortByName(std::vector<Record>& records) {
    std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
      return Lower(Value(a, "name")) < Lower(Value(b, "name"));
    });
  }

  static std::string LocationName(const Record& location) {
    std::string name = Value(location, "name");
    return name.empty() ? Value(location, "id") : name;
  }

  static std::string TranslationField(std::string_view field, std::string_view language) {
    if (field == "name") return "naam_" + std::string(language);
    if (field == "description") return "beschrijving_" + std::string(language);
    return "";
  }

  // The organisation of the path, with the visitor's permission to edit it; with `table`, also
  // the record of that table named by the path's {service} or {location}, which must belong to
  // the organisation (404 otherwise, as for an unknown id).
  Loaded Load(const Visit& visit, std::optional<Table> table) {
    auto access = OrganizationFor(visit, layout_, store_, domain::Permission::kEditOrganization);
    if (!access.record) return {.refusal = std::move(access.refusal)};
    Loaded loaded{.organization = std::move(access.record)};
    if (!table) return loaded;
    std::string param = *table == Table::kService ? "service" : "location";
    auto id = domain::NormaliseValue(domain::FieldType::kUuid, visit.http.path_params.at(param));
    if (!id) return {.refusal = layout_.NotFound(visit)};
    auto record = store_.Get(*table, *id);
    if (!record) return {.refusal = layout_.Failure(visit)};
    if (!*record) return {.refusal = layout_.NotFound(visit)};
    auto owner = listings_.OrganizationOf(**record);
    if (!owner) return {.refusal = layout_.Failure(visit)};
    if (*owner != loaded.organization->id()) return {.refusal = layout_.NotFound(visit)};
    loaded.record = std::move(**record);
    return loaded;
  }

  // Writes `edits` in one transaction with their metadata and audit entries, then brings the
  // search index up to date. nullopt on success; otherwise the answer: 400 (the caller shows
  // its form again) when the store refuses a value, 500 otherwise.
  std::optional<http::Response> Apply(const Visit& visit,
                                      const std::vector<accounts::Edit>& edits) {
    if (edits.empty()) return std::nullopt;
    if (Status written = accounts::ApplyEdits(store_, edits, visit.http.actor); !written) {
      if (written.error().code == ErrorCode::kInvalidArgument) {
        return layout_.Info(visit, 400, "BAD_REQUEST_TITLE", {T(visit, "ERR_TEXT_INVALID")});
      }
      return layout_.Failure(visit);
    }
    // Searchable at once, not only when the index next follows the change log.
    (void)index_.CatchUp();
    return std::nullopt;
  }

  // Adds the deletion of `record` and, before it, of the records of `children` (table, field)
  // whose field holds its id. False when the store cannot be read.
  bool AddDeletes(std::vector<accounts::Edit>& edits, const Record& record,
                  std::initializer_list<std::pair<Table, std::string_view>> children) {
    for (const auto& [table, field] : children) {
      auto found = store_.FindBy(table, field, record.id());
      if (!found) return false;
      for (Record& child : *found) {
        if (table == Table::kTranslation &&
            Value(child, "table_name") != domain::Spec(record.table()).name) {
          continue;
        }
        AddDelete(edits, std::move(child));
      }
    }
    AddDelete(edits, record);
    return true;
  }

  // Adds the deletion of `record` unless `edits` delete it already (a schedule of a service at a
  // location is found through both).
  static void AddDelete(std::vector<accounts::Edit>& edits, Record record) {
    for (const accounts::Edit& edit : edits) {
      if (!edit.after && edit.before && edit.before->table() == record.table() &&
          edit.before->id() == record.id()) {
        return;
      }
    }
    edits.push_back({std::move(record), std::nullopt});
  }

  Result<std::vector<Record>> LocationsOf(const Record& organization) {
    auto locations = store_.FindBy(Table::kLocation, "organization_id", organization.id());
    if (locations) SortByName(*locations);
    return locations;
  }

  // The location's street address: its physical one, else its first that is not virtual.
  Result<std::optional<Record>> AddressOf(const Record& location) {
    auto addresses = store_.FindBy(Table::kAddress, "location_id", location.id());
    if (!addresses) return addresses.error();
    std::optional<Record> chosen;
    for (const Record& address : *addresses) {
      std::string type = Value(address, "address_type");
      if (type == "physical") return std::optional<Record>(address);
      if (type != "virtual" && !chosen) chosen = address;
    }
    return chosen;
  }

  Result<OwnHours> HoursOf(const Record& owner) {
    auto schedules =
        store_.FindBy(Table::kSchedule,
                      owner.table() == Table::kService ? "service_id" : "location_id", owner.id());
    if (!schedules) return schedules.error();
    return SplitHours(*schedules);
  }

  Result<std::vector<Record>> TranslationsOf(const Record& service) {
    auto translations = store_.FindBy(Table::kTranslation, "record_id", service.id());
    if (!translations) return translations.error();
    std::erase_if(*translations,
                  [](const Record& t) { return Value(t, "table_name") != "service"; });
    return translations;
  }

  Result<ServiceRecords> ServiceState(const Record& organization,
                                      const std::optional<Record>& service) {
    ServiceRecords state;
    auto locations = LocationsOf(organization);
    if (!locations) return locations.error();
    state.locations = std::move(*locations);
    if (!service) return state;
    auto languages = store_.FindBy(Table::kLanguage, "service_id", service->id());
    if (!languages) return languages.error();
    state.languages = std::move(*languages);
    auto links = store_.FindBy(Table::kServiceAtLocation, "service_id", service->id());
    if (!links) return links.error();
    state.links = std::move(*links);
    return state;
  }

  // The language codes a service's form offers: the common ones, then those it has besides.
  static std::vector<std::string> LanguageChoices(const std::vector<Record>& languages) {
    std::vector<std::string> codes;
    for (const CommonLanguage& common : CommonLanguages()) codes.emplace_back(common.code);
    std::vector<std::string> others;
    for (const Record& language : languages) {
      std::string code = Lower(Value(language, "code"));
      if (!code.empty() && std::find(codes.begin(), codes.end(), code) == codes.end() &&
          std::find(others.begin(), others.end(), code) == others.end()) {
        others.push_back(code);
      }
    }
    std::sort(others.begin(), others.end());
    codes.insert(codes.end(), others.begin(), others.end());
    return codes;
  }

  http::Response ServicePage(const Visit& visit, const Record& organization,
                             const std::optional<Record>& service, const ServiceRecords& state,
                             const FormFields& values, const Errors& errors, unsigned status) {
    std::string base = Base(visit, organization);
    auto value = [&](std::string_view name) { return FormValue(values, name); };
    auto box = [&](std::string_view name, std::string_view label, std::string_view hint,
                   bool multiline, size_t max) {
      return Control{.kind = multiline ? Control::Kind::kTextarea : Control::Kind::kInput,
                     .name = std::string(name),
                     .label = T(visit, label),
                     .value = value(name),
                     .hint = hint.empty() ? "" : T(visit, hint),
                     .max_length = max};
    };
    Group main;
    main.controls = {
        box("naam", "LST_FIELD_SERVICE_NAME", "LST_FIELD_SERVICE_NAME_HINT", false, kMaxName),
        box("beschrijving", "LST_FIELD_DESCRIPTION", "LST_FIELD_SERVICE_DESCRIPTION_HINT", true,
            kMaxDescription),
        box("voor_wie", "LST_FIELD_ELIGIBILITY", "LST_FIELD_ELIGIBILITY_HINT", true,
            kMaxDescription),
        box("aanmelden", "LST_FIELD_APPLY", "LST_FIELD_APPLY_HINT", true, kMaxDescription),
        box("kosten", "LST_FIELD_COSTS", "LST_FIELD_COSTS_HINT", false, kMaxDescription),
        box("email", "FIELD_PUBLIC_EMAIL", "", false, kMaxEmail),
        box("website", "FIELD_WEBSITE", "FIELD_WEBSITE_HINT", false, kMaxUrl)};
    main.controls[0].required = true;
    main.controls[5].type = "email";
    main.controls[6].type = "url";

    Group statuses{.legend = T(visit, "LST_STATUS_LEGEND"), .id = "status"};
    for (const auto& [status_value, key] : kStatuses) {
      statuses.controls.push_back({.kind = Control::Kind::kRadio,
                                   .name = "status",
                                   .label = T(visit, key),
                                   .value = std::string(status_value),
                                   .checked = value("status") == status_value});
    }

    Group languages{.legend = T(visit, "LST_LANGUAGES_LEGEND"),
                    .id = "talen",
                    .hint = T(visit, "LST_LANGUAGES_HINT")};
    for (const std::string& code : LanguageChoices(state.languages)) {
      Control check{.kind = Control::Kind::kCheckbox,
                    .name = "taal_" + code,
                    .label = code,
                    .value = "1",
                    .checked = values.contains("taal_" + code)};
      bool common = false;
      for (const CommonLanguage& known : CommonLanguages()) {
        if (known.code != code) continue;
        common = true;
        check.label = T(visit, known.key);
        if (check.label != known.own_name) {
          check.own_name = std::string(known.own_name);
          check.own_name_language = code;
        }
      }
      if (!common) {
        for (const Record& language : state.languages) {
          if (Lower(Value(language, "code")) == code && !Value(language, "name").empty()) {
            check.label = Value(language, "name");
          }
        }
      }
      languages.controls.push_back(std::move(check));
    }

    Group places{.legend = T(visit, "LST_PLACES_LEGEND"), .id = "locaties"};
    if (state.locations.empty()) {
      places.text = T(visit, "LST_PLACES_NONE");
      places.legend.clear();
    } else {
      places.hint = T(visit, "LST_PLACES_HINT");
      for (const Record& location : state.locations) {
        places.controls.push_back({.kind = Control::Kind::kCheckbox,
                                   .name = "locatie_" + location.id(),
                                   .label = LocationName(location),
                                   .value = "1",
                                   .checked = values.contains("locatie_" + location.id())});
      }
    }

    ListingForm form{
        .title = service ? T(visit, "LST_EDIT_SERVICE_TITLE") : T(visit, "LST_NEW_SERVICE"),
        .name = service ? Value(*service, "name") : "",
        .intro = {T(visit, "LST_SERVICE_INTRO")},
        .action = base + "/diensten/" + (service ? service->id() + "/bewerken" : "nieuw"),
        .groups = {main, statuses, languages, places},
        .submit = T(visit, "SAVE_BUTTON"),
        .links = {{base + "/diensten", T(visit, "LST_BACK_TO_SERVICES")}}};
    AttachErrors(form.groups, errors);
    return RenderForm(layout_, visit, status, form);
  }

  http::Response TranslationsPage(const Visit& visit, const Record& organization,
                                  const Record& service, const FormFields& values,
                                  const Errors& errors, unsigned status) {
    std::string base = Base(visit, organization);
    ListingForm form{.title = T(visit, "LST_TRANSLATIONS_TITLE"),
                     .name = Value(service, "name"),
                     .intro = {T(visit, "LST_TRANSLATIONS_INTRO")},
                     .action = base + "/diensten/" + service.id() + "/vertalingen",
                     .submit = T(visit, "SAVE_BUTTON"),
                     .links = {{base + "/diensten", T(visit, "LST_BACK_TO_SERVICES")}}};
    for (const Language& language : Languages()) {
      if (language.code() == "nl") continue;
      Group group{.legend = language.name(), .legend_language = language.code()};
      for (std::string_view field : {"name", "description"}) {
        std::string name = TranslationField(field, language.code());
        group.controls.push_back(
            {.kind = field == "name" ? Control::Kind::kInput : Control::Kind::kTextarea,
             .name = name,
             .label = T(visit, field == "name" ? "LST_FIELD_SERVICE_NAME"
                                               : "LST_FIELD_TRANSLATED_DESCRIPTION"),
             .value = FormValue(values, name),
             .max_length = field == "name" ? kMaxName : kMaxDescription,
             .language = language.code()});
      }
      form.groups.push_back(std::move(group));
    }
    AttachErrors(form.groups, errors);
    return RenderForm(layout_, visit, status, form);
  }

  http::Response LocationPage(const Visit& visit, const Record& organization,
                              const std::optional<Record>& location, const FormFields& values,
                              const Errors& errors, unsigned status) {
    std::string base = Base(visit, organization);
    auto box = [&](std::string_view name, std::string_view label, std::string_view hint) {
      return Control{.name = std::string(name),
                     .label = T(visit, label),
                     .value = FormValue(values, name),
                     .hint = hint.empty() ? "" : T(visit, hint),
                     .max_length = kMaxLine};
    };
    Group main{.controls = {box("naam", "LST_FIELD_LOCATION_NAME", "LST_FIELD_LOCATION_NAME_HINT"),
                            box("beschrijving", "LST_FIELD_DESCRIPTION",
                                "LST_FIELD_LOCATION_DESCRIPTION_HINT")}};
    main.controls[0].required = true;
    main.controls[1].kind = Control::Kind::kTextarea;
    main.controls[1].max_length = kMaxDescription;

    // Not a fieldset: Utrecht's fieldset reverts box-sizing, and the province's select would
    // then be wider than a phone's screen. The labels say what each field is.
    Group address;
    address.controls = {box("straat", "LST_FIELD_STREET", ""),
                        box("postcode", "LST_FIELD_POSTCODE", "LST_FIELD_POSTCODE_HINT"),
                        box("plaats", "FILTER_CITY", ""),
                        box("provincie", "LST_FIELD_PROVINCE", ""),
                        box("regio", "LST_FIELD_REGION", "LST_FIELD_REGION_HINT")};
    address.controls[0].autocomplete = "address-line1";
    address.controls[1].autocomplete = "postal-code";
    address.controls[1].postcode = true;
    address.controls[1].max_length = 7;
    address.controls[2].autocomplete = "address-level2";
    for (int i = 0; i < 4; ++i) address.controls[i].required = true;
    Control& province = address.controls[3];
    province.kind = Control::Kind::kSelect;
    province.options.push_back({"", T(visit, "LST_CHOOSE_PROVINCE")});
    bool known = province.value.empty();
    for (std::string_view name : kProvinces) {
      province.options.push_back({std::string(name), std::string(name)});
      known = known || province.value == name;
    }
    if (!known) province.options.push_back({province.value, province.value});

    Group map{.legend = T(visit, "LST_MAP_LEGEND"),
              .id = "kaart",
              .hint = T(visit, "LST_MAP_HINT"),
              .controls = {box("breedtegraad", "LST_FIELD_LATITUDE", "LST_FIELD_LATITUDE_HINT"),
                           box("lengtegraad", "LST_FIELD_LONGITUDE", "LST_FIELD_LONGITUDE_HINT")}};
    for (Control& control : map.controls) {
      control.mode = "decimal";
      control.max_length = 30;
    }

    ListingForm form{
        .title = location ? T(visit, "LST_EDIT_LOCATION_TITLE") : T(visit, "LST_NEW_LOCATION"),
        .name = location ? LocationName(*location) : "",
        .intro = {T(visit, "LST_LOCATION_INTRO")},
        .action = base + "/locaties/" + (location ? location->id() + "/bewerken" : "nieuw"),
        .groups = {main, address, map},
        .submit = T(visit, "SAVE_BUTTON"),
        .links = {{base + "/locaties", T(visit, "LST_BACK_TO_LOCATIONS")}}};
    AttachErrors(form.groups, errors);
    return RenderForm(layout_, visit, status, form);
  }

  http::Response HoursPage(const Visit& visit, const Record& organization, const Record& owner,
                           const OwnHours& hours, const FormFields& values, const Errors& errors,
                           unsigned status) {
    std::string base = Base(visit, organization);
    bool service = owner.table() == Table::kService;
    std::string path = base + (service ? "/diensten/" : "/locaties/") + owner.id();
    ListingForm form{
        .title = T(visit, "LST_HOURS_TITLE"),
        .name = service ? Value(owner, "name") : LocationName(owner),
        .intro = {T(visit, service ? "LST_SERVICE_HOURS_INTRO" : "LST_HOURS_INTRO"),
                  T(visit, "LST_TIME_HINT")},
        .action = path + "/openingstijden",
        .submit = T(visit, "SAVE_BUTTON"),
        .links = {service ? std::pair(base + "/diensten", T(visit, "LST_BACK_TO_SERVICES"))
                          : std::pair(base + "/locaties", T(visit, "LST_BACK_TO_LOCATIONS"))}};
    for (const Record& other : hours.others) {
      auto intervals = domain::OpeningIntervals(std::span<const Record>(&other, 1));
      if (intervals.empty()) {
        std::string description = Value(other, "description");
        form.other_hours.push_back(description.empty() ? T(visit, "LST_OTHER_HOURS_UNKNOWN")
                                                       : description);
      }
      for (const auto& interval : intervals) {
        std::vector<std::string> parts = {T(visit, kDayKeys[interval.weekday]),
                                          FormatTime(interval.opens), FormatTime(interval.closes)};
        form.other_hours.push_back(Language::Fill(T(visit, "HOURS_LINE"), parts));
      }
    }
    for (int day = 0; day < 7; ++day) {
      std::string field(kDayFields[day]);
      Group group{.legend = T(visit, kDayKeys[day]), .id = field};
      for (const auto& [suffix, label] :
           {std::pair("_open", "LST_FIELD_OPENS"), std::pair("_dicht", "LST_FIELD_CLOSES")}) {
        group.controls.push_back({.name = field + suffix,
                                  .label = T(visit, label),
                                  .value = FormValue(values, field + suffix),
                                  .max_length = 5,
                                  .narrow = true});
      }
      form.groups.push_back(std::move(group));
    }
    AttachErrors(form.groups, errors);
    return RenderForm(layout_, visit, status, form);
  }

  store::Store& store_;
  search::SearchIndex& index_;
  accounts::Listings listings_;
  const Layout layout_;
};

}  // namespace

void AddListingRoutes(http::Router& router, store::Store& store, search::SearchIndex& index,
                      const std::string& public_url) {
  auto site = std::make_shared<ListingSite>(store, index, public_url);
  auto add = SitePages(router, site);
  // Every page of the editor needs the right to edit the organisation (the handlers check it for
  // the organisation in the path).
  auto page = [&add](beast_http::verb method, const std::string& path,
                     std::function<http::Response(ListingSite&, const Visit&)> handler) {
    add(method, path, domain::Permission::kEditOrganization, std::move(handler));
  };
  const auto get = beast_http::verb::get;
  const auto post = beast_http::verb::post;
  const std::string services = "/organisatie/{id}/diensten";
  const std::string service = services + "/{service}";
  const std::string locations = "/organisatie/{id}/locaties";
  const std::string location = locations + "/{location}";
  page(get, services, [](ListingSite& s, const Visit& v) { return s.Services(v); });
  page(get, services + "/nieuw",
       [](ListingSite& s, const Visit& v) { return s.ServiceForm(v, true); });
  page(post, services + "/nieuw",
       [](ListingSite& s, const Visit& v) { return s.SaveService(v, true); });
  page(get, service + "/bewerken",
       [](ListingSite& s, const Visit& v) { return s.ServiceForm(v, false); });
  page(post, service + "/bewerken",
       [](ListingSite& s, const Visit& v) { return s.SaveService(v, false); });
  page(get, service + "/verwijderen",
       [](ListingSite& s, const Visit& v) { return s.DeleteServiceForm(v); });
  page(post, service + "/verwijderen",
       [](ListingSite& s, const Visit& v) { return s.DeleteService(v); });
  page(get, service + "/openingstijden",
       [](ListingSite& s, const Visit& v) { return s.HoursForm(v, Table::kService); });
  page(post, service + "/openingstijden",
       [](ListingSite& s, const Visit& v) { return s.SaveHours(v, Table::kService); });
  page(get, service + "/vertalingen",
       [](ListingSite& s, const Visit& v) { return s.TranslationsForm(v); });
  page(post, service + "/vertalingen",
       [](ListingSite& s, const Visit& v) { return s.SaveTranslations(v); });
  page(get, locations, [](ListingSite& s, const Visit& v) { return s.Locations(v); });
  page(get, locations + "/nieuw",
       [](ListingSite& s, const Visit& v) { return s.LocationForm(v, true); });
  page(post, locations + "/nieuw",
       [](ListingSite& s, const Visit& v) { return s.SaveLocation(v, true); });
  page(get, location + "/bewerken",
       [](ListingSite& s, const Visit& v) { return s.LocationForm(v, false); });
  page(post, location + "/bewerken",
       [](ListingSite& s, const Visit& v) { return s.SaveLocation(v, false); });
  page(get, location + "/openingstijden",
       [](ListingSite& s, const Visit& v) { return s.HoursForm(v, Table::kLocation); });
  page(post, location + "/openingstijden",
       [](ListingSite& s, const Visit& v) { return s.SaveHours(v, Table::kLocation); });
  page(get, location + "/verwijderen",
       [](ListingSite& s, const Visit& v) { return s.DeleteLocationForm(v); });
  page(post, location + "/verwijderen",
       [](ListingSite& s, const Visit& v) { return s.DeleteLocation(v); });
}

}  // namespace knooppunt::web
