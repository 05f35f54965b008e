#include "http/router.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <stdexcept>
#include <string>

namespace knooppunt::http {
namespace {

namespace beast_http = boost::beast::http;

Request MakeRequest(beast_http::verb method, std::string target) {
  Request request{method, target, 11};
  request.set(beast_http::field::host, "localhost");
  return request;
}

// A handler that answers with the matched route, path and parameters, so tests can see them.
Response Echo(const RequestContext& context) {
  std::string body = "route=" + std::string(context.route) + " path=" + std::string(context.path);
  for (const auto& [name, value] : context.path_params) {
    body += " " + name + "=" + value;
  }
  for (const auto& [name, value] : context.query) {
    body += " ?" + name + "=" + value;
  }
  return MakeResponse(context.request, 200, "text/plain", body);
}

std::string ErrorCodeOf(const Response& response) {
  const boost::json::value body = boost::json::parse(response.message.body());
  return std::string(body.at("error").at("code").as_string());
}

TEST(Router, CapturesPathParameters) {
  Router router;
  router.Get("/api/services/{id}/locations/{location}", domain::Permission::kPublic, Echo);
  std::string route;
  const Response response =
      router.Handle(MakeRequest(beast_http::verb::get, "/api/services/42/locations/x%20y"), &route);
  EXPECT_EQ(response.message.result_int(), 200u);
  EXPECT_EQ(response.message.body(),
            "route=/api/services/{id}/locations/{location} path=/api/services/42/locations/x y"
            " id=42 location=x y");
  EXPECT_EQ(route, "/api/services/{id}/locations/{location}");
}

TEST(Router, PrefersLiteralSegmentOverCapture) {
  Router router;
  router.Get("/api/services/{id}", domain::Permission::kPublic, Echo);
  router.Get("/api/services/search", domain::Permission::kPublic, Echo);
  const Response response =
      router.Handle(MakeRequest(beast_http::verb::get, "/api/services/search"));
  EXPECT_EQ(response.message.body(), "route=/api/services/search path=/api/services/search");
}

TEST(Router, AnswersUnknownPathWith404Json) {
  Router router;
  router.Get("/api/services", domain::Permission::kPublic, Echo);
  std::string route;
  const Response response = router.Handle(MakeRequest(beast_http::verb::get, "/nope"), &route);
  EXPECT_EQ(response.message.result_int(), 404u);
  EXPECT_EQ(response.message[beast_http::field::content_type], "application/json; charset=utf-8");
  EXPECT_EQ(ErrorCodeOf(response), "not_found");
  EXPECT_EQ(route, "unmatched");
}

TEST(Router, DoesNotMatchExtraOrMissingSegments) {
  Router router;
  router.Get("/api/services/{id}", domain::Permission::kPublic, Echo);
  EXPECT_EQ(router.Handle(MakeRequest(beast_http::verb::get, "/api/services")).message.result_int(),
            404u);
  EXPECT_EQ(
      router.Handle(MakeRequest(beast_http::verb::get, "/api/services/1/x")).message.result_int(),
      404u);
}

TEST(Router, AnswersWrongMethodWith405AndAllow) {
  Router router;
  router.Get("/api/postings", domain::Permission::kPublic, Echo);
  router.Add(beast_http::verb::post, "/api/postings", domain::Permission::kPublic, Echo);
  const Response response = router.Handle(MakeRequest(beast_http::verb::delete_, "/api/postings"));
  EXPECT_EQ(response.message.result_int(), 405u);
  EXPECT_EQ(response.message[beast_http::field::allow], "GET, HEAD, POST");
  EXPECT_EQ(response.message[beast_http::field::content_type], "application/json; charset=utf-8");
}

TEST(Router, AnswersHeadWithGetHandler) {
  Router router;
  router.Get("/hello", domain::Permission::kPublic, Echo);
  const Response response = router.Handle(MakeRequest(beast_http::verb::head, "/hello"));
  EXPECT_EQ(response.message.result_int(), 200u);
  EXPECT_EQ(response.message.body(), "route=/hello path=/hello");  // the server drops it
}

TEST(Router, HeadDoesNotReachPostHandler) {
  Router router;
  router.Add(beast_http::verb::post, "/submit", domain::Permission::kPublic, Echo);
  EXPECT_EQ(router.Handle(MakeRequest(beast_http::verb::head, "/submit")).message.result_int(),
            405u);
}

TEST(Router, PassesRemainderToPrefixRoute) {
  Router router;
  router.Prefix(beast_http::verb::get, "/static/", domain::Permission::kPublic, Echo);
  std::string route;
  const Response response =
      router.Handle(MakeRequest(beast_http::verb::get, "/static/css/site.css"), &route);
  EXPECT_EQ(response.message.body(), "route=/static/ path=/static/css/site.css rest=css/site.css");
  EXPECT_EQ(route, "/static/");
}

TEST(Router, RejectsBadPercentEncodingWith400) {
  Router router;
  router.Get("/search", domain::Permission::kPublic, Echo);
  for (const char* target : {"/search?q=%zz", "/search?q=%4", "/sea%g1rch"}) {
    const Response response = router.Handle(MakeRequest(beast_http::verb::get, target));
    EXPECT_EQ(response.message.result_int(), 400u) << target;
    EXPECT_NE(response.message.body().find("percent-encoding"), std::string::npos) << target;
  }
}

TEST(Router, RejectsInvalidUtf8InQueryWith400) {
  Router router;
  router.Get("/search", domain::Permission::kPublic, Echo);
  const Response response = router.Handle(MakeRequest(beast_http::verb::get, "/search?q=%C3%28"));
  EXPECT_EQ(response.message.result_int(), 400u);
  EXPECT_EQ(ErrorCodeOf(response), "invalid_argument");
  EXPECT_NE(response.message.body().find("\"parameter\":\"q\""), std::string::npos);
  EXPECT_NE(response.message.body().find("UTF-8"), std::string::npos);
}

TEST(Router, RejectsInvalidUtf8InPathWith400) {
  Router router;
  router.Get("/api/services/{id}", domain::Permission::kPublic, Echo);
  // An overlong encoding of "/" and a lone surrogate.
  for (const char* target : {"/api/services/%C0%AF", "/api/services/%ED%A0%80"}) {
    EXPECT_EQ(router.Handle(MakeRequest(beast_http::verb::get, target)).message.result_int(), 400u)
        << target;
  }
}

TEST(Router, RejectsMalformedTargetWith400) {
  Router router;
  router.Get("/", domain::Permission::kPublic, Echo);
  for (const char* target : {"*", "http://example.org/", "no-slash"}) {
    EXPECT_EQ(router.Handle(MakeRequest(beast_http::verb::get, target)).message.result_int(), 400u)
        << target;
  }
}

TEST(Router, DecodesQueryWithPlusAsSpace) {
  Router router;
  router.Get("/search", domain::Permission::kPublic, Echo);
  const Response response = router.Handle(
      MakeRequest(beast_http::verb::get, "/search?q=caf%C3%A9+nl&tag=a%2Bb&q=second&flag"));
  EXPECT_EQ(response.message.result_int(), 200u);
  // The first of two values wins; %2B is a literal plus; a bare key has an empty value.
  EXPECT_EQ(response.message.body(), "route=/search path=/search ?flag= ?q=café nl ?tag=a+b");
}

TEST(Router, Answers500WhenHandlerThrows) {
  Router router;
  router.Get("/boom", domain::Permission::kPublic,
             [](const RequestContext&) -> Response { throw std::runtime_error("secret detail"); });
  const Response response = router.Handle(MakeRequest(beast_http::verb::get, "/boom"));
  EXPECT_EQ(response.message.result_int(), 500u);
  EXPECT_EQ(ErrorCodeOf(response), "internal");
  EXPECT_NE(response.message.body().find("went wrong"), std::string::npos);
  EXPECT_EQ(response.message.body().find("secret"), std::string::npos);
}

TEST(Router, KeepsKeepAliveOfRequestInErrors) {
  Router router;
  Request request = MakeRequest(beast_http::verb::get, "/nope");
  request.keep_alive(false);
  EXPECT_FALSE(router.Handle(request).message.keep_alive());
}

TEST(Router, RefusesAnonymousOnRoutesThatNeedAnAccount) {
  Router router;
  router.Get("/account", domain::Permission::kSignedIn, Echo);
  const Response response = router.Handle(MakeRequest(beast_http::verb::get, "/account"));
  EXPECT_EQ(response.message.result_int(), 401u);
  EXPECT_EQ(response.message[beast_http::field::www_authenticate], "Bearer");
}

TEST(Router, GivesHandlersTheActorTheAuthenticatorFound) {
  Router router;
  router.Get("/account", domain::Permission::kSignedIn, [](const RequestContext& context) {
    return MakeResponse(context.request, 200, "text/plain", context.actor.user_id);
  });
  router.Get("/audit", domain::Permission::kReadAuditLog, Echo);
  router.Authenticate([](const Request& request) -> Result<domain::Actor> {
    if (request[beast_http::field::authorization] == "Bearer good") {
      return domain::Actor{.user_id = "u1", .grants = {{domain::Role::kVolunteer, ""}}};
    }
    if (request[beast_http::field::authorization] == "Bearer revoked") {
      return Error{ErrorCode::kForbidden, "This key was revoked.", {}};
    }
    return domain::Actor{};
  });
  Request request = MakeRequest(beast_http::verb::get, "/account");
  request.set(beast_http::field::authorization, "Bearer good");
  Response response = router.Handle(request);
  EXPECT_EQ(response.message.result_int(), 200u);
  EXPECT_EQ(response.message.body(), "u1");
  // Signed in, but a volunteer may not read the audit log.
  request.target("/audit");
  EXPECT_EQ(router.Handle(request).message.result_int(), 403u);
  // A refused key is a 401, not the page.
  request.set(beast_http::field::authorization, "Bearer revoked");
  request.target("/account");
  EXPECT_EQ(router.Handle(request).message.result_int(), 401u);
}

TEST(Router, HandsRefusalsToTheRefusalHandler) {
  Router router;
  router.Get("/audit", domain::Permission::kReadAuditLog, Echo);
  router.OnRefused([](const RequestContext& context, domain::Decision decision) {
    return MakeResponse(context.request, 303, "text/plain",
                        decision == domain::Decision::kSignInNeeded ? "sign in" : "other");
  });
  const Response response = router.Handle(MakeRequest(beast_http::verb::get, "/audit"));
  EXPECT_EQ(response.message.result_int(), 303u);
  EXPECT_EQ(response.message.body(), "sign in");
}

TEST(Router, ListsEveryRouteWithWhatItNeeds) {
  Router router;
  router.Get("/", domain::Permission::kPublic, Echo);
  router.Add(beast_http::verb::post, "/audit", domain::Permission::kReadAuditLog, Echo);
  router.Prefix(beast_http::verb::get, "/static/", domain::Permission::kPublic, Echo);
  std::vector<RouteInfo> routes = router.Routes();
  ASSERT_EQ(routes.size(), 3u);
  EXPECT_EQ(routes[1].method, beast_http::verb::post);
  EXPECT_EQ(routes[1].pattern, "/audit");
  EXPECT_EQ(routes[1].need, domain::Permission::kReadAuditLog);
  EXPECT_TRUE(routes[2].is_prefix);
}

}  // namespace
}  // namespace knooppunt::http
