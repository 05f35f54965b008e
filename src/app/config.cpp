#include "app/config.h"

#include <charconv>
#include <fstream>
#include <iterator>

namespace knooppunt::app {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

template <typename T>
bool ParseNumber(std::string_view text, T& out, T min, T max) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return false;
  if (value < min || value > max) return false;
  out = value;
  return true;
}

Error BadValue(std::string_view key, std::string_view expected) {
  return InvalidArgument(std::string(key), "bad value for " + std::string(key) + ": expected " +
                                               std::string(expected));
}

}  // namespace

Status ParseListen(std::string_view text, Config& config) {
  auto colon = text.rfind(':');
  uint16_t port = 0;
  if (colon == std::string_view::npos || colon == 0 ||
      !ParseNumber<uint16_t>(text.substr(colon + 1), port, 0, 65535)) {
    return BadValue("listen", "HOST:PORT, e.g. 127.0.0.1:8080");
  }
  std::string_view host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  config.listen_host = std::string(host);
  config.listen_port = port;
  return {};
}

Status ApplySetting(Config& config, std::string_view key, std::string_view value) {
  using std::chrono::seconds;
  if (key == "database") {
    if (!value.starts_with("sqlite:") && !value.starts_with("postgresql://") &&
        !value.starts_with("postgres://")) {
      return BadValue(key, "sqlite:PATH or postgresql://USER@HOST:PORT/NAME");
    }
    config.database = std::string(value);
  } else if (key == "listen") {
    return ParseListen(value, config);
  } else if (key == "public_url") {
    if (!value.starts_with("http://") && !value.starts_with("https://")) {
      return BadValue(key, "an address starting with http:// or https://");
    }
    std::string url(value);
    while (!url.empty() && url.back() == '/') url.pop_back();
    config.public_url = url;
  } else if (key == "search_index") {
    if (value.empty()) return BadValue(key, "a folder");
    config.search_index = std::string(value);
  } else if (key == "static_dir") {
    config.static_dir = std::string(value);
  } else if (key == "log_level") {
    if (value != "trace" && value != "debug" && value != "info" && value != "warn" &&
        value != "error" && value != "off") {
      return BadValue(key, "trace, debug, info, warn, error or off");
    }
    config.log_level = std::string(value);
  } else if (key == "threads") {
    if (!ParseNumber(value, config.server.threads, 1, 256))
      return BadValue(key, "a number from 1 to 256");
  } else if (key == "header_limit_bytes") {
    if (!ParseNumber<size_t>(value, config.server.header_limit, 1024, 1 << 20)) {
      return BadValue(key, "a number of bytes from 1024 to 1048576");
    }
  } else if (key == "body_limit_bytes") {
    if (!ParseNumber<size_t>(value, config.server.body_limit, 0, size_t{1} << 30)) {
      return BadValue(key, "a number of bytes up to 1073741824");
    }
  } else if (key == "read_timeout_seconds" || key == "idle_timeout_seconds") {
    int seconds_value = 0;
    if (!ParseNumber(value, seconds_value, 1, 3600)) return BadValue(key, "seconds from 1 to 3600");
    (key == "read_timeout_seconds" ? config.server.read_timeout : config.server.idle_timeout) =
        seconds(seconds_value);
  } else if (key == "pipeline_limit") {
    if (!ParseNumber<size_t>(value, config.server.pipeline_limit, 1, 64)) {
      return BadValue(key, "a number from 1 to 64");
    }
  } else if (key == "smtp_url") {
    if (!value.empty() && !value.starts_with("smtp://") && !value.starts_with("smtps://")) {
      return BadValue(key, "smtp://HOST:PORT or smtps://HOST:PORT, or empty for mail_folder");
    }
    config.mail.smtp_url = std::string(value);
  } else if (key == "smtp_username") {
    config.mail.username = std::string(value);
  } else if (key == "smtp_password") {
    config.mail.password = std::string(value);
  } else if (key == "smtp_require_tls") {
    if (value != "true" && value != "false") return BadValue(key, "true or false");
    config.mail.require_tls = value == "true";
  } else if (key == "mail_from") {
    if (value.empty() || value.find_first_of("\r\n") != std::string_view::npos) {
      return BadValue(key, "a sender such as: Knooppunt <noreply@example.org>");
    }
    config.mail.from = std::string(value);
  } else if (key == "mail_retry_seconds") {
    int seconds_value = 0;
    if (!ParseNumber(value, seconds_value, 1, 86400))
      return BadValue(key, "seconds from 1 to 86400");
    config.outbox.first_retry = seconds(seconds_value);
  } else if (key == "review_months") {
    if (!ParseNumber(value, config.review_months, 0, 120)) {
      return BadValue(key, "months from 0 (no reminders) to 120");
    }
  } else if (key == "match_weights_file") {
    std::ifstream file{std::string(value)};
    if (!file) return BadValue(key, "a readable file of \"name = number\" lines (match/weights.h)");
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    auto weights = match::ParseWeights(text);
    if (!weights) {
      return InvalidArgument(std::string(key), std::string(value) + ": " + weights.error().field +
                                                   ": " + weights.error().message);
    }
    config.match_weights = *weights;
  } else if (key == "mail_folder") {
    config.mail.folder = std::string(value);
  } else {
    return InvalidArgument(std::string(key), "unknown setting " + std::string(key));
  }
  return {};
}

std::string SearchIndexPath(const Config& config) {
  if (!config.search_index.empty()) return config.search_index;
  if (config.database.starts_with("sqlite:")) return config.database.substr(7) + ".search";
  return "data/search";
}

Status LoadConfigFile(const std::filesystem::path& path, Config& config) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot read the configuration file " + path.string());
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view text = line;
    if (auto hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
    text = Trim(text);
    if (text.empty()) continue;
    auto eq = text.find('=');
    std::string where = path.string() + ":" + std::to_string(number) + ": ";
    if (eq == std::string_view::npos) {
      return InvalidArgument("config", where + "expected key = value");
    }
    Status status = ApplySetting(config, Trim(text.substr(0, eq)), Trim(text.substr(eq + 1)));
    if (!status) return InvalidArgument(status.error().field, where + status.error().message);
  }
  return {};
}

}  // namespace knooppunt::app
