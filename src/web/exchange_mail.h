// The mails of supply and demand: exchange::Notifier written as mails in the recipient's own
// language into the outbox — a proposal, the other side's yes or no, a match both accepted, a
// new message (never its text), and the help desk's decision on a posting. Links lead to the
// person's match (/mijn-matches/{id}) or posting (/vraag-en-aanbod/{id}).
// Thread-safety: calls may come from any thread at once.
#pragma once

#include <string>
#include <string_view>

#include "exchange/notifier.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::web {

class MailNotifier : public exchange::Notifier {
 public:
  // `store` must outlive the notifier. `public_url`: how visitors reach the site (links).
  MailNotifier(store::Store& store, std::string public_url)
      : store_(store), public_url_(std::move(public_url)) {}

  void MatchProposed(std::string_view account_id, const store::MatchRecord& match) override;
  void MatchAccepted(std::string_view account_id, const store::MatchRecord& match) override;
  void MatchActive(std::string_view account_id, const store::MatchRecord& match) override;
  void MatchDeclined(std::string_view account_id, const store::MatchRecord& match) override;
  void MessageReceived(std::string_view account_id, const store::MatchRecord& match) override;
  void PostingModerated(std::string_view account_id, const store::PostingRecord& posting,
                        bool approved) override;

 private:
  // A mail about the match's posting, with a link to the match.
  void AboutMatch(std::string_view account_id, const store::MatchRecord& match,
                  std::string_view subject_key, std::string_view body_key);
  // Queues the mail in the account's language; {1} is the posting's title, {2} the link to
  // `path` (without language prefix). Failures are logged without personal data.
  void Send(std::string_view account_id, const std::string& title, const std::string& path,
            std::string_view subject_key, std::string_view body_key);

  store::Store& store_;
  const std::string public_url_;
};

}  // namespace knooppunt::web
