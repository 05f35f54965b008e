#include "match/round.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "match/match_testing.h"

namespace knooppunt::match {
namespace {

using testing::BasePerson;
using testing::BasePosting;
using testing::kGroningen;
using testing::kToday;
using testing::MakeMatcher;
using testing::North;

TEST(SolveRound, PrefersTwoGoodPairsOverTheSingleBest) {
  // Greedy would take A–X (10) and leave B without a posting; the optimum is A–Y + B–X (17).
  std::vector<Candidate> candidates = {{0, 0, 10, 0}, {0, 1, 9, 0}, {1, 0, 8, 0}};
  auto round = SolveRound(candidates, std::vector<int>{1, 1}, std::vector<int>{1, 1});
  ASSERT_TRUE(round.ok()) << round.error().message;
  EXPECT_EQ(round->assignments, (std::vector<Assignment>{{0, 1, 9}, {1, 0, 8}}));
  EXPECT_EQ(round->total_score, 17);
}

TEST(SolveRound, LeavesPeopleUnmatchedRatherThanUsingPairsWithoutPositiveWeight) {
  std::vector<Candidate> candidates = {{0, 0, 0, 0}, {1, 0, -5, 0}, {1, 1, 3, 0}};
  auto round = SolveRound(candidates, std::vector<int>{1, 1}, std::vector<int>{5, 5});
  ASSERT_TRUE(round.ok());
  EXPECT_EQ(round->assignments, (std::vector<Assignment>{{1, 1, 3}}));
  EXPECT_EQ(round->candidate_pairs, 1);
}

TEST(SolveRound, RefusesIndicesOutOfRangeAndNegativeCapacities) {
  std::vector<Candidate> out_of_range = {{0, 2, 5, 0}};
  auto round = SolveRound(out_of_range, std::vector<int>{1}, std::vector<int>{1, 1});
  ASSERT_FALSE(round.ok());
  EXPECT_EQ(round.error().code, ErrorCode::kInvalidArgument);
  std::vector<Candidate> fine = {{0, 0, 5, 0}};
  EXPECT_FALSE(SolveRound(fine, std::vector<int>{-1}, std::vector<int>{1}).ok());
}

TEST(MatcherRound, RespectsSpotsAndHowManyEachPersonMayTake) {
  std::vector<Profile> people;
  for (int i = 0; i < 6; ++i) {
    Profile person = BasePerson(std::to_string(i));
    person.home = North(kGroningen, 0.5 * i);
    person.max_matches = i == 0 ? 2 : 1;
    people.push_back(person);
  }
  std::vector<Posting> postings;
  for (int spots : {1, 2, 1}) {
    Posting posting = BasePosting();
    posting.place = kGroningen;  // where person 0 lives
    posting.spots = spots;
    postings.push_back(posting);
  }
  auto matcher = MakeMatcher(people, postings);
  ASSERT_TRUE(matcher);
  auto round = matcher->Round({});
  ASSERT_TRUE(round.ok());
  std::map<int, int> per_person, per_posting;
  for (const Assignment& a : round->assignments) {
    ++per_person[a.person];
    ++per_posting[a.posting];
  }
  EXPECT_EQ(round->assignments.size(), 4u);  // all four spots filled
  EXPECT_EQ(per_posting[0], 1);
  EXPECT_EQ(per_posting[1], 2);
  EXPECT_EQ(per_posting[2], 1);
  for (const auto& [person, count] : per_person) {
    EXPECT_LE(count, people[person].max_matches) << person;
  }
  EXPECT_EQ(per_person[0], 2);  // the nearest takes two of the three postings
}

TEST(MatcherRound, FavouringThoseWaitingLongestChangesWhoIsMatched) {
  Profile near = BasePerson("near");  // 2.1 km, just signed up
  near.waiting_since = kToday;
  Profile waiting = BasePerson("waiting");  // 7.1 km, waiting for a year
  waiting.home = North(kGroningen, -5);
  waiting.waiting_since = kToday - std::chrono::days{365};
  Posting posting = BasePosting();
  posting.spots = 1;
  auto matcher = MakeMatcher({near, waiting}, {posting});
  ASSERT_TRUE(matcher);
  auto plain = matcher->Round({});
  auto favoured = matcher->Round({.favour_waiting = true});
  ASSERT_TRUE(plain.ok() && favoured.ok());
  ASSERT_EQ(plain->assignments.size(), 1u);
  ASSERT_EQ(favoured->assignments.size(), 1u);
  EXPECT_EQ(plain->assignments[0].person, 0);
  EXPECT_EQ(favoured->assignments[0].person, 1);
  EXPECT_LT(favoured->total_score, plain->total_score);
  EXPECT_GT(favoured->total_weight, plain->total_weight);
}

// The best total over every assignment, by trying them all: each person in turn takes a subset
// of their candidate postings no larger than their capacity, where spots remain.
int64_t BruteForce(const std::vector<Candidate>& candidates, std::vector<int> capacity,
                   std::vector<int> spots) {
  std::vector<std::vector<Candidate>> by_person(capacity.size());
  for (const Candidate& c : candidates) by_person[c.person].push_back(c);
  int64_t best = 0;
  auto visit = [&](auto&& self, size_t person, int64_t total) -> void {
    if (person == by_person.size()) {
      best = std::max(best, total);
      return;
    }
    const std::vector<Candidate>& options = by_person[person];
    for (uint32_t subset = 0; subset < (1u << options.size()); ++subset) {
      if (std::popcount(subset) > capacity[person]) continue;
      bool fits = true;
      int64_t added = 0;
      for (size_t k = 0; k < options.size(); ++k) {
        if ((subset >> k & 1u) == 0) continue;
        if (--spots[options[k].posting] < 0) fits = false;
        added += options[k].weight();
      }
      if (fits) self(self, person + 1, total + added);
      for (size_t k = 0; k < options.size(); ++k) {
        if (subset >> k & 1u) ++spots[options[k].posting];
      }
    }
  };
  visit(visit, 0, 0);
  return best;
}

TEST(MatcherRound, EqualsTheBruteForceOptimumOnSmallRandomInstances) {
  std::mt19937 random(2026);
  auto uniform = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  const std::vector<std::string> languages = {"nl", "ar", "ti"};
  int matched_instances = 0;
  for (int instance = 0; instance < 200; ++instance) {
    std::vector<Profile> people(static_cast<size_t>(uniform(1, 5)));
    for (Profile& person : people) {
      person = BasePerson();
      person.home = North(kGroningen, uniform(0, 80) / 10.0);
      person.languages = {{"nl", Cefr::kB1}, {languages[uniform(0, 2)], Cefr::kNone}};
      person.availability = WeeklySlots::FromBits(static_cast<uint32_t>(uniform(0, 63)));
      person.skills = {uniform(0, 1) ? "cooking" : "driving"};
      person.max_matches = uniform(1, 2);
      person.waiting_since = kToday - std::chrono::days{uniform(0, 400)};
    }
    std::vector<Posting> postings(static_cast<size_t>(uniform(1, 4)));
    for (Posting& posting : postings) {
      posting = BasePosting();
      posting.place = North(kGroningen, uniform(0, 80) / 10.0);
      posting.languages = {languages[uniform(0, 2)]};
      posting.min_dutch = Cefr::kNone;
      posting.availability = WeeklySlots::FromBits(static_cast<uint32_t>(uniform(0, 63)));
      posting.spots = uniform(1, 2);
    }
    auto matcher = MakeMatcher(people, postings);
    ASSERT_TRUE(matcher);
    for (bool favour : {false, true}) {
      std::vector<Candidate> candidates = matcher->Candidates(favour);
      std::vector<int> capacity, spots;
      for (const Profile& person : people) capacity.push_back(person.max_matches);
      for (const Posting& posting : postings) spots.push_back(posting.spots);
      auto round = matcher->Round({.favour_waiting = favour});
      ASSERT_TRUE(round.ok());
      EXPECT_EQ(round->total_weight, BruteForce(candidates, capacity, spots))
          << "instance " << instance << (favour ? " favouring waiting" : "");
      if (!favour) {
        EXPECT_EQ(round->total_score, round->total_weight);
      }
      std::map<int, int> per_person, per_posting;
      for (const Assignment& a : round->assignments) {
        ++per_person[a.person];
        ++per_posting[a.posting];
        EXPECT_FALSE(matcher->Check(static_cast<size_t>(a.person), static_cast<size_t>(a.posting)));
      }
      for (const auto& [person, count] : per_person) EXPECT_LE(count, capacity[person]);
      for (const auto& [posting, count] : per_posting) EXPECT_LE(count, spots[posting]);
      if (!round->assignments.empty()) ++matched_instances;
    }
  }
  EXPECT_GT(matched_instances, 200);  // the instances are not trivially empty
}

}  // namespace
}  // namespace knooppunt::match
