// The match pages: my matches with their reasons, one match with the answers of both sides,
// names kept back until both said yes, messages and completing; the help desk's moderation
// queue and matching rounds (run, review, drop, swap, send, discard). Through the router, as a
// browser sends them.
#include "web/match_pages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "store/store.h"
#include "web/exchange_pages_testing.h"

namespace knooppunt::web {
namespace {

using domain::Role;
using testing::Contains;
using testing::Followed;
using testing::kHostile;
using testing::Location;

constexpr char kTitle[] = "Voedselbank zoekt sorteerders";

class MatchPages : public testing::ExchangePages {
 protected:
  domain::Actor Desk() {
    return {.user_id = AccountWith("loket-Groningen@example.org", {Role::kHelpDesk, "Groningen"}),
            .grants = {{Role::kHelpDesk, "Groningen"}},
            .second_factor = true};
  }
  std::string DeskSession() { return HelpDesk("Groningen"); }

  // The person proposed ("amina@…") and the posting's author ("jan@…"), plain accounts.
  std::string PersonId() { return AccountWith("amina@example.org", {Role::kVolunteer, ""}); }
  std::string AuthorId() { return AccountWith("jan@example.org", {Role::kVolunteer, ""}); }
  std::string Person() { return SessionOf(PersonId()); }
  std::string Author() { return SessionOf(AuthorId()); }
  std::string Stranger() { return Volunteer(); }

  void Name(const std::string& account_id, const std::string& name) {
    auto account = map_.store().accounts().AccountById(account_id);
    ASSERT_TRUE(account.ok() && account->has_value());
    store::Account changed = **account;
    changed.display_name = name;
    ASSERT_TRUE(map_.store().accounts().UpdateAccount(changed).ok());
  }

  // A consenting person in Den Haag: too far for the postings in Groningen.
  void ConsentingFarAway(const std::string& account_id) {
    store::ProfileRecord profile{.account_id = account_id,
                                 .wants = {"volunteer_work:offer"},
                                 .languages = {{"nl", "B1"}},
                                 .place_name = "Den Haag",
                                 .latitude = 52.0767,
                                 .longitude = 4.2986,
                                 .travel_km = 10};
    domain::Actor actor{.user_id = account_id};
    ASSERT_TRUE(exchange_->SaveProfile(actor, profile).ok());
    ASSERT_TRUE(exchange_->Consent(actor, true).ok());
  }

  // A match proposed by the help desk at once (sent: both sides were told); its id.
  std::string SentMatch(const std::string& title = kTitle) {
    Consenting(PersonId());
    posting_id_ = OpenPosting(AuthorId(), title);
    auto match = exchange_->Propose(Desk(), PersonId(), posting_id_);
    EXPECT_TRUE(match.ok()) << match.error().field << ": " << match.error().message;
    return match.ok() ? match->id : "";
  }

  // A sent match both sides said yes to.
  std::string ActiveMatch() {
    std::string id = SentMatch();
    EXPECT_EQ(Post(Url(id) + "/antwoord", "antwoord=ja", Person()).message.result_int(), 303);
    EXPECT_EQ(Post(Url(id) + "/antwoord", "antwoord=ja", Author()).message.result_int(), 303);
    EXPECT_EQ(Stored(id).status, "active");
    return id;
  }

  // A posting by a person the help desk does not know yet: it awaits moderation.
  std::string PendingPosting(const std::string& author_id, const std::string& title) {
    store::PostingRecord draft{.id = "",
                               .kind = "goods",
                               .side = "offer",
                               .author_id = "",
                               .title = title,
                               .description = "Een kinderwagen, bijna nieuw.",
                               .place_name = "Groningen",
                               .latitude = testing::kGroningenLatitude,
                               .longitude = testing::kGroningenLongitude,
                               .goods_category = "Kinderspullen",
                               .delivery = "pickup"};
    auto posted = exchange_->Post({.user_id = author_id}, draft, true);
    EXPECT_TRUE(posted.ok()) << posted.error().field << ": " << posted.error().message;
    EXPECT_EQ(posted.ok() ? posted->status : "", "awaiting_moderation");
    return posted.ok() ? posted->id : "";
  }

  static std::string Url(const std::string& match_id) { return "/mijn-matches/" + match_id; }

  store::MatchRecord Stored(const std::string& match_id) {
    auto match = map_.store().postings().MatchById(match_id);
    EXPECT_TRUE(match.ok() && match->has_value()) << match_id;
    return match.ok() && match->has_value() ? **match : store::MatchRecord{};
  }

  std::string PostingStatus(const std::string& posting_id) {
    auto posting = map_.store().postings().PostingById(posting_id);
    EXPECT_TRUE(posting.ok() && posting->has_value());
    return posting.ok() && posting->has_value() ? (*posting)->status : "";
  }

  std::vector<store::MatchMessage> MessagesOf(const std::string& match_id) {
    auto messages = map_.store().postings().MessagesOf(match_id);
    EXPECT_TRUE(messages.ok());
    return messages.ok() ? *messages : std::vector<store::MatchMessage>();
  }

  std::vector<store::OutboxMail> Mails() {
    auto mails = map_.store().accounts().DueMails("9999-12-31T00:00:00.000Z", 1000);
    EXPECT_TRUE(mails.ok());
    return mails.ok() ? *mails : std::vector<store::OutboxMail>();
  }

  // The mails whose subject holds `subject`, by recipient.
  std::vector<std::string> MailsAbout(std::string_view subject) {
    std::vector<std::string> to;
    for (const store::OutboxMail& mail : Mails()) {
      if (mail.subject.find(subject) != std::string::npos) to.push_back(mail.to_address);
    }
    std::sort(to.begin(), to.end());
    return to;
  }

  // Runs a round through the page; its id.
  std::string RunRound(const std::string& body = "") {
    http::Response made = Post("/beheer/rondes", body, DeskSession());
    EXPECT_EQ(made.message.result_int(), 303) << made.message.body();
    std::string location = Location(made);
    const std::string prefix = "/beheer/rondes/";
    EXPECT_TRUE(location.starts_with(prefix)) << location;
    std::string id = location.substr(prefix.size(), location.find('?') - prefix.size());
    EXPECT_EQ(location, prefix + id + "?nieuw=1");
    return id;
  }

  std::vector<store::MatchRecord> ProposalsOf(const std::string& round_id) {
    auto proposals = map_.store().postings().MatchesOfRound(round_id);
    EXPECT_TRUE(proposals.ok());
    return proposals.ok() ? *proposals : std::vector<store::MatchRecord>();
  }

  std::string RoundStatus(const std::string& round_id) {
    auto round = map_.store().postings().RoundById(round_id);
    EXPECT_TRUE(round.ok() && round->has_value());
    return round.ok() && round->has_value() ? (*round)->status : "";
  }

  // Times are stored to the millisecond: the next record is written in a later one.
  static void Later() { std::this_thread::sleep_for(std::chrono::milliseconds(3)); }

  std::string posting_id_;
};

// --- My matches.

TEST_F(MatchPages, MyMatchesExplainsThatTheHelpDeskProposesAndLinksToTheProfile) {
  http::Response page = Get("/mijn-matches", Person());
  ASSERT_EQ(page.message.result_int(), 200) << page.message.body();
  EXPECT_TRUE(Contains(page, "Je hebt nog geen matches."));
  EXPECT_TRUE(Contains(page, "href=\"/mijn-profiel\""));
  EXPECT_FALSE(Contains(page, "kp-mat-list"));
}

TEST_F(MatchPages, MyMatchesListsEachSentMatchWithItsReasonsToBothSides) {
  std::string id = SentMatch();
  for (const std::string& session : {Person(), Author()}) {
    http::Response page = Get("/mijn-matches", session);
    ASSERT_EQ(page.message.result_int(), 200);
    EXPECT_TRUE(Contains(page, kTitle));
    EXPECT_TRUE(Contains(page, "href=\"/mijn-matches/" + id + "\""));
    EXPECT_TRUE(Contains(page, "Vrijwilligerswerk (Vraag)"));
    EXPECT_TRUE(Contains(page, "Voorstel: nog niemand heeft geantwoord"));
    EXPECT_TRUE(Contains(page, "<li>Jullie spreken allebei Nederlands</li>"));
    EXPECT_TRUE(Contains(page, "Antwoord geven kan tot"));
    EXPECT_FALSE(Contains(page, "Je hebt nog geen matches."));
  }
  EXPECT_TRUE(Contains(Get("/mijn-matches", Person()), "Je bent voorgesteld voor deze oproep"));
  EXPECT_TRUE(Contains(Get("/mijn-matches", Author()), "Het is jouw oproep"));
  EXPECT_TRUE(Contains(Get("/mijn-matches", Stranger()), "Je hebt nog geen matches."));
}

TEST_F(MatchPages, MyMatchesShowsTheNewestFirst) {
  std::string older = SentMatch("Eerste oproep");
  Later();
  std::string second_person = AccountWith("tesfay@example.org", {Role::kVolunteer, ""});
  Consenting(second_person);
  std::string posting = OpenPosting(AuthorId(), "Tweede oproep");
  auto newer = exchange_->Propose(Desk(), second_person, posting);
  ASSERT_TRUE(newer.ok()) << newer.error().message;
  std::string body = Get("/mijn-matches", Author()).message.body();
  size_t first = body.find("Tweede oproep"), second = body.find("Eerste oproep");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
}

TEST_F(MatchPages, AnonymousVisitorsSignInFirst) {
  std::string id = SentMatch();
  for (const std::string& target : {std::string("/mijn-matches"), Url(id)}) {
    http::Response page = Get(target);
    EXPECT_EQ(page.message.result_int(), 303) << target;
    EXPECT_TRUE(Location(page).starts_with("/inloggen?terug=")) << Location(page);
  }
  EXPECT_EQ(Stored(id).status, "proposed");
}

// --- One match.

TEST_F(MatchPages, BothSidesSeeThePostingTheReasonsAndTheAnswerForms) {
  std::string id = SentMatch();
  for (const std::string& session : {Person(), Author()}) {
    http::Response page = Get(Url(id), session);
    ASSERT_EQ(page.message.result_int(), 200) << page.message.body();
    EXPECT_TRUE(Contains(page, kTitle));
    EXPECT_TRUE(Contains(page, "href=\"/vraag-en-aanbod/" + posting_id_ + "\""));
    EXPECT_TRUE(Contains(page, "<li>Jullie spreken allebei Nederlands</li>"));
    EXPECT_TRUE(Contains(page, "action=\"/mijn-matches/" + id + "/antwoord\""));
    EXPECT_TRUE(Contains(page, "Ja, graag"));
    EXPECT_TRUE(Contains(page, "Nee, liever niet"));
    EXPECT_TRUE(Contains(page, "<label class=\"utrecht-form-label\" for=\"reden\">"));
    EXPECT_FALSE(Contains(page, "action=\"/mijn-matches/" + id + "/bericht\""))
        << "no messages before both said yes";
  }
}

TEST_F(MatchPages, StrangersAndMalformedIdsGetNotFound) {
  std::string id = SentMatch();
  http::Response stranger = Get(Url(id), Stranger());
  EXPECT_EQ(stranger.message.result_int(), 404);
  EXPECT_FALSE(Contains(stranger, kTitle));
  EXPECT_EQ(Get("/mijn-matches/geen-id", Person()).message.result_int(), 404);
  EXPECT_EQ(
      Get("/mijn-matches/00000000-0000-4000-8000-00000000abcd", Person()).message.result_int(),
      404);
  EXPECT_EQ(Post(Url(id) + "/antwoord", "antwoord=ja", Stranger()).message.result_int(), 404);
  EXPECT_EQ(Post(Url(id) + "/bericht", "bericht=hoi", Stranger()).message.result_int(), 404);
  EXPECT_EQ(Stored(id).status, "proposed");
}

TEST_F(MatchPages, TheHelpDeskSeesAMatchWithoutAnsweringOrReadingMessages) {
  std::string id = ActiveMatch();
  Name(PersonId(), "Amina Tesfay");
  ASSERT_EQ(Post(Url(id) + "/bericht", "bericht=Alleen+voor+ons", Person()).message.result_int(),
            303);
  http::Response page = Get(Url(id), DeskSession());
  ASSERT_EQ(page.message.result_int(), 200) << page.message.body();
  EXPECT_TRUE(Contains(page, "Je bekijkt deze match als helpdesk."));
  EXPECT_FALSE(Contains(page, "Alleen voor ons"));
  EXPECT_FALSE(Contains(page, "Amina Tesfay"));
  EXPECT_FALSE(Contains(page, "/bericht\""));
  EXPECT_EQ(Post(Url(id) + "/antwoord", "antwoord=klaar", DeskSession()).message.result_int(), 403);
  EXPECT_EQ(Post(Url(id) + "/bericht", "bericht=Hallo", DeskSession()).message.result_int(), 403);
  EXPECT_EQ(Stored(id).status, "active");
  EXPECT_EQ(MessagesOf(id).size(), 1u);
}

TEST_F(MatchPages, NamesStayHiddenUntilBothSaidYes) {
  std::string id = SentMatch();
  Name(PersonId(), "Amina Tesfay");
  Name(AuthorId(), "Jan Borg");
  http::Response person = Get(Url(id), Person());
  http::Response author = Get(Url(id), Author());
  EXPECT_FALSE(Contains(person, "Jan Borg"));
  EXPECT_FALSE(Contains(author, "Amina Tesfay"));

  http::Response yes = Post(Url(id) + "/antwoord", "antwoord=ja", Person());
  ASSERT_EQ(yes.message.result_int(), 303) << yes.message.body();
  EXPECT_EQ(Location(yes), Url(id) + "?ja=1");
  EXPECT_EQ(Stored(id).status, "person_accepted");
  person = Get(Location(yes), Person());
  EXPECT_TRUE(Contains(person, "Bedankt, je hebt ja gezegd."));
  EXPECT_TRUE(Contains(person, "We wachten nu op het antwoord van de ander."));
  EXPECT_FALSE(Contains(person, "Ja, graag")) << "answered already";
  EXPECT_FALSE(Contains(Get(Url(id), Author()), "Amina Tesfay"));

  ASSERT_EQ(Post(Url(id) + "/antwoord", "antwoord=ja", Author()).message.result_int(), 303);
  EXPECT_EQ(Stored(id).status, "active");
  person = Get(Url(id), Person());
  author = Get(Url(id), Author());
  EXPECT_TRUE(Contains(person, "Jan Borg"));
  EXPECT_TRUE(Contains(author, "Amina Tesfay"));
  EXPECT_FALSE(Contains(person, "jan@example.org")) << "never an address";
  EXPECT_FALSE(Contains(author, "amina@example.org"));
}

TEST_F(MatchPages, WithoutAChosenNameTheOtherSideIsAPlainWordNeverTheAddress) {
  std::string id = ActiveMatch();
  http::Response person = Get(Url(id), Person());
  http::Response author = Get(Url(id), Author());
  EXPECT_TRUE(Contains(person, "de plaatser van de oproep"));
  EXPECT_TRUE(Contains(author, "de persoon"));
  EXPECT_FALSE(Contains(person, "jan"));
  EXPECT_FALSE(Contains(author, "amina"));
}

TEST_F(MatchPages, SayingNoWithAReasonStoresTheReason) {
  std::string id = SentMatch();
  http::Response no = Post(Url(id) + "/antwoord", "antwoord=nee&tekst=Ik+heb+geen+tijd", Person());
  ASSERT_EQ(no.message.result_int(), 303) << no.message.body();
  EXPECT_EQ(Location(no), Url(id) + "?nee=1");
  store::MatchRecord stored = Stored(id);
  EXPECT_EQ(stored.status, "declined");
  EXPECT_EQ(stored.decline_reason, "Ik heb geen tijd");
  http::Response page = Get(Location(no), Person());
  EXPECT_TRUE(Contains(page, "Je hebt nee gezegd."));
  EXPECT_TRUE(Contains(page, "Deze match gaat niet door."));
  EXPECT_FALSE(Contains(page, "Ja, graag"));
}

TEST_F(MatchPages, ThePosterCanSayNoWithoutAReason) {
  std::string id = SentMatch();
  ASSERT_EQ(Post(Url(id) + "/antwoord", "antwoord=nee", Author()).message.result_int(), 303);
  EXPECT_EQ(Stored(id).status, "declined");
  EXPECT_EQ(Stored(id).decline_reason, "");
}

TEST_F(MatchPages, AnsweringTwiceShowsThePageAgainWithAClearMessage) {
  std::string id = SentMatch();
  ASSERT_EQ(Post(Url(id) + "/antwoord", "antwoord=ja", Person()).message.result_int(), 303);
  http::Response again = Post(Url(id) + "/antwoord", "antwoord=ja", Person());
  EXPECT_EQ(again.message.result_int(), 409);
  EXPECT_TRUE(Contains(again, "Dit kan nu niet meer."));
  EXPECT_TRUE(Contains(again, "role=\"alert\""));
  EXPECT_TRUE(Contains(again, kTitle));
  EXPECT_EQ(Stored(id).status, "person_accepted");
}

TEST_F(MatchPages, AnAnswerAfterTheAnswerPeriodIsRefused) {
  std::string id = SentMatch();
  store::MatchRecord match = Stored(id);
  match.expires_at = "2000-01-01T00:00:00.000Z";
  ASSERT_TRUE(map_.store().postings().UpdateMatch(match, match.status).ok());
  http::Response page = Get(Url(id), Person());
  EXPECT_TRUE(Contains(page, "De tijd om te antwoorden is voorbij."));
  EXPECT_FALSE(Contains(page, "Ja, graag"));
  http::Response late = Post(Url(id) + "/antwoord", "antwoord=ja", Person());
  EXPECT_EQ(late.message.result_int(), 409);
  EXPECT_TRUE(Contains(late, "Dit kan nu niet meer."));
  EXPECT_EQ(Stored(id).status, "proposed");
}

TEST_F(MatchPages, SayingYesToAClosedPostingSaysTheOproepIsClosed) {
  std::string id = SentMatch();
  ASSERT_TRUE(exchange_->Move(Desk(), posting_id_, domain::PostingStatus::kClosed).ok());
  http::Response yes = Post(Url(id) + "/antwoord", "antwoord=ja", Person());
  EXPECT_EQ(yes.message.result_int(), 409);
  EXPECT_TRUE(Contains(yes, "de oproep is niet meer open"));
  EXPECT_EQ(Stored(id).status, "proposed");
}

TEST_F(MatchPages, ATooLongReasonIsRefusedBesideItsFieldAndKept) {
  std::string id = SentMatch();
  std::string reason(1001, 'x');
  http::Response refused = Post(Url(id) + "/antwoord", "antwoord=nee&tekst=" + reason, Person());
  EXPECT_EQ(refused.message.result_int(), 400);
  EXPECT_TRUE(Contains(refused, "Schrijf hoogstens 1000 tekens."));
  EXPECT_TRUE(Contains(refused, "id=\"reden-fout\""));
  EXPECT_TRUE(Contains(refused, "href=\"#reden\""));
  EXPECT_TRUE(Contains(refused, ">" + reason + "</textarea>"));
  EXPECT_EQ(Stored(id).status, "proposed");
}

TEST_F(MatchPages, AnUnknownAnswerIsABadRequest) {
  std::string id = SentMatch();
  http::Response refused = Post(Url(id) + "/antwoord", "antwoord=misschien", Person());
  EXPECT_EQ(refused.message.result_int(), 400);
  EXPECT_TRUE(Contains(refused, "Kies ja of nee."));
  EXPECT_EQ(Stored(id).status, "proposed");
}

TEST_F(MatchPages, FormsWithoutTheirTokenOrWithBrokenTextAreRefusedAndStoreNothing) {
  std::string id = SentMatch();
  http::Response no_field = PostRaw(Url(id) + "/antwoord", "antwoord=ja", Person());
  EXPECT_EQ(no_field.message.result_int(), 403);
  http::Response no_cookie = PostRaw(
      Url(id) + "/antwoord", std::string("antwoord=ja&csrf=") + testing::kCsrf, Person(), "");
  EXPECT_EQ(no_cookie.message.result_int(), 403);
  http::Response broken = Post(Url(id) + "/antwoord", "antwoord=nee&tekst=%FF%FE", Person());
  EXPECT_EQ(broken.message.result_int(), 400);
  EXPECT_TRUE(Contains(broken, "lang=\"nl\""));
  EXPECT_EQ(Stored(id).status, "proposed");
}

// --- Messages.

TEST_F(MatchPages, ActiveSidesWriteToEachOtherOldestFirst) {
  std::string id = ActiveMatch();
  Name(PersonId(), "Amina Tesfay");
  http::Response person = Get(Url(id), Person());
  EXPECT_TRUE(Contains(person, "action=\"/mijn-matches/" + id + "/bericht\""));
  EXPECT_TRUE(Contains(person, "Er zijn nog geen berichten."));

  http::Response sent = Post(Url(id) + "/bericht", "bericht=Hallo%2C+zaterdag%3F", Person());
  ASSERT_EQ(sent.message.result_int(), 303) << sent.message.body();
  EXPECT_EQ(Location(sent), Url(id) + "?bericht=1#berichten");
  Later();
  ASSERT_EQ(Post(Url(id) + "/bericht", "bericht=Ja%2C+om+tien+uur", Author()).message.result_int(),
            303);
  std::vector<store::MatchMessage> messages = MessagesOf(id);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].body, "Hallo, zaterdag?");

  http::Response author = Get(Followed(sent), Author());
  std::string body = author.message.body();
  size_t first = body.find("Hallo, zaterdag?"), second = body.find("Ja, om tien uur");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_TRUE(Contains(author, "Amina Tesfay"));
  EXPECT_TRUE(Contains(author, "<span dir=\"auto\">jij</span>"));
  EXPECT_TRUE(Contains(author, "class=\"kp-mat-message__body\" dir=\"auto\">Hallo, zaterdag?"));
  EXPECT_TRUE(Contains(Get(Followed(sent), Person()), "Je bericht is verstuurd."));
  EXPECT_EQ(MailsAbout("Nieuw bericht").size(), 2u);
}

TEST_F(MatchPages, AnEmptyMessageIsRefusedBesideItsField) {
  std::string id = ActiveMatch();
  http::Response empty = Post(Url(id) + "/bericht", "bericht=+++", Person());
  EXPECT_EQ(empty.message.result_int(), 400);
  EXPECT_TRUE(Contains(empty, "Schrijf eerst een bericht."));
  EXPECT_TRUE(Contains(empty, "id=\"bericht-fout\""));
  EXPECT_TRUE(Contains(empty, "aria-invalid=\"true\""));
  EXPECT_TRUE(MessagesOf(id).empty());
}

TEST_F(MatchPages, ATooLongMessageIsRefusedAndTheTextKept) {
  std::string id = ActiveMatch();
  std::string text = std::string(1990, 'a') + "%0D%0Aeinde+van+de+tekst";
  http::Response refused = Post(Url(id) + "/bericht", "bericht=" + text, Person());
  EXPECT_EQ(refused.message.result_int(), 400);
  EXPECT_TRUE(Contains(refused, "Schrijf hoogstens 2000 tekens."));
  EXPECT_TRUE(Contains(refused, std::string(1990, 'a') + "\neinde van de tekst</textarea>"))
      << "the text as typed, line break included";
  EXPECT_TRUE(MessagesOf(id).empty());
  // 2000 characters with line breaks as the browser sends them ("\r\n") fit.
  std::string lines = std::string(999, 'b') + "%0D%0A" + std::string(1000, 'c');
  EXPECT_EQ(Post(Url(id) + "/bericht", "bericht=" + lines, Person()).message.result_int(), 303);
  ASSERT_EQ(MessagesOf(id).size(), 1u);
  EXPECT_EQ(MessagesOf(id)[0].body, std::string(999, 'b') + "\n" + std::string(1000, 'c'));
}

TEST_F(MatchPages, HostileMessagesAreShownAsText) {
  std::string id = ActiveMatch();
  ASSERT_EQ(Post(Url(id) + "/bericht", "bericht=%3Cscript%3Ealert(1)%3C%2Fscript%3E", Person())
                .message.result_int(),
            303);
  http::Response page = Get(Url(id), Author());
  EXPECT_FALSE(Contains(page, kHostile));
  EXPECT_TRUE(Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST_F(MatchPages, MessagesBeforeBothSaidYesAreRefusedWithTheTextKept) {
  std::string id = SentMatch();
  http::Response early = Post(Url(id) + "/bericht", "bericht=Mag+ik+iets+vragen", Person());
  EXPECT_EQ(early.message.result_int(), 409);
  EXPECT_TRUE(Contains(early, "Berichten sturen kan pas als jullie allebei ja hebben gezegd."));
  EXPECT_TRUE(MessagesOf(id).empty());
}

TEST_F(MatchPages, CompletingWithFeedbackEndsTheConversation) {
  std::string id = ActiveMatch();
  ASSERT_TRUE(Contains(Get(Url(id), Person()), "Afronden"));
  http::Response done =
      Post(Url(id) + "/antwoord", "antwoord=klaar&tekst=Het+ging+heel+goed", Person());
  ASSERT_EQ(done.message.result_int(), 303) << done.message.body();
  EXPECT_EQ(Location(done), Url(id) + "?klaar=1");
  store::MatchRecord stored = Stored(id);
  EXPECT_EQ(stored.status, "completed");
  EXPECT_EQ(stored.person_feedback, "Het ging heel goed");
  http::Response page = Get(Location(done), Author());
  EXPECT_TRUE(Contains(page, "Deze match is afgerond."));
  EXPECT_FALSE(Contains(page, "action=\"/mijn-matches/" + id + "/bericht\""));
  EXPECT_EQ(Post(Url(id) + "/bericht", "bericht=Nog+iets", Author()).message.result_int(), 409);
}

TEST_F(MatchPages, TheArabicPageIsRightToLeft) {
  std::string id = SentMatch();
  http::Response list = Get("/ar/mijn-matches", Person());
  ASSERT_EQ(list.message.result_int(), 200);
  EXPECT_TRUE(Contains(list, "<html lang=\"ar\" dir=\"rtl\""));
  EXPECT_TRUE(Contains(list, "href=\"/ar/mijn-matches/" + id + "\""));
  http::Response page = Get("/ar" + Url(id), Person());
  ASSERT_EQ(page.message.result_int(), 200);
  EXPECT_TRUE(Contains(page, "<html lang=\"ar\" dir=\"rtl\""));
  EXPECT_TRUE(Contains(page, "action=\"/ar/mijn-matches/" + id + "/antwoord\""));
}

// --- Moderation.

using ModerationPages = MatchPages;

TEST_F(ModerationPages, TheHelpDeskReadsEveryPostingAwaitingModeration) {
  std::string id = PendingPosting(AuthorId(), "Kinderwagen te geef");
  http::Response queue = Get("/beheer/moderatie", DeskSession());
  ASSERT_EQ(queue.message.result_int(), 200) << queue.message.body();
  EXPECT_TRUE(Contains(queue, "Kinderwagen te geef"));
  EXPECT_TRUE(Contains(queue, "Een kinderwagen, bijna nieuw."));
  EXPECT_TRUE(Contains(queue, "Kinderspullen, Ophalen"));
  EXPECT_TRUE(Contains(queue, "Spullen (Aanbod)"));
  EXPECT_TRUE(Contains(queue, "action=\"/beheer/moderatie/" + id + "\""));
  EXPECT_TRUE(Contains(queue, "Goedkeuren<span class=\"kp-visually-hidden\">"));
  EXPECT_TRUE(Contains(queue, "Afwijzen<span class=\"kp-visually-hidden\">"));
  EXPECT_FALSE(Contains(queue, "Er zijn geen oproepen om te controleren."));
}

TEST_F(ModerationPages, ApprovingOpensThePostingAndMailsItsAuthor) {
  std::string id = PendingPosting(AuthorId(), "Kinderwagen te geef");
  http::Response approved = Post("/beheer/moderatie/" + id, "besluit=goedkeuren", DeskSession());
  ASSERT_EQ(approved.message.result_int(), 303) << approved.message.body();
  EXPECT_EQ(Location(approved), "/beheer/moderatie?goedgekeurd=1");
  EXPECT_EQ(PostingStatus(id), "open");
  EXPECT_EQ(MailsAbout("Je oproep staat op Knooppunt"),
            std::vector<std::string>{"jan@example.org"});
  http::Response queue = Get(Location(approved), DeskSession());
  EXPECT_TRUE(Contains(queue, "De oproep is goedgekeurd."));
  EXPECT_TRUE(Contains(queue, "Er zijn geen oproepen om te controleren."));
  EXPECT_FALSE(Contains(queue, "Kinderwagen te geef"));
}

TEST_F(ModerationPages, RejectingClosesThePostingAndMailsItsAuthor) {
  std::string id = PendingPosting(AuthorId(), "Kinderwagen te geef");
  http::Response rejected = Post("/beheer/moderatie/" + id, "besluit=afwijzen", DeskSession());
  ASSERT_EQ(rejected.message.result_int(), 303);
  EXPECT_EQ(Location(rejected), "/beheer/moderatie?afgewezen=1");
  EXPECT_EQ(PostingStatus(id), "closed");
  EXPECT_EQ(MailsAbout("Je oproep is niet geplaatst"), std::vector<std::string>{"jan@example.org"});
}

TEST_F(ModerationPages, RejectingAPostingAColleagueApprovedLeavesItOpen) {
  std::string id = PendingPosting(AuthorId(), "Kinderwagen te geef");
  ASSERT_EQ(
      Post("/beheer/moderatie/" + id, "besluit=goedkeuren", DeskSession()).message.result_int(),
      303);
  http::Response late = Post("/beheer/moderatie/" + id, "besluit=afwijzen", DeskSession());
  ASSERT_EQ(late.message.result_int(), 303);
  EXPECT_EQ(Location(late), "/beheer/moderatie?al=1");
  EXPECT_EQ(PostingStatus(id), "open");
  EXPECT_TRUE(Contains(Get(Location(late), DeskSession()), "Iemand anders heeft deze oproep"));
}

TEST_F(ModerationPages, VolunteersMayNotModerate) {
  std::string id = PendingPosting(AuthorId(), "Kinderwagen te geef");
  EXPECT_EQ(Get("/beheer/moderatie", Stranger()).message.result_int(), 403);
  EXPECT_EQ(Post("/beheer/moderatie/" + id, "besluit=goedkeuren", Stranger()).message.result_int(),
            403);
  EXPECT_EQ(Post("/beheer/moderatie/" + id, "besluit=goedkeuren", Author()).message.result_int(),
            403);
  EXPECT_EQ(PostingStatus(id), "awaiting_moderation");
}

TEST_F(ModerationPages, BadDecisionsIdsAndTokensAreRefused) {
  std::string id = PendingPosting(AuthorId(), "Kinderwagen te geef");
  EXPECT_EQ(Post("/beheer/moderatie/" + id, "besluit=later", DeskSession()).message.result_int(),
            400);
  EXPECT_EQ(Post("/beheer/moderatie/niet-een-id", "besluit=goedkeuren", DeskSession())
                .message.result_int(),
            404);
  EXPECT_EQ(
      PostRaw("/beheer/moderatie/" + id, "besluit=goedkeuren", DeskSession()).message.result_int(),
      403);
  EXPECT_EQ(Get("/beheer/moderatie?pagina=nul", DeskSession()).message.result_int(), 404);
  EXPECT_EQ(PostingStatus(id), "awaiting_moderation");
}

TEST_F(ModerationPages, TheQueueComesInPagesOfTwenty) {
  for (int i = 0; i < 21; ++i) PendingPosting(AuthorId(), "Oproep nummer " + std::to_string(i));
  auto items = [](const http::Response& page) {
    size_t count = 0;
    for (size_t at = 0;
         (at = page.message.body().find("<li class=\"kp-mat-item\">", at)) != std::string::npos;
         ++at) {
      ++count;
    }
    return count;
  };
  http::Response first = Get("/beheer/moderatie", DeskSession());
  EXPECT_EQ(items(first), 20u);
  EXPECT_TRUE(Contains(first, "Pagina 1 van 2"));
  EXPECT_TRUE(Contains(first, "href=\"/beheer/moderatie?pagina=2\""));
  http::Response second = Get("/beheer/moderatie?pagina=2", DeskSession());
  EXPECT_EQ(items(second), 1u);
  EXPECT_TRUE(Contains(second, "href=\"/beheer/moderatie?pagina=1\""));
}

// --- Matching rounds.

using RoundPages = MatchPages;

TEST_F(RoundPages, ANewRoundIsListedAndShowsItsProposalsWithReasonsInWords) {
  http::Response empty = Get("/beheer/rondes", DeskSession());
  ASSERT_EQ(empty.message.result_int(), 200) << empty.message.body();
  EXPECT_TRUE(Contains(empty, "Er zijn nog geen rondes."));
  EXPECT_TRUE(Contains(empty, "<label class=\"utrecht-form-label\" for=\"voorrang\">"));

  Consenting(PersonId());
  posting_id_ = OpenPosting(AuthorId(), kTitle);
  std::string round = RunRound("voorrang=1");
  ASSERT_EQ(ProposalsOf(round).size(), 1u);
  auto stored = map_.store().postings().RoundById(round);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_TRUE((*stored)->favour_waiting);
  EXPECT_TRUE(MailsAbout("Een voorstel voor je").empty()) << "nobody is told before sending";

  http::Response page = Get("/beheer/rondes/" + round + "?nieuw=1", DeskSession());
  ASSERT_EQ(page.message.result_int(), 200) << page.message.body();
  EXPECT_TRUE(Contains(page, "De ronde is gemaakt."));
  EXPECT_TRUE(Contains(page, kTitle));
  EXPECT_TRUE(Contains(page, ">amina<")) << "staff see the address before the @";
  EXPECT_FALSE(Contains(page, "amina@example.org"));
  EXPECT_TRUE(Contains(page, "<li>Jullie spreken allebei Nederlands</li>"));
  EXPECT_TRUE(Contains(page, "Als je de ronde verstuurt, krijgen 2 mensen een e-mail."));
  EXPECT_TRUE(Contains(page, "action=\"/beheer/rondes/" + round + "/versturen\""));
  EXPECT_TRUE(Contains(page, "action=\"/beheer/rondes/" + round + "/weggooien\""));
  EXPECT_TRUE(Contains(page, "Weghalen<span class=\"kp-visually-hidden\">"));

  http::Response list = Get("/beheer/rondes", DeskSession());
  EXPECT_TRUE(Contains(list, "href=\"/beheer/rondes/" + round + "\""));
  EXPECT_TRUE(Contains(list, "Nog niet verstuurd"));
  EXPECT_FALSE(Contains(list, "Er zijn nog geen rondes."));
}

TEST_F(RoundPages, OnlyMatchingStaffSeeAndRunRounds) {
  Consenting(PersonId());
  OpenPosting(AuthorId(), kTitle);
  std::string round = RunRound();
  EXPECT_EQ(Get("/beheer/rondes", Stranger()).message.result_int(), 403);
  EXPECT_EQ(Get("/beheer/rondes/" + round, Person()).message.result_int(), 403);
  EXPECT_EQ(Post("/beheer/rondes", "", Stranger()).message.result_int(), 403);
  EXPECT_EQ(Post("/beheer/rondes/" + round + "/versturen", "", Author()).message.result_int(), 403);
  EXPECT_EQ(
      PostRaw("/beheer/rondes/" + round + "/versturen", "", DeskSession()).message.result_int(),
      403);
  EXPECT_EQ(RoundStatus(round), "proposal");
  EXPECT_EQ(Get("/beheer/rondes/geen-ronde", DeskSession()).message.result_int(), 404);
  EXPECT_EQ(Get("/beheer/rondes/00000000-0000-4000-8000-00000000abcd", DeskSession())
                .message.result_int(),
            404);
}

TEST_F(RoundPages, DroppingAProposalTakesItOutOfTheRound) {
  Consenting(PersonId());
  OpenPosting(AuthorId(), kTitle);
  std::string round = RunRound();
  std::vector<store::MatchRecord> proposals = ProposalsOf(round);
  ASSERT_EQ(proposals.size(), 1u);
  http::Response dropped =
      Post("/beheer/rondes/" + round + "/weghalen", "voorstel=" + proposals[0].id, DeskSession());
  ASSERT_EQ(dropped.message.result_int(), 303) << dropped.message.body();
  EXPECT_EQ(Location(dropped), "/beheer/rondes/" + round + "?weggehaald=1");
  EXPECT_TRUE(ProposalsOf(round).empty());
  http::Response page = Get(Location(dropped), DeskSession());
  EXPECT_TRUE(Contains(page, "Het voorstel is weggehaald."));
  EXPECT_TRUE(Contains(page, "Deze ronde heeft geen voorstellen."));
  EXPECT_EQ(Post("/beheer/rondes/" + round + "/weghalen", "voorstel=kapot", DeskSession())
                .message.result_int(),
            404);
}

TEST_F(RoundPages, SwappingProposesAnotherPersonForThePosting) {
  Consenting(PersonId());
  std::string other = AccountWith("tesfay@example.org", {Role::kVolunteer, ""});
  Consenting(other);
  posting_id_ = OpenPosting(AuthorId(), kTitle);
  std::string round = RunRound();
  std::vector<store::MatchRecord> proposals = ProposalsOf(round);
  ASSERT_EQ(proposals.size(), 1u);
  std::string chosen = proposals[0].person_id;
  std::string instead = chosen == other ? PersonId() : other;

  http::Response page = Get("/beheer/rondes/" + round, DeskSession());
  EXPECT_TRUE(Contains(page, "<option value=\"" + instead + "\">"));
  EXPECT_FALSE(Contains(page, "<option value=\"" + chosen + "\">"));
  EXPECT_TRUE(Contains(page, "for=\"persoon-" + proposals[0].id + "\""));
  EXPECT_TRUE(Contains(page, "Jullie spreken allebei Nederlands"));

  http::Response swapped =
      Post("/beheer/rondes/" + round + "/voorstellen",
           "persoon=" + instead + "&oproep=" + posting_id_ + "&voorstel=" + proposals[0].id,
           DeskSession());
  ASSERT_EQ(swapped.message.result_int(), 303) << swapped.message.body();
  EXPECT_EQ(Location(swapped), "/beheer/rondes/" + round + "?gewisseld=1");
  proposals = ProposalsOf(round);
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_EQ(proposals[0].person_id, instead);
  EXPECT_TRUE(Contains(Get(Location(swapped), DeskSession()), "De andere persoon is voorgesteld."));
}

TEST_F(RoundPages, ARefusedSwapSaysWhyAndKeepsTheOldProposal) {
  Consenting(PersonId());
  Consenting(AccountWith("tesfay@example.org", {Role::kVolunteer, ""}));
  std::string far = AccountWith("ver@example.org", {Role::kVolunteer, ""});
  ConsentingFarAway(far);
  posting_id_ = OpenPosting(AuthorId(), kTitle);
  std::string round = RunRound();
  std::vector<store::MatchRecord> proposals = ProposalsOf(round);
  ASSERT_EQ(proposals.size(), 1u);
  const std::string chosen = proposals[0].person_id;

  http::Response refused = Post(
      "/beheer/rondes/" + round + "/voorstellen",
      "persoon=" + far + "&oproep=" + posting_id_ + "&voorstel=" + proposals[0].id, DeskSession());
  EXPECT_EQ(refused.message.result_int(), 409);
  EXPECT_TRUE(Contains(refused, "Wisselen lukt niet. Het oude voorstel blijft staan."));
  EXPECT_TRUE(Contains(refused, "De afstand is te groot."));
  std::vector<store::MatchRecord> after = ProposalsOf(round);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].person_id, chosen);
  EXPECT_EQ(after[0].posting_id, posting_id_);
  EXPECT_TRUE(Contains(refused, "id=\"persoon-" + after[0].id + "-fout\""));
  EXPECT_TRUE(Contains(refused, "href=\"#persoon-" + after[0].id + "\""));

  http::Response unchosen =
      Post("/beheer/rondes/" + round + "/voorstellen",
           "persoon=&oproep=" + posting_id_ + "&voorstel=" + after[0].id, DeskSession());
  EXPECT_EQ(unchosen.message.result_int(), 400);
  EXPECT_TRUE(Contains(unchosen, "Kies eerst een persoon."));
  ASSERT_EQ(ProposalsOf(round).size(), 1u);
  EXPECT_EQ(ProposalsOf(round)[0].id, after[0].id);
}

TEST_F(RoundPages, SendingMailsEveryoneAndLeavesTheRoundReadOnly) {
  Consenting(PersonId());
  OpenPosting(AuthorId(), kTitle);
  std::string round = RunRound();
  std::vector<store::MatchRecord> proposals = ProposalsOf(round);
  ASSERT_EQ(proposals.size(), 1u);

  http::Response sent = Post("/beheer/rondes/" + round + "/versturen", "", DeskSession());
  ASSERT_EQ(sent.message.result_int(), 303) << sent.message.body();
  EXPECT_EQ(Location(sent), "/beheer/rondes/" + round + "?verstuurd=1");
  EXPECT_EQ(RoundStatus(round), "sent");
  EXPECT_EQ(MailsAbout("Een voorstel voor je"),
            (std::vector<std::string>{"amina@example.org", "jan@example.org"}));

  http::Response page = Get(Location(sent), DeskSession());
  EXPECT_TRUE(Contains(page, "De ronde is verstuurd."));
  EXPECT_TRUE(Contains(page, "Deze ronde is verstuurd. Je kunt niets meer veranderen."));
  EXPECT_TRUE(Contains(page, "2 mensen hebben een e-mail gekregen."));
  EXPECT_TRUE(Contains(page, "Voorstel: nog niemand heeft geantwoord"));
  EXPECT_FALSE(Contains(page, "/weghalen\""));
  EXPECT_FALSE(Contains(page, "/versturen\""));
  EXPECT_FALSE(Contains(page, "<select"));

  http::Response again = Post("/beheer/rondes/" + round + "/versturen", "", DeskSession());
  EXPECT_EQ(again.message.result_int(), 409);
  EXPECT_TRUE(Contains(again, "de ronde is al verstuurd of weggegooid"));
  http::Response drop =
      Post("/beheer/rondes/" + round + "/weghalen", "voorstel=" + proposals[0].id, DeskSession());
  EXPECT_EQ(drop.message.result_int(), 409);
  EXPECT_EQ(ProposalsOf(round).size(), 1u);
  EXPECT_EQ(MailsAbout("Een voorstel voor je").size(), 2u) << "nobody is mailed twice";
  EXPECT_TRUE(Contains(Get("/mijn-matches", Person()), kTitle));
}

TEST_F(RoundPages, DiscardingRemovesTheProposalsAndMailsNobody) {
  Consenting(PersonId());
  OpenPosting(AuthorId(), kTitle);
  std::string round = RunRound();
  ASSERT_EQ(ProposalsOf(round).size(), 1u);
  http::Response discarded = Post("/beheer/rondes/" + round + "/weggooien", "", DeskSession());
  ASSERT_EQ(discarded.message.result_int(), 303) << discarded.message.body();
  EXPECT_EQ(Location(discarded), "/beheer/rondes/" + round + "?weggegooid=1");
  EXPECT_EQ(RoundStatus(round), "discarded");
  EXPECT_TRUE(ProposalsOf(round).empty());
  EXPECT_TRUE(MailsAbout("Een voorstel voor je").empty());
  http::Response page = Get(Location(discarded), DeskSession());
  EXPECT_TRUE(Contains(page, "Deze ronde is weggegooid."));
  EXPECT_FALSE(Contains(page, "/versturen\""));
  EXPECT_TRUE(Contains(Get("/beheer/rondes", DeskSession()), "Weggegooid"));
  EXPECT_EQ(Post("/beheer/rondes/" + round + "/versturen", "", DeskSession()).message.result_int(),
            409);
  EXPECT_TRUE(Contains(Get("/mijn-matches", Person()), "Je hebt nog geen matches."));
}

TEST_F(RoundPages, TheArabicRoundsPageIsRightToLeft) {
  http::Response page = Get("/ar/beheer/rondes", DeskSession());
  ASSERT_EQ(page.message.result_int(), 200);
  EXPECT_TRUE(Contains(page, "<html lang=\"ar\" dir=\"rtl\""));
  EXPECT_TRUE(Contains(page, "action=\"/ar/beheer/rondes\""));
}

}  // namespace
}  // namespace knooppunt::web
