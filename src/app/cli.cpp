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

#include "accounts/accounts.h"
#include "accounts/listings.h"
#include "api/hsds_api.h"
#include "api/hsds_export.h"
#include "api/hsds_import.h"
#include "api/places_api.h"
#include "app/config.h"
#include "app/demo_data.h"
#include "app/demo_exchange.h"
#include "app/site.h"
#include "exchange/exchange.h"
#include "domain/places.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "mail/mailer.h"
#include "mail/outbox.h"
#include "web/exchange_mail.h"
#include "web/organization_pages.h"
#include "search/search_index.h"
#include "store/store.h"

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
    {"user",
     "knooppunt user add --email E --role ROLE [--org ID | --region R] --password-stdin\n"
     "  knooppunt user reset-password --email E --password-stdin",
     "Adds an account (verified at once) with a role, or sets a new password and ends its "
     "sessions. The password is read from standard input. Roles: platform-admin, help-desk "
     "(--region), organization-admin and organization-member (--org), volunteer, participant.",
     {"--database", "--config", "--email", "--role", "--org", "--region", "--password-stdin"},
     1},
    {"org",
     "knooppunt org verify ID [--database DB] [--config FILE]",
     "Verifies an organisation: approves its pending claims (their accounts become its admins) "
     "and sets its last-verified date to today. ID may also be the id of a pending claim.",
     {"--database", "--config"},
     2},
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
    } else if (flag == "--password-stdin") {
      value = "yes";  // a switch: it takes no value
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
  if (Status status = LoadDemoExchange(**store); !status) return Fail(status.error());
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

// The password for `user`: one line of standard input, without its line break.
Result<std::string> PasswordFromStdin(const Invocation& invocation) {
  if (!invocation.flags.contains("--password-stdin")) {
    return InvalidArgument("--password-stdin",
                           "give the password on standard input with --password-stdin");
  }
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

std::string Flag(const Invocation& invocation, std::string_view name) {
  auto found = invocation.flags.find(name);
  return found == invocation.flags.end() ? std::string() : found->second;
}

int User(const Config& config, const Invocation& invocation) {
  std::string_view action = invocation.positionals[0];
  if (action != "add" && action != "reset-password") {
    std::cerr << "knooppunt: user knows add and reset-password\n";
    return kUsageError;
  }
  std::string email = Flag(invocation, "--email");
  if (email.empty()) {
    std::cerr << "knooppunt: --email is needed\n";
    return kUsageError;
  }
  domain::Grant grant;
  if (action == "add") {
    auto role = domain::ParseRole(Flag(invocation, "--role"));
    if (!role) {
      std::cerr << "knooppunt: --role must be one of platform-admin, help-desk, "
                   "organization-admin, organization-member, volunteer, participant\n";
      return kUsageError;
    }
    grant.role = *role;
    switch (domain::ScopeOf(*role)) {
      case domain::ScopeKind::kOrganization:
        grant.scope = Flag(invocation, "--org");
        if (grant.scope.empty()) {
          std::cerr << "knooppunt: --org ID is needed for " << domain::RoleName(*role) << "\n";
          return kUsageError;
        }
        break;
      case domain::ScopeKind::kRegion:
        grant.scope = Flag(invocation, "--region");
        if (grant.scope.empty()) {
          std::cerr << "knooppunt: --region is needed for help-desk (as in the addresses, e.g. "
                       "Zuid-Holland)\n";
          return kUsageError;
        }
        break;
      case domain::ScopeKind::kNone:
        break;
    }
  }
  auto password = PasswordFromStdin(invocation);
  if (!password) {
    std::cerr << "knooppunt: " << password.error().message << "\n";
    return kUsageError;
  }
  auto store = store::OpenStore({.database = config.database});
  if (!store) return Fail(store.error());
  if (grant.role == domain::Role::kOrganizationAdmin ||
      grant.role == domain::Role::kOrganizationMember) {
    auto organization = (*store)->Get(domain::Table::kOrganization, grant.scope);
    if (!organization) return Fail(organization.error());
    if (!*organization) return Fail(NotFound("there is no organisation with id " + grant.scope));
  }
  accounts::Accounts accounts(**store, {});
  if (action == "reset-password") {
    if (Status status = accounts.SetPassword(email, *password); !status) {
      return Fail(status.error());
    }
    std::cout << "password changed; every session of the account has ended\n";
    return 0;
  }
  auto id = accounts.CreateVerified(email, *password, grant);
  if (!id) {
    if (id.error().code == ErrorCode::kConflict) {
      return Fail(Error{ErrorCode::kConflict, "this address has an account already", {}});
    }
    return Fail(id.error());
  }
  std::cout << "account " << *id << " added as " << domain::RoleName(grant.role) << "\n";
  return 0;
}

int Org(const Config& config, const Invocation& invocation) {
  if (invocation.positionals[0] != "verify") {
    std::cerr << "knooppunt: org knows verify\n";
    return kUsageError;
  }
  auto store = store::OpenStore({.database = config.database});
  if (!store) return Fail(store.error());
  accounts::Listings listings(**store);
  const std::string& id = invocation.positionals[1];
  auto request = (*store)->accounts().OrganizationRequestById(id);
  if (!request) return Fail(request.error());
  if (*request) {
    if (Status status = listings.Approve(id, "system"); !status) return Fail(status.error());
    std::cout << "claim approved\n";
    return 0;
  }
  auto approved = listings.VerifyOrganization(id, "system");
  if (!approved) return Fail(approved.error());
  std::cout << "organisation verified; claims approved: " << *approved << "\n";
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

  accounts::Accounts accounts(**store, {});
  // With an SMTP server configured, mail goes there and mail_folder is not used.
  mail::MailerOptions mail_options = config.mail;
  if (!mail_options.smtp_url.empty()) mail_options.folder.clear();
  auto mailer = mail::MakeMailer(mail_options);
  if (!mailer) return Fail(mailer.error());

  std::unique_ptr<http::StaticFiles> static_files;
  if (std::filesystem::is_directory(config.static_dir)) {
    auto files = http::StaticFiles::Create(config.static_dir);
    if (!files) return Fail(files.error());
    static_files = std::move(*files);
  }
  // Dutch place names (GeoNames) for the place fields; built with the static files. Without them
  // the site still serves, and /api/places finds nothing.
  domain::Gazetteer places;
  if (auto loaded = api::LoadGazetteer(config.static_dir / "build" / "places-nl.tsv")) {
    places = std::move(*loaded);
  } else {
    spdlog::warn("no place names: {}", loaded.error().message);
  }
  // Supply and demand: its mails go through the outbox below.
  web::MailNotifier notifier(**store, config.public_url);
  exchange::Exchange exchange(**store, config.match_weights, {}, notifier);
  http::Metrics metrics;
  http::Router router;
  BuildSite(router,
            {.store = **store,
             .index = **index,
             .accounts = accounts,
             .exchange = exchange,
             .metrics = metrics,
             .places = places,
             .static_files = static_files.get()},
            config.public_url);

  // The outbox: every few seconds the mails that are due go out (docs/architecture.md).
  std::jthread outbox(
      [&store = **store, &mailer = **mailer, options = config.outbox](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wakeup;
        while (!stop.stop_requested()) {
          if (auto report = mail::DeliverDue(store.accounts(), mailer, options); !report) {
            spdlog::warn("the outbox could not be read: {}", report.error().message);
          }
          std::unique_lock lock(mutex);
          wakeup.wait_for(lock, stop, std::chrono::seconds(2), [] { return false; });
        }
      });

  // Reports about mistakes are kept at most a year (docs/privacy.md): checked hourly.
  // Expired sessions and links go too.
  // Keepers of listings not confirmed for review_months get a reminder (at most every 30 days).
  // Unanswered match proposals and postings past their last day expire.
  std::jthread retention([&store = **store, &accounts, &config, &exchange](std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any wakeup;
    while (!stop.stop_requested()) {
      if (auto expired = exchange.ExpireDue(domain::Now()); !expired) {
        spdlog::warn("expiring proposals and postings failed: {}", expired.error().message);
      }
      if (config.review_months > 0) {
        auto reminded = web::SendReviewReminders(store, config.public_url, config.review_months);
        if (!reminded) {
          spdlog::warn("review reminders failed: {}", reminded.error().message);
        } else if (*reminded > 0) {
          spdlog::info("review reminders sent for {} organisations", *reminded);
        }
      }
      auto cutoff = domain::FormatUtc(domain::Now() - std::chrono::days(365));
      if (auto removed = store.DeleteReportsBefore(cutoff); !removed) {
        spdlog::warn("deleting old reports failed: {}", removed.error().message);
      }
      if (auto removed = accounts.CleanUp(); !removed) {
        spdlog::warn("deleting expired sessions failed: {}", removed.error().message);
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
  if (name == "user") return User(*config, *invocation);
  if (name == "org") return Org(*config, *invocation);
  return Export(*config, *invocation);
}

}  // namespace knooppunt::app
