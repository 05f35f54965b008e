// The mails of supply and demand: in the recipient's language, about the right posting, with a
// link to the match or posting, and never the text of a message.
#include "web/exchange_mail.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "domain/uuid.h"
#include "web/keeper_pages_testing.h"

namespace knooppunt::web {
namespace {

using domain::Role;

class ExchangeMail : public testing::KeeperPages {
 protected:
  std::vector<store::OutboxMail> Mails() {
    auto mails = map_.store().accounts().DueMails("9999-12-31T00:00:00.000Z", 100);
    EXPECT_TRUE(mails.ok());
    return mails.ok() ? *mails : std::vector<store::OutboxMail>();
  }

  // An account whose language is `language`.
  std::string Person(const std::string& email, const std::string& language) {
    std::string id = AccountWith(email, {Role::kVolunteer, ""});
    auto account = map_.store().accounts().AccountById(id);
    EXPECT_TRUE(account.ok() && account->has_value());
    store::Account changed = **account;
    changed.language = language;
    EXPECT_TRUE(map_.store().accounts().UpdateAccount(changed).ok());
    return id;
  }
};

TEST_F(ExchangeMail, EveryNoticeIsAMailInTheRecipientsLanguageWithItsLink) {
  std::string poster = Person("poster@example.org", "nl");
  std::string person = Person("persoon@example.org", "ar");
  store::PostingRecord posting{.id = domain::RandomUuid(),
                               .kind = "buddy",
                               .side = "offer",
                               .status = "open",
                               .author_id = poster,
                               .title = "Wandelmaatje in Delft"};
  ASSERT_TRUE(map_.store().postings().CreatePosting(posting).ok());
  store::MatchRecord match{.id = domain::RandomUuid(),
                           .posting_id = posting.id,
                           .person_id = person,
                           .expires_at = "2026-12-31T00:00:00.000Z"};
  ASSERT_TRUE(map_.store().postings().AddMatch(match).ok());

  MailNotifier notifier(map_.store(), "https://knooppunt.example");
  notifier.MatchProposed(person, match);
  notifier.MatchAccepted(poster, match);
  notifier.MatchActive(person, match);
  notifier.MatchDeclined(poster, match);
  notifier.MessageReceived(poster, match);
  notifier.PostingModerated(poster, posting, true);
  notifier.PostingModerated(poster, posting, false);

  std::vector<store::OutboxMail> mails = Mails();
  ASSERT_EQ(mails.size(), 7u);
  std::set<std::string> subjects;
  for (const store::OutboxMail& mail : mails) {
    subjects.insert(mail.subject);
    EXPECT_NE(mail.subject.find("Wandelmaatje in Delft"), std::string::npos) << mail.subject;
    EXPECT_NE(mail.body.find("Wandelmaatje in Delft"), std::string::npos) << mail.body;
    if (mail.to_address == "persoon@example.org") {
      EXPECT_EQ(mail.language, "ar");
      EXPECT_NE(mail.body.find("https://knooppunt.example/ar/mijn-matches/" + match.id),
                std::string::npos)
          << mail.body;
    } else {
      EXPECT_EQ(mail.to_address, "poster@example.org");
      EXPECT_EQ(mail.language, "nl");
      bool link = mail.body.find("https://knooppunt.example/mijn-matches/" + match.id) !=
                      std::string::npos ||
                  mail.body.find("https://knooppunt.example/vraag-en-aanbod/" + posting.id) !=
                      std::string::npos;
      EXPECT_TRUE(link) << mail.body;
    }
  }
  EXPECT_EQ(subjects.size(), 7u) << "each notice says what happened";
  EXPECT_TRUE(subjects.contains("Je oproep staat op Knooppunt: Wandelmaatje in Delft"));
  EXPECT_TRUE(subjects.contains("Je oproep is niet geplaatst: Wandelmaatje in Delft"));
}

TEST_F(ExchangeMail, AnUnknownAccountOrPostingSendsNothingAndDoesNotThrow) {
  MailNotifier notifier(map_.store(), "https://knooppunt.example");
  store::MatchRecord match;
  match.id = domain::RandomUuid();
  match.posting_id = domain::RandomUuid();
  notifier.MatchProposed(domain::RandomUuid(), match);
  store::PostingRecord posting;
  posting.id = domain::RandomUuid();
  posting.title = "x";
  notifier.PostingModerated(domain::RandomUuid(), posting, true);
  EXPECT_TRUE(Mails().empty());
}

}  // namespace
}  // namespace knooppunt::web
