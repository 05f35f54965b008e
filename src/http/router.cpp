// Routing table and the pure request → response function (see router.h).
// Thread-safety: Get/Add/Prefix mutate and need exclusive access; Handle() only reads.
#include "http/router.h"

#include <spdlog/spdlog.h>

#include <boost/beast/http/field.hpp>
#include <boost/core/demangle.hpp>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <exception>
#include <optional>
#include <set>
#include <typeinfo>
#include <utility>

#include "domain/utf8.h"

namespace knooppunt::http {

namespace beast_http = boost::beast::http;
namespace urls = boost::urls;

namespace {

constexpr std::string_view kUnmatched = "unmatched";

// "/api/services/{id}" → {"api", "services", "{id}"}; "/" → {}; a trailing "/" keeps an empty
// last segment, the same way Boost.URL splits a request path.
std::vector<std::string> SplitPattern(std::string_view pattern) {
  std::vector<std::string> segments;
  if (pattern.starts_with('/')) {
    pattern.remove_prefix(1);
  }
  if (pattern.empty()) {
    return segments;
  }
  for (;;) {
    const size_t slash = pattern.find('/');
    segments.emplace_back(pattern.substr(0, slash));
    if (slash == std::string_view::npos) {
      break;
    }
    pattern.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsCapture(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool HasBadPercentEncoding(std::string_view target) {
  for (size_t i = 0; i < target.size(); ++i) {
    if (target[i] != '%') {
      continue;
    }
    if (i + 2 >= target.size() || !IsHex(target[i + 1]) || !IsHex(target[i + 2])) {
      return true;
    }
    i += 2;
  }
  return false;
}

// Why a route matched, for choosing among several: exact routes beat prefix routes, a literal
// segment beats a capture at the first place they differ, a longer prefix beats a shorter one.
struct Rank {
  bool exact = false;
  std::vector<bool> literals;
  bool operator>(const Rank& other) const {
    if (exact != other.exact) {
      return exact;
    }
    if (!exact && literals.size() != other.literals.size()) {
      return literals.size() > other.literals.size();
    }
    return literals > other.literals;
  }
};

}  // namespace

Response RefusedJson(const Request& request, domain::Decision decision) {
  Error error{ErrorCode::kForbidden, "You may not do this.", {}};
  if (decision == domain::Decision::kSignInNeeded) {
    error.message = "Sign in first: send a session cookie or an API key (Authorization: Bearer).";
  } else if (decision == domain::Decision::kSecondFactorNeeded) {
    error.message = "Confirm your sign-in with the code from your authenticator app first.";
  }
  Response response = JsonError(request, error);
  if (decision == domain::Decision::kSignInNeeded) {
    response.message.result(beast_http::status::unauthorized);
    response.message.set(beast_http::field::www_authenticate, "Bearer");
  }
  return response;
}

bool IsCleanText(std::string_view text) { return domain::IsCleanText(text); }

void Router::Get(std::string pattern, domain::Permission need, Handler handler) {
  Add(beast_http::verb::get, std::move(pattern), need, std::move(handler));
}

void Router::Add(beast_http::verb method, std::string pattern, domain::Permission need,
                 Handler handler) {
  std::vector<std::string> segments = SplitPattern(pattern);
  routes_.push_back(
      Route{method, std::move(segments), std::move(pattern), false, need, std::move(handler)});
}

void Router::Prefix(beast_http::verb method, std::string prefix, domain::Permission need,
                    Handler handler) {
  std::vector<std::string> segments = SplitPattern(prefix);
  if (!segments.empty() && segments.back().empty()) {
    segments.pop_back();
  }
  routes_.push_back(
      Route{method, std::move(segments), std::move(prefix), true, need, std::move(handler)});
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const Route& route : routes_) {
    out.push_back({route.method, route.pattern, route.need, route.is_prefix});
  }
  return out;
}

Response Router::Handle(const Request& request, std::string* route_out,
                        std::string_view client) const {
  const auto bad = [&](std::string field, std::string message) {
    Error error = InvalidArgument(std::move(field), std::move(message));
    if (malformed_page_ && !request.target().starts_with("/api")) {
      return malformed_page_(request, error);
    }
    return JsonError(request, error);
  };
  if (route_out != nullptr) {
    *route_out = kUnmatched;
  }

  const std::string_view target = request.target();
  if (HasBadPercentEncoding(target)) {
    return bad("",
               "The address has bad percent-encoding (a % must be followed "
               "by two hexadecimal digits).");
  }
  const urls::result<urls::url_view> parsed = urls::parse_origin_form(target);
  if (!parsed) {
    return bad("",
               "The request target is malformed: it must be a path "
               "starting with / and an optional ?query.");
  }
  const urls::url_view& url = *parsed;

  std::vector<std::string> segments;
  for (std::string segment : url.segments()) {
    if (!IsCleanText(segment)) {
      return bad("", "The path is not valid UTF-8 once percent-decoded, or contains %00.");
    }
    segments.push_back(std::move(segment));
  }
  const std::string path = url.path();

  // `+` means a space in query values, as in HTML form submissions; a literal plus is %2B.
  QueryParams query;
  for (const urls::param& param : url.params(urls::encoding_opts(/*space_as_plus=*/true))) {
    if (!IsCleanText(param.key)) {
      return bad("", "A query parameter name is not valid UTF-8 once decoded, or contains %00.");
    }
    if (!IsCleanText(param.value)) {
      return bad(param.key,
                 "The query parameter is not valid UTF-8 once percent-decoded, or contains %00.");
    }
    if (param.key.empty()) {
      continue;
    }
    query.emplace(param.key, param.value);
  }

  // Finds the best route for `method` among those whose segments match the path.
  const auto find = [&](beast_http::verb method,
                        std::map<std::string, std::string, std::less<>>* params) {
    const Route* best = nullptr;
    Rank best_rank;
    for (const Route& route : routes_) {
      if (route.method != method) {
        continue;
      }
      const size_t n = route.segments.size();
      if (route.is_prefix ? segments.size() <= n : segments.size() != n) {
        continue;
      }
      Rank rank{!route.is_prefix, {}};
      std::map<std::string, std::string, std::less<>> captured;
      bool matches = true;
      for (size_t i = 0; i < n && matches; ++i) {
        const std::string& expected = route.segments[i];
        if (IsCapture(expected)) {
          captured[expected.substr(1, expected.size() - 2)] = segments[i];
          rank.literals.push_back(false);
        } else {
          matches = expected == segments[i];
          rank.literals.push_back(true);
        }
      }
      if (!matches || (best != nullptr && !(rank > best_rank))) {
        continue;
      }
      if (route.is_prefix) {
        std::string rest;
        for (size_t i = n; i < segments.size(); ++i) {
          if (i > n) {
            rest += '/';
          }
          rest += segments[i];
        }
        captured["rest"] = std::move(rest);
      }
      best = &route;
      best_rank = std::move(rank);
      *params = std::move(captured);
    }
    return best;
  };

  std::map<std::string, std::string, std::less<>> params;
  const Route* route = find(request.method(), &params);
  if (route == nullptr && request.method() == beast_http::verb::head) {
    route = find(beast_http::verb::get, &params);
  }

  if (route == nullptr) {
    std::set<std::string> allowed;
    for (const Route& candidate : routes_) {
      std::map<std::string, std::string, std::less<>> ignored;
      if (find(candidate.method, &ignored) == nullptr) {
        continue;
      }
      allowed.emplace(beast_http::to_string(candidate.method));
      if (candidate.method == beast_http::verb::get) {
        allowed.emplace("HEAD");
      }
    }
    if (allowed.empty()) {
      return JsonError(request, NotFound("There is no page or endpoint at this address."));
    }
    std::string allow;
    for (const std::string& method : allowed) {
      if (!allow.empty()) {
        allow += ", ";
      }
      allow += method;
    }
    // ErrorCode has no "method not allowed": the body says invalid_argument, the status 405.
    Response response = JsonError(
        request,
        InvalidArgument("", "This address does not accept this method; it accepts " + allow + "."));
    response.message.result(beast_http::status::method_not_allowed);
    response.message.set(beast_http::field::allow, allow);
    return response;
  }

  if (route_out != nullptr) {
    *route_out = route->pattern;
  }
  RequestContext context{request,          path,           std::move(params),
                         std::move(query), route->pattern, client};
  try {
    if (authenticator_) {
      Result<domain::Actor> actor = authenticator_(request);
      if (!actor) {
        Response response = JsonError(request, actor.error());
        if (actor.error().code == ErrorCode::kForbidden) {
          response.message.result(beast_http::status::unauthorized);
        }
        return response;
      }
      context.actor = std::move(*actor);
    }
    if (domain::Decision decision = domain::Allows(context.actor, route->need);
        decision != domain::Decision::kAllowed) {
      if (refused_) return refused_(context, decision);
      return RefusedJson(request, decision);
    }
    return route->handler(context);
  } catch (const std::exception& e) {
    // what() is not logged: database errors can carry the values of the query.
    spdlog::error("handler for {} {} threw {}", request.method_string(), route->pattern,
                  boost::core::demangle(typeid(e).name()));
  } catch (...) {
    spdlog::error("handler for {} {} threw a non-standard exception", request.method_string(),
                  route->pattern);
  }
  return JsonError(request, Internal("internal error"));
}

}  // namespace knooppunt::http
