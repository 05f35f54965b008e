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
  first.add_value(slot::kFacets, Facets({"food", std::string("ar") + kFacetSeparator + "ti", "",
                                         "Groningen"}));
  db.replace_document(1, first);
  Xapian::Document third = db.get_document(3);
  third.add_value(slot::kFacets, Facets({"food", "ar", "mosque", "Assen"}));
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

}  // namespace
}  // namespace knooppunt::search
