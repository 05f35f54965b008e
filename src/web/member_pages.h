// Who keeps an organisation's listing: its members and admins (/organisatie/{id}/leden), invitations
// by e-mail (/organisatie/{id}/leden/uitnodigen) and accepting one (/uitnodiging?sleutel=…), and
// taking someone off. Invitation mails go into the outbox.
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

#include <string>

namespace knooppunt::accounts {
class Accounts;
}
namespace knooppunt::http {
class Router;
}
namespace knooppunt::store {
class Store;
}

namespace knooppunt::web {

// Registers the routes on `router`. `store` and `accounts` must outlive the router.
// `public_url`: how visitors reach the site, without a trailing slash (links in mails).
void AddMemberRoutes(http::Router& router, store::Store& store, accounts::Accounts& accounts,
                     const std::string& public_url);

}  // namespace knooppunt::web
