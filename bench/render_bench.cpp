// render_bench: the page budget of DESIGN.md "Budgets" — a results page rendered in-process
// (router → search → store → ctemplate → gzip) over a synthetic map of N services.
// Usage: build/bench/render_bench [--services N] [--requests R] [--seed S] [--keep DIR]
// (--keep: the map and index stay in DIR, and a map already there is used again)
// Prints a summary and, as its last line, one JSON object:
//   {"services":N,"render_p50_ms":…,"render_p99_ms":…,"page_gzip_kb_p50":…}
#include <unistd.h>

#include <algorithm>
#include <optional>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "bench/synthetic_map.h"
#include "http/router.h"
#include "search/search_index.h"
#include "store/store.h"
#include "web/web_pages.h"

namespace {

namespace fs = std::filesystem;
namespace beast_http = boost::beast::http;
using namespace knooppunt;

// Results pages as visitors open them: text, topics, filters, languages, paging.
const std::vector<std::string> kTargets = {
    "/zoeken?q=voedselbank",
    "/zoeken?q=taalles&plaats=Groningen",
    "/ar/zoeken?q=%D8%A7%D9%84%D8%B7%D8%B9%D8%A7%D9%85",
    "/thema/schulden",
    "/zoeken?q=kleding&taal=ar",
    "/en/zoeken?q=huiswerk&open=nu",
    "/zoeken?q=inloopspreekuur&pagina=2",
    "/thema/taal?plaats=Utrecht",
    "/uk/zoeken?q=maatje",
    "/zoeken?q=schuldhulpverlening&soort=foundation",
};

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  size_t index = static_cast<size_t>(p * static_cast<double>(values.size() - 1));
  return values[index];
}

}  // namespace

int main(int argc, char** argv) {
  int services = 100000, requests = 2000;
  uint32_t seed = 7;
  std::optional<fs::path> keep;  // the database and index stay here and are reused
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--services")
      services = std::atoi(argv[i + 1]);
    else if (flag == "--requests")
      requests = std::atoi(argv[i + 1]);
    else if (flag == "--seed")
      seed = static_cast<uint32_t>(std::atoi(argv[i + 1]));
    else if (flag == "--keep")
      keep = argv[i + 1];
    else {
      std::cerr << "usage: render_bench [--services N] [--requests R] [--seed S] [--keep DIR]\n";
      return 2;
    }
  }
  if (services < 1 || requests < 1) {
    std::cerr << "render_bench: --services and --requests must be at least 1\n";
    return 2;
  }
  fs::path dir = keep ? *keep
                      : fs::temp_directory_path() /
                            ("knooppunt-render-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const bool reuse = keep && fs::exists(dir / "map.db");
  store::StoreOptions options{.database = "sqlite:" + (dir / "map.db").string()};
  if (auto migrated = store::Migrate(options); !migrated) {
    std::cerr << "render_bench: " << migrated.error().message << "\n";
    return 1;
  }
  auto store = store::OpenStore(options);
  if (!store) {
    std::cerr << "render_bench: " << store.error().message << "\n";
    return 1;
  }
  if (!reuse) {
    if (auto written = bench::WriteSyntheticMap(**store, services, seed); !written) {
      std::cerr << "render_bench: " << written.error().message << "\n";
      return 1;
    }
  }
  auto index = search::SearchIndex::Open(**store, {.path = (dir / "search").string()});
  if (!index) {
    std::cerr << "render_bench: " << index.error().message << "\n";
    return 1;
  }
  http::Router router;
  web::AddWebRoutes(router, **store, **index, {});

  std::vector<double> times, sizes;
  for (int i = 0; i < requests + 50; ++i) {
    http::Request request(beast_http::verb::get, kTargets[i % kTargets.size()], 11);
    request.set(beast_http::field::cookie, "taal=nl");
    request.set(beast_http::field::accept_encoding, "gzip");
    auto start = std::chrono::steady_clock::now();
    http::Response response = router.Handle(request, nullptr, "127.0.0.1");
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (response.message.result_int() != 200) {
      std::cerr << "render_bench: " << request.target() << " answered "
                << response.message.result_int() << "\n";
      return 1;
    }
    if (i < 50) continue;  // warm-up: statement caches, readers, templates
    times.push_back(ms);
    sizes.push_back(static_cast<double>(response.message.body().size()) / 1024);
  }
  if (!keep) fs::remove_all(dir);
  double p50 = Percentile(times, 0.5), p99 = Percentile(times, 0.99);
  std::printf(
      "results pages: %d requests over %d services: p50 %.2f ms, p99 %.2f ms, "
      "HTML %.1f KB gzip (p50)\n",
      requests, services, p50, p99, Percentile(sizes, 0.5));
  std::printf(
      "{\"services\":%d,\"render_p50_ms\":%.3f,\"render_p99_ms\":%.3f,"
      "\"page_gzip_kb_p50\":%.1f}\n",
      services, p50, p99, Percentile(sizes, 0.5));
  return 0;
}
