// The optimal assignment of a matching round: a maximum-weight b-matching of people to postings
// over candidate pairs, solved as a min-cost flow with LEMON's NetworkSimplex. A person takes at
// most their capacity, a posting at most its spots, a pair at most once; nobody has to be
// matched (unused flow bypasses the pairs at no cost), and only pairs of positive weight count.
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "domain/result.h"

namespace knooppunt::match {

// A pair that passes every hard constraint, by index into the matcher's people and postings.
struct Candidate {
  int32_t person = 0;
  int32_t posting = 0;
  int32_t score = 0;  // the pair's score
  int32_t bonus = 0;  // added in rounds that favour those waiting longest; 0 otherwise
  int32_t weight() const { return score + bonus; }
};

struct Assignment {
  int32_t person = 0;
  int32_t posting = 0;
  int32_t score = 0;
  bool operator==(const Assignment&) const = default;
};

struct RoundResult {
  std::vector<Assignment> assignments;  // by person, then posting
  int64_t total_score = 0;              // sum of the assigned pairs' scores
  int64_t total_weight = 0;             // the maximised sum: scores plus waiting bonuses
  int64_t candidate_pairs = 0;          // pairs offered to the solver (positive weight)
};

// Solves a round over `candidates` (each pair at most once). person_capacity[i] and
// posting_spots[j] bound how often person i and posting j are assigned. Fails with
// kInvalidArgument when a candidate's index is out of range or a capacity is negative, and with
// kInternal when the solver does not report an optimum (which would be a bug).
Result<RoundResult> SolveRound(std::span<const Candidate> candidates,
                               std::span<const int> person_capacity,
                               std::span<const int> posting_spots);

}  // namespace knooppunt::match
