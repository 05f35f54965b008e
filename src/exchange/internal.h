// Internal to the exchange library: small helpers shared by its .cpp files.
// Thread-safety: pure functions (the clock aside).
#pragma once

#include <string>
#include <utility>

#include "domain/exchange.h"
#include "domain/permissions.h"
#include "domain/result.h"
#include "domain/time.h"
#include "exchange/convert.h"
#include "store/posting_store.h"

namespace knooppunt::exchange::internal {

inline Error Forbidden(std::string message, std::string field = {}) {
  return Error{ErrorCode::kForbidden, std::move(message), std::move(field)};
}
inline Error Conflict(std::string field, std::string message) {
  return Error{ErrorCode::kConflict, std::move(message), std::move(field)};
}

inline std::string NowText() { return domain::FormatUtc(domain::Now()); }
inline match::Day Today() { return DayOf(domain::Now()); }

inline Status NeedsAccount(const domain::Actor& actor) {
  if (actor.user_id.empty()) return Forbidden("Sign in with an account first.");
  return {};
}

inline bool Holds(const domain::Actor& actor, domain::Permission permission) {
  return domain::Allows(actor, permission) == domain::Decision::kAllowed;
}

inline domain::MatchStatus StatusOf(const store::MatchRecord& match) {
  return domain::ParseMatchStatus(match.status).value_or(domain::MatchStatus::kDeclined);
}
inline domain::PostingStatus StatusOf(const store::PostingRecord& posting) {
  return domain::ParsePostingStatus(posting.status).value_or(domain::PostingStatus::kClosed);
}

// Pending or active: the pair is taken, and the match counts against capacity and spots.
inline bool Takes(const store::MatchRecord& match) {
  domain::MatchStatus status = StatusOf(match);
  return domain::IsMatchPending(status) || status == domain::MatchStatus::kActive;
}

// A proposal of a round that was not sent yet: nobody has been told, so it is staff's only.
inline bool IsUnsent(const store::MatchRecord& match) {
  return StatusOf(match) == domain::MatchStatus::kProposed && match.expires_at.empty();
}

}  // namespace knooppunt::exchange::internal
