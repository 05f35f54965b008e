// The program's configuration: defaults, then the configuration file (knooppunt.conf, every
// key commented there), then command-line flags, each overriding the one before.
// Thread-safety: plain values.
#pragma once

#include <filesystem>
#include <string>

#include "domain/result.h"
#include "http/server.h"
#include "mail/mailer.h"
#include "mail/outbox.h"
#include "match/weights.h"

namespace knooppunt::app {

struct Config {
  std::string database = "sqlite:data/knooppunt.db";  // sqlite:PATH or postgresql://…
  std::string listen_host = "127.0.0.1";
  uint16_t listen_port = 8080;
  std::string public_url = "http://localhost:8080";  // how visitors reach the site
  std::filesystem::path static_dir = "static";       // CSS, JS, images served under /static/
  std::string log_level = "info";                    // trace, debug, info, warn, error, off
  // Folder of the search index (a read model of the database, rebuilt when missing). Empty:
  // beside a SQLite file (PATH.search), else data/search.
  std::string search_index;
  http::ServerOptions server;  // threads, limits and timeouts
  // How mail goes out: SMTP when smtp_url is set, otherwise written to a folder (development).
  mail::MailerOptions mail = {.folder = "data/mail"};
  mail::OutboxOptions outbox;  // retries of mail the server did not accept
  // Keepers are reminded by mail to check a listing not confirmed for this many months; 0: never.
  int review_months = 12;
  // The weights of the matching engine's score (match/weights.h), from match_weights_file.
  match::Weights match_weights;
};

// Reads `key = value` lines ('#' starts a comment) into `config`. Success: the keys applied.
// Failure: kInvalidArgument naming the file, line and key (unknown key or bad value), or
// kNotFound when the file cannot be read.
Status LoadConfigFile(const std::filesystem::path& path, Config& config);

// Sets one key (the same names as in the file). Failure: kInvalidArgument naming the key.
Status ApplySetting(Config& config, std::string_view key, std::string_view value);

// The search index folder: config.search_index, or the default described there.
std::string SearchIndexPath(const Config& config);

// Parses "HOST:PORT". Failure: kInvalidArgument naming "listen".
Status ParseListen(std::string_view text, Config& config);

}  // namespace knooppunt::app
