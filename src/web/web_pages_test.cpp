// The pages through the router (no sockets): languages and directions, first-visit language,
// results, 404s in the visitor's language, the report form with CSRF, rate limit and kept
// input, and hostile stored text rendered harmless.
#include "web/web_pages.h"

#include <gtest/gtest.h>

#include "http/router.h"
#include "search/search_index.h"
#include "search/search_testing.h"

namespace knooppunt::web {
namespace {

namespace beast_http = boost::beast::http;
using search::testing::OrganizationSpec;
using search::testing::ServiceId;
using search::testing::ServiceSpec;

constexpr std::string_view kHostile = "<script>alert(1)</script>\"'&<b>";

class WebPages : public ::testing::Test {
 protected:
  void SetUp() override {
    map_.Add(OrganizationSpec{.key = "kb", .name = "Leger des Heils", .verified_on = "2026-10-01"});
    map_.Add(ServiceSpec{.key = "kleding",
                         .organization = "kb",
                         .name = "Kledingbank",
                         .description = "Gratis jassen voor nieuwkomers.",
                         .needs = {"kleding"},
                         .languages = {"nl", "ar"},
                         .places = {{"Groningen", 53.2194, 6.5665}},
                         .hours = {{"MO,WE", "09:00", "12:00"}}});
    map_.Add(OrganizationSpec{.key = "evil", .name = std::string(kHostile)});
    map_.Add(ServiceSpec{.key = "evil",
                         .organization = "evil",
                         .name = "Kwaadaardig " + std::string(kHostile),
                         .description = std::string(kHostile),
                         .places = {{std::string(kHostile), 53.2, 6.5}}});
    auto index = search::SearchIndex::Open(map_.store(), {.path = map_.index_path()});
    ASSERT_TRUE(index.ok()) << index.error().message;
    index_ = std::move(*index);
    AddWebRoutes(router_, map_.store(), *index_, {.reports_per_window = 3});
  }

  http::Response Get(const std::string& target, const std::string& cookie = "taal=nl",
                     const std::string& accept_language = "") {
    http::Request request(beast_http::verb::get, target, 11);
    if (!cookie.empty()) request.set(beast_http::field::cookie, cookie);
    if (!accept_language.empty()) request.set(beast_http::field::accept_language, accept_language);
    return router_.Handle(request, nullptr, "192.0.2.1");
  }

  http::Response Post(const std::string& target, const std::string& body, const std::string& cookie,
                      const std::string& client = "192.0.2.1") {
    http::Request request(beast_http::verb::post, target, 11);
    request.set(beast_http::field::cookie, cookie);
    request.set(beast_http::field::content_type, "application/x-www-form-urlencoded");
    request.body() = body;
    request.prepare_payload();
    return router_.Handle(request, nullptr, client);
  }

  // The csrf cookie the service page hands out.
  std::string CsrfCookie() {
    http::Response page = Get("/dienst/" + ServiceId("kleding"));
    for (const auto& field : page.message) {
      if (field.name() != beast_http::field::set_cookie) continue;
      std::string value(field.value());
      if (value.starts_with("csrf=")) return value.substr(5, 36);
    }
    return "";
  }

  search::testing::TestMap map_;
  std::unique_ptr<search::SearchIndex> index_;
  http::Router router_;
};

bool Contains(const http::Response& response, std::string_view text) {
  return response.message.body().find(text) != std::string::npos;
}

TEST_F(WebPages, HomeIsDutchLeftToRightWithAStrictPolicy) {
  http::Response home = Get("/");
  EXPECT_EQ(home.message.result_int(), 200);
  EXPECT_TRUE(Contains(home, "<html lang=\"nl\" dir=\"ltr\""));
  EXPECT_TRUE(Contains(home, "Waar zoek je hulp bij?"));
  EXPECT_TRUE(Contains(home, "href=\"/thema/voedsel\""));
  std::string policy(home.message["Content-Security-Policy"]);
  EXPECT_NE(policy.find("script-src 'self'"), std::string::npos);
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
  EXPECT_FALSE(Contains(home, "<script>"));  // no inline script anywhere
}

TEST_F(WebPages, ArabicIsRightToLeftUnderItsPrefix) {
  http::Response home = Get("/ar/");
  EXPECT_EQ(home.message.result_int(), 200);
  EXPECT_TRUE(Contains(home, "<html lang=\"ar\" dir=\"rtl\""));
  EXPECT_TRUE(Contains(home, "href=\"/ar/thema/voedsel\""));
  EXPECT_FALSE(Contains(home, "Waar zoek je hulp bij?"));
}

TEST_F(WebPages, TheSwitcherKeepsThePageAndQuery) {
  http::Response page = Get("/zoeken?q=kleding");
  EXPECT_TRUE(Contains(page, "href=\"/ar/zoeken?q=kleding\""));
  EXPECT_TRUE(Contains(page, "href=\"/zoeken?q=kleding\" lang=\"nl\""));
}

TEST_F(WebPages, AcceptLanguageOnlyOnTheFirstVisit) {
  http::Response first = Get("/zoeken?q=kleding", "", "ar,en;q=0.5");
  EXPECT_EQ(first.message.result_int(), 302);
  EXPECT_EQ(first.message[beast_http::field::location], "/ar/zoeken?q=kleding");
  http::Response chosen = Get("/zoeken?q=kleding", "taal=nl", "ar,en;q=0.5");
  EXPECT_EQ(chosen.message.result_int(), 200);
  EXPECT_TRUE(Contains(chosen, "lang=\"nl\" dir=\"ltr\""));
}

TEST_F(WebPages, ResultsListServicesWithFiltersAndMap) {
  http::Response page = Get("/zoeken?q=kleding");
  EXPECT_EQ(page.message.result_int(), 200);
  EXPECT_TRUE(Contains(page, "Kledingbank"));
  EXPECT_TRUE(Contains(page, "href=\"/dienst/" + ServiceId("kleding") + "\""));
  EXPECT_TRUE(Contains(page, "1 resultaat"));
  EXPECT_TRUE(Contains(page, "name=\"plaats\" value=\"Groningen\""));
  EXPECT_TRUE(Contains(page, "kp-map-anchor"));
  page = Get("/zoeken?q=kleding&taal=ti");
  EXPECT_TRUE(Contains(page, "0 resultaten"));
}

TEST_F(WebPages, TopicPagesListTheirServices) {
  http::Response page = Get("/thema/kleding");
  EXPECT_EQ(page.message.result_int(), 200);
  EXPECT_TRUE(Contains(page, "Kledingbank"));
  EXPECT_TRUE(Contains(page, "action=\"/thema/kleding\""));  // filters stay within the topic
  EXPECT_EQ(Get("/thema/bestaat-niet").message.result_int(), 404);
}

TEST_F(WebPages, BadFilterValuesAreA400PageInTheVisitorsLanguage) {
  for (std::string target : {"/zoeken?thema=onbekend", "/zoeken?pagina=0", "/zoeken?pagina=abc",
                             "/zoeken?soort=kasteel", "/zoeken?bij=95,5", "/zoeken?open=later"}) {
    http::Response page = Get(target);
    EXPECT_EQ(page.message.result_int(), 400) << target;
    EXPECT_TRUE(Contains(page, "Dit begrijpen we niet")) << target;
  }
  EXPECT_TRUE(Contains(Get("/en/zoeken?pagina=0"), "lang=\"en\""));
}

TEST_F(WebPages, UnknownAddressesAreA404PageInTheVisitorsLanguage) {
  http::Response missing = Get("/ar/dienst/" + ServiceId("nothing"));
  EXPECT_EQ(missing.message.result_int(), 404);
  EXPECT_TRUE(Contains(missing, "lang=\"ar\" dir=\"rtl\""));
  EXPECT_EQ(Get("/dienst/not-a-uuid").message.result_int(), 404);
  EXPECT_EQ(Get("/bestaat/niet").message.result_int(), 404);
  EXPECT_EQ(Get("/organisatie/" + ServiceId("nothing")).message.result_int(), 404);
  // The API keeps answering JSON.
  http::Response api = Get("/api/nothing");
  EXPECT_EQ(api.message.result_int(), 404);
  EXPECT_EQ(api.message[beast_http::field::content_type].substr(0, 16), "application/json");
}

TEST_F(WebPages, ServicePageSaysWhatWhenAndWhere) {
  http::Response page = Get("/dienst/" + ServiceId("kleding"));
  EXPECT_EQ(page.message.result_int(), 200);
  EXPECT_TRUE(Contains(page, "Gratis jassen voor nieuwkomers."));
  EXPECT_TRUE(Contains(page, "maandag: 09:00 tot 12:00"));
  EXPECT_TRUE(Contains(page, "Hoofdstraat 1, 9700 AA Groningen"));
  EXPECT_TRUE(Contains(page, "Laatst gecontroleerd: 1 oktober 2026"));
  EXPECT_TRUE(Contains(page, "العربية"));  // a language offered, named in itself
  http::Response english = Get("/en/dienst/" + ServiceId("kleding"));
  EXPECT_TRUE(Contains(english, "lang=\"nl\" dir=\"ltr\">Gratis jassen"));  // Dutch-only, marked
}

TEST_F(WebPages, ReportNeedsTheFormsToken) {
  std::string target = "/dienst/" + ServiceId("kleding");
  http::Response forged = Post(target, "bericht=Verhuisd&email=", "taal=nl; csrf=" + CsrfCookie());
  EXPECT_EQ(forged.message.result_int(), 403);
  EXPECT_TRUE(Contains(forged, ">Verhuisd</textarea>"));  // what was typed is kept
  http::Response no_cookie = Post(target, "bericht=Verhuisd&csrf=abc", "taal=nl");
  EXPECT_EQ(no_cookie.message.result_int(), 403);
  EXPECT_TRUE(map_.store().ReportsFor(ServiceId("kleding"))->empty());
}

TEST_F(WebPages, ReportErrorsAreShownNextToTheFieldsWithInputKept) {
  std::string csrf = CsrfCookie();
  std::string target = "/dienst/" + ServiceId("kleding");
  http::Response empty = Post(target, "bericht=+++&email=x%40&csrf=" + csrf, "csrf=" + csrf);
  EXPECT_EQ(empty.message.result_int(), 400);
  EXPECT_TRUE(Contains(empty, "Schrijf wat er niet klopt."));
  EXPECT_TRUE(Contains(empty, "Dit e-mailadres klopt niet."));
  EXPECT_TRUE(Contains(empty, "value=\"x@\""));
  EXPECT_TRUE(Contains(empty, "aria-invalid=\"true\""));
  http::Response long_text =
      Post(target, "bericht=" + std::string(2001, 'a') + "&csrf=" + csrf, "csrf=" + csrf);
  EXPECT_EQ(long_text.message.result_int(), 400);
  http::Response bad_bytes = Post(target, "bericht=%FF%FE&csrf=" + csrf, "csrf=" + csrf);
  EXPECT_EQ(bad_bytes.message.result_int(), 400);
  EXPECT_TRUE(map_.store().ReportsFor(ServiceId("kleding"))->empty());
}

TEST_F(WebPages, ReportIsStoredThenThanked) {
  std::string csrf = CsrfCookie();
  std::string target = "/ar/dienst/" + ServiceId("kleding");
  http::Response sent =
      Post(target, "bericht=Het+adres+is+nu+Markt+2&email=a%40b.nl&csrf=" + csrf, "csrf=" + csrf);
  EXPECT_EQ(sent.message.result_int(), 303);
  EXPECT_EQ(sent.message[beast_http::field::location],
            "/ar/dienst/" + ServiceId("kleding") + "?bedankt=1#melding");
  auto reports = map_.store().ReportsFor(ServiceId("kleding"));
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_EQ((*reports)[0].message, "Het adres is nu Markt 2");
  EXPECT_EQ((*reports)[0].email, "a@b.nl");
  EXPECT_EQ((*reports)[0].language, "ar");
  EXPECT_EQ((*reports)[0].organization_id, search::testing::OrganizationId("kb"));
  EXPECT_TRUE(Contains(Get("/dienst/" + ServiceId("kleding") + "?bedankt=1"), "kp-notice"));
}

TEST_F(WebPages, ReportsAreRateLimitedPerAddress) {
  std::string csrf = CsrfCookie();
  std::string target = "/dienst/" + ServiceId("kleding");
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Post(target, "bericht=Fout&csrf=" + csrf, "csrf=" + csrf).message.result_int(), 303);
  }
  http::Response limited = Post(target, "bericht=Nog+een&csrf=" + csrf, "csrf=" + csrf);
  EXPECT_EQ(limited.message.result_int(), 429);
  EXPECT_FALSE(limited.message[beast_http::field::retry_after].empty());
  EXPECT_TRUE(Contains(limited, ">Nog een</textarea>"));
  // Another address is not affected.
  EXPECT_EQ(
      Post(target, "bericht=Fout&csrf=" + csrf, "csrf=" + csrf, "192.0.2.2").message.result_int(),
      303);
  EXPECT_EQ(map_.store().ReportsFor(ServiceId("kleding"))->size(), 4u);
}

TEST_F(WebPages, HostileStoredTextIsRenderedAsText) {
  for (const std::string& target : std::vector<std::string>{
           "/zoeken?q=kwaadaardig", "/dienst/" + ServiceId("evil"),
           "/organisatie/" + search::testing::OrganizationId("evil"), "/ar/zoeken?q=kwaadaardig"}) {
    http::Response page = Get(target);
    EXPECT_EQ(page.message.result_int(), 200) << target;
    EXPECT_FALSE(Contains(page, "<script>alert(1)</script>")) << target;
    EXPECT_FALSE(Contains(page, "<b>")) << target;
    EXPECT_TRUE(Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;")) << target;
  }
}

TEST_F(WebPages, HostileQueriesAreRenderedAsText) {
  http::Response page = Get("/zoeken?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27");
  EXPECT_EQ(page.message.result_int(), 200);
  EXPECT_FALSE(Contains(page, "<script>alert(1)"));
  EXPECT_TRUE(Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST_F(WebPages, PagesAreCompressedForClientsThatAcceptIt) {
  http::Request request(beast_http::verb::get, "/zoeken?q=kleding", 11);
  request.set(beast_http::field::cookie, "taal=nl");
  request.set(beast_http::field::accept_encoding, "gzip, deflate, br");
  http::Response page = router_.Handle(request);
  EXPECT_EQ(page.message[beast_http::field::content_encoding], "gzip");
  EXPECT_EQ(static_cast<unsigned char>(page.message.body()[0]), 0x1f);  // gzip magic
  EXPECT_LT(page.message.body().size(), Get("/zoeken?q=kleding").message.body().size() / 2);
}

TEST_F(WebPages, MalformedAddressesGetAPageInTheVisitorsLanguage) {
  http::Response page = Get("/zoeken?q=%FF%FE");
  EXPECT_EQ(page.message.result_int(), 400);
  EXPECT_TRUE(Contains(page, "Dit begrijpen we niet"));
  EXPECT_TRUE(Contains(Get("/ar/zoeken?q=abc%ZZ"), "lang=\"ar\" dir=\"rtl\""));
  http::Response api = Get("/api/services?search=%FF");
  EXPECT_EQ(api.message.result_int(), 400);
  EXPECT_EQ(api.message[beast_http::field::content_type].substr(0, 16), "application/json");
}

TEST_F(WebPages, SitemapListsThePages) {
  http::Response sitemap = Get("/sitemap.xml");
  EXPECT_EQ(sitemap.message.result_int(), 200);
  EXPECT_TRUE(Contains(sitemap, "/dienst/" + ServiceId("kleding") + "</loc>"));
  EXPECT_TRUE(Contains(sitemap, "/thema/voedsel</loc>"));
}

}  // namespace
}  // namespace knooppunt::web
