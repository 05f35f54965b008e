#include "web/web_pages.h"

#include <ctemplate/template.h>

#include <algorithm>
#include <boost/json.hpp>
#include <boost/url.hpp>
#include <cmath>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "accounts/listings.h"
#include "domain/geo.h"
#include "domain/model.h"
#include "domain/schedule.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "http/message.h"
#include "http/router.h"
#include "http/static_files.h"
#include "search/search_index.h"
#include "store/store.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/texts.h"

namespace knooppunt::web {

namespace {

namespace beast_http = boost::beast::http;
namespace json = boost::json;
namespace urls = boost::urls;
using ctemplate::TemplateDictionary;
using domain::Record;
using domain::Table;

constexpr size_t kMaxMessage = 2000;  // code points
constexpr int kMaxPage = 500;

// --- Small helpers -----------------------------------------------------------------------------

std::string Value(const Record& record, std::string_view field) {
  const auto& value = record.Get(field);
  return value ? *value : std::string();
}

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string Clock(int minutes) {
  return TwoDigits(minutes / 60 % 24) + ":" + TwoDigits(minutes % 60);
}

// --- Reference data in the visitor's language ---------------------------------------------------

const domain::TermDefinition* NeedBySlug(std::string_view slug) {
  for (const auto& term : domain::NeedTerms()) {
    if (term.slug == slug) return &term;
  }
  return nullptr;
}

const domain::TermDefinition* NeedById(std::string_view id) {
  for (const auto& term : domain::NeedTerms()) {
    if (domain::TermId("needs", term.slug) == id) return &term;
  }
  return nullptr;
}

const domain::TermDefinition* KindBySlug(std::string_view slug) {
  for (const auto& term : domain::OrganizationKindTerms()) {
    if (term.slug == slug) return &term;
  }
  return nullptr;
}

std::string_view NeedIcon(std::string_view slug) {
  static const std::map<std::string_view, std::string_view> kIcons = {{"armoede", "💶"},
                                                                      {"voedsel", "🍞"},
                                                                      {"kleding", "👕"},
                                                                      {"wonen", "🏠"},
                                                                      {"werk", "💼"},
                                                                      {"taal", "💬"},
                                                                      {"onderwijs", "📚"},
                                                                      {"gezondheid", "🩺"},
                                                                      {"recht", "⚖️"},
                                                                      {"inburgering", "🧭"},
                                                                      {"geloof", "🕊️"},
                                                                      {"jongeren", "🧒"},
                                                                      {"ouderen", "🧓"},
                                                                      {"vrouwen", "👩"},
                                                                      {"gezin", "👪"},
                                                                      {"geweld", "🛡️"},
                                                                      {"radicalisering", "🤝"},
                                                                      {"vrijwilligerswerk", "🙋"},
                                                                      {"meedoen", "🌱"}};
  auto it = kIcons.find(slug);
  return it == kIcons.end() ? "•" : it->second;
}

// --- The site ----------------------------------------------------------------------------------

class Site {
 public:
  Site(store::Store& store, search::SearchIndex& index, WebOptions options)
      : store_(store),
        index_(index),
        options_(std::move(options)),
        layout_(options_.public_url),
        reports_(options_.reports_per_window, options_.report_window) {}

  http::Response Home(const Visit& visit) const {
    return Render(visit, 200, visit.language.Translate(Msgid("HOME_TITLE")), "home.tpl",
                  [&](TemplateDictionary& page) {
                    for (const auto& term : domain::NeedTerms()) {
                      if (!term.parent_slug.empty()) continue;
                      TemplateDictionary* tile = page.AddSectionDictionary("TILE");
                      tile->SetValue("URL",
                                     visit.language.prefix() + "/thema/" + std::string(term.slug));
                      tile->SetValue("ICON", std::string(NeedIcon(term.slug)));
                      tile->SetValue("LABEL", TermLabel(term, visit.language));
                    }
                  });
  }

  http::Response Search(const Visit& visit) const { return Results(visit, nullptr); }

  http::Response Topic(const Visit& visit) const {
    std::string slug = visit.http.path_params.at("slug");
    const domain::TermDefinition* term = NeedBySlug(slug);
    if (term == nullptr) return NotFound(visit);
    return Results(visit, term);
  }

  http::Response Service(const Visit& visit, const std::vector<std::string>& errors = {},
                         const std::map<std::string, std::string>& typed = {},
                         unsigned status = 200) const {
    auto service = Load(visit, Table::kService);
    if (!service) return *service.error_response;
    const Record& record = *service.record;
    const Language& language = visit.language;
    std::string id = record.id();
    auto name = Localised(record, "name", language);

    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);

    std::optional<Record> organization;
    if (auto owner = record.Get("organization_id")) {
      auto found = store_.Get(Table::kOrganization, *owner);
      if (found && *found) organization = **found;
    }
    // Places: the locations of its links, with their addresses.
    std::vector<std::pair<Record, std::vector<Record>>> places;
    std::vector<Record> schedules = Find(Table::kSchedule, "service_id", id);
    if (auto links = store_.FindBy(Table::kServiceAtLocation, "service_id", id)) {
      for (const Record& link : *links) {
        auto own = Find(Table::kSchedule, "service_at_location_id", link.id());
        schedules.insert(schedules.end(), own.begin(), own.end());
        auto location_id = link.Get("location_id");
        if (!location_id) continue;
        auto location = store_.Get(Table::kLocation, *location_id);
        if (!location || !*location) continue;
        if (schedules.empty()) schedules = Find(Table::kSchedule, "location_id", *location_id);
        places.emplace_back(**location, Find(Table::kAddress, "location_id", *location_id));
      }
    }
    std::vector<domain::OpeningInterval> hours = domain::OpeningIntervals(schedules);
    bool open = domain::IsOpen(hours, domain::AmsterdamTime(domain::Now()));

    return Render(
        visit, status, name.text, "service.tpl",
        [&](TemplateDictionary& page) {
          page.SetValue("NAME", name.text);
          if (name.language != language.code()) {
            page.SetValueAndShowSection("CODE", name.language, "NAME_LANG");
          }
          if (organization) {
            page.SetValue("ORGANIZATION", Value(*organization, "name"));
            page.SetValue("ORGANIZATION_URL",
                          language.prefix() + "/organisatie/" + organization->id());
          }
          if (open) page.ShowSection("OPEN");
          auto section = [&](std::string_view title_key, const std::vector<Text>& paragraphs) {
            if (paragraphs.empty()) return;
            TemplateDictionary* part = page.AddSectionDictionary("SECTION");
            part->SetValue("TITLE", language.Translate(Msgid(title_key)));
            for (const Text& text : paragraphs) {
              TemplateDictionary* paragraph = part->AddSectionDictionary("PARAGRAPH");
              paragraph->SetValue("TEXT", text.text);
              if (text.language != language.code()) {
                paragraph->SetValueAndShowSection("CODE", text.language, "TEXT_LANG");
              }
            }
          };
          auto field = [&](std::string_view name) {
            std::vector<Text> out;
            Text text = Localised(record, name, language);
            if (!text.text.empty()) out.push_back(std::move(text));
            return out;
          };
          section("WHAT", field("description"));
          std::vector<Text> who = field("eligibility_description");
          if (auto ages = Ages(record, language)) who.push_back({*ages, language.code()});
          section("FOR_WHOM", who);
          section("HOW_TO_APPLY", field("application_process"));
          section("COSTS", field("fees_description"));
          // Opening hours in words.
          TemplateDictionary* hours_part = page.AddSectionDictionary("SECTION");
          hours_part->SetValue("TITLE", language.Translate(Msgid("HOURS")));
          if (hours.empty()) {
            hours_part->AddSectionDictionary("PARAGRAPH")
                ->SetValue("TEXT", language.Translate(Msgid("HOURS_UNKNOWN")));
          } else {
            std::sort(hours.begin(), hours.end(), [](const auto& a, const auto& b) {
              return std::tie(a.weekday, a.opens) < std::tie(b.weekday, b.opens);
            });
            TemplateDictionary* items = hours_part->AddSectionDictionary("ITEMS");
            static constexpr std::string_view kDays[] = {
                "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
            for (const auto& interval : hours) {
              std::string parts[] = {language.Translate(Msgid(kDays[interval.weekday])),
                                     Clock(interval.opens), Clock(interval.closes)};
              items->AddSectionDictionary("ITEM")->SetValue(
                  "TEXT", Language::Fill(language.Translate(Msgid("HOURS_LINE")), parts));
            }
          }
          // Languages offered.
          std::vector<std::string> names;
          for (const Record& spoken : Find(Table::kLanguage, "service_id", id)) {
            std::string code = Value(spoken, "code");
            names.push_back(code.empty() ? Value(spoken, "name") : LanguageAutonym(code));
          }
          if (!names.empty()) {
            TemplateDictionary* part = page.AddSectionDictionary("SECTION");
            part->SetValue("TITLE", language.Translate(Msgid("LANGUAGES")));
            TemplateDictionary* items = part->AddSectionDictionary("ITEMS");
            for (const std::string& spoken : names) {
              items->AddSectionDictionary("ITEM")->SetValue("TEXT", spoken);
            }
          }
          // Address, route and map.
          json::array points;
          for (const auto& [location, addresses] : places) {
            for (const Record& address : addresses) {
              if (Value(address, "address_type") == "virtual") continue;
              TemplateDictionary* place = page.AddSectionDictionary("PLACE");
              place->SetValue("ADDRESS", Value(address, "address_1") + ", " +
                                             Value(address, "postal_code") + " " +
                                             Value(address, "city"));
              if (location.Get("latitude") && location.Get("longitude")) {
                place->SetValueAndShowSection(
                    "URL",
                    "https://www.openstreetmap.org/directions?to=" +
                        Encode(Value(location, "latitude") + "," + Value(location, "longitude")),
                    "ROUTE");
              }
            }
            if (location.Get("latitude") && location.Get("longitude")) {
              points.push_back(
                  json::object{{"lat", std::strtod(Value(location, "latitude").c_str(), nullptr)},
                               {"lon", std::strtod(Value(location, "longitude").c_str(), nullptr)},
                               {"name", name.text},
                               {"url", ""}});
            }
          }
          if (!points.empty())
            page.SetValueAndShowSection("POINTS", json::serialize(points), "MAP");
          // Contact.
          std::vector<Record> phones = Find(Table::kPhone, "service_id", id);
          std::string email = Value(record, "email");
          std::string website = Value(record, "url");
          if (!phones.empty() || !email.empty() || !website.empty()) {
            TemplateDictionary* contact = page.AddSectionDictionary("CONTACT");
            for (const Record& phone : phones) {
              TemplateDictionary* line = contact->AddSectionDictionary("PHONE");
              std::string number = Value(phone, "number");
              std::string dial;
              for (char c : number) {
                if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && dial.empty())) {
                  dial += c;
                }
              }
              line->SetValue("NUMBER", number);
              line->SetValue("NUMBER_URL", dial);
            }
            if (!email.empty()) contact->SetValueAndShowSection("ADDRESS", email, "EMAIL");
            if (!website.empty()) contact->SetValueAndShowSection("URL", website, "WEBSITE");
          }
          page.SetValue("VERIFIED", VerifiedText(organization, language));
          // The report form.
          page.SetValue("REPORT_URL", language.prefix() + "/dienst/" + id);
          page.SetValue("CSRF", csrf);
          if (visit.http.query.contains("bedankt")) page.ShowSection("THANKS");
          if (auto it = typed.find("bericht"); it != typed.end())
            page.SetValue("MESSAGE", it->second);
          if (auto it = typed.find("email"); it != typed.end()) page.SetValue("EMAIL", it->second);
          if (!errors.empty()) {
            TemplateDictionary* list = page.AddSectionDictionary("ERRORS");
            for (const std::string& error : errors) {
              auto bar = error.find('|');
              std::string field = error.substr(0, bar);
              std::string text = error.substr(bar + 1);
              TemplateDictionary* item = list->AddSectionDictionary("ERROR");
              item->SetValue("FIELD", field);
              item->SetValue("TEXT", text);
              if (field == "bericht") page.SetValueAndShowSection("TEXT", text, "MESSAGE_ERROR");
              if (field == "email") page.SetValueAndShowSection("TEXT", text, "EMAIL_ERROR");
            }
          }
        },
        !places.empty(), cookies);
  }

  http::Response Report(const Visit& visit) {
    const Language& language = visit.language;
    std::string id = visit.http.path_params.at("id");
    std::string_view body = visit.http.request.body();
    std::optional<FormFields> form = ParseForm(body);
    if (!form) {
      return Info(visit, 400, "BAD_REQUEST_TITLE", {language.Translate(Msgid("ERROR_EXPIRED"))});
    }
    FormFields& typed = *form;
    std::map<std::string, std::string> kept = {{"bericht", typed["bericht"]},
                                               {"email", Trim(typed["email"])}};
    if (!CsrfMatches(visit.http.request, typed)) {
      return Service(visit, {"bericht|" + language.Translate(Msgid("ERROR_EXPIRED"))}, kept, 403);
    }
    if (auto wait = reports_.Wait(std::string(visit.http.client))) {
      std::string minutes = language.Integer((*wait + 59) / 60);
      http::Response response =
          Service(visit,
                  {"bericht|" + Language::Fill(language.Translate(Msgid("ERROR_TOO_MANY")),
                                               std::span<const std::string>(&minutes, 1))},
                  kept, 429);
      response.message.set(beast_http::field::retry_after, std::to_string(*wait));
      return response;
    }
    std::vector<std::string> errors;
    std::string message = Trim(kept["bericht"]);
    if (message.empty()) {
      errors.push_back("bericht|" + language.Translate(Msgid("ERROR_MESSAGE_EMPTY")));
    } else if (CodePoints(message) > kMaxMessage) {
      std::string limit = language.Integer(kMaxMessage);
      errors.push_back("bericht|" + Language::Fill(language.Translate(Msgid("ERROR_MESSAGE_LONG")),
                                                   std::span<const std::string>(&limit, 1)));
    }
    std::optional<std::string> email;
    if (!kept["email"].empty()) {
      email = domain::NormaliseValue(domain::FieldType::kEmail, kept["email"]);
      if (!email || kept["email"].size() > 254) {
        errors.push_back("email|" + language.Translate(Msgid("ERROR_EMAIL")));
      }
    }
    if (!errors.empty()) return Service(visit, errors, kept, 400);
    auto uuid = domain::NormaliseValue(domain::FieldType::kUuid, id);
    if (!uuid) return NotFound(visit);
    Status stored = store_.AddReport({.id = domain::RandomUuid(),
                                      .service_id = *uuid,
                                      .message = message,
                                      .email = email,
                                      .language = language.code()});
    if (!stored.ok()) {
      if (stored.error().code == ErrorCode::kNotFound) return NotFound(visit);
      return Failure(visit);
    }
    http::Response response =
        http::MakeResponse(visit.http.request, 303, "text/plain; charset=utf-8", "");
    response.message.set(beast_http::field::location,
                         language.prefix() + "/dienst/" + *uuid + "?bedankt=1#melding");
    return response;
  }

  http::Response Organization(const Visit& visit) const {
    auto organization = Load(visit, Table::kOrganization);
    if (!organization) return *organization.error_response;
    const Record& record = *organization.record;
    const Language& language = visit.language;
    std::vector<Record> services = Find(Table::kService, "organization_id", record.id());
    std::vector<Record> attributes = Find(Table::kAttribute, "link_id", record.id());
    // Who keeps this listing: its editors see edit and confirm, other accounts may claim it.
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    bool may_edit = false;
    bool may_manage = false;
    if (visit.http.actor.signed_in()) {
      accounts::Listings listings(store_);
      auto decision =
          listings.Check(visit.http.actor, domain::Permission::kEditOrganization, record.id());
      may_edit = decision && *decision == domain::Decision::kAllowed;
      auto manage =
          listings.Check(visit.http.actor, domain::Permission::kManageMembers, record.id());
      may_manage = manage && *manage == domain::Decision::kAllowed;
    }
    return Render(
        visit, 200, Value(record, "name"), "organization.tpl",
        [&](TemplateDictionary& page) {
          std::string base = language.prefix() + "/organisatie/" + record.id();
          page.SetValue("CSRF", csrf);
          if (may_edit) {
            TemplateDictionary* edit = page.AddSectionDictionary("EDIT");
            edit->SetValue("EDIT_URL", base + "/bewerken");
            edit->SetValue("CONFIRM_URL", base + "/bevestigen");
            edit->SetValue("REPORTS_URL", base + "/meldingen");
            edit->SetValue("SERVICES_URL", base + "/diensten");
            edit->SetValue("LOCATIONS_URL", base + "/locaties");
            auto reports = store_.ReportsOfOrganization(record.id());
            std::string count =
                language.Integer(reports ? static_cast<long long>(reports->size()) : 0);
            edit->SetValue("REPORTS_LINK", Language::Fill(language.Translate(Msgid("REPORTS_LINK")),
                                                          std::span<const std::string>(&count, 1)));
            if (may_manage) {
              TemplateDictionary* manage = edit->AddSectionDictionary("MANAGE");
              manage->SetValue("KEYS_URL", base + "/sleutels");
              manage->SetValue("MEMBERS_URL", base + "/leden");
            }
          } else if (visit.http.actor.signed_in()) {
            page.SetValueAndShowSection("CLAIM_URL", base + "/claimen", "CLAIM");
          } else {
            page.SetValueAndShowSection(
                "SIGN_IN_URL", WithQuery(language.prefix() + "/inloggen", {{"terug", base}}),
                "SIGN_IN");
          }
          for (const auto& [flag, key] : {std::pair{"aangevraagd", "CLAIM_SENT"},
                                          std::pair{"opgeslagen", "ORGANIZATION_SAVED"},
                                          std::pair{"bevestigd", "ORGANIZATION_CONFIRMED"},
                                          std::pair{"welkom", "ACCEPTED"}}) {
            if (visit.http.query.contains(flag)) {
              page.SetValueAndShowSection("TEXT", language.Translate(Msgid(key)), "NOTICE");
            }
          }
          page.SetValue("NAME", Value(record, "name"));
          Text description = Localised(record, "description", language);
          page.SetValue("DESCRIPTION", description.text);
          if (description.language != language.code()) {
            page.SetValueAndShowSection("CODE", description.language, "TEXT_LANG");
          }
          std::string communities;
          for (const Record& attribute : attributes) {
            std::string term = Value(attribute, "taxonomy_term_id");
            for (const auto& kind : domain::OrganizationKindTerms()) {
              if (domain::TermId("organization-kind", kind.slug) == term) {
                page.SetValueAndShowSection("TEXT", TermLabel(kind, language), "KIND");
              }
            }
            for (const auto& community : domain::CommunityTerms()) {
              if (domain::TermId("community", community.slug) == term) {
                communities += (communities.empty() ? "" : ", ") + TermLabel(community, language);
              }
            }
          }
          if (!communities.empty()) {
            page.SetValueAndShowSection("LIST", communities, "COMMUNITIES");
          }
          for (const Record& service : services) {
            TemplateDictionary* item = page.AddSectionDictionary("SERVICE");
            Text name = Localised(service, "name", language);
            item->SetValue("NAME", name.text);
            item->SetValue("URL", language.prefix() + "/dienst/" + service.id());
            if (name.language != language.code()) {
              item->SetValueAndShowSection("CODE", name.language, "NAME_LANG");
            }
          }
          page.SetValue("VERIFIED", VerifiedText(record, language));
        },
        false, cookies);
  }

  http::Response Info(const Visit& visit, unsigned status, std::string_view title_key,
                      const std::vector<std::string>& paragraphs, bool home_link = false) const {
    return layout_.Info(visit, status, title_key, paragraphs, home_link);
  }

  http::Response Static(const Visit& visit, std::string_view key) const {
    std::vector<std::string> paragraphs;
    for (int i = 1; i <= 3; ++i) {
      paragraphs.push_back(
          visit.language.Translate(Msgid(std::string(key) + "_" + std::to_string(i))));
    }
    return Info(visit, 200, std::string(key) + "_TITLE", paragraphs);
  }

  http::Response NotFound(const Visit& visit) const { return layout_.NotFound(visit); }
  http::Response Failure(const Visit& visit) const { return layout_.Failure(visit); }

  http::Response Sitemap(const http::RequestContext& context) const {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    int count = 0;
    auto add = [&](const std::string& path) {
      if (count++ >= 50000) return false;  // the sitemap protocol's limit
      xml += "<url><loc>" + options_.public_url + path + "</loc></url>\n";
      return true;
    };
    for (std::string_view page : {"/", "/over", "/privacy", "/toegankelijkheid"}) {
      add(std::string(page));
    }
    for (const auto& term : domain::NeedTerms()) add("/thema/" + std::string(term.slug));
    (void)store_.ForEach(Table::kOrganization,
                         [&](const Record& record) { return add("/organisatie/" + record.id()); });
    (void)store_.ForEach(Table::kService,
                         [&](const Record& record) { return add("/dienst/" + record.id()); });
    xml += "</urlset>\n";
    return http::MakeResponse(context.request, 200, "application/xml; charset=utf-8", xml);
  }

 private:
  struct Text {
    std::string text;
    std::string language;  // the language the text is in
  };

  struct Loaded {
    std::optional<Record> record;
    std::optional<http::Response> error_response;
    explicit operator bool() const { return record.has_value(); }
  };

  Loaded Load(const Visit& visit, Table table) const {
    auto uuid = domain::NormaliseValue(domain::FieldType::kUuid, visit.http.path_params.at("id"));
    if (!uuid) return {std::nullopt, NotFound(visit)};
    auto record = store_.Get(table, *uuid);
    if (!record) return {std::nullopt, Failure(visit)};
    if (!*record) return {std::nullopt, NotFound(visit)};
    return {std::move(**record), std::nullopt};
  }

  std::vector<Record> Find(Table table, std::string_view field, const std::string& value) const {
    auto records = store_.FindBy(table, field, value);
    return records ? std::move(*records) : std::vector<Record>();
  }

  // A field in the visitor's language when translated, else as stored (Dutch).
  Text Localised(const Record& record, std::string_view field, const Language& language) const {
    if (language.code() != "nl") {
      for (const Record& translation : Find(Table::kTranslation, "record_id", record.id())) {
        if (Value(translation, "language") == language.code() &&
            Value(translation, "field_name") == field) {
          return {Value(translation, "text"), language.code()};
        }
      }
    }
    return {Value(record, field), "nl"};
  }

  std::optional<std::string> Ages(const Record& service, const Language& language) const {
    std::string minimum = Value(service, "minimum_age");
    std::string maximum = Value(service, "maximum_age");
    std::vector<std::string> values = {minimum, maximum};
    if (!minimum.empty() && !maximum.empty()) {
      return Language::Fill(language.Translate(Msgid("AGES")), values);
    }
    if (!minimum.empty()) {
      return Language::Fill(language.Translate(Msgid("AGE_FROM")),
                            std::span<const std::string>(&minimum, 1));
    }
    if (!maximum.empty()) {
      return Language::Fill(language.Translate(Msgid("AGE_TO")),
                            std::span<const std::string>(&maximum, 1));
    }
    return std::nullopt;
  }

  std::string VerifiedText(const std::optional<Record>& organization,
                           const Language& language) const {
    if (organization) {
      for (const Record& attribute : Find(Table::kAttribute, "link_id", organization->id())) {
        if (Value(attribute, "taxonomy_term_id") == domain::LastVerifiedTermId()) {
          std::string date = language.Date(Value(attribute, "value"));
          return Language::Fill(language.Translate(Msgid("VERIFIED")),
                                std::span<const std::string>(&date, 1));
        }
      }
    }
    return language.Translate(Msgid("NOT_VERIFIED"));
  }

  // The results page, for /zoeken or for a topic (`topic` set).
  http::Response Results(const Visit& visit, const domain::TermDefinition* topic) const {
    const Language& language = visit.language;
    const auto& query = visit.http.query;
    auto get = [&](std::string_view name) {
      auto it = query.find(name);
      return it == query.end() ? std::string() : Trim(it->second);
    };
    std::string q = get("q"), thema = topic ? std::string(topic->slug) : get("thema"),
                taal = get("taal"), plaats = get("plaats"), soort = get("soort"),
                open = get("open"), bij = get("bij"), pagina = get("pagina");
    std::vector<std::string> problems;
    search::SearchQuery ask{.text = q, .language = language.code()};
    if (CodePoints(q) > 200) problems.push_back("q");
    if (!thema.empty()) {
      if (NeedBySlug(thema) == nullptr)
        problems.push_back("thema");
      else
        ask.taxonomy_term_id = domain::TermId("needs", thema);
    }
    if (!taal.empty()) {
      bool valid = taal.size() <= 3 && std::all_of(taal.begin(), taal.end(),
                                                   [](char c) { return c >= 'a' && c <= 'z'; });
      if (!valid)
        problems.push_back("taal");
      else
        ask.language_offered = taal;
    }
    if (CodePoints(plaats) > 100)
      problems.push_back("plaats");
    else if (!plaats.empty())
      ask.city = plaats;
    if (!soort.empty()) {
      if (KindBySlug(soort) == nullptr)
        problems.push_back("soort");
      else
        ask.organization_kind = soort;
    }
    if (!open.empty() && open != "nu") problems.push_back("open");
    if (open == "nu") ask.open_at = domain::Now();
    if (!bij.empty()) {
      auto point = domain::ParseLatLon(bij);
      if (!point)
        problems.push_back("bij");
      else
        ask.near = point;
    }
    int page_number = 1;
    if (!pagina.empty()) {
      page_number = std::atoi(pagina.c_str());
      if (page_number < 1 || page_number > kMaxPage || std::to_string(page_number) != pagina) {
        problems.push_back("pagina");
        page_number = 1;
      }
    }
    if (!problems.empty()) {
      std::vector<std::string> lines;
      for (const std::string& name : problems) {
        lines.push_back(Language::Fill(language.Translate(Msgid("BAD_FILTER")),
                                       std::span<const std::string>(&name, 1)));
      }
      return Info(visit, 400, "BAD_REQUEST_TITLE", lines, true);
    }
    ask.offset = static_cast<int64_t>(page_number - 1) * options_.per_page;
    ask.limit = options_.per_page;
    ask.mark_open_at = domain::Now();
    ask.details = true;
    ask.facets = true;
    auto result = index_.Search(ask);
    if (!result || !result->facets) return Failure(visit);
    const search::FacetCounts* facets = &*result->facets;

    QueryList current = {{"q", q},         {"thema", thema}, {"taal", taal}, {"plaats", plaats},
                         {"soort", soort}, {"open", open},   {"bij", bij}};
    std::string base = language.prefix() + (topic ? "/thema/" + thema : "/zoeken");
    std::string heading = topic       ? TermLabel(*topic, language)
                          : q.empty() ? language.Translate(Msgid("RESULTS_ALL"))
                                      : Language::Fill(language.Translate(Msgid("RESULTS_FOR")),
                                                       std::span<const std::string>(&q, 1));
    std::string count =
        language.TranslatePlural(Msgid("RESULT_COUNT"), "{1} resultaten", result->total);
    return Render(
        visit, 200, heading, "results.tpl",
        [&](TemplateDictionary& page) {
          page.SetValue("HEADING", heading);
          page.SetValue("BASE", base);
          page.SetValue("Q", q);
          page.SetValue("COUNT", count);
          for (const auto& [name, value] : current) {
            if (name == "q" || value.empty()) continue;
            TemplateDictionary* keep = page.AddSectionDictionary("KEEP");
            keep->SetValue("NAME", name);
            keep->SetValue("VALUE", value);
          }
          if (!result->did_you_mean.empty()) {
            std::string pattern = language.Translate(Msgid("DID_YOU_MEAN"));
            size_t slot = pattern.find("{1}");
            TemplateDictionary* hint = page.AddSectionDictionary("DID_YOU_MEAN");
            hint->SetValue("BEFORE", pattern.substr(0, slot));
            hint->SetValue("AFTER", slot == std::string::npos ? "" : pattern.substr(slot + 3));
            hint->SetValue("WORDS", result->did_you_mean);
            QueryList corrected = current;
            corrected[0].second = result->did_you_mean;
            hint->SetValue("URL", WithQuery(base, corrected));
          }
          if (result->hits.empty()) page.ShowSection("NONE");
          json::array points;
          for (const search::Hit& hit : result->hits) {
            auto service = store_.Get(Table::kService, hit.id);
            if (!service || !*service) continue;
            const Record& record = **service;
            TemplateDictionary* item = page.AddSectionDictionary("RESULT");
            Text name = Localised(record, "name", language);
            std::string url = language.prefix() + "/dienst/" + hit.id;
            item->SetValue("NAME", name.text);
            item->SetValue("URL", url);
            if (name.language != language.code()) {
              item->SetValueAndShowSection("CODE", name.language, "NAME_LANG");
            }
            if (auto owner = record.Get("organization_id")) {
              auto organization = store_.Get(Table::kOrganization, *owner);
              if (organization && *organization) {
                item->SetValue("ORGANIZATION", Value(**organization, "name"));
              }
            }
            if (hit.open) item->ShowSection("OPEN");
            if (hit.distance_m) {
              std::string km = language.Number(*hit.distance_m / 1000, 1);
              item->SetValueAndShowSection("TEXT",
                                           Language::Fill(language.Translate(Msgid("DISTANCE")),
                                                          std::span<const std::string>(&km, 1)),
                                           "DISTANCE");
            }
            if (!hit.languages.empty()) {
              std::string list;
              for (const std::string& code : hit.languages) {
                list += (list.empty() ? "" : ", ") + LanguageAutonym(code);
              }
              item->SetValueAndShowSection("LIST", list, "LANGS");
            }
            if (!hit.places.empty()) {
              points.push_back(json::object{{"lat", hit.places[0].latitude},
                                            {"lon", hit.places[0].longitude},
                                            {"name", name.text},
                                            {"url", url}});
            }
          }
          if (!points.empty())
            page.SetValueAndShowSection("POINTS", json::serialize(points), "MAP");
          // Paging.
          int64_t pages = (result->total + options_.per_page - 1) / options_.per_page;
          if (pages > 1) {
            TemplateDictionary* nav = page.AddSectionDictionary("PAGES");
            std::vector<std::string> numbers = {language.Integer(page_number),
                                                language.Integer(pages)};
            nav->SetValue("LABEL", Language::Fill(language.Translate(Msgid("PAGE_OF")), numbers));
            auto link = [&](int number) {
              QueryList with_page = current;
              with_page.emplace_back("pagina", number > 1 ? std::to_string(number) : "");
              return WithQuery(base, with_page);
            };
            if (page_number > 1)
              nav->SetValueAndShowSection("URL", link(page_number - 1), "PREVIOUS");
            if (page_number < pages && page_number < kMaxPage) {
              nav->SetValueAndShowSection("URL", link(page_number + 1), "NEXT");
            }
          }
          // Filters: each group a choice, "Alles" first.
          auto group =
              [&](std::string_view legend_key, const std::string& name, const std::string& selected,
                  const std::vector<std::tuple<std::string, std::string, int64_t>>& options) {
                if (options.empty() && selected.empty()) return;
                TemplateDictionary* fieldset = page.AddSectionDictionary("GROUP");
                fieldset->SetValue("LEGEND", language.Translate(Msgid(legend_key)));
                auto option = [&](const std::string& value, const std::string& label,
                                  std::optional<int64_t> n, int index) {
                  TemplateDictionary* choice = fieldset->AddSectionDictionary("OPTION");
                  choice->SetValue("ID", name + "-" + std::to_string(index));
                  choice->SetValue("NAME", name);
                  choice->SetValue("VALUE", value);
                  choice->SetValue("LABEL", label);
                  if (n) choice->SetValueAndShowSection("N", language.Integer(*n), "COUNT");
                  if (value == selected) choice->ShowSection("CHECKED");
                };
                option("", language.Translate(Msgid("ANY")), std::nullopt, 0);
                int index = 1;
                for (const auto& [value, label, n] : options) option(value, label, n, index++);
              };
          if (!topic) {
            std::vector<std::tuple<std::string, std::string, int64_t>> topics;
            for (const search::FacetCount& count : facets->terms) {
              if (const auto* term = NeedById(count.key)) {
                topics.emplace_back(std::string(term->slug), TermLabel(*term, language), count.count);
              }
            }
            group("FILTER_TOPIC", "thema", thema, topics);
          }
          std::vector<std::tuple<std::string, std::string, int64_t>> languages, cities, kinds;
          for (const auto& count : facets->languages) {
            languages.emplace_back(count.key, LanguageAutonym(count.key), count.count);
          }
          for (const auto& count : facets->cities) {
            cities.emplace_back(count.key, count.key, count.count);
          }
          for (const auto& count : facets->kinds) {
            if (const auto* kind = KindBySlug(count.key)) {
              kinds.emplace_back(count.key, TermLabel(*kind, language), count.count);
            }
          }
          group("FILTER_LANGUAGE", "taal", taal, languages);
          group("FILTER_CITY", "plaats", plaats, cities);
          group("FILTER_KIND", "soort", soort, kinds);
          if (open == "nu") page.ShowSection("OPEN_CHECKED");
          page.SetValue("CLEAR_URL", WithQuery(base, {{"q", q}}));
        },
        true);
  }

  http::Response Render(const Visit& visit, unsigned status, const std::string& title,
                        std::string_view content,
                        const std::function<void(TemplateDictionary&)>& fill, bool map = false,
                        std::vector<std::string> cookies = {}) const {
    return layout_.Render(visit, status, title, content, fill, map, std::move(cookies));
  }

  store::Store& store_;
  search::SearchIndex& index_;
  const WebOptions options_;
  const Layout layout_;
  RateLimiter reports_;
};

}  // namespace

void AddWebRoutes(http::Router& router, store::Store& store, search::SearchIndex& index,
                  const WebOptions& options) {
  auto site = std::make_shared<Site>(store, index, options);
  using Page = std::function<http::Response(Site&, const Visit&)>;
  auto page = [&](beast_http::verb method, const std::string& path, Page handler) {
    AddPage(router, method, path, domain::Permission::kPublic,
            [site, handler](const Visit& visit) { return handler(*site, visit); });
  };
  const auto get = beast_http::verb::get;
  page(get, "/", [](Site& s, const Visit& v) { return s.Home(v); });
  page(get, "/zoeken", [](Site& s, const Visit& v) { return s.Search(v); });
  page(get, "/thema/{slug}", [](Site& s, const Visit& v) { return s.Topic(v); });
  page(get, "/dienst/{id}", [](Site& s, const Visit& v) { return s.Service(v); });
  page(get, "/organisatie/{id}", [](Site& s, const Visit& v) { return s.Organization(v); });
  page(get, "/over", [](Site& s, const Visit& v) { return s.Static(v, "ABOUT"); });
  page(get, "/privacy", [](Site& s, const Visit& v) { return s.Static(v, "PRIVACY"); });
  page(get, "/toegankelijkheid",
       [](Site& s, const Visit& v) { return s.Static(v, "ACCESSIBILITY"); });
  page(beast_http::verb::post, "/dienst/{id}", [](Site& s, const Visit& v) { return s.Report(v); });
  // Every other address under a language prefix: a 404 page in that language.
  for (const Language& language : Languages()) {
    const std::string prefix = language.prefix();
    const Language* chosen = &language;
    router.Prefix(get, prefix + "/", domain::Permission::kPublic,
                  [site, chosen, prefix](const http::RequestContext& context) {
                    std::string path(context.path.substr(prefix.size()));
                    return site->NotFound(Visit{context, *chosen, path.empty() ? "/" : path});
                  });
  }
  // A malformed address (bad percent-encoding, invalid UTF-8) gets a page in the language its
  // prefix names, not the API's JSON.
  router.OnMalformedPage([site](const http::Request& request, const Error&) {
    std::string_view target = request.target();
    const Language* language = &Dutch();
    for (const Language& other : Languages()) {
      std::string prefix = other.prefix() + "/";
      if (!other.prefix().empty() && target.starts_with(prefix)) language = &other;
    }
    http::RequestContext context{request, "", {}, {}, "malformed"};
    return site->Info(Visit{context, *language, "/"}, 400, "BAD_REQUEST_TITLE",
                      {language->Translate(Msgid("NOT_FOUND_TEXT"))}, true);
  });
  router.Get("/sitemap.xml", domain::Permission::kPublic,
             [site](const http::RequestContext& context) { return site->Sitemap(context); });
  // Unknown API addresses stay JSON.
  router.Prefix(beast_http::verb::get, "/api/", domain::Permission::kPublic,
                [](const http::RequestContext& context) {
                  return http::JsonError(context.request,
                                         NotFound("There is no endpoint at this address."));
                });
}

}  // namespace knooppunt::web
