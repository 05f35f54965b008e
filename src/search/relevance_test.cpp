// The relevance suite: a small social map written for it, and one test per behaviour of the
// search issue (words, filters, facets, ranking). Each would fail without the behaviour.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "domain/taxonomy.h"
#include "search/query_builder.h"
#include "search/search_index.h"
#include "search/search_testing.h"

namespace knooppunt::search {
namespace {

using testing::OrganizationSpec;
using testing::Place;
using testing::ServiceId;
using testing::ServiceSpec;

const Place kGroningen{"Groningen", 53.2194, 6.5665};
const Place kHaren{"Haren", 53.1700, 6.6040};
const Place kAssen{"Assen", 52.9925, 6.5649, "9401 AA"};
const Place kZuidhorn{"Zuidhorn", 53.2460, 6.4040};

std::string MonthsAgo(int months) {
  using namespace std::chrono;
  year_month_day today{floor<days>(system_clock::now())};
  year_month_day then =
      year_month_day{today.year() / today.month() / 1} - std::chrono::months(months);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-01", static_cast<int>(then.year()),
                static_cast<unsigned>(then.month()));
  return text;
}

class Relevance : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    map_ = new testing::TestMap();
    for (const OrganizationSpec& org : std::vector<OrganizationSpec>{
             {.key = "kb", .name = "Leger des Heils"},
             {.key = "vw", .name = "Vluchtelingenwerk Noord"},
             {.key = "mq", .name = "Moskee Selimiye", .kind = "mosque"},
             {.key = "ch", .name = "Eritrese kerk", .kind = "migrant-church"},
             {.key = "sn", .name = "Stichting Noord", .verified_on = MonthsAgo(1)},
             {.key = "sz", .name = "Stichting Zuid"},
             {.key = "sw", .name = "Stichting West", .verified_on = "2019-05-01"},
         }) {
      map_->Add(org);
    }
    std::vector<ServiceSpec> services = {
        {.key = "voedselbank",
         .organization = "kb",
         .name = "Voedselbank",
         .description = "Pakketten met eten voor gezinnen met een laag inkomen, elke woensdag.",
         .needs = {"voedsel"},
         .languages = {"nl", "en"},
         .places = {kGroningen},
         .hours = {{"WE", "13:00", "16:00"}}},
        {.key = "inloop",
         .organization = "kb",
         .name = "Inloopspreekuur",
         .description = "Vragen over de voedselbank? De voedselbank helpt u verder.",
         .needs = {"noodhulp"},
         .places = {kAssen}},
        {.key = "kledingbank",
         .organization = "kb",
         .name = "Kledingbank",
         .description = "Gratis jassen en schoenen voor nieuwkomers.",
         .places = {kAssen}},
        {.key = "schuldhulp",
         .organization = "vw",
         .name = "Schuldhulpverlening",
         .description = "Samen orde in uw geldzaken.",
         .languages = {"nl", "ar"},
         .places = {kGroningen},
         .hours = {{"TU", "09:00", "12:00"}},
         .minimum_age = 18},
        {.key = "taalles",
         .organization = "vw",
         .name = "Taalles voor beginners",
         .description = "Elke week Nederlands leren in een kleine groep.",
         .needs = {"taal"},
         .languages = {"nl", "ti"},
         .places = {kHaren},
         .hours = {{"MO,TH", "19:00", "21:00"}}},
        {.key = "coordinatie",
         .organization = "vw",
         .name = "Coördinatie vrijwilligers",
         .description = "Wij koppelen vrijwilligers aan taken.",
         .places = {kGroningen}},
        {.key = "buddy",
         .organization = "vw",
         .name = "Buddy project",
         .description = "Een vaste buddy die u wegwijs maakt in de stad.",
         .needs = {"meedoen"},
         .languages = {"ti", "en"},
         .places = {kZuidhorn}},
        {.key = "gebed",
         .organization = "mq",
         .name = "Gebedsruimte en koffie",
         .description = "Open huis na het vrijdaggebed.",
         .needs = {"geloof"},
         .languages = {"ar", "tr"},
         .places = {kGroningen},
         .hours = {{"FR", "12:00", "15:00"}}},
        {.key = "huiswerk",
         .organization = "ch",
         .name = "Huiswerkbegeleiding",
         .description = "Hulp bij huiswerk voor kinderen.",
         .needs = {"onderwijs", "jongeren"},
         .places = {kGroningen},
         .minimum_age = 6,
         .maximum_age = 18},
    };
    for (const char* org : {"sn", "sz", "sw"}) {
      services.push_back({.key = std::string("eten-") + org,
                          .organization = org,
                          .name = "Samen eten",
                          .description = "Gezamenlijke maaltijd op dinsdag.",
                          .places = {kGroningen}});
    }
    for (const Place& place : {kHaren, kAssen}) {
      services.push_back({.key = "fiets-" + place.city,
                          .organization = "vw",
                          .name = "Fietsles",
                          .description = "Leren fietsen in het verkeer.",
                          .places = {place}});
    }
    for (const ServiceSpec& service : services) map_->Add(service);
    auto index = SearchIndex::Open(map_->store(), {.path = map_->index_path()});
    ASSERT_TRUE(index.ok()) << index.error().message;
    index_ = index->release();
  }

  static void TearDownTestSuite() {
    delete index_;
    delete map_;
  }

  static SearchResult Find(SearchQuery query) {
    query.limit = 100;
    auto result = index_->Search(query);
    EXPECT_TRUE(result.ok()) << result.error().message;
    return result.ok() ? *result : SearchResult{};
  }

  static std::vector<std::string> Ids(const SearchQuery& query) {
    std::vector<std::string> ids;
    for (const Hit& hit : Find(query).hits) ids.push_back(hit.id);
    return ids;
  }

  static bool Finds(const SearchQuery& query, const std::string& key) {
    auto ids = Ids(query);
    return std::find(ids.begin(), ids.end(), ServiceId(key)) != ids.end();
  }

  static std::vector<std::string> Keys(std::initializer_list<const char*> keys) {
    std::vector<std::string> ids;
    for (const char* key : keys) ids.push_back(ServiceId(key));
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static std::vector<std::string> SortedIds(const SearchQuery& query) {
    auto ids = Ids(query);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static const Hit* HitFor(const SearchResult& result, const std::string& key) {
    for (const Hit& hit : result.hits) {
      if (hit.id == ServiceId(key)) return &hit;
    }
    return nullptr;
  }

  static double Part(const Hit& hit, std::string_view name) {
    for (const ScorePart& part : hit.parts) {
      if (part.name == name) return part.score;
    }
    return 0;
  }

  static inline testing::TestMap* map_ = nullptr;
  static inline SearchIndex* index_ = nullptr;
};

// --- Words -------------------------------------------------------------------------------------

TEST_F(Relevance, DutchStemmingMatchesPlurals) {
  EXPECT_TRUE(Finds({.text = "gezin"}, "voedselbank"));   // "gezinnen"
  EXPECT_TRUE(Finds({.text = "pakket"}, "voedselbank"));  // "pakketten"
}

TEST_F(Relevance, EnglishStemmingReachesTermLabels) {
  EXPECT_TRUE(Finds({.text = "languages"}, "taalles"));  // label "Dutch language"
}

TEST_F(Relevance, IgnoresCaseAndAccents) {
  EXPECT_TRUE(Finds({.text = "coordinatie"}, "coordinatie"));
  EXPECT_TRUE(Finds({.text = "COÖRDINATIE"}, "coordinatie"));
  EXPECT_TRUE(Finds({.text = "Coördinatie vrijwilligers"}, "coordinatie"));
}

TEST_F(Relevance, SplitsCompoundsInTheText) {
  EXPECT_TRUE(Finds({.text = "kleding"}, "kledingbank"));
  EXPECT_TRUE(Finds({.text = "schulden"}, "schuldhulp"));
  EXPECT_TRUE(Finds({.text = "ruimte"}, "gebed"));  // "Gebedsruimte"
}

TEST_F(Relevance, SynonymsMatchWholeWordsOnly) {
  // woning ~ huis: "Open huis na het vrijdaggebed" has the word, "Huiswerkbegeleiding" a part.
  EXPECT_TRUE(Finds({.text = "woning"}, "gebed"));
  EXPECT_FALSE(Finds({.text = "woning"}, "huiswerk"));
}

TEST_F(Relevance, SplitsCompoundsInTheQuery) {
  EXPECT_TRUE(Finds({.text = "taallessen"}, "taalles"));
  EXPECT_TRUE(Finds({.text = "huiswerkhulp"}, "huiswerk"));  // "huiswerk" + "hulp"
}

// Whether "koffieochtend" finds "Koffie in de ochtend" when `whole` other listings have the
// whole word.
bool SplitWithListingsOfTheWholeWord(Xapian::doccount whole) {
  testing::TestMap map;
  map.Add(testing::OrganizationSpec{.key = "org", .name = "Stichting Noord"});
  map.Add(ServiceSpec{.key = "apart", .organization = "org", .name = "Koffie in de ochtend"});
  for (Xapian::doccount i = 0; i < whole; ++i) {
    map.Add(ServiceSpec{.key = "whole" + std::to_string(i),
                        .organization = "org",
                        .name = "Koffieochtend " + std::to_string(i)});
  }
  auto index = SearchIndex::Open(map.store(), {.path = map.index_path()});
  EXPECT_TRUE(index.ok()) << index.error().message;
  if (!index.ok()) return false;
  auto result = (*index)->Search({.text = "koffieochtend", .limit = 100});
  EXPECT_TRUE(result.ok());
  if (!result.ok()) return false;
  return std::any_of(result->hits.begin(), result->hits.end(),
                     [](const Hit& hit) { return hit.id == ServiceId("apart"); });
}

TEST(RelevanceOfCommonWords, OnlyARareCompoundIsSplit) {
  // (The count is of documents: the organisation's own document has its services' words too.)
  EXPECT_TRUE(SplitWithListingsOfTheWholeWord(1));
  EXPECT_FALSE(SplitWithListingsOfTheWholeWord(kSplitBelow));
}

// Whether "voedsel" finds a listing linked to the need Voedsel that does not say the word, when
// `saying` other listings say it.
bool LabelWithListingsSayingTheWord(int saying) {
  testing::TestMap map;
  map.Add(testing::OrganizationSpec{.key = "org", .name = "Stichting Noord"});
  map.Add(ServiceSpec{.key = "linked",
                      .organization = "org",
                      .name = "Tafeltje dekje",
                      .description = "Elke week een pakket.",
                      .needs = {"voedsel"}});
  for (int i = 0; i < saying; ++i) {
    map.Add(ServiceSpec{.key = "saying" + std::to_string(i),
                        .organization = "org",
                        .name = "Maaltijd " + std::to_string(i),
                        .description = "Warm voedsel."});
  }
  auto index = SearchIndex::Open(map.store(), {.path = map.index_path()});
  EXPECT_TRUE(index.ok()) << index.error().message;
  if (!index.ok()) return false;
  auto result = (*index)->Search({.text = "voedsel", .limit = 1000});
  EXPECT_TRUE(result.ok());
  if (!result.ok()) return false;
  EXPECT_GE(result->total, saying);
  return std::any_of(result->hits.begin(), result->hits.end(),
                     [](const Hit& hit) { return hit.id == ServiceId("linked"); });
}

TEST(RelevanceOfCommonWords, OnlyAWordThatIsNotCommonFindsThroughNeedLabels) {
  EXPECT_TRUE(LabelWithListingsSayingTheWord(1));
  // 300 of some 500 documents (listings, their organisation, taxonomy terms) have the word.
  EXPECT_FALSE(LabelWithListingsSayingTheWord(300));
}

TEST_F(Relevance, ToleratesTyposInLongerWordsAndSaysSo) {
  SearchResult result = Find({.text = "voedselbnak"});
  EXPECT_NE(HitFor(result, "voedselbank"), nullptr);
  EXPECT_EQ(result.did_you_mean, "voedselbank");
  EXPECT_TRUE(Finds({.text = "schuldhulpverlenign"}, "schuldhulp"));
}

TEST_F(Relevance, LeavesShortWordsAlone) {
  SearchResult result = Find({.text = "eteb"});  // four letters: too short to guess
  EXPECT_TRUE(result.hits.empty());
  EXPECT_TRUE(result.did_you_mean.empty());
}

TEST_F(Relevance, ExpandsSynonyms) {
  EXPECT_TRUE(Finds({.text = "maatje"}, "buddy"));
  EXPECT_TRUE(Finds({.text = "voedselhulp"}, "voedselbank"));
}

TEST_F(Relevance, FindsThroughTermLabelsInEveryLanguage) {
  EXPECT_TRUE(Finds({.text = "food"}, "voedselbank"));
  EXPECT_TRUE(Finds({.text = "الطعام"}, "voedselbank"));
  EXPECT_TRUE(Finds({.text = "طعام", .language = "ar"}, "voedselbank"));
  EXPECT_TRUE(Finds({.text = "መግቢ"}, "voedselbank"));  // Tigrinya: no stemmer, the word itself
}

TEST_F(Relevance, EveryWordMustMatch) {
  EXPECT_TRUE(Finds({.text = "fietsles haren"}, "fiets-Haren"));
  EXPECT_FALSE(Finds({.text = "fietsles haren"}, "fiets-Assen"));
}

TEST_F(Relevance, NoHitsIsAnEmptyResult) {
  SearchResult result = Find({.text = "xylofoonreparatie"});
  EXPECT_TRUE(result.hits.empty());
  EXPECT_EQ(result.total, 0);
}

// --- Filters -----------------------------------------------------------------------------------

TEST_F(Relevance, FiltersByTermIncludingItsChildren) {
  EXPECT_EQ(SortedIds({.taxonomy_term_id = domain::TermId("needs", "armoede")}), Keys({"inloop"}));
  EXPECT_EQ(SortedIds({.taxonomy_term_id = domain::TermId("needs", "noodhulp")}), Keys({"inloop"}));
}

TEST_F(Relevance, FiltersByOrganisationKind) {
  EXPECT_EQ(SortedIds({.organization_kind = "mosque"}), Keys({"gebed"}));
}

TEST_F(Relevance, FiltersByLanguageOffered) {
  EXPECT_EQ(SortedIds({.language_offered = "ti"}), Keys({"taalles", "buddy"}));
}

TEST_F(Relevance, FiltersByCityIgnoringCase) {
  EXPECT_EQ(SortedIds({.city = "ASSEN"}), Keys({"inloop", "kledingbank", "fiets-Assen"}));
}

TEST_F(Relevance, FiltersByRadius) {
  domain::LatLon centre{kGroningen.latitude, kGroningen.longitude};
  auto within10 = SortedIds({.near = centre, .radius_km = 10});
  EXPECT_TRUE(std::binary_search(within10.begin(), within10.end(), ServiceId("taalles")));  // 6 km
  EXPECT_FALSE(std::binary_search(within10.begin(), within10.end(), ServiceId("buddy")));   // 11 km
  EXPECT_FALSE(std::binary_search(within10.begin(), within10.end(), ServiceId("inloop")));  // 25 km
  auto within15 = SortedIds({.near = centre, .radius_km = 15});
  EXPECT_TRUE(std::binary_search(within15.begin(), within15.end(), ServiceId("buddy")));
}

TEST_F(Relevance, FiltersByOpeningHoursInAmsterdamTime) {
  auto at = [](std::string_view text) { return *domain::ParseDateTime(text); };
  // Tuesday 24 November 2026, winter time (UTC+1).
  EXPECT_TRUE(Finds({.open_at = at("2026-11-24T10:00:00+01:00")}, "schuldhulp"));
  EXPECT_TRUE(Finds({.open_at = at("2026-11-24T08:30:00Z")}, "schuldhulp"));   // 09:30 local
  EXPECT_FALSE(Finds({.open_at = at("2026-11-24T11:30:00Z")}, "schuldhulp"));  // 12:30 local
  // Tuesday 7 July 2026, summer time (UTC+2): 07:30Z is 09:30 local, 06:30Z is 08:30.
  EXPECT_TRUE(Finds({.open_at = at("2026-07-07T07:30:00Z")}, "schuldhulp"));
  EXPECT_FALSE(Finds({.open_at = at("2026-07-07T06:30:00Z")}, "schuldhulp"));
  // Services without opening hours are not "open".
  EXPECT_FALSE(Finds({.open_at = at("2026-11-24T10:00:00+01:00")}, "kledingbank"));
}

TEST_F(Relevance, FiltersByAge) {
  EXPECT_FALSE(Finds({.age = 16}, "schuldhulp"));
  EXPECT_TRUE(Finds({.age = 16}, "huiswerk"));
  EXPECT_TRUE(Finds({.age = 16}, "kledingbank"));  // no age limits
  EXPECT_TRUE(Finds({.age = 30}, "schuldhulp"));
  EXPECT_FALSE(Finds({.age = 30}, "huiswerk"));
}

TEST_F(Relevance, CombinesTextAndFiltersWithAnd) {
  EXPECT_EQ(SortedIds({.text = "samen eten", .city = "Groningen"}),
            Keys({"eten-sn", "eten-sz", "eten-sw"}));
  EXPECT_TRUE(SortedIds({.text = "samen eten", .city = "Assen"}).empty());
}

TEST_F(Relevance, CountsFacetsOverAllMatches) {
  auto facets = index_->Facets({.city = "Groningen"});
  ASSERT_TRUE(facets.ok()) << facets.error().message;
  EXPECT_EQ(facets->total, 8);
  auto count = [](const std::vector<FacetCount>& counts, std::string_view key) -> int64_t {
    for (const FacetCount& c : counts) {
      if (c.key == key) return c.count;
    }
    return 0;
  };
  EXPECT_EQ(count(facets->languages, "ar"), 2);  // schuldhulp, gebed
  EXPECT_EQ(count(facets->languages, "ti"), 0);  // not in Groningen
  EXPECT_EQ(count(facets->kinds, "mosque"), 1);
  EXPECT_EQ(count(facets->cities, "Groningen"), 8);
  EXPECT_EQ(count(facets->terms, domain::TermId("needs", "voedsel")), 1);
}

TEST_F(Relevance, SearchCanCountFacetsInTheSamePass) {
  SearchQuery query{.city = "Groningen", .facets = true};
  SearchResult result = Find(query);
  ASSERT_TRUE(result.facets.has_value());
  auto separate = index_->Facets(query);
  ASSERT_TRUE(separate.ok());
  EXPECT_EQ(result.facets->total, separate->total);
  ASSERT_EQ(result.facets->languages.size(), separate->languages.size());
  for (size_t i = 0; i < separate->languages.size(); ++i) {
    EXPECT_EQ(result.facets->languages[i].key, separate->languages[i].key);
    EXPECT_EQ(result.facets->languages[i].count, separate->languages[i].count);
  }
  EXPECT_FALSE(Find({.city = "Groningen"}).facets.has_value());
}

// --- Ranking -----------------------------------------------------------------------------------

TEST_F(Relevance, NameMatchesRankFirst) {
  // "Inloopspreekuur" says "voedselbank" twice in a short text; "Voedselbank" has it in its name.
  auto ids = Ids({.text = "voedselbank"});
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(ids[0], ServiceId("voedselbank"));
}

TEST_F(Relevance, RecentlyVerifiedRankAboveVerifiedAboveUnverified) {
  SearchResult result = Find({.text = "samen eten", .explain = true});
  const Hit* recent = HitFor(result, "eten-sn");
  const Hit* old = HitFor(result, "eten-sw");
  const Hit* never = HitFor(result, "eten-sz");
  ASSERT_TRUE(recent && old && never);
  EXPECT_GT(recent->score, old->score);
  EXPECT_GT(old->score, never->score);
  EXPECT_EQ(Part(*never, "verified"), 0);
  EXPECT_DOUBLE_EQ(Part(*recent, "text"), Part(*never, "text"));
}

TEST_F(Relevance, NearerRanksFirstWhenAPlaceIsGiven) {
  SearchResult result =
      Find({.text = "fietsles", .near = domain::LatLon{kGroningen.latitude, kGroningen.longitude}});
  ASSERT_EQ(result.hits.size(), 2u);
  EXPECT_EQ(result.hits[0].id, ServiceId("fiets-Haren"));
  EXPECT_GT(result.hits[0].score, result.hits[1].score);
  ASSERT_TRUE(result.hits[0].distance_m.has_value());
  EXPECT_NEAR(*result.hits[0].distance_m, 6000, 1000);
}

TEST_F(Relevance, SortsByDistanceAndByName) {
  domain::LatLon assen{kAssen.latitude, kAssen.longitude};
  auto by_distance = Find({.near = assen, .sort = Sort::kDistance}).hits;
  ASSERT_FALSE(by_distance.empty());
  for (size_t i = 1; i < by_distance.size(); ++i) {
    EXPECT_LE(*by_distance[i - 1].distance_m, *by_distance[i].distance_m);
  }
  auto by_name = Ids({.text = "samen eten fietsles", .sort = Sort::kName});
  auto all = Ids({.sort = Sort::kName});
  ASSERT_GE(all.size(), 3u);
  EXPECT_EQ(all.front(), ServiceId("buddy"));  // "Buddy project" before "Coördinatie …"
  EXPECT_EQ(all[1], ServiceId("coordinatie"));
}

TEST_F(Relevance, PagesByDistanceMatchSortingEveryMatch) {
  // A page by distance is found in growing circles around Assen (2, 6, 18, 54 km); counting
  // facets sorts every match instead. Both give the same pages and totals.
  domain::LatLon assen{kAssen.latitude, kAssen.longitude};
  for (std::optional<double> radius :
       {std::optional<double>(), std::optional<double>(30.0), std::optional<double>(0.5)}) {
    for (int64_t offset = 0; offset < 12; offset += 3) {
      SearchQuery query{.near = assen,
                        .radius_km = radius,
                        .sort = Sort::kDistance,
                        .offset = offset,
                        .limit = 3};
      if (offset == 9) query.text = "eten";
      auto page = index_->Search(query);
      query.facets = true;
      auto sorted = index_->Search(query);
      ASSERT_TRUE(page.ok() && sorted.ok());
      EXPECT_EQ(page->total, sorted->total);
      ASSERT_EQ(page->hits.size(), sorted->hits.size()) << offset;
      for (size_t i = 0; i < page->hits.size(); ++i) {
        EXPECT_EQ(page->hits[i].id, sorted->hits[i].id) << offset << " " << i;
        EXPECT_EQ(page->hits[i].distance_m, sorted->hits[i].distance_m);
      }
    }
  }
}

TEST_F(Relevance, ExplainsScoreParts) {
  SearchResult result = Find({.text = "samen eten", .explain = true});
  ASSERT_FALSE(result.hits.empty());
  for (const Hit& hit : result.hits) {
    double sum = 0;
    for (const ScorePart& part : hit.parts) sum += part.score;
    EXPECT_NEAR(sum, hit.score, 1e-6) << hit.id;
    EXPECT_GT(Part(hit, "text"), 0);
  }
}

// --- Other targets -----------------------------------------------------------------------------

TEST_F(Relevance, FindsOrganisationsByWhatTheirServicesOffer) {
  auto ids = Ids({.target = Target::kOrganizations, .text = "kledingbank"});
  EXPECT_EQ(ids, std::vector<std::string>{testing::OrganizationId("kb")});
}

TEST_F(Relevance, FindsServiceAtLocationsByTheirOwnPlace) {
  auto ids = Ids({.target = Target::kServiceAtLocations, .text = "fietsles", .city = "Haren"});
  EXPECT_EQ(ids, std::vector<std::string>{domain::NameUuid("link:fiets-Haren:0")});
}

TEST_F(Relevance, SuggestsCompletionsFromTheVocabulary) {
  auto completions = index_->Suggest("gratis kled", 5);
  ASSERT_TRUE(completions.ok());
  ASSERT_FALSE(completions->empty());
  EXPECT_EQ(completions->front(), "gratis kledingbank");
  EXPECT_TRUE(index_->Suggest("k", 5)->empty());  // one letter: too little to go on
}

}  // namespace
}  // namespace knooppunt::search
