// Routing: a pure function from request to response, so unit tests call it without sockets
// (STYLE.md §7). Patterns are literal paths with `{name}` segments: "/api/services/{id}".
// Thread-safety: build the table on one thread, then Handle() may be called from any number
// of threads at once (it only reads).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/permissions.h"
#include "domain/result.h"
#include "http/message.h"

namespace knooppunt::http {

// Query parameters, percent-decoded. A key given twice keeps the first value.
using QueryParams = std::map<std::string, std::string, std::less<>>;

struct RequestContext {
  const Request& request;
  std::string_view path;                                        // decoded path without the query
  std::map<std::string, std::string, std::less<>> path_params;  // values of `{name}` segments
  QueryParams query;
  std::string_view route;        // the matched pattern, for logs and metrics
  std::string_view client = {};  // the peer's address, for rate limits; never logged or stored
  domain::Actor actor = {};      // who is asking, as the authenticator found; anonymous without one
};

using Handler = std::function<Response(const RequestContext&)>;

// Text that is safe to hand to handlers: strict UTF-8 (RFC 3629) without NUL bytes, which C APIs
// further down would silently truncate at. Query values and paths pass it before any handler
// runs; form bodies are checked by their handlers with it.
bool IsCleanText(std::string_view text);

// One row of the routing table, for the permission matrix test and the docs.
struct RouteInfo {
  boost::beast::http::verb method;
  std::string pattern;
  domain::Permission need;
  bool is_prefix;
};

// The default answer to a refused request: 401 with WWW-Authenticate when signing in would help,
// 403 otherwise, in the JSON error shape.
Response RefusedJson(const Request& request, domain::Decision decision);

class Router {
 public:
  // Adds a route for GET (also answering HEAD) or any other method. Every route says what it
  // needs: the router asks domain::Allows before the handler runs, and the handler asks again
  // with the record's scope where the permission has one.
  void Get(std::string pattern, domain::Permission need, Handler handler);
  void Add(boost::beast::http::verb method, std::string pattern, domain::Permission need,
           Handler handler);
  // Routes under a prefix ("/static/") go to one handler with the remainder as path_params["rest"].
  void Prefix(boost::beast::http::verb method, std::string prefix, domain::Permission need,
              Handler handler);

  // Finds who is asking (a session cookie, an API key), for every matched route. Without one
  // every request is anonymous. A failure is answered with its error (e.g. 503 when the
  // database is down), and a kForbidden one (a revoked key) with 401.
  using Authenticator = std::function<Result<domain::Actor>(const Request&)>;
  void Authenticate(Authenticator authenticator) { authenticator_ = std::move(authenticator); }
  // Answers a request the permission check refused. Without one: JSON 401 or 403.
  using RefusalHandler = std::function<Response(const RequestContext&, domain::Decision)>;
  void OnRefused(RefusalHandler handler) { refused_ = std::move(handler); }

  std::vector<RouteInfo> Routes() const;

  // Answers a malformed target outside /api/: pages want a page in the visitor's language, the
  // API keeps its JSON error. Without it every malformed target gets the JSON error.
  using MalformedHandler = std::function<Response(const Request&, const Error&)>;
  void OnMalformedPage(MalformedHandler handler) { malformed_page_ = std::move(handler); }

  // Success: the handler's response. Failure modes become responses too: no route → 404,
  // wrong method → 405 with Allow, malformed target (bad percent-encoding, invalid UTF-8) → 400.
  // `route_out`, when given, receives the matched pattern ("unmatched" otherwise).
  Response Handle(const Request& request, std::string* route_out = nullptr,
                  std::string_view client = {}) const;

 private:
  struct Route {
    boost::beast::http::verb method;
    std::vector<std::string> segments;
    std::string pattern;
    bool is_prefix = false;
    domain::Permission need = domain::Permission::kPublic;
    Handler handler;
  };
  std::vector<Route> routes_;
  MalformedHandler malformed_page_;
  Authenticator authenticator_;
  RefusalHandler refused_;
};

}  // namespace knooppunt::http
