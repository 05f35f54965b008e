// Supply and demand ("vraag en aanbod"): the words of postings, profiles and matches, and the
// rules of their life cycles. A posting is a request or an offer (volunteer work, a buddy,
// goods, a room, expertise, practical help); a match proposes a person for a posting and moves
// from proposed, through both sides' yes, to active and completed. Illegal steps are refused
// here, in one place, whoever asks (pages, API, the expiry job).
// Thread-safety: plain values and pure functions.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "domain/result.h"

namespace knooppunt::domain {

enum class PostingKind { kVolunteerWork, kBuddy, kGoods, kSpace, kExpertise, kPracticalHelp };
enum class PostingSide { kRequest, kOffer };

enum class PostingStatus {
  kDraft,               // being written; only its author sees it
  kAwaitingModeration,  // sent by someone not yet trusted; the help desk looks first
  kOpen,                // public, and matched
  kFilled,              // every spot taken
  kClosed,              // ended by its author or the help desk
  kExpired,             // its end date passed
};

enum class MatchStatus {
  kProposed,          // suggested (by a round or to one person); nobody has answered yet
  kPersonAccepted,    // the person said yes; the posting's side has not answered
  kPosterAccepted,    // the posting's side said yes; the person has not answered
  kActive,            // both said yes: they can write to each other
  kCompleted,         // done, with feedback
  kDeclined,          // one side said no (with an optional reason)
  kExpired,           // nobody answered in time
};

// What happens to a match.
enum class MatchEvent {
  kPersonAccepts,
  kPosterAccepts,
  kPersonDeclines,
  kPosterDeclines,
  kExpire,    // the answer period ended (only before both said yes)
  kComplete,  // either side marks an active match as done
};

// The stable names, as stored and in the API: "volunteer_work", "request", "awaiting_moderation",
// "person_accepted", "poster_accepts" …
std::string_view PostingKindName(PostingKind kind);
std::string_view PostingSideName(PostingSide side);
std::string_view PostingStatusName(PostingStatus status);
std::string_view MatchStatusName(MatchStatus status);
std::string_view MatchEventName(MatchEvent event);
std::optional<PostingKind> ParsePostingKind(std::string_view name);
std::optional<PostingSide> ParsePostingSide(std::string_view name);
std::optional<PostingStatus> ParsePostingStatus(std::string_view name);
std::optional<MatchStatus> ParseMatchStatus(std::string_view name);
std::optional<MatchEvent> ParseMatchEvent(std::string_view name);

std::span<const PostingKind> AllPostingKinds();
std::span<const PostingStatus> AllPostingStatuses();
std::span<const MatchStatus> AllMatchStatuses();
std::span<const MatchEvent> AllMatchEvents();

// Whether a posting may go from one status to another:
//   draft → awaiting_moderation | open (trusted authors) | closed;
//   awaiting_moderation → open (approved) | closed (rejected) | draft (sent back);
//   open → filled | closed | expired;  filled → open (a spot came free) | closed | expired;
//   expired → open (its dates were extended).  Nothing leaves closed.
bool MayMovePosting(PostingStatus from, PostingStatus to);

// The status after `event`, or kConflict naming the current status and the event when the
// event cannot happen now (a second yes from the same side, an answer to a declined match,
// completing a match that is not active …).
Result<MatchStatus> NextMatchStatus(MatchStatus from, MatchEvent event);

// A match whose two sides may see each other's contact details and write to each other.
inline bool IsMatchActive(MatchStatus status) {
  return status == MatchStatus::kActive || status == MatchStatus::kCompleted;
}
// A match still waiting for an answer (it can expire).
bool IsMatchPending(MatchStatus status);

// CEFR language levels, ordered; "" parses to nullopt.
enum class CefrLevel { kA1, kA2, kB1, kB2, kC1, kC2 };
std::string_view CefrName(CefrLevel level);  // "A1" … "C2"
std::optional<CefrLevel> ParseCefr(std::string_view name);

}  // namespace knooppunt::domain
