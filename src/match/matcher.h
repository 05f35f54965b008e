// The matching engine over one set of people and postings: hard constraints, scores with
// reasons, top-k suggestions for a person or a posting, and optimal rounds (round.h). Pure: no
// I/O. Create compiles the inputs once into compact arrays and a grid of places per kind, so a
// person's candidates are found without looking at every posting.
// Thread-safety: immutable after Create; every method is const and safe from any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "domain/result.h"
#include "match/model.h"
#include "match/reason.h"
#include "match/round.h"
#include "match/weights.h"

namespace knooppunt::match {

struct SuggestOptions {
  std::size_t k = 10;           // at most this many suggestions
  bool favour_waiting = false;  // add the waiting bonus (weights.waiting_*) to the ranking
};

struct RoundOptions {
  bool favour_waiting = false;  // add the waiting bonus to each pair's weight
};

// A scored candidate pair, seen from one side: `index` is the posting's (suggestions for a
// person) or the person's (suggestions for a posting).
struct Suggestion {
  std::size_t index = 0;
  int score = 0;  // the pair's score, plus the waiting bonus when favoured
  std::vector<Reason> reasons;
};

class Matcher {
 public:
  // Checks and compiles the inputs; `today` is the matching day (a posting that started before
  // it starts, for the constraints, today). Fails with kInvalidArgument naming the first bad
  // field ("people[3].home", "postings[0].languages[1]"): a place out of range, a negative or
  // non-finite distance or count, a malformed language code, an enum value out of range, an end
  // before the start.
  static Result<std::unique_ptr<Matcher>> Create(std::vector<Profile> people,
                                                 std::vector<Posting> postings,
                                                 const Weights& weights, Day today);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Every method taking an index of a person or a posting expects it below people_count() or
  // postings_count(); one out of range throws std::out_of_range (a bug in the caller).
  std::size_t people_count() const;
  std::size_t postings_count() const;
  const Profile& person(std::size_t index) const;
  const Posting& posting(std::size_t index) const;

  // The first constraint (reason.h order) the pair fails; nullopt for a candidate.
  std::optional<Constraint> Check(std::size_t person, std::size_t posting) const;

  // The pair's score and reasons; nullopt when it is not a candidate.
  std::optional<Suggestion> Evaluate(std::size_t person, std::size_t posting,
                                     bool favour_waiting = false) const;

  // The best candidates, best first (score, then nearer, then lower index), with reasons.
  std::vector<Suggestion> SuggestForPerson(std::size_t person, const SuggestOptions& options) const;
  std::vector<Suggestion> SuggestForPosting(std::size_t posting,
                                            const SuggestOptions& options) const;

  // Every candidate pair, by person then posting. Without favour_waiting every bonus is 0.
  std::vector<Candidate> Candidates(bool favour_waiting) const;

  // The optimal round over everyone: Candidates, then SolveRound with each person's
  // max_matches and each posting's spots. Fails only as SolveRound does.
  Result<RoundResult> Round(const RoundOptions& options) const;

 private:
  struct Compiled;
  explicit Matcher(std::unique_ptr<const Compiled> compiled);
  std::unique_ptr<const Compiled> compiled_;
};

}  // namespace knooppunt::match
