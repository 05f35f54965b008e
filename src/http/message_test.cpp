#include "http/message.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace knooppunt::http {
namespace {

namespace json = boost::json;

Request Get() { return Request(boost::beast::http::verb::get, "/x", 11); }

TEST(JsonError, MapsEachCodeToItsStatus) {
  EXPECT_EQ(JsonError(Get(), InvalidArgument("page", "bad")).message.result_int(), 400);
  EXPECT_EQ(JsonError(Get(), NotFound("none")).message.result_int(), 404);
  EXPECT_EQ(JsonError(Get(), Unavailable("down")).message.result_int(), 503);
  EXPECT_EQ(JsonError(Get(), Internal("bug")).message.result_int(), 500);
}

TEST(JsonError, NamesTheParameter) {
  json::value body = json::parse(
      JsonError(Get(), InvalidArgument("page", "page must be 1 or more")).message.body());
  EXPECT_EQ(body.at("error").at("parameter"), "page");
  EXPECT_EQ(body.at("error").at("message"), "page must be 1 or more");
}

TEST(JsonError, InternalErrorsHideTheirDetails) {
  Response response =
      JsonError(Get(), Internal("database error: SELECT secret FROM t with :1=\"x\""));
  EXPECT_EQ(response.message.body().find("SELECT"), std::string::npos);
  EXPECT_EQ(response.message.body().find("secret"), std::string::npos);
  json::value body = json::parse(response.message.body());
  EXPECT_EQ(body.at("error").at("code"), "internal");
}

}  // namespace
}  // namespace knooppunt::http
