// An organisation's API keys (/organisatie/{id}/sleutels), with which its own system writes its
// listing through the JSON API (Authorization: Bearer). Its admins make a key (shown once; the
// store keeps only its hash), see the keys made so far and revoke them. Every change goes into
// the audit log.
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

#include <string>

namespace knooppunt::http {
class Router;
}
namespace knooppunt::store {
class Store;
}

namespace knooppunt::web {

// Registers the pages under every language prefix. `store` must outlive the router.
// `public_url`: how visitors reach the site (https makes cookies Secure).
void AddApiKeyRoutes(http::Router& router, store::Store& store, const std::string& public_url);

}  // namespace knooppunt::web
