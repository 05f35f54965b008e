// Suggestions, rounds, answers, expiry and messages through Exchange, on a real SQLite store.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "exchange/convert.h"
#include "exchange/exchange.h"
#include "exchange/test_support.h"

namespace knooppunt::exchange {
namespace {

using domain::MatchEvent;
using domain::PostingStatus;
using test_support::AddAccount;
using test_support::Audited;
using test_support::Bench;
using test_support::ForceStatus;
using test_support::MakeBench;
using test_support::Person;
using test_support::Staff;
using test_support::Stored;
using test_support::StoredMatch;
using test_support::VolunteerProfile;
using test_support::VolunteerRequest;
using Notices = std::vector<testing::Notice>;

// An open posting by `author`, approved by `desk`; the notices of that are forgotten.
std::string OpenPosting(Bench& bench, const std::string& author, const std::string& desk,
                        store::PostingRecord draft = VolunteerRequest()) {
  auto posted = bench.exchange->Post(Person(author), draft, true);
  if (!posted.ok()) {
    ADD_FAILURE() << posted.error().field << ": " << posted.error().message;
    return "";
  }
  EXPECT_TRUE(bench.exchange->Move(Staff(desk), posted->id, PostingStatus::kOpen).ok());
  bench.notifier.Clear();
  return posted->id;
}

// A profile with consent to be matched.
void Consenting(Bench& bench, const std::string& account,
                store::ProfileRecord profile = VolunteerProfile()) {
  auto saved = bench.exchange->SaveProfile(Person(account), profile);
  ASSERT_TRUE(saved.ok()) << saved.error().field << ": " << saved.error().message;
  ASSERT_TRUE(bench.exchange->Consent(Person(account), true).ok());
}

// A proposal sent at once by the help desk; its id.
std::string Proposed(Bench& bench, const std::string& desk, const std::string& person,
                     const std::string& posting) {
  auto proposed = bench.exchange->Propose(Staff(desk), person, posting);
  if (!proposed.ok()) {
    ADD_FAILURE() << proposed.error().field << ": " << proposed.error().message;
    return "";
  }
  bench.notifier.Clear();
  return proposed->id;
}

// Both sides said yes.
void MakeActive(Bench& bench, const std::string& match, const std::string& person,
                const std::string& poster) {
  ASSERT_TRUE(bench.exchange->Answer(Person(person), match, MatchEvent::kPersonAccepts).ok());
  ASSERT_TRUE(bench.exchange->Answer(Person(poster), match, MatchEvent::kPosterAccepts).ok());
  bench.notifier.Clear();
}

// The three people of most tests: anna offers her time, piet asks for it, desk matches.
struct People {
  std::string anna, piet, desk;
};
People AddPeople(Bench& bench) {
  return {AddAccount(bench, "anna"), AddAccount(bench, "piet"), AddAccount(bench, "desk")};
}

TEST(ExchangeSuggest, ForMeNeedsConsent) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  auto none = bench->exchange->SuggestForMe(Person(p.anna), 5);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kConflict);
  EXPECT_EQ(none.error().field, "consent");
  ASSERT_TRUE(bench->exchange->SaveProfile(Person(p.anna), VolunteerProfile()).ok());
  auto without = bench->exchange->SuggestForMe(Person(p.anna), 5);
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.error().field, "consent");

  ASSERT_TRUE(bench->exchange->Consent(Person(p.anna), true).ok());
  auto suggestions = bench->exchange->SuggestForMe(Person(p.anna), 5);
  ASSERT_TRUE(suggestions.ok()) << suggestions.error().message;
  ASSERT_EQ(suggestions->size(), 1u);
  EXPECT_EQ((*suggestions)[0].posting.id, posting);
  EXPECT_GT((*suggestions)[0].score, 0);
  EXPECT_FALSE((*suggestions)[0].reasons.empty());
}

TEST(ExchangeSuggest, LeaveOutPostingsNotOpenAndThePersonsOwn) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.anna);
  std::string open = OpenPosting(*bench, p.piet, p.desk);
  std::string closed = OpenPosting(*bench, p.piet, p.desk);
  ASSERT_TRUE(bench->exchange->Move(Person(p.piet), closed, PostingStatus::kClosed).ok());
  std::string filled = OpenPosting(*bench, p.piet, p.desk);
  ForceStatus(*bench, filled, PostingStatus::kFilled);
  ASSERT_TRUE(bench->exchange->Post(Person(p.piet), VolunteerRequest(), false).ok());  // draft
  ASSERT_TRUE(bench->exchange->Post(Person(p.piet), VolunteerRequest(), true).ok());   // waiting
  OpenPosting(*bench, p.anna, p.desk);  // her own

  auto suggestions = bench->exchange->SuggestForMe(Person(p.anna), 10);
  ASSERT_TRUE(suggestions.ok()) << suggestions.error().message;
  ASSERT_EQ(suggestions->size(), 1u);
  EXPECT_EQ((*suggestions)[0].posting.id, open);
  // The same own posting is suggested to someone else.
  std::string bert = AddAccount(*bench, "bert");
  Consenting(*bench, bert);
  auto for_bert = bench->exchange->SuggestForMe(Person(bert), 10);
  ASSERT_TRUE(for_bert.ok());
  EXPECT_EQ(for_bert->size(), 2u);
}

TEST(ExchangeSuggest, WithdrawingConsentStopsSuggestionsAndRounds) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  ASSERT_TRUE(bench->exchange->SuggestForMe(Person(p.anna), 5).ok());
  ASSERT_TRUE(bench->exchange->Consent(Person(p.anna), false).ok());
  auto suggestions = bench->exchange->SuggestForMe(Person(p.anna), 5);
  ASSERT_FALSE(suggestions.ok());
  EXPECT_EQ(suggestions.error().field, "consent");
  auto for_posting = bench->exchange->SuggestForPosting(Person(p.piet), posting, 5);
  ASSERT_TRUE(for_posting.ok());
  EXPECT_TRUE(for_posting->empty());
  auto round = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(round.ok()) << round.error().message;
  EXPECT_TRUE(round->proposals.empty());
  EXPECT_TRUE(Audited(*bench, "profile.withdraw_consent", p.anna));
}

TEST(ExchangeSuggest, ForAPostingOffersConsentingPeopleButNotItsAuthor) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string bert = AddAccount(*bench, "bert");
  std::string carl = AddAccount(*bench, "carl");
  Consenting(*bench, p.anna);
  Consenting(*bench, p.piet);  // fits his own posting, but is its author
  ASSERT_TRUE(bench->exchange->SaveProfile(Person(bert), VolunteerProfile()).ok());  // no consent
  std::string posting = OpenPosting(*bench, p.piet, p.desk);

  for (const domain::Actor& actor : {Person(p.piet), Staff(p.desk)}) {
    auto suggestions = bench->exchange->SuggestForPosting(actor, posting, 5);
    ASSERT_TRUE(suggestions.ok()) << suggestions.error().message;
    ASSERT_EQ(suggestions->size(), 1u);
    EXPECT_EQ((*suggestions)[0].person_id, p.anna);
    EXPECT_GT((*suggestions)[0].score, 0);
  }
  auto by_stranger = bench->exchange->SuggestForPosting(Person(carl), posting, 5);
  ASSERT_FALSE(by_stranger.ok());
  EXPECT_EQ(by_stranger.error().code, ErrorCode::kForbidden);
  auto too_many = bench->exchange->SuggestForPosting(Person(p.piet), posting, 51);
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().field, "k");
}

TEST(ExchangeRound, StoresProposalsWithoutTellingAnyone) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);

  auto refused = bench->exchange->RunRound(Person(p.anna), false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);

  auto round = bench->exchange->RunRound(Staff(p.desk), true);
  ASSERT_TRUE(round.ok()) << round.error().message;
  EXPECT_EQ(round->round.status, "proposal");
  EXPECT_TRUE(round->round.favour_waiting);
  ASSERT_EQ(round->proposals.size(), 1u);
  const store::MatchRecord& proposal = round->proposals[0];
  EXPECT_EQ(proposal.person_id, p.anna);
  EXPECT_EQ(proposal.posting_id, posting);
  EXPECT_EQ(proposal.round_id, round->round.id);
  EXPECT_GT(proposal.score, 0);
  EXPECT_NE(proposal.reasons.find("\"code\":\"speaks_language\""), std::string::npos);
  EXPECT_EQ(round->round.total_score, proposal.score);
  EXPECT_EQ(StoredMatch(*bench, proposal.id).status, "proposed");
  EXPECT_TRUE(bench->notifier.notices().empty());
  EXPECT_TRUE(Audited(*bench, "round.run", p.desk));

  // Not sent: the two sides neither see nor answer it.
  auto mine = bench->exchange->MyMatches(Person(p.anna));
  ASSERT_TRUE(mine.ok());
  EXPECT_TRUE(mine->empty());
  auto theirs = bench->exchange->MyMatches(Person(p.piet));
  ASSERT_TRUE(theirs.ok());
  EXPECT_TRUE(theirs->empty());
  auto answered = bench->exchange->Answer(Person(p.anna), proposal.id, MatchEvent::kPersonAccepts);
  ASSERT_FALSE(answered.ok());
  EXPECT_EQ(answered.error().code, ErrorCode::kNotFound);
}

TEST(ExchangeRound, NeverProposesAPersonForTheirOwnPosting) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.piet);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  auto round = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(round.ok()) << round.error().message;
  EXPECT_TRUE(round->proposals.empty());
  auto own = bench->exchange->Propose(Staff(p.desk), p.piet, posting);
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().code, ErrorCode::kConflict);
  EXPECT_EQ(own.error().field, "person_id");
}

TEST(ExchangeRound, NeverProposesSomeoneOfThePostingsOrganisation) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string mosque = test_support::AddOrganization(*bench, "moskee");
  std::string board = AddAccount(*bench, "bestuur");
  ASSERT_TRUE(bench->store->accounts()
                  .AddGrant(board, {domain::Role::kOrganizationMember, mosque})
                  .ok());
  Consenting(*bench, board);
  Consenting(*bench, p.anna);
  store::PostingRecord draft = VolunteerRequest("Help at the mosque's open day");
  draft.organization_id = mosque;
  auto posted = bench->exchange->Post(test_support::Keeper(p.piet, mosque), draft, true);
  ASSERT_TRUE(posted.ok()) << posted.error().message;
  ASSERT_EQ(posted->status, "open");  // an organisation's own posting needs no moderation

  auto for_posting = bench->exchange->SuggestForPosting(Staff(p.desk), posted->id, 10);
  ASSERT_TRUE(for_posting.ok());
  ASSERT_EQ(for_posting->size(), 1u);
  EXPECT_EQ((*for_posting)[0].person_id, p.anna);
  auto for_board = bench->exchange->SuggestForMe(Person(board), 10);
  ASSERT_TRUE(for_board.ok());
  EXPECT_TRUE(for_board->empty());

  auto round = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(round.ok()) << round.error().message;
  ASSERT_EQ(round->proposals.size(), 1u);
  EXPECT_EQ(round->proposals[0].person_id, p.anna);
  auto proposed = bench->exchange->Propose(Staff(p.desk), board, posted->id);
  ASSERT_FALSE(proposed.ok());
  EXPECT_EQ(proposed.error().field, "person_id");
}

TEST(ExchangeRound, SkipsPairsThatHaveAPendingMatch) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  store::ProfileRecord profile = VolunteerProfile();
  profile.max_matches = 3;
  Consenting(*bench, p.anna, profile);
  store::PostingRecord draft = VolunteerRequest();
  draft.capacity = 3;
  std::string posting = OpenPosting(*bench, p.piet, p.desk, draft);
  auto first = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->proposals.size(), 1u);
  auto second = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_TRUE(second->proposals.empty());
  ASSERT_TRUE(bench->exchange->SendRound(Staff(p.desk), first->round.id).ok());
  auto third = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(third.ok());
  EXPECT_TRUE(third->proposals.empty());
  auto again = bench->exchange->Propose(Staff(p.desk), p.anna, posting);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST(ExchangeRound, SendingTellsBothSidesAndStartsTheAnswerPeriod) {
  auto bench = MakeBench({.answer_period = std::chrono::hours(24 * 14)});
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.anna);
  OpenPosting(*bench, p.piet, p.desk);
  auto round = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(round.ok());
  ASSERT_EQ(round->proposals.size(), 1u);
  std::string match = round->proposals[0].id;

  auto refused = bench->exchange->SendRound(Person(p.anna), round->round.id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  domain::Instant before = domain::Now();
  ASSERT_TRUE(bench->exchange->SendRound(Staff(p.desk), round->round.id).ok());
  domain::Instant after = domain::Now();

  store::MatchRecord sent = StoredMatch(*bench, match);
  EXPECT_EQ(sent.status, "proposed");
  auto expires = domain::ParseDateTime(sent.expires_at);
  ASSERT_TRUE(expires.has_value()) << sent.expires_at;
  EXPECT_GE(*expires, before + std::chrono::hours(24 * 14));
  EXPECT_LE(*expires, after + std::chrono::hours(24 * 14));
  EXPECT_EQ(bench->notifier.notices(),
            (Notices{{"proposed", p.anna, match}, {"proposed", p.piet, match}}));
  auto stored_round = bench->postings().RoundById(round->round.id);
  ASSERT_TRUE(stored_round.ok() && stored_round->has_value());
  EXPECT_EQ((*stored_round)->status, "sent");
  EXPECT_TRUE(Audited(*bench, "round.send", p.desk));

  auto twice = bench->exchange->SendRound(Staff(p.desk), round->round.id);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  auto mine = bench->exchange->MyMatches(Person(p.anna));
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  auto theirs = bench->exchange->MyMatches(Person(p.piet));
  ASSERT_TRUE(theirs.ok());
  ASSERT_EQ(theirs->size(), 1u);
}

TEST(ExchangeRound, StaffDropAndProposeBeforeSending) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string bert = AddAccount(*bench, "bert");
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  auto round = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(round.ok());
  ASSERT_EQ(round->proposals.size(), 1u);
  Consenting(*bench, bert);

  // Swap anna for bert.
  auto dropped_by_person = bench->exchange->DropProposal(Person(p.anna), round->proposals[0].id);
  ASSERT_FALSE(dropped_by_person.ok());
  EXPECT_EQ(dropped_by_person.error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(bench->exchange->DropProposal(Staff(p.desk), round->proposals[0].id).ok());
  auto proposed = bench->exchange->Propose(Staff(p.desk), bert, posting, round->round.id);
  ASSERT_TRUE(proposed.ok()) << proposed.error().field << ": " << proposed.error().message;
  EXPECT_EQ(proposed->round_id, round->round.id);
  EXPECT_TRUE(proposed->expires_at.empty());
  EXPECT_TRUE(bench->notifier.notices().empty());
  auto in_round = bench->postings().MatchesOfRound(round->round.id);
  ASSERT_TRUE(in_round.ok());
  ASSERT_EQ(in_round->size(), 1u);
  EXPECT_EQ((*in_round)[0].person_id, bert);

  ASSERT_TRUE(bench->exchange->SendRound(Staff(p.desk), round->round.id).ok());
  EXPECT_EQ(bench->notifier.notices(),
            (Notices{{"proposed", bert, proposed->id}, {"proposed", p.piet, proposed->id}}));
  auto late_drop = bench->exchange->DropProposal(Staff(p.desk), proposed->id);
  ASSERT_FALSE(late_drop.ok());
  EXPECT_EQ(late_drop.error().code, ErrorCode::kConflict);
  auto late_propose = bench->exchange->Propose(Staff(p.desk), p.anna, posting, round->round.id);
  ASSERT_FALSE(late_propose.ok());
  EXPECT_EQ(late_propose.error().field, "round_id");
}

TEST(ExchangeRound, ReplaceTakesTheSpotOfTheProposalItReplaces) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string bert = AddAccount(*bench, "bert");
  std::string carl = AddAccount(*bench, "carl");
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);  // one spot
  auto round = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(round.ok());
  ASSERT_EQ(round->proposals.size(), 1u);
  const store::MatchRecord anna = round->proposals[0];
  Consenting(*bench, bert);
  store::ProfileRecord far = VolunteerProfile();
  far.latitude = *far.latitude + 1;  // 111 km north
  Consenting(*bench, carl, far);

  // Proposing bert beside anna finds the one spot taken; replacing anna frees it.
  auto beside = bench->exchange->Propose(Staff(p.desk), bert, posting, round->round.id);
  ASSERT_FALSE(beside.ok());
  EXPECT_EQ(beside.error().field, "capacity");
  EXPECT_EQ(bench->exchange->ReplaceProposal(Person(p.piet), anna.id, bert).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(bench->exchange->ReplaceProposal(Staff(p.desk), anna.id, p.anna).error().field,
            "person_id");
  auto refused = bench->exchange->ReplaceProposal(Staff(p.desk), anna.id, carl);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "distance");
  auto kept = bench->postings().MatchesOfRound(round->round.id);
  ASSERT_TRUE(kept.ok());
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ((*kept)[0].id, anna.id);  // a refused swap leaves the old proposal

  auto replaced = bench->exchange->ReplaceProposal(Staff(p.desk), anna.id, bert);
  ASSERT_TRUE(replaced.ok()) << replaced.error().field << ": " << replaced.error().message;
  EXPECT_EQ(replaced->person_id, bert);
  EXPECT_EQ(replaced->round_id, round->round.id);
  auto now_in = bench->exchange->Round(Staff(p.desk), round->round.id);
  ASSERT_TRUE(now_in.ok());
  ASSERT_EQ(now_in->proposals.size(), 1u);
  EXPECT_EQ(now_in->proposals[0].person_id, bert);
  EXPECT_EQ(now_in->round.total_score, replaced->score);
  EXPECT_TRUE(bench->notifier.notices().empty());
  EXPECT_TRUE(Audited(*bench, "match.replace", p.desk));

  ASSERT_TRUE(bench->exchange->SendRound(Staff(p.desk), round->round.id).ok());
  auto late = bench->exchange->ReplaceProposal(Staff(p.desk), replaced->id, p.anna);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
}

TEST(ExchangePropose, AtOnceIsSentAndMustPassTheHardConstraints) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string carl = AddAccount(*bench, "carl");
  Consenting(*bench, p.anna);
  store::ProfileRecord far = VolunteerProfile();
  far.latitude = *far.latitude + 1;  // 111 km north
  Consenting(*bench, carl, far);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);

  auto by_person = bench->exchange->Propose(Person(p.anna), p.anna, posting);
  ASSERT_FALSE(by_person.ok());
  EXPECT_EQ(by_person.error().code, ErrorCode::kForbidden);
  auto too_far = bench->exchange->Propose(Staff(p.desk), carl, posting);
  ASSERT_FALSE(too_far.ok());
  EXPECT_EQ(too_far.error().code, ErrorCode::kConflict);
  EXPECT_EQ(too_far.error().field, "distance");

  auto proposed = bench->exchange->Propose(Staff(p.desk), p.anna, posting);
  ASSERT_TRUE(proposed.ok()) << proposed.error().message;
  EXPECT_FALSE(proposed->expires_at.empty());
  EXPECT_FALSE(proposed->round_id.has_value());
  EXPECT_EQ(bench->notifier.notices(),
            (Notices{{"proposed", p.anna, proposed->id}, {"proposed", p.piet, proposed->id}}));
}

TEST(ExchangeAnswer, PersonFirstThenPosterMakesItActiveAndTellsTheOtherSide) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  std::string match = Proposed(*bench, p.desk, p.anna, posting);

  auto yes = bench->exchange->Answer(Person(p.anna), match, MatchEvent::kPersonAccepts);
  ASSERT_TRUE(yes.ok()) << yes.error().message;
  EXPECT_EQ(StoredMatch(*bench, match).status, "person_accepted");
  EXPECT_EQ(bench->notifier.notices(), (Notices{{"accepted", p.piet, match}}));
  bench->notifier.Clear();

  ASSERT_TRUE(bench->exchange->Answer(Person(p.piet), match, MatchEvent::kPosterAccepts).ok());
  EXPECT_EQ(StoredMatch(*bench, match).status, "active");
  EXPECT_EQ(bench->notifier.notices(),
            (Notices{{"active", p.anna, match}, {"active", p.piet, match}}));
  EXPECT_TRUE(Audited(*bench, "match.accept", p.anna));
  EXPECT_TRUE(Audited(*bench, "match.accept", p.piet));
}

TEST(ExchangeAnswer, PosterFirstThenPersonMakesItActive) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  std::string match = Proposed(*bench, p.desk, p.anna, posting);

  ASSERT_TRUE(bench->exchange->Answer(Person(p.piet), match, MatchEvent::kPosterAccepts).ok());
  EXPECT_EQ(StoredMatch(*bench, match).status, "poster_accepted");
  EXPECT_EQ(bench->notifier.notices(), (Notices{{"accepted", p.anna, match}}));
  bench->notifier.Clear();
  auto second = bench->exchange->Answer(Person(p.piet), match, MatchEvent::kPosterAccepts);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);

  ASSERT_TRUE(bench->exchange->Answer(Person(p.anna), match, MatchEvent::kPersonAccepts).ok());
  EXPECT_EQ(StoredMatch(*bench, match).status, "active");
  EXPECT_EQ(bench->notifier.notices(),
            (Notices{{"active", p.anna, match}, {"active", p.piet, match}}));
}

TEST(ExchangeAnswer, OnlyEachSideAnswersForItself) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string carl = AddAccount(*bench, "carl");
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  std::string match = Proposed(*bench, p.desk, p.anna, posting);

  for (MatchEvent event : {MatchEvent::kPersonAccepts, MatchEvent::kPosterAccepts,
                           MatchEvent::kPersonDeclines, MatchEvent::kComplete}) {
    for (const domain::Actor& stranger : {Person(carl), Staff(p.desk)}) {
      auto answered = bench->exchange->Answer(stranger, match, event);
      ASSERT_FALSE(answered.ok());
      EXPECT_EQ(answered.error().code, ErrorCode::kForbidden);
    }
  }
  auto as_poster = bench->exchange->Answer(Person(p.anna), match, MatchEvent::kPosterAccepts);
  ASSERT_FALSE(as_poster.ok());
  EXPECT_EQ(as_poster.error().code, ErrorCode::kForbidden);
  auto as_person = bench->exchange->Answer(Person(p.piet), match, MatchEvent::kPersonAccepts);
  ASSERT_FALSE(as_person.ok());
  EXPECT_EQ(as_person.error().code, ErrorCode::kForbidden);
  auto expire = bench->exchange->Answer(Person(p.anna), match, MatchEvent::kExpire);
  ASSERT_FALSE(expire.ok());
  EXPECT_EQ(expire.error().code, ErrorCode::kInvalidArgument);
  auto unknown =
      bench->exchange->Answer(Person(p.anna), "no-such-match", MatchEvent::kPersonAccepts);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(StoredMatch(*bench, match).status, "proposed");
  EXPECT_TRUE(bench->notifier.notices().empty());
}

TEST(ExchangeAnswer, ADeclinedMatchCannotBeAccepted) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  std::string match = Proposed(*bench, p.desk, p.anna, posting);

  auto no =
      bench->exchange->Answer(Person(p.anna), match, MatchEvent::kPersonDeclines, "Too far for me");
  ASSERT_TRUE(no.ok()) << no.error().message;
  store::MatchRecord declined = StoredMatch(*bench, match);
  EXPECT_EQ(declined.status, "declined");
  EXPECT_EQ(declined.decline_reason, "Too far for me");
  EXPECT_EQ(bench->notifier.notices(), (Notices{{"declined", p.piet, match}}));
  EXPECT_TRUE(Audited(*bench, "match.decline", p.anna));

  auto yes = bench->exchange->Answer(Person(p.piet), match, MatchEvent::kPosterAccepts);
  ASSERT_FALSE(yes.ok());
  EXPECT_EQ(yes.error().code, ErrorCode::kConflict);
  EXPECT_EQ(StoredMatch(*bench, match).status, "declined");
}

TEST(ExchangeAnswer, ThePostingIsFilledWhenActiveMatchesTakeEverySpot) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string bert = AddAccount(*bench, "bert");
  std::string carl = AddAccount(*bench, "carl");
  Consenting(*bench, p.anna);
  Consenting(*bench, bert);
  Consenting(*bench, carl);
  store::PostingRecord draft = VolunteerRequest();
  draft.capacity = 3;
  std::string posting = OpenPosting(*bench, p.piet, p.desk, draft);
  std::string first = Proposed(*bench, p.desk, p.anna, posting);
  std::string second = Proposed(*bench, p.desk, bert, posting);
  std::string third = Proposed(*bench, p.desk, carl, posting);
  // Piet needs one person fewer now.
  store::PostingRecord fewer = Stored(*bench, posting);
  fewer.capacity = 2;
  ASSERT_TRUE(bench->exchange->Edit(Person(p.piet), fewer).ok());

  MakeActive(*bench, first, p.anna, p.piet);
  EXPECT_EQ(Stored(*bench, posting).status, "open");
  MakeActive(*bench, second, bert, p.piet);
  EXPECT_EQ(Stored(*bench, posting).status, "filled");
  EXPECT_TRUE(Audited(*bench, "posting.fill", p.piet));
  // No yes to a posting that has no spot left.
  auto late = bench->exchange->Answer(Person(carl), third, MatchEvent::kPersonAccepts);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
}

TEST(ExchangeAnswer, EitherSideCompletesAnActiveMatchWithFeedback) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  std::string match = Proposed(*bench, p.desk, p.anna, posting);
  auto early = bench->exchange->Answer(Person(p.anna), match, MatchEvent::kComplete);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);
  MakeActive(*bench, match, p.anna, p.piet);

  auto too_long =
      bench->exchange->Answer(Person(p.anna), match, MatchEvent::kComplete, std::string(1001, 'x'));
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().field, "text");
  ASSERT_TRUE(
      bench->exchange->Answer(Person(p.piet), match, MatchEvent::kComplete, "Fijn geholpen").ok());
  store::MatchRecord completed = StoredMatch(*bench, match);
  EXPECT_EQ(completed.status, "completed");
  EXPECT_EQ(completed.poster_feedback, "Fijn geholpen");
  EXPECT_TRUE(Audited(*bench, "match.complete", p.piet));
}

TEST(ExchangeExpireDue, ExpiresUnansweredProposalsAndPostingsPastTheirLastDay) {
  auto bench = MakeBench({.answer_period = std::chrono::hours(24 * 14)});
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string bert = AddAccount(*bench, "bert");
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  std::string match = Proposed(*bench, p.desk, p.anna, posting);
  // A proposal of a round that was not sent has no clock yet.
  Consenting(*bench, bert);
  std::string other = OpenPosting(*bench, p.piet, p.desk);
  auto round = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(round.ok()) << round.error().message;
  ASSERT_EQ(round->proposals.size(), 1u);  // bert for the other: anna and posting are taken
  const store::MatchRecord* unsent = &round->proposals[0];
  EXPECT_EQ(unsent->posting_id, other);
  // A posting whose last day is today.
  domain::Instant now = domain::Now();
  store::PostingRecord ending = VolunteerRequest();
  ending.ends_on = FormatDay(DayOf(now));
  std::string ends_today = OpenPosting(*bench, p.piet, p.desk, ending);

  auto nothing = bench->exchange->ExpireDue(now);  // the last day is not over yet
  ASSERT_TRUE(nothing.ok()) << nothing.error().message;
  EXPECT_EQ(nothing->matches, 0);
  EXPECT_EQ(nothing->postings, 0);
  EXPECT_EQ(Stored(*bench, ends_today).status, "open");

  auto expired = bench->exchange->ExpireDue(now + std::chrono::hours(24 * 15));
  ASSERT_TRUE(expired.ok()) << expired.error().message;
  EXPECT_EQ(expired->matches, 1);
  EXPECT_EQ(expired->postings, 1);
  EXPECT_EQ(StoredMatch(*bench, match).status, "expired");
  EXPECT_EQ(StoredMatch(*bench, unsent->id).status, "proposed");
  EXPECT_EQ(Stored(*bench, ends_today).status, "expired");
  EXPECT_EQ(Stored(*bench, posting).status, "open");
  EXPECT_TRUE(Audited(*bench, "match.expire", "system"));
  auto late = bench->exchange->Answer(Person(p.anna), match, MatchEvent::kPersonAccepts);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
}

TEST(ExchangeMessages, OnlyBetweenTheTwoSidesOfAnActiveMatch) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string carl = AddAccount(*bench, "carl");
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  std::string match = Proposed(*bench, p.desk, p.anna, posting);

  auto too_early = bench->exchange->Send(Person(p.anna), match, "Hallo!");
  ASSERT_FALSE(too_early.ok());
  EXPECT_EQ(too_early.error().code, ErrorCode::kConflict);
  MakeActive(*bench, match, p.anna, p.piet);

  ASSERT_TRUE(bench->exchange->Send(Person(p.anna), match, "Hallo Piet, zaterdag?").ok());
  EXPECT_EQ(bench->notifier.notices(), (Notices{{"message", p.piet, match}}));
  bench->notifier.Clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));  // times are kept to the ms
  ASSERT_TRUE(bench->exchange->Send(Person(p.piet), match, "Prima, tot dan.").ok());
  EXPECT_EQ(bench->notifier.notices(), (Notices{{"message", p.anna, match}}));

  // A stranger does not learn the match exists; the help desk knows it, but may not read along.
  for (const auto& [stranger, code] : {std::pair{Person(carl), ErrorCode::kNotFound},
                                       std::pair{Staff(p.desk), ErrorCode::kForbidden}}) {
    auto sent = bench->exchange->Send(stranger, match, "Mag ik meedoen?");
    ASSERT_FALSE(sent.ok());
    EXPECT_EQ(sent.error().code, code);
    auto read = bench->exchange->Messages(stranger, match);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, code);
  }
  for (const std::string& body : {std::string(), std::string(2001, 'x'), std::string("a\0b", 3)}) {
    auto sent = bench->exchange->Send(Person(p.anna), match, body);
    ASSERT_FALSE(sent.ok());
    EXPECT_EQ(sent.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(sent.error().field, "body");
  }
  auto messages = bench->exchange->Messages(Person(p.anna), match);
  ASSERT_TRUE(messages.ok());
  ASSERT_EQ(messages->size(), 2u);
  EXPECT_EQ((*messages)[0].sender_id, p.anna);
  EXPECT_EQ((*messages)[1].sender_id, p.piet);
  EXPECT_EQ((*messages)[1].body, "Prima, tot dan.");
  EXPECT_TRUE(Audited(*bench, "message.send", p.anna));
}

TEST(ExchangeConsent, WithdrawingDeclinesWaitingProposalsAndDropsUnsentOnes) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  store::ProfileRecord profile = VolunteerProfile();
  profile.max_matches = 2;
  Consenting(*bench, p.anna, profile);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  std::string other = OpenPosting(*bench, p.piet, p.desk);
  std::string sent = Proposed(*bench, p.desk, p.anna, posting);
  auto round = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(round.ok());
  ASSERT_EQ(round->proposals.size(), 1u);
  ASSERT_EQ(round->proposals[0].posting_id, other);

  ASSERT_TRUE(bench->exchange->Consent(Person(p.anna), false).ok());
  EXPECT_EQ(StoredMatch(*bench, sent).status, "declined");
  EXPECT_EQ(bench->notifier.notices(), (Notices{{"declined", p.piet, sent}}));
  auto gone = bench->postings().MatchById(round->proposals[0].id);
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
  EXPECT_TRUE(Audited(*bench, "match.withdraw", p.anna));
  EXPECT_TRUE(Audited(*bench, "match.decline", p.anna));
}

TEST(ExchangeAccounts, DeletingTheAccountRemovesProfilePostingsAndMatches) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.anna);
  std::string own = OpenPosting(*bench, p.anna, p.desk);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  std::string match = Proposed(*bench, p.desk, p.anna, posting);
  MakeActive(*bench, match, p.anna, p.piet);
  ASSERT_TRUE(bench->exchange->Send(Person(p.anna), match, "Hallo").ok());

  ASSERT_TRUE(bench->store->accounts().DeleteAccount(p.anna).ok());
  auto profile = bench->postings().ProfileOf(p.anna);
  ASSERT_TRUE(profile.ok());
  EXPECT_FALSE(profile->has_value());
  auto own_posting = bench->postings().PostingById(own);
  ASSERT_TRUE(own_posting.ok());
  EXPECT_FALSE(own_posting->has_value());
  auto gone = bench->postings().MatchById(match);
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
  auto messages = bench->postings().MessagesOf(match);
  ASSERT_TRUE(messages.ok());
  EXPECT_TRUE(messages->empty());
  auto theirs = bench->exchange->MyMatches(Person(p.piet));
  ASSERT_TRUE(theirs.ok());
  EXPECT_TRUE(theirs->empty());
}

TEST(ExchangeMatchView, TheTwoSidesAndStaffSeeAMatchNobodyElse) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string stranger = AddAccount(*bench, "stranger");
  Consenting(*bench, p.anna);
  std::string posting = OpenPosting(*bench, p.piet, p.desk);
  std::string match = Proposed(*bench, p.desk, p.anna, posting);

  auto as_person = bench->exchange->Match(Person(p.anna), match);
  ASSERT_TRUE(as_person.ok()) << as_person.error().message;
  EXPECT_TRUE(as_person->as_person);
  EXPECT_FALSE(as_person->as_poster);
  EXPECT_EQ(as_person->posting.id, posting);
  auto as_poster = bench->exchange->Match(Person(p.piet), match);
  ASSERT_TRUE(as_poster.ok());
  EXPECT_TRUE(as_poster->as_poster);
  EXPECT_FALSE(as_poster->as_person);
  auto as_staff = bench->exchange->Match(Staff(p.desk), match);
  ASSERT_TRUE(as_staff.ok());
  EXPECT_FALSE(as_staff->as_person || as_staff->as_poster);

  auto other = bench->exchange->Match(Person(stranger), match);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  auto anonymous = bench->exchange->Match(domain::Actor{}, match);
  ASSERT_FALSE(anonymous.ok());
  EXPECT_EQ(anonymous.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(bench->exchange->Match(Person(p.anna), "no-such-match").error().code,
            ErrorCode::kNotFound);
}

TEST(ExchangeMatchView, AnUnsentProposalIsForStaffOnly) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  Consenting(*bench, p.anna);
  OpenPosting(*bench, p.piet, p.desk);
  auto round = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(round.ok()) << round.error().message;
  ASSERT_EQ(round->proposals.size(), 1u);
  std::string match = round->proposals[0].id;

  EXPECT_EQ(bench->exchange->Match(Person(p.anna), match).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(bench->exchange->Match(Person(p.piet), match).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(bench->exchange->Match(Staff(p.desk), match).ok());
}

TEST(ExchangeRounds, StaffListRoundsAndReadOneWithItsProposalsBestFirst) {
  auto bench = MakeBench();
  ASSERT_NE(bench, nullptr);
  People p = AddPeople(*bench);
  std::string karin = AddAccount(*bench, "karin");
  Consenting(*bench, p.anna);
  store::ProfileRecord far = VolunteerProfile();
  far.latitude = *far.latitude + 8 / test_support::kKmOfLatitude;  // 6 km from the posting
  Consenting(*bench, karin, far);
  store::PostingRecord two = VolunteerRequest();
  two.capacity = 2;
  OpenPosting(*bench, p.piet, p.desk, two);
  auto first = bench->exchange->RunRound(Staff(p.desk), false);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(bench->exchange->DiscardRound(Staff(p.desk), first->round.id).ok());
  auto second = bench->exchange->RunRound(Staff(p.desk), true);
  ASSERT_TRUE(second.ok()) << second.error().message;

  auto rounds = bench->exchange->Rounds(Staff(p.desk), 10);
  ASSERT_TRUE(rounds.ok()) << rounds.error().message;
  ASSERT_EQ(rounds->size(), 2u);
  EXPECT_EQ((*rounds)[0].id, second->round.id);
  EXPECT_EQ((*rounds)[1].status, "discarded");

  auto one = bench->exchange->Round(Staff(p.desk), second->round.id);
  ASSERT_TRUE(one.ok()) << one.error().message;
  ASSERT_EQ(one->proposals.size(), 2u);
  EXPECT_GE(one->proposals[0].score, one->proposals[1].score);
  EXPECT_EQ(one->proposals[0].person_id, p.anna);  // nearer

  EXPECT_EQ(bench->exchange->Rounds(Person(p.anna), 10).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(bench->exchange->Round(Person(p.anna), second->round.id).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(bench->exchange->Rounds(Staff(p.desk), 0).error().field, "limit");
  EXPECT_EQ(bench->exchange->Round(Staff(p.desk), "no-such-round").error().code,
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace knooppunt::exchange
