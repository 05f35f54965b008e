// Prometheus counters for the HTTP layer (see metrics.h).
// Thread-safety: all state is guarded by Metrics::mutex_.
#include "http/metrics.h"

#include <charconv>

namespace knooppunt::http {

namespace {

// Label values escape backslash, double quote and line feed (Prometheus text format).
std::string EscapeLabel(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Shortest round-trip decimal form without exponent: 0.0005, 2.5, 1.
std::string FormatDouble(double value) {
  char buffer[400];  // the longest fixed form of a double fits
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

std::string StatusClass(unsigned status) {
  if (status < 100 || status > 599) {
    return "other";
  }
  return std::to_string(status / 100) + "xx";
}

}  // namespace

void Metrics::Record(std::string_view route, std::string_view method, unsigned status,
                     std::chrono::nanoseconds duration) {
  const double ms = std::chrono::duration<double, std::milli>(duration).count();
  RequestKey key{std::string(route), std::string(method), StatusClass(status)};
  const std::lock_guard lock(mutex_);
  ++requests_[std::move(key)];
  auto histogram = latency_.find(route);
  if (histogram == latency_.end()) {
    histogram = latency_.emplace(std::string(route), Histogram{}).first;
  }
  for (size_t i = 0; i < kBucketsMs.size(); ++i) {
    if (ms <= kBucketsMs[i]) {
      ++histogram->second.buckets[i];
      break;
    }
  }
  ++histogram->second.count;
  histogram->second.sum_seconds += ms / 1000.0;
  if (status >= 500 && status <= 599) {
    ++errors_;
  }
}

std::string Metrics::RenderPrometheus() const {
  std::string out;
  const std::lock_guard lock(mutex_);

  out +=
      "# HELP knooppunt_http_requests_total HTTP responses sent, by route pattern, method "
      "and status class.\n"
      "# TYPE knooppunt_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, code] = key;
    out += "knooppunt_http_requests_total{route=\"" + EscapeLabel(route) + "\",method=\"" +
           EscapeLabel(method) + "\",code=\"" + code + "\"} " + std::to_string(count) + "\n";
  }

  out +=
      "# HELP knooppunt_http_request_duration_seconds Time from a request being read to its "
      "response being written.\n"
      "# TYPE knooppunt_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : latency_) {
    const std::string label = "route=\"" + EscapeLabel(route) + "\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBucketsMs.size(); ++i) {
      cumulative += histogram.buckets[i];
      out += "knooppunt_http_request_duration_seconds_bucket{" + label + ",le=\"" +
             FormatDouble(kBucketsMs[i] / 1000.0) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "knooppunt_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(histogram.count) + "\n";
    out += "knooppunt_http_request_duration_seconds_sum{" + label + "} " +
           FormatDouble(histogram.sum_seconds) + "\n";
    out += "knooppunt_http_request_duration_seconds_count{" + label + "} " +
           std::to_string(histogram.count) + "\n";
  }

  out +=
      "# HELP knooppunt_http_errors_total HTTP responses with a 5xx status.\n"
      "# TYPE knooppunt_http_errors_total counter\n"
      "knooppunt_http_errors_total " +
      std::to_string(errors_) + "\n";
  return out;
}

}  // namespace knooppunt::http
