// Exchange's matching half: suggestions, rounds, proposals, answers, expiry and messages.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "accounts/audit.h"
#include "domain/uuid.h"
#include "exchange/convert.h"
#include "exchange/exchange.h"
#include "exchange/internal.h"
#include "exchange/notifier.h"
#include "exchange/validate.h"
#include "match/matcher.h"
#include "store/store.h"

namespace knooppunt::exchange {
namespace {

using domain::MatchEvent;
using domain::MatchStatus;
using domain::PostingStatus;
using internal::Conflict;
using internal::Forbidden;
using internal::Holds;
using internal::IsUnsent;
using internal::NeedsAccount;
using internal::NowText;
using internal::StatusOf;
using internal::Takes;
using internal::Today;

constexpr size_t kMaxAnswerText = 1000;
constexpr size_t kMaxMessage = 2000;

const std::string kOpen(domain::PostingStatusName(PostingStatus::kOpen));

// What the pages may show of a match's counterpart is decided there; this layer hands out
// account ids only.
std::string OtherSide(const store::MatchRecord& match, const store::PostingRecord& posting,
                      bool actor_is_person) {
  return actor_is_person ? posting.author_id : match.person_id;
}

// Who answers for a posting rather than to it: its author and everyone with a role in the
// organisation it was posted for (a mosque's board member is not proposed for the mosque's own
// request). Each organisation's people are read once.
class PostingSides {
 public:
  explicit PostingSides(store::AccountStore& accounts) : accounts_(accounts) {}

  Result<bool> Includes(const store::PostingRecord& posting, std::string_view person) {
    if (posting.author_id == person) return true;
    if (!posting.organization_id || posting.organization_id->empty()) return false;
    auto found = members_.find(*posting.organization_id);
    if (found == members_.end()) {
      auto accounts = accounts_.AccountsOfOrganization(*posting.organization_id);
      if (!accounts) return accounts.error();
      std::set<std::string, std::less<>> ids;
      for (const store::Account& account : *accounts) ids.insert(account.id);
      found = members_.emplace(*posting.organization_id, std::move(ids)).first;
    }
    return found->second.contains(person);
  }

 private:
  store::AccountStore& accounts_;
  std::map<std::string, std::set<std::string, std::less<>>> members_;
};

}  // namespace

// --- Suggestions.

Result<std::vector<PostingSuggestion>> Exchange::SuggestForMe(const domain::Actor& actor,
                                                              std::size_t k) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (k < 1 || k > options_.max_suggestions) {
    return InvalidArgument(
        "k", "Ask for 1 to " + std::to_string(options_.max_suggestions) + " suggestions.");
  }
  auto profile = postings_.ProfileOf(actor.user_id);
  if (!profile) return profile.error();
  if (!profile->has_value() || !(*profile)->consent_at) {
    return Conflict("consent", "Give your consent to be matched first.");
  }
  std::optional<match::Profile> person = ToMatchProfile(**profile, 0);
  if (!person) return Conflict("latitude", "Give your place first: matching measures distances.");

  auto mine = postings_.MatchesOfPerson(actor.user_id);
  if (!mine) return mine.error();
  std::set<std::string> taken;
  for (const store::MatchRecord& match : *mine) {
    if (Takes(match)) taken.insert(match.posting_id);
  }
  auto open = AllPostings({.statuses = {kOpen}});
  if (!open) return open.error();
  std::vector<store::PostingRecord> records;
  std::vector<match::Posting> candidates;
  match::Day today = Today();
  PostingSides sides(store_.accounts());
  for (store::PostingRecord& posting : *open) {
    auto own = sides.Includes(posting, actor.user_id);
    if (!own) return own.error();
    if (*own || taken.contains(posting.id)) continue;
    candidates.push_back(ToMatchPosting(posting, 0, today));
    records.push_back(std::move(posting));
  }
  auto matcher = match::Matcher::Create({*person}, std::move(candidates), weights_, today);
  if (!matcher) return matcher.error();
  std::vector<PostingSuggestion> out;
  for (match::Suggestion& suggestion : (*matcher)->SuggestForPerson(0, {.k = k})) {
    out.push_back({.posting = std::move(records[suggestion.index]),
                   .score = suggestion.score,
                   .reasons = std::move(suggestion.reasons)});
  }
  return out;
}

Result<std::vector<PersonSuggestion>> Exchange::SuggestForPosting(const domain::Actor& actor,
                                                                  std::string_view posting_id,
                                                                  std::size_t k) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (k < 1 || k > options_.max_suggestions) {
    return InvalidArgument(
        "k", "Ask for 1 to " + std::to_string(options_.max_suggestions) + " suggestions.");
  }
  auto posting = Get(actor, posting_id);
  if (!posting) return posting.error();
  auto keeps = Keeps(actor, *posting);
  if (!keeps) return keeps.error();
  if (!*keeps && !Holds(actor, domain::Permission::kRunMatching)) {
    return Forbidden("Only the author, the organisation or the help desk may see suggestions.");
  }
  if (StatusOf(*posting) != PostingStatus::kOpen) {
    return Conflict("status", "Only open postings are matched.");
  }
  auto matches = postings_.MatchesOfPosting(posting->id);
  if (!matches) return matches.error();
  std::set<std::string> taken;
  for (const store::MatchRecord& match : *matches) {
    if (Takes(match)) taken.insert(match.person_id);
  }
  auto profiles = postings_.ConsentingProfiles();
  if (!profiles) return profiles.error();
  std::vector<match::Profile> people;
  PostingSides sides(store_.accounts());
  for (const store::ProfileRecord& profile : *profiles) {
    auto own = sides.Includes(*posting, profile.account_id);
    if (!own) return own.error();
    if (*own || taken.contains(profile.account_id)) continue;
    if (auto person = ToMatchProfile(profile, 0)) people.push_back(std::move(*person));
  }
  match::Day today = Today();
  auto matcher = match::Matcher::Create(std::move(people), {ToMatchPosting(*posting, 0, today)},
                                        weights_, today);
  if (!matcher) return matcher.error();
  std::vector<PersonSuggestion> out;
  for (match::Suggestion& suggestion : (*matcher)->SuggestForPosting(0, {.k = k})) {
    out.push_back({.person_id = (*matcher)->person(suggestion.index).id,
                   .score = suggestion.score,
                   .reasons = std::move(suggestion.reasons)});
  }
  return out;
}

// --- Rounds and proposals.

Result<RoundOutcome> Exchange::RunRound(const domain::Actor& actor, bool favour_waiting) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (!Holds(actor, domain::Permission::kRunMatching)) {
    return Forbidden("Only the help desk runs matching rounds.");
  }
  auto open = AllPostings({.statuses = {kOpen}});
  if (!open) return open.error();
  auto profiles = postings_.ConsentingProfiles();
  if (!profiles) return profiles.error();

  // Pending and active matches hold a spot and a share of the person's capacity, and their
  // pairs are not proposed again.
  std::set<std::pair<std::string, std::string>> held;  // person, posting
  std::map<std::string, int> posting_taken;
  for (const store::PostingRecord& posting : *open) {
    auto matches = postings_.MatchesOfPosting(posting.id);
    if (!matches) return matches.error();
    for (const store::MatchRecord& match : *matches) {
      if (Takes(match)) ++posting_taken[posting.id];
    }
  }
  match::Day today = Today();
  std::vector<match::Profile> people;
  for (const store::ProfileRecord& profile : *profiles) {
    auto matches = postings_.MatchesOfPerson(profile.account_id);
    if (!matches) return matches.error();
    int taken = 0;
    for (const store::MatchRecord& match : *matches) {
      if (!Takes(match)) continue;
      ++taken;
      held.insert({match.person_id, match.posting_id});
    }
    if (auto person = ToMatchProfile(profile, taken)) people.push_back(std::move(*person));
  }
  std::vector<match::Posting> postings;
  for (const store::PostingRecord& posting : *open) {
    postings.push_back(ToMatchPosting(posting, posting_taken[posting.id], today));
  }
  auto matcher = match::Matcher::Create(std::move(people), std::move(postings), weights_, today);
  if (!matcher) return matcher.error();
  const match::Matcher& engine = **matcher;

  std::vector<match::Candidate> candidates;
  PostingSides sides(store_.accounts());
  for (const match::Candidate& candidate : engine.Candidates(favour_waiting)) {
    const std::string& person = engine.person(candidate.person).id;
    const store::PostingRecord& posting = (*open)[candidate.posting];
    auto own = sides.Includes(posting, person);
    if (!own) return own.error();
    if (*own || held.contains({person, posting.id})) continue;
    candidates.push_back(candidate);
  }
  std::vector<int> capacity, spots;
  for (size_t i = 0; i < engine.people_count(); ++i) {
    capacity.push_back(engine.person(i).max_matches);
  }
  for (size_t j = 0; j < engine.postings_count(); ++j) spots.push_back(engine.posting(j).spots);
  auto solved = match::SolveRound(candidates, capacity, spots);
  if (!solved) return solved.error();

  RoundOutcome outcome;
  outcome.round = {.id = domain::RandomUuid(),
                   .created_by = actor.user_id,
                   .created_at = NowText(),
                   .status = "proposal",
                   .favour_waiting = favour_waiting,
                   .total_score = solved->total_score};
  for (const match::Assignment& pair : solved->assignments) {
    auto evaluated = engine.Evaluate(pair.person, pair.posting, favour_waiting);
    outcome.proposals.push_back(
        {.id = domain::RandomUuid(),
         .posting_id = engine.posting(pair.posting).id,
         .person_id = engine.person(pair.person).id,
         .round_id = outcome.round.id,
         .status = std::string(domain::MatchStatusName(MatchStatus::kProposed)),
         .score = pair.score,
         .reasons = evaluated ? ReasonsJson(evaluated->reasons) : "[]",
         .proposed_at = outcome.round.created_at,
         .expires_at = "",
         .updated_at = outcome.round.created_at});
  }
  if (Status added = postings_.AddRound(outcome.round, outcome.proposals); !added) {
    return added.error();
  }
  if (Status audited = Audit(actor, "round.run", "match_round", outcome.round.id); !audited) {
    return audited.error();
  }
  return outcome;
}

Result<RoundOutcome> Exchange::UnsentRound(const domain::Actor& actor, std::string_view round_id,
                                           std::string refusal) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (!Holds(actor, domain::Permission::kRunMatching)) return Forbidden(std::move(refusal));
  auto round = LoadRound(round_id);
  if (!round) return round.error();
  if (round->status != "proposal") return Conflict("status", "This round was sent or discarded.");
  auto matches = postings_.MatchesOfRound(round->id);
  if (!matches) return matches.error();
  return RoundOutcome{.round = std::move(*round), .proposals = std::move(*matches)};
}

Status Exchange::SendRound(const domain::Actor& actor, std::string_view round_id) {
  auto unsent = UnsentRound(actor, round_id, "Only the help desk sends matching rounds.");
  if (!unsent) return unsent.error();
  auto& [round, matches] = *unsent;
  domain::Instant now = domain::Now();
  std::vector<store::MatchRecord> sent;
  for (store::MatchRecord& match : matches) {
    if (!IsUnsent(match)) continue;
    match.expires_at = domain::FormatUtc(now + options_.answer_period);
    match.updated_at = domain::FormatUtc(now);
    Status updated = postings_.UpdateMatch(match, match.status);
    if (!updated) {
      if (updated.error().code == ErrorCode::kConflict) continue;  // changed meanwhile
      return updated;
    }
    sent.push_back(std::move(match));
  }
  round.status = "sent";
  if (Status updated = postings_.UpdateRound(round); !updated) return updated;
  if (Status audited = Audit(actor, "round.send", "match_round", round.id); !audited) {
    return audited;
  }
  std::map<std::string, std::string> authors;  // posting id → author id
  for (const store::MatchRecord& match : sent) {
    auto [at, fresh] = authors.try_emplace(match.posting_id);
    if (fresh) {
      auto posting = LoadPosting(match.posting_id);
      if (!posting) return posting.error();
      at->second = posting->author_id;
    }
    notifier_.MatchProposed(match.person_id, match);
    notifier_.MatchProposed(at->second, match);
  }
  return {};
}

Status Exchange::DiscardRound(const domain::Actor& actor, std::string_view round_id) {
  auto unsent = UnsentRound(actor, round_id, "Only the help desk discards matching rounds.");
  if (!unsent) return unsent.error();
  auto& [round, matches] = *unsent;
  for (const store::MatchRecord& match : matches) {
    if (!IsUnsent(match)) continue;
    Status deleted = postings_.DeleteMatch(match.id);
    if (!deleted && deleted.error().code != ErrorCode::kNotFound) return deleted;
  }
  round.status = "discarded";
  round.total_score = 0;
  if (Status updated = postings_.UpdateRound(round); !updated) return updated;
  return Audit(actor, "round.discard", "match_round", round.id);
}

Result<std::pair<store::MatchRecord, store::MatchRound>> Exchange::UnsentProposal(
    std::string_view match_id) {
  auto match = LoadMatch(match_id);
  if (!match) return match.error();
  if (!IsUnsent(*match) || !match->round_id) {
    return Conflict("status", "Only proposals of a round that was not sent can be changed.");
  }
  auto round = LoadRound(*match->round_id);
  if (!round) return round.error();
  if (round->status != "proposal") {
    return Conflict("status", "Only proposals of a round that was not sent can be changed.");
  }
  return std::pair{std::move(*match), std::move(*round)};
}

Status Exchange::DropProposal(const domain::Actor& actor, std::string_view match_id) {
  if (Status account = NeedsAccount(actor); !account) return account;
  if (!Holds(actor, domain::Permission::kRunMatching)) {
    return Forbidden("Only the help desk changes matching rounds.");
  }
  auto unsent = UnsentProposal(match_id);
  if (!unsent) return unsent.error();
  auto& [match, round] = *unsent;
  if (Status deleted = postings_.DeleteMatch(match.id); !deleted) return deleted;
  round.total_score -= match.score;
  if (Status updated = postings_.UpdateRound(round); !updated) return updated;
  return Audit(actor, "match.drop", "exchange_match", match.id);
}

Result<store::MatchRecord> Exchange::NewProposal(std::string_view person_id,
                                                 std::string_view posting_id,
                                                 const std::optional<store::MatchRound>& round,
                                                 std::string_view freed_match_id) {
  auto posting = LoadPosting(posting_id);
  if (!posting) return posting.error();
  if (StatusOf(*posting) != PostingStatus::kOpen) {
    return Conflict("posting_id", "Only open postings are matched.");
  }
  auto own = PostingSides(store_.accounts()).Includes(*posting, person_id);
  if (!own) return own.error();
  if (*own) {
    return Conflict("person_id",
                    "Nobody is proposed for their own posting or one of their organisation.");
  }
  auto profile = postings_.ProfileOf(person_id);
  if (!profile) return profile.error();
  if (!profile->has_value() || !(*profile)->consent_at) {
    return Conflict("person_id", "This person has not consented to be matched.");
  }
  auto person_matches = postings_.MatchesOfPerson(person_id);
  if (!person_matches) return person_matches.error();
  auto posting_matches = postings_.MatchesOfPosting(posting->id);
  if (!posting_matches) return posting_matches.error();
  int person_taken = 0, posting_taken = 0;
  for (const store::MatchRecord& match : *person_matches) person_taken += Takes(match) ? 1 : 0;
  for (const store::MatchRecord& match : *posting_matches) {
    if (match.id != freed_match_id) posting_taken += Takes(match) ? 1 : 0;
  }
  std::optional<match::Profile> person = ToMatchProfile(**profile, person_taken);
  if (!person) return Conflict("person_id", "This person has not given a place.");
  match::Day today = Today();
  auto matcher = match::Matcher::Create({*person}, {ToMatchPosting(*posting, posting_taken, today)},
                                        weights_, today);
  if (!matcher) return matcher.error();
  if (auto failed = (*matcher)->Check(0, 0)) {
    return Conflict(
        match::ConstraintName(*failed),
        "The pair fails a hard constraint: " + std::string(match::ConstraintName(*failed)) + ".");
  }
  auto evaluated = (*matcher)->Evaluate(0, 0);
  domain::Instant now = domain::Now();
  return store::MatchRecord{
      .id = domain::RandomUuid(),
      .posting_id = posting->id,
      .person_id = std::string(person_id),
      .round_id = round ? std::optional<std::string>(round->id) : std::nullopt,
      .status = std::string(domain::MatchStatusName(MatchStatus::kProposed)),
      .score = evaluated ? evaluated->score : 0,
      .reasons = evaluated ? ReasonsJson(evaluated->reasons) : "[]",
      .proposed_at = domain::FormatUtc(now),
      .expires_at = round ? "" : domain::FormatUtc(now + options_.answer_period),
      .updated_at = domain::FormatUtc(now)};
}

Result<store::MatchRecord> Exchange::Propose(const domain::Actor& actor, std::string_view person_id,
                                             std::string_view posting_id,
                                             std::string_view round_id) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (!Holds(actor, domain::Permission::kRunMatching)) {
    return Forbidden("Only the help desk proposes matches.");
  }
  std::optional<store::MatchRound> round;
  if (!round_id.empty()) {
    auto loaded = LoadRound(round_id);
    if (!loaded) return loaded.error();
    if (loaded->status != "proposal") {
      return Conflict("round_id", "This round was sent or discarded.");
    }
    round = std::move(*loaded);
  }
  auto match = NewProposal(person_id, posting_id, round, {});
  if (!match) return match.error();
  if (Status added = postings_.AddMatch(*match); !added) return added.error();
  if (round) {
    round->total_score += match->score;
    if (Status updated = postings_.UpdateRound(*round); !updated) return updated.error();
  }
  if (Status audited = Audit(actor, "match.propose", "exchange_match", match->id); !audited) {
    return audited.error();
  }
  if (!round) {
    auto posting = LoadPosting(posting_id);
    if (!posting) return posting.error();
    notifier_.MatchProposed(match->person_id, *match);
    notifier_.MatchProposed(posting->author_id, *match);
  }
  return std::move(*match);
}

Result<store::MatchRecord> Exchange::ReplaceProposal(const domain::Actor& actor,
                                                     std::string_view match_id,
                                                     std::string_view person_id) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (!Holds(actor, domain::Permission::kRunMatching)) {
    return Forbidden("Only the help desk changes matching rounds.");
  }
  auto unsent = UnsentProposal(match_id);
  if (!unsent) return unsent.error();
  const store::MatchRecord& old = unsent->first;
  std::optional<store::MatchRound> round = std::move(unsent->second);
  if (old.person_id == person_id) {
    return Conflict("person_id", "This person is proposed for the posting already.");
  }
  // The new pair is checked with the old proposal's spot free: it takes that spot.
  auto match = NewProposal(person_id, old.posting_id, round, old.id);
  if (!match) return match.error();
  if (Status added = postings_.AddMatch(*match); !added) return added.error();
  if (Status deleted = postings_.DeleteMatch(old.id); !deleted) {
    // Put the round back as it was rather than leave two proposals on one spot.
    (void)postings_.DeleteMatch(match->id);
    return deleted.error();
  }
  round->total_score += match->score - old.score;
  if (Status updated = postings_.UpdateRound(*round); !updated) return updated.error();
  if (Status audited = Audit(actor, "match.replace", "exchange_match", match->id); !audited) {
    return audited.error();
  }
  return std::move(*match);
}

// --- Answers.

Result<store::MatchRecord> Exchange::Answer(const domain::Actor& actor, std::string_view match_id,
                                            MatchEvent event, std::string_view text) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  auto match = LoadMatch(match_id);
  if (!match) return match.error();
  if (IsUnsent(*match)) return NotFound("There is no such match.");
  auto posting = LoadPosting(match->posting_id);
  if (!posting) return posting.error();
  auto sides = SidesOf(actor, *match, *posting);
  if (!sides) return sides.error();
  if (!sides->person && !sides->poster) {
    return Forbidden("Only the two sides of a match answer it.");
  }
  bool as_person = false;
  switch (event) {
    case MatchEvent::kPersonAccepts:
    case MatchEvent::kPersonDeclines:
      if (!sides->person) return Forbidden("Only the person proposed answers this.", "event");
      as_person = true;
      break;
    case MatchEvent::kPosterAccepts:
    case MatchEvent::kPosterDeclines:
      if (!sides->poster) return Forbidden("Only the posting's side answers this.", "event");
      break;
    case MatchEvent::kComplete:
      as_person = sides->person;
      break;
    case MatchEvent::kExpire:
      return InvalidArgument("event", "A match expires by itself when nobody answers in time.");
  }
  if (Status valid = ValidateText("text", text, 0, kMaxAnswerText); !valid) return valid.error();
  MatchStatus from = StatusOf(*match);
  auto next = domain::NextMatchStatus(from, event);
  if (!next) return next.error();
  std::string now = NowText();
  if (domain::IsMatchPending(from) && !match->expires_at.empty() && match->expires_at <= now) {
    return Conflict("status", "The time to answer this proposal has passed.");
  }
  bool accepts = event == MatchEvent::kPersonAccepts || event == MatchEvent::kPosterAccepts;
  if (accepts && StatusOf(*posting) != PostingStatus::kOpen) {
    return Conflict("status", "The posting is no longer open.");
  }
  std::string expected = match->status;
  match->status = std::string(domain::MatchStatusName(*next));
  match->updated_at = now;
  if (*next == MatchStatus::kDeclined) match->decline_reason = std::string(text);
  if (event == MatchEvent::kComplete) {
    (as_person ? match->person_feedback : match->poster_feedback) = std::string(text);
  }
  if (Status updated = postings_.UpdateMatch(*match, expected); !updated) return updated.error();
  std::string_view action = accepts                          ? "match.accept"
                            : event == MatchEvent::kComplete ? "match.complete"
                                                             : "match.decline";
  if (Status audited = Audit(actor, action, "exchange_match", match->id); !audited) {
    return audited.error();
  }
  if (*next == MatchStatus::kActive) {
    if (Status filled = FillWhenFull(actor, posting->id); !filled) return filled.error();
    notifier_.MatchActive(match->person_id, *match);
    notifier_.MatchActive(posting->author_id, *match);
  } else if (accepts) {
    notifier_.MatchAccepted(OtherSide(*match, *posting, as_person), *match);
  } else if (*next == MatchStatus::kDeclined) {
    notifier_.MatchDeclined(OtherSide(*match, *posting, as_person), *match);
  }
  return std::move(*match);
}

Status Exchange::FillWhenFull(const domain::Actor& actor, std::string_view posting_id) {
  auto fresh = LoadPosting(posting_id);
  if (!fresh) return fresh.error();
  if (!domain::MayMovePosting(StatusOf(*fresh), PostingStatus::kFilled)) return {};
  auto matches = postings_.MatchesOfPosting(posting_id);
  if (!matches) return matches.error();
  int active = 0;
  for (const store::MatchRecord& match : *matches) {
    if (StatusOf(match) == MatchStatus::kActive) ++active;
  }
  if (active < fresh->capacity) return {};
  const std::string read_status = fresh->status;
  fresh->status = std::string(domain::PostingStatusName(PostingStatus::kFilled));
  fresh->updated_at = NowText();
  if (Status updated = postings_.UpdatePosting(*fresh, read_status); !updated) return updated;
  return Audit(actor, "posting.fill", "posting", fresh->id);
}

Result<ExpireCounts> Exchange::ExpireDue(domain::Instant now) {
  const domain::Actor system;  // the clock: audited as "system"
  ExpireCounts counts;
  auto due = postings_.PendingMatchesDue(domain::FormatUtc(now));
  if (!due) return due.error();
  for (store::MatchRecord& match : *due) {
    if (match.expires_at.empty()) continue;  // a proposal of a round not sent: no clock yet
    auto next = domain::NextMatchStatus(StatusOf(match), MatchEvent::kExpire);
    if (!next) continue;
    std::string expected = match.status;
    match.status = std::string(domain::MatchStatusName(*next));
    match.updated_at = domain::FormatUtc(now);
    Status updated = postings_.UpdateMatch(match, expected);
    if (!updated) {
      if (updated.error().code == ErrorCode::kConflict) continue;  // answered just now
      return updated.error();
    }
    ++counts.matches;
    if (Status audited = Audit(system, "match.expire", "exchange_match", match.id); !audited) {
      return audited.error();
    }
  }
  auto expired = postings_.ExpirePostings(FormatDay(DayOf(now)));
  if (!expired) return expired.error();
  counts.postings = *expired;
  if (counts.postings > 0) {
    if (Status audited = Audit(system, "posting.expire", "posting", ""); !audited) {
      return audited.error();
    }
  }
  return counts;
}

Result<std::vector<store::MatchRecord>> Exchange::MyMatches(const domain::Actor& actor) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  auto mine = postings_.MatchesOfPerson(actor.user_id);
  if (!mine) return mine.error();
  std::map<std::string, store::MatchRecord> by_id;
  for (store::MatchRecord& match : *mine) {
    if (!IsUnsent(match)) by_id.emplace(match.id, std::move(match));
  }
  auto authored = AllPostings({.author_id = actor.user_id});
  if (!authored) return authored.error();
  for (const store::PostingRecord& posting : *authored) {
    auto matches = postings_.MatchesOfPosting(posting.id);
    if (!matches) return matches.error();
    for (store::MatchRecord& match : *matches) {
      if (!IsUnsent(match)) by_id.emplace(match.id, std::move(match));
    }
  }
  std::vector<store::MatchRecord> out;
  for (auto& [id, match] : by_id) out.push_back(std::move(match));
  std::sort(out.begin(), out.end(), [](const store::MatchRecord& a, const store::MatchRecord& b) {
    return std::tie(b.proposed_at, b.id) < std::tie(a.proposed_at, a.id);
  });
  return out;
}

Result<MatchView> Exchange::SentMatchOfSide(const domain::Actor& actor, std::string_view match_id,
                                            std::string refusal) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  auto match = LoadMatch(match_id);
  if (!match) return match.error();
  if (IsUnsent(*match)) return NotFound("There is no such match.");
  auto posting = LoadPosting(match->posting_id);
  if (!posting) return posting.error();
  auto sides = SidesOf(actor, *match, *posting);
  if (!sides) return sides.error();
  if (!sides->person && !sides->poster) {
    // Matching staff know the match exists (Match shows it to them); nobody else may learn it.
    if (Holds(actor, domain::Permission::kRunMatching)) return Forbidden(std::move(refusal));
    return NotFound("There is no such match.");
  }
  return MatchView{.match = std::move(*match),
                   .posting = std::move(*posting),
                   .as_person = sides->person,
                   .as_poster = sides->poster};
}

Result<MatchView> Exchange::Match(const domain::Actor& actor, std::string_view match_id) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (Holds(actor, domain::Permission::kRunMatching)) {
    auto match = LoadMatch(match_id);
    if (!match) return match.error();
    auto posting = LoadPosting(match->posting_id);
    if (!posting) return posting.error();
    auto sides = SidesOf(actor, *match, *posting);
    if (!sides) return sides.error();
    return MatchView{.match = std::move(*match),
                     .posting = std::move(*posting),
                     .as_person = sides->person,
                     .as_poster = sides->poster};
  }
  return SentMatchOfSide(actor, match_id, "");
}

Result<std::vector<store::MatchRound>> Exchange::Rounds(const domain::Actor& actor,
                                                        int64_t limit) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (!Holds(actor, domain::Permission::kRunMatching)) {
    return Forbidden("Only the help desk sees matching rounds.");
  }
  if (limit < 1 || limit > options_.max_per_page) {
    return InvalidArgument("limit", "Ask for 1 to " + std::to_string(options_.max_per_page) +
                                        " rounds.");
  }
  return postings_.ListRounds(limit);
}

Result<RoundOutcome> Exchange::Round(const domain::Actor& actor, std::string_view round_id) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (!Holds(actor, domain::Permission::kRunMatching)) {
    return Forbidden("Only the help desk sees matching rounds.");
  }
  auto round = LoadRound(round_id);
  if (!round) return round.error();
  auto matches = postings_.MatchesOfRound(round->id);
  if (!matches) return matches.error();
  std::stable_sort(matches->begin(), matches->end(),
                   [](const store::MatchRecord& a, const store::MatchRecord& b) {
                     return a.score > b.score;
                   });
  return RoundOutcome{.round = std::move(*round), .proposals = std::move(*matches)};
}

// --- Messages.

Result<store::MatchMessage> Exchange::Send(const domain::Actor& actor, std::string_view match_id,
                                           std::string_view body) {
  auto view = SentMatchOfSide(actor, match_id, "Only the two sides of a match write to each other.");
  if (!view) return view.error();
  if (StatusOf(view->match) != MatchStatus::kActive) {
    return Conflict("status", "Messages can be sent once both sides said yes.");
  }
  if (Status valid = ValidateText("body", body, 1, kMaxMessage); !valid) return valid.error();
  store::MatchMessage message{.id = domain::RandomUuid(),
                              .match_id = view->match.id,
                              .sender_id = actor.user_id,
                              .body = std::string(body),
                              .created_at = NowText()};
  if (Status added = postings_.AddMessage(message); !added) return added.error();
  if (Status audited = Audit(actor, "message.send", "match_message", message.id); !audited) {
    return audited.error();
  }
  notifier_.MessageReceived(OtherSide(view->match, view->posting, view->as_person), view->match);
  return message;
}

Result<std::vector<store::MatchMessage>> Exchange::Messages(const domain::Actor& actor,
                                                            std::string_view match_id) {
  auto view = SentMatchOfSide(actor, match_id, "Only the two sides of a match read its messages.");
  if (!view) return view.error();
  return postings_.MessagesOf(view->match.id);
}

}  // namespace knooppunt::exchange
