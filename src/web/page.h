// What every page module shares: the visit (request and language), the layout around a page's
// content, cookies, form bodies and the double-submit CSRF token, and registering a page under
// every language prefix (the same Dutch path words in every language: /zoeken, /en/zoeken).
// Thread-safety: Layout is immutable after construction; the functions are pure or use only
// their arguments.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/permissions.h"
#include "domain/result.h"
#include "http/message.h"

namespace ctemplate {
class TemplateDictionary;
}
namespace knooppunt::http {
class Router;
struct RequestContext;
}  // namespace knooppunt::http
namespace knooppunt::store {
class AccountStore;
}

namespace knooppunt::web {

class Language;

struct Visit {
  const http::RequestContext& http;
  const Language& language;
  std::string path;  // without the language prefix, starting with "/"
};

using FormFields = std::map<std::string, std::string, std::less<>>;
using QueryList = std::vector<std::pair<std::string, std::string>>;

// One field of a form page (form.tpl).
struct FormField {
  std::string name;           // also the element id
  std::string label;          // translated
  std::string type = "text";  // input type: text, email, password, …
  std::string value = "";     // what the visitor typed (never set for passwords)
  std::string autocomplete = "off";
  std::string hint = "";   // translated help under the label
  std::string error = "";  // translated error next to the field
  int max_length = 254;
  bool required = true;
  bool multiline = false;  // a textarea
  bool numeric = false;    // inputmode="numeric" (codes)
  // When not empty, a group of radio buttons (value, translated text) instead of a text box; the
  // one equal to `value` is checked.
  std::vector<std::pair<std::string, std::string>> options = {};
};

// A page with one form: heading, intro, fields with their errors (also summarised at the top),
// hidden values, a submit button and links under it.
struct FormPage {
  std::string title;
  std::vector<std::string> intro = {};
  std::string notice = "";  // a status message above the form
  std::string action;       // where the form posts, a path with the language prefix
  std::vector<FormField> fields = {};
  QueryList hidden = {};
  std::string submit;
  QueryList links = {};         // (url, text) under the form
  std::string figure_svg = "";  // an SVG made by Knooppunt itself (a QR code), shown unescaped
};

// The translated errors of a form, by field name.
using FormErrors = std::map<std::string, std::string>;

// Puts each error next to its field (FormField::error).
void ApplyErrors(FormPage& form, const FormErrors& errors);

// A posted form: its fields when the body is readable and carries the visitor's CSRF token;
// otherwise the page to answer with (400 unreadable, 403 an expired or missing token).
struct PostedForm {
  std::optional<FormFields> fields;
  std::optional<http::Response> refusal;
  explicit operator bool() const { return fields.has_value(); }
};

class Layout {
 public:
  // `public_url`: how visitors reach the site, without a trailing slash; https → Secure cookies.
  explicit Layout(std::string public_url);

  const std::string& public_url() const { return public_url_; }
  bool secure() const { return secure_; }
  // "; Path=/; HttpOnly; SameSite=<same_site>" plus "; Secure" behind TLS.
  std::string CookieAttributes(std::string_view same_site) const;

  // The whole page: the layout with `content` (a template name) filled by `fill`; headers for a
  // page (CSP, no-store, gzip when accepted) and the `taal` cookie. `map` adds Leaflet.
  http::Response Render(const Visit& visit, unsigned status, const std::string& title,
                        std::string_view content,
                        const std::function<void(ctemplate::TemplateDictionary&)>& fill,
                        bool map = false, std::vector<std::string> cookies = {}) const;

  // The form page (form.tpl) with a CSRF token.
  http::Response RenderForm(const Visit& visit, unsigned status, const FormPage& form,
                            std::vector<std::string> cookies = {}) const;

  // A page with a heading and paragraphs (info.tpl), optionally a link home.
  http::Response Info(const Visit& visit, unsigned status, std::string_view title_key,
                      const std::vector<std::string>& paragraphs, bool home_link = false) const;
  http::Response NotFound(const Visit& visit) const;
  http::Response Failure(const Visit& visit) const;
  // 403: "you may not see this page", with a link home.
  http::Response Forbidden(const Visit& visit) const;

  // Reads a posted form (ParseForm) and checks its CSRF token (CsrfMatches).
  PostedForm ReadForm(const Visit& visit) const;

  // The double-submit CSRF token: the visitor's cookie when well-formed, otherwise a new one
  // whose Set-Cookie header is appended to `cookies`.
  std::string CsrfToken(const Visit& visit, std::vector<std::string>& cookies) const;

 private:
  std::string public_url_;
  bool secure_;
};

// Counts events per key (a visitor address) in a sliding window, in memory; forgets every key
// when it tracks more than 10 000. Thread-safety: Wait may be called from any thread.
class RateLimiter {
 public:
  RateLimiter(int limit, std::chrono::seconds window) : limit_(limit), window_(window) {}

  // nullopt: allowed, and counted. Otherwise the seconds to wait (at least 1).
  std::optional<int64_t> Wait(const std::string& key);

 private:
  const int limit_;
  const std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<std::chrono::steady_clock::time_point>>
      seen_;  // GUARDED_BY(mutex_)
};

// The value of a cookie; empty when absent.
std::string Cookie(const http::Request& request, std::string_view name);
// Percent-encodes everything but unreserved characters and ','.
std::string Encode(std::string_view text);
// `path` with the non-empty parameters as a query string.
std::string WithQuery(std::string path, const QueryList& params);
size_t CodePoints(std::string_view text);
std::string Trim(std::string_view text);

// The fields of an application/x-www-form-urlencoded body (the first of repeated names wins).
// nullopt when the body or a value is not clean UTF-8 (http::IsCleanText) or not a form.
std::optional<FormFields> ParseForm(std::string_view body);
// The value of a form field; empty when absent.
std::string FormValue(const FormFields& form, std::string_view name);
// True when the form's "csrf" field equals the visitor's csrf cookie.
bool CsrfMatches(const http::Request& request, const FormFields& form);

// A local address to go back to after signing in: only a path on this site ("/account",
// "/en/zoeken?q=x"), never "//evil.example" or "https://…"; otherwise `fallback`.
std::string SafeReturnPath(std::string_view wanted, std::string_view fallback);

// A 303 See Other to `location` (a path on this site).
http::Response Redirect(const http::Request& request, const std::string& location);

// Registers `page` for `method` at `path` under every language prefix ("" for Dutch, "/en", …),
// with the permission the router checks first. A first GET of a Dutch address without the
// `taal` cookie goes once to the visitor's Accept-Language.
using PageHandler = std::function<http::Response(const Visit&)>;
void AddPage(http::Router& router, boost::beast::http::verb method, const std::string& path,
             domain::Permission need, PageHandler page);

// The registrar of one page module's pages: `page(method, path, need, handler)` calls AddPage
// with a handler that gets the module's shared `site` (its store, layout …) and the visit:
//   auto page = SitePages(router, site);
//   page(get, "/organisatie/{id}/leden", need, [](MemberSite& s, const Visit& v) { ... });
template <typename Site>
auto SitePages(http::Router& router, std::shared_ptr<Site> site) {
  return [&router, site](boost::beast::http::verb method, const std::string& path,
                         domain::Permission need,
                         std::function<http::Response(Site&, const Visit&)> handler) {
    AddPage(router, method, path, need,
            [site, handler](const Visit& visit) { return handler(*site, visit); });
  };
}

// Puts a mail in the outbox, written in `language`: the subject and body are text keys whose
// {1}, {2} … are filled from `arguments`. The outbox worker sends it, also after the SMTP server
// was down. `account_id`: the recipient's account, or empty.
Status QueueMail(store::AccountStore& outbox, const Language& language,
                 const std::string& account_id, const std::string& to,
                 std::string_view subject_key, std::string_view body_key,
                 const std::vector<std::string>& arguments);

// Loads every page template into ctemplate's cache, once.
void LoadTemplates();

}  // namespace knooppunt::web
