// The pages of the people who keep the map alive, through the router (no sockets) with the
// permission check, the session authenticator and the refusal answers installed as the program
// does: editing a listing (who may, errors with kept input, CSRF, hostile input), claims, the
// help desk's list of claims within its region, and "this is still correct".
#include "web/organization_pages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "accounts/accounts_testing.h"
#include "accounts/token.h"
#include "web/i18n.h"
#include "web/keeper_pages_testing.h"

namespace knooppunt::web {
namespace {

namespace beast_http = boost::beast::http;
using testing::KeeperPages;
using testing::kCsrf;
using testing::Location;
using testing::Followed;
using testing::Contains;
using testing::Decoded;
using testing::Today;
using testing::AddressIn;
using testing::kHostile;
using domain::Record;
using domain::Role;
using domain::Table;
using search::testing::OrganizationId;
using search::testing::ServiceId;

class OrganizationPages : public KeeperPages {};

// --- Editing the listing
// ---------------------------------------------------------------------------

TEST_F(OrganizationPages, AdminsEditIsStoredSearchableAtOnceAndAudited) {
  std::string admin = AdminOf("a");
  std::string admin_id = account_ids_["admin-a@example.org"];
  EXPECT_FALSE(FindsOrganization("Zonnebloem", "a"));
  EXPECT_EQ(Get("/organisatie/" + OrganizationId("a") + "/bewerken", admin).message.result_int(),
            200);

  http::Response saved = Edit("a",
                              "naam=Buurthuis+Zonnebloem&beschrijving=Koffie+en+taalles."
                              "&email=info%40zonnebloem.nl&website=www.x.nl",
                              admin);
  EXPECT_EQ(saved.message.result_int(), 303);
  EXPECT_EQ(Location(saved), "/organisatie/" + OrganizationId("a") + "?opgeslagen=1#beheer");
  EXPECT_EQ(StoredField("a", "name"), "Buurthuis Zonnebloem");
  EXPECT_EQ(StoredField("a", "description"), "Koffie en taalles.");
  EXPECT_EQ(StoredField("a", "email"), "info@zonnebloem.nl");
  EXPECT_EQ(StoredField("a", "website"), "https://www.x.nl");
  EXPECT_TRUE(FindsOrganization("Zonnebloem", "a"));  // without waiting for the index to follow

  auto log = map_.store().accounts().AuditLog(0, 100);
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(std::any_of(log->begin(), log->end(), [&](const store::AuditEntry& entry) {
    return entry.action == "organization.update" && entry.actor_id == admin_id &&
           entry.target_id == OrganizationId("a");
  }));
  EXPECT_TRUE(Contains(Get(Followed(saved), admin), "De gegevens zijn opgeslagen."));
}

TEST_F(OrganizationPages, EditErrorsAreShownNextToTheFieldsWithInputKept) {
  std::string admin = AdminOf("a");
  http::Response empty_name = Edit("a", "naam=+++&beschrijving=Mijn+nieuwe+tekst", admin);
  EXPECT_EQ(empty_name.message.result_int(), 400);
  EXPECT_TRUE(Contains(empty_name, "id=\"naam-fout\">Vul de naam in."));
  EXPECT_TRUE(Contains(empty_name, ">Mijn nieuwe tekst</textarea>"));
  EXPECT_TRUE(Contains(empty_name, "aria-invalid=\"true\""));

  http::Response bad_email =
      Edit("a", "naam=Nieuwe+naam&beschrijving=Tekst&email=geen-adres", admin);
  EXPECT_EQ(bad_email.message.result_int(), 400);
  EXPECT_TRUE(Contains(bad_email, "id=\"email-fout\">Dit e-mailadres klopt niet."));
  EXPECT_TRUE(Contains(bad_email, "value=\"geen-adres\""));
  EXPECT_TRUE(Contains(bad_email, "value=\"Nieuwe naam\""));

  http::Response long_name = Edit("a", "naam=" + std::string(201, 'a') + "&beschrijving=T", admin);
  EXPECT_EQ(long_name.message.result_int(), 400);

  EXPECT_EQ(StoredField("a", "name"), "Stichting Anker");
  EXPECT_EQ(StoredField("a", "description"), "Een organisatie in de regio.");
  EXPECT_EQ(StoredField("a", "email"), "");
}

// Regression: HSDS requires organization.description; an empty one was refused by the store and
// blamed on the name field.
TEST_F(OrganizationPages, EmptyDescriptionIsAnErrorNextToTheDescription) {
  http::Response page = Edit("a", "naam=Stichting+Anker&beschrijving=", AdminOf("a"));
  EXPECT_EQ(page.message.result_int(), 400);
  EXPECT_TRUE(Contains(page, "id=\"beschrijving-fout\""));
  EXPECT_FALSE(Contains(page, "id=\"naam-fout\""));
  EXPECT_EQ(StoredField("a", "description"), "Een organisatie in de regio.");
}

TEST_F(OrganizationPages, AnotherOrganizationsAdminIsForbidden) {
  std::string other = AdminOf("b");
  EXPECT_EQ(Get("/organisatie/" + OrganizationId("a") + "/bewerken", other).message.result_int(),
            403);
  EXPECT_EQ(Edit("a", "naam=Overgenomen&beschrijving=Weg", other).message.result_int(), 403);
  EXPECT_EQ(
      Post("/organisatie/" + OrganizationId("a") + "/bevestigen", "", other).message.result_int(),
      403);
  EXPECT_EQ(StoredField("a", "name"), "Stichting Anker");
  EXPECT_EQ(LastVerified("a"), "");
}

TEST_F(OrganizationPages, AnOrganizationMemberMayEdit) {
  std::string member =
      SessionOf(AccountWith("lid-a@example.org", {Role::kOrganizationMember, OrganizationId("a")}));
  EXPECT_EQ(Get("/organisatie/" + OrganizationId("a") + "/bewerken", member).message.result_int(),
            200);
  EXPECT_EQ(Edit("a", "naam=Anker+Nieuw&beschrijving=Tekst", member).message.result_int(), 303);
  EXPECT_EQ(StoredField("a", "name"), "Anker Nieuw");
}

TEST_F(OrganizationPages, AVolunteerMayNotEdit) {
  std::string volunteer = Volunteer();
  EXPECT_EQ(
      Get("/organisatie/" + OrganizationId("a") + "/bewerken", volunteer).message.result_int(),
      403);
  EXPECT_EQ(Edit("a", "naam=Overgenomen&beschrijving=Weg", volunteer).message.result_int(), 403);
  EXPECT_EQ(StoredField("a", "name"), "Stichting Anker");
}

TEST_F(OrganizationPages, AnonymousVisitorsAreSentToSignIn) {
  std::string path = "/organisatie/" + OrganizationId("a") + "/bewerken";
  http::Response form = Get(path);
  EXPECT_EQ(form.message.result_int(), 303);
  EXPECT_EQ(Location(form), "/inloggen?terug=" + Encode(path));
  http::Response post = Edit("a", "naam=Overgenomen&beschrijving=Weg", "");
  EXPECT_EQ(post.message.result_int(), 303);
  EXPECT_TRUE(Location(post).starts_with("/inloggen?terug=")) << Location(post);
  http::Response claim = Post("/organisatie/" + OrganizationId("a") + "/claimen", "", "");
  EXPECT_TRUE(Location(claim).starts_with("/inloggen?terug=")) << Location(claim);
  EXPECT_EQ(StoredField("a", "name"), "Stichting Anker");
}

TEST_F(OrganizationPages, AWrongOrMissingFormTokenChangesNothing) {
  std::string admin = AdminOf("a");
  std::string target = "/organisatie/" + OrganizationId("a") + "/bewerken";
  std::string body = "naam=Vervalst&beschrijving=Weg";
  EXPECT_EQ(PostRaw(target, body + "&csrf=11111111-1111-4111-8111-111111111111", admin)
                .message.result_int(),
            403);
  EXPECT_EQ(PostRaw(target, body, admin).message.result_int(), 403);  // no field
  EXPECT_EQ(PostRaw(target, body + "&csrf=" + kCsrf, admin, "").message.result_int(),
            403);  // no cookie
  EXPECT_EQ(PostRaw("/organisatie/" + OrganizationId("a") + "/bevestigen", "", admin)
                .message.result_int(),
            403);
  EXPECT_EQ(StoredField("a", "name"), "Stichting Anker");
  EXPECT_EQ(LastVerified("a"), "");
}

TEST_F(OrganizationPages, UnknownOrMalformedIdsAreNotFound) {
  std::string admin = AdminOf("a");
  for (const std::string& id : {OrganizationId("nothing"), std::string("not-a-uuid")}) {
    EXPECT_EQ(Get("/organisatie/" + id + "/bewerken", admin).message.result_int(), 404) << id;
    EXPECT_EQ(Post("/organisatie/" + id + "/bewerken", "naam=X&beschrijving=Y", admin)
                  .message.result_int(),
              404)
        << id;
    EXPECT_EQ(Post("/organisatie/" + id + "/claimen", "", Volunteer()).message.result_int(), 404)
        << id;
  }
  EXPECT_TRUE(RequestsOf(VolunteerId()).empty());
}

TEST_F(OrganizationPages, TheHelpDeskNeedsItsSecondFactorToEdit) {
  std::string token = accounts::NewToken();
  std::string now = domain::FormatUtc(domain::Now());
  ASSERT_TRUE(map_.store()
                  .accounts()
                  .CreateSession({.id_hash = accounts::HashToken(token),
                                  .account_id = AccountWith("loket-haaglanden@example.org",
                                                            {Role::kHelpDesk, "Haaglanden"}),
                                  .created_at = now,
                                  .last_seen_at = now,
                                  .second_factor = false})
                  .ok());
  std::string session = std::string(kSessionCookie) + "=" + token;
  http::Response form = Get("/organisatie/" + OrganizationId("a") + "/bewerken", session);
  EXPECT_EQ(form.message.result_int(), 303);
  EXPECT_EQ(Location(form), "/account/tweestaps");
  EXPECT_EQ(Edit("a", "naam=Anker+Haaglanden&beschrijving=Tekst", session).message.result_int(),
            303);
  EXPECT_EQ(StoredField("a", "name"), "Stichting Anker");
  EXPECT_EQ(Location(Get("/beheer/aanvragen", session)), "/account/tweestaps");
}

TEST_F(OrganizationPages, TheHelpDeskEditsWithinItsRegionOnly) {
  std::string help_desk = HelpDesk("Haaglanden");
  EXPECT_EQ(Edit("a", "naam=Anker+Haaglanden&beschrijving=Tekst", help_desk).message.result_int(),
            303);
  EXPECT_EQ(StoredField("a", "name"), "Anker Haaglanden");
  EXPECT_EQ(
      Get("/organisatie/" + OrganizationId("b") + "/bewerken", help_desk).message.result_int(),
      403);
  EXPECT_EQ(Edit("b", "naam=Borg+Haaglanden&beschrijving=Tekst", help_desk).message.result_int(),
            403);
  EXPECT_EQ(StoredField("b", "name"), "Vereniging Borg");
}

TEST_F(OrganizationPages, EditsUnderALanguagePrefixStayInThatLanguage) {
  std::string admin = AdminOf("a");
  std::string target = "/en/organisatie/" + OrganizationId("a") + "/bewerken";
  http::Response error = Post(target, "naam=&beschrijving=Tekst", admin);
  EXPECT_EQ(error.message.result_int(), 400);
  EXPECT_TRUE(Contains(error, "<html lang=\"en\""));
  http::Response saved = Post(target, "naam=Anker&beschrijving=Tekst", admin);
  EXPECT_EQ(Location(saved), "/en/organisatie/" + OrganizationId("a") + "?opgeslagen=1#beheer");
}

// Bug (organization_pages.cpp, OrganizationSite::Edit): the scheme test is case-sensitive, so
// "HTTPS://x.nl" (schemes are case-insensitive, RFC 3986 §3.1) is stored as
// "https://HTTPS://x.nl".
TEST_F(OrganizationPages, WebsiteSchemesAreRecognisedInAnyCase) {
  EXPECT_EQ(Edit("a", "naam=Anker&beschrijving=Tekst&website=HTTPS%3A%2F%2Fx.nl", AdminOf("a"))
                .message.result_int(),
            303);
  std::string website = StoredField("a", "website");
  std::transform(website.begin(), website.end(), website.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  EXPECT_EQ(website, "https://x.nl");
}

// --- Claims
// -------------------------------------------------------------------------------------------

TEST_F(OrganizationPages, AClaimIsOnePendingRequest) {
  std::string volunteer = Volunteer();
  std::string target = "/organisatie/" + OrganizationId("a") + "/claimen";
  http::Response claimed = Post(target, "", volunteer);
  EXPECT_EQ(claimed.message.result_int(), 303);
  EXPECT_EQ(Location(claimed), "/organisatie/" + OrganizationId("a") + "?aangevraagd=1#beheer");
  EXPECT_EQ(Post(target, "", volunteer).message.result_int(), 303);  // asked again

  std::vector<store::OrganizationRequest> requests = RequestsOf(VolunteerId());
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].status, "pending");
  EXPECT_EQ(requests[0].kind, "claim");
  EXPECT_EQ(requests[0].organization_id, OrganizationId("a"));
  EXPECT_EQ(requests[0].region, "Haaglanden");
  EXPECT_TRUE(Contains(Get(Followed(claimed), volunteer), "Je aanvraag is verstuurd."));
}

// Regression: a refused form post (a session that ended before "claim" or "this is still
// correct" was pressed) sent people to sign in with terug = the post's own path, which has no
// page: after signing in they landed on a 404. Now they go back to the page the form was on.
TEST_F(OrganizationPages, AfterSigningInARefusedPostReturnsToThePageOfTheForm) {
  std::string organization = "/organisatie/" + OrganizationId("a");
  for (const auto& [action, session] : {std::pair{organization + "/claimen", Volunteer()},
                                        std::pair{organization + "/bevestigen", AdminOf("a")}}) {
    http::Request request(beast_http::verb::post, action, 11);
    request.set(beast_http::field::cookie, "taal=nl; csrf=" + std::string(kCsrf));
    request.set(beast_http::field::host, "localhost:8080");
    request.set(beast_http::field::referer, "http://localhost:8080" + organization);
    request.set(beast_http::field::content_type, "application/x-www-form-urlencoded");
    request.body() = "csrf=" + std::string(kCsrf);
    request.prepare_payload();
    http::Response refused = router_.Handle(request, nullptr, "192.0.2.7");
    std::string location = Location(refused);
    ASSERT_TRUE(location.starts_with("/inloggen?terug=")) << location;
    std::string back = Decoded(location.substr(location.find('=') + 1));
    EXPECT_EQ(back, organization);
    EXPECT_EQ(Get(back, session).message.result_int(), 200) << back;
  }
  // Without a Referer of this site: home, never another site.
  http::Request forged(beast_http::verb::post, organization + "/claimen", 11);
  forged.set(beast_http::field::host, "localhost:8080");
  forged.set(beast_http::field::referer, "https://evil.example/organisatie");
  http::Response refused = router_.Handle(forged, nullptr, "192.0.2.7");
  EXPECT_EQ(Decoded(Location(refused).substr(Location(refused).find('=') + 1)), "/");
}

TEST_F(OrganizationPages, TheOrganizationPageOffersClaimEditOrSignIn) {
  std::string page = "/organisatie/" + OrganizationId("a");
  http::Response volunteer = Get(page, Volunteer());
  EXPECT_TRUE(Contains(volunteer, "action=\"" + page + "/claimen\""));
  EXPECT_FALSE(Contains(volunteer, page + "/bewerken"));

  http::Response admin = Get(page, AdminOf("a"));
  EXPECT_TRUE(Contains(admin, "href=\"" + page + "/bewerken\""));
  // Only admins manage the organisation's API keys.
  EXPECT_TRUE(Contains(admin, "href=\"" + page + "/sleutels\""));
  EXPECT_TRUE(Contains(admin, "action=\"" + page + "/bevestigen\""));
  EXPECT_FALSE(Contains(admin, page + "/claimen"));

  http::Response anonymous = Get(page);
  EXPECT_EQ(anonymous.message.result_int(), 200);
  EXPECT_TRUE(Contains(anonymous, "href=\"/inloggen?terug=" + Encode(page) + "\""));
  EXPECT_FALSE(Contains(anonymous, page + "/claimen"));
  EXPECT_FALSE(Contains(anonymous, page + "/bewerken"));
}

// --- The help desk
// ---------------------------------------------------------------------------------

TEST_F(OrganizationPages, TheHelpDeskListsPendingClaimsOfItsRegionOnly) {
  ClaimOf("a");  // Haaglanden
  ClaimOf("b");  // Groningen
  http::Response list = Get("/beheer/aanvragen", HelpDesk("Haaglanden"));
  EXPECT_EQ(list.message.result_int(), 200);
  EXPECT_TRUE(Contains(list, "Stichting Anker"));
  EXPECT_TRUE(Contains(list, "vrijwilliger@example.org"));
  EXPECT_FALSE(Contains(list, "Vereniging Borg"));
  EXPECT_EQ(Get("/beheer/aanvragen", Volunteer()).message.result_int(), 403);
  EXPECT_EQ(Get("/beheer/aanvragen", AdminOf("a")).message.result_int(), 403);
}

TEST_F(OrganizationPages, UnknownOrMalformedRequestIdsAreNotFound) {
  std::string help_desk = HelpDesk("Haaglanden");
  for (const std::string& id : {domain::NameUuid("request:nothing"), std::string("not-a-uuid")}) {
    EXPECT_EQ(Post("/beheer/aanvragen/" + id + "/goedkeuren", "", help_desk).message.result_int(),
              404)
        << id;
    EXPECT_EQ(Post("/beheer/aanvragen/" + id + "/afwijzen", "", help_desk).message.result_int(),
              404)
        << id;
  }
}

TEST_F(OrganizationPages, ApprovingAClaimMakesTheClaimantAdminAndVerifiesTheListing) {
  std::string request = ClaimOf("a");
  http::Response approved =
      Post("/beheer/aanvragen/" + request + "/goedkeuren", "", HelpDesk("Haaglanden"));
  EXPECT_EQ(approved.message.result_int(), 303);
  EXPECT_EQ(Location(approved), "/beheer/aanvragen?klaar=1");
  std::vector<domain::Grant> grants = GrantsOf(VolunteerId());
  EXPECT_TRUE(std::any_of(grants.begin(), grants.end(), [](const domain::Grant& grant) {
    return grant.role == Role::kOrganizationAdmin && grant.scope == OrganizationId("a");
  }));
  EXPECT_EQ(LastVerified("a"), Today());
  EXPECT_EQ(RequestsOf(VolunteerId())[0].status, "verified");
  // The new admin may edit at once.
  EXPECT_EQ(Edit("a", "naam=Anker&beschrijving=Tekst", Volunteer()).message.result_int(), 303);
}

TEST_F(OrganizationPages, ApprovingAClaimOfAnotherRegionIsForbidden) {
  std::string request = ClaimOf("b");  // Groningen
  EXPECT_EQ(Post("/beheer/aanvragen/" + request + "/goedkeuren", "", HelpDesk("Haaglanden"))
                .message.result_int(),
            403);
  EXPECT_EQ(Post("/beheer/aanvragen/" + request + "/afwijzen", "", HelpDesk("Haaglanden"))
                .message.result_int(),
            403);
  EXPECT_EQ(RequestsOf(VolunteerId())[0].status, "pending");
  EXPECT_TRUE(GrantsOf(VolunteerId()).size() == 1u);  // only the volunteer role
  EXPECT_EQ(LastVerified("b"), "");
}

TEST_F(OrganizationPages, RejectingAClaimTurnsItDown) {
  std::string request = ClaimOf("a");
  http::Response rejected =
      Post("/beheer/aanvragen/" + request + "/afwijzen", "", HelpDesk("Haaglanden"));
  EXPECT_EQ(rejected.message.result_int(), 303);
  EXPECT_EQ(RequestsOf(VolunteerId())[0].status, "rejected");
  EXPECT_EQ(GrantsOf(VolunteerId()).size(), 1u);
  EXPECT_EQ(LastVerified("a"), "");
  EXPECT_FALSE(Contains(Get("/beheer/aanvragen", HelpDesk("Haaglanden")), "Stichting Anker"));
}

// --- "This is still correct"
// ----------------------------------------------------------------------

TEST_F(OrganizationPages, ConfirmingSetsTheLastVerifiedDateToToday) {
  std::string admin = AdminOf("a");
  http::Response confirmed = Post("/organisatie/" + OrganizationId("a") + "/bevestigen", "", admin);
  EXPECT_EQ(confirmed.message.result_int(), 303);
  EXPECT_EQ(Location(confirmed), "/organisatie/" + OrganizationId("a") + "?bevestigd=1#beheer");
  EXPECT_EQ(LastVerified("a"), Today());
  http::Response page = Get(Followed(confirmed), admin);
  EXPECT_TRUE(Contains(page, "De datum van de laatste controle is nu vandaag."));
  EXPECT_TRUE(Contains(page, "Laatst gecontroleerd: " + Dutch().Date(Today())));
}

// --- Hostile input
// ----------------------------------------------------------------------------------

TEST_F(OrganizationPages, HostileNamesAreStoredAsTextAndRenderedEscaped) {
  std::string admin = AdminOf("a");
  EXPECT_EQ(Edit("a", "naam=%3Cscript%3Ealert(1)%3C%2Fscript%3E&beschrijving=Tekst", admin)
                .message.result_int(),
            303);
  EXPECT_EQ(StoredField("a", "name"), kHostile);
  for (const std::string& target : {"/organisatie/" + OrganizationId("a"),
                                    "/organisatie/" + OrganizationId("a") + "/bewerken"}) {
    http::Response page = Get(target, admin);
    EXPECT_EQ(page.message.result_int(), 200) << target;
    EXPECT_FALSE(Contains(page, kHostile)) << target;
    EXPECT_TRUE(Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;")) << target;
  }
}

TEST_F(OrganizationPages, InvalidUtf8IsRefusedAndNothingStored) {
  http::Response page = Edit("a", "naam=Anker%FF&beschrijving=Tekst", AdminOf("a"));
  EXPECT_EQ(page.message.result_int(), 400);
  EXPECT_TRUE(Contains(page, "Dit begrijpen we niet"));
  EXPECT_EQ(StoredField("a", "name"), "Stichting Anker");
}

// --- The reports inbox
// ------------------------------------------------------------------------------

TEST_F(OrganizationPages, ReportsReachTheOrganizationsInboxAndLeaveWhenFixed) {
  std::string report = domain::RandomUuid();
  ASSERT_TRUE(map_.store()
                  .AddReport({.id = report,
                              .service_id = ServiceId("s"),
                              .message = "De tijden kloppen niet <b>",
                              .email = "melder@example.org",
                              .language = "ar"})
                  .ok());
  std::string inbox = "/organisatie/" + OrganizationId("a") + "/meldingen";
  std::string admin = AdminOf("a");
  EXPECT_TRUE(
      Contains(Get("/organisatie/" + OrganizationId("a"), admin), "href=\"" + inbox + "\""));
  http::Response page = Get(inbox, admin);
  EXPECT_EQ(page.message.result_int(), 200);
  EXPECT_TRUE(Contains(page, "De tijden kloppen niet &lt;b&gt;"));
  EXPECT_TRUE(Contains(page, "melder@example.org"));
  EXPECT_TRUE(Contains(page, "lang=\"ar\""));
  // Another organisation's admin and a volunteer do not see it, nor can they resolve it.
  EXPECT_EQ(Get(inbox, AdminOf("b")).message.result_int(), 403);
  EXPECT_EQ(Get(inbox, Volunteer()).message.result_int(), 403);
  std::string done = inbox + "/" + report + "/opgelost";
  EXPECT_EQ(Post(done, "", AdminOf("b")).message.result_int(), 403);
  // Organisation b resolving through its own address does not reach a's report either.
  EXPECT_EQ(Post("/organisatie/" + OrganizationId("b") + "/meldingen/" + report + "/opgelost", "",
                 AdminOf("b"))
                .message.result_int(),
            404);
  EXPECT_EQ(map_.store().ReportsOfOrganization(OrganizationId("a"))->size(), 1u);
  http::Response resolved = Post(done, "", admin);
  EXPECT_EQ(resolved.message.result_int(), 303);
  EXPECT_EQ(Followed(resolved), inbox + "?opgelost=1");
  EXPECT_TRUE(map_.store().ReportsOfOrganization(OrganizationId("a"))->empty());
  EXPECT_TRUE(Contains(Get(Followed(resolved), admin), "De melding is verwijderd."));
}

// --- Registering a new organisation
// ----------------------------------------------------------------

constexpr char kRegistration[] =
    "naam=Stichting+Welkom&beschrijving=Taalcaf%C3%A9+en+kledingbank.&adres=Markt+1"
    "&postcode=2611ha&plaats=Delft&provincie=Zuid-Holland&regio=Haaglanden";

TEST_F(OrganizationPages, ARegisteredOrganizationWaitsForTheHelpDeskOfItsRegion) {
  ASSERT_EQ(Get("/organisatie-aanmelden", Volunteer()).message.result_int(), 200);
  http::Response sent = Post("/organisatie-aanmelden", kRegistration, Volunteer());
  ASSERT_EQ(sent.message.result_int(), 200) << sent.message.body();
  EXPECT_TRUE(Contains(sent, "De helpdesk kijkt de aanmelding na"));
  EXPECT_FALSE(FindsOrganization("Welkom", "welkom")) << "not on the map before approval";
  std::vector<store::OrganizationRequest> requests = RequestsOf(VolunteerId());
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].kind, "register");
  EXPECT_EQ(requests[0].region, "Haaglanden");

  std::string help_desk = HelpDesk("Haaglanden");
  http::Response list = Get("/beheer/aanvragen", help_desk);
  EXPECT_TRUE(Contains(list, "Stichting Welkom"));
  EXPECT_TRUE(Contains(list, "Markt 1, 2611 HA Delft"));
  EXPECT_FALSE(Contains(Get("/beheer/aanvragen", HelpDesk("Groningen")), "Stichting Welkom"));
  EXPECT_EQ(Post("/beheer/aanvragen/" + requests[0].id + "/goedkeuren", "", HelpDesk("Groningen"))
                .message.result_int(),
            403);

  ASSERT_EQ(Post("/beheer/aanvragen/" + requests[0].id + "/goedkeuren", "", help_desk)
                .message.result_int(),
            303);
  std::vector<store::OrganizationRequest> decided = RequestsOf(VolunteerId());
  ASSERT_TRUE(decided[0].organization_id.has_value());
  const std::string id = *decided[0].organization_id;
  auto organization = map_.store().Get(Table::kOrganization, id);
  ASSERT_TRUE(organization.ok() && organization->has_value());
  EXPECT_EQ((**organization).Get("name"), "Stichting Welkom");
  auto found = index_->Search({.target = search::Target::kOrganizations, .text = "Welkom"});
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(std::any_of(found->hits.begin(), found->hits.end(),
                          [&](const search::Hit& hit) { return hit.id == id; }))
      << "searchable at once";
  bool admin = false;
  for (const domain::Grant& grant : GrantsOf(VolunteerId())) {
    admin = admin || (grant.role == Role::kOrganizationAdmin && grant.scope == id);
  }
  EXPECT_TRUE(admin);
}

TEST_F(OrganizationPages, RegistrationErrorsAreShownNextToTheFieldsWithInputKept) {
  http::Response bad = Post("/organisatie-aanmelden",
                            "naam=%3Cb%3EWelkom%3C%2Fb%3E&beschrijving=&adres=Markt+1"
                            "&postcode=12345&plaats=&provincie=Zuid-Holland",
                            Volunteer());
  EXPECT_EQ(bad.message.result_int(), 400);
  EXPECT_TRUE(Contains(bad, "id=\"beschrijving-fout\""));
  EXPECT_TRUE(Contains(bad, "id=\"postcode-fout\""));
  EXPECT_TRUE(Contains(bad, "id=\"plaats-fout\""));
  EXPECT_FALSE(Contains(bad, "id=\"regio-fout\"")) << "the region is optional";
  EXPECT_TRUE(Contains(bad, "value=\"&lt;b&gt;Welkom&lt;/b&gt;\""));
  EXPECT_TRUE(Contains(bad, "value=\"12345\""));
  std::string long_name = "naam=" + std::string(300, 'a') +
                          "&beschrijving=x&adres=x&postcode=2611HA&plaats=x&provincie=x";
  EXPECT_EQ(Post("/organisatie-aanmelden", long_name, Volunteer()).message.result_int(), 400);
  EXPECT_EQ(PostRaw("/organisatie-aanmelden", kRegistration, Volunteer()).message.result_int(),
            403);
  EXPECT_EQ(Post("/organisatie-aanmelden", std::string(kRegistration) + "%FF", Volunteer())
                .message.result_int(),
            400);
  EXPECT_TRUE(RequestsOf(VolunteerId()).empty()) << "nothing was registered";
  EXPECT_EQ(Post("/organisatie-aanmelden", kRegistration, "").message.result_int(), 303)
      << "signed out: to sign in";
}

// --- Review reminders
// ------------------------------------------------------------------------------

TEST_F(OrganizationPages, KeepersOfOldListingsAreRemindedInTheirLanguageOnce) {
  std::string admin_id =
      AccountWith("admin-a@example.org", {Role::kOrganizationAdmin, OrganizationId("a")});
  auto account = map_.store().accounts().AccountById(admin_id);
  ASSERT_TRUE(account.ok() && account->has_value());
  store::Account english = **account;
  english.language = "en";
  ASSERT_TRUE(map_.store().accounts().UpdateAccount(english).ok());
  AccountWith("admin-b@example.org", {Role::kOrganizationAdmin, OrganizationId("b")});
  const std::string today = Today();
  for (auto [key, date] : {std::pair<std::string, std::string>{"a", "2024-01-15"},
                           std::pair<std::string, std::string>{"b", today}}) {
    Record attribute = domain::TermAttribute("organization", OrganizationId(key),
                                             domain::LastVerifiedTermId(), date);
    ASSERT_TRUE(map_.store().Write(std::span<const Record>(&attribute, 1)).ok());
  }

  auto reminded = SendReviewReminders(map_.store(), "https://knooppunt.example", 12);
  ASSERT_TRUE(reminded.ok()) << reminded.error().message;
  EXPECT_EQ(*reminded, 1);
  auto mails = map_.store().accounts().DueMails("9999-12-31T00:00:00.000Z", 10);
  ASSERT_TRUE(mails.ok());
  ASSERT_EQ(mails->size(), 1u) << "only a's listing is old";
  const store::OutboxMail& mail = mails->front();
  EXPECT_EQ(mail.to_address, "admin-a@example.org");
  EXPECT_EQ(mail.language, "en");
  EXPECT_NE(mail.subject.find("Stichting Anker"), std::string::npos);
  EXPECT_NE(mail.body.find("https://knooppunt.example/en/organisatie/" + OrganizationId("a")),
            std::string::npos)
      << mail.body;
  // Not again until 30 days have passed, and not at all once confirmed.
  EXPECT_EQ(*SendReviewReminders(map_.store(), "https://knooppunt.example", 12), 0);
  EXPECT_EQ(map_.store().accounts().DueMails("9999-12-31T00:00:00.000Z", 10)->size(), 1u);
}

}  // namespace
}  // namespace knooppunt::web
