// The pages of the people who keep the map alive: "this is my organisation" (a claim), editing
// an organisation's listing and confirming it is still correct, and the help desk's list of
// claims to approve or turn down (/beheer/aanvragen). Every change goes through the store (so
// the search index follows it at once) and into the audit log.
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

#include <optional>
#include <string>

#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/result.h"
#include "http/message.h"

namespace knooppunt::http {
class Router;
}
namespace knooppunt::search {
class SearchIndex;
}
namespace knooppunt::store {
class Store;
}

namespace knooppunt::web {

class Layout;
struct Visit;

// The organisation named by the path's {id} when the visitor holds `permission` on it (with its
// scope: own organisation, own region); otherwise the page to answer: 404 for an unknown or
// malformed id, 303 to the second-factor set-up, 403.
struct OrganizationAccess {
  std::optional<domain::Record> record;
  std::optional<http::Response> refusal;
};
OrganizationAccess OrganizationFor(const Visit& visit, const Layout& layout, store::Store& store,
                                   domain::Permission permission);

// Mails the keepers of every listing last confirmed more than `months` months ago (a reminder
// every 30 days until someone confirms it), each in their own language, through the outbox.
// Success: the number of organisations reminded.
Result<int> SendReviewReminders(store::Store& store, const std::string& public_url, int months);

// Registers the routes on `router`. `store` and `index` must outlive the router.
// `public_url`: how visitors reach the site (https makes cookies Secure).
void AddOrganizationRoutes(http::Router& router, store::Store& store, search::SearchIndex& index,
                           const std::string& public_url);

}  // namespace knooppunt::web
