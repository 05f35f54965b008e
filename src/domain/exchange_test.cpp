// The life cycles of postings and matches: every step, legal and illegal, and the names.
#include "domain/exchange.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>

namespace knooppunt::domain {
namespace {

using PS = PostingStatus;
using MS = MatchStatus;
using ME = MatchEvent;

TEST(PostingStatus, TheseStepsAndNoOthersAreAllowed) {
  const std::set<std::pair<PS, PS>> allowed = {
      {PS::kDraft, PS::kAwaitingModeration},  {PS::kDraft, PS::kOpen},
      {PS::kDraft, PS::kClosed},              {PS::kAwaitingModeration, PS::kOpen},
      {PS::kAwaitingModeration, PS::kClosed}, {PS::kAwaitingModeration, PS::kDraft},
      {PS::kOpen, PS::kFilled},               {PS::kOpen, PS::kClosed},
      {PS::kOpen, PS::kExpired},              {PS::kFilled, PS::kOpen},
      {PS::kFilled, PS::kClosed},             {PS::kFilled, PS::kExpired},
      {PS::kExpired, PS::kOpen},
  };
  for (PS from : AllPostingStatuses()) {
    for (PS to : AllPostingStatuses()) {
      EXPECT_EQ(MayMovePosting(from, to), allowed.contains({from, to}))
          << PostingStatusName(from) << " → " << PostingStatusName(to);
    }
  }
}

TEST(MatchStatus, BothSidesSayYesInEitherOrder) {
  EXPECT_EQ(*NextMatchStatus(MS::kProposed, ME::kPersonAccepts), MS::kPersonAccepted);
  EXPECT_EQ(*NextMatchStatus(MS::kPersonAccepted, ME::kPosterAccepts), MS::kActive);
  EXPECT_EQ(*NextMatchStatus(MS::kProposed, ME::kPosterAccepts), MS::kPosterAccepted);
  EXPECT_EQ(*NextMatchStatus(MS::kPosterAccepted, ME::kPersonAccepts), MS::kActive);
  EXPECT_EQ(*NextMatchStatus(MS::kActive, ME::kComplete), MS::kCompleted);
}

TEST(MatchStatus, EveryStepIsDefinedAndTheRestAreConflicts) {
  // from, event → to; everything not listed is refused.
  const std::map<std::pair<MS, ME>, MS> legal = {
      {{MS::kProposed, ME::kPersonAccepts}, MS::kPersonAccepted},
      {{MS::kProposed, ME::kPosterAccepts}, MS::kPosterAccepted},
      {{MS::kProposed, ME::kPersonDeclines}, MS::kDeclined},
      {{MS::kProposed, ME::kPosterDeclines}, MS::kDeclined},
      {{MS::kProposed, ME::kExpire}, MS::kExpired},
      {{MS::kPersonAccepted, ME::kPosterAccepts}, MS::kActive},
      {{MS::kPersonAccepted, ME::kPersonDeclines}, MS::kDeclined},
      {{MS::kPersonAccepted, ME::kPosterDeclines}, MS::kDeclined},
      {{MS::kPersonAccepted, ME::kExpire}, MS::kExpired},
      {{MS::kPosterAccepted, ME::kPersonAccepts}, MS::kActive},
      {{MS::kPosterAccepted, ME::kPersonDeclines}, MS::kDeclined},
      {{MS::kPosterAccepted, ME::kPosterDeclines}, MS::kDeclined},
      {{MS::kPosterAccepted, ME::kExpire}, MS::kExpired},
      {{MS::kActive, ME::kComplete}, MS::kCompleted},
  };
  for (MS from : AllMatchStatuses()) {
    for (ME event : AllMatchEvents()) {
      auto next = NextMatchStatus(from, event);
      auto found = legal.find({from, event});
      if (found != legal.end()) {
        ASSERT_TRUE(next.ok()) << MatchStatusName(from) << " + " << MatchEventName(event);
        EXPECT_EQ(*next, found->second) << MatchStatusName(from) << " + " << MatchEventName(event);
      } else {
        ASSERT_FALSE(next.ok()) << MatchStatusName(from) << " + " << MatchEventName(event);
        EXPECT_EQ(next.error().code, ErrorCode::kConflict);
        EXPECT_NE(next.error().message.find(std::string(MatchStatusName(from))),
                  std::string::npos);
      }
    }
  }
}

TEST(MatchStatus, OnlyBothSidesYesOpensContact) {
  for (MS status : AllMatchStatuses()) {
    EXPECT_EQ(IsMatchActive(status), status == MS::kActive || status == MS::kCompleted)
        << MatchStatusName(status);
    EXPECT_EQ(IsMatchPending(status), status == MS::kProposed || status == MS::kPersonAccepted ||
                                          status == MS::kPosterAccepted)
        << MatchStatusName(status);
  }
}

TEST(ExchangeNames, RoundTripAndRefuseUnknownNames) {
  for (PostingKind kind : AllPostingKinds()) {
    EXPECT_EQ(ParsePostingKind(PostingKindName(kind)), kind);
  }
  for (PS status : AllPostingStatuses()) {
    EXPECT_EQ(ParsePostingStatus(PostingStatusName(status)), status);
  }
  for (MS status : AllMatchStatuses()) EXPECT_EQ(ParseMatchStatus(MatchStatusName(status)), status);
  for (ME event : AllMatchEvents()) EXPECT_EQ(ParseMatchEvent(MatchEventName(event)), event);
  EXPECT_EQ(ParsePostingSide("offer"), PostingSide::kOffer);
  EXPECT_EQ(ParseCefr("B1"), CefrLevel::kB1);
  EXPECT_EQ(AllPostingKinds().size(), 6u);
  for (std::string_view bad : {"", "Buddy", "buddy ", "open;", "b1", "C3"}) {
    EXPECT_FALSE(ParsePostingKind(bad).has_value()) << bad;
    EXPECT_FALSE(ParsePostingStatus(bad).has_value()) << bad;
    EXPECT_FALSE(ParseCefr(bad).has_value()) << bad;
  }
  EXPECT_EQ(PostingKindName(PostingKind::kVolunteerWork), "volunteer_work");
  EXPECT_EQ(MatchStatusName(MS::kPersonAccepted), "person_accepted");
}

}  // namespace
}  // namespace knooppunt::domain
