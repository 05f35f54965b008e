// Postings and profiles through Exchange, on a real SQLite store: validation, trust and
// moderation, who sees and moves what, and consent.
#include "exchange/exchange.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "exchange/test_support.h"

namespace knooppunt::exchange {
namespace {

using domain::PostingStatus;
using test_support::AddAccount;
using test_support::AddOrganization;
using test_support::Audited;
using test_support::Bench;
using test_support::ForceStatus;
using test_support::Keeper;
using test_support::MakeBench;
using test_support::Person;
using test_support::Staff;
using test_support::Stored;
using test_support::VolunteerProfile;
using test_support::VolunteerRequest;

std::string StatusName(PostingStatus status) {
  return std::string(domain::PostingStatusName(status));
}

// A posting by `actor`; a test failure and an empty record when refused.
store::PostingRecord MustPost(Bench& bench, const domain::Actor& actor, bool submit,
                              store::PostingRecord draft = VolunteerRequest()) {
  auto posted = bench.exchange->Post(actor, std::move(draft), submit);
  if (!posted.ok()) {
    ADD_FAILURE() << posted.error().field << ": " << posted.error().message;
    return {};
  }
  return *posted;
}

TEST(ExchangePost, RefusesInvalidFieldsNamingThemAndStoresNothing) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  store::PostingRecord draft = VolunteerRequest();
  draft.title = "x";
  auto posted = bench->exchange->Post(Person(anna), draft, true);
  ASSERT_FALSE(posted.ok());
  EXPECT_EQ(posted.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(posted.error().field, "title");
  draft = VolunteerRequest();
  draft.languages = {"Dutch"};
  posted = bench->exchange->Post(Person(anna), draft, true);
  ASSERT_FALSE(posted.ok());
  EXPECT_EQ(posted.error().field, "languages[0]");
  auto mine = bench->exchange->MyPostings(Person(anna), 1, 10);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->total, 0);
}

TEST(ExchangePost, NeedsAnAccount) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  auto posted = bench->exchange->Post(domain::Actor{}, VolunteerRequest(), true);
  ASSERT_FALSE(posted.ok());
  EXPECT_EQ(posted.error().code, ErrorCode::kForbidden);
}

TEST(ExchangePost, AssignsIdAuthorAndTimeAndKeepsADraftWhenNotSubmitted) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  store::PostingRecord draft = VolunteerRequest();
  draft.id = "chosen-by-the-caller";
  draft.author_id = "someone-else";
  draft.status = "open";
  store::PostingRecord posted = MustPost(*bench, Person(anna), false, draft);
  EXPECT_TRUE(domain::IsUuid(posted.id));
  EXPECT_EQ(posted.author_id, anna);
  EXPECT_FALSE(posted.created_at.empty());
  EXPECT_EQ(posted.status, "draft");
  EXPECT_EQ(Stored(*bench, posted.id).status, "draft");
  EXPECT_TRUE(Audited(*bench, "posting.create", anna));
}

TEST(ExchangePost, TrustDecidesBetweenOpenAndAwaitingModeration) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  std::string kees = AddAccount(*bench, "kees");
  std::string desk = AddAccount(*bench, "desk");
  std::string org = AddOrganization(*bench, "voedselbank");

  // Someone on their own waits for the help desk.
  EXPECT_EQ(MustPost(*bench, Person(anna), true).status, "awaiting_moderation");
  // A keeper posting for their organisation is trusted.
  store::PostingRecord for_org = VolunteerRequest();
  for_org.organization_id = org;
  EXPECT_EQ(MustPost(*bench, Keeper(kees, org), true, for_org).status, "open");
  // The same keeper posting privately is not.
  EXPECT_EQ(MustPost(*bench, Keeper(kees, org), true).status, "awaiting_moderation");
  // Staff who moderate are trusted, but only after their second factor.
  EXPECT_EQ(MustPost(*bench, Staff(desk), true).status, "open");
  domain::Actor half_signed_in = Staff(desk);
  half_signed_in.second_factor = false;
  EXPECT_EQ(MustPost(*bench, half_signed_in, true).status, "awaiting_moderation");
}

TEST(ExchangePost, ForAnOrganizationTheActorDoesNotKeepIsForbidden) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  std::string kees = AddAccount(*bench, "kees");
  std::string mine = AddOrganization(*bench, "mine");
  std::string other = AddOrganization(*bench, "other");
  store::PostingRecord draft = VolunteerRequest();
  draft.organization_id = other;
  for (const domain::Actor& actor : {Person(anna), Keeper(kees, mine)}) {
    auto posted = bench->exchange->Post(actor, draft, true);
    ASSERT_FALSE(posted.ok());
    EXPECT_EQ(posted.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(posted.error().field, "organization_id");
  }
}

TEST(ExchangeModeration, OnlyStaffApproveAndTheAuthorIsTold) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  std::string bert = AddAccount(*bench, "bert");
  std::string desk = AddAccount(*bench, "desk");
  store::PostingRecord posting = MustPost(*bench, Person(anna), true);
  ASSERT_EQ(posting.status, "awaiting_moderation");

  auto by_author = bench->exchange->Move(Person(anna), posting.id, PostingStatus::kOpen);
  ASSERT_FALSE(by_author.ok());
  EXPECT_EQ(by_author.error().code, ErrorCode::kForbidden);
  auto by_stranger = bench->exchange->Move(Person(bert), posting.id, PostingStatus::kOpen);
  ASSERT_FALSE(by_stranger.ok());
  EXPECT_EQ(by_stranger.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(bench->notifier.notices().empty());
  EXPECT_EQ(Stored(*bench, posting.id).status, "awaiting_moderation");

  auto approved = bench->exchange->Move(Staff(desk), posting.id, PostingStatus::kOpen);
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(Stored(*bench, posting.id).status, "open");
  EXPECT_EQ(Stored(*bench, posting.id).moderated_by, desk);
  EXPECT_EQ(bench->notifier.notices(),
            (std::vector<testing::Notice>{{"moderated", anna, posting.id, true}}));
  EXPECT_TRUE(Audited(*bench, "posting.approve", desk));
}

TEST(ExchangeModeration, RejectionClosesThePostingAndTellsTheAuthor) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  std::string desk = AddAccount(*bench, "desk");
  store::PostingRecord posting = MustPost(*bench, Person(anna), true);
  auto rejected = bench->exchange->Move(Staff(desk), posting.id, PostingStatus::kClosed);
  ASSERT_TRUE(rejected.ok()) << rejected.error().message;
  EXPECT_EQ(Stored(*bench, posting.id).status, "closed");
  EXPECT_EQ(bench->notifier.notices(),
            (std::vector<testing::Notice>{{"moderated", anna, posting.id, false}}));
  EXPECT_TRUE(Audited(*bench, "posting.reject", desk));
  // The author cannot reject (close) while it waits: only withdraw it to a draft.
  store::PostingRecord second = MustPost(*bench, Person(anna), true);
  auto closed = bench->exchange->Move(Person(anna), second.id, PostingStatus::kClosed);
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(bench->exchange->Move(Person(anna), second.id, PostingStatus::kDraft).ok());
  EXPECT_EQ(Stored(*bench, second.id).status, "draft");
}

TEST(ExchangeGet, DraftsAndPostingsAwaitingModerationAreHiddenFromOthers) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  std::string bert = AddAccount(*bench, "bert");
  std::string kees = AddAccount(*bench, "kees");
  std::string desk = AddAccount(*bench, "desk");
  std::string org = AddOrganization(*bench, "voedselbank");
  store::PostingRecord for_org = VolunteerRequest();
  for_org.organization_id = org;
  store::PostingRecord draft = MustPost(*bench, Keeper(kees, org), false, for_org);
  store::PostingRecord waiting = MustPost(*bench, Person(anna), true);
  for (const store::PostingRecord& posting : {draft, waiting}) {
    for (const domain::Actor& stranger : {domain::Actor{}, Person(bert)}) {
      auto got = bench->exchange->Get(stranger, posting.id);
      ASSERT_FALSE(got.ok());
      EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
    }
    EXPECT_TRUE(bench->exchange->Get(Staff(desk), posting.id).ok());
  }
  EXPECT_TRUE(bench->exchange->Get(Keeper(kees, org), draft.id).ok());
  EXPECT_TRUE(bench->exchange->Get(Keeper(AddAccount(*bench, "lisa"), org), draft.id).ok());
  EXPECT_TRUE(bench->exchange->Get(Person(anna), waiting.id).ok());

  auto browsed = bench->exchange->Browse({}, 1, 10);
  ASSERT_TRUE(browsed.ok());
  EXPECT_EQ(browsed->total, 0);
  ASSERT_TRUE(bench->exchange->Move(Staff(desk), waiting.id, PostingStatus::kOpen).ok());
  EXPECT_TRUE(bench->exchange->Get(domain::Actor{}, waiting.id).ok());
  browsed = bench->exchange->Browse({.statuses = {"draft"}}, 1, 10);
  ASSERT_TRUE(browsed.ok());
  ASSERT_EQ(browsed->postings.size(), 1u);
  EXPECT_EQ(browsed->postings[0].id, waiting.id);
}

TEST(ExchangeBrowse, ChecksThePage) {
  auto bench = MakeBench({.max_per_page = 20});
  ASSERT_NE(bench, nullptr);
  auto page = bench->exchange->Browse({}, 0, 10);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().field, "page");
  page = bench->exchange->Browse({}, 1, 21);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().field, "per_page");
  EXPECT_TRUE(bench->exchange->Browse({}, 1, 20).ok());
}

TEST(ExchangeBrowse, FindsWordsWithoutCaseAccentsOrPunctuation) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string desk = AddAccount(*bench, "desk");
  auto post = [&](const std::string& title, const std::string& description) {
    store::PostingRecord draft = VolunteerRequest(title);
    draft.description = description;
    auto posted = bench->exchange->Post(Staff(desk), draft, true);  // staff: open at once
    EXPECT_TRUE(posted.ok()) << posted.error().message;
    return posted.ok() ? posted->id : "";
  };
  std::string coordination = post("Coördinatie van de voedselbank", "Plannen en bellen.");
  std::string cafe = post("Taalcafé", "Elke dinsdag: 's-Hertogenbosch, in het café.");
  post("Fietsles", "Op zaterdag.");
  std::string closed = post("Coördinatie oud", "");
  ASSERT_TRUE(bench->exchange->Move(Staff(desk), closed, PostingStatus::kClosed).ok());

  auto ids = [&](const std::string& text, int64_t page = 1, int64_t per_page = 10) {
    auto found = bench->exchange->Browse({.text = text}, page, per_page);
    EXPECT_TRUE(found.ok());
    std::vector<std::string> out;
    if (found.ok()) {
      for (const store::PostingRecord& posting : found->postings) out.push_back(posting.id);
    }
    return out;
  };
  EXPECT_EQ(ids("coordinatie"), std::vector<std::string>{coordination});
  EXPECT_EQ(ids("COÖRDINATIE"), std::vector<std::string>{coordination});
  EXPECT_EQ(ids("taalcafe"), std::vector<std::string>{cafe});
  EXPECT_EQ(ids("hertogenbosch"), std::vector<std::string>{cafe});  // in the description
  EXPECT_TRUE(ids("zwemles").empty());
  // Paged as the list is: newest first, and the total counts every page.
  auto first = bench->exchange->Browse({.text = "e"}, 1, 2);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->total, 3);
  EXPECT_EQ(first->postings.size(), 2u);
  auto second = bench->exchange->Browse({.text = "e"}, 2, 2);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->postings.size(), 1u);
  EXPECT_EQ(second->total, 3);
}

// Every (from, to) pair through Move, by an author who is also staff (so that only the rules of
// the life cycle decide): the legal steps succeed, expiry is the clock's, the rest conflict.
TEST(ExchangeMove, EveryLegalStepSucceedsAndEveryOtherIsRefused) {
  using S = PostingStatus;
  const std::vector<std::pair<S, S>> legal = {
      {S::kDraft, S::kAwaitingModeration},
      {S::kDraft, S::kOpen},
      {S::kDraft, S::kClosed},
      {S::kAwaitingModeration, S::kOpen},
      {S::kAwaitingModeration, S::kClosed},
      {S::kAwaitingModeration, S::kDraft},
      {S::kOpen, S::kFilled},
      {S::kOpen, S::kClosed},
      {S::kFilled, S::kOpen},
      {S::kFilled, S::kClosed},
      {S::kExpired, S::kOpen},
  };
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string desk = AddAccount(*bench, "desk");
  for (S from : domain::AllPostingStatuses()) {
    for (S to : domain::AllPostingStatuses()) {
      store::PostingRecord posting = MustPost(*bench, Staff(desk), false);
      ForceStatus(*bench, posting.id, from);
      auto moved = bench->exchange->Move(Staff(desk), posting.id, to);
      std::string step = StatusName(from) + " → " + StatusName(to);
      bool is_legal = std::find(legal.begin(), legal.end(), std::pair{from, to}) != legal.end();
      if (is_legal) {
        ASSERT_TRUE(moved.ok()) << step << ": " << moved.error().message;
        // A trusted author's submission lands on open, whichever was asked.
        S landed = from == S::kDraft && to == S::kAwaitingModeration ? S::kOpen : to;
        EXPECT_EQ(Stored(*bench, posting.id).status, StatusName(landed)) << step;
      } else {
        ASSERT_FALSE(moved.ok()) << step;
        EXPECT_EQ(moved.error().code,
                  to == S::kExpired ? ErrorCode::kInvalidArgument : ErrorCode::kConflict)
            << step;
        EXPECT_EQ(Stored(*bench, posting.id).status, StatusName(from)) << step;
      }
    }
  }
}

TEST(ExchangeMove, AuthorAndKeepersManageTheirPostingsAndOthersDoNot) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  std::string kees = AddAccount(*bench, "kees");
  std::string lisa = AddAccount(*bench, "lisa");
  std::string bert = AddAccount(*bench, "bert");
  std::string org = AddOrganization(*bench, "voedselbank");
  store::PostingRecord for_org = VolunteerRequest();
  for_org.organization_id = org;
  store::PostingRecord posting = MustPost(*bench, Keeper(kees, org), false, for_org);

  // Another keeper of the organisation submits (trusted: open), marks filled, reopens.
  ASSERT_TRUE(bench->exchange->Move(Keeper(lisa, org), posting.id, PostingStatus::kOpen).ok());
  EXPECT_EQ(Stored(*bench, posting.id).status, "open");
  auto by_stranger = bench->exchange->Move(Person(bert), posting.id, PostingStatus::kClosed);
  ASSERT_FALSE(by_stranger.ok());
  EXPECT_EQ(by_stranger.error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(bench->exchange->Move(Keeper(lisa, org), posting.id, PostingStatus::kFilled).ok());
  ASSERT_TRUE(bench->exchange->Move(Keeper(kees, org), posting.id, PostingStatus::kOpen).ok());
  ASSERT_TRUE(bench->exchange->Move(Keeper(kees, org), posting.id, PostingStatus::kClosed).ok());
  EXPECT_EQ(Stored(*bench, posting.id).status, "closed");
  EXPECT_TRUE(Audited(*bench, "posting.close", kees));

  // An untrusted author's submission waits for the help desk, whichever was asked.
  store::PostingRecord own = MustPost(*bench, Person(anna), false);
  ASSERT_TRUE(bench->exchange->Move(Person(anna), own.id, PostingStatus::kOpen).ok());
  EXPECT_EQ(Stored(*bench, own.id).status, "awaiting_moderation");
}

TEST(ExchangeMove, AnExpiredPostingReopensOnlyWithALastDayAhead) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string desk = AddAccount(*bench, "desk");
  store::PostingRecord draft = VolunteerRequest();
  draft.starts_on = "2020-01-01";
  draft.ends_on = "2020-02-01";
  store::PostingRecord posting = MustPost(*bench, Staff(desk), true, draft);
  ForceStatus(*bench, posting.id, PostingStatus::kExpired);
  auto reopened = bench->exchange->Move(Staff(desk), posting.id, PostingStatus::kOpen);
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.error().code, ErrorCode::kConflict);
  EXPECT_EQ(reopened.error().field, "ends_on");
  store::PostingRecord extended = Stored(*bench, posting.id);
  extended.ends_on = "2999-12-31";
  ASSERT_TRUE(bench->exchange->Edit(Staff(desk), extended).ok());
  EXPECT_TRUE(bench->exchange->Move(Staff(desk), posting.id, PostingStatus::kOpen).ok());
}

TEST(ExchangeEdit, TheAuthorRewritesTextButNotStatusOrAuthor) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  std::string bert = AddAccount(*bench, "bert");
  std::string desk = AddAccount(*bench, "desk");
  store::PostingRecord posting = MustPost(*bench, Person(anna), true);
  ASSERT_TRUE(bench->exchange->Move(Staff(desk), posting.id, PostingStatus::kOpen).ok());
  store::PostingRecord changed = Stored(*bench, posting.id);
  changed.title = "Help sorting food";
  changed.status = "filled";
  changed.author_id = bert;
  auto edited = bench->exchange->Edit(Person(anna), changed);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  store::PostingRecord stored = Stored(*bench, posting.id);
  EXPECT_EQ(stored.title, "Help sorting food");
  EXPECT_EQ(stored.status, "open");
  EXPECT_EQ(stored.author_id, anna);

  changed.title = "";
  auto invalid = bench->exchange->Edit(Person(anna), changed);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().field, "title");
  changed.title = "Taken over";
  auto by_stranger = bench->exchange->Edit(Person(bert), changed);
  ASSERT_FALSE(by_stranger.ok());
  EXPECT_EQ(by_stranger.error().code, ErrorCode::kForbidden);

  ASSERT_TRUE(bench->exchange->Move(Person(anna), posting.id, PostingStatus::kClosed).ok());
  auto closed = bench->exchange->Edit(Person(anna), changed);
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, ErrorCode::kConflict);
}

TEST(ExchangeModeration, TheQueueIsForStaff) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  std::string desk = AddAccount(*bench, "desk");
  store::PostingRecord waiting = MustPost(*bench, Person(anna), true);
  MustPost(*bench, Person(anna), false);
  auto queue = bench->exchange->Queue(Staff(desk), 1, 10);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->postings.size(), 1u);
  EXPECT_EQ(queue->postings[0].id, waiting.id);
  auto refused = bench->exchange->Queue(Person(anna), 1, 10);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
}

TEST(ExchangeProfile, SavesTheActorsOwnProfileValidatedAndKeepsConsent) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  std::string bert = AddAccount(*bench, "bert");
  store::ProfileRecord profile = VolunteerProfile();
  profile.account_id = bert;                        // ignored: always the actor's own
  profile.consent_at = "2026-01-01T00:00:00.000Z";  // ignored: Consent sets it
  auto saved = bench->exchange->SaveProfile(Person(anna), profile);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->account_id, anna);
  EXPECT_FALSE(saved->consent_at.has_value());
  EXPECT_FALSE(saved->waiting_since.empty());
  auto bert_profile = bench->exchange->Profile(Person(bert));
  ASSERT_TRUE(bert_profile.ok());
  EXPECT_FALSE(bert_profile->has_value());

  ASSERT_TRUE(bench->exchange->Consent(Person(anna), true).ok());
  profile.travel_km = 250;
  auto invalid = bench->exchange->SaveProfile(Person(anna), profile);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().field, "travel_km");
  profile.travel_km = 20;
  saved = bench->exchange->SaveProfile(Person(anna), profile);
  ASSERT_TRUE(saved.ok());
  EXPECT_TRUE(saved->consent_at.has_value());  // saving again keeps the consent
  EXPECT_EQ(saved->travel_km, 20);
  EXPECT_TRUE(Audited(*bench, "profile.consent", anna));

  auto no_profile = bench->exchange->Consent(Person(bert), true);
  ASSERT_FALSE(no_profile.ok());
  EXPECT_EQ(no_profile.error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(bench->exchange->DeleteProfile(Person(anna)).ok());
  auto gone = bench->exchange->Profile(Person(anna));
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
  auto again = bench->exchange->DeleteProfile(Person(anna));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

TEST(ExchangeAudit, EntriesNameActorsAndRecordsButNoPersonalData) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  std::string anna = AddAccount(*bench, "anna");
  store::PostingRecord draft = VolunteerRequest("Mijn adres is Markt 1");
  MustPost(*bench, Person(anna), false, draft);
  ASSERT_TRUE(bench->exchange->SaveProfile(Person(anna), VolunteerProfile()).ok());
  for (const store::AuditEntry& entry : test_support::AuditLog(*bench)) {
    EXPECT_EQ(entry.actor_id, anna);
    EXPECT_EQ(entry.action.find("Markt"), std::string::npos);
    EXPECT_EQ(entry.target_id.find("@"), std::string::npos);
  }
  EXPECT_TRUE(Audited(*bench, "profile.save", anna));
}

}  // namespace
}  // namespace knooppunt::exchange
