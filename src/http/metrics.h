// Request counters and latency histograms, rendered in the Prometheus text format for /metrics.
// Thread-safety: every method may be called from any number of threads at once (one mutex
// guards all counters).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace knooppunt::http {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in milliseconds (rendered in seconds).
  static constexpr std::array<double, 12> kBucketsMs = {0.5, 1,   2.5, 5,   10,   25,
                                                        50,  100, 250, 500, 1000, 2500};

  // Counts one response: `route` is the matched pattern (never the raw path), `method` a
  // method name, `status` the HTTP status. Always succeeds.
  void Record(std::string_view route, std::string_view method, unsigned status,
              std::chrono::nanoseconds duration);

  // All counters in the Prometheus text exposition format (version 0.0.4), sorted by labels.
  std::string RenderPrometheus() const;

 private:
  struct Histogram {
    std::array<uint64_t, kBucketsMs.size()> buckets{};  // not cumulative; summed on render
    uint64_t count = 0;
    double sum_seconds = 0;
  };
  // (route, method, status class such as "2xx")
  using RequestKey = std::tuple<std::string, std::string, std::string>;

  mutable std::mutex mutex_;
  std::map<RequestKey, uint64_t, std::less<>> requests_;   // guarded by mutex_
  std::map<std::string, Histogram, std::less<>> latency_;  // guarded by mutex_; key: route
  uint64_t errors_ = 0;                                    // guarded by mutex_; 5xx responses
};

}  // namespace knooppunt::http
