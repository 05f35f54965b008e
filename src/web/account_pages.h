// The pages of accounts: sign up (/registreren), confirm the address (/bevestigen), sign in
// (/inloggen, with /inloggen/code for the second factor), sign out (POST /uitloggen), forgotten
// password (/wachtwoord-vergeten, /wachtwoord-nieuw), and the own account (/account with its
// export, two-step set-up and deletion). Mails go into the outbox in the person's language.
// Also answers refused page requests: sign in first, the second factor, or 403.
// Thread-safety: the routes may be called from any number of threads at once.
#pragma once

#include <chrono>
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

struct AccountPagesOptions {
  // How visitors reach the site, without a trailing slash: links in mails start with it, and
  // https makes cookies Secure.
  std::string public_url = "http://localhost:8080";
  // Sign-ups and reset requests one visitor address may send per window before getting 429.
  int requests_per_window = 10;
  std::chrono::seconds request_window{3600};
};

// The name of the session cookie.
inline constexpr char kSessionCookie[] = "sessie";

// Registers the account pages and the answer to refused page requests on `router`. `store` and
// `accounts` must outlive the router.
void AddAccountRoutes(http::Router& router, store::Store& store, accounts::Accounts& accounts,
                      const AccountPagesOptions& options);

}  // namespace knooppunt::web
