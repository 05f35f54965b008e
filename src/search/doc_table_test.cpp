#include "search/doc_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "search/document.h"

namespace knooppunt::search {
namespace {

constexpr int32_t kNovember2026 = 2026 * 12 + 10;

std::string Facets(std::vector<std::string> groups) {
  std::string value;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (i > 0) value += kFacetGroupSeparator;
    value += groups[i];
  }
  return value;
}

// Documents 1–5: verified this month, two years ago, never, with a broken month, and last month.
Xapian::WritableDatabase SmallIndex() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::string> months = {"202611", "202411", "", "2026-1", "202610"};
  for (const std::string& month : months) {
    Xapian::Document document;
    if (!month.empty()) document.add_value(slot::kVerifiedMonth, month);
    db.add_document(document);
  }
  Xapian::Document first = db.get_document(1);
  first.add_value(slot::kFacets,
                  Facets({"food", std::string("ar") + kFacetSeparator + "ti", "", "Groningen"}));
  first.add_value(slot::kMinimumAge, Xapian::sortable_serialise(12));
  first.add_value(slot::kMaximumAge, Xapian::sortable_serialise(18));
  Xapian::LatLongCoords places;  // Groningen and Assen
  places.append(Xapian::LatLongCoord(53.2194, 6.5665));
  places.append(Xapian::LatLongCoord(52.9928, 6.5642));
  first.add_value(slot::kCoordinates, places.serialise());
  db.replace_document(1, first);
  Xapian::Document third = db.get_document(3);
  third.add_value(slot::kFacets, Facets({"food", "ar", "mosque", "Assen"}));
  third.add_value(slot::kMinimumAge, Xapian::sortable_serialise(0));
  third.add_value(slot::kMaximumAge, Xapian::sortable_serialise(999));
  Xapian::LatLongCoords zwolle;
  zwolle.append(Xapian::LatLongCoord(52.5168, 6.0830));
  third.add_value(slot::kCoordinates, zwolle.serialise());
  db.replace_document(3, third);
  db.commit();
  return db;
}

TEST(DocTable, ReadsVerificationMonthsAndFacetTextsByDocumentId) {
  Xapian::WritableDatabase db = SmallIndex();
  auto table = DocTable::Read(db);
  EXPECT_EQ(table->end_docid(), 6u);
  EXPECT_EQ(table->verified_month(1), kNovember2026);
  EXPECT_EQ(table->verified_month(2), 2024 * 12 + 10);
  EXPECT_EQ(table->verified_month(3), DocTable::kNeverVerified);
  EXPECT_EQ(table->verified_month(4), DocTable::kNeverVerified);  // not a month
  EXPECT_EQ(table->verified_month(99), DocTable::kNeverVerified);
  EXPECT_EQ(table->verified_count(), 3u);

  const DocTable::Texts& first = table->facet_texts(1);
  EXPECT_EQ(table->keys(0, first[0]), std::vector<std::string>{"food"});
  EXPECT_EQ(table->keys(1, first[1]), (std::vector<std::string>{"ar", "ti"}));
  EXPECT_EQ(first[2], 0u);  // no kind
  EXPECT_EQ(table->keys(3, first[3]), std::vector<std::string>{"Groningen"});
  // The same text has the same id; different texts different ones.
  const DocTable::Texts& third = table->facet_texts(3);
  EXPECT_EQ(third[0], first[0]);
  EXPECT_NE(third[1], first[1]);
  EXPECT_EQ(table->facet_texts(2), DocTable::Texts{});
  EXPECT_EQ(table->text_count(1), 3u);  // none, "ar ti", "ar"
}

TEST(VerifiedSource, WeighsRecentVerificationsMoreAndSkipsTheUnverified) {
  Xapian::WritableDatabase db = SmallIndex();
  VerifiedSource source(DocTable::Read(db), kNovember2026, 0.5, 1.0);
  source.init(db);
  EXPECT_EQ(source.get_maxweight(), 1.5);
  std::vector<std::pair<Xapian::docid, double>> seen;
  for (source.next(0); !source.at_end(); source.next(0)) {
    seen.emplace_back(source.get_docid(), source.get_weight());
  }
  EXPECT_EQ(seen, (std::vector<std::pair<Xapian::docid, double>>{{1, 1.5}, {2, 0.5}, {5, 1.5}}));

  source.init(db);
  source.skip_to(3, 0);
  ASSERT_FALSE(source.at_end());
  EXPECT_EQ(source.get_docid(), 5u);
  EXPECT_FALSE(source.check(3, 0));
  source.next(0);
  EXPECT_EQ(source.get_docid(), 5u);
  EXPECT_TRUE(source.check(2, 0));
  EXPECT_EQ(source.get_weight(), 0.5);
}

TEST(VerifiedSource, BoostsVerifiedDocumentsInAQuery) {
  Xapian::WritableDatabase db = SmallIndex();
  Xapian::Enquire enquire(db);
  auto* source = new VerifiedSource(DocTable::Read(db), kNovember2026, 0.5, 1.0);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query::MatchAll,
                                  Xapian::Query(source->release())));
  Xapian::MSet mset = enquire.get_mset(0, 10);
  std::vector<Xapian::docid> order;
  for (auto it = mset.begin(); it != mset.end(); ++it) order.push_back(*it);
  ASSERT_EQ(order.size(), 5u);
  EXPECT_EQ(mset.begin().get_weight(), 1.5);
  EXPECT_EQ(order[2], 2u);  // after the two recent ones, before the unverified
}

// The documents a source walks, in order.
std::vector<Xapian::docid> Walk(Xapian::PostingSource& source, const Xapian::Database& db) {
  std::vector<Xapian::docid> seen;
  source.init(db);
  for (source.next(0); !source.at_end(); source.next(0)) seen.push_back(source.get_docid());
  return seen;
}

TEST(TierSource, WalksOneVerifiedTierAndCountsTheVerifiedOnesExactly) {
  Xapian::WritableDatabase db = SmallIndex();
  auto table = DocTable::Read(db);
  EXPECT_EQ(table->RecentlyVerifiedCount(kNovember2026), 2u);
  EXPECT_EQ(table->RecentlyVerifiedCount(kNovember2026 + 12), 0u);  // a year on
  TierSource recently(table, kNovember2026, VerifiedTier::kRecently);
  EXPECT_EQ(Walk(recently, db), (std::vector<Xapian::docid>{1, 5}));
  EXPECT_EQ(recently.get_termfreq_min(), 2u);
  EXPECT_EQ(recently.get_termfreq_max(), 2u);
  TierSource earlier(table, kNovember2026, VerifiedTier::kEarlier);
  EXPECT_EQ(Walk(earlier, db), std::vector<Xapian::docid>{2});
  EXPECT_EQ(earlier.get_termfreq_est(), 1u);
  TierSource never(table, kNovember2026, VerifiedTier::kNever);
  EXPECT_EQ(Walk(never, db), (std::vector<Xapian::docid>{3, 4}));
  EXPECT_EQ(never.get_termfreq_min(), 0u);  // deleted documents would count too: not exact
}

TEST(DocidRange, WalksAndChecksTheIdsInItsRange) {
  Xapian::WritableDatabase db = SmallIndex();
  DocidRange middle(2, 4);
  EXPECT_EQ(Walk(middle, db), (std::vector<Xapian::docid>{2, 3}));
  EXPECT_EQ(middle.get_termfreq_max(), 2u);
  middle.init(db);
  EXPECT_TRUE(middle.check(1, 0));
  EXPECT_EQ(middle.get_docid(), 2u);  // positioned on its first id, so 1 is not a match
  middle.skip_to(4, 0);
  EXPECT_TRUE(middle.at_end());
  DocidRange from_zero(0, 2);
  EXPECT_EQ(Walk(from_zero, db), std::vector<Xapian::docid>{1});
  DocidRange empty(5, 3);
  EXPECT_TRUE(Walk(empty, db).empty());
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll,
                                  Xapian::Query((new DocidRange(4, 100))->release())));
  Xapian::MSet mset = enquire.get_mset(0, 10);
  std::vector<Xapian::docid> found;
  for (auto it = mset.begin(); it != mset.end(); ++it) found.push_back(*it);
  EXPECT_EQ(found, (std::vector<Xapian::docid>{4, 5}));
}

TEST(DocTable, ReadsAgesAndPlaces) {
  Xapian::WritableDatabase db = SmallIndex();
  auto table = DocTable::Read(db);
  EXPECT_TRUE(table->ForAge(1, 12));
  EXPECT_TRUE(table->ForAge(1, 18));
  EXPECT_FALSE(table->ForAge(1, 19));
  EXPECT_FALSE(table->ForAge(1, 11));
  EXPECT_TRUE(table->ForAge(3, 0));
  EXPECT_TRUE(table->ForAge(3, 99));
  EXPECT_FALSE(table->ForAge(2, 30));  // no ages: for nobody, as a value range would have it
  EXPECT_EQ(table->places(1).size(), 2u);
  EXPECT_EQ(table->places(2).size(), 0u);
  ASSERT_EQ(table->places(3).size(), 1u);
  EXPECT_NEAR(table->places(3)[0].latitude, 52.5168, 1e-4);  // as Xapian serialises it
  EXPECT_TRUE(table->places(5).empty());
  EXPECT_TRUE(table->places(77).empty());
  // From Assen, document 1's nearest place is Assen itself.
  EXPECT_NEAR(*table->NearestDistance(1, {52.9928, 6.5642}), 0, 1);
  EXPECT_FALSE(table->NearestDistance(2, {52.9928, 6.5642}).has_value());
}

TEST(AgeSource, MatchesListingsForThatAge) {
  Xapian::WritableDatabase db = SmallIndex();
  AgeSource source(DocTable::Read(db), 15);
  source.init(db);
  std::vector<Xapian::docid> seen;
  for (source.next(0); !source.at_end(); source.next(0)) seen.push_back(source.get_docid());
  EXPECT_EQ(seen, (std::vector<Xapian::docid>{1, 3}));
  EXPECT_FALSE(source.check(2, 0));
  EXPECT_TRUE(source.check(3, 0));
  EXPECT_EQ(source.get_weight(), 0);
}

TEST(NearnessSource, WeighsByDistanceWithinTheRange) {
  Xapian::WritableDatabase db = SmallIndex();
  const domain::LatLon assen{52.9928, 6.5642};
  NearnessSource within_50_km(DocTable::Read(db), assen, 50000, 2000);
  within_50_km.init(db);
  within_50_km.next(0);
  ASSERT_FALSE(within_50_km.at_end());
  EXPECT_EQ(within_50_km.get_docid(), 1u);  // at the place: weight 1
  EXPECT_NEAR(within_50_km.get_weight(), 1.0, 0.001);
  within_50_km.next(0);
  EXPECT_TRUE(within_50_km.at_end());  // Zwolle is about 70 km away

  NearnessSource anywhere(DocTable::Read(db), assen, 0, 2000);
  anywhere.init(db);
  ASSERT_TRUE(anywhere.check(3, 0));
  double metres = domain::DistanceMetres(assen, {52.5168, 6.0830});
  EXPECT_NEAR(anywhere.get_weight(), 2000 / (metres + 2000), 1e-4);
  EXPECT_FALSE(anywhere.check(2, 0));  // no places
}

TEST(DistanceKey, OrdersByTheNearestPlaceWithoutPlacesLast) {
  Xapian::WritableDatabase db = SmallIndex();
  auto table = DocTable::Read(db);
  DistanceKey key(table, {52.5168, 6.0830});  // Zwolle
  EXPECT_LT(key(db.get_document(3)), key(db.get_document(1)));
  EXPECT_LT(key(db.get_document(1)), key(db.get_document(2)));
}

}  // namespace
}  // namespace knooppunt::search
