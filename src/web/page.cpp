#include "web/page.h"

#include <ctemplate/template.h>

#include <algorithm>
#include <boost/url.hpp>
#include <mutex>
#include <span>

#include "domain/time.h"
#include "domain/utf8.h"
#include "domain/uuid.h"
#include "http/router.h"
#include "http/static_files.h"
#include "store/account_store.h"
#include "web/i18n.h"
#include "web/texts.h"

namespace knooppunt::web {

// src/web/templates/*.tpl, compiled in (cmake/embed_files.cmake).
std::string_view TemplateText(std::string_view name);
std::span<const std::string_view> TemplateTextNames();

namespace {

namespace beast_http = boost::beast::http;
namespace urls = boost::urls;
using ctemplate::TemplateDictionary;

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

}  // namespace

void ApplyErrors(FormPage& form, const FormErrors& errors) {
  for (FormField& field : form.fields) {
    if (auto found = errors.find(field.name); found != errors.end()) field.error = found->second;
  }
}

Status QueueMail(store::AccountStore& outbox, const Language& language,
                 const std::string& account_id, const std::string& to,
                 std::string_view subject_key, std::string_view body_key,
                 const std::vector<std::string>& arguments) {
  std::string now = domain::FormatUtc(domain::Now());
  return outbox.Enqueue(
      {.id = domain::RandomUuid(),
       .account_id = account_id.empty() ? std::nullopt : std::optional<std::string>(account_id),
       .to_address = to,
       .subject = Language::Fill(language.Translate(Msgid(subject_key)), arguments),
       .body = Language::Fill(language.Translate(Msgid(body_key)), arguments),
       .language = language.code(),
       .created_at = now,
       .next_attempt_at = now});
}

void LoadTemplates() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (std::string_view name : TemplateTextNames()) {
      ctemplate::StringToTemplateCache(std::string(name), std::string(TemplateText(name)),
                                       ctemplate::STRIP_WHITESPACE);
    }
  });
}

Layout::Layout(std::string public_url)
    : public_url_(std::move(public_url)), secure_(public_url_.starts_with("https://")) {
  LoadTemplates();
}

std::string Layout::CookieAttributes(std::string_view same_site) const {
  return "; Path=/; HttpOnly; SameSite=" + std::string(same_site) + (secure_ ? "; Secure" : "");
}

http::Response Layout::Render(const Visit& visit, unsigned status, const std::string& title,
                              std::string_view content,
                              const std::function<void(TemplateDictionary&)>& fill, bool map,
                              std::vector<std::string> cookies) const {
  const Language& language = visit.language;
  TemplateDictionary root("page");
  root.SetTemplateGlobalValue("LANG", language.code());
  root.SetTemplateGlobalValue("DIR", std::string(language.dir()));
  root.SetTemplateGlobalValue("PREFIX", language.prefix());
  for (const web::Text& text : Texts()) {
    if (!text.plural.empty() || text.msgid.find("{1}") != std::string_view::npos) continue;
    root.SetTemplateGlobalValue("T_" + std::string(text.key), language.Translate(text.msgid));
  }
  root.SetValue("TITLE", title);
  if (map) root.ShowSection("MAP_ASSETS");
  if (visit.http.actor.signed_in()) {
    root.ShowSection("SIGNED_IN");
  } else {
    root.ShowSection("SIGNED_OUT");
  }
  std::string_view target = visit.http.request.target();
  size_t question = target.find('?');
  std::string query =
      question == std::string_view::npos || visit.http.request.method() != beast_http::verb::get
          ? std::string()
          : std::string(target.substr(question));
  for (const Language& other : Languages()) {
    std::string path =
        other.prefix() + (visit.path == "/" && !other.prefix().empty() ? "/" : visit.path);
    TemplateDictionary* link = root.AddSectionDictionary("SWITCH");
    link->SetValue("URL", path + query);
    link->SetValue("CODE", other.code());
    link->SetValue("NAME", other.name());
    if (&other == &language) link->ShowSection("CURRENT");
    TemplateDictionary* alternate = root.AddSectionDictionary("ALTERNATE");
    alternate->SetValue("URL", public_url_ + path + query);
    alternate->SetValue("CODE", other.code());
  }
  TemplateDictionary* page = root.AddIncludeDictionary("CONTENT");
  page->SetFilename(std::string(content));
  fill(*page);
  std::string html;
  ctemplate::ExpandTemplate("layout.tpl", ctemplate::STRIP_WHITESPACE, &root, &html);
  http::Response response =
      http::MakeResponse(visit.http.request, status, "text/html; charset=utf-8", std::move(html));
  response.message.set("Content-Security-Policy", kContentSecurityPolicy);
  response.message.set(beast_http::field::cache_control, "no-store");
  response.message.set(beast_http::field::vary, "Accept-Language, Accept-Encoding, Cookie");
  if (http::AcceptsGzip(visit.http.request[beast_http::field::accept_encoding])) {
    // Level 6: a fifth of the size at a fraction of level 9's time, for every page view.
    if (auto gzip = http::Gzip(response.message.body(), 6)) {
      response.message.body() = std::move(*gzip);
      response.message.set(beast_http::field::content_encoding, "gzip");
      response.message.prepare_payload();
    }
  }
  cookies.push_back("taal=" + language.code() + "; Path=/; Max-Age=31536000; SameSite=Lax" +
                    (secure_ ? "; Secure" : ""));
  for (const std::string& cookie : cookies) {
    response.message.insert(beast_http::field::set_cookie, cookie);
  }
  return response;
}

http::Response Layout::RenderForm(const Visit& visit, unsigned status, const FormPage& form,
                                  std::vector<std::string> cookies) const {
  std::string csrf = CsrfToken(visit, cookies);
  return Render(
      visit, status, form.title, "form.tpl",
      [&](TemplateDictionary& page) {
        page.SetValue("HEADING", form.title);
        for (const std::string& text : form.intro) {
          page.AddSectionDictionary("INTRO")->SetValue("TEXT", text);
        }
        if (!form.notice.empty()) page.SetValueAndShowSection("TEXT", form.notice, "NOTICE");
        if (!form.figure_svg.empty()) page.SetValueAndShowSection("SVG", form.figure_svg, "FIGURE");
        page.SetValue("ACTION", form.action);
        page.SetValue("CSRF", csrf);
        page.SetValue("SUBMIT", form.submit);
        for (const auto& [name, value] : form.hidden) {
          TemplateDictionary* hidden = page.AddSectionDictionary("HIDDEN");
          hidden->SetValue("NAME", name);
          hidden->SetValue("VALUE", value);
        }
        TemplateDictionary* errors = nullptr;
        for (const FormField& field : form.fields) {
          TemplateDictionary* item = page.AddSectionDictionary("FIELD");
          item->SetValue("NAME", field.name);
          item->SetValue("LABEL", field.label);
          item->SetValue("VALUE", field.value);
          item->SetValue("MAX", std::to_string(field.max_length));
          // Sections are not inherited: the field's own dictionary shows hint and error.
          TemplateDictionary* kind =
              item->AddSectionDictionary(field.options.empty() ? "PLAIN" : "CHOICE");
          std::string ids;
          if (!field.hint.empty()) {
            kind->SetValueAndShowSection("TEXT", field.hint, "HINT");
            ids = field.name + "-hint";
          }
          if (!field.error.empty()) {
            kind->SetValueAndShowSection("TEXT", field.error, "FIELD_ERROR");
            ids += (ids.empty() ? "" : " ") + field.name + "-fout";
            if (errors == nullptr) errors = page.AddSectionDictionary("ERRORS");
            TemplateDictionary* error = errors->AddSectionDictionary("ERROR");
            error->SetValue("FIELD", field.name);
            error->SetValue("TEXT", field.error);
          }
          if (!field.options.empty()) {
            if (!ids.empty()) kind->SetValueAndShowSection("IDS", ids, "DESCRIBED");
            // The first button carries the field's name as id: the error summary links to it.
            for (size_t i = 0; i < field.options.size(); ++i) {
              const auto& [value, text] = field.options[i];
              TemplateDictionary* option = kind->AddSectionDictionary("OPTION");
              option->SetValue("ID", i == 0 ? field.name : field.name + "-" + std::to_string(i));
              option->SetValue("OPTION_VALUE", value);
              option->SetValue("TEXT", text);
              if (value == field.value) option->ShowSection("CHECKED");
            }
            continue;
          }
          TemplateDictionary* control =
              kind->AddSectionDictionary(field.multiline ? "TEXTAREA" : "INPUT");
          if (!ids.empty()) control->SetValueAndShowSection("IDS", ids, "DESCRIBED");
          if (!field.error.empty()) control->ShowSection("FIELD_ERROR");
          if (field.required) control->ShowSection("REQUIRED");
          if (field.numeric) control->ShowSection("NUMERIC");
          control->SetValue("TYPE", field.type);
          control->SetValue("AUTOCOMPLETE", field.autocomplete);
        }
        for (const auto& [url, text] : form.links) {
          TemplateDictionary* link = page.AddSectionDictionary("LINK");
          link->SetValue("URL", url);
          link->SetValue("TEXT", text);
        }
      },
      false, std::move(cookies));
}

http::Response Layout::Info(const Visit& visit, unsigned status, std::string_view title_key,
                            const std::vector<std::string>& paragraphs, bool home_link) const {
  std::string title = visit.language.Translate(Msgid(title_key));
  return Render(visit, status, title, "info.tpl", [&](TemplateDictionary& page) {
    page.SetValue("HEADING", title);
    for (const std::string& text : paragraphs) {
      page.AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", text);
    }
    if (home_link) {
      TemplateDictionary* link = page.AddSectionDictionary("LINK");
      link->SetValue("URL", visit.language.prefix() + "/");
      link->SetValue("TEXT", visit.language.Translate(Msgid("HOME_LINK")));
    }
  });
}

http::Response Layout::NotFound(const Visit& visit) const {
  return Info(visit, 404, "NOT_FOUND_TITLE", {visit.language.Translate(Msgid("NOT_FOUND_TEXT"))},
              true);
}

http::Response Layout::Failure(const Visit& visit) const {
  return Info(visit, 500, "ERROR_TITLE", {visit.language.Translate(Msgid("ERROR_TEXT"))}, true);
}

http::Response Layout::Forbidden(const Visit& visit) const {
  return Info(visit, 403, "FORBIDDEN_TITLE", {visit.language.Translate(Msgid("FORBIDDEN_TEXT"))},
              true);
}

PostedForm Layout::ReadForm(const Visit& visit) const {
  std::optional<FormFields> fields = ParseForm(visit.http.request.body());
  if (!fields) {
    return {std::nullopt, Info(visit, 400, "BAD_REQUEST_TITLE",
                               {visit.language.Translate(Msgid("ERROR_EXPIRED"))}, true)};
  }
  if (!CsrfMatches(visit.http.request, *fields)) {
    return {std::nullopt, Info(visit, 403, "FORM_EXPIRED_TITLE",
                               {visit.language.Translate(Msgid("FORM_EXPIRED_TEXT"))}, true)};
  }
  return {std::move(fields), std::nullopt};
}

std::string Layout::CsrfToken(const Visit& visit, std::vector<std::string>& cookies) const {
  std::string csrf = Cookie(visit.http.request, "csrf");
  if (csrf.size() == 36 && domain::IsUuid(csrf)) return csrf;
  csrf = domain::RandomUuid();
  cookies.push_back("csrf=" + csrf + CookieAttributes("Strict"));
  return csrf;
}

std::optional<int64_t> RateLimiter::Wait(const std::string& key) {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (seen_.size() > 10000) seen_.clear();
  auto& times = seen_[key];
  while (!times.empty() && now - times.front() > window_) times.pop_front();
  if (static_cast<int>(times.size()) >= limit_) {
    auto wait = std::chrono::duration_cast<std::chrono::seconds>(window_ - (now - times.front()));
    return std::max<int64_t>(1, wait.count());
  }
  times.push_back(now);
  return std::nullopt;
}

std::string Cookie(const http::Request& request, std::string_view name) {
  return http::CookieValue(request, name);
}

std::string Encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ',') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string WithQuery(std::string path, const QueryList& params) {
  char separator = '?';
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    path += separator;
    path += name + "=" + Encode(value);
    separator = '&';
  }
  return path;
}

size_t CodePoints(std::string_view text) { return domain::CodePoints(text); }

std::string Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return std::string(text);
}

std::optional<FormFields> ParseForm(std::string_view body) {
  if (!http::IsCleanText(body)) return std::nullopt;
  auto params = urls::parse_query(body);
  if (!params) return std::nullopt;
  urls::encoding_opts form;  // HTML forms send spaces as '+'
  form.space_as_plus = true;
  FormFields fields;
  for (auto param : *params) {
    std::string key = param.key.decode(form);
    std::string value = param.value.decode(form);
    if (!http::IsCleanText(key) || !http::IsCleanText(value)) return std::nullopt;
    fields.emplace(std::move(key), std::move(value));
  }
  return fields;
}

std::string FormValue(const FormFields& form, std::string_view name) {
  auto found = form.find(name);
  return found == form.end() ? std::string() : found->second;
}

bool CsrfMatches(const http::Request& request, const FormFields& form) {
  std::string cookie = Cookie(request, "csrf");
  auto field = form.find("csrf");
  return !cookie.empty() && field != form.end() && field->second == cookie;
}

std::string SafeReturnPath(std::string_view wanted, std::string_view fallback) {
  // One leading slash, then no second slash or backslash (which browsers read as "//host").
  bool local = wanted.size() >= 1 && wanted.front() == '/' &&
               (wanted.size() == 1 || (wanted[1] != '/' && wanted[1] != '\\')) &&
               wanted.find_first_of("\r\n\t") == std::string_view::npos &&
               wanted.find("\\") == std::string_view::npos && wanted.size() <= 1000 &&
               http::IsCleanText(wanted);
  return std::string(local ? wanted : fallback);
}

http::Response Redirect(const http::Request& request, const std::string& location) {
  http::Response response = http::MakeResponse(request, 303, "text/plain; charset=utf-8", "");
  response.message.set(beast_http::field::location, location);
  response.message.set(beast_http::field::cache_control, "no-store");
  return response;
}

void AddPage(http::Router& router, beast_http::verb method, const std::string& path,
             domain::Permission need, PageHandler page) {
  for (const Language& language : Languages()) {
    const std::string prefix = language.prefix();
    const Language* chosen = &language;
    std::string pattern = prefix + (path == "/" && !prefix.empty() ? "" : path);
    auto handler = [chosen, prefix, page](const http::RequestContext& context) {
      std::string path(context.path.substr(prefix.size()));
      if (path.empty()) path = "/";
      if (prefix.empty() && context.request.method() == beast_http::verb::get &&
          Cookie(context.request, "taal").empty()) {
        const Language* wanted = Negotiate(context.request[beast_http::field::accept_language]);
        if (wanted != nullptr && wanted->code() != "nl") {
          http::Response response =
              http::MakeResponse(context.request, 302, "text/plain; charset=utf-8", "");
          response.message.set(beast_http::field::location,
                               wanted->prefix() + std::string(context.request.target()));
          response.message.set(beast_http::field::vary, "Accept-Language, Cookie");
          return response;
        }
      }
      return page(Visit{context, *chosen, path});
    };
    router.Add(method, pattern, need, handler);
    if (path == "/" && !prefix.empty()) router.Add(method, prefix + "/", need, handler);
  }
}

}  // namespace knooppunt::web
