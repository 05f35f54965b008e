#include "domain/uuid.h"

#include <gtest/gtest.h>

#include <set>

namespace knooppunt::domain {
namespace {

TEST(Uuid, RandomIdsAreWellFormedAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = RandomUuid();
    EXPECT_TRUE(IsUuid(id)) << id;
    EXPECT_EQ(id[14], '4');
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Uuid, NameBasedIdsAreStable) {
  EXPECT_EQ(NameUuid("knooppunt:taxonomy:needs"), NameUuid("knooppunt:taxonomy:needs"));
  EXPECT_NE(NameUuid("a"), NameUuid("b"));
  EXPECT_TRUE(IsUuid(NameUuid("a")));
  EXPECT_EQ(NameUuid("a")[14], '8');
}

TEST(Uuid, RecognisesOnlyTheCanonicalForm) {
  EXPECT_TRUE(IsUuid("AC148810-D857-441C-9679-408F346DE14B"));
  EXPECT_FALSE(IsUuid("ac148810d857441c9679408f346de14b"));
  EXPECT_FALSE(IsUuid("zc148810-d857-441c-9679-408f346de14b"));
  EXPECT_FALSE(IsUuid(""));
}

}  // namespace
}  // namespace knooppunt::domain
