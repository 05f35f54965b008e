// For tests only: requests as a browser sends them to the pages, through a router without
// sockets: Dutch, with the double-submit CSRF cookie, optionally with a session cookie.
// Thread-safety: plain functions.
#pragma once

#include <string>

#include "http/router.h"

namespace knooppunt::web::testing {

inline constexpr char kCsrf[] = "00000000-0000-4000-8000-000000000000";
inline constexpr char kClient[] = "192.0.2.7";

// `session`: "sessie=TOKEN" or empty.
inline http::Response GetPage(const http::Router& router, const std::string& target,
                              const std::string& session = "") {
  http::Request request(boost::beast::http::verb::get, target, 11);
  request.set(boost::beast::http::field::cookie,
              "taal=nl; csrf=" + std::string(kCsrf) + (session.empty() ? "" : "; " + session));
  return router.Handle(request, nullptr, kClient);
}

// A form post with `body` as it is (no csrf field added) and the csrf cookie `csrf_cookie`.
inline http::Response PostRawForm(const http::Router& router, const std::string& target,
                                  const std::string& body, const std::string& session,
                                  const std::string& csrf_cookie = kCsrf) {
  http::Request request(boost::beast::http::verb::post, target, 11);
  std::string cookie = "taal=nl";
  if (!csrf_cookie.empty()) cookie += "; csrf=" + csrf_cookie;
  if (!session.empty()) cookie += "; " + session;
  request.set(boost::beast::http::field::cookie, cookie);
  request.set(boost::beast::http::field::content_type, "application/x-www-form-urlencoded");
  request.body() = body;
  request.prepare_payload();
  return router.Handle(request, nullptr, kClient);
}

// A form post with the matching csrf field and cookie.
inline http::Response PostForm(const http::Router& router, const std::string& target,
                               const std::string& body, const std::string& session) {
  return PostRawForm(router, target, body + (body.empty() ? "" : "&") + "csrf=" + kCsrf, session);
}

}  // namespace knooppunt::web::testing
