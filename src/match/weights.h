// The weights of the matching score, with defaults, and their parser from configuration
// ("key = value" lines or a map). A pair's score is the rounded sum of its weighted features;
// the features and the caps on what they count are listed with each weight. Scores and waiting
// bonuses are capped at 1 000 000 points.
// Thread-safety: plain values and pure functions.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace knooppunt::match {

// Caps on what a feature counts, so that one feature cannot outweigh all others.
inline constexpr int kMaxCountedLanguages = 2;
inline constexpr int kMaxCountedSlots = 4;
inline constexpr int kMaxCountedSkills = 3;
inline constexpr int kMaxCountedInterests = 3;

struct Weights {
  double shared_language = 30;  // per language both speak (at most 2)
  double distance = 20;         // at 0 km, falling linearly to 0 at the pair's distance limit
  double shared_slot = 6;       // per weekly slot both are free (at most 4)
  double skill = 12;            // per skill asked for that the person has (at most 3)
  double interest = 8;     // per need term of the posting the person is interested in (at most 3)
  double preference = 10;  // per stated preference met (the person's, the poster's)
  double waiting_per_week = 1;  // when favouring those waiting longest: per week waited
  double waiting_max = 30;      // cap of the waiting bonus
  double min_score = 0;         // pairs scoring this or less are never proposed
};

// Parses "key = value" lines (keys as the fields above; blank lines and lines starting with '#'
// are skipped) over the defaults. Fails with kInvalidArgument naming the key when a key is
// unknown or given twice, or a value is not a finite number >= 0; naming "line N" when a line
// has no '='.
Result<Weights> ParseWeights(std::string_view text);

// The same from a map of key to value text.
Result<Weights> WeightsFromMap(const std::map<std::string, std::string>& values);

}  // namespace knooppunt::match
