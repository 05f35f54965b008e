// The pages of supply and demand (posting_pages.cpp), through the router without sockets, on a
// real SQLite store with the Exchange behind them: the public list with its filters, pages and
// map points; one posting for the public, its author and others; the posting form in four steps
// (errors per step, kept input, earlier steps in hidden fields), trusted keepers (open at once)
// and untrusted people (the help desk looks first); editing and status steps; my postings; the
// matching profile with consent, suggestions with reasons and deletion; anonymous visitors,
// CSRF, hostile and malformed input, and the Arabic page.
#include "web/posting_pages.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "web/exchange_pages_testing.h"
#include "web/exchange_words.h"

namespace knooppunt::web {
namespace {

using domain::Role;
using search::testing::OrganizationId;
using testing::Contains;
using testing::Location;

int Status(const http::Response& response) { return response.message.result_int(); }

// A posting's draft with the fields every posting needs.
store::PostingRecord Draft(std::string kind, std::string side, std::string title) {
  store::PostingRecord draft;
  draft.kind = std::move(kind);
  draft.side = std::move(side);
  draft.title = std::move(title);
  return draft;
}

size_t Count(const std::string& text, std::string_view part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// A request for volunteers in Groningen, as the first three steps of the form send it.
constexpr char kSteps123[] =
    "kant=request&soort=volunteer_work&titel=Hulp+bij+de+voedselbank"
    "&beschrijving=Eten+sorteren&plaats=groningen&afstand=12&taal_nl=1&taal_ar=1"
    "&tijd_15=1&begin=2099-03-01&eind=2099-06-30&aantal=3";

class PostingPages : public testing::ExchangePages {
 protected:
  std::string PersonId(const std::string& email) {
    return AccountWith(email, {Role::kParticipant, ""});
  }
  std::string Person(const std::string& email) { return SessionOf(PersonId(email)); }
  std::string AdminBId() {
    return AccountWith("admin-b@example.org", {Role::kOrganizationAdmin, OrganizationId("b")});
  }

  // Step `step` of the new-posting form with `fields`, the button `action` pressed.
  http::Response Step(int step, const std::string& fields, const std::string& session,
                      const std::string& action = "verder") {
    return Post("/vraag-en-aanbod/nieuw",
                "stap=" + std::to_string(step) + "&actie=" + action + "&" + fields, session);
  }

  // An open posting of organisation "b" (its admin is trusted), made through the exchange.
  std::string OpenOfB(store::PostingRecord draft) {
    draft.organization_id = OrganizationId("b");
    domain::Actor admin{.user_id = AdminBId(),
                        .grants = {{Role::kOrganizationAdmin, OrganizationId("b")}}};
    auto posted = exchange_->Post(admin, draft, true);
    EXPECT_TRUE(posted.ok()) << posted.error().field << ": " << posted.error().message;
    if (!posted.ok()) return "";
    EXPECT_EQ(posted->status, "open");
    return posted->id;
  }

  std::string OpenOfB(const std::string& title, const std::string& kind = "volunteer_work",
                      const std::string& side = "request") {
    return OpenOfB(Draft(kind, side, title));
  }

  // A draft by `author_id` for themselves.
  std::string DraftBy(const std::string& author_id, const std::string& title) {
    auto posted = exchange_->Post({.user_id = author_id}, Draft("buddy", "offer", title), false);
    EXPECT_TRUE(posted.ok());
    return posted.ok() ? posted->id : "";
  }

  std::optional<store::PostingRecord> Posting(const std::string& id) {
    auto found = map_.store().postings().PostingById(id);
    EXPECT_TRUE(found.ok());
    return found.ok() ? *found : std::nullopt;
  }

  std::vector<store::PostingRecord> PostingsBy(const std::string& author_id) {
    auto found = map_.store().postings().ListPostings({.author_id = author_id}, 1, 1000);
    EXPECT_TRUE(found.ok());
    return found.ok() ? found->postings : std::vector<store::PostingRecord>();
  }

  std::optional<store::ProfileRecord> ProfileOf(const std::string& account_id) {
    auto found = map_.store().postings().ProfileOf(account_id);
    EXPECT_TRUE(found.ok());
    return found.ok() ? *found : std::nullopt;
  }

  // The posting id of a redirect to "/vraag-en-aanbod/{id}?gelukt=…".
  static std::string PostingIdOf(const http::Response& response) {
    std::string location = Location(response);
    std::string prefix = "/vraag-en-aanbod/";
    if (!location.starts_with(prefix)) return "";
    return location.substr(prefix.size(), location.find('?') - prefix.size());
  }

  // The value="…" of the hidden field `name` in a page; nullopt when there is none.
  static std::optional<std::string> Hidden(const http::Response& response,
                                           const std::string& name) {
    const std::string& body = response.message.body();
    std::string start = "<input type=\"hidden\" name=\"" + name + "\" value=\"";
    size_t at = body.find(start);
    if (at == std::string::npos) return std::nullopt;
    at += start.size();
    return body.substr(at, body.find('"', at) - at);
  }
};

// --- The list ------------------------------------------------------------------------------------

TEST_F(PostingPages, ListShowsOpenPostingsNewestFirstWithTheirFacts) {
  std::string older = OpenPosting(VolunteerId(), "Eerste oproep");
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::string newer = OpenPosting(VolunteerId(), "Tweede oproep", true);
  DraftBy(VolunteerId(), "Geheim concept");
  http::Response list = Get("/vraag-en-aanbod");
  ASSERT_EQ(Status(list), 200);
  const std::string& body = list.message.body();
  EXPECT_LT(body.find("Tweede oproep"), body.find("Eerste oproep"));
  EXPECT_TRUE(Contains(list, "href=\"/vraag-en-aanbod/" + newer + "\""));
  EXPECT_TRUE(Contains(list, "href=\"/vraag-en-aanbod/" + older + "\""));
  EXPECT_FALSE(Contains(list, "Geheim concept"));
  EXPECT_TRUE(Contains(list, "2 oproepen"));
  EXPECT_TRUE(Contains(list, "Vrijwilligerswerk"));
  EXPECT_TRUE(Contains(list, ">Vraag<"));
  EXPECT_TRUE(Contains(list, "Groningen"));
  EXPECT_TRUE(Contains(list, "Eten sorteren op zaterdag."));
  EXPECT_TRUE(Contains(list, "Talen: Nederlands"));
  // The organisation's name only for the posting made for it; never the author's address.
  EXPECT_EQ(Count(body, "Vereniging Borg"), 1u);
  EXPECT_FALSE(Contains(list, "vrijwilliger@example.org"));
  // The buttons to post.
  EXPECT_TRUE(Contains(list, "href=\"/vraag-en-aanbod/nieuw?kant=request\">Ik vraag iets<"));
  EXPECT_TRUE(Contains(list, "href=\"/vraag-en-aanbod/nieuw?kant=offer\">Ik bied iets aan<"));
}

TEST_F(PostingPages, ListCutsLongDescriptionsAt200Characters) {
  std::string description(150, 'a');
  description += " " + std::string(150, 'b');
  store::PostingRecord draft = Draft("goods", "offer", "Lange tekst");
  draft.description = description;
  OpenOfB(draft);
  http::Response list = Get("/vraag-en-aanbod");
  EXPECT_TRUE(Contains(list, std::string(150, 'a') + " " + std::string(49, 'b') + "…"));
  EXPECT_FALSE(Contains(list, std::string(50, 'b') + "…"));
}

TEST_F(PostingPages, ListFiltersByKindSideAndText) {
  OpenOfB("Fietsen te geef", "goods", "offer");
  OpenOfB("Zaal gezocht voor gebed", "space", "request");
  OpenOfB("Kookles aangeboden", "expertise", "offer");
  http::Response goods = Get("/vraag-en-aanbod?soort=goods");
  ASSERT_EQ(Status(goods), 200);
  EXPECT_TRUE(Contains(goods, "Fietsen te geef"));
  EXPECT_FALSE(Contains(goods, "Zaal gezocht"));
  EXPECT_FALSE(Contains(goods, "Kookles"));
  // The chosen filter is ticked in the filter form.
  EXPECT_TRUE(Contains(goods, "name=\"soort\" value=\"goods\" checked"));
  http::Response offers = Get("/vraag-en-aanbod?kant=offer");
  EXPECT_TRUE(Contains(offers, "Fietsen te geef"));
  EXPECT_TRUE(Contains(offers, "Kookles aangeboden"));
  EXPECT_FALSE(Contains(offers, "Zaal gezocht"));
  http::Response text = Get("/vraag-en-aanbod?q=GEBED");
  EXPECT_TRUE(Contains(text, "Zaal gezocht voor gebed"));
  EXPECT_FALSE(Contains(text, "Fietsen"));
  EXPECT_TRUE(Contains(text, "value=\"GEBED\""));
  http::Response none = Get("/vraag-en-aanbod?soort=buddy");
  EXPECT_TRUE(Contains(none, "Er is nu niets dat past"));
  EXPECT_FALSE(Contains(none, "kp-result-list"));  // no empty list
  // Every kind is a filter.
  for (std::string_view kind : PostingKindCodes()) {
    EXPECT_TRUE(Contains(none, "name=\"soort\" value=\"" + std::string(kind) + "\""));
  }
}

TEST_F(PostingPages, ListPagesByTwentyKeepingTheFilters) {
  for (int i = 0; i < 23; ++i) OpenOfB("Spullen nummer " + std::to_string(i), "goods", "offer");
  OpenOfB("Iets anders", "buddy", "offer");
  http::Response first = Get("/vraag-en-aanbod?soort=goods&kant=offer");
  ASSERT_EQ(Status(first), 200);
  EXPECT_EQ(Count(first.message.body(), "class=\"kp-result\""), 20u);
  EXPECT_TRUE(Contains(first, "23 oproepen"));
  EXPECT_TRUE(Contains(first, "Pagina 1 van 2"));
  EXPECT_TRUE(Contains(
      first, "rel=\"next\" href=\"/vraag-en-aanbod?soort=goods&amp;kant=offer&amp;pagina=2\""));
  EXPECT_FALSE(Contains(first, "rel=\"prev\""));
  http::Response second = Get("/vraag-en-aanbod?soort=goods&kant=offer&pagina=2");
  EXPECT_EQ(Count(second.message.body(), "class=\"kp-result\""), 3u);
  EXPECT_TRUE(
      Contains(second, "rel=\"prev\" href=\"/vraag-en-aanbod?soort=goods&amp;kant=offer\""));
  EXPECT_FALSE(Contains(second, "rel=\"next\""));
  // Beyond the end: the last page.
  http::Response beyond = Get("/vraag-en-aanbod?soort=goods&kant=offer&pagina=9");
  EXPECT_EQ(Status(beyond), 200);
  EXPECT_TRUE(Contains(beyond, "Pagina 2 van 2"));
  EXPECT_EQ(Count(beyond.message.body(), "class=\"kp-result\""), 3u);
}

TEST_F(PostingPages, ListRefusesMalformedPagesAndFilters) {
  for (const std::string& query : std::vector<std::string>{
           "pagina=abc", "pagina=0", "pagina=-1", "pagina=02", "pagina=99999999999", "soort=rocket",
           "kant=maybe", "q=" + std::string(201, 'x')}) {
    http::Response refused = Get("/vraag-en-aanbod?" + query);
    EXPECT_EQ(Status(refused), 400) << query;
    EXPECT_TRUE(Contains(refused, "Een filter in het adres klopt niet")) << query;
    EXPECT_TRUE(Contains(refused, "lang=\"nl\"")) << query;
  }
  EXPECT_TRUE(Contains(Get("/en/vraag-en-aanbod?pagina=abc"), "lang=\"en\""));
}

TEST_F(PostingPages, ListDrawsPostingsWithAPlaceOnTheMap) {
  std::string placed = OpenPosting(VolunteerId(), "Met een plek");
  OpenOfB("Zonder plek", "goods", "offer");
  http::Response list = Get("/vraag-en-aanbod");
  ASSERT_EQ(Status(list), 200);
  // The results page's mechanism: the anchor map.js looks for, Leaflet only then.
  EXPECT_TRUE(Contains(list, "class=\"kp-map-anchor\" data-points=\""));
  EXPECT_TRUE(Contains(list, "/static/build/vendor/leaflet.js"));
  EXPECT_TRUE(Contains(list, "&quot;url&quot;:&quot;/vraag-en-aanbod/" + placed + "&quot;"));
  EXPECT_TRUE(Contains(list, "&quot;name&quot;:&quot;Met een plek&quot;"));
  EXPECT_TRUE(Contains(list, "&quot;lat&quot;:5.3"));
  EXPECT_TRUE(Contains(list, "&quot;lon&quot;:6.5665"));
  EXPECT_FALSE(Contains(list, "&quot;name&quot;:&quot;Zonder plek&quot;"));
  http::Response placeless = Get("/vraag-en-aanbod?soort=goods");
  EXPECT_TRUE(Contains(placeless, "Zonder plek"));
  EXPECT_FALSE(Contains(placeless, "kp-map-anchor"));
  EXPECT_FALSE(Contains(placeless, "leaflet.js"));
}

TEST_F(PostingPages, ArabicListIsRightToLeft) {
  OpenPosting(VolunteerId(), "Hulp gezocht");
  http::Response list = Get("/ar/vraag-en-aanbod");
  ASSERT_EQ(Status(list), 200);
  EXPECT_TRUE(Contains(list, "<html lang=\"ar\" dir=\"rtl\""));
  EXPECT_TRUE(Contains(list, "href=\"/ar/vraag-en-aanbod/nieuw?kant=request\""));
  EXPECT_TRUE(Contains(list, "Hulp gezocht"));
}

// --- One posting ---------------------------------------------------------------------------------

TEST_F(PostingPages, DetailShowsEveryFieldInWords) {
  store::PostingRecord room = Draft("space", "offer", "Zaal voor gebed");
  room.description = "Een rustige zaal.\nMet een keuken.";
  room.languages = {"ar", "nl"};
  room.place_name = "Den Haag";
  room.latitude = 52.0767;
  room.longitude = 4.2986;
  room.radius_km = 25;
  room.availability = 1u << 15;  // Saturday morning
  room.starts_on = "2099-03-01";
  room.ends_on = "2099-12-31";
  room.capacity = 2;
  room.terms = {domain::TermId("needs", "geloof")};
  room.seats = 60;
  room.facilities = {"prayer_space", "kitchen"};
  room.price_cents = 0;
  std::string id = OpenOfB(room);
  http::Response page = Get("/vraag-en-aanbod/" + id);
  ASSERT_EQ(Status(page), 200);
  for (const char* text :
       {"Zaal voor gebed", ">Een rustige zaal.<", ">Met een keuken.<", "Ruimte", "Aanbod",
        "Den Haag", "Mensen tot 25 km verderop zijn welkom", "Arabisch, Nederlands",
        "zaterdagochtend", "1 maart 2099", "31 december 2099", "Aantal mensen", "Zitplaatsen",
        ">60<", "Plek om te bidden, Keuken", ">Gratis<", "Geloof en gebedsruimte",
        "Vereniging Borg"}) {
    EXPECT_TRUE(Contains(page, text)) << text;
  }
  EXPECT_TRUE(Contains(page, "href=\"/organisatie/" + OrganizationId("b") + "\""));
  EXPECT_TRUE(Contains(page, "class=\"kp-map-anchor\""));
  // Nobody's address or name: only the organisation.
  EXPECT_FALSE(Contains(page, "admin-b@example.org"));
}

TEST_F(PostingPages, DetailShowsRequirementsPriceAndGoods) {
  store::PostingRecord driver = Draft("volunteer_work", "request", "Chauffeur");
  driver.certificates = {"vog", "driving_licence"};
  driver.min_dutch = "B1";
  driver.min_age = 21;
  driver.skills = {"rijden", "plannen"};
  std::string work = OpenOfB(driver);
  http::Response page = Get("/vraag-en-aanbod/" + work);
  for (const char* text : {"VOG (Verklaring Omtrent het Gedrag), Rijbewijs", "Minstens niveau B1",
                           "Vanaf 21 jaar", "rijden, plannen", "Elke taal is goed",
                           "Nog af te spreken", "Meteen", "Niet op één plek"}) {
    EXPECT_TRUE(Contains(page, text)) << text;
  }
  EXPECT_FALSE(Contains(page, "kp-map-anchor"));
  store::PostingRecord priced = Draft("space", "offer", "Zaaltje");
  priced.price_cents = 1250;
  std::string room = OpenOfB(priced);
  EXPECT_TRUE(Contains(Get("/vraag-en-aanbod/" + room), "12,50 euro per keer"));
  store::PostingRecord cupboards = Draft("goods", "offer", "Kasten");
  cupboards.goods_category = "meubels";
  cupboards.delivery = "either";
  std::string goods = OpenOfB(cupboards);
  http::Response goods_page = Get("/vraag-en-aanbod/" + goods);
  EXPECT_TRUE(Contains(goods_page, "meubels"));
  EXPECT_TRUE(Contains(goods_page, "Ophalen of bezorgen"));
}

TEST_F(PostingPages, DetailOffersTheAuthorTheStepsTheStatusAllows) {
  std::string id = OpenPosting(VolunteerId(), "Mijn oproep");
  http::Response mine = Get("/vraag-en-aanbod/" + id, Volunteer());
  ASSERT_EQ(Status(mine), 200);
  EXPECT_TRUE(Contains(mine, "Status: <strong>Open</strong>"));
  EXPECT_TRUE(Contains(mine, "action=\"/vraag-en-aanbod/" + id + "/status\""));
  EXPECT_TRUE(Contains(mine, "name=\"status\" value=\"filled\""));
  EXPECT_TRUE(Contains(mine, "name=\"status\" value=\"closed\""));
  EXPECT_FALSE(Contains(mine, "name=\"status\" value=\"draft\""));
  EXPECT_FALSE(Contains(mine, "name=\"status\" value=\"open\""));
  EXPECT_TRUE(Contains(mine, "name=\"csrf\" value=\"" + std::string(testing::kCsrf) + "\""));
  EXPECT_TRUE(Contains(mine, "href=\"/vraag-en-aanbod/" + id + "/bewerken\""));
  // Keepers of the organisation count as well.
  std::string of_b = OpenPosting(VolunteerId(), "Voor Borg", true);
  EXPECT_TRUE(Contains(Get("/vraag-en-aanbod/" + of_b, AdminOf("b")), "/bewerken\""));
  EXPECT_FALSE(Contains(Get("/vraag-en-aanbod/" + of_b, AdminOf("a")), "/bewerken\""));

  // Someone else: how to take part, no steps.
  http::Response other = Get("/vraag-en-aanbod/" + id, Person("ander@example.org"));
  EXPECT_TRUE(Contains(other, "De helpdesk stelt mensen en oproepen aan elkaar voor"));
  EXPECT_TRUE(Contains(other, "href=\"/mijn-profiel\""));
  EXPECT_FALSE(Contains(other, "/status\""));
  EXPECT_FALSE(Contains(other, "/bewerken\""));
  // Anonymous: sign in first, and back here.
  http::Response anonymous = Get("/vraag-en-aanbod/" + id);
  EXPECT_TRUE(Contains(anonymous, "href=\"/inloggen?terug=%2Fvraag-en-aanbod%2F" + id + "\""));
  EXPECT_FALSE(Contains(anonymous, "/status\""));
}

TEST_F(PostingPages, DraftIsSeenOnlyByItsAuthor) {
  std::string id = DraftBy(VolunteerId(), "Nog niet klaar");
  http::Response author = Get("/vraag-en-aanbod/" + id, Volunteer());
  ASSERT_EQ(Status(author), 200);
  EXPECT_TRUE(Contains(author, "Concept"));
  EXPECT_TRUE(Contains(author, "name=\"status\" value=\"open\""));
  EXPECT_TRUE(Contains(author, ">Versturen<"));
  EXPECT_EQ(Status(Get("/vraag-en-aanbod/" + id)), 404);
  EXPECT_EQ(Status(Get("/vraag-en-aanbod/" + id, Person("ander@example.org"))), 404);
  EXPECT_EQ(Status(Get("/vraag-en-aanbod/niet-een-id")), 404);
  EXPECT_EQ(Status(Get("/vraag-en-aanbod/" + domain::RandomUuid())), 404);
}

TEST_F(PostingPages, NoticeAfterAStepIsForTheKeeperOnly) {
  std::string id = OpenPosting(VolunteerId(), "Open oproep");
  EXPECT_TRUE(Contains(Get("/vraag-en-aanbod/" + id + "?gelukt=open", Volunteer()),
                       "Je oproep staat nu open"));
  EXPECT_FALSE(Contains(Get("/vraag-en-aanbod/" + id + "?gelukt=open"), "Je oproep staat"));
}

// --- The posting form ----------------------------------------------------------------------------

TEST_F(PostingPages, AnonymousVisitorsAreSentToSignIn) {
  for (const char* path : {"/vraag-en-aanbod/nieuw", "/vraag-en-aanbod/mijn", "/mijn-profiel",
                           "/mijn-profiel/verwijderen"}) {
    http::Response response = Get(path);
    EXPECT_EQ(Status(response), 303) << path;
    EXPECT_EQ(testing::Decoded(Location(response)), "/inloggen?terug=" + std::string(path)) << path;
  }
  http::Response posted = Post("/vraag-en-aanbod/nieuw", "stap=1&kant=offer", "");
  EXPECT_EQ(Status(posted), 303);
  EXPECT_TRUE(Location(posted).starts_with("/inloggen"));
}

TEST_F(PostingPages, FormStartsWithSideAndKind) {
  http::Response start = Get("/vraag-en-aanbod/nieuw?kant=offer", Volunteer());
  ASSERT_EQ(Status(start), 200);
  EXPECT_TRUE(Contains(start, "Stap 1 van 4: Wat wil je?"));
  EXPECT_TRUE(Contains(start, "name=\"kant\" type=\"radio\" value=\"offer\" checked"));
  EXPECT_TRUE(Contains(start,
                       "<legend class=\"utrecht-form-fieldset__legend "
                       "utrecht-form-fieldset__legend--html-legend\">Waar gaat het over?"));
  for (std::string_view kind : PostingKindCodes()) {
    EXPECT_TRUE(Contains(start, "name=\"soort\" type=\"radio\" value=\"" + std::string(kind)));
  }
  EXPECT_TRUE(Contains(start, "<input type=\"hidden\" name=\"stap\" value=\"1\">"));
  // Someone without an organisation posts for themselves only.
  EXPECT_FALSE(Contains(start, "name=\"voor\""));
  // A keeper chooses: for themselves, or for their organisation.
  http::Response keeper = Get("/vraag-en-aanbod/nieuw", AdminOf("b"));
  EXPECT_TRUE(Contains(keeper, "Voor wie plaats je dit?"));
  EXPECT_TRUE(Contains(keeper, "name=\"voor\" type=\"radio\" value=\"\" checked"));
  EXPECT_TRUE(Contains(keeper, "value=\"" + OrganizationId("b") + "\""));
  EXPECT_TRUE(Contains(keeper, "Voor Vereniging Borg"));
}

TEST_F(PostingPages, EachStepChecksItsOwnFieldsAndKeepsWhatWasTyped) {
  std::string session = Volunteer();
  http::Response step1 = Step(1, "kant=sideways", session);
  EXPECT_EQ(Status(step1), 400);
  EXPECT_TRUE(Contains(step1, "kp-error-summary"));
  EXPECT_TRUE(Contains(step1, "href=\"#kant\">Kies of je iets vraagt of iets aanbiedt."));
  EXPECT_TRUE(Contains(step1, "href=\"#soort\">Kies waar het over gaat."));
  EXPECT_TRUE(Contains(step1, "Stap 1 van 4"));

  http::Response step2 =
      Step(2,
           "kant=offer&soort=buddy&titel=x&plaats=Atlantis&afstand=500&taal_ar=1&beschrijving=" +
               std::string(5001, 'a'),
           session);
  EXPECT_EQ(Status(step2), 400);
  EXPECT_TRUE(Contains(step2, "Stap 2 van 4"));
  EXPECT_TRUE(Contains(step2, "id=\"titel-fout\">Schrijf een titel van 2 tot 120 tekens."));
  EXPECT_TRUE(Contains(step2, "We kennen deze plaats niet"));
  EXPECT_TRUE(Contains(step2, "id=\"afstand-fout\""));
  EXPECT_TRUE(Contains(step2, "id=\"beschrijving-fout\""));
  EXPECT_TRUE(Contains(step2,
                       "value=\"Atlantis\" aria-describedby=\"plaats-hint plaats-fout\" "
                       "aria-invalid=\"true\""));
  EXPECT_TRUE(Contains(step2, "value=\"500\""));
  EXPECT_TRUE(Contains(step2, "name=\"taal_ar\" type=\"checkbox\" value=\"1\" checked"));

  std::string good12 = "kant=offer&soort=buddy&titel=Maatje&plaats=Groningen";
  http::Response step3 =
      Step(3, good12 + "&tijd_4=1&begin=31-02-2099&eind=2000-01-01&aantal=0", session);
  EXPECT_EQ(Status(step3), 400);
  EXPECT_TRUE(Contains(step3, "Stap 3 van 4"));
  EXPECT_TRUE(Contains(step3, "id=\"begin-fout\">Deze datum klopt niet"));
  EXPECT_TRUE(Contains(step3, "id=\"eind-fout\">De laatste dag is al voorbij"));
  EXPECT_TRUE(Contains(step3, "id=\"aantal-fout\""));
  EXPECT_TRUE(Contains(step3, "name=\"tijd_4\" type=\"checkbox\" value=\"1\" checked"));
  http::Response reversed = Step(3, good12 + "&begin=2099-05-01&eind=2099-04-01", session);
  EXPECT_TRUE(Contains(reversed, "De laatste dag ligt voor de eerste dag."));

  http::Response step4 =
      Step(4, good12 + "&leeftijd=abc&niveau=Z9&vaardigheden=" + std::string(101, 's'), session,
           "versturen");
  EXPECT_EQ(Status(step4), 400);
  EXPECT_TRUE(Contains(step4, "Stap 4 van 4"));
  EXPECT_TRUE(Contains(step4, "id=\"leeftijd-fout\""));
  EXPECT_TRUE(Contains(step4, "id=\"niveau-fout\""));
  EXPECT_TRUE(Contains(step4, "id=\"vaardigheden-fout\""));
  EXPECT_TRUE(PostingsBy(VolunteerId()).empty());
}

TEST_F(PostingPages, StepsAskForTheFieldsOfTheKind) {
  std::string session = Volunteer();
  std::string base = "titel=Iets&aantal=1&kant=offer&soort=";
  http::Response work = Step(3, base + "volunteer_work", session);
  EXPECT_TRUE(Contains(work, "name=\"cert_vog\""));
  EXPECT_TRUE(Contains(work, "name=\"niveau\""));
  EXPECT_TRUE(Contains(work, "name=\"leeftijd\""));
  EXPECT_TRUE(Contains(work, "name=\"vaardigheden\""));
  EXPECT_FALSE(Contains(work, "name=\"stoelen\""));
  http::Response space = Step(3, base + "space", session);
  EXPECT_TRUE(Contains(space, "name=\"stoelen\""));
  EXPECT_TRUE(Contains(space, "name=\"voorziening_prayer_space\""));
  EXPECT_TRUE(Contains(space, "name=\"prijs\""));
  EXPECT_FALSE(Contains(space, "name=\"cert_vog\""));
  http::Response goods = Step(3, base + "goods", session);
  EXPECT_TRUE(Contains(goods, "name=\"categorie\""));
  EXPECT_TRUE(Contains(goods, "name=\"levering\" type=\"radio\" value=\"pickup\""));
  EXPECT_FALSE(Contains(goods, "name=\"vaardigheden\""));
  http::Response expertise = Step(3, base + "expertise", session);
  EXPECT_TRUE(Contains(expertise, "name=\"vaardigheden\""));
  EXPECT_FALSE(Contains(expertise, "name=\"cert_vog\""));
  // Every kind's last step offers the topics, and both ways to finish.
  EXPECT_TRUE(Contains(expertise, "name=\"onderwerp_geloof\""));
  EXPECT_TRUE(Contains(expertise, "name=\"actie\" value=\"versturen\">Versturen<"));
  EXPECT_TRUE(Contains(expertise, "name=\"actie\" value=\"concept\">Opslaan als concept<"));
  EXPECT_TRUE(Contains(expertise, "name=\"actie\" value=\"terug\">Terug<"));
}

TEST_F(PostingPages, TheWeekIsATableOfLabelledCheckboxes) {
  http::Response step3 = Step(2, "kant=offer&soort=buddy&titel=Maatje&aantal=1", Volunteer());
  ASSERT_EQ(Status(step3), 200);
  EXPECT_TRUE(Contains(step3, "Op welke momenten van de week?</legend>"));
  EXPECT_TRUE(
      Contains(step3, "<th class=\"utrecht-table__header-cell\" scope=\"col\">Ochtend</th>"));
  EXPECT_TRUE(Contains(step3, "scope=\"row\">zaterdag</th>"));
  EXPECT_EQ(Count(step3.message.body(), "type=\"checkbox\""), 21u);
  EXPECT_TRUE(Contains(step3,
                       "<label for=\"tijd_15\"><input class=\"utrecht-checkbox "
                       "utrecht-checkbox--html-input\" id=\"tijd_15\" name=\"tijd_15\""));
  EXPECT_TRUE(Contains(step3, "<span class=\"kp-visually-hidden\">zaterdagochtend</span>"));
  EXPECT_TRUE(Contains(step3, "<span class=\"kp-visually-hidden\">zondagavond</span>"));
}

TEST_F(PostingPages, EarlierStepsTravelInHiddenFields) {
  std::string session = Volunteer();
  http::Response step2 = Step(1, "kant=request&soort=volunteer_work&afstand=10&aantal=1", session);
  ASSERT_EQ(Status(step2), 200);
  EXPECT_TRUE(Contains(step2, "Stap 2 van 4"));
  EXPECT_EQ(Hidden(step2, "stap"), "2");
  EXPECT_EQ(Hidden(step2, "kant"), "request");
  EXPECT_EQ(Hidden(step2, "soort"), "volunteer_work");
  EXPECT_EQ(Hidden(step2, "aantal"), "1");
  EXPECT_EQ(Hidden(step2, "afstand"), std::nullopt);  // asked on this step

  http::Response step3 =
      Step(2,
           "kant=request&soort=volunteer_work&aantal=1&titel=Hulp+%26+meer&plaats=Groningen"
           "&afstand=5&taal_ti=1",
           session);
  ASSERT_EQ(Status(step3), 200);
  EXPECT_TRUE(Contains(step3, "Stap 3 van 4"));
  EXPECT_EQ(Hidden(step3, "titel"), "Hulp &amp; meer");
  EXPECT_EQ(Hidden(step3, "plaats"), "Groningen");
  EXPECT_EQ(Hidden(step3, "taal_ti"), "1");
  EXPECT_EQ(Hidden(step3, "kant"), "request");
  EXPECT_EQ(Hidden(step3, "aantal"), std::nullopt);

  // Back: the earlier step again, with what was typed there.
  http::Response back =
      Step(3,
           "kant=request&soort=volunteer_work&aantal=4&titel=Hulp&plaats=Groningen&afstand=5"
           "&taal_ti=1&tijd_2=1",
           session, "terug");
  EXPECT_EQ(Status(back), 200);
  EXPECT_TRUE(Contains(back, "Stap 2 van 4"));
  EXPECT_TRUE(Contains(back,
                       "name=\"titel\" type=\"text\" autocomplete=\"off\" maxlength=\"120\" "
                       "value=\"Hulp\""));
  EXPECT_TRUE(Contains(back, "name=\"taal_ti\" type=\"checkbox\" value=\"1\" checked"));
  EXPECT_EQ(Hidden(back, "tijd_2"), "1");
  EXPECT_EQ(Hidden(back, "aantal"), "4");
}

TEST_F(PostingPages, TamperedEarlierStepsGoBackToTheirStep) {
  http::Response response = Step(3, "kant=request&soort=rocket&titel=Hulp&aantal=1", Volunteer());
  EXPECT_EQ(Status(response), 400);
  EXPECT_TRUE(Contains(response, "Stap 1 van 4"));
  EXPECT_TRUE(Contains(response, "Kies waar het over gaat."));
  http::Response organization =
      Step(2, "kant=request&soort=buddy&voor=" + OrganizationId("b") + "&titel=Hulp", AdminOf("a"));
  EXPECT_EQ(Status(organization), 400);
  EXPECT_TRUE(Contains(organization, "Kies voor wie je dit plaatst."));
  EXPECT_EQ(Status(Step(9, "kant=request", Volunteer())), 400);
  EXPECT_EQ(Status(Step(0, "kant=request", Volunteer())), 400);
}

TEST_F(PostingPages, AnUntrustedPersonsPostingWaitsForTheHelpDesk) {
  http::Response done = Step(
      4, std::string(kSteps123) + "&cert_vog=1&niveau=A2&leeftijd=18&vaardigheden=tillen,+sorteren",
      Volunteer(), "versturen");
  ASSERT_EQ(Status(done), 303) << done.message.body();
  std::string id = PostingIdOf(done);
  EXPECT_EQ(Location(done), "/vraag-en-aanbod/" + id + "?gelukt=wacht");
  auto stored = Posting(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, "awaiting_moderation");
  EXPECT_EQ(stored->author_id, VolunteerId());
  EXPECT_EQ(stored->organization_id, std::nullopt);
  EXPECT_EQ(stored->kind, "volunteer_work");
  EXPECT_EQ(stored->side, "request");
  EXPECT_EQ(stored->title, "Hulp bij de voedselbank");
  EXPECT_EQ(stored->description, "Eten sorteren");
  EXPECT_EQ(stored->place_name, "Groningen");
  EXPECT_NEAR(*stored->latitude, testing::kGroningenLatitude, 1e-6);
  EXPECT_DOUBLE_EQ(stored->radius_km, 12);
  EXPECT_EQ(stored->languages, (std::vector<std::string>{"nl", "ar"}));
  EXPECT_EQ(stored->availability, 1u << 15);
  EXPECT_EQ(stored->starts_on, "2099-03-01");
  EXPECT_EQ(stored->ends_on, "2099-06-30");
  EXPECT_EQ(stored->capacity, 3);
  EXPECT_EQ(stored->certificates, (std::vector<std::string>{"vog"}));
  EXPECT_EQ(stored->min_dutch, "A2");
  EXPECT_EQ(stored->min_age, 18);
  EXPECT_EQ(stored->skills, (std::vector<std::string>{"tillen", "sorteren"}));
  http::Response page = Get(Location(done), Volunteer());
  EXPECT_TRUE(Contains(page, "De helpdesk kijkt er eerst naar"));
  EXPECT_TRUE(Contains(page, "Wacht op controle door de helpdesk"));
  // Not public yet.
  EXPECT_FALSE(Contains(Get("/vraag-en-aanbod"), "Hulp bij de voedselbank"));
}

TEST_F(PostingPages, AKeeperPostingForTheirOrganisationIsOpenAtOnce) {
  http::Response done =
      Step(4, std::string(kSteps123) + "&voor=" + OrganizationId("b") + "&onderwerp_voedsel=1",
           AdminOf("b"), "versturen");
  ASSERT_EQ(Status(done), 303) << done.message.body();
  EXPECT_TRUE(Location(done).ends_with("?gelukt=open"));
  auto stored = Posting(PostingIdOf(done));
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, "open");
  EXPECT_EQ(stored->organization_id, OrganizationId("b"));
  EXPECT_EQ(stored->terms, (std::vector<std::string>{domain::TermId("needs", "voedsel")}));
  EXPECT_TRUE(Contains(Get(Location(done), AdminOf("b")), "Je oproep staat nu open"));
  http::Response list = Get("/vraag-en-aanbod");
  EXPECT_TRUE(Contains(list, "Hulp bij de voedselbank"));
  EXPECT_TRUE(Contains(list, "Vereniging Borg"));
}

TEST_F(PostingPages, ARoomWithItsDetailsIsPosted) {
  http::Response done = Step(4,
                             "kant=request&soort=space&titel=Gebedsruimte+gezocht&plaats=den+haag"
                             "&aantal=40&stoelen=50&voorziening_prayer_space=1&prijs=12,5",
                             Volunteer(), "concept");
  ASSERT_EQ(Status(done), 303) << done.message.body();
  EXPECT_TRUE(Location(done).ends_with("?gelukt=concept"));
  auto stored = Posting(PostingIdOf(done));
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, "draft");
  EXPECT_EQ(stored->place_name, "Den Haag");
  EXPECT_EQ(stored->seats, 50);
  EXPECT_EQ(stored->facilities, (std::vector<std::string>{"prayer_space"}));
  EXPECT_EQ(stored->price_cents, 1250);
  EXPECT_EQ(stored->capacity, 40);
  EXPECT_TRUE(Contains(Get(Location(done), Volunteer()), "Alleen jij kunt hem zien"));
}

TEST_F(PostingPages, MissingCsrfKeepsTheInputAndStoresNothing) {
  std::string body = "stap=4&actie=versturen&" + std::string(kSteps123);
  http::Response refused = PostRaw("/vraag-en-aanbod/nieuw", body, Volunteer());
  EXPECT_EQ(Status(refused), 403);
  EXPECT_TRUE(Contains(refused, "Je formulier was verlopen"));
  EXPECT_EQ(Hidden(refused, "titel"), "Hulp bij de voedselbank");
  http::Response no_cookie =
      PostRaw("/vraag-en-aanbod/nieuw", body + "&csrf=" + testing::kCsrf, Volunteer(), "");
  EXPECT_EQ(Status(no_cookie), 403);
  EXPECT_TRUE(PostingsBy(VolunteerId()).empty());
}

TEST_F(PostingPages, HostileAndMalformedInputIsEscapedOrRefused) {
  std::string hostile = testing::kHostile;
  http::Response step3 =
      Step(2,
           "kant=offer&soort=buddy&aantal=1&titel=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
           "&beschrijving=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
           Volunteer());
  ASSERT_EQ(Status(step3), 200);
  EXPECT_FALSE(Contains(step3, hostile));
  EXPECT_EQ(Hidden(step3, "titel"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  http::Response done =
      Step(4,
           "kant=offer&soort=buddy&aantal=1&titel=%3Cscript%3Ealert(1)%3C%2Fscript%3E&voor=" +
               OrganizationId("b"),
           AdminOf("b"), "versturen");
  ASSERT_EQ(Status(done), 303);
  http::Response page = Get(Location(done));
  EXPECT_FALSE(Contains(page, hostile));
  EXPECT_TRUE(Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_FALSE(Contains(Get("/vraag-en-aanbod"), hostile));
  // A hostile search is shown as text.
  EXPECT_FALSE(Contains(Get("/vraag-en-aanbod?q=%3Cscript%3E"), "<script>"));
  // Not UTF-8: refused, nothing stored.
  http::Response garbled = Step(4, "kant=offer&soort=buddy&titel=%FF%FE", Volunteer(), "concept");
  EXPECT_EQ(Status(garbled), 400);
  EXPECT_TRUE(Contains(garbled, "lang=\"nl\""));
  // Oversized: an error beside the field, the text kept.
  std::string long_title(500, 'x');
  http::Response oversized =
      Step(2, "kant=offer&soort=buddy&aantal=1&titel=" + long_title, Volunteer());
  EXPECT_EQ(Status(oversized), 400);
  EXPECT_TRUE(Contains(oversized, "value=\"" + long_title + "\""));
  EXPECT_TRUE(PostingsBy(VolunteerId()).empty());
}

// --- Editing and status steps --------------------------------------------------------------------

TEST_F(PostingPages, TheAuthorEditsEverythingOnOnePage) {
  std::string id = OpenPosting(VolunteerId(), "Oude titel");
  http::Response form = Get("/vraag-en-aanbod/" + id + "/bewerken", Volunteer());
  ASSERT_EQ(Status(form), 200);
  EXPECT_TRUE(Contains(form, "value=\"Oude titel\""));
  EXPECT_TRUE(Contains(form, "name=\"kant\" type=\"radio\" value=\"request\" checked"));
  EXPECT_TRUE(Contains(form, "name=\"taal_nl\" type=\"checkbox\" value=\"1\" checked"));
  EXPECT_TRUE(Contains(form, "value=\"Groningen\""));
  EXPECT_TRUE(Contains(form, "name=\"cert_vog\""));  // its kind's fields
  EXPECT_TRUE(Contains(form, "name=\"tijd_0\""));
  EXPECT_FALSE(Contains(form, "name=\"stap\""));

  http::Response bad =
      Post("/vraag-en-aanbod/" + id + "/bewerken",
           "kant=request&soort=volunteer_work&titel=N&plaats=Groningen&aantal=x", Volunteer());
  EXPECT_EQ(Status(bad), 400);
  EXPECT_TRUE(Contains(bad, "id=\"titel-fout\""));
  EXPECT_TRUE(Contains(bad, "id=\"aantal-fout\""));
  EXPECT_EQ(Posting(id)->title, "Oude titel");

  http::Response saved = Post("/vraag-en-aanbod/" + id + "/bewerken",
                              "kant=offer&soort=volunteer_work&titel=Nieuwe+titel&plaats=Den+Haag"
                              "&afstand=3&tijd_20=1&aantal=2&cert_first_aid=1",
                              Volunteer());
  ASSERT_EQ(Status(saved), 303) << saved.message.body();
  EXPECT_EQ(Location(saved), "/vraag-en-aanbod/" + id + "?gelukt=opgeslagen");
  auto stored = Posting(id);
  EXPECT_EQ(stored->title, "Nieuwe titel");
  EXPECT_EQ(stored->side, "offer");
  EXPECT_EQ(stored->place_name, "Den Haag");
  EXPECT_EQ(stored->availability, 1u << 20);
  EXPECT_EQ(stored->certificates, (std::vector<std::string>{"first_aid"}));
  EXPECT_EQ(stored->languages, std::vector<std::string>{});
  EXPECT_EQ(stored->status, "open");
  EXPECT_TRUE(Contains(Get(Location(saved), Volunteer()), "Je wijzigingen zijn opgeslagen."));
}

TEST_F(PostingPages, OthersMayNotEditAndClosedPostingsStayAsTheyAre) {
  std::string id = OpenPosting(VolunteerId(), "Van een ander");
  std::string other = Person("ander@example.org");
  EXPECT_EQ(Status(Get("/vraag-en-aanbod/" + id + "/bewerken", other)), 403);
  EXPECT_EQ(Status(Post("/vraag-en-aanbod/" + id + "/bewerken",
                        "kant=offer&soort=buddy&titel=Gekaapt", other)),
            403);
  EXPECT_EQ(Posting(id)->title, "Van een ander");
  std::string draft = DraftBy(VolunteerId(), "Concept");
  EXPECT_EQ(Status(Get("/vraag-en-aanbod/" + draft + "/bewerken", other)), 404);
  ASSERT_EQ(Status(Post("/vraag-en-aanbod/" + id + "/status", "status=closed", Volunteer())), 303);
  http::Response closed = Get("/vraag-en-aanbod/" + id + "/bewerken", Volunteer());
  EXPECT_EQ(Status(closed), 409);
  EXPECT_TRUE(Contains(closed, "Een gesloten oproep kun je niet meer veranderen."));
  EXPECT_FALSE(Contains(Get("/vraag-en-aanbod/" + id, Volunteer()), "/bewerken\""));
}

TEST_F(PostingPages, StatusStepsTheAuthorMayTakeAndThoseRefused) {
  std::string id = OpenPosting(VolunteerId(), "Stappen");
  std::string status = "/vraag-en-aanbod/" + id + "/status";
  http::Response filled = Post(status, "status=filled", Volunteer());
  ASSERT_EQ(Status(filled), 303);
  EXPECT_EQ(Location(filled), "/vraag-en-aanbod/" + id + "?gelukt=vol");
  EXPECT_EQ(Posting(id)->status, "filled");
  EXPECT_TRUE(Contains(Get(Location(filled), Volunteer()), "Je oproep staat op vol."));
  EXPECT_TRUE(
      Contains(Get("/vraag-en-aanbod/" + id, Volunteer()), "name=\"status\" value=\"open\""));
  // Refused: a step that does not exist now, one the clock takes, an unknown one, someone else.
  http::Response draft = Post(status, "status=draft", Volunteer());
  EXPECT_EQ(Status(draft), 409);
  EXPECT_TRUE(Contains(draft, "Vol"));
  EXPECT_EQ(Status(Post(status, "status=expired", Volunteer())), 400);
  EXPECT_EQ(Status(Post(status, "status=gone", Volunteer())), 400);
  EXPECT_EQ(Status(Post(status, "status=closed", Person("ander@example.org"))), 403);
  EXPECT_EQ(Status(PostRaw(status, "status=closed", Volunteer())), 403);  // no csrf
  EXPECT_EQ(Posting(id)->status, "filled");
  ASSERT_EQ(Status(Post(status, "status=open", Volunteer())), 303);
  EXPECT_EQ(Posting(id)->status, "open");
  ASSERT_EQ(Status(Post(status, "status=closed", Volunteer())), 303);
  EXPECT_EQ(Posting(id)->status, "closed");
  EXPECT_EQ(Status(Post(status, "status=open", Volunteer())), 409);
  EXPECT_EQ(Status(Post("/vraag-en-aanbod/kapot/status", "status=open", Volunteer())), 404);
}

TEST_F(PostingPages, ADraftSentByAnUntrustedPersonWaitsAndCanBeTakenBack) {
  std::string id = DraftBy(VolunteerId(), "Concept");
  std::string status = "/vraag-en-aanbod/" + id + "/status";
  http::Response sent = Post(status, "status=open", Volunteer());
  ASSERT_EQ(Status(sent), 303);
  EXPECT_TRUE(Location(sent).ends_with("?gelukt=wacht"));
  EXPECT_EQ(Posting(id)->status, "awaiting_moderation");
  http::Response page = Get("/vraag-en-aanbod/" + id, Volunteer());
  EXPECT_TRUE(Contains(page, "name=\"status\" value=\"draft\""));
  EXPECT_FALSE(Contains(page, "name=\"status\" value=\"closed\""));
  ASSERT_EQ(Status(Post(status, "status=draft", Volunteer())), 303);
  EXPECT_EQ(Posting(id)->status, "draft");
}

TEST_F(PostingPages, AnExpiredPostingAsksForANewLastDayFirst) {
  store::PostingRecord old = Draft("buddy", "offer", "Verlopen");
  old.ends_on = "2001-01-01";
  std::string id = OpenOfB(old);
  ASSERT_TRUE(exchange_->ExpireDue(domain::Now()).ok());
  ASSERT_EQ(Posting(id)->status, "expired");
  http::Response page = Get("/vraag-en-aanbod/" + id, AdminOf("b"));
  EXPECT_TRUE(Contains(page, "Kies eerst een nieuwe laatste dag"));
  http::Response reopen = Post("/vraag-en-aanbod/" + id + "/status", "status=open", AdminOf("b"));
  EXPECT_EQ(Status(reopen), 409);
  EXPECT_TRUE(Contains(reopen, "href=\"/vraag-en-aanbod/" + id + "/bewerken\""));
}

// --- My postings ---------------------------------------------------------------------------------

TEST_F(PostingPages, MyPostingsShowEveryStatusInWords) {
  std::string draft = DraftBy(VolunteerId(), "Mijn concept");
  std::string open = OpenPosting(VolunteerId(), "Mijn open oproep");
  std::string closed = OpenPosting(VolunteerId(), "Mijn gesloten oproep");
  ASSERT_TRUE(
      exchange_->Move({.user_id = VolunteerId()}, closed, domain::PostingStatus::kClosed).ok());
  OpenOfB("Van iemand anders");
  http::Response mine = Get("/vraag-en-aanbod/mijn", Volunteer());
  ASSERT_EQ(Status(mine), 200);
  for (const std::string& text :
       {std::string("Mijn concept"), std::string("Mijn open oproep"),
        std::string("Mijn gesloten oproep"), std::string(">Concept<"), std::string(">Open<"),
        std::string(">Gesloten<"), "href=\"/vraag-en-aanbod/" + draft + "\""}) {
    EXPECT_TRUE(Contains(mine, text)) << text;
  }
  EXPECT_FALSE(Contains(mine, "Van iemand anders"));
  EXPECT_EQ(Status(Get("/vraag-en-aanbod/mijn?pagina=nul", Volunteer())), 400);
  EXPECT_TRUE(Contains(Get("/vraag-en-aanbod/mijn", Person("leeg@example.org")),
                       "Je hebt nog niets geplaatst."));
}

TEST_F(PostingPages, MyPostingsArePaged) {
  for (int i = 0; i < 21; ++i) DraftBy(VolunteerId(), "Concept " + std::to_string(i));
  http::Response first = Get("/vraag-en-aanbod/mijn", Volunteer());
  EXPECT_EQ(Count(first.message.body(), "class=\"kp-result\""), 20u);
  EXPECT_TRUE(Contains(first, "rel=\"next\" href=\"/vraag-en-aanbod/mijn?pagina=2\""));
  http::Response second = Get("/vraag-en-aanbod/mijn?pagina=2", Volunteer());
  EXPECT_EQ(Count(second.message.body(), "class=\"kp-result\""), 1u);
  EXPECT_TRUE(Contains(second, "rel=\"prev\" href=\"/vraag-en-aanbod/mijn\""));
}

// --- The matching profile ------------------------------------------------------------------------

TEST_F(PostingPages, TheProfileFormExplainsItsSensitiveFields) {
  http::Response form = Get("/mijn-profiel", Volunteer());
  ASSERT_EQ(Status(form), 200);
  EXPECT_TRUE(Contains(form, "niets is verplicht"));
  EXPECT_TRUE(Contains(form, "Sla eerst je profiel op"));
  EXPECT_FALSE(Contains(form, "/mijn-profiel/toestemming"));  // nothing to consent with yet
  EXPECT_FALSE(Contains(form, "/mijn-profiel/verwijderen"));
  EXPECT_TRUE(Contains(form, "Sommige oproepen hebben een minimumleeftijd."));
  EXPECT_TRUE(Contains(form, "Je hoeft dit niet te zeggen."));
  EXPECT_TRUE(Contains(form, "name=\"gender\" type=\"radio\" value=\"\" checked"));
  EXPECT_TRUE(Contains(form, "name=\"maatje\" type=\"radio\" value=\"\" checked"));
  EXPECT_TRUE(Contains(form, ">Zeg ik liever niet<"));
  EXPECT_TRUE(Contains(form, "name=\"vraag_buddy\""));
  EXPECT_TRUE(Contains(form, "name=\"aanbod_space\""));
  EXPECT_TRUE(Contains(form, "<option value=\"B1\">B1: gewone gesprekken</option>"));
  EXPECT_TRUE(Contains(form, "name=\"taal_ti\""));
  EXPECT_FALSE(Contains(form, "name=\"taal_nl\""));  // Dutch has its level instead
  EXPECT_TRUE(Contains(form, "name=\"interesse_geloof\""));
  EXPECT_TRUE(Contains(form, "name=\"cert_vog\""));
  EXPECT_TRUE(Contains(form, "VOG (Verklaring Omtrent het Gedrag): geldig tot en met"));
  EXPECT_TRUE(Contains(form, "name=\"tijd_20\""));
}

TEST_F(PostingPages, SavingTheProfileStoresWhatWasChosen) {
  http::Response saved = Post("/mijn-profiel",
                              "vraag_buddy=1&aanbod_volunteer_work=1&niveau_nl=A2&taal_ti=1"
                              "&vaardigheden=koken,+fietsen&interesse_taal=1&tijd_15=1&tijd_16=1"
                              "&plaats=%27s-Gravenhage&afstand=7,5&aantal=2&cert_vog=2099-12-31"
                              "&geboren=1990-05-31&gender=woman&maatje=",
                              Volunteer());
  ASSERT_EQ(Status(saved), 303) << saved.message.body();
  EXPECT_EQ(Location(saved), "/mijn-profiel?gelukt=opgeslagen");
  auto profile = ProfileOf(VolunteerId());
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile->wants, (std::vector<std::string>{"volunteer_work:offer", "buddy:request"}));
  EXPECT_EQ(profile->languages,
            (std::vector<std::pair<std::string, std::string>>{{"nl", "A2"}, {"ti", ""}}));
  EXPECT_EQ(profile->skills, (std::vector<std::string>{"koken", "fietsen"}));
  EXPECT_EQ(profile->interests, (std::vector<std::string>{domain::TermId("needs", "taal")}));
  EXPECT_EQ(profile->availability, (1u << 15) | (1u << 16));
  EXPECT_EQ(profile->place_name, "Den Haag");
  EXPECT_TRUE(profile->latitude.has_value());
  EXPECT_DOUBLE_EQ(profile->travel_km, 7.5);
  EXPECT_EQ(profile->max_matches, 2);
  EXPECT_EQ(profile->certificates,
            (std::vector<std::pair<std::string, std::string>>{{"vog", "2099-12-31"}}));
  EXPECT_EQ(profile->birth_date, "1990-05-31");
  EXPECT_EQ(profile->gender, "woman");
  EXPECT_EQ(profile->buddy_gender, std::nullopt);
  EXPECT_EQ(profile->consent_at, std::nullopt);  // consent is its own choice
  http::Response page = Get(Location(saved), Volunteer());
  EXPECT_TRUE(Contains(page, "Je profiel is opgeslagen."));
  EXPECT_TRUE(Contains(page, "<option value=\"A2\" selected>"));
  EXPECT_TRUE(Contains(page, "value=\"Den Haag\""));
  EXPECT_TRUE(Contains(page, "value=\"koken, fietsen\""));
  EXPECT_TRUE(Contains(page, "name=\"gender\" type=\"radio\" value=\"woman\" checked"));
  EXPECT_TRUE(Contains(page, ">Ja, stel mij voor aan anderen<"));
  EXPECT_TRUE(Contains(page, "Je hebt geen toestemming gegeven."));
}

TEST_F(PostingPages, SkillsMayBeSeparatedByArabicAndEthiopicCommas) {
  // "طبخ، خياطة" as typed on an Arabic keyboard; "ምግቢ፣ ስፌት" on a Tigrinya one.
  http::Response saved = Post("/mijn-profiel",
                              "vaardigheden=%D8%B7%D8%A8%D8%AE%D8%8C+%D8%AE%D9%8A%D8%A7%D8%B7%D8%A9"
                              "%E1%8D%A3%E1%88%9D%E1%8C%8D%E1%89%A2",
                              Volunteer());
  ASSERT_EQ(Status(saved), 303) << saved.message.body();
  auto profile = ProfileOf(VolunteerId());
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile->skills,
            (std::vector<std::string>{"طبخ", "خياطة", "ምግቢ"}));
}

TEST_F(PostingPages, ProfileErrorsKeepTheInputAndStoreNothing) {
  http::Response bad = Post("/mijn-profiel",
                            "plaats=Atlantis&aantal=99&geboren=2999-01-01&cert_vog=morgen"
                            "&niveau_nl=Z1&gender=robot&vraag_buddy=1",
                            Volunteer());
  EXPECT_EQ(Status(bad), 400);
  EXPECT_TRUE(Contains(bad, "kp-error-summary"));
  for (const char* id : {"plaats-fout", "aantal-fout", "geboren-fout", "cert_vog-fout",
                         "niveau_nl-fout", "gender-fout"}) {
    EXPECT_TRUE(Contains(bad, std::string("id=\"") + id + "\"")) << id;
  }
  EXPECT_TRUE(Contains(bad, "value=\"Atlantis\""));
  EXPECT_TRUE(Contains(bad, "value=\"2999-01-01\""));
  EXPECT_TRUE(Contains(bad, "name=\"vraag_buddy\" type=\"checkbox\" value=\"1\" checked"));
  EXPECT_FALSE(ProfileOf(VolunteerId()));
  http::Response expired = PostRaw("/mijn-profiel", "plaats=Groningen&vraag_buddy=1", Volunteer());
  EXPECT_EQ(Status(expired), 403);
  EXPECT_TRUE(Contains(expired, "Je formulier was verlopen"));
  EXPECT_TRUE(Contains(expired, "value=\"Groningen\""));
  EXPECT_FALSE(ProfileOf(VolunteerId()));
}

TEST_F(PostingPages, ConsentIsGivenAndWithdrawnOnItsOwn) {
  EXPECT_EQ(Status(Post("/mijn-profiel/toestemming", "toestemming=ja", Volunteer())), 409);
  ASSERT_EQ(Status(Post("/mijn-profiel", "plaats=Groningen", Volunteer())), 303);
  http::Response given = Post("/mijn-profiel/toestemming", "toestemming=ja", Volunteer());
  ASSERT_EQ(Status(given), 303);
  EXPECT_EQ(Location(given), "/mijn-profiel?gelukt=ja");
  EXPECT_TRUE(ProfileOf(VolunteerId())->consent_at.has_value());
  http::Response page = Get("/mijn-profiel", Volunteer());
  EXPECT_TRUE(Contains(page, "toestemming gegeven"));
  EXPECT_TRUE(Contains(page, ">Stop met voorstellen<"));
  // Saving the profile again keeps the consent.
  ASSERT_EQ(Status(Post("/mijn-profiel", "plaats=Groningen&vraag_buddy=1", Volunteer())), 303);
  EXPECT_TRUE(ProfileOf(VolunteerId())->consent_at.has_value());
  ASSERT_EQ(Status(Post("/mijn-profiel/toestemming", "toestemming=nee", Volunteer())), 303);
  EXPECT_FALSE(ProfileOf(VolunteerId())->consent_at.has_value());
  EXPECT_EQ(Status(Post("/mijn-profiel/toestemming", "toestemming=misschien", Volunteer())), 400);
  EXPECT_EQ(Status(PostRaw("/mijn-profiel/toestemming", "toestemming=ja", Volunteer())), 403);
  EXPECT_FALSE(ProfileOf(VolunteerId())->consent_at.has_value());
}

TEST_F(PostingPages, SuggestionsWithTheirReasonsShowWhileConsenting) {
  std::string person = PersonId("nieuw@example.org");
  std::string title = "Help mee in de voedselbank";
  OpenPosting(VolunteerId(), title);
  ASSERT_EQ(
      Status(Post("/mijn-profiel", "plaats=Groningen&niveau_nl=B1", Person("nieuw@example.org"))),
      303);
  // Without consent: no suggestions.
  EXPECT_FALSE(Contains(Get("/mijn-profiel", SessionOf(person)), title));
  Consenting(person);
  http::Response page = Get("/mijn-profiel", SessionOf(person));
  ASSERT_EQ(Status(page), 200);
  EXPECT_TRUE(Contains(page, "Oproepen die bij je passen"));
  EXPECT_TRUE(Contains(page, title));
  EXPECT_TRUE(Contains(page, "Jullie spreken allebei Nederlands"));
  EXPECT_TRUE(Contains(page, "km verderop"));
  EXPECT_TRUE(Contains(page, "href=\"/mijn-matches\""));
}

TEST_F(PostingPages, SuggestionsNeedAPlace) {
  std::string person = PersonId("zonder-plaats@example.org");
  ASSERT_EQ(Status(Post("/mijn-profiel", "vraag_buddy=1", SessionOf(person))), 303);
  ASSERT_EQ(Status(Post("/mijn-profiel/toestemming", "toestemming=ja", SessionOf(person))), 303);
  EXPECT_TRUE(
      Contains(Get("/mijn-profiel", SessionOf(person)), "Vul bij je profiel je woonplaats in"));
}

TEST_F(PostingPages, DeletingTheProfileAsksFirst) {
  EXPECT_EQ(Status(Get("/mijn-profiel/verwijderen", Volunteer())), 404);
  Consenting(VolunteerId());
  http::Response confirm = Get("/mijn-profiel/verwijderen", Volunteer());
  ASSERT_EQ(Status(confirm), 200);
  EXPECT_TRUE(Contains(confirm, "Weet je het zeker?"));
  EXPECT_TRUE(Contains(confirm, ">Ja, verwijder mijn profiel<"));
  EXPECT_TRUE(Contains(confirm, "href=\"/mijn-profiel\">Nee, terug naar mijn profiel<"));
  EXPECT_TRUE(ProfileOf(VolunteerId()));  // asking deletes nothing
  EXPECT_EQ(Status(PostRaw("/mijn-profiel/verwijderen", "", Volunteer())), 403);
  EXPECT_TRUE(ProfileOf(VolunteerId()));
  http::Response deleted = Post("/mijn-profiel/verwijderen", "", Volunteer());
  ASSERT_EQ(Status(deleted), 303);
  EXPECT_EQ(Location(deleted), "/mijn-profiel?gelukt=verwijderd");
  EXPECT_FALSE(ProfileOf(VolunteerId()));
  EXPECT_TRUE(Contains(Get(Location(deleted), Volunteer()), "Je profiel is verwijderd."));
  EXPECT_EQ(Status(Post("/mijn-profiel/verwijderen", "", Volunteer())), 404);
}

TEST_F(PostingPages, ArabicProfileIsRightToLeft) {
  http::Response page = Get("/ar/mijn-profiel", Volunteer());
  ASSERT_EQ(Status(page), 200);
  EXPECT_TRUE(Contains(page, "<html lang=\"ar\" dir=\"rtl\""));
  EXPECT_TRUE(Contains(page, "action=\"/ar/mijn-profiel\""));
  // Language names keep their own direction inside the page's.
  EXPECT_TRUE(Contains(page, "lang=\"ti\" dir=\"ltr\""));
}

}  // namespace
}  // namespace knooppunt::web
