// The demo's supply and demand: valid postings of existing organisations, people who agreed to be
// matched, nothing doubled by a second run, and a help desk's round over it proposes pairs.
#include "app/demo_exchange.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "app/demo_data.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "exchange/convert.h"
#include "exchange/exchange.h"
#include "exchange/notifier_testing.h"
#include "exchange/validate.h"
#include "store/store.h"
#include "testing/testing.h"

namespace knooppunt::app {
namespace {

class DemoExchange : public ::testing::Test {
 protected:
  void SetUp() override {
    store::StoreOptions options{.database = "sqlite:" + (dir_.path() / "demo.db").string(),
                                .pool_size = 2};
    ASSERT_TRUE(store::Migrate(options).ok());
    auto opened = store::OpenStore(options);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(*opened);
    std::vector<domain::Record> records = domain::ReferenceRecords();
    std::vector<domain::Record> demo = BuildDemoData();
    records.insert(records.end(), demo.begin(), demo.end());
    ASSERT_TRUE(store_->Write(records).ok());
  }

  store::PostingPage All() {
    auto page = store_->postings().ListPostings({}, 1, 1000);
    EXPECT_TRUE(page.ok());
    return page.ok() ? *page : store::PostingPage{};
  }

  knooppunt::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(DemoExchange, PostingsAreValidOpenAndOfExistingOrganisations) {
  Status loaded = LoadDemoExchange(*store_);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  store::PostingPage page = All();
  ASSERT_GE(page.total, 10);
  std::set<std::string> kinds;
  int of_organisations = 0;
  for (const store::PostingRecord& posting : page.postings) {
    Status valid = exchange::ValidatePosting(posting);
    EXPECT_TRUE(valid.ok()) << posting.title << ": " << valid.error().field << " "
                            << valid.error().message;
    EXPECT_EQ(posting.status, "open");
    kinds.insert(posting.kind);
    if (!posting.organization_id) continue;
    ++of_organisations;
    auto organization = store_->Get(domain::Table::kOrganization, *posting.organization_id);
    ASSERT_TRUE(organization.ok());
    EXPECT_TRUE(organization->has_value()) << posting.title;
    // Its author keeps the organisation, as a real organisation's posting would have it.
    auto author = store_->accounts().AccountById(posting.author_id);
    ASSERT_TRUE(author.ok() && author->has_value());
    bool keeps = false;
    for (const domain::Grant& grant : (*author)->grants) {
      keeps = keeps || grant.scope == *posting.organization_id;
    }
    EXPECT_TRUE(keeps) << posting.title;
  }
  EXPECT_EQ(kinds.size(), 6u);  // every kind of posting shows in the demo
  EXPECT_GT(of_organisations, 0);
  EXPECT_LT(of_organisations, page.total);  // and people post too
}

TEST_F(DemoExchange, ASecondRunChangesNothing) {
  ASSERT_TRUE(LoadDemoExchange(*store_).ok());
  store::PostingPage first = All();
  auto people = store_->postings().ConsentingProfiles();
  ASSERT_TRUE(people.ok());
  ASSERT_TRUE(LoadDemoExchange(*store_).ok());
  EXPECT_EQ(All().total, first.total);
  auto again = store_->postings().ConsentingProfiles();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->size(), people->size());
}

TEST_F(DemoExchange, TheDemoAccountsCannotSignInAndTheProfilesAreValid) {
  ASSERT_TRUE(LoadDemoExchange(*store_).ok());
  auto people = store_->postings().ConsentingProfiles();
  ASSERT_TRUE(people.ok());
  ASSERT_GE(people->size(), 5u);
  for (const store::ProfileRecord& profile : *people) {
    Status valid = exchange::ValidateProfile(profile, exchange::DayOf(domain::Now()));
    EXPECT_TRUE(valid.ok()) << valid.error().field << " " << valid.error().message;
    auto account = store_->accounts().AccountById(profile.account_id);
    ASSERT_TRUE(account.ok() && account->has_value());
    EXPECT_EQ((*account)->password_hash, "!");
    EXPECT_TRUE((*account)->email.ends_with("@knooppunt.example"));
  }
}

TEST_F(DemoExchange, AHelpDeskRoundOverTheDemoProposesPairs) {
  ASSERT_TRUE(LoadDemoExchange(*store_).ok());
  exchange::testing::RecordingNotifier notifier;
  exchange::Exchange exchange(*store_, match::Weights{}, {}, notifier);
  ASSERT_TRUE(store_->accounts()
                  .CreateAccount({.id = "desk", .email = "loket@example.org", .password_hash = "!"})
                  .ok());
  domain::Actor desk{.user_id = "desk",
                     .grants = {{domain::Role::kHelpDesk, "Groningen"}},
                     .second_factor = true};
  auto round = exchange.RunRound(desk, false);
  ASSERT_TRUE(round.ok()) << round.error().message;
  EXPECT_GE(round->proposals.size(), 3u);
  EXPECT_TRUE(notifier.notices().empty());  // nobody is told before the round is sent
}

}  // namespace
}  // namespace knooppunt::app
