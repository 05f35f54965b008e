// The JSON API of supply and demand through the router (no sockets), over a real SQLite store
// and Exchange, with the authenticator the program installs (a session cookie or an API key):
// the shape of every answer (the public one without accounts and with rounded places), the
// status of every refusal, CSRF for sessions, bodies that are refused naming the property and
// change nothing, and a whole flow from a posting to messages between the matched people.
#include "api/exchange_api.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/accounts_testing.h"
#include "accounts/token.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "exchange/test_support.h"
#include "http/router.h"

namespace knooppunt::api {
namespace {

namespace beast_http = boost::beast::http;
namespace json = boost::json;
using domain::Role;
using exchange::test_support::kKmOfLatitude;
using exchange::test_support::kLatitude;
using exchange::test_support::kLongitude;

constexpr char kSessionCookie[] = "sessie";
constexpr char kCsrf[] = "00000000-0000-4000-8000-000000000000";

// Who sends a request: a session (with or without the CSRF header), an API key, or nobody.
struct Caller {
  std::string session = "";         // the session cookie's value
  std::string csrf_header = kCsrf;  // X-CSRF-Token beside a session; empty: none sent
  std::string key = "";             // sent as Authorization: Bearer
};

json::value Parsed(const http::Response& response) {
  boost::system::error_code error;
  json::value value = json::parse(response.message.body(), error);
  EXPECT_FALSE(error) << response.message.body();
  return value;
}

int StatusOf(const http::Response& response) { return response.message.result_int(); }

// error.parameter of a JSON error answer; empty when it names none.
std::string ParameterOf(const http::Response& response) {
  json::value body = Parsed(response);
  std::error_code error;
  const json::value* parameter = body.find_pointer("/error/parameter", error);
  return parameter != nullptr && parameter->is_string() ? std::string(parameter->as_string()) : "";
}

std::string MessageOf(const http::Response& response) {
  json::value body = Parsed(response);
  std::error_code error;
  const json::value* message = body.find_pointer("/error/message", error);
  return message != nullptr && message->is_string() ? std::string(message->as_string()) : "";
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string Text(const json::value& value, std::string_view key) {
  const json::value* found = value.as_object().if_contains(key);
  return found != nullptr && found->is_string() ? std::string(found->as_string()) : "";
}

// A request for volunteers 2 km north of VolunteerProfileBody's home, in Dutch, as JSON.
json::object RequestBody(const std::string& title = "Help at the food bank") {
  return {{"kind", "volunteer_work"},
          {"side", "request"},
          {"title", title},
          {"description", "Sorting food on Saturdays."},
          {"languages", json::array{"nl"}},
          {"place_name", "Groningen"},
          {"latitude", kLatitude + 2 / kKmOfLatitude},
          {"longitude", kLongitude},
          {"radius_km", 15}};
}

// Someone in Groningen who offers volunteer work and speaks Dutch (B1), as JSON.
json::object VolunteerProfileBody() {
  return {{"wants", json::array{"volunteer_work:offer"}},
          {"languages", json::array{json::object{{"code", "nl"}, {"level", "B1"}}}},
          {"place_name", "Groningen"},
          {"latitude", kLatitude},
          {"longitude", kLongitude},
          {"travel_km", 10}};
}

class ExchangeApi : public ::testing::Test {
 protected:
  void SetUp() override {
    bench_ = exchange::test_support::MakeBench();
    ASSERT_NE(bench_, nullptr);
    accounts_ = std::make_unique<accounts::Accounts>(
        *bench_->store,
        accounts::AccountsOptions{.password = accounts::FastPasswordOptionsForTests()});
    AddExchangeRoutes(router_, *bench_->store, *bench_->exchange);
    accounts::Accounts& accounts = *accounts_;
    router_.Authenticate([&accounts](const http::Request& request) -> Result<domain::Actor> {
      std::string_view authorization = request[beast_http::field::authorization];
      if (authorization.starts_with("Bearer ")) {
        return accounts.AuthenticateKey(authorization.substr(7));
      }
      std::string session = http::CookieValue(request, kSessionCookie);
      if (session.empty()) return domain::Actor{};
      return accounts.Authenticate(session);
    });
  }

  // The account of `name` holding `grant`, made once.
  std::string AccountOf(const std::string& name, const domain::Grant& grant) {
    std::string& id = account_ids_[name];
    if (id.empty()) {
      auto created =
          accounts_->CreateVerified(name + "@example.org", "een lang genoeg wachtwoord", grant);
      EXPECT_TRUE(created.ok()) << created.error().message;
      if (created.ok()) id = *created;
    }
    return id;
  }
  std::string PersonId(const std::string& name) {
    return AccountOf(name, {Role::kParticipant, ""});
  }
  std::string StaffId() { return AccountOf("loket", {Role::kHelpDesk, "Groningen"}); }

  // A new session of the account, past the second factor.
  Caller SessionOf(const std::string& account_id) {
    return {.session = accounts::testing::StartSession(*bench_->store, account_id)};
  }
  Caller Person(const std::string& name) { return SessionOf(PersonId(name)); }
  Caller Staff() { return SessionOf(StaffId()); }

  http::Response Send(beast_http::verb method, const std::string& target, const Caller& caller,
                      const std::string& body = "",
                      const std::string& content_type = "application/json") {
    http::Request request(method, target, 11);
    std::string cookie = "csrf=" + std::string(kCsrf);
    if (!caller.session.empty())
      cookie += "; " + std::string(kSessionCookie) + "=" + caller.session;
    request.set(beast_http::field::cookie, cookie);
    if (!caller.session.empty() && !caller.csrf_header.empty()) {
      request.set("X-CSRF-Token", caller.csrf_header);
    }
    if (!caller.key.empty()) request.set(beast_http::field::authorization, "Bearer " + caller.key);
    if (!body.empty()) request.set(beast_http::field::content_type, content_type);
    request.body() = body;
    request.prepare_payload();
    return router_.Handle(request, nullptr, "192.0.2.7");
  }
  http::Response Get(const std::string& target, const Caller& caller = {}) {
    return Send(beast_http::verb::get, target, caller);
  }
  http::Response Post(const std::string& target, const json::value& body, const Caller& caller) {
    return Send(beast_http::verb::post, target, caller, json::serialize(body));
  }
  http::Response Put(const std::string& target, const json::value& body, const Caller& caller) {
    return Send(beast_http::verb::put, target, caller, json::serialize(body));
  }
  http::Response Delete(const std::string& target, const Caller& caller) {
    return Send(beast_http::verb::delete_, target, caller);
  }

  // A posting written through the API; its JSON (a test failure and null when refused).
  json::value MustPost(const Caller& caller, json::object body) {
    http::Response response = Post("/api/postings", body, caller);
    EXPECT_EQ(StatusOf(response), 201) << response.message.body();
    return StatusOf(response) == 201 ? Parsed(response) : json::value();
  }
  // An open posting of `author` (approved by the help desk when needed); its id.
  std::string OpenPosting(const std::string& author, json::object body = RequestBody()) {
    body["submit"] = true;
    std::string id = Text(MustPost(Person(author), body), "id");
    http::Response approved =
        Post("/api/postings/" + id + "/status", {{"status", "open"}}, Staff());
    EXPECT_EQ(StatusOf(approved), 200) << approved.message.body();
    return id;
  }
  // A consenting volunteer profile for `name`.
  void Volunteer(const std::string& name) {
    Caller caller = Person(name);
    http::Response saved = Put("/api/profiles/me", VolunteerProfileBody(), caller);
    ASSERT_EQ(StatusOf(saved), 200) << saved.message.body();
    http::Response consent = Post("/api/profiles/me/consent", {{"consent", true}}, caller);
    ASSERT_EQ(StatusOf(consent), 200) << consent.message.body();
  }
  // A matching round run by the help desk; its JSON ({"round", "proposals"}).
  json::value RunRound() {
    http::Response response = Post("/api/match-rounds", json::object{}, Staff());
    EXPECT_EQ(StatusOf(response), 201) << response.message.body();
    return Parsed(response);
  }

  // What a refused request must leave alone.
  struct Snapshot {
    int64_t postings = 0;
    size_t audit = 0;
    bool operator==(const Snapshot&) const = default;
  };
  Snapshot Take() {
    auto page = bench_->postings().ListPostings({}, 1, 1);
    EXPECT_TRUE(page.ok());
    return {.postings = page.ok() ? page->total : -1,
            .audit = exchange::test_support::AuditLog(*bench_).size()};
  }

  store::PostingRecord Stored(const std::string& id) {
    return exchange::test_support::Stored(*bench_, id);
  }

  std::unique_ptr<exchange::test_support::Bench> bench_;
  std::unique_ptr<accounts::Accounts> accounts_;
  http::Router router_;
  std::map<std::string, std::string> account_ids_;
};

// The public shape: every field but the accounts behind the posting.
const std::vector<std::string> kPublicFields = {
    "id",           "kind",        "side",       "status",         "organization_id", "title",
    "description",  "languages",   "place_name", "latitude",       "longitude",       "radius_km",
    "availability", "starts_on",   "ends_on",    "capacity",       "certificates",    "min_dutch",
    "min_age",      "skills",      "terms",      "goods_category", "delivery",        "seats",
    "facilities",   "price_cents", "created_at", "updated_at"};

void ExpectPublicShape(const json::value& posting) {
  const json::object& object = posting.as_object();
  for (const std::string& field : kPublicFields) {
    EXPECT_TRUE(object.contains(field)) << "lacks " << field << ": " << json::serialize(posting);
  }
  EXPECT_EQ(object.size(), kPublicFields.size()) << json::serialize(posting);
  EXPECT_FALSE(object.contains("author_id"));
  EXPECT_FALSE(object.contains("moderated_by"));
}

// --- The public list and one posting ---------------------------------------------------------

TEST_F(ExchangeApi, PublicListShowsOpenPostingsWithoutAccountsAndWithRoundedPlaces) {
  std::string open = OpenPosting("anna");
  json::object draft = RequestBody("A draft nobody sees");
  MustPost(Person("anna"), draft);

  http::Response response = Get("/api/postings");
  ASSERT_EQ(StatusOf(response), 200) << response.message.body();
  json::value page = Parsed(response);
  EXPECT_EQ(page.at("total"), 1);
  EXPECT_EQ(page.at("page"), 1);
  EXPECT_EQ(page.at("per_page"), 20);
  ASSERT_EQ(page.at("postings").as_array().size(), 1u);
  const json::value& posting = page.at("postings").at(0);
  ExpectPublicShape(posting);
  EXPECT_EQ(posting.at("id"), json::value(open));
  EXPECT_EQ(posting.at("status"), "open");
  EXPECT_EQ(posting.at("languages"), json::array{"nl"});
  // 53.2374 … and 6.5665 exactly: two decimals are about a kilometre.
  double exact = kLatitude + 2 / kKmOfLatitude;
  EXPECT_DOUBLE_EQ(posting.at("latitude").to_number<double>(), 53.24);
  EXPECT_DOUBLE_EQ(posting.at("longitude").to_number<double>(), 6.57);
  EXPECT_NE(posting.at("latitude").to_number<double>(), exact);
  EXPECT_EQ(response.message.body().find(PersonId("anna")), std::string::npos)
      << "no account id anywhere in the public list";
  // The author sees the public list in the public shape too.
  ExpectPublicShape(Parsed(Get("/api/postings", Person("anna"))).at("postings").at(0));
}

TEST_F(ExchangeApi, PublicListFiltersByKindSideAndTextAndPages) {
  for (int i = 0; i < 21; ++i)
    OpenPosting("anna", RequestBody("Food bank shift " + std::to_string(i)));
  json::object goods = RequestBody("Winter coats to give away");
  goods["kind"] = "goods";
  goods["side"] = "offer";
  goods["delivery"] = "pickup";
  std::string coats = OpenPosting("bert", goods);

  json::value first = Parsed(Get("/api/postings"));
  EXPECT_EQ(first.at("total"), 22);
  EXPECT_EQ(first.at("postings").as_array().size(), 20u);
  json::value second = Parsed(Get("/api/postings?page=2&per_page=20"));
  EXPECT_EQ(second.at("postings").as_array().size(), 2u);
  EXPECT_EQ(second.at("page"), 2);

  for (std::string query :
       {"kind=goods", "side=offer", "q=winter+COATS", "kind=goods&side=offer"}) {
    json::value found = Parsed(Get("/api/postings?" + query));
    EXPECT_EQ(found.at("total"), 1) << query;
    ASSERT_EQ(found.at("postings").as_array().size(), 1u) << query;
    EXPECT_EQ(found.at("postings").at(0).at("id"), json::value(coats)) << query;
  }
  EXPECT_EQ(Parsed(Get("/api/postings?kind=goods&side=request")).at("total"), 0);
  EXPECT_EQ(Parsed(Get("/api/postings?per_page=100")).at("postings").as_array().size(), 22u);
}

TEST_F(ExchangeApi, PublicListRefusesBadParametersNamingThem) {
  struct Case {
    std::string query;
    std::string parameter;
  };
  for (const Case& c : std::vector<Case>{{"kind=room", "kind"},
                                         {"side=both", "side"},
                                         {"page=0", "page"},
                                         {"page=abc", "page"},
                                         {"page=1.5", "page"},
                                         {"page=99999999999999999999", "page"},
                                         {"per_page=0", "per_page"},
                                         {"per_page=101", "per_page"},
                                         {"page=1099511627776", "page"},
                                         {"q=" + std::string(101, 'x'), "q"}}) {
    http::Response response = Get("/api/postings?" + c.query);
    EXPECT_EQ(StatusOf(response), 400) << c.query << ": " << response.message.body();
    EXPECT_EQ(ParameterOf(response), c.parameter) << c.query;
  }
  EXPECT_EQ(StatusOf(Get("/api/postings?q=" + std::string(100, 'x'))), 200);
}

TEST_F(ExchangeApi, OpenPostingsAreForAnyoneAndDraftsForTheirAuthorAndModerators) {
  std::string open = OpenPosting("anna");
  std::string draft = Text(MustPost(Person("anna"), RequestBody("Still writing")), "id");

  http::Response anonymous = Get("/api/postings/" + open);
  ASSERT_EQ(StatusOf(anonymous), 200) << anonymous.message.body();
  ExpectPublicShape(Parsed(anonymous));
  ExpectPublicShape(Parsed(Get("/api/postings/" + open, Person("bert"))));

  for (const Caller& stranger : {Caller{}, Person("bert")}) {
    http::Response hidden = Get("/api/postings/" + draft, stranger);
    EXPECT_EQ(StatusOf(hidden), 404) << hidden.message.body();
    EXPECT_NE(MessageOf(hidden).find(draft), std::string::npos) << "names the id asked for";
  }
  for (const Caller& insider : {Person("anna"), Staff()}) {
    http::Response own = Get("/api/postings/" + draft, insider);
    ASSERT_EQ(StatusOf(own), 200) << own.message.body();
    json::value posting = Parsed(own);
    EXPECT_EQ(posting.at("author_id"), json::value(PersonId("anna")));
    EXPECT_TRUE(posting.as_object().contains("moderated_by"));
    EXPECT_DOUBLE_EQ(posting.at("latitude").to_number<double>(), kLatitude + 2 / kKmOfLatitude)
        << "the author's own place is exact";
  }

  // Ids are UUIDs in either case.
  http::Response upper = Get("/api/postings/" + Upper(open));
  EXPECT_EQ(StatusOf(upper), 200) << upper.message.body();
  http::Response malformed = Get("/api/postings/12345");
  EXPECT_EQ(StatusOf(malformed), 400);
  EXPECT_EQ(ParameterOf(malformed), "id");
  std::string unknown = domain::RandomUuid();
  http::Response missing = Get("/api/postings/" + unknown);
  EXPECT_EQ(StatusOf(missing), 404);
  EXPECT_NE(MessageOf(missing).find(unknown), std::string::npos);
}

// --- Writing postings -------------------------------------------------------------------------

TEST_F(ExchangeApi, PostKeepsADraftOrSubmitsAndAnswersWithTheStoredPostingAndItsAddress) {
  json::object body = RequestBody();
  body["availability"] = json::array{json::object{{"weekday", 5}, {"part", "morning"}},
                                     json::object{{"weekday", 0}, {"part", "evening"}}};
  body["ends_on"] = "2099-12-31";
  body["skills"] = json::array{"sorting", "lifting"};
  http::Response response = Post("/api/postings", body, Person("anna"));
  ASSERT_EQ(StatusOf(response), 201) << response.message.body();
  json::value posting = Parsed(response);
  std::string id = Text(posting, "id");
  EXPECT_EQ(std::string(response.message[beast_http::field::location]), "/api/postings/" + id);
  EXPECT_EQ(posting.at("status"), "draft");
  EXPECT_EQ(posting.at("author_id"), json::value(PersonId("anna")));
  EXPECT_EQ(posting.at("availability"),
            json::parse(R"([{"weekday":0,"part":"evening"},{"weekday":5,"part":"morning"}])"));
  EXPECT_EQ(posting.at("ends_on"), "2099-12-31");
  EXPECT_EQ(posting.at("organization_id"), nullptr);
  store::PostingRecord stored = Stored(id);
  EXPECT_EQ(stored.title, "Help at the food bank");
  EXPECT_EQ(stored.skills, (std::vector<std::string>{"sorting", "lifting"}));
  EXPECT_EQ(stored.author_id, PersonId("anna"));

  body["submit"] = true;
  json::value submitted = MustPost(Person("anna"), body);
  EXPECT_EQ(submitted.at("status"), "awaiting_moderation") << "a person is not trusted yet";
  json::value trusted = MustPost(Staff(), body);
  EXPECT_EQ(trusted.at("status"), "open") << "the help desk is";
}

TEST_F(ExchangeApi, MalformedPostingBodiesAreRefusedNamingTheCulpritAndStoreNothing) {
  Caller anna = Person("anna");
  Snapshot before = Take();
  // A valid posting with `property` set to the JSON `value`.
  auto with = [](const std::string& property, const std::string& value) {
    json::object body = RequestBody();
    body.erase(property);
    std::string text = json::serialize(body);
    if (property.empty()) return text;
    text.pop_back();
    return text + ", \"" + property + "\": " + value + "}";
  };
  struct Case {
    std::string body;
    std::string parameter;
  };
  for (const Case& c : std::vector<Case>{
           {"{not json", "body"},
           {R"([{"title": "Help"}])", "body"},
           {R"("Help")", "body"},
           {with("", "") + " trailing", "body"},
           {"{\"title\": \"\xff\xfe\"}", "body"},
           {"{\"title\": \"caf\xc3\"}", "body"},
           {with("title", "5"), "title"},
           {with("title", R"("x")"), "title"},
           {with("title", "\"" + std::string(121, 'x') + "\""), "title"},
           {with("title", R"("A\u0000B")"), "title"},
           {with("kind", R"("room")"), "kind"},
           {with("kind", "null"), "kind"},
           {with("capacity", "1.5"), "capacity"},
           {with("capacity", R"("3")"), "capacity"},
           {with("capacity", "99999999999"), "capacity"},
           {with("capacity", "0"), "capacity"},
           {with("languages", R"("nl")"), "languages"},
           {with("languages", "[1]"), "languages[0]"},
           {with("languages", R"(["Dutch"])"), "languages[0]"},
           {with("latitude", R"("53.2")"), "latitude"},
           {with("latitude", "91"), "latitude"},
           {with("radius_km", "true"), "radius_km"},
           {with("availability", R"({"weekday": 1})"), "availability"},
           {with("availability", "[3]"), "availability[0]"},
           {with("availability", R"([{"weekday": 7, "part": "morning"}])"),
            "availability[0].weekday"},
           {with("availability", R"([{"weekday": "Monday", "part": "morning"}])"),
            "availability[0].weekday"},
           {with("availability", R"([{"part": "morning"}])"), "availability[0].weekday"},
           {with("availability", R"([{"weekday": 1, "part": "night"}])"), "availability[0].part"},
           {with("availability", R"([{"weekday": 1, "part": "morning", "hour": 9}])"),
            "availability[0].hour"},
           {with("organization_id", R"("not-a-uuid")"), "organization_id"},
           {with("organization_id", "1"), "organization_id"},
           {with("ends_on", R"("31-12-2099")"), "ends_on"},
           {with("submit", R"("yes")"), "submit"},
           {with("colour", R"("red")"), "colour"},
           {with("status", R"("open")"), "status"},
           {with("author_id", "\"" + domain::RandomUuid() + "\""), "author_id"},
           {with("id", "\"" + domain::RandomUuid() + "\""), "id"},
           {with("created_at", R"("2020-01-01T00:00:00Z")"), "created_at"},
           {with("moderated_by", "null"), "moderated_by"},
           {"{}", "kind"},
       }) {
    http::Response response = Send(beast_http::verb::post, "/api/postings", anna, c.body);
    EXPECT_EQ(StatusOf(response), 400) << c.body << ": " << response.message.body();
    EXPECT_EQ(ParameterOf(response), c.parameter) << c.body;
  }
  // A lone surrogate is no text either: refused as malformed JSON or as a bad value.
  http::Response surrogate =
      Send(beast_http::verb::post, "/api/postings", anna, with("description", R"("\ud800")"));
  EXPECT_EQ(StatusOf(surrogate), 400) << surrogate.message.body();

  http::Response form = Send(beast_http::verb::post, "/api/postings", anna, "title=Help",
                             "application/x-www-form-urlencoded");
  EXPECT_EQ(StatusOf(form), 415);
  EXPECT_EQ(ParameterOf(form), "Content-Type");
  http::Response huge = Send(beast_http::verb::post, "/api/postings", anna,
                             with("description", "\"" + std::string(300 * 1024, 'x') + "\""));
  EXPECT_EQ(StatusOf(huge), 413);
  EXPECT_EQ(ParameterOf(huge), "body");
  http::Response long_text = Send(beast_http::verb::post, "/api/postings", anna,
                                  with("description", "\"" + std::string(5001, 'x') + "\""));
  EXPECT_EQ(StatusOf(long_text), 400);
  EXPECT_EQ(ParameterOf(long_text), "description");
  EXPECT_EQ(Take(), before);

  // The same body without its fault is stored.
  EXPECT_EQ(StatusOf(Send(beast_http::verb::post, "/api/postings", anna, with("", ""))), 201);
}

TEST_F(ExchangeApi, HostileTextIsStoredAsTextAndGivenBackEscaped) {
  const std::string hostile =
      "<script>alert(\"x\")</script>'; DROP TABLE posting;-- \\ %s {{7*7}} \u202e\u200b \U0001F600";
  json::object body = RequestBody();
  body["description"] = hostile;
  body["place_name"] = "</script><img src=x onerror=alert(1)>";
  json::value posting = MustPost(Person("anna"), body);
  EXPECT_EQ(posting.at("description"), json::value(hostile));
  std::string id = Text(posting, "id");
  EXPECT_EQ(Stored(id).description, hostile);
  http::Response read = Get("/api/postings/" + id, Person("anna"));
  EXPECT_TRUE(
      std::string(read.message[beast_http::field::content_type]).starts_with("application/json"));
  EXPECT_EQ(read.message.body().find("alert(\"x\")"), std::string::npos) << "quotes are escaped";
  EXPECT_EQ(Parsed(read).at("description"), json::value(hostile));
}

TEST_F(ExchangeApi, PutReplacesWhatTheAuthorWritesAndKeepsStatusAndAuthor) {
  json::object body = RequestBody();
  body["skills"] = json::array{"sorting"};
  std::string id = Text(MustPost(Person("anna"), body), "id");
  json::object changed = RequestBody("Help at the food bank on Sundays");
  changed["capacity"] = 3;
  http::Response response = Put("/api/postings/" + id, changed, Person("anna"));
  ASSERT_EQ(StatusOf(response), 200) << response.message.body();
  json::value posting = Parsed(response);
  EXPECT_EQ(posting.at("title"), "Help at the food bank on Sundays");
  EXPECT_EQ(posting.at("capacity"), 3);
  EXPECT_EQ(posting.at("skills"), json::array()) << "left out: back to empty";
  EXPECT_EQ(posting.at("status"), "draft");
  EXPECT_EQ(Stored(id).author_id, PersonId("anna"));
  EXPECT_EQ(Stored(id).capacity, 3);

  std::string open = OpenPosting("anna");
  Caller bert = Person("bert");
  Snapshot before = Take();
  http::Response stranger = Put("/api/postings/" + id, changed, bert);
  EXPECT_EQ(StatusOf(stranger), 404) << "a draft of someone else is not there for bert";
  EXPECT_EQ(StatusOf(Put("/api/postings/" + open, changed, bert)), 403);
  EXPECT_EQ(StatusOf(Put("/api/postings/" + domain::RandomUuid(), changed, Person("anna"))), 404);
  http::Response status = Put("/api/postings/" + id, {{"status", "open"}}, Person("anna"));
  EXPECT_EQ(StatusOf(status), 400);
  EXPECT_EQ(ParameterOf(status), "status");
  http::Response incomplete =
      Put("/api/postings/" + id, {{"title", "Only a title"}}, Person("anna"));
  EXPECT_EQ(StatusOf(incomplete), 400) << "a PUT is the whole posting";
  EXPECT_EQ(ParameterOf(incomplete), "kind");
  EXPECT_EQ(Stored(id).title, "Help at the food bank on Sundays");
  EXPECT_EQ(Take(), before);
}

TEST_F(ExchangeApi, StatusRouteSubmitsApprovesClosesAndRefusesWhatTheRulesRefuse) {
  std::string id = Text(MustPost(Person("anna"), RequestBody()), "id");
  const std::string target = "/api/postings/" + id + "/status";
  http::Response submitted = Post(target, {{"status", "open"}}, Person("anna"));
  ASSERT_EQ(StatusOf(submitted), 200) << submitted.message.body();
  EXPECT_EQ(Parsed(submitted).at("status"), "awaiting_moderation") << "trust decides";

  EXPECT_EQ(StatusOf(Post(target, {{"status", "open"}}, Person("anna"))), 403)
      << "only the help desk approves";
  EXPECT_EQ(StatusOf(Post(target, {{"status", "open"}}, Person("bert"))), 404);
  http::Response approved = Post(target, {{"status", "open"}}, Staff());
  ASSERT_EQ(StatusOf(approved), 200) << approved.message.body();
  EXPECT_EQ(Parsed(approved).at("moderated_by"), json::value(StaffId()));
  EXPECT_EQ(bench_->notifier.Of("moderated").size(), 1u);

  struct Case {
    json::object body;
    int status;
    std::string parameter;
  };
  for (const Case& c : std::vector<Case>{{{{"status", "expired"}}, 400, "status"},
                                         {{{"status", "sold"}}, 400, "status"},
                                         {{{"status", 1}}, 400, "status"},
                                         {json::object{}, 400, "status"},
                                         {{{"status", "open"}, {"why", "x"}}, 400, "why"},
                                         {{{"status", "awaiting_moderation"}}, 409, "status"}}) {
    http::Response response = Post(target, c.body, Person("anna"));
    EXPECT_EQ(StatusOf(response), c.status) << json::serialize(c.body) << response.message.body();
    EXPECT_EQ(ParameterOf(response), c.parameter) << json::serialize(c.body);
  }
  http::Response closed = Post(target, {{"status", "closed"}}, Person("anna"));
  EXPECT_EQ(Parsed(closed).at("status"), "closed");
  EXPECT_EQ(StatusOf(Post(target, {{"status", "open"}}, Person("anna"))), 409);
  EXPECT_EQ(Stored(id).status, "closed");
  http::Response unknown =
      Post("/api/postings/" + domain::RandomUuid() + "/status", {{"status", "open"}}, Staff());
  EXPECT_EQ(StatusOf(unknown), 404);
}

TEST_F(ExchangeApi, MineListsTheAuthorsOwnInEveryStatusWithEveryField) {
  OpenPosting("anna");
  MustPost(Person("anna"), RequestBody("A draft"));
  OpenPosting("bert");
  http::Response response = Get("/api/postings/mine?per_page=1", Person("anna"));
  ASSERT_EQ(StatusOf(response), 200) << response.message.body();
  json::value page = Parsed(response);
  EXPECT_EQ(page.at("total"), 2);
  EXPECT_EQ(page.at("per_page"), 1);
  ASSERT_EQ(page.at("postings").as_array().size(), 1u);
  EXPECT_EQ(page.at("postings").at(0).at("author_id"), json::value(PersonId("anna")));
  EXPECT_EQ(Parsed(Get("/api/postings/mine?page=2&per_page=1", Person("anna")))
                .at("postings")
                .as_array()
                .size(),
            1u);
  EXPECT_EQ(StatusOf(Get("/api/postings/mine")), 401);
  EXPECT_EQ(ParameterOf(Get("/api/postings/mine?per_page=500", Person("anna"))), "per_page");
}

TEST_F(ExchangeApi, TheModerationQueueIsForModerators) {
  json::object body = RequestBody("Waiting for the help desk");
  body["submit"] = true;
  std::string waiting = Text(MustPost(Person("anna"), body), "id");
  OpenPosting("bert");
  EXPECT_EQ(StatusOf(Get("/api/postings/queue")), 401);
  EXPECT_EQ(StatusOf(Get("/api/postings/queue", Person("anna"))), 403);
  http::Response response = Get("/api/postings/queue", Staff());
  ASSERT_EQ(StatusOf(response), 200) << response.message.body();
  json::value page = Parsed(response);
  EXPECT_EQ(page.at("total"), 1);
  ASSERT_EQ(page.at("postings").as_array().size(), 1u);
  EXPECT_EQ(page.at("postings").at(0).at("id"), json::value(waiting));
  EXPECT_EQ(page.at("postings").at(0).at("author_id"), json::value(PersonId("anna")));
}

// --- Profiles ---------------------------------------------------------------------------------

TEST_F(ExchangeApi, AProfileIsWrittenReadConsentedAndDeleted) {
  Caller anna = Person("anna");
  http::Response none = Get("/api/profiles/me", anna);
  EXPECT_EQ(StatusOf(none), 404);
  EXPECT_EQ(ParameterOf(none), "profile");

  json::object body = VolunteerProfileBody();
  body["certificates"] = json::array{json::object{{"kind", "vog"}, {"valid_until", "2099-01-01"}}};
  body["availability"] = json::array{json::object{{"weekday", 6}, {"part", "afternoon"}}};
  body["birth_date"] = "1990-05-01";
  http::Response saved = Put("/api/profiles/me", body, anna);
  ASSERT_EQ(StatusOf(saved), 200) << saved.message.body();
  json::value profile = Parsed(saved);
  EXPECT_EQ(profile.at("account_id"), json::value(PersonId("anna")));
  EXPECT_EQ(profile.at("languages"), json::parse(R"([{"code":"nl","level":"B1"}])"));
  EXPECT_EQ(profile.at("certificates"),
            json::parse(R"([{"kind":"vog","valid_until":"2099-01-01"}])"));
  EXPECT_EQ(profile.at("availability"), json::parse(R"([{"weekday":6,"part":"afternoon"}])"));
  EXPECT_EQ(profile.at("birth_date"), "1990-05-01");
  EXPECT_EQ(profile.at("consent_at"), nullptr);
  EXPECT_NE(profile.at("waiting_since"), "");
  EXPECT_DOUBLE_EQ(profile.at("latitude").to_number<double>(), kLatitude) << "their own: exact";
  EXPECT_EQ(Parsed(Get("/api/profiles/me", anna)), profile);

  http::Response consent = Post("/api/profiles/me/consent", {{"consent", true}}, anna);
  ASSERT_EQ(StatusOf(consent), 200) << consent.message.body();
  EXPECT_TRUE(Parsed(consent).at("consent_at").is_string());
  // Saving again keeps the consent: it is given only through its own route.
  EXPECT_TRUE(Parsed(Put("/api/profiles/me", body, anna)).at("consent_at").is_string());
  EXPECT_EQ(Parsed(Post("/api/profiles/me/consent", {{"consent", false}}, anna)).at("consent_at"),
            nullptr);

  http::Response deleted = Delete("/api/profiles/me", anna);
  EXPECT_EQ(StatusOf(deleted), 204);
  EXPECT_TRUE(deleted.message.body().empty());
  EXPECT_EQ(StatusOf(Get("/api/profiles/me", anna)), 404);
  EXPECT_EQ(StatusOf(Delete("/api/profiles/me", anna)), 404);
  EXPECT_EQ(StatusOf(Post("/api/profiles/me/consent", {{"consent", true}}, anna)), 404);
  EXPECT_EQ(StatusOf(Get("/api/profiles/me")), 401);
}

TEST_F(ExchangeApi, MalformedProfileBodiesAreRefusedNamingTheCulprit) {
  Caller anna = Person("anna");
  struct Case {
    std::string target;
    json::object change;
    std::string parameter;
  };
  for (const Case& c : std::vector<Case>{
           {"/api/profiles/me", {{"languages", json::array{"nl"}}}, "languages[0]"},
           {"/api/profiles/me",
            {{"languages", json::array{json::object{{"code", "nl"}, {"lvl", "B1"}}}}},
            "languages[0].lvl"},
           {"/api/profiles/me",
            {{"languages", json::array{json::object{{"code", "nl"}, {"level", 2}}}}},
            "languages[0].level"},
           {"/api/profiles/me",
            {{"languages", json::array{json::object{{"code", "nl"}, {"level", "B9"}}}}},
            "languages[0]"},
           {"/api/profiles/me",
            {{"certificates", json::array{json::object{{"kind", "vog"}}}}},
            "certificates[0]"},
           {"/api/profiles/me", {{"max_matches", "2"}}, "max_matches"},
           {"/api/profiles/me", {{"travel_km", nullptr}}, "travel_km"},
           {"/api/profiles/me", {{"wants", json::array{"everything"}}}, "wants[0]"},
           {"/api/profiles/me", {{"birth_date", "2999-01-01"}}, "birth_date"},
           {"/api/profiles/me", {{"consent_at", "2020-01-01T00:00:00Z"}}, "consent_at"},
           {"/api/profiles/me", {{"account_id", PersonId("bert")}}, "account_id"},
           {"/api/profiles/me", {{"name", "Anna"}}, "name"},
       }) {
    json::object body = VolunteerProfileBody();
    for (const auto& [key, value] : c.change) body[key] = value;
    http::Response response = Put(c.target, body, anna);
    EXPECT_EQ(StatusOf(response), 400) << json::serialize(body) << response.message.body();
    EXPECT_EQ(ParameterOf(response), c.parameter) << json::serialize(body);
  }
  EXPECT_EQ(StatusOf(Get("/api/profiles/me", anna)), 404) << "nothing was stored";

  ASSERT_EQ(StatusOf(Put("/api/profiles/me", VolunteerProfileBody(), anna)), 200);
  for (const json::object& body : {json::object{}, json::object{{"consent", "yes"}},
                                   json::object{{"consent", true}, {"sure", true}}}) {
    http::Response response = Post("/api/profiles/me/consent", body, anna);
    EXPECT_EQ(StatusOf(response), 400) << json::serialize(body);
  }
  EXPECT_EQ(ParameterOf(Post("/api/profiles/me/consent", {{"consent", "yes"}}, anna)), "consent");
  EXPECT_EQ(Parsed(Get("/api/profiles/me", anna)).at("consent_at"), nullptr);
}

// --- Suggestions ------------------------------------------------------------------------------

TEST_F(ExchangeApi, SuggestionsForMeArePublicPostingsWithStructuredReasons) {
  std::string posting = OpenPosting("anna");
  Caller bert = Person("bert");
  http::Response before_consent = Get("/api/profiles/me/suggestions", bert);
  EXPECT_EQ(StatusOf(before_consent), 409);
  EXPECT_EQ(ParameterOf(before_consent), "consent");
  Volunteer("bert");

  http::Response response = Get("/api/profiles/me/suggestions?k=5", bert);
  ASSERT_EQ(StatusOf(response), 200) << response.message.body();
  const json::value answer = Parsed(response);
  const json::array& suggestions = answer.at("suggestions").as_array();
  ASSERT_EQ(suggestions.size(), 1u);
  ExpectPublicShape(suggestions[0].at("posting"));
  EXPECT_EQ(suggestions[0].at("posting").at("id"), json::value(posting));
  EXPECT_GT(suggestions[0].at("score").to_number<int>(), 0);
  const json::array& reasons = suggestions[0].at("reasons").as_array();
  ASSERT_FALSE(reasons.empty());
  bool speaks_dutch = false;
  for (const json::value& reason : reasons) {
    for (const char* key : {"code", "value", "number", "weekday", "part"}) {
      EXPECT_TRUE(reason.as_object().contains(key)) << key;
    }
    speaks_dutch |= reason.at("code") == "speaks_language" && reason.at("value") == "nl";
  }
  EXPECT_TRUE(speaks_dutch) << json::serialize(reasons);
  EXPECT_EQ(response.message.body().find(PersonId("anna")), std::string::npos);

  for (std::string k : {"0", "51", "x"}) {
    http::Response bad = Get("/api/profiles/me/suggestions?k=" + k, bert);
    EXPECT_EQ(StatusOf(bad), 400) << k;
    EXPECT_EQ(ParameterOf(bad), "k") << k;
  }
  EXPECT_EQ(StatusOf(Get("/api/profiles/me/suggestions")), 401);
}

TEST_F(ExchangeApi, SuggestionsForAPostingNameAccountsOnlyAndOnlyForItsSide) {
  std::string posting = OpenPosting("anna");
  Volunteer("bert");
  const std::string target = "/api/postings/" + posting + "/suggestions";
  http::Response response = Get(target + "?k=3", Person("anna"));
  ASSERT_EQ(StatusOf(response), 200) << response.message.body();
  const json::value answer = Parsed(response);
  const json::array& people = answer.at("suggestions").as_array();
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].at("person_id"), json::value(PersonId("bert")));
  EXPECT_EQ(people[0].as_object().size(), 3u) << "person_id, score, reasons: no name";
  EXPECT_TRUE(people[0].at("reasons").is_array());
  EXPECT_EQ(StatusOf(Get(target, Staff())), 200);

  EXPECT_EQ(StatusOf(Get(target, Person("carla"))), 403);
  EXPECT_EQ(StatusOf(Get(target)), 401);
  EXPECT_EQ(StatusOf(Get("/api/postings/" + domain::RandomUuid() + "/suggestions", Staff())), 404);
  EXPECT_EQ(ParameterOf(Get("/api/postings/x/suggestions", Staff())), "id");
  EXPECT_EQ(ParameterOf(Get(target + "?k=0", Person("anna"))), "k");
}

// --- Matches, rounds and messages -------------------------------------------------------------

TEST_F(ExchangeApi, AWholeFlowFromPostingToMessagesGoesThroughTheApi) {
  // Anna asks for a volunteer; the help desk approves.
  json::object body = RequestBody();
  body["submit"] = true;
  std::string posting = Text(MustPost(Person("anna"), body), "id");
  json::value queue = Parsed(Get("/api/postings/queue", Staff()));
  ASSERT_EQ(queue.at("total"), 1);
  ASSERT_EQ(StatusOf(Post("/api/postings/" + posting + "/status", {{"status", "open"}}, Staff())),
            200);
  // Bert offers his time.
  Volunteer("bert");
  // The help desk runs a round: nobody hears of it until it is sent.
  json::value round = RunRound();
  std::string round_id = Text(round.at("round"), "id");
  EXPECT_EQ(round.at("round").at("status"), "proposal");
  ASSERT_EQ(round.at("proposals").as_array().size(), 1u);
  json::value proposal = round.at("proposals").at(0);
  std::string match = Text(proposal, "id");
  EXPECT_EQ(proposal.at("person_id"), json::value(PersonId("bert")));
  EXPECT_EQ(proposal.at("posting_id"), json::value(posting));
  EXPECT_TRUE(proposal.at("reasons").is_array());
  EXPECT_EQ(Parsed(Get("/api/matches", Person("bert"))).at("matches").as_array().size(), 0u);
  EXPECT_EQ(StatusOf(Get("/api/matches/" + match, Person("bert"))), 404);
  json::value rounds = Parsed(Get("/api/match-rounds", Staff()));
  ASSERT_EQ(rounds.at("rounds").as_array().size(), 1u);
  EXPECT_EQ(rounds.at("rounds").at(0).at("id"), json::value(round_id));
  EXPECT_EQ(Parsed(Get("/api/match-rounds/" + round_id, Staff())), round);

  http::Response sent = Post("/api/match-rounds/" + round_id + "/send", json::object{}, Staff());
  ASSERT_EQ(StatusOf(sent), 200) << sent.message.body();
  EXPECT_EQ(Parsed(sent).at("round").at("status"), "sent");
  EXPECT_EQ(bench_->notifier.Of("proposed").size(), 2u);

  // Both see the match; each answers for their own side.
  json::value mine = Parsed(Get("/api/matches", Person("bert")));
  ASSERT_EQ(mine.at("matches").as_array().size(), 1u);
  EXPECT_EQ(mine.at("matches").at(0).at("id"), json::value(match));
  EXPECT_EQ(Parsed(Get("/api/matches", Person("anna"))).at("matches").as_array().size(), 1u);
  http::Response viewed = Get("/api/matches/" + match, Person("bert"));
  ASSERT_EQ(StatusOf(viewed), 200) << viewed.message.body();
  json::value view = Parsed(viewed);
  EXPECT_EQ(view.at("as_person"), true);
  EXPECT_EQ(view.at("as_poster"), false);
  EXPECT_TRUE(view.at("match").at("reasons").is_array());
  ExpectPublicShape(view.at("posting"));
  EXPECT_EQ(Parsed(Get("/api/matches/" + match, Person("anna"))).at("as_poster"), true);

  http::Response early =
      Post("/api/matches/" + match + "/messages", {{"body", "Hallo!"}}, Person("bert"));
  EXPECT_EQ(StatusOf(early), 409) << "messages wait for both yeses";
  http::Response person_yes =
      Post("/api/matches/" + match + "/answer", {{"answer", "accept"}}, Person("bert"));
  ASSERT_EQ(StatusOf(person_yes), 200) << person_yes.message.body();
  EXPECT_EQ(Parsed(person_yes).at("status"), "person_accepted");
  http::Response poster_yes =
      Post("/api/matches/" + match + "/answer", {{"answer", "accept"}}, Person("anna"));
  ASSERT_EQ(StatusOf(poster_yes), 200) << poster_yes.message.body();
  EXPECT_EQ(Parsed(poster_yes).at("status"), "active");
  EXPECT_EQ(Stored(posting).status, "filled") << "its one spot is taken";

  http::Response message = Post("/api/matches/" + match + "/messages",
                                {{"body", "Hallo Anna, zaterdag om tien uur?"}}, Person("bert"));
  ASSERT_EQ(StatusOf(message), 201) << message.message.body();
  EXPECT_EQ(Parsed(message).at("sender_id"), json::value(PersonId("bert")));
  http::Response read = Get("/api/matches/" + match + "/messages", Person("anna"));
  ASSERT_EQ(StatusOf(read), 200) << read.message.body();
  const json::value list = Parsed(read);
  const json::array& messages = list.at("messages").as_array();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].at("body"), "Hallo Anna, zaterdag om tien uur?");
  EXPECT_EQ(bench_->notifier.Of("message").size(), 1u);

  http::Response done = Post("/api/matches/" + match + "/answer",
                             {{"answer", "complete"}, {"text", "Fijn geholpen."}}, Person("anna"));
  ASSERT_EQ(StatusOf(done), 200) << done.message.body();
  EXPECT_EQ(Parsed(done).at("status"), "completed");
  EXPECT_EQ(Parsed(done).at("poster_feedback"), "Fijn geholpen.");
}

TEST_F(ExchangeApi, AnswersAndMessagesAreForTheTwoSidesOnly) {
  OpenPosting("anna");
  Volunteer("bert");
  json::value round = RunRound();
  std::string round_id = Text(round.at("round"), "id");
  std::string match = Text(round.at("proposals").at(0), "id");
  ASSERT_EQ(StatusOf(Post("/api/match-rounds/" + round_id + "/send", json::object{}, Staff())),
            200);
  const std::string answer = "/api/matches/" + match + "/answer";

  // A stranger does not learn that the match exists; the help desk sees it but not its messages.
  EXPECT_EQ(StatusOf(Get("/api/matches/" + match, Person("carla"))), 404);
  EXPECT_EQ(StatusOf(Get("/api/matches/" + match + "/messages", Person("carla"))), 404);
  EXPECT_EQ(StatusOf(Get("/api/matches/" + match + "/messages", Staff())), 403);
  EXPECT_EQ(StatusOf(Get("/api/matches/" + match)), 401);
  EXPECT_EQ(StatusOf(Get("/api/matches/" + match + "/messages")), 401);
  EXPECT_EQ(StatusOf(Post(answer, {{"answer", "accept"}}, Person("carla"))), 404);
  EXPECT_EQ(StatusOf(Post(answer, {{"answer", "accept"}}, Staff())), 403)
      << "the help desk sees the match but answers for neither side";
  struct Case {
    json::object body;
    std::string parameter;
  };
  for (const Case& c : std::vector<Case>{{{{"answer", "maybe"}}, "answer"},
                                         {{{"answer", true}}, "answer"},
                                         {json::object{}, "answer"},
                                         {{{"answer", "decline"}, {"text", 3}}, "text"},
                                         {{{"answer", "accept"}, {"note", "x"}}, "note"}}) {
    http::Response response = Post(answer, c.body, Person("bert"));
    EXPECT_EQ(StatusOf(response), 400) << json::serialize(c.body);
    EXPECT_EQ(ParameterOf(response), c.parameter) << json::serialize(c.body);
  }
  http::Response completed = Post(answer, {{"answer", "complete"}}, Person("bert"));
  EXPECT_EQ(StatusOf(completed), 409) << "only an active match is completed";

  http::Response declined =
      Post(answer, {{"answer", "decline"}, {"text", "Geen tijd meer."}}, Person("anna"));
  ASSERT_EQ(StatusOf(declined), 200) << declined.message.body();
  EXPECT_EQ(Parsed(declined).at("status"), "declined");
  EXPECT_EQ(Parsed(declined).at("decline_reason"), "Geen tijd meer.");
  EXPECT_EQ(StatusOf(Post(answer, {{"answer", "accept"}}, Person("bert"))), 409);
  EXPECT_EQ(ParameterOf(Post("/api/matches/nope/answer", {{"answer", "accept"}}, Person("bert"))),
            "id");
  http::Response missing = Post("/api/matches/" + domain::RandomUuid() + "/messages",
                                {{"body", "Hallo"}}, Person("bert"));
  EXPECT_EQ(StatusOf(missing), 404);
  EXPECT_EQ(
      ParameterOf(Post("/api/matches/" + match + "/messages", {{"text", "Hallo"}}, Person("bert"))),
      "text");
}

TEST_F(ExchangeApi, RoundsAreForMatchingStaffOnly) {
  Caller anna = Person("anna");
  Snapshot before = Take();
  for (const Caller& caller : {Caller{}, anna}) {
    int refused = caller.session.empty() ? 401 : 403;
    EXPECT_EQ(StatusOf(Get("/api/match-rounds", caller)), refused);
    EXPECT_EQ(StatusOf(Post("/api/match-rounds", json::object{}, caller)), refused);
    EXPECT_EQ(StatusOf(Get("/api/match-rounds/" + domain::RandomUuid(), caller)), refused);
    EXPECT_EQ(StatusOf(Post("/api/match-rounds/" + domain::RandomUuid() + "/send", json::object{},
                            caller)),
              refused);
  }
  EXPECT_EQ(Take(), before);
  EXPECT_EQ(ParameterOf(Get("/api/match-rounds?limit=101", Staff())), "limit");
  EXPECT_EQ(ParameterOf(Get("/api/match-rounds?limit=0", Staff())), "limit");
  EXPECT_EQ(ParameterOf(Post("/api/match-rounds", {{"favour_waiting", "yes"}}, Staff())),
            "favour_waiting");
  std::string unknown = domain::RandomUuid();
  http::Response missing = Get("/api/match-rounds/" + unknown, Staff());
  EXPECT_EQ(StatusOf(missing), 404);
  EXPECT_NE(MessageOf(missing).find(unknown), std::string::npos);
  EXPECT_EQ(StatusOf(Post("/api/match-rounds/" + unknown + "/send", json::object{}, Staff())), 404);
  EXPECT_EQ(StatusOf(Post("/api/match-rounds/" + unknown + "/discard", json::object{}, Staff())),
            404);
}

TEST_F(ExchangeApi, FavouringWaitingIsPassedAndSendingTwiceIsAConflict) {
  OpenPosting("anna");
  Volunteer("bert");
  http::Response response = Post("/api/match-rounds", {{"favour_waiting", true}}, Staff());
  ASSERT_EQ(StatusOf(response), 201) << response.message.body();
  json::value round = Parsed(response);
  std::string id = Text(round.at("round"), "id");
  EXPECT_EQ(std::string(response.message[beast_http::field::location]), "/api/match-rounds/" + id);
  EXPECT_EQ(round.at("round").at("favour_waiting"), true);
  EXPECT_EQ(round.at("round").at("created_by"), json::value(StaffId()));
  ASSERT_EQ(StatusOf(Post("/api/match-rounds/" + id + "/send", json::object{}, Staff())), 200);
  http::Response again = Post("/api/match-rounds/" + id + "/send", json::object{}, Staff());
  EXPECT_EQ(StatusOf(again), 409);
  EXPECT_EQ(StatusOf(Post("/api/match-rounds/" + id + "/discard", json::object{}, Staff())), 409);
  EXPECT_EQ(ParameterOf(Post("/api/match-rounds/" + id + "/send", {{"now", true}}, Staff())),
            "now");
}

TEST_F(ExchangeApi, DiscardingARoundRemovesItsProposalsUntold) {
  OpenPosting("anna");
  Volunteer("bert");
  json::value round = RunRound();
  std::string id = Text(round.at("round"), "id");
  std::string match = Text(round.at("proposals").at(0), "id");
  http::Response discarded = Post("/api/match-rounds/" + id + "/discard", json::object{}, Staff());
  ASSERT_EQ(StatusOf(discarded), 200) << discarded.message.body();
  EXPECT_EQ(Parsed(discarded).at("round").at("status"), "discarded");
  EXPECT_EQ(Parsed(discarded).at("proposals").as_array().size(), 0u);
  EXPECT_EQ(StatusOf(Get("/api/matches/" + match, Staff())), 404);
  EXPECT_TRUE(bench_->notifier.Of("proposed").empty());
}

TEST_F(ExchangeApi, SwappingAProposalDropsOneAndProposesAnother) {
  std::string posting = OpenPosting("anna");
  Volunteer("bert");
  json::value round = RunRound();
  std::string id = Text(round.at("round"), "id");
  std::string bert_match = Text(round.at("proposals").at(0), "id");
  Volunteer("carla");  // consents after the round ran
  const std::string proposals = "/api/match-rounds/" + id + "/proposals";

  // Refusals first, each changing nothing.
  EXPECT_EQ(StatusOf(Delete(proposals + "/" + domain::RandomUuid(), Staff())), 404);
  EXPECT_EQ(ParameterOf(Delete(proposals + "/nope", Staff())), "match_id");
  EXPECT_EQ(StatusOf(Delete(proposals + "/" + bert_match, Person("anna"))), 403);
  // A second round proposes nobody: Bert is held by the first.
  std::string other_round = Text(RunRound().at("round"), "id");
  EXPECT_EQ(
      StatusOf(Delete("/api/match-rounds/" + other_round + "/proposals/" + bert_match, Staff())),
      404)
      << "the match belongs to another round";
  EXPECT_EQ(StatusOf(Delete(
                "/api/match-rounds/" + domain::RandomUuid() + "/proposals/" + bert_match, Staff())),
            404);
  struct Case {
    json::object body;
    int status;
    std::string parameter;
  };
  for (const Case& c : std::vector<Case>{
           {{{"posting_id", posting}}, 400, "person_id"},
           {{{"person_id", PersonId("carla")}}, 400, "posting_id"},
           {{{"person_id", "carla"}, {"posting_id", posting}}, 400, "person_id"},
           {{{"person_id", PersonId("carla")}, {"posting_id", posting}, {"score", 9}},
            400,
            "score"},
           {{{"person_id", PersonId("carla")}, {"posting_id", domain::RandomUuid()}},
            404,
            "posting_id"},
           {{{"person_id", PersonId("dirk")}, {"posting_id", posting}}, 409, "person_id"},
       }) {
    http::Response response = Post(proposals, c.body, Staff());
    EXPECT_EQ(StatusOf(response), c.status) << json::serialize(c.body) << response.message.body();
    EXPECT_EQ(ParameterOf(response), c.parameter) << json::serialize(c.body);
  }
  EXPECT_EQ(Parsed(Get("/api/match-rounds/" + id, Staff())).at("proposals").as_array().size(), 1u);

  // The swap: Bert out, Carla in.
  http::Response dropped = Delete(proposals + "/" + bert_match, Staff());
  EXPECT_EQ(StatusOf(dropped), 204) << dropped.message.body();
  http::Response proposed =
      Post(proposals, {{"person_id", PersonId("carla")}, {"posting_id", posting}}, Staff());
  ASSERT_EQ(StatusOf(proposed), 201) << proposed.message.body();
  json::value match = Parsed(proposed);
  EXPECT_EQ(match.at("round_id"), json::value(id));
  EXPECT_EQ(match.at("expires_at"), "") << "nobody is told before the round is sent";
  EXPECT_EQ(std::string(proposed.message[beast_http::field::location]),
            "/api/matches/" + Text(match, "id"));
  const json::value now_round = Parsed(Get("/api/match-rounds/" + id, Staff()));
  const json::array& now = now_round.at("proposals").as_array();
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].at("person_id"), json::value(PersonId("carla")));
  EXPECT_TRUE(bench_->notifier.Of("proposed").empty());
}

// --- Who is asking ----------------------------------------------------------------------------

// One request to every write route, with a body each would accept.
struct Write {
  beast_http::verb method;
  std::string target;
  json::object body;
};

TEST_F(ExchangeApi, SessionWritesNeedTheCsrfHeaderOfTheirCookie) {
  std::string posting = OpenPosting("anna");
  Volunteer("bert");
  std::string round = Text(RunRound().at("round"), "id");
  const std::string some_id = domain::RandomUuid();
  const std::vector<Write> writes = {
      {beast_http::verb::post, "/api/postings", RequestBody()},
      {beast_http::verb::put, "/api/postings/" + posting, RequestBody("Changed")},
      {beast_http::verb::post, "/api/postings/" + posting + "/status", {{"status", "closed"}}},
      {beast_http::verb::put, "/api/profiles/me", VolunteerProfileBody()},
      {beast_http::verb::delete_, "/api/profiles/me", {}},
      {beast_http::verb::post, "/api/profiles/me/consent", {{"consent", false}}},
      {beast_http::verb::post, "/api/matches/" + some_id + "/answer", {{"answer", "accept"}}},
      {beast_http::verb::post, "/api/matches/" + some_id + "/messages", {{"body", "Hallo"}}},
      {beast_http::verb::post, "/api/match-rounds", {}},
      {beast_http::verb::post, "/api/match-rounds/" + round + "/send", {}},
      {beast_http::verb::post, "/api/match-rounds/" + round + "/discard", {}},
      {beast_http::verb::post,
       "/api/match-rounds/" + round + "/proposals",
       {{"person_id", PersonId("bert")}, {"posting_id", posting}}},
      {beast_http::verb::delete_, "/api/match-rounds/" + round + "/proposals/" + some_id, {}},
  };
  Snapshot before = Take();
  size_t notices = bench_->notifier.notices().size();
  // The help desk gets past the router on every one of them.
  Caller staff = Staff();
  for (const std::string& header : {std::string(), std::string("wrong")}) {
    staff.csrf_header = header;
    for (const Write& write : writes) {
      http::Response response =
          Send(write.method, write.target, staff, json::serialize(write.body));
      EXPECT_EQ(StatusOf(response), 403) << write.target << ": " << response.message.body();
      EXPECT_EQ(ParameterOf(response), "X-CSRF-Token") << write.target;
    }
  }
  EXPECT_EQ(Take(), before);
  EXPECT_EQ(bench_->notifier.notices().size(), notices);
  EXPECT_EQ(Stored(posting).status, "open");
  // With the header, the same session writes.
  staff.csrf_header = kCsrf;
  EXPECT_EQ(StatusOf(Post("/api/postings/" + posting + "/status", {{"status", "closed"}}, staff)),
            200);
}

TEST_F(ExchangeApi, AnonymousWritesAreAskedToSignIn) {
  std::string posting = OpenPosting("anna");
  Snapshot before = Take();
  const std::string some_id = domain::RandomUuid();
  for (const Write& write : std::vector<Write>{
           {beast_http::verb::post, "/api/postings", RequestBody()},
           {beast_http::verb::put, "/api/postings/" + posting, RequestBody()},
           {beast_http::verb::post, "/api/postings/" + posting + "/status", {{"status", "closed"}}},
           {beast_http::verb::put, "/api/profiles/me", VolunteerProfileBody()},
           {beast_http::verb::delete_, "/api/profiles/me", {}},
           {beast_http::verb::post, "/api/profiles/me/consent", {{"consent", true}}},
           {beast_http::verb::post, "/api/matches/" + some_id + "/answer", {{"answer", "accept"}}},
           {beast_http::verb::post, "/api/matches/" + some_id + "/messages", {{"body", "Hallo"}}},
           {beast_http::verb::post, "/api/match-rounds", {}},
           {beast_http::verb::post, "/api/match-rounds/" + some_id + "/proposals", {}},
           {beast_http::verb::delete_,
            "/api/match-rounds/" + some_id + "/proposals/" + some_id,
            {}},
       }) {
    http::Response response = Send(write.method, write.target, {}, json::serialize(write.body));
    EXPECT_EQ(StatusOf(response), 401) << write.target;
  }
  EXPECT_EQ(StatusOf(Get("/api/matches")), 401);
  EXPECT_EQ(Take(), before);
}

TEST_F(ExchangeApi, OrganisationApiKeysAreNoPersonHere) {
  std::string organization = exchange::test_support::AddOrganization(*bench_, "a");
  std::string key = accounts::NewToken();
  ASSERT_TRUE(bench_->store->accounts()
                  .AddApiKey({.id = domain::RandomUuid(),
                              .organization_id = organization,
                              .key_hash = accounts::HashToken(key),
                              .label = "koppeling",
                              .created_at = domain::FormatUtc(domain::Now())})
                  .ok());
  Caller caller{.key = key};
  Snapshot before = Take();
  EXPECT_EQ(StatusOf(Get("/api/postings/mine", caller)), 403);
  EXPECT_EQ(StatusOf(Post("/api/postings", RequestBody(), caller)), 403);
  EXPECT_EQ(StatusOf(Get("/api/postings", caller)), 200) << "the public list is for anyone";
  EXPECT_EQ(Take(), before);
}

}  // namespace
}  // namespace knooppunt::api
