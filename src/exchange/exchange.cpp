#include "exchange/exchange.h"

#include <algorithm>
#include <utility>

#include "accounts/audit.h"
#include "domain/places.h"
#include "domain/uuid.h"
#include "exchange/convert.h"
#include "exchange/internal.h"
#include "exchange/notifier.h"
#include "exchange/validate.h"
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
using internal::Today;

constexpr int64_t kBatch = 1000;  // postings read per page when all are needed

}  // namespace

Exchange::Exchange(store::Store& store, match::Weights weights, ExchangeOptions options,
                   Notifier& notifier)
    : store_(store),
      postings_(store.postings()),
      listings_(store),
      weights_(weights),
      options_(options),
      notifier_(notifier) {}

// --- Helpers.

Result<store::PostingRecord> Exchange::LoadPosting(std::string_view id) {
  auto found = postings_.PostingById(id);
  if (!found) return found.error();
  if (!found->has_value()) return NotFound("There is no such posting.");
  return std::move(**found);
}

Result<store::MatchRecord> Exchange::LoadMatch(std::string_view id) {
  auto found = postings_.MatchById(id);
  if (!found) return found.error();
  if (!found->has_value()) return NotFound("There is no such match.");
  return std::move(**found);
}

Result<store::MatchRound> Exchange::LoadRound(std::string_view id) {
  auto found = postings_.RoundById(id);
  if (!found) return found.error();
  if (!found->has_value()) return NotFound("There is no such matching round.");
  return std::move(**found);
}

Result<bool> Exchange::KeepsOrganization(const domain::Actor& actor,
                                         std::string_view organization_id) {
  // An empty target would mean "some organisation" to domain::Allows.
  if (organization_id.empty()) return false;
  auto decision = listings_.Check(actor, domain::Permission::kEditOrganization, organization_id);
  if (!decision) return decision.error();
  return *decision == domain::Decision::kAllowed;
}

Result<bool> Exchange::Keeps(const domain::Actor& actor, const store::PostingRecord& posting) {
  if (actor.user_id.empty()) return false;
  if (posting.author_id == actor.user_id) return true;
  return KeepsOrganization(actor, posting.organization_id.value_or(""));
}

Result<bool> Exchange::Trusted(const domain::Actor& actor,
                               const std::optional<std::string>& organization_id) {
  if (Holds(actor, domain::Permission::kModeratePostings)) return true;
  return KeepsOrganization(actor, organization_id.value_or(""));
}

Result<Exchange::Sides> Exchange::SidesOf(const domain::Actor& actor,
                                          const store::MatchRecord& match,
                                          const store::PostingRecord& posting) {
  Sides sides;
  sides.person = !actor.user_id.empty() && actor.user_id == match.person_id;
  auto keeps = Keeps(actor, posting);
  if (!keeps) return keeps.error();
  sides.poster = *keeps;
  return sides;
}

Status Exchange::CheckPage(int64_t page, int64_t per_page) const {
  if (page < 1) return InvalidArgument("page", "Pages are counted from 1.");
  if (per_page < 1 || per_page > options_.max_per_page) {
    return InvalidArgument("per_page", "Ask for 1 to " + std::to_string(options_.max_per_page) +
                                           " postings per page.");
  }
  return {};
}

Result<std::vector<store::PostingRecord>> Exchange::AllPostings(store::PostingFilter filter) {
  std::vector<store::PostingRecord> all;
  for (int64_t page = 1;; ++page) {
    auto listed = postings_.ListPostings(filter, page, kBatch);
    if (!listed) return listed.error();
    for (store::PostingRecord& posting : listed->postings) all.push_back(std::move(posting));
    if (listed->postings.size() < static_cast<size_t>(kBatch) ||
        static_cast<int64_t>(all.size()) >= listed->total) {
      break;
    }
  }
  return all;
}

Status Exchange::Audit(const domain::Actor& actor, std::string_view action, std::string_view table,
                       std::string_view id) {
  std::string who = actor.signed_in() ? actor.audit_id() : "system";
  return accounts::Audit(store_.accounts(), who, action, table, id);
}

// --- Postings.

Result<store::PostingRecord> Exchange::Post(const domain::Actor& actor, store::PostingRecord draft,
                                            bool submit) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (Status valid = ValidatePosting(draft); !valid) return valid.error();
  if (draft.organization_id && draft.organization_id->empty()) draft.organization_id.reset();
  if (draft.organization_id) {
    auto keeps = KeepsOrganization(actor, *draft.organization_id);
    if (!keeps) return keeps.error();
    if (!*keeps) {
      return Forbidden("You may post only for an organisation you keep.", "organization_id");
    }
  }
  auto trusted = Trusted(actor, draft.organization_id);
  if (!trusted) return trusted.error();
  PostingStatus status = !submit    ? PostingStatus::kDraft
                         : *trusted ? PostingStatus::kOpen
                                    : PostingStatus::kAwaitingModeration;
  draft.id = domain::RandomUuid();
  draft.author_id = actor.user_id;
  draft.status = std::string(domain::PostingStatusName(status));
  draft.created_at = NowText();
  draft.updated_at = draft.created_at;
  draft.moderated_by.reset();
  if (Status created = postings_.CreatePosting(draft); !created) return created.error();
  if (Status audited = Audit(actor, "posting.create", "posting", draft.id); !audited) {
    return audited.error();
  }
  return draft;
}

Result<store::PostingRecord> Exchange::Edit(const domain::Actor& actor,
                                            store::PostingRecord posting) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  auto stored = LoadPosting(posting.id);
  if (!stored) return stored.error();
  auto keeps = Keeps(actor, *stored);
  if (!keeps) return keeps.error();
  bool moderator = Holds(actor, domain::Permission::kModeratePostings);
  if (!*keeps && !moderator) {
    PostingStatus status = StatusOf(*stored);
    if (status == PostingStatus::kOpen || status == PostingStatus::kFilled) {
      return Forbidden("Only the author, the organisation or the help desk may change this.");
    }
    return NotFound("There is no such posting.");
  }
  if (StatusOf(*stored) == PostingStatus::kClosed) {
    return Conflict("status", "A closed posting cannot be changed.");
  }
  if (Status valid = ValidatePosting(posting); !valid) return valid.error();
  if (posting.organization_id && posting.organization_id->empty()) posting.organization_id.reset();
  if (posting.organization_id && posting.organization_id != stored->organization_id) {
    auto keeps_new = KeepsOrganization(actor, *posting.organization_id);
    if (!keeps_new) return keeps_new.error();
    if (!*keeps_new) {
      return Forbidden("You may post only for an organisation you keep.", "organization_id");
    }
  }
  posting.author_id = stored->author_id;
  posting.created_at = stored->created_at;
  posting.status = stored->status;
  posting.moderated_by = stored->moderated_by;
  posting.updated_at = NowText();
  if (Status updated = postings_.UpdatePosting(posting, stored->status); !updated) {
    return updated.error();
  }
  if (Status audited = Audit(actor, "posting.update", "posting", posting.id); !audited) {
    return audited.error();
  }
  return posting;
}

Result<store::PostingRecord> Exchange::Move(const domain::Actor& actor, std::string_view id,
                                            PostingStatus to) {
  using S = PostingStatus;
  if (Status account = NeedsAccount(actor); !account) return account.error();
  auto posting = LoadPosting(id);
  if (!posting) return posting.error();
  auto keeps = Keeps(actor, *posting);
  if (!keeps) return keeps.error();
  bool moderator = Holds(actor, domain::Permission::kModeratePostings);
  S from = StatusOf(*posting);
  if (!*keeps && !moderator) {
    if (from == S::kOpen || from == S::kFilled) {
      return Forbidden("Only the author, the organisation or the help desk may change this.");
    }
    return NotFound("There is no such posting.");
  }
  if (to == S::kExpired) {
    return InvalidArgument("status", "A posting expires by itself after its last day.");
  }
  if (!domain::MayMovePosting(from, to)) {
    return Conflict("status", "A posting that is " + std::string(domain::PostingStatusName(from)) +
                                  " cannot become " + std::string(domain::PostingStatusName(to)) +
                                  ".");
  }
  S target = to;
  std::string_view action;
  std::optional<bool> moderated;  // approved or rejected: the author is told
  if (from == S::kDraft && (to == S::kOpen || to == S::kAwaitingModeration)) {
    if (!*keeps) return Forbidden("Only the author or the organisation may submit a posting.");
    auto trusted = Trusted(actor, posting->organization_id);
    if (!trusted) return trusted.error();
    target = *trusted ? S::kOpen : S::kAwaitingModeration;
    action = "posting.submit";
  } else if (from == S::kAwaitingModeration && to != S::kDraft) {
    if (!moderator) return Forbidden("Only the help desk approves or rejects postings.");
    action = to == S::kOpen ? "posting.approve" : "posting.reject";
    moderated = to == S::kOpen;
    posting->moderated_by = actor.user_id;
  } else if (to == S::kClosed) {
    action = "posting.close";
  } else if (!*keeps) {
    return Forbidden("Only the author or the organisation may do this.");
  } else if (to == S::kDraft) {
    action = "posting.withdraw";
  } else if (to == S::kFilled) {
    action = "posting.fill";
  } else {  // filled or expired → open
    if (from == S::kExpired && posting->ends_on && ParseDay(*posting->ends_on) < Today()) {
      return Conflict("ends_on", "Set a last day from today on before reopening the posting.");
    }
    action = "posting.reopen";
  }
  posting->status = std::string(domain::PostingStatusName(target));
  posting->updated_at = NowText();
  if (Status updated = postings_.UpdatePosting(*posting, domain::PostingStatusName(from));
      !updated) {
    return updated.error();
  }
  if (Status audited = Audit(actor, action, "posting", posting->id); !audited) {
    return audited.error();
  }
  if (moderated) notifier_.PostingModerated(posting->author_id, *posting, *moderated);
  return std::move(*posting);
}

Result<store::PostingRecord> Exchange::Get(const domain::Actor& actor, std::string_view id) {
  auto posting = LoadPosting(id);
  if (!posting) return posting.error();
  PostingStatus status = StatusOf(*posting);
  if (status == PostingStatus::kOpen || status == PostingStatus::kFilled) return posting;
  if (actor.user_id.empty()) return NotFound("There is no such posting.");
  auto keeps = Keeps(actor, *posting);
  if (!keeps) return keeps.error();
  if (*keeps || Holds(actor, domain::Permission::kModeratePostings)) return posting;
  auto matches = postings_.MatchesOfPosting(posting->id);
  if (!matches) return matches.error();
  for (const store::MatchRecord& match : *matches) {
    if (match.person_id == actor.user_id && !IsUnsent(match)) return posting;
  }
  return NotFound("There is no such posting.");
}

Result<store::PostingPage> Exchange::Browse(store::PostingFilter filter, int64_t page,
                                            int64_t per_page) {
  if (Status checked = CheckPage(page, per_page); !checked) return checked.error();
  filter.statuses = {std::string(domain::PostingStatusName(PostingStatus::kOpen))};
  if (!filter.text) return postings_.ListPostings(filter, page, per_page);
  // Words are compared folded (domain::FoldText), so that "coordinatie" and "COÖRDINATIE" find
  // "Coördinatie", which SQLite's LOWER (ASCII only) does not. Open postings are few enough
  // (hundreds, a few thousand) to compare here.
  std::string wanted = domain::FoldText(*filter.text);
  filter.text.reset();
  auto open = AllPostings(filter);
  if (!open) return open.error();
  store::PostingPage out;
  int64_t skip = (page - 1) * per_page;
  for (store::PostingRecord& posting : *open) {
    if (domain::FoldText(posting.title + " " + posting.description).find(wanted) ==
        std::string::npos) {
      continue;
    }
    if (out.total++ >= skip && static_cast<int64_t>(out.postings.size()) < per_page) {
      out.postings.push_back(std::move(posting));
    }
  }
  return out;
}

Result<store::PostingPage> Exchange::MyPostings(const domain::Actor& actor, int64_t page,
                                                int64_t per_page) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (Status checked = CheckPage(page, per_page); !checked) return checked.error();
  return postings_.ListPostings({.author_id = actor.user_id}, page, per_page);
}

Result<store::PostingPage> Exchange::Queue(const domain::Actor& actor, int64_t page,
                                           int64_t per_page) {
  if (!Holds(actor, domain::Permission::kModeratePostings)) {
    return Forbidden("Only the help desk moderates postings.");
  }
  if (Status checked = CheckPage(page, per_page); !checked) return checked.error();
  return postings_.ListPostings(
      {.statuses = {std::string(domain::PostingStatusName(PostingStatus::kAwaitingModeration))}},
      page, per_page);
}

// --- Profiles.

Result<store::ProfileRecord> Exchange::SaveProfile(const domain::Actor& actor,
                                                   store::ProfileRecord profile) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  if (Status valid = ValidateProfile(profile, Today()); !valid) return valid.error();
  auto existing = postings_.ProfileOf(actor.user_id);
  if (!existing) return existing.error();
  profile.account_id = actor.user_id;
  profile.consent_at = existing->has_value() ? (*existing)->consent_at : std::nullopt;
  profile.waiting_since = existing->has_value() ? (*existing)->waiting_since : "";
  profile.updated_at = NowText();
  if (Status saved = postings_.SaveProfile(profile); !saved) return saved.error();
  if (Status audited = Audit(actor, "profile.save", "profile", actor.user_id); !audited) {
    return audited.error();
  }
  auto stored = postings_.ProfileOf(actor.user_id);
  if (!stored) return stored.error();
  if (!stored->has_value()) return Internal("The saved profile cannot be read back.");
  return std::move(**stored);
}

Status Exchange::Consent(const domain::Actor& actor, bool consent) {
  if (Status account = NeedsAccount(actor); !account) return account;
  auto profile = postings_.ProfileOf(actor.user_id);
  if (!profile) return profile.error();
  if (!profile->has_value()) {
    return Error{ErrorCode::kNotFound, "Fill in your profile first.", "profile"};
  }
  store::ProfileRecord record = std::move(**profile);
  if (record.consent_at.has_value() == consent) return {};
  record.consent_at = consent ? std::optional<std::string>(NowText()) : std::nullopt;
  record.updated_at = NowText();
  if (Status saved = postings_.SaveProfile(record); !saved) return saved;
  if (Status audited = Audit(actor, consent ? "profile.consent" : "profile.withdraw_consent",
                             "profile", actor.user_id);
      !audited) {
    return audited;
  }
  return consent ? Status() : WithdrawPending(actor);
}

Status Exchange::WithdrawPending(const domain::Actor& actor) {
  auto matches = postings_.MatchesOfPerson(actor.user_id);
  if (!matches) return matches.error();
  for (store::MatchRecord& match : *matches) {
    MatchStatus status = StatusOf(match);
    if (!domain::IsMatchPending(status)) continue;
    if (IsUnsent(match)) {
      // Nobody was told of it: it goes as if the round had never proposed it.
      Status deleted = postings_.DeleteMatch(match.id);
      if (!deleted && deleted.error().code != ErrorCode::kNotFound) return deleted;
      if (!deleted) continue;  // gone already
      if (match.round_id) {
        if (auto round = LoadRound(*match.round_id)) {
          round->total_score -= match.score;
          if (Status updated = postings_.UpdateRound(*round); !updated) return updated;
        }
      }
      if (Status audited = Audit(actor, "match.withdraw", "exchange_match", match.id); !audited) {
        return audited;
      }
      continue;
    }
    auto next = domain::NextMatchStatus(status, MatchEvent::kPersonDeclines);
    if (!next) continue;
    std::string expected = match.status;
    match.status = std::string(domain::MatchStatusName(*next));
    match.decline_reason = "consent_withdrawn";
    match.updated_at = NowText();
    Status updated = postings_.UpdateMatch(match, expected);
    if (!updated) {
      if (updated.error().code == ErrorCode::kConflict) continue;  // answered meanwhile
      return updated;
    }
    if (Status audited = Audit(actor, "match.decline", "exchange_match", match.id); !audited) {
      return audited;
    }
    auto posting = LoadPosting(match.posting_id);
    if (!posting) return posting.error();
    notifier_.MatchDeclined(posting->author_id, match);
  }
  return {};
}

Result<std::optional<store::ProfileRecord>> Exchange::Profile(const domain::Actor& actor) {
  if (Status account = NeedsAccount(actor); !account) return account.error();
  return postings_.ProfileOf(actor.user_id);
}

Status Exchange::DeleteProfile(const domain::Actor& actor) {
  if (Status account = NeedsAccount(actor); !account) return account;
  auto profile = postings_.ProfileOf(actor.user_id);
  if (!profile) return profile.error();
  if (!profile->has_value()) {
    return Error{ErrorCode::kNotFound, "There is no profile to delete.", "profile"};
  }
  if (Status withdrawn = WithdrawPending(actor); !withdrawn) return withdrawn;
  if (Status deleted = postings_.DeleteProfile(actor.user_id); !deleted) return deleted;
  return Audit(actor, "profile.delete", "profile", actor.user_id);
}

}  // namespace knooppunt::exchange
