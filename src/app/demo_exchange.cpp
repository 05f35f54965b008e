#include "app/demo_exchange.h"

#include <string>
#include <string_view>
#include <vector>

#include "domain/permissions.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "store/posting_store.h"
#include "store/store.h"

namespace knooppunt::app {
namespace {

// A weekly slot bit (match/availability.h): weekday 0 = Monday, part 0 morning, 1 afternoon,
// 2 evening.
constexpr uint32_t Slot(int weekday, int part) { return 1u << (weekday * 3 + part); }
constexpr uint32_t kSaturdayMorning = Slot(5, 0);
constexpr uint32_t kSundayAfternoon = Slot(6, 1);
constexpr uint32_t kWeekdayEvenings = Slot(0, 2) | Slot(1, 2) | Slot(2, 2) | Slot(3, 2);

struct Town {
  std::string_view name;
  double latitude;
  double longitude;
};
constexpr Town kDenHaag{"Den Haag", 52.0705, 4.3007};
constexpr Town kRijswijk{"Rijswijk", 52.0367, 4.3250};
constexpr Town kDelft{"Delft", 52.0116, 4.3571};
constexpr Town kUtrecht{"Utrecht", 52.0907, 5.1214};
constexpr Town kEnschede{"Enschede", 52.2215, 6.8937};
constexpr Town kGroningen{"Groningen", 53.2194, 6.5665};
constexpr Town kHoogezand{"Hoogezand", 53.1616, 6.7606};
constexpr Town kLeeuwarden{"Leeuwarden", 53.2012, 5.7999};

// One demo posting: by an organisation (its demo key) or, without one, by a fictional person.
struct PostingDef {
  std::string_view key;
  std::string_view organization = {};  // demo organisation key; empty: a person's own posting
  std::string_view kind;
  std::string_view side;
  std::string_view title;
  std::string_view description;
  Town town;
  std::vector<std::string> languages;
  uint32_t availability = 0;
  int capacity = 1;
  std::vector<std::string> certificates = {};
  std::string_view min_dutch = {};
  int min_age = 0;
  std::string_view goods_category = {};
  std::string_view delivery = {};
  int seats = 0;
  std::vector<std::string> facilities = {};
  int price_cents = -1;  // -1: no price given
};

// A fictional person who agreed to be matched.
struct PersonDef {
  std::string_view key;
  std::vector<std::string> wants;
  std::vector<std::pair<std::string, std::string>> languages;
  uint32_t availability;
  Town town;
  double travel_km;
  std::vector<std::pair<std::string, std::string>> certificates = {};
};

const std::vector<PostingDef>& Postings() {
  static const std::vector<PostingDef> kPostings = {
      {.key = "gebedsruimte-gezocht",
       .organization = "kerkenloket-haaglanden",
       .kind = "space",
       .side = "request",
       .title = "Gebedsruimte gezocht voor een gemeente van 80 mensen",
       .description = "Een jonge Franstalige migrantenkerk zoekt een vaste plek voor de dienst op "
                      "zondagmiddag. Graag met een keuken voor de koffie na afloop.",
       .town = kDenHaag,
       .languages = {"fr", "en"},
       .availability = kSundayAfternoon,
       .capacity = 80,
       .facilities = {"prayer_space", "kitchen"}},
      {.key = "zaal-zaterdag",
       .organization = "living-waters-den-haag",
       .kind = "space",
       .side = "offer",
       .title = "Kerkzaal voor 120 mensen op zaterdag",
       .description = "Onze zaal is op zaterdag vrij. Er is een keuken en de zaal is zonder "
                      "drempels te bereiken. We vragen een kleine bijdrage voor licht en "
                      "verwarming.",
       .town = kDenHaag,
       .languages = {"en", "nl"},
       .availability = kSaturdayMorning | Slot(5, 1),
       .seats = 120,
       .facilities = {"kitchen", "step_free", "prayer_space"},
       .price_cents = 5000},
      {.key = "theehuis",
       .organization = "moskee-laak",
       .kind = "space",
       .side = "offer",
       .title = "Ruimte voor bijeenkomsten in ons theehuis",
       .description = "Voor buurtgroepen en verenigingen: het theehuis naast de moskee is op "
                      "doordeweekse avonden gratis te gebruiken.",
       .town = kDenHaag,
       .languages = {"tr", "nl"},
       .availability = kWeekdayEvenings,
       .seats = 30,
       .facilities = {"kitchen"},
       .price_cents = 0},
      {.key = "taalmaatjes-enschede",
       .organization = "platform-meedoen-enschede",
       .kind = "volunteer_work",
       .side = "request",
       .title = "Taalmaatjes gezocht",
       .description = "Oefen een uur per week Nederlands met een statushouder. Samen koffie "
                      "drinken, boodschappen doen of een wandeling maken: praten is het "
                      "belangrijkste.",
       .town = kEnschede,
       .languages = {"nl"},
       .availability = kWeekdayEvenings | kSaturdayMorning,
       .capacity = 10,
       .min_dutch = "B2"},
      {.key = "wandelgroep",
       .organization = "platform-meedoen-enschede",
       .kind = "volunteer_work",
       .side = "request",
       .title = "Begeleiders voor de wandelgroep op zaterdag",
       .description = "Elke zaterdagochtend wandelen nieuwe en oude Enschedeërs samen door de "
                      "stad. We zoeken mensen die de route kennen en graag praten.",
       .town = kEnschede,
       .languages = {"nl"},
       .availability = kSaturdayMorning,
       .capacity = 3},
      {.key = "welkomstdag",
       .organization = "groninger-kansen",
       .kind = "volunteer_work",
       .side = "request",
       .title = "Vrijwilligers voor de welkomstdag",
       .description = "Op de welkomstdag leren nieuwkomers hun dorp kennen. Help mee met de "
                      "rondleiding en de lunch. Een VOG is nodig, wij vragen hem voor je aan.",
       .town = kHoogezand,
       .languages = {"nl"},
       .availability = kSaturdayMorning,
       .capacity = 4,
       .certificates = {"vog"},
       .min_age = 18},
      {.key = "tolken-groningen",
       .organization = "rechtshulp-noord",
       .kind = "volunteer_work",
       .side = "request",
       .title = "Tolken Tigrinya en Arabisch voor het spreekuur",
       .description = "Ons juridisch spreekuur heeft tolken nodig. Je vertaalt tussen de "
                      "jurist en de bezoeker. Alles wat je hoort, blijft geheim.",
       .town = kGroningen,
       .languages = {"ti", "ar"},
       .availability = Slot(1, 1) | Slot(3, 1),
       .capacity = 2,
       .min_dutch = "B1"},
      {.key = "geldmaatjes",
       .organization = "geldmaatjes-haaglanden",
       .kind = "volunteer_work",
       .side = "request",
       .title = "Geldmaatjes gezocht",
       .description = "Help iemand een paar maanden met post, rekeningen en toeslagen. Je krijgt "
                      "eerst een training.",
       .town = kRijswijk,
       .languages = {"nl"},
       .availability = kWeekdayEvenings,
       .capacity = 5,
       .certificates = {"vog"},
       .min_age = 18},
      {.key = "fietsen",
       .organization = "thuis-in-fryslan",
       .kind = "goods",
       .side = "offer",
       .title = "Opgeknapte fietsen voor statushouders",
       .description = "Zes fietsen, nagekeken en met slot. Op te halen in Leeuwarden.",
       .town = kLeeuwarden,
       .languages = {"nl", "ar"},
       .capacity = 6,
       .goods_category = "fiets",
       .delivery = "pickup"},
      {.key = "verhuizen",
       .organization = "welkom-in-delft",
       .kind = "practical_help",
       .side = "offer",
       .title = "Hulp bij verhuizen naar je nieuwe huis",
       .description = "Buurtbewoners met een bus helpen op zaterdag met dozen en meubels.",
       .town = kDelft,
       .languages = {"nl", "en"},
       .availability = kSaturdayMorning | Slot(5, 1),
       .capacity = 2},
      {.key = "training-sleutelpersonen",
       .organization = "gezondheid-in-eigen-taal",
       .kind = "expertise",
       .side = "offer",
       .title = "Training voor sleutelpersonen: praten over gezondheid",
       .description = "Een training van drie avonden voor mensen uit kerken, moskeeën en "
                      "verenigingen die in hun eigen taal voorlichting willen geven.",
       .town = kUtrecht,
       .languages = {"ar", "ti", "so", "tr"},
       .availability = Slot(2, 2),
       .capacity = 12},
      {.key = "maatje-groningen",
       .kind = "buddy",
       .side = "request",
       .title = "Maatje gezocht om Nederlands te oefenen",
       .description = "Ik woon sinds een jaar in Groningen en wil graag beter Nederlands praten. "
                      "Ik houd van koken en wandelen.",
       .town = kGroningen,
       .languages = {"ar", "nl"},
       .availability = kWeekdayEvenings},
      {.key = "kinderwagen",
       .kind = "goods",
       .side = "request",
       .title = "Kinderwagen gezocht",
       .description = "Voor onze baby van twee maanden. Ophalen kan met de bus in Den Haag.",
       .town = kDenHaag,
       .languages = {"so", "nl"},
       .goods_category = "kinderwagen",
       .delivery = "either"},
      {.key = "formulieren",
       .kind = "practical_help",
       .side = "request",
       .title = "Hulp bij formulieren van de gemeente",
       .description = "Ik krijg brieven die ik niet goed begrijp. Wie helpt mij een keer per "
                      "maand?",
       .town = kEnschede,
       .languages = {"ti", "nl"},
       .availability = Slot(0, 1) | Slot(4, 1)},
  };
  return kPostings;
}

const std::vector<PersonDef>& People() {
  static const std::vector<PersonDef> kPeople = {
      {"groningen-1", {"volunteer_work:offer", "buddy:offer"}, {{"nl", "C2"}, {"ar", ""}},
       kWeekdayEvenings | Slot(1, 1), kGroningen, 15},
      {"groningen-2", {"volunteer_work:offer"}, {{"nl", "B2"}, {"ti", ""}}, Slot(3, 1) | Slot(1, 1),
       kGroningen, 10},
      {"groningen-3", {"buddy:offer"}, {{"nl", "C2"}, {"en", ""}}, kWeekdayEvenings, kGroningen, 5},
      {"hoogezand-1", {"volunteer_work:offer"}, {{"nl", "C2"}}, kSaturdayMorning, kHoogezand, 20,
       {{"vog", "2027-06-30"}}},
      {"enschede-1", {"volunteer_work:offer", "practical_help:offer"}, {{"nl", "C1"}, {"ti", ""}},
       kWeekdayEvenings | kSaturdayMorning | Slot(0, 1), kEnschede, 10},
      {"enschede-2", {"volunteer_work:offer"}, {{"nl", "B2"}}, kSaturdayMorning, kEnschede, 8},
      {"den-haag-1", {"goods:offer", "space:request"}, {{"nl", "B1"}, {"so", ""}}, kSundayAfternoon,
       kDenHaag, 10},
  };
  return kPeople;
}

std::string DemoId(std::string_view kind, std::string_view key) {
  return domain::NameUuid("demo:" + std::string(kind) + ":" + std::string(key));
}

// A demo account that cannot sign in ("!" is no password hash); made once.
Status EnsureAccount(store::Store& store, const std::string& id, std::string_view key,
                     std::string_view name, const std::string& now) {
  auto existing = store.accounts().AccountById(id);
  if (!existing) return existing.error();
  if (existing->has_value()) return {};
  return store.accounts().CreateAccount({.id = id,
                                         .email = "demo-" + std::string(key) + "@knooppunt.example",
                                         .password_hash = "!",
                                         .display_name = std::string(name),
                                         .email_verified_at = now,
                                         .created_at = now});
}

}  // namespace

Status LoadDemoExchange(store::Store& store) {
  const std::string now = domain::FormatUtc(domain::Now());
  store::PostingStore& postings = store.postings();
  for (const PostingDef& def : Postings()) {
    std::string id = DemoId("posting", def.key);
    auto existing = postings.PostingById(id);
    if (!existing) return existing.error();
    if (existing->has_value()) continue;
    std::string author_key =
        def.organization.empty() ? "person-" + std::string(def.key) : std::string(def.organization);
    std::string author = DemoId("account", author_key);
    std::string name = def.organization.empty() ? "Demo" : "Demo " + std::string(def.organization);
    if (Status made = EnsureAccount(store, author, author_key, name, now); !made) return made;
    store::PostingRecord posting{.id = id,
                                 .kind = std::string(def.kind),
                                 .side = std::string(def.side),
                                 .status = "open",
                                 .author_id = author,
                                 .title = std::string(def.title),
                                 .description = std::string(def.description),
                                 .languages = def.languages,
                                 .place_name = std::string(def.town.name),
                                 .latitude = def.town.latitude,
                                 .longitude = def.town.longitude,
                                 .radius_km = 15,
                                 .availability = def.availability,
                                 .capacity = def.capacity,
                                 .certificates = def.certificates,
                                 .min_age = def.min_age,
                                 .goods_category = std::string(def.goods_category),
                                 .delivery = std::string(def.delivery),
                                 .seats = def.seats,
                                 .facilities = def.facilities,
                                 .created_at = now};
    if (!def.organization.empty()) {
      posting.organization_id = DemoId("organization", def.organization);
      domain::Grant keeper{domain::Role::kOrganizationMember, *posting.organization_id};
      auto account = store.accounts().AccountById(author);
      if (!account) return account.error();
      bool has = false;
      for (const domain::Grant& grant : (*account)->grants) {
        has = has || (grant.role == keeper.role && grant.scope == keeper.scope);
      }
      if (!has) {
        if (Status granted = store.accounts().AddGrant(author, keeper); !granted) return granted;
      }
    }
    if (!def.min_dutch.empty()) posting.min_dutch = std::string(def.min_dutch);
    if (def.price_cents >= 0) posting.price_cents = def.price_cents;
    if (Status created = postings.CreatePosting(posting); !created) return created;
  }
  for (const PersonDef& def : People()) {
    std::string key = "person-" + std::string(def.key);
    std::string account = DemoId("account", key);
    if (Status made = EnsureAccount(store, account, key, "Demo", now); !made) return made;
    auto existing = postings.ProfileOf(account);
    if (!existing) return existing.error();
    if (existing->has_value()) continue;
    store::ProfileRecord profile{.account_id = account,
                                 .consent_at = now,
                                 .wants = def.wants,
                                 .languages = def.languages,
                                 .availability = def.availability,
                                 .place_name = std::string(def.town.name),
                                 .latitude = def.town.latitude,
                                 .longitude = def.town.longitude,
                                 .travel_km = def.travel_km,
                                 .certificates = def.certificates};
    if (Status saved = postings.SaveProfile(profile); !saved) return saved;
  }
  return {};
}

}  // namespace knooppunt::app
