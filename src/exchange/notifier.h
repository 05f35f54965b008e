// What the exchange tells people: a proposal, the other side's yes or no, an active match, a new
// message, a moderation decision. The web layer implements it by writing a mail in the
// recipient's language into the outbox; tests record the calls (notifier_testing.h). Exchange
// calls it only after the change is stored, once per recipient.
// Thread-safety: implementations must allow calls from any thread at once.
#pragma once

#include <string_view>

namespace knooppunt::store {
struct MatchRecord;
struct PostingRecord;
}  // namespace knooppunt::store

namespace knooppunt::exchange {

// The calls return nothing: the change they announce is stored already, so a mail that cannot
// be queued must not undo it; an implementation deals with (and logs) its own failures.
class Notifier {
 public:
  virtual ~Notifier() = default;

  // A proposal was sent: `account_id` is the person proposed or the posting's author.
  virtual void MatchProposed(std::string_view account_id, const store::MatchRecord& match) = 0;
  // The other side said yes; `account_id` has not answered yet.
  virtual void MatchAccepted(std::string_view account_id, const store::MatchRecord& match) = 0;
  // Both said yes: they can now write to each other. Sent to both.
  virtual void MatchActive(std::string_view account_id, const store::MatchRecord& match) = 0;
  // The other side said no (or withdrew consent to be matched).
  virtual void MatchDeclined(std::string_view account_id, const store::MatchRecord& match) = 0;
  // The other side wrote a message on the match.
  virtual void MessageReceived(std::string_view account_id, const store::MatchRecord& match) = 0;
  // The help desk approved (now open) or rejected (now closed) the author's posting.
  virtual void PostingModerated(std::string_view account_id, const store::PostingRecord& posting,
                                bool approved) = 0;
};

}  // namespace knooppunt::exchange
