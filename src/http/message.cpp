// Builds responses and maps domain errors to HTTP (STYLE.md §5).
// Thread-safety: free functions over values; safe from any thread.
#include "http/message.h"

#include <spdlog/spdlog.h>

#include <boost/beast/http/field.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <utility>

namespace knooppunt::http {

namespace beast_http = boost::beast::http;
namespace json = boost::json;

Response MakeResponse(const Request& request, unsigned status, std::string content_type,
                      std::string body) {
  Response response;
  beast_http::response<beast_http::string_body>& message = response.message;
  message.version(request.version());
  message.result(status);
  message.set(beast_http::field::content_type, content_type);
  message.keep_alive(request.keep_alive());
  message.body() = std::move(body);
  message.prepare_payload();
  return response;
}

unsigned StatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::string CookieValue(const Request& request, std::string_view name) {
  std::string_view header = request[boost::beast::http::field::cookie];
  while (!header.empty()) {
    size_t end = header.find(';');
    std::string_view item = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    if (item.starts_with(name) && item.size() > name.size() && item[name.size()] == '=') {
      return std::string(item.substr(name.size() + 1));
    }
  }
  return "";
}

Response JsonError(const Request& request, const Error& error) {
  json::object detail;
  detail["code"] = ErrorCodeName(error.code);
  // Internal details (SQL, file names) stay in the log; the client gets a sentence it can act on.
  if (error.code == ErrorCode::kInternal || error.code == ErrorCode::kUnavailable) {
    // SOCI appends the bound values (" with :1=...") to its messages: never log those.
    std::string_view logged = error.message;
    logged = logged.substr(0, logged.find(" with :"));
    spdlog::error("{}: {}", ErrorCodeName(error.code), logged);
    detail["message"] = error.code == ErrorCode::kInternal
                            ? "Something went wrong on our side. Please try again later."
                            : "The service is temporarily unavailable. Please try again shortly.";
  } else {
    detail["message"] = error.message;
  }
  if (!error.field.empty()) {
    detail["parameter"] = error.field;
  }
  json::object root;
  root["error"] = std::move(detail);
  return MakeResponse(request, StatusFor(error.code), "application/json; charset=utf-8",
                      json::serialize(root));
}

}  // namespace knooppunt::http
