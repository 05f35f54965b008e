#include "app/cli.h"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stop_token>
#include <thread>
#include <vector>

#include "api/hsds_api.h"
#include "api/hsds_export.h"
#include "api/hsds_import.h"
#include "app/config.h"
#include "app/demo_data.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "search/search_index.h"
#include "store/store.h"
#include "web/web_pages.h"

namespace knooppunt::app {
namespace {

constexpr int kUsageError = 2;
constexpr int kFailure = 1;

struct Command {
  std::string_view name;
  std::string_view synopsis;
  std::string_view help;
  std::set<std::string_view> flags;  // accepted --flags, each taking a value
  int positionals;                   // how many plain arguments it needs
};

const Command kCommands[] = {
    {"serve",
     "knooppunt serve [--database DB] [--listen HOST:PORT] [--config FILE]",
     "Serves the site and the API until SIGINT or SIGTERM.",
     {"--database", "--listen", "--config"},
     0},
    {"migrate",
     "knooppunt migrate [--database DB] [--config FILE]",
     "Creates or updates the database schema and Knooppunt's reference taxonomies.",
     {"--database", "--config"},
     0},
    {"demo",
     "knooppunt demo [--database DB] [--config FILE]",
     "Loads the demo social map (The Hague region, Utrecht, Enschede, Groningen, Friesland).",
     {"--database", "--config"},
     0},
    {"import",
     "knooppunt import hsds PATH [--database DB] [--config FILE]",
     "Imports HSDS 3.0 data: a JSON or ndjson file, or a folder (tabular data package or JSON "
     "files).",
     {"--database", "--config"},
     2},
    {"reindex",
     "knooppunt reindex [--database DB] [--config FILE]",
     "Builds the search index afresh from the database; a running server switches to it.",
     {"--database", "--config"},
     0},
    {"export",
     "knooppunt export hsds --format json|csv --out DIR [--database DB] [--config FILE]",
     "Exports the whole social map as HSDS 3.0 JSON files or a tabular data package.",
     {"--database", "--config", "--format", "--out"},
     1},
};

std::string Usage() {
  std::string out = "usage: knooppunt COMMAND [OPTIONS]\n\ncommands:\n";
  for (const Command& command : kCommands) {
    out += "  " + std::string(command.synopsis) + "\n      " + std::string(command.help) + "\n";
  }
  out +=
      "\nDB is sqlite:PATH or postgresql://USER@HOST:PORT/NAME. `knooppunt COMMAND --help` for one "
      "command.\n";
  return out;
}

struct Invocation {
  const Command* command = nullptr;
  std::map<std::string, std::string, std::less<>> flags;
  std::vector<std::string> positionals;
  bool help = false;
};

// Failure: a one-line message for stderr.
Result<Invocation> Parse(int argc, char** argv) {
  if (argc < 2) return InvalidArgument("command", "no command given; try `knooppunt --help`");
  std::string_view name = argv[1];
  Invocation out;
  if (name == "--help" || name == "-h" || name == "help") {
    out.help = true;
    return out;
  }
  for (const Command& command : kCommands) {
    if (command.name == name) out.command = &command;
  }
  if (out.command == nullptr) {
    return InvalidArgument("command",
                           "unknown command '" + std::string(name) + "'; try `knooppunt --help`");
  }
  for (int i = 2; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      out.help = true;
      continue;
    }
    if (!arg.starts_with("--")) {
      out.positionals.emplace_back(arg);
      continue;
    }
    std::string flag(arg), value;
    if (auto eq = arg.find('='); eq != std::string_view::npos) {
      flag = std::string(arg.substr(0, eq));
      value = std::string(arg.substr(eq + 1));
    } else if (out.command->flags.contains(flag)) {
      if (i + 1 >= argc) return InvalidArgument(flag, flag + " needs a value");
      value = argv[++i];
    }
    if (!out.command->flags.contains(flag)) {
      return InvalidArgument(flag, "unknown option " + flag + " for `knooppunt " +
                                       std::string(out.command->name) + "`");
    }
    out.flags[flag] = value;
  }
  if (!out.help && static_cast<int>(out.positionals.size()) != out.command->positionals) {
    return InvalidArgument("arguments",
                           "wrong arguments; usage: " + std::string(out.command->synopsis));
  }
  return out;
}

// Defaults, then the configuration file given with --config, then the other flags.
Result<Config> BuildConfig(const Invocation& invocation) {
  Config config;
  auto config_flag = invocation.flags.find("--config");
  if (config_flag != invocation.flags.end()) {
    if (Status status = LoadConfigFile(config_flag->second, config); !status) return status.error();
  }
  for (std::string_view key : {"--database", "--listen"}) {
    auto it = invocation.flags.find(key);
    if (it == invocation.flags.end()) continue;
    if (Status status = ApplySetting(config, key.substr(2), it->second); !status)
      return status.error();
  }
  return config;
}

int Fail(const Error& error) {
  std::cerr << "knooppunt: " << error.message << "\n";
  return kFailure;
}

int Migrate(const Config& config) {
  store::StoreOptions options{.database = config.database};
  auto applied = store::Migrate(options);
  if (!applied) return Fail(applied.error());
  auto store = store::OpenStore(options);
  if (!store) return Fail(store.error());
  if (Status status = (*store)->Write(domain::ReferenceRecords()); !status)
    return Fail(status.error());
  std::cout << "migrations applied: " << *applied << "\n";
  return 0;
}

// Brings the search index up to date after a write (built when missing). A running server
// would do the same within a second; doing it here makes the change findable at once.
int UpdateIndex(const Config& config, store::Store& store) {
  auto index = search::SearchIndex::Open(store, {.path = SearchIndexPath(config)});
  if (!index) return Fail(index.error());
  return 0;
}

int Reindex(const Config& config) {
  auto store = store::OpenStore({.database = config.database});
  if (!store) return Fail(store.error());
  Status status = search::SearchIndex::Rebuild(**store, {.path = SearchIndexPath(config)});
  if (!status) return Fail(status.error());
  std::cout << "search index rebuilt in " << SearchIndexPath(config) << "\n";
  return 0;
}

int Demo(const Config& config) {
  auto store = store::OpenStore({.database = config.database});
  if (!store) return Fail(store.error());
  std::vector<domain::Record> records = domain::ReferenceRecords();
  std::vector<domain::Record> demo = BuildDemoData();
  records.insert(records.end(), demo.begin(), demo.end());
  if (Status status = (*store)->Write(records); !status) return Fail(status.error());
  std::cout << "demo data loaded: " << *(*store)->Count(domain::Table::kOrganization)
            << " organisations, " << *(*store)->Count(domain::Table::kService) << " services\n";
  return UpdateIndex(config, **store);
}

int Import(const Config& config, const Invocation& invocation) {
  if (invocation.positionals[0] != "hsds") {
    std::cerr << "knooppunt: import knows one format: hsds\n";
    return kUsageError;
  }
  auto store = store::OpenStore({.database = config.database});
  if (!store) return Fail(store.error());
  auto report = api::ImportHsds(**store, invocation.positionals[1]);
  if (!report) return Fail(report.error());
  for (const auto& [table, count] : report->records_per_table)
    std::cout << table << ": " << count << "\n";
  std::cout << "imported " << report->files << " file(s)\n";
  return UpdateIndex(config, **store);
}

int Export(const Config& config, const Invocation& invocation) {
  if (invocation.positionals[0] != "hsds") {
    std::cerr << "knooppunt: export knows one format: hsds\n";
    return kUsageError;
  }
  auto format = invocation.flags.find("--format");
  auto out = invocation.flags.find("--out");
  if (format == invocation.flags.end() || out == invocation.flags.end() || out->second.empty()) {
    std::cerr << "knooppunt: export needs --format json|csv and --out DIR\n";
    return kUsageError;
  }
  if (format->second != "json" && format->second != "csv") {
    std::cerr << "knooppunt: --format must be json or csv\n";
    return kUsageError;
  }
  auto store = store::OpenStore({.database = config.database});
  if (!store) return Fail(store.error());
  auto counts = api::ExportHsds(
      **store, format->second == "json" ? api::ExportFormat::kJson : api::ExportFormat::kCsv,
      out->second);
  if (!counts) return Fail(counts.error());
  for (const auto& [table, count] : *counts) std::cout << table << ": " << count << "\n";
  return 0;
}

int Serve(const Config& config) {
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  auto store =
      store::OpenStore({.database = config.database, .pool_size = config.server.threads + 1});
  if (!store) return Fail(store.error());

  auto index = search::SearchIndex::Open(**store, {.path = SearchIndexPath(config)});
  if (!index) return Fail(index.error());
  (*index)->Follow();

  http::Metrics metrics;
  http::Router router;
  AddOperationalRoutes(router, **store, metrics);
  api::AddHsdsRoutes(router, **store, **index, {.public_url = config.public_url});
  web::AddWebRoutes(router, **store, **index, {.public_url = config.public_url});
  std::unique_ptr<http::StaticFiles> static_files;
  if (std::filesystem::is_directory(config.static_dir)) {
    auto files = http::StaticFiles::Create(config.static_dir);
    if (!files) return Fail(files.error());
    static_files = std::move(*files);
    router.Prefix(boost::beast::http::verb::get, "/static/",
                  [&](const http::RequestContext& context) {
                    return static_files->Serve(context, context.path_params.at("rest"));
                  });
  }

  // Reports about mistakes are kept at most a year (docs/privacy.md): checked hourly.
  std::jthread retention([&store = **store](std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any wakeup;
    while (!stop.stop_requested()) {
      auto cutoff = domain::FormatUtc(domain::Now() - std::chrono::days(365));
      if (auto removed = store.DeleteReportsBefore(cutoff); !removed) {
        spdlog::warn("deleting old reports failed: {}", removed.error().message);
      }
      std::unique_lock lock(mutex);
      wakeup.wait_for(lock, stop, std::chrono::hours(1), [] { return false; });
    }
  });

  http::ServerOptions options = config.server;
  options.host = config.listen_host;
  options.port = config.listen_port;
  auto server = http::Server::Create(options, router, &metrics);
  if (!server) return Fail(server.error());
  (*server)->StopOnSignals();
  spdlog::info("knooppunt serving on http://{}:{}", config.listen_host, (*server)->port());
  (*server)->Run();
  spdlog::info("knooppunt stopped");
  return 0;
}

}  // namespace

void AddOperationalRoutes(http::Router& router, store::Store& store, http::Metrics& metrics) {
  router.Get("/healthz", [](const http::RequestContext& context) {
    return http::MakeResponse(context.request, 200, "text/plain; charset=utf-8", "ok\n");
  });
  router.Get("/readyz", [&store](const http::RequestContext& context) {
    Status status = store.Ping();
    if (!status)
      return http::JsonError(context.request, Unavailable("the database is not reachable"));
    return http::MakeResponse(context.request, 200, "text/plain; charset=utf-8", "ready\n");
  });
  router.Get("/metrics", [&metrics](const http::RequestContext& context) {
    return http::MakeResponse(context.request, 200, "text/plain; version=0.0.4; charset=utf-8",
                              metrics.RenderPrometheus());
  });
}

int RunCommandLine(int argc, char** argv) {
  auto invocation = Parse(argc, argv);
  if (!invocation) {
    std::cerr << "knooppunt: " << invocation.error().message << "\n";
    return kUsageError;
  }
  if (invocation->help) {
    if (invocation->command == nullptr) {
      std::cout << Usage();
    } else {
      std::cout << "usage: " << invocation->command->synopsis << "\n\n"
                << invocation->command->help << "\n";
    }
    return 0;
  }
  auto config = BuildConfig(*invocation);
  if (!config) {
    std::cerr << "knooppunt: " << config.error().message << "\n";
    return kUsageError;
  }
  std::string_view name = invocation->command->name;
  if (name == "serve") return Serve(*config);
  if (name == "migrate") return Migrate(*config);
  if (name == "demo") return Demo(*config);
  if (name == "import") return Import(*config, *invocation);
  if (name == "reindex") return Reindex(*config);
  return Export(*config, *invocation);
}

}  // namespace knooppunt::app
