#include "web/admin_pages.h"

#include <ctemplate/template.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <limits>
#include <memory>

#include "domain/schedule.h"
#include "domain/time.h"
#include "http/message.h"
#include "http/router.h"
#include "store/store.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/page_text.h"
#include "web/texts.h"

namespace knooppunt::web {
namespace {

namespace beast_http = boost::beast::http;
using ctemplate::TemplateDictionary;

constexpr int64_t kPerPage = 50;

std::string CsvField(std::string_view text) {
  std::string out = "\"";
  if (!text.empty() && std::string_view("=+-@").find(text.front()) != std::string_view::npos) {
    out += '\'';
  }
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

class AdminSite {
 public:
  AdminSite(store::Store& store, const std::string& public_url)
      : store_(store), layout_(public_url) {}

  http::Response AuditLog(const Visit& visit) const {
    const Language& language = visit.language;
    int64_t before = std::numeric_limits<int64_t>::max();
    bool first_page = true;
    if (auto found = visit.http.query.find("voor"); found != visit.http.query.end()) {
      const std::string& text = found->second;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), before);
      if (error != std::errc() || end != text.data() + text.size() || before < 1) {
        return layout_.NotFound(visit);
      }
      first_page = false;
    }
    // One more than a page tells whether older entries exist.
    auto entries = store_.accounts().AuditLogBefore(before, kPerPage + 1);
    if (!entries) return layout_.Failure(visit);
    bool older = static_cast<int64_t>(entries->size()) > kPerPage;
    if (older) entries->pop_back();
    std::string base = language.prefix() + "/beheer/logboek";
    return layout_.Render(visit, 200, language.Translate(Msgid("AUDIT_TITLE")), "audit.tpl",
                          [&](TemplateDictionary& page) {
                            page.SetValue("CSV_URL", base + ".csv");
                            if (entries->empty()) page.ShowSection("NONE");
                            for (const store::AuditEntry& entry : *entries) {
                              TemplateDictionary* row = page.AddSectionDictionary("ENTRY");
                              row->SetValue("AT", entry.at);
                              row->SetValue("WHEN", LocalDateTime(language, entry.at));
                              row->SetValue("WHO", entry.actor_id);
                              row->SetValue("ACTION", entry.action);
                              if (!entry.target_table.empty()) {
                                TemplateDictionary* record = row->AddSectionDictionary("RECORD");
                                record->SetValue("TABLE", entry.target_table);
                                record->SetValue("ID", entry.target_id);
                              }
                            }
                            if (!first_page) page.SetValueAndShowSection("URL", base, "NEWEST");
                            if (older) {
                              page.SetValueAndShowSection(
                                  "URL", base + "?voor=" + std::to_string(entries->back().seq),
                                  "OLDER");
                            }
                          });
  }

  http::Response AuditLogCsv(const Visit& visit) const {
    std::string csv = AuditCsv(store_);
    if (csv.empty()) return layout_.Failure(visit);
    http::Response response =
        http::MakeResponse(visit.http.request, 200, "text/csv; charset=utf-8", std::move(csv));
    response.message.set(beast_http::field::content_disposition,
                         "attachment; filename=\"knooppunt-logboek.csv\"");
    response.message.set(beast_http::field::cache_control, "no-store");
    return response;
  }

 private:
  store::Store& store_;
  const Layout layout_;
};

}  // namespace

std::string AuditCsv(store::Store& store) {
  std::string csv = "seq,at,actor_id,action,target_table,target_id\r\n";
  int64_t after = 0;
  while (true) {
    auto entries = store.accounts().AuditLog(after, 1000);
    if (!entries) return "";
    for (const store::AuditEntry& entry : *entries) {
      csv += std::to_string(entry.seq) + "," + CsvField(entry.at) + "," +
             CsvField(entry.actor_id) + "," + CsvField(entry.action) + "," +
             CsvField(entry.target_table) + "," + CsvField(entry.target_id) + "\r\n";
      after = entry.seq;
    }
    if (entries->size() < 1000) return csv;
  }
}

void AddAdminRoutes(http::Router& router, store::Store& store, const std::string& public_url) {
  auto site = std::make_shared<AdminSite>(store, public_url);
  const auto get = beast_http::verb::get;
  AddPage(router, get, "/beheer/logboek", domain::Permission::kReadAuditLog,
          [site](const Visit& visit) { return site->AuditLog(visit); });
  AddPage(router, get, "/beheer/logboek.csv", domain::Permission::kReadAuditLog,
          [site](const Visit& visit) { return site->AuditLogCsv(visit); });
}

}  // namespace knooppunt::web
