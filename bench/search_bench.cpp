// search_bench: the in-process search budget of DESIGN.md "Budgets". Writes a synthetic social map
// of N services into a fresh SQLite store, builds the search index from it (timed), runs a seeded
// mix of searches and facet counts through SearchIndex (each timed with steady_clock), prints a
// summary per query type and, as its last line, one JSON object:
//   {"services":N,"p50_ms":...,"p99_ms":...,"index_s":...,"rss_mb":...}
// rss_mb is the peak resident set (VmHWM) from the index build on; the store writes before it are
// left out when the kernel lets the peak be reset (/proc/self/clear_refs).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "bench/synthetic_map.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "search/search_index.h"
#include "store/store.h"

namespace knooppunt::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

enum class QueryType {
  kText,           // 1-3 Dutch words
  kTypo,           // a misspelt word
  kOtherLanguage,  // a need label in English, Arabic, Ukrainian, ...
  kFiltered,       // text or nothing, with one or two filters
  kGeo,            // near + radius, relevance order, often with text
  kGeoDistance,    // near + radius, sort=distance
  kMap,            // service_at_locations in a radius, 50 per page: the map view
  kFacets,         // Facets()
};
constexpr int kQueryTypes = 8;
constexpr std::string_view kQueryTypeNames[kQueryTypes] = {
    "text", "text_typo", "text_other_lang", "filtered", "geo", "geo_distance", "geo_map", "facets"};

struct Options {
  int services = 100000;
  int queries = 10000;
  int warmup = 500;  // queries run first and not measured
  uint32_t seed = 42;
  std::optional<fs::path> keep;  // keep the database and index here
  std::string only;              // run only queries of this type
};

constexpr std::string_view kUsage =
    "usage: search_bench [--services N] [--queries Q] [--seed S] [--warmup W] [--keep DIR]\n"
    "  --services N  services in the synthetic map (default 100000)\n"
    "  --queries Q   measured queries (default 10000)\n"
    "  --seed S      seed of the map and of the query mix (default 42)\n"
    "  --warmup W    unmeasured queries run first (default 500)\n"
    "  --keep DIR    keep the database and index in DIR; a database already there is reused\n"
    "  --only TYPE   run only queries of one type (text, text_typo, text_other_lang, filtered,\n"
    "                geo, geo_distance, geo_map, facets)\n"
    "The last line printed is one JSON object: services, p50_ms, p99_ms, index_s, rss_mb.\n";

std::optional<Options> ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (i + 1 >= argc) {
      std::cerr << "search_bench: " << arg << " needs a value\n";
      return std::nullopt;
    }
    std::string value = argv[++i];
    if (arg == "--keep") {
      options.keep = value;
      continue;
    }
    if (arg == "--only") {
      if (std::find(std::begin(kQueryTypeNames), std::end(kQueryTypeNames), value) ==
          std::end(kQueryTypeNames)) {
        std::cerr << "search_bench: unknown query type '" << value << "'\n";
        return std::nullopt;
      }
      options.only = value;
      continue;
    }
    char* end = nullptr;
    long number = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || number < 0 || number > 100'000'000) {
      std::cerr << "search_bench: " << arg << " needs a whole number, not '" << value << "'\n";
      return std::nullopt;
    }
    if (arg == "--services") {
      options.services = static_cast<int>(number);
    } else if (arg == "--queries" && number > 0) {
      options.queries = static_cast<int>(number);
    } else if (arg == "--seed") {
      options.seed = static_cast<uint32_t>(number);
    } else if (arg == "--warmup") {
      options.warmup = static_cast<int>(number);
    } else {
      std::cerr << "search_bench: unknown option " << arg << "\n";
      return std::nullopt;
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// The query mix

// clang-format off
constexpr std::string_view kWords[] = {
    "voedselbank", "taalcafé", "schuldhulp", "kledingbank", "huiswerk", "huiswerkbegeleiding",
    "inloopspreekuur", "spreekuur", "budgetcursus", "jongerenwerk", "ouderen", "moskee",
    "kerkdienst", "bibliotheek", "formulieren", "sollicitatie", "inburgering", "vrouwen",
    "fietsles", "digicafé", "maaltijd", "opvoeding", "asiel", "juridisch",
    "nachtopvang", "noodfonds", "schulden", "taal", "vrijwilligerswerk", "soa",
    "verslaving", "speelgoed", "kringloop", "koranles", "tolk", "gratis",
    "statushouders", "vluchtelingen", "taalcafe", "eten",
};
// clang-format on
constexpr std::string_view kPhrases[] = {
    "gratis eten",          "hulp bij schulden",
    "nederlands leren",     "huiswerk hulp",
    "kleding kinderen",     "hulp formulieren",
    "taalcafé bibliotheek", "voedselbank groningen",
    "werk zoeken",          "juridisch advies asiel",
    "huiselijk geweld",     "computer hulp ouderen",
    "warme maaltijd",       "vrijdaggebed moskee",
    "soa test gratis",      "budget cursus",
    "fiets leren vrouwen",  "schuldhulpverlening rotterdam",
};
constexpr std::string_view kTypos[] = {
    "voedelbank",  "kledngbank", "schuldhlup",          "huiswerkbegelijding", "bibliotek",
    "inburgring",  "taalkafe",   "sollicitatietrainig", "vrijwiligerswerk",    "nachtopvnag",
    "voedselbnak", "spreekuru",  "opvoedondersteuing",  "kringlopwinkel",      "jongerewerk",
};
struct ForeignText {
  std::string_view text;
  std::string_view language;
};
constexpr ForeignText kForeign[] = {
    {"food", "en"},     {"debts", "en"},          {"housing", "en"},
    {"clothing", "en"}, {"dutch language", "en"}, {"legal help", "en"},
    {"homework", "en"}, {"الطعام", "ar"},         {"الديون", "ar"},
    {"السكن", "ar"},    {"الملابس", "ar"},        {"التعليم", "ar"},
    {"Їжа", "uk"},      {"Житло", "uk"},          {"መግቢ", "ti"},
    {"غذا", "fa"},      {"Gıda", "tr"},           {"Cunto", "so"},
    {"Żywność", "pl"},  {"مساعدة طارئة", "ar"},
};
constexpr std::string_view kOfferedLanguages[] = {"ar", "ti", "uk", "tr", "fa", "so", "pl", "en"};

struct BenchQuery {
  QueryType type;
  search::SearchQuery query;
};

class QueryMix {
 public:
  explicit QueryMix(uint32_t seed) : random_(seed) {
    for (const auto& term : domain::NeedTerms()) needs_.push_back(term.slug);
    for (const auto& term : domain::OrganizationKindTerms()) kinds_.push_back(term.slug);
    // A Monday in winter time; open_at falls in the week after it, in daytime and evening.
    monday_ = *domain::ParseDateTime("2025-11-24T00:00:00+01:00");
  }

  BenchQuery Next() {
    uint32_t roll = Below(1000);
    if (roll < 50) return Facets();
    if (roll < 250) return Text();
    if (roll < 300) return Typo();
    if (roll < 350) return OtherLanguage();
    if (roll < 680) return Filtered();
    if (roll < 820) return Geo(QueryType::kGeo);
    if (roll < 920) return Geo(QueryType::kGeoDistance);
    return Geo(QueryType::kMap);
  }

 private:
  uint32_t Below(uint32_t n) { return random_() % n; }
  double Unit() { return random_() / 4294967296.0; }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

  const SyntheticCity& City() {
    auto cities = SyntheticCities();
    int total = 0;
    for (const auto& city : cities) total += city.weight;
    int target = static_cast<int>(Below(total));
    for (const auto& city : cities) {
      target -= city.weight;
      if (target < 0) return city;
    }
    return cities.front();
  }

  std::string Words() {
    if (Below(4) == 0) return std::string(Pick(kPhrases));
    std::string text(Pick(kWords));
    if (Below(5) == 0) {  // "voedselbank utrecht"
      std::string city(City().name);
      std::transform(city.begin(), city.end(), city.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      text += " " + city;
    }
    return text;
  }

  BenchQuery Text() {
    search::SearchQuery query{.text = Words(), .limit = 10};
    return {QueryType::kText, query};
  }
  BenchQuery Typo() {
    search::SearchQuery query{.text = std::string(Pick(kTypos)), .limit = 10};
    return {QueryType::kTypo, query};
  }
  BenchQuery OtherLanguage() {
    const ForeignText& foreign = Pick(kForeign);
    search::SearchQuery query{
        .text = std::string(foreign.text), .language = std::string(foreign.language), .limit = 10};
    return {QueryType::kOtherLanguage, query};
  }

  void AddFilter(search::SearchQuery& query) {
    switch (Below(6)) {
      case 0:
        query.city = std::string(City().name);
        break;
      case 1:
        query.language_offered = std::string(Pick(kOfferedLanguages));
        break;
      case 2:
        query.organization_kind = std::string(kinds_[Below(kinds_.size())]);
        break;
      case 3:
        query.taxonomy_term_id = domain::TermId("needs", needs_[Below(needs_.size())]);
        break;
      case 4:
        query.age = 6 + static_cast<int>(Below(75));
        break;
      default:
        query.open_at = monday_ + std::chrono::days(Below(7)) + std::chrono::hours(8 + Below(14)) +
                        std::chrono::minutes(30 * Below(2));
        break;
    }
  }

  BenchQuery Filtered() {
    search::SearchQuery query;
    query.limit = 10;
    if (Below(10) < 7) query.text = std::string(Pick(kWords));
    AddFilter(query);
    if (Below(2) == 0) AddFilter(query);
    return {QueryType::kFiltered, query};
  }

  BenchQuery Geo(QueryType type) {
    const SyntheticCity& city = City();
    search::SearchQuery query;
    query.near = domain::LatLon{city.latitude + 0.02 * (Unit() - 0.5),
                                city.longitude + 0.03 * (Unit() - 0.5)};
    query.radius_km = 5 + static_cast<int>(Below(21));
    query.limit = 10;
    if (type == QueryType::kMap) {
      query.target = search::Target::kServiceAtLocations;
      query.limit = 50;
      if (Below(2) == 0)
        query.taxonomy_term_id = domain::TermId("needs", needs_[Below(needs_.size())]);
    } else {
      if (type == QueryType::kGeoDistance) query.sort = search::Sort::kDistance;
      if (Below(10) < (type == QueryType::kGeo ? 8u : 5u)) query.text = Words();
      if (Below(4) == 0) AddFilter(query);
    }
    return {type, query};
  }

  BenchQuery Facets() {
    search::SearchQuery query;
    if (Below(2) == 0) query.text = std::string(Pick(kWords));
    if (Below(3) == 0) query.city = std::string(City().name);
    return {QueryType::kFacets, query};
  }

  std::mt19937 random_;
  std::vector<std::string_view> needs_;
  std::vector<std::string_view> kinds_;
  domain::Instant monday_;
};

std::string Describe(const BenchQuery& bench) {
  const search::SearchQuery& q = bench.query;
  std::string out(kQueryTypeNames[static_cast<int>(bench.type)]);
  if (!q.text.empty()) out += " text='" + q.text + "'";
  if (q.language != "nl") out += " lang=" + q.language;
  if (q.target == search::Target::kServiceAtLocations) out += " target=service_at_locations";
  if (q.city) out += " city=" + *q.city;
  if (q.language_offered) out += " language=" + *q.language_offered;
  if (q.organization_kind) out += " kind=" + *q.organization_kind;
  if (q.taxonomy_term_id) {
    std::string slug = *q.taxonomy_term_id;
    for (const auto& term : domain::NeedTerms()) {
      if (domain::TermId("needs", term.slug) == *q.taxonomy_term_id) slug = term.slug;
    }
    out += " need=" + slug;
  }
  if (q.age) out += " age=" + std::to_string(*q.age);
  if (q.open_at) out += " open_at=" + domain::FormatUtc(*q.open_at);
  if (q.near) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, " near=%.4f,%.4f radius_km=%.0f", q.near->latitude,
                  q.near->longitude, q.radius_km.value_or(0));
    out += buffer;
  }
  if (q.sort == search::Sort::kDistance) out += " sort=distance";
  out += " limit=" + std::to_string(q.limit);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Measuring

struct Sample {
  double ms = 0;      // wall time
  double cpu_ms = 0;  // CPU time of this thread: what the query costs when others share the CPUs
  int64_t total = 0;  // matches
  bool error = false;
};

// Nearest-rank percentile of sorted values.
double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t rank = static_cast<size_t>(std::ceil(p * sorted.size()));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

// A field of /proc/self/status in MB ("VmHWM", "VmRSS"); 0 when unreadable.
double StatusMb(std::string_view field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':')
      return std::strtod(line.c_str() + field.size() + 1, nullptr) / 1024.0;  // kB
  }
  return 0;
}

// Resets VmHWM to the current resident set (Linux 4.0 and later). False when not allowed.
bool ResetPeakRss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return out.good();
}

// The load averages of /proc/loadavg: the benchmark shares the machine with whatever else runs.
std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

uint64_t FolderBytes(const fs::path& folder) {
  uint64_t bytes = 0;
  std::error_code error;
  for (const auto& entry : fs::recursive_directory_iterator(folder, error)) {
    if (entry.is_regular_file(error)) bytes += entry.file_size(error);
  }
  return bytes;
}

double ThreadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

Sample Run(const search::SearchIndex& index, const BenchQuery& bench, std::string* error) {
  Sample sample;
  const double cpu_start = ThreadCpuMs();
  Clock::time_point start = Clock::now();
  if (bench.type == QueryType::kFacets) {
    auto facets = index.Facets(bench.query);
    sample.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (facets) {
      sample.total = facets->total;
    } else {
      sample.error = true;
      *error = facets.error().message;
    }
  } else {
    auto result = index.Search(bench.query);
    sample.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (result) {
      sample.total = result->total;
    } else {
      sample.error = true;
      *error = result.error().message;
    }
  }
  sample.cpu_ms = ThreadCpuMs() - cpu_start;
  return sample;
}

int Main(const Options& options) {
  // The folder of the database and index.
  fs::path folder;
  bool temporary = !options.keep;
  if (options.keep) {
    folder = *options.keep;
    fs::create_directories(folder);
  } else {
    std::string pattern = (fs::temp_directory_path() / "knooppunt-search-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::cerr << "search_bench: cannot create a temporary folder\n";
      return 1;
    }
    folder = pattern;
  }
  struct Cleanup {
    fs::path folder;
    bool remove;
    ~Cleanup() {
      std::error_code ignored;
      if (remove) fs::remove_all(folder, ignored);
    }
  } cleanup{folder, temporary};

  std::printf("search_bench: %u cpus, load average %s\n", std::thread::hardware_concurrency(),
              LoadAverage().c_str());
  const fs::path database = folder / "map.db";
  const bool reuse = options.keep && fs::exists(database);
  store::StoreOptions store_options{.database = "sqlite:" + database.string(), .pool_size = 2};
  if (auto migrated = store::Migrate(store_options); !migrated) {
    std::cerr << "search_bench: " << migrated.error().message << "\n";
    return 1;
  }
  auto opened = store::OpenStore(store_options);
  if (!opened) {
    std::cerr << "search_bench: " << opened.error().message << "\n";
    return 1;
  }
  store::Store& store = **opened;

  int services = options.services;
  if (reuse) {
    auto count = store.Count(domain::Table::kService);
    if (!count) {
      std::cerr << "search_bench: " << count.error().message << "\n";
      return 1;
    }
    services = static_cast<int>(*count);
    std::cout << "search_bench: reusing " << database.string() << " with " << services
              << " services\n";
  } else {
    Clock::time_point start = Clock::now();
    auto written = WriteSyntheticMap(store, options.services, options.seed);
    if (!written) {
      std::cerr << "search_bench: writing the map failed: " << written.error().message << "\n";
      return 1;
    }
    std::printf(
        "search_bench: wrote %d services, %d organisations, %d locations (%lld records) in "
        "%.1f s\n",
        written->services, written->organizations, written->locations,
        static_cast<long long>(written->records), Seconds(start));
  }
  const double write_peak_mb = StatusMb("VmHWM");
  const bool peak_reset = ResetPeakRss();

  const fs::path index_path = folder / "search";
  const bool existing_index = fs::exists(index_path);
  Clock::time_point index_start = Clock::now();
  auto index = search::SearchIndex::Open(store, {.path = index_path.string()});
  const double index_s = Seconds(index_start);
  if (!index) {
    std::cerr << "search_bench: opening the index failed: " << index.error().message << "\n";
    return 1;
  }
  std::printf("search_bench: %s the index in %.2f s (%.0f MB on disk, last change %lld)\n",
              existing_index ? "opened" : "built", index_s, FolderBytes(index_path) / 1048576.0,
              static_cast<long long>((*index)->last_change()));

  // The next query of `mix`, of the type asked for with --only.
  auto next_of_type = [&options](QueryMix& mix) {
    for (;;) {
      BenchQuery bench = mix.Next();
      if (options.only.empty() || kQueryTypeNames[static_cast<int>(bench.type)] == options.only) {
        return bench;
      }
    }
  };
  QueryMix warmup_mix(options.seed ^ 0x9e3779b9u);
  std::string error;
  // The first query of a freshly opened index also reads its DocTable, as the first query
  // after every change does.
  Sample first = Run(**index, next_of_type(warmup_mix), &error);
  std::printf("search_bench: first query (opens a reader and reads its table) %.1f ms\n", first.ms);
  for (int i = 1; i < options.warmup; ++i) (void)Run(**index, next_of_type(warmup_mix), &error);

  QueryMix mix(options.seed);
  // Per query type, and "all but facets" and "all" after them.
  struct Series {
    std::vector<double> wall, cpu;
    int no_hits = 0, errors = 0;
    void Add(const Sample& sample) {
      wall.push_back(sample.ms);
      cpu.push_back(sample.cpu_ms);
      no_hits += !sample.error && sample.total == 0;
      errors += sample.error;
    }
  };
  std::vector<Series> series(kQueryTypes + 2);
  Series& searches = series[kQueryTypes];  // everything but facets
  Series& all = series[kQueryTypes + 1];
  struct Slow {
    double ms;
    std::string what;
  };
  std::vector<Slow> slowest;
  std::vector<std::string> error_examples, no_hit_examples;
  Clock::time_point run_start = Clock::now();
  for (int i = 0; i < options.queries; ++i) {
    BenchQuery bench = next_of_type(mix);
    Sample sample = Run(**index, bench, &error);
    series[static_cast<int>(bench.type)].Add(sample);
    if (bench.type != QueryType::kFacets) searches.Add(sample);
    all.Add(sample);
    if (sample.error) {
      if (error_examples.size() < 5) error_examples.push_back(Describe(bench) + ": " + error);
    } else if (sample.total == 0 && no_hit_examples.size() < 8 &&
               bench.type != QueryType::kFiltered && bench.type != QueryType::kGeo &&
               bench.type != QueryType::kGeoDistance) {
      no_hit_examples.push_back(Describe(bench));
    }
    if (slowest.size() < 8 || sample.ms > slowest.back().ms) {
      if (slowest.size() == 8) slowest.pop_back();
      slowest.push_back({sample.ms, Describe(bench)});
      std::sort(slowest.begin(), slowest.end(),
                [](const Slow& a, const Slow& b) { return a.ms > b.ms; });
    }
  }
  const double run_s = Seconds(run_start);

  std::printf("\n%-16s %6s %8s %8s %8s %8s %8s %8s %8s %7s %6s\n", "query type", "count", "p50 ms",
              "p90 ms", "p99 ms", "max ms", "mean ms", "cpu p50", "cpu p99", "no hits", "errors");
  for (int t = 0; t < kQueryTypes + 2; ++t) {
    std::string_view name = t < kQueryTypes    ? kQueryTypeNames[t]
                            : t == kQueryTypes ? std::string_view("all but facets")
                                               : std::string_view("all");
    Series& row = series[t];
    std::sort(row.wall.begin(), row.wall.end());
    std::sort(row.cpu.begin(), row.cpu.end());
    double sum = 0;
    for (double v : row.wall) sum += v;
    std::printf("%-16.*s %6zu %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f %7d %6d\n",
                static_cast<int>(name.size()), name.data(), row.wall.size(),
                Percentile(row.wall, 0.5), Percentile(row.wall, 0.9), Percentile(row.wall, 0.99),
                row.wall.empty() ? 0.0 : row.wall.back(),
                row.wall.empty() ? 0.0 : sum / row.wall.size(), Percentile(row.cpu, 0.5),
                Percentile(row.cpu, 0.99), row.no_hits, row.errors);
  }
  std::printf("%d queries in %.2f s on one thread (%.0f queries/s), after %d warm-up queries\n",
              options.queries, run_s, options.queries / run_s, options.warmup);
  std::printf("slowest:\n");
  for (const Slow& slow : slowest) std::printf("  %8.3f ms  %s\n", slow.ms, slow.what.c_str());
  if (!no_hit_examples.empty()) {
    std::printf("text queries without matches, for example:\n");
    for (const std::string& what : no_hit_examples) std::printf("  %s\n", what.c_str());
  }
  if (!error_examples.empty()) {
    std::printf("errors, for example:\n");
    for (const std::string& what : error_examples) std::printf("  %s\n", what.c_str());
  }

  std::printf("load average now %s\n", LoadAverage().c_str());
  const double rss_mb = StatusMb("VmHWM");
  std::printf("peak resident: %.1f MB from the index build on%s; %.1f MB while writing the store\n",
              rss_mb, peak_reset ? "" : " (could not reset: whole run)", write_peak_mb);
  if (!temporary) std::printf("kept %s\n", folder.string().c_str());

  std::printf(
      "{\"services\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"index_s\":%.2f,\"rss_mb\":%.1f}\n",
      services, Percentile(all.wall, 0.5), Percentile(all.wall, 0.99), index_s, rss_mb);
  std::fflush(stdout);
  return all.errors == 0 ? 0 : 1;
}

}  // namespace
}  // namespace knooppunt::bench

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress shows when the output is a file
  auto options = knooppunt::bench::ParseOptions(argc, argv);
  if (!options) {
    std::cerr << knooppunt::bench::kUsage;
    return 2;
  }
  return knooppunt::bench::Main(*options);
}
