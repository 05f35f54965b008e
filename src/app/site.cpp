#include "app/site.h"

#include "accounts/accounts.h"
#include "api/exchange_api.h"
#include "api/hsds_api.h"
#include "api/places_api.h"
#include "api/write_api.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/static_files.h"
#include "search/search_index.h"
#include "store/store.h"
#include "web/account_pages.h"
#include "web/admin_pages.h"
#include "web/api_key_pages.h"
#include "web/listing_pages.h"
#include "web/match_pages.h"
#include "web/member_pages.h"
#include "web/organization_pages.h"
#include "web/page.h"
#include "web/posting_pages.h"
#include "web/web_pages.h"

namespace knooppunt::app {

namespace beast_http = boost::beast::http;

void AddOperationalRoutes(http::Router& router, store::Store& store, http::Metrics& metrics) {
  router.Get("/healthz", domain::Permission::kPublic, [](const http::RequestContext& context) {
    return http::MakeResponse(context.request, 200, "text/plain; charset=utf-8", "ok\n");
  });
  router.Get("/readyz", domain::Permission::kPublic, [&store](const http::RequestContext& context) {
    Status status = store.Ping();
    if (!status)
      return http::JsonError(context.request, Unavailable("the database is not reachable"));
    return http::MakeResponse(context.request, 200, "text/plain; charset=utf-8", "ready\n");
  });
  router.Get(
      "/metrics", domain::Permission::kPublic, [&metrics](const http::RequestContext& context) {
        return http::MakeResponse(context.request, 200, "text/plain; version=0.0.4; charset=utf-8",
                                  metrics.RenderPrometheus());
      });
}

void BuildSite(http::Router& router, const SiteParts& parts, const std::string& public_url) {
  AddOperationalRoutes(router, parts.store, parts.metrics);
  api::AddHsdsRoutes(router, parts.store, parts.index, {.public_url = public_url});
  api::AddWriteRoutes(router, parts.store, parts.index);
  api::AddPlacesRoutes(router, parts.places);
  api::AddExchangeRoutes(router, parts.store, parts.exchange);
  web::AddWebRoutes(router, parts.store, parts.index, {.public_url = public_url});
  web::AddAccountRoutes(router, parts.store, parts.accounts, {.public_url = public_url});
  web::AddOrganizationRoutes(router, parts.store, parts.index, public_url);
  web::AddApiKeyRoutes(router, parts.store, public_url);
  web::AddListingRoutes(router, parts.store, parts.index, public_url);
  web::AddMemberRoutes(router, parts.store, parts.accounts, public_url);
  web::AddAdminRoutes(router, parts.store, public_url);
  web::AddPostingRoutes(router, parts.store, parts.exchange, parts.places, public_url);
  web::AddMatchRoutes(router, parts.store, parts.exchange, public_url);
  if (parts.static_files != nullptr) {
    const http::StaticFiles* files = parts.static_files;
    router.Prefix(beast_http::verb::get, "/static/", domain::Permission::kPublic,
                  [files](const http::RequestContext& context) {
                    return files->Serve(context, context.path_params.at("rest"));
                  });
  }
  // Who is asking: an organisation's API key (Authorization: Bearer) or a session cookie.
  accounts::Accounts& accounts = parts.accounts;
  router.Authenticate([&accounts](const http::Request& request) -> Result<domain::Actor> {
    // Other schemes (Basic from a proxy, say) are not ours: such a request is anonymous.
    std::string_view authorization = request[beast_http::field::authorization];
    if (authorization.starts_with("Bearer ")) {
      return accounts.AuthenticateKey(authorization.substr(7));
    }
    std::string session = web::Cookie(request, web::kSessionCookie);
    if (session.empty()) return domain::Actor{};
    return accounts.Authenticate(session);
  });
}

}  // namespace knooppunt::app
