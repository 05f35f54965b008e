#include "http/metrics.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace knooppunt::http {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Metrics, CountsRequestsByRouteMethodAndStatusClass) {
  Metrics metrics;
  for (int i = 0; i < 3; ++i) {
    metrics.Record("/api/services/{id}", "GET", 200, milliseconds(3));
  }
  metrics.Record("/api/services/{id}", "GET", 404, milliseconds(1));
  const std::string text = metrics.RenderPrometheus();
  EXPECT_TRUE(Contains(text, "# TYPE knooppunt_http_requests_total counter\n"));
  EXPECT_TRUE(Contains(text, "# HELP knooppunt_http_requests_total "));
  EXPECT_TRUE(Contains(text,
                       "knooppunt_http_requests_total{route=\"/api/services/"
                       "{id}\",method=\"GET\",code=\"2xx\"} 3\n"))
      << text;
  EXPECT_TRUE(Contains(text,
                       "knooppunt_http_requests_total{route=\"/api/services/"
                       "{id}\",method=\"GET\",code=\"4xx\"} 1\n"))
      << text;
}

TEST(Metrics, FillsCumulativeLatencyBuckets) {
  Metrics metrics;
  metrics.Record("/a", "GET", 200, microseconds(300));  // 0.3 ms
  metrics.Record("/a", "GET", 200, milliseconds(7));
  metrics.Record("/a", "GET", 200, milliseconds(5000));  // above every bucket
  const std::string text = metrics.RenderPrometheus();
  const std::string bucket = "knooppunt_http_request_duration_seconds_bucket{route=\"/a\",le=";
  EXPECT_TRUE(Contains(text, "# TYPE knooppunt_http_request_duration_seconds histogram\n"));
  EXPECT_TRUE(Contains(text, bucket + "\"0.0005\"} 1\n")) << text;
  EXPECT_TRUE(Contains(text, bucket + "\"0.005\"} 1\n")) << text;
  EXPECT_TRUE(Contains(text, bucket + "\"0.01\"} 2\n")) << text;
  EXPECT_TRUE(Contains(text, bucket + "\"2.5\"} 2\n")) << text;
  EXPECT_TRUE(Contains(text, bucket + "\"+Inf\"} 3\n")) << text;
  EXPECT_TRUE(Contains(text, "knooppunt_http_request_duration_seconds_count{route=\"/a\"} 3\n"));
  EXPECT_TRUE(Contains(text, "knooppunt_http_request_duration_seconds_sum{route=\"/a\"} 5.007"))
      << text;
}

TEST(Metrics, CountsServerErrors) {
  Metrics metrics;
  metrics.Record("/a", "GET", 500, milliseconds(1));
  metrics.Record("/a", "POST", 503, milliseconds(1));
  metrics.Record("/a", "GET", 499, milliseconds(1));
  const std::string text = metrics.RenderPrometheus();
  EXPECT_TRUE(Contains(text, "# TYPE knooppunt_http_errors_total counter\n"));
  EXPECT_TRUE(Contains(text, "\nknooppunt_http_errors_total 2\n")) << text;
}

TEST(Metrics, EscapesLabelValues) {
  Metrics metrics;
  metrics.Record("/a\"b\\c\nd", "GET", 200, milliseconds(1));
  EXPECT_TRUE(Contains(metrics.RenderPrometheus(), "route=\"/a\\\"b\\\\c\\nd\""));
}

TEST(Metrics, RendersZeroErrorsBeforeAnyRequest) {
  EXPECT_TRUE(Contains(Metrics().RenderPrometheus(), "knooppunt_http_errors_total 0\n"));
}

TEST(Metrics, CountsEveryRecordFromManyThreads) {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&metrics] {
      for (int i = 0; i < 1000; ++i) {
        metrics.Record("/x", "GET", 200, microseconds(10));
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_TRUE(Contains(metrics.RenderPrometheus(),
                       "knooppunt_http_requests_total{route=\"/x\",method=\"GET\",code=\"2xx\"} "
                       "4000\n"));
}

}  // namespace
}  // namespace knooppunt::http
