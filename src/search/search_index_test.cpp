// The index as a read model of the store: built when missing, current after every change,
// repaired after a crash, rebuilt when it does not belong to the store.
#include "search/search_index.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <tuple>

#include "search/search_testing.h"

namespace knooppunt::search {
namespace {

using testing::OrganizationSpec;
using testing::ServiceId;
using testing::ServiceSpec;
using testing::TestMap;

const testing::Place kGroningen{"Groningen", 53.2194, 6.5665};

// The first day of this month, YYYY-MM-DD.
std::string FirstOfThisMonth() {
  using namespace std::chrono;
  year_month_day today{floor<days>(system_clock::now())};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-01", static_cast<int>(today.year()),
                static_cast<unsigned>(today.month()));
  return text;
}

std::vector<std::string> Find(SearchIndex& index, SearchQuery query) {
  auto result = index.Search(query);
  EXPECT_TRUE(result.ok()) << result.error().message;
  std::vector<std::string> ids;
  if (result.ok()) {
    for (const Hit& hit : result->hits) ids.push_back(hit.id);
  }
  return ids;
}

std::unique_ptr<SearchIndex> OpenIndex(TestMap& map) {
  auto index = SearchIndex::Open(map.store(), {.path = map.index_path()});
  EXPECT_TRUE(index.ok()) << index.error().message;
  return index.ok() ? std::move(*index) : nullptr;
}

ServiceSpec Kledingbank() {
  return {.key = "kleding",
          .organization = "kb",
          .name = "Kledingbank",
          .description = "Gratis jassen.",
          .languages = {"nl"},
          .places = {kGroningen}};
}

TEST(SearchIndex, IsBuiltWhenMissing) {
  TestMap map;
  map.Add(OrganizationSpec{.key = "kb", .name = "Leger des Heils"});
  map.Add(Kledingbank());
  auto index = OpenIndex(map);
  ASSERT_TRUE(index);
  EXPECT_EQ(Find(*index, {.text = "kledingbank"}), std::vector{ServiceId("kleding")});
  EXPECT_EQ(index->last_change(), *map.store().LastChange());
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(map.index_path()) / "current"));
}

TEST(SearchIndex, ChangesAreFindableAtOnce) {
  TestMap map;
  map.Add(OrganizationSpec{.key = "kb", .name = "Leger des Heils"});
  auto index = OpenIndex(map);
  ASSERT_TRUE(index);
  EXPECT_TRUE(Find(*index, {.text = "kledingbank"}).empty());

  map.Add(Kledingbank());
  auto applied = index->CatchUp();
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_GT(*applied, 0);
  EXPECT_EQ(Find(*index, {.text = "kledingbank"}), std::vector{ServiceId("kleding")});

  // A renamed service is found by its new name only.
  ServiceSpec renamed = Kledingbank();
  renamed.name = "Kledingwinkel";
  map.Add(renamed);
  ASSERT_TRUE(index->CatchUp().ok());
  EXPECT_TRUE(Find(*index, {.text = "kledingbank"}).empty());
  EXPECT_EQ(Find(*index, {.text = "kledingwinkel"}), std::vector{ServiceId("kleding")});

  // A change to a record the service is described by: a new language offered.
  EXPECT_TRUE(Find(*index, {.language_offered = "ar"}).empty());
  map.Write({domain::Record(domain::Table::kLanguage)
                 .With("id", domain::NameUuid("language:extra"))
                 .With("service_id", ServiceId("kleding"))
                 .With("code", "ar")});
  ASSERT_TRUE(index->CatchUp().ok());
  EXPECT_EQ(Find(*index, {.language_offered = "ar"}), std::vector{ServiceId("kleding")});

  // Removing that record again.
  ASSERT_TRUE(map.store()
                  .Write({}, std::vector<store::RecordKey>{{domain::Table::kLanguage,
                                                            domain::NameUuid("language:extra")}})
                  .ok());
  ASSERT_TRUE(index->CatchUp().ok());
  EXPECT_TRUE(Find(*index, {.language_offered = "ar"}).empty());

  // A renamed organisation: its services are found by the new name.
  map.Add(OrganizationSpec{.key = "kb", .name = "Stichting Warme Jas"});
  ASSERT_TRUE(index->CatchUp().ok());
  EXPECT_EQ(Find(*index, {.text = "warme jas"}), std::vector{ServiceId("kleding")});
  EXPECT_EQ(Find(*index, {.target = Target::kOrganizations, .text = "warme jas"}),
            std::vector{testing::OrganizationId("kb")});

  // A deleted service is gone, with its service-at-location documents.
  ASSERT_TRUE(
      map.store()
          .Write({}, std::vector<store::RecordKey>{{domain::Table::kService, ServiceId("kleding")}})
          .ok());
  ASSERT_TRUE(index->CatchUp().ok());
  EXPECT_TRUE(Find(*index, {.text = "kledingwinkel"}).empty());
  EXPECT_TRUE(
      Find(*index, {.target = Target::kServiceAtLocations, .text = "kledingwinkel"}).empty());
  EXPECT_TRUE(Find(*index, {.target = Target::kOrganizations, .text = "kledingwinkel"}).empty());
}

TEST(SearchIndex, ListsWithoutTextByVerifiedThenNameAlsoAfterChanges) {
  TestMap map;
  map.Add(OrganizationSpec{.key = "old", .name = "Stichting Oud", .verified_on = "2019-05-01"});
  map.Add(OrganizationSpec{.key = "none", .name = "Stichting Nieuw"});
  map.Add(OrganizationSpec{
      .key = "recent", .name = "Stichting Net", .verified_on = FirstOfThisMonth()});
  for (auto [key, organization, name] : {std::tuple{"zwem", "old", "Zwemles"},
                                         {"aard", "old", "Aardappelen"},
                                         {"yoga", "recent", "Yoga"},
                                         {"dorp", "none", "Dorpshuis"},
                                         {"buurt", "none", "Buurtkamer"},
                                         {"inloop", "none", "Inloop"}}) {
    map.Add(ServiceSpec{.key = key, .organization = organization, .name = name});
  }
  auto index = OpenIndex(map);
  ASSERT_TRUE(index);
  auto ids = [](std::initializer_list<const char*> keys) {
    std::vector<std::string> out;
    for (const char* key : keys) out.push_back(ServiceId(key));
    return out;
  };
  EXPECT_EQ(Find(*index, {}), ids({"yoga", "aard", "zwem", "buurt", "dorp", "inloop"}));

  // Changed and new listings get document ids after the others; the order stays by name.
  map.Add(ServiceSpec{.key = "dorp", .organization = "none", .name = "Appelhuis"});
  map.Add(ServiceSpec{.key = "cafe", .organization = "none", .name = "Café"});
  ASSERT_TRUE(index->CatchUp().ok());
  auto all = ids({"yoga", "aard", "zwem", "dorp", "buurt", "cafe", "inloop"});
  EXPECT_EQ(Find(*index, {}), all);
  EXPECT_EQ(Find(*index, {.offset = 2, .limit = 3}), ids({"zwem", "dorp", "buurt"}));
  auto result = index->Search({.offset = 5, .limit = 10});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->total, 7);
  EXPECT_EQ(result->hits.size(), 2u);
  // Counting facets takes another way through the index (sorting by the name value), to the
  // same order and scores.
  auto plain = index->Search({});
  auto counted = index->Search({.facets = true});
  ASSERT_TRUE(plain.ok() && counted.ok());
  ASSERT_EQ(plain->hits.size(), counted->hits.size());
  for (size_t i = 0; i < plain->hits.size(); ++i) {
    EXPECT_EQ(plain->hits[i].id, counted->hits[i].id);
    EXPECT_DOUBLE_EQ(plain->hits[i].score, counted->hits[i].score);
  }
  EXPECT_GT(plain->hits[0].score, plain->hits[1].score);
  EXPECT_GT(plain->hits[2].score, plain->hits[3].score);
}

TEST(SearchIndex, ANewLabelOfANeedFindsWhatIsLinkedToIt) {
  TestMap map;
  map.Add(OrganizationSpec{.key = "kb", .name = "Leger des Heils"});
  ServiceSpec service = Kledingbank();
  service.needs = {"kleding"};
  map.Add(service);
  auto index = OpenIndex(map);
  ASSERT_TRUE(index);
  EXPECT_TRUE(Find(*index, {.text = "garderobe"}).empty());
  // The need's English name changes; the service itself does not.
  auto translations = map.store().FindBy(domain::Table::kTranslation, "record_id",
                                         domain::TermId("needs", "kleding"));
  ASSERT_TRUE(translations.ok());
  for (domain::Record translation : *translations) {
    if (translation.Get("language") != "en") continue;
    translation.Set("text", "Garderobe");
    map.Write({translation});
  }
  ASSERT_TRUE(index->CatchUp().ok());
  EXPECT_EQ(Find(*index, {.text = "garderobe"}), std::vector{ServiceId("kleding")});
}

TEST(SearchIndex, RepairsACrashBetweenStoreWriteAndIndexUpdate) {
  TestMap map;
  map.Add(OrganizationSpec{.key = "kb", .name = "Leger des Heils"});
  OpenIndex(map).reset();
  // Written while no index was open, as if the process died before updating it.
  map.Add(Kledingbank());
  auto index = OpenIndex(map);
  ASSERT_TRUE(index);
  EXPECT_EQ(Find(*index, {.text = "kledingbank"}), std::vector{ServiceId("kleding")});
  EXPECT_EQ(index->last_change(), *map.store().LastChange());
}

TEST(SearchIndex, RebuildsAnIndexThatIsAheadOfTheStore) {
  TestMap first, second;
  first.Add(OrganizationSpec{.key = "kb", .name = "Leger des Heils"});
  first.Add(Kledingbank());
  std::filesystem::path shared = std::filesystem::path(first.index_path());
  {
    auto index = SearchIndex::Open(first.store(), {.path = shared.string()});
    ASSERT_TRUE(index.ok());
  }
  // The same folder for a younger, emptier store: its documents must not survive.
  auto index = SearchIndex::Open(second.store(), {.path = shared.string()});
  ASSERT_TRUE(index.ok()) << index.error().message;
  EXPECT_TRUE(Find(**index, {.text = "kledingbank"}).empty());
}

TEST(SearchIndex, RebuildsAnIndexOfAnotherDatabase) {
  TestMap first, second;
  first.Add(OrganizationSpec{.key = "kb", .name = "Leger des Heils"});
  first.Add(Kledingbank());
  second.Add(OrganizationSpec{.key = "vb", .name = "Voedselbank"});
  for (const char* key : {"a", "b", "c", "d", "e", "f", "g"}) {  // further along than `first`
    second.Add(OrganizationSpec{.key = key, .name = std::string("Voedselbank ") + key});
  }
  std::string shared = first.index_path();
  ASSERT_TRUE(SearchIndex::Open(first.store(), {.path = shared}).ok());
  ASSERT_GE(*second.store().LastChange(), *first.store().LastChange());
  auto index = SearchIndex::Open(second.store(), {.path = shared});
  ASSERT_TRUE(index.ok()) << index.error().message;
  EXPECT_TRUE(Find(**index, {.text = "kledingbank"}).empty());
  EXPECT_EQ(Find(**index, {.target = Target::kOrganizations, .text = "voedselbank"}).size(), 8u);
}

TEST(SearchIndex, FollowsChangesAppliedByAnotherWriter) {
  TestMap map;
  map.Add(OrganizationSpec{.key = "kb", .name = "Leger des Heils"});
  auto server = SearchIndex::Open(
      map.store(), {.path = map.index_path(), .follow_interval = std::chrono::milliseconds(20)});
  ASSERT_TRUE(server.ok());
  (*server)->Follow();
  map.Add(Kledingbank());  // written by someone else; nobody calls CatchUp on `server`
  bool found = false;
  for (int i = 0; i < 500 && !found; ++i) {  // bounded wait, not a timing assertion
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    found = !Find(**server, {.text = "kledingbank"}).empty();
  }
  EXPECT_TRUE(found);
}

TEST(SearchIndex, RebuildSwitchesOpenReaders) {
  TestMap map;
  map.Add(OrganizationSpec{.key = "kb", .name = "Leger des Heils"});
  map.Add(Kledingbank());
  auto index = OpenIndex(map);
  ASSERT_TRUE(index);
  ASSERT_EQ(Find(*index, {.text = "kledingbank"}).size(), 1u);
  index->Follow();
  ASSERT_TRUE(SearchIndex::Rebuild(map.store(), {.path = map.index_path()}).ok());
  // Readers notice the new folder; until then the old files stay readable.
  for (int i = 0; i < 100; ++i) ASSERT_EQ(Find(*index, {.text = "kledingbank"}).size(), 1u);
}

}  // namespace
}  // namespace knooppunt::search
