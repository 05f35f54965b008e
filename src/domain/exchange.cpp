#include "domain/exchange.h"

#include <array>
#include <string>

namespace knooppunt::domain {
namespace {

template <typename T, size_t N>
std::optional<T> Parse(const std::array<std::pair<T, std::string_view>, N>& names,
                       std::string_view name) {
  for (const auto& [value, text] : names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

template <typename T, size_t N>
std::string_view Name(const std::array<std::pair<T, std::string_view>, N>& names, T value) {
  for (const auto& [item, text] : names) {
    if (item == value) return text;
  }
  return {};
}

constexpr std::array<std::pair<PostingKind, std::string_view>, 6> kKinds = {{
    {PostingKind::kVolunteerWork, "volunteer_work"},
    {PostingKind::kBuddy, "buddy"},
    {PostingKind::kGoods, "goods"},
    {PostingKind::kSpace, "space"},
    {PostingKind::kExpertise, "expertise"},
    {PostingKind::kPracticalHelp, "practical_help"},
}};
constexpr std::array<std::pair<PostingSide, std::string_view>, 2> kSides = {{
    {PostingSide::kRequest, "request"},
    {PostingSide::kOffer, "offer"},
}};
constexpr std::array<std::pair<PostingStatus, std::string_view>, 6> kPostingStatuses = {{
    {PostingStatus::kDraft, "draft"},
    {PostingStatus::kAwaitingModeration, "awaiting_moderation"},
    {PostingStatus::kOpen, "open"},
    {PostingStatus::kFilled, "filled"},
    {PostingStatus::kClosed, "closed"},
    {PostingStatus::kExpired, "expired"},
}};
constexpr std::array<std::pair<MatchStatus, std::string_view>, 7> kMatchStatuses = {{
    {MatchStatus::kProposed, "proposed"},
    {MatchStatus::kPersonAccepted, "person_accepted"},
    {MatchStatus::kPosterAccepted, "poster_accepted"},
    {MatchStatus::kActive, "active"},
    {MatchStatus::kCompleted, "completed"},
    {MatchStatus::kDeclined, "declined"},
    {MatchStatus::kExpired, "expired"},
}};
constexpr std::array<std::pair<MatchEvent, std::string_view>, 6> kMatchEvents = {{
    {MatchEvent::kPersonAccepts, "person_accepts"},
    {MatchEvent::kPosterAccepts, "poster_accepts"},
    {MatchEvent::kPersonDeclines, "person_declines"},
    {MatchEvent::kPosterDeclines, "poster_declines"},
    {MatchEvent::kExpire, "expire"},
    {MatchEvent::kComplete, "complete"},
}};
constexpr std::array<std::pair<CefrLevel, std::string_view>, 6> kCefr = {{
    {CefrLevel::kA1, "A1"},
    {CefrLevel::kA2, "A2"},
    {CefrLevel::kB1, "B1"},
    {CefrLevel::kB2, "B2"},
    {CefrLevel::kC1, "C1"},
    {CefrLevel::kC2, "C2"},
}};

template <typename T, size_t N>
std::span<const T> Values(const std::array<std::pair<T, std::string_view>, N>& names) {
  static const std::array<T, N> values = [&names] {
    std::array<T, N> out{};
    for (size_t i = 0; i < N; ++i) out[i] = names[i].first;
    return out;
  }();
  return values;
}

}  // namespace

std::string_view PostingKindName(PostingKind kind) { return Name(kKinds, kind); }
std::string_view PostingSideName(PostingSide side) { return Name(kSides, side); }
std::string_view PostingStatusName(PostingStatus status) { return Name(kPostingStatuses, status); }
std::string_view MatchStatusName(MatchStatus status) { return Name(kMatchStatuses, status); }
std::string_view MatchEventName(MatchEvent event) { return Name(kMatchEvents, event); }
std::string_view CefrName(CefrLevel level) { return Name(kCefr, level); }
std::optional<PostingKind> ParsePostingKind(std::string_view name) { return Parse(kKinds, name); }
std::optional<PostingSide> ParsePostingSide(std::string_view name) { return Parse(kSides, name); }
std::optional<PostingStatus> ParsePostingStatus(std::string_view name) {
  return Parse(kPostingStatuses, name);
}
std::optional<MatchStatus> ParseMatchStatus(std::string_view name) {
  return Parse(kMatchStatuses, name);
}
std::optional<MatchEvent> ParseMatchEvent(std::string_view name) {
  return Parse(kMatchEvents, name);
}
std::optional<CefrLevel> ParseCefr(std::string_view name) { return Parse(kCefr, name); }

std::span<const PostingKind> AllPostingKinds() { return Values(kKinds); }
std::span<const PostingStatus> AllPostingStatuses() { return Values(kPostingStatuses); }
std::span<const MatchStatus> AllMatchStatuses() { return Values(kMatchStatuses); }
std::span<const MatchEvent> AllMatchEvents() { return Values(kMatchEvents); }

bool MayMovePosting(PostingStatus from, PostingStatus to) {
  using S = PostingStatus;
  switch (from) {
    case S::kDraft:
      return to == S::kAwaitingModeration || to == S::kOpen || to == S::kClosed;
    case S::kAwaitingModeration:
      return to == S::kOpen || to == S::kClosed || to == S::kDraft;
    case S::kOpen:
      return to == S::kFilled || to == S::kClosed || to == S::kExpired;
    case S::kFilled:
      return to == S::kOpen || to == S::kClosed || to == S::kExpired;
    case S::kExpired:
      return to == S::kOpen;
    case S::kClosed:
      return false;
  }
  return false;
}

bool IsMatchPending(MatchStatus status) {
  return status == MatchStatus::kProposed || status == MatchStatus::kPersonAccepted ||
         status == MatchStatus::kPosterAccepted;
}

Result<MatchStatus> NextMatchStatus(MatchStatus from, MatchEvent event) {
  using S = MatchStatus;
  using E = MatchEvent;
  std::optional<S> next;
  switch (event) {
    case E::kPersonAccepts:
      if (from == S::kProposed) next = S::kPersonAccepted;
      if (from == S::kPosterAccepted) next = S::kActive;
      break;
    case E::kPosterAccepts:
      if (from == S::kProposed) next = S::kPosterAccepted;
      if (from == S::kPersonAccepted) next = S::kActive;
      break;
    case E::kPersonDeclines:
    case E::kPosterDeclines:
      // Either side may say no until both said yes; an active match is completed instead.
      if (IsMatchPending(from)) next = S::kDeclined;
      break;
    case E::kExpire:
      if (IsMatchPending(from)) next = S::kExpired;
      break;
    case E::kComplete:
      if (from == S::kActive) next = S::kCompleted;
      break;
  }
  if (!next) {
    return Error{ErrorCode::kConflict,
                 "A match that is " + std::string(MatchStatusName(from)) + " cannot take the step " +
                     std::string(MatchEventName(event)) + ".",
                 "status"};
  }
  return *next;
}

}  // namespace knooppunt::domain
