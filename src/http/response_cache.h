// A bounded cache of whole answers to GET requests, for read-only public endpoints whose answer
// depends only on the request target and on one version number of the data behind it (for the
// search API: the last store change the search index has taken in). An answer is reused while
// that version is unchanged and the answer is younger than `ttl`; the ttl bounds how stale an
// answer that depends on the clock ("open now") can be. Only 200 answers without a stream are
// kept. Least recently used answers go first when `max_bytes` would be exceeded.
// Thread-safety: Wrap's handlers may run on any number of threads at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/router.h"

namespace knooppunt::http {

struct ResponseCacheOptions {
  std::chrono::milliseconds ttl{15000};  // 0 turns the cache off
  size_t max_bytes = 32u << 20;          // bodies and targets together
  size_t max_body = 256u << 10;          // larger answers are not kept
};

class ResponseCache : public std::enable_shared_from_this<ResponseCache> {
 public:
  ResponseCache(ResponseCacheOptions options, std::function<int64_t()> version);

  // `handler`, answered from the cache where it can be. The permission check and everything
  // else the router does stay outside: they run for every request. The handler keeps the cache
  // alive (it must be owned by a shared_ptr).
  Handler Wrap(Handler handler);

  struct Stats {
    int64_t hits = 0;
    int64_t misses = 0;
    size_t entries = 0;
    size_t bytes = 0;
  };
  Stats stats() const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::string key;
    boost::beast::http::response<boost::beast::http::string_body> message;
    int64_t version = 0;
    Clock::time_point stored;
    size_t bytes = 0;
  };
  using Order = std::list<std::shared_ptr<const Entry>>;  // most recently used first

  std::shared_ptr<const Entry> Find(const std::string& key, int64_t version);
  void Store(std::shared_ptr<const Entry> entry);

  const ResponseCacheOptions options_;
  const std::function<int64_t()> version_;

  mutable std::mutex mutex_;
  Order order_;                                                // GUARDED_BY(mutex_)
  std::unordered_map<std::string, Order::iterator> entries_;  // GUARDED_BY(mutex_)
  size_t bytes_ = 0;                                           // GUARDED_BY(mutex_)
  int64_t hits_ = 0;                                           // GUARDED_BY(mutex_)
  int64_t misses_ = 0;                                         // GUARDED_BY(mutex_)
};

}  // namespace knooppunt::http
