// The request and response types every handler sees, and the one place that turns an Error
// into an HTTP response (STYLE.md §5).
// Thread-safety: plain values; a Response is owned by one connection at a time.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <functional>
#include <string>

#include "domain/result.h"

namespace knooppunt::http {

using Request = boost::beast::http::request<boost::beast::http::string_body>;

struct Response {
  boost::beast::http::response<boost::beast::http::string_body> message;
  // When set, the body is produced in pieces and sent with Transfer-Encoding: chunked (used for
  // ndjson exports that must not sit in memory whole). Called until it returns false; each call
  // replaces `chunk` with the next piece. Runs on the connection's strand; must not block long.
  std::function<bool(std::string& chunk)> stream;
};

// Builds a response with the given status, content type and body. Keep-alive and version are
// copied from `request`.
Response MakeResponse(const Request& request, unsigned status, std::string content_type,
                      std::string body);

// The value of the cookie `name` in the request's Cookie header; empty when absent.
std::string CookieValue(const Request& request, std::string_view name);

// The HTTP status for an error code: kInvalidArgument 400, kNotFound 404, kConflict 409,
// kForbidden 403, kUnavailable 503, kInternal 500.
unsigned StatusFor(ErrorCode code);

// A JSON error body: {"error": {"code": "...", "message": "...", "parameter": "..."}}; the
// parameter only when error.field is set.
Response JsonError(const Request& request, const Error& error);

}  // namespace knooppunt::http
