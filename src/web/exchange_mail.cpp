#include "web/exchange_mail.h"

#include <spdlog/spdlog.h>

#include <vector>

#include "store/store.h"
#include "web/i18n.h"
#include "web/page.h"

namespace knooppunt::web {

void MailNotifier::MatchProposed(std::string_view account_id, const store::MatchRecord& match) {
  AboutMatch(account_id, match, "MAIL_MATCH_PROPOSED_SUBJECT", "MAIL_MATCH_PROPOSED_BODY");
}

void MailNotifier::MatchAccepted(std::string_view account_id, const store::MatchRecord& match) {
  AboutMatch(account_id, match, "MAIL_MATCH_ACCEPTED_SUBJECT", "MAIL_MATCH_ACCEPTED_BODY");
}

void MailNotifier::MatchActive(std::string_view account_id, const store::MatchRecord& match) {
  AboutMatch(account_id, match, "MAIL_MATCH_ACTIVE_SUBJECT", "MAIL_MATCH_ACTIVE_BODY");
}

void MailNotifier::MatchDeclined(std::string_view account_id, const store::MatchRecord& match) {
  AboutMatch(account_id, match, "MAIL_MATCH_DECLINED_SUBJECT", "MAIL_MATCH_DECLINED_BODY");
}

void MailNotifier::MessageReceived(std::string_view account_id, const store::MatchRecord& match) {
  AboutMatch(account_id, match, "MAIL_MESSAGE_SUBJECT", "MAIL_MESSAGE_BODY");
}

void MailNotifier::PostingModerated(std::string_view account_id,
                                    const store::PostingRecord& posting, bool approved) {
  Send(account_id, posting.title, "/vraag-en-aanbod/" + posting.id,
       approved ? "MAIL_POSTING_APPROVED_SUBJECT" : "MAIL_POSTING_REJECTED_SUBJECT",
       approved ? "MAIL_POSTING_APPROVED_BODY" : "MAIL_POSTING_REJECTED_BODY");
}

void MailNotifier::AboutMatch(std::string_view account_id, const store::MatchRecord& match,
                              std::string_view subject_key, std::string_view body_key) {
  auto posting = store_.postings().PostingById(match.posting_id);
  if (!posting || !*posting) {
    spdlog::warn("no mail about match {}: its posting cannot be read", match.id);
    return;
  }
  Send(account_id, (*posting)->title, "/mijn-matches/" + match.id, subject_key, body_key);
}

void MailNotifier::Send(std::string_view account_id, const std::string& title,
                        const std::string& path, std::string_view subject_key,
                        std::string_view body_key) {
  auto account = store_.accounts().AccountById(account_id);
  if (!account || !*account) {
    spdlog::warn("no mail to account {}: it cannot be read", account_id);
    return;
  }
  const Language* language = FindLanguage((*account)->language);
  if (language == nullptr) language = &Dutch();
  std::string link = public_url_ + language->prefix() + path;
  if (Status queued = QueueMail(store_.accounts(), *language, (*account)->id, (*account)->email,
                                subject_key, body_key, {title, link});
      !queued) {
    spdlog::warn("a mail to account {} could not be queued: {}", account_id,
                 queued.error().message);
  }
}

}  // namespace knooppunt::web
