#include "domain/taxonomy.h"

#include <gtest/gtest.h>

#include <set>

namespace knooppunt::domain {
namespace {

TEST(Taxonomy, ReferenceRecordsAreValidAndUnique) {
  std::set<std::string> ids;
  for (const Record& record : ReferenceRecords()) {
    auto valid = Validate(record);
    EXPECT_TRUE(valid.ok()) << record.spec().name << ": "
                            << (valid.ok() ? "" : valid.error().message);
    EXPECT_TRUE(ids.insert(record.id()).second) << record.id();
  }
}

TEST(Taxonomy, ChildTermsPointAtTheirParent) {
  std::set<std::string> terms;
  for (const Record& record : ReferenceRecords()) {
    if (record.table() == Table::kTaxonomyTerm) terms.insert(record.id());
  }
  for (const Record& record : ReferenceRecords()) {
    if (record.table() != Table::kTaxonomyTerm || !record.Get("parent_id")) continue;
    EXPECT_TRUE(terms.count(*record.Get("parent_id"))) << *record.Get("name");
  }
  EXPECT_TRUE(terms.count(TermId("needs", "voedsel")));
  EXPECT_TRUE(terms.count(LastVerifiedTermId()));
}

TEST(Taxonomy, TermAttributeLinksEntityToTerm) {
  Record attribute = TermAttribute("organization", "org-id", TermId("organization-kind", "mosque"));
  EXPECT_EQ(attribute.Get("link_entity"), "organization");
  EXPECT_EQ(attribute.Get("link_id"), "org-id");
  EXPECT_EQ(attribute.Get("taxonomy_term_id"), TermId("organization-kind", "mosque"));
  EXPECT_FALSE(attribute.Get("value").has_value());
}

}  // namespace
}  // namespace knooppunt::domain
