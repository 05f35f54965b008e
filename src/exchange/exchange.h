// Supply and demand with matching, the rules above the store: postings (requests and offers)
// with moderation, people's profiles and their consent to be matched, suggestions and matching
// rounds, the answers of both sides of a match, and the messages matched people write to each
// other. This is the one place these rules live: every method takes the acting person and
// checks what they may do; every change is stored first, then written to the audit log, then
// announced through the Notifier. Addresses never pass through here (messages carry account ids).
// Thread-safety: an Exchange may be used from any number of threads at once; it keeps no state
// of its own, and two answers to one match at once are settled by the store (one wins, the
// other gets kConflict).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accounts/listings.h"
#include "domain/exchange.h"
#include "domain/permissions.h"
#include "domain/result.h"
#include "domain/time.h"
#include "match/reason.h"
#include "match/weights.h"
#include "store/posting_store.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::exchange {

class Notifier;

struct ExchangeOptions {
  // How long both sides have to answer a proposal once it is sent; then it expires.
  std::chrono::hours answer_period = std::chrono::hours(24 * 14);
  // The largest page of postings Browse, MyPostings and Queue list.
  int64_t max_per_page = 100;
  // The most suggestions one call returns.
  std::size_t max_suggestions = 50;
};

// A posting proposed to a person, best first.
struct PostingSuggestion {
  store::PostingRecord posting;
  int score = 0;
  std::vector<match::Reason> reasons;
};

// A person proposed for a posting: only the account id; the pages show no name before both
// sides said yes.
struct PersonSuggestion {
  std::string person_id;
  int score = 0;
  std::vector<match::Reason> reasons;
};

struct RoundOutcome {
  store::MatchRound round;
  std::vector<store::MatchRecord> proposals;
};

// One match as one of its sides (or matching staff) sees it: the match, its posting and where
// the viewer stands. The other side's name is for the pages to look up once the match is active.
struct MatchView {
  store::MatchRecord match;
  store::PostingRecord posting;
  bool as_person = false;  // the viewer is the person proposed
  bool as_poster = false;  // the viewer wrote the posting or keeps its organisation
};

struct ExpireCounts {
  int64_t matches = 0;   // pending matches past their answer period, now expired
  int64_t postings = 0;  // open or filled postings past their last day, now expired
};

// Errors name the field when there is one: kInvalidArgument (validation, "title",
// "languages[1]"), kForbidden (signed in, but not allowed; also anonymous callers of methods
// that need an account), kNotFound (no such record, or one the actor may not know of),
// kConflict (the record's state forbids it now: "status", "consent"), or the store's error.
class Exchange {
 public:
  // `store` and `notifier` must outlive the Exchange.
  Exchange(store::Store& store, match::Weights weights, ExchangeOptions options,
           Notifier& notifier);

  // --- Postings.

  // A new posting by the actor, with a new id, the actor as author and created_at now. An
  // organization_id is allowed only for an organisation the actor keeps (kEditOrganization).
  // Without `submit` it is a draft; submitted, it is open at once when the actor is trusted
  // (posting for an organisation they keep, or staff who moderate postings) and waits for
  // moderation otherwise. Success: the stored posting.
  Result<store::PostingRecord> Post(const domain::Actor& actor, store::PostingRecord draft,
                                    bool submit);
  // Rewrites what the author writes (not its status, author or times) of a posting that is not
  // closed; by its author, its organisation's keepers or moderators. Moving it to another
  // organisation needs that organisation's keeper.
  Result<store::PostingRecord> Edit(const domain::Actor& actor, store::PostingRecord posting);
  // A step of the posting's life (domain::MayMovePosting decides which steps exist):
  //   submit (draft → open or awaiting_moderation: asking for either lands where trust says),
  //   withdraw (awaiting_moderation → draft), close, mark filled, reopen (filled or expired →
  //   open; an expired one needs a last day from today on): the author or keepers;
  //   approve (awaiting_moderation → open) and reject (awaiting_moderation → closed): only
  //   moderators, and the author is notified; moderators may also close any posting.
  // Expiry is the clock's (ExpireDue): asking for "expired" is kInvalidArgument.
  Result<store::PostingRecord> Move(const domain::Actor& actor, std::string_view id,
                                    domain::PostingStatus to);
  // Open and filled postings for anyone; others only for the author, keepers, moderators and
  // people proposed for it. kNotFound otherwise.
  Result<store::PostingRecord> Get(const domain::Actor& actor, std::string_view id);
  // The public list: open postings only, whatever filter.statuses says; filter.text is found in
  // the title or description with case, accents and punctuation ignored. page is 1-based;
  // per_page 1..max_per_page (kInvalidArgument naming "page" or "per_page").
  Result<store::PostingPage> Browse(store::PostingFilter filter, int64_t page, int64_t per_page);
  // The actor's own postings, in every status.
  Result<store::PostingPage> MyPostings(const domain::Actor& actor, int64_t page, int64_t per_page);
  // Postings awaiting moderation, for moderators.
  Result<store::PostingPage> Queue(const domain::Actor& actor, int64_t page, int64_t per_page);

  // --- Profiles: one per account, always the actor's own.

  // Validates and stores the actor's profile; consent_at and waiting_since stay as they were
  // (Consent sets the first; the store sets the second once). Success: the stored profile.
  Result<store::ProfileRecord> SaveProfile(const domain::Actor& actor,
                                           store::ProfileRecord profile);
  // Gives (consent_at = now) or withdraws consent to be matched. kNotFound without a profile.
  // Withdrawing stops suggestions and rounds, removes the person's proposals that were not sent
  // yet and declines those waiting for an answer (the other side is told); active matches stay.
  Status Consent(const domain::Actor& actor, bool consent);
  Result<std::optional<store::ProfileRecord>> Profile(const domain::Actor& actor);
  // Withdraws as Consent(false) does, then deletes the profile. kNotFound without one.
  Status DeleteProfile(const domain::Actor& actor);

  // --- Matching.

  // The best open postings for the actor's profile, at most k (1..max_suggestions), leaving
  // out the actor's own postings and those the actor has a pending or active match for.
  // kConflict "consent" without a profile with consent, "latitude" without a place.
  Result<std::vector<PostingSuggestion>> SuggestForMe(const domain::Actor& actor, std::size_t k);
  // The best consenting people for an open posting, for its author, keepers or matching staff;
  // never the author, nor someone with a pending or active match for it.
  Result<std::vector<PersonSuggestion>> SuggestForPosting(const domain::Actor& actor,
                                                          std::string_view posting_id,
                                                          std::size_t k);
  // An optimal round (kRunMatching) over open postings × consenting people with a place, their
  // pending and active matches counted against their capacity and spots, never a person for
  // their own posting or one of an organisation they have a role in, nor a pair that has a
  // pending or active match (the same holds for suggestions and Propose). Stored as one round in
  // status "proposal"; nobody is told until SendRound.
  Result<RoundOutcome> RunRound(const domain::Actor& actor, bool favour_waiting);
  // Sends a round's proposals: each gets expires_at = now + answer_period and both sides are
  // told; the round becomes "sent". kConflict when the round is not in "proposal".
  Status SendRound(const domain::Actor& actor, std::string_view round_id);
  // Removes a round that was not sent, with its proposals; the round becomes "discarded".
  Status DiscardRound(const domain::Actor& actor, std::string_view round_id);
  // Removes one proposal of a round that was not sent (kConflict otherwise).
  Status DropProposal(const domain::Actor& actor, std::string_view match_id);
  // Proposes a person for an open posting (kRunMatching): into the unsent round `round_id`, or,
  // with no round, at once (sent: expiry set, both sides told). The pair must pass the engine's
  // hard constraints (kConflict naming the constraint, "distance" …). Success: the match.
  Result<store::MatchRecord> Propose(const domain::Actor& actor, std::string_view person_id,
                                     std::string_view posting_id, std::string_view round_id = {});
  // Puts `person_id` in the place of a proposal of a round that was not sent (kRunMatching): the
  // new pair is checked as Propose does, with the old proposal's spot counted free, and replaces
  // it (the old one is removed). kConflict when the round was sent, the person is the same, or
  // the pair fails a constraint (named). Success: the new proposal.
  Result<store::MatchRecord> ReplaceProposal(const domain::Actor& actor, std::string_view match_id,
                                             std::string_view person_id);
  // An answer to a sent match: the person with kPersonAccepts or kPersonDeclines, the posting's
  // author or keepers with kPosterAccepts or kPosterDeclines, either with kComplete once active.
  // `text` (0..1000 characters) is the decline reason or the feedback. Others: kForbidden;
  // a step domain::NextMatchStatus refuses, an answer after expiry or a yes to a posting that
  // is no longer open: kConflict. The other side is told; when the match becomes active and
  // the posting's active matches take every spot, the posting becomes filled.
  Result<store::MatchRecord> Answer(const domain::Actor& actor, std::string_view match_id,
                                    domain::MatchEvent event, std::string_view text = {});
  // The server's clock job, not a person's action: pending matches whose expires_at is at or
  // before `now` expire, and open or filled postings whose last day lies before now's day.
  Result<ExpireCounts> ExpireDue(domain::Instant now);
  // The sent matches of the actor: as the person proposed and on the actor's own postings,
  // newest first.
  Result<std::vector<store::MatchRecord>> MyMatches(const domain::Actor& actor);
  // A sent match for its two sides; any match, also unsent, for matching staff (kRunMatching).
  // kNotFound for everyone else, so that nobody learns which matches exist.
  Result<MatchView> Match(const domain::Actor& actor, std::string_view match_id);
  // The latest rounds, newest first, at most `limit` (1..max_per_page), for matching staff.
  Result<std::vector<store::MatchRound>> Rounds(const domain::Actor& actor, int64_t limit);
  // One round with its proposals (best score first), for matching staff.
  Result<RoundOutcome> Round(const domain::Actor& actor, std::string_view round_id);

  // --- Messages between the two sides of a match.

  // Only on an active match, only by its person or its posting's author or keepers (others:
  // kNotFound, matching staff kForbidden); 1..2000 characters of clean text. The other side is
  // told.
  Result<store::MatchMessage> Send(const domain::Actor& actor, std::string_view match_id,
                                   std::string_view body);
  // The messages of a match, oldest first, for its two sides only.
  Result<std::vector<store::MatchMessage>> Messages(const domain::Actor& actor,
                                                    std::string_view match_id);

 private:
  // Which sides of a match the actor stands on.
  struct Sides {
    bool person = false;  // the person proposed
    bool poster = false;  // the posting's author or one of its organisation's keepers
  };

  Result<store::PostingRecord> LoadPosting(std::string_view id);
  Result<store::MatchRecord> LoadMatch(std::string_view id);
  Result<store::MatchRound> LoadRound(std::string_view id);
  Result<bool> KeepsOrganization(const domain::Actor& actor, std::string_view organization_id);
  Result<bool> Keeps(const domain::Actor& actor, const store::PostingRecord& posting);
  Result<bool> Trusted(const domain::Actor& actor,
                       const std::optional<std::string>& organization_id);
  // A proposal of `person_id` for `posting_id` checked against the engine's hard constraints and
  // scored, not stored; the match `freed_match_id` (if any) does not count against the spots.
  Result<store::MatchRecord> NewProposal(std::string_view person_id, std::string_view posting_id,
                                         const std::optional<store::MatchRound>& round,
                                         std::string_view freed_match_id);
  // A round staff may still change (status "proposal") with its proposals, for matching staff
  // (kForbidden with `refusal` otherwise); kConflict "status" once sent or discarded.
  Result<RoundOutcome> UnsentRound(const domain::Actor& actor, std::string_view round_id,
                                   std::string refusal);
  // A proposal of a round that was not sent, with its round; kConflict "status" otherwise.
  Result<std::pair<store::MatchRecord, store::MatchRound>> UnsentProposal(
      std::string_view match_id);
  Result<Sides> SidesOf(const domain::Actor& actor, const store::MatchRecord& match,
                        const store::PostingRecord& posting);
  // A sent match with its posting and the actor's sides; kNotFound when unsent or when the actor
  // is on neither side, except for matching staff, who get kForbidden with `refusal`.
  Result<MatchView> SentMatchOfSide(const domain::Actor& actor, std::string_view match_id,
                                    std::string refusal);
  Status CheckPage(int64_t page, int64_t per_page) const;
  Result<std::vector<store::PostingRecord>> AllPostings(store::PostingFilter filter);
  Status FillWhenFull(const domain::Actor& actor, std::string_view posting_id);
  Status WithdrawPending(const domain::Actor& actor);
  Status Audit(const domain::Actor& actor, std::string_view action, std::string_view table,
               std::string_view id);

  store::Store& store_;
  store::PostingStore& postings_;
  accounts::Listings listings_;
  match::Weights weights_;
  ExchangeOptions options_;
  Notifier& notifier_;
};

}  // namespace knooppunt::exchange
