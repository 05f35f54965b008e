#include "http/response_cache.h"

#include <boost/beast/http/field.hpp>
#include <utility>

namespace knooppunt::http {

namespace beast_http = boost::beast::http;

ResponseCache::ResponseCache(ResponseCacheOptions options, std::function<int64_t()> version)
    : options_(options), version_(std::move(version)) {}

Handler ResponseCache::Wrap(Handler handler) {
  if (options_.ttl.count() <= 0) return handler;
  return [self = shared_from_this(), handler = std::move(handler)](
             const RequestContext& context) -> Response {
    ResponseCache& cache = *self;
    const Request& request = context.request;
    if (request.method() != beast_http::verb::get && request.method() != beast_http::verb::head) {
      return handler(context);
    }
    std::string key(request.target());
    // Read before answering: a change during the answer leaves an entry of the older version,
    // which the next request no longer uses.
    const int64_t version = cache.version_();
    if (std::shared_ptr<const Entry> entry = cache.Find(key, version)) {
      Response response{entry->message, {}};
      response.message.version(request.version());
      response.message.keep_alive(request.keep_alive());
      return response;
    }
    Response response = handler(context);
    const auto& message = response.message;
    if (!response.stream && message.result() == beast_http::status::ok &&
        message.body().size() <= cache.options_.max_body &&
        message.find(beast_http::field::set_cookie) == message.end()) {
      auto entry = std::make_shared<Entry>();
      entry->bytes = key.size() + message.body().size();
      entry->key = std::move(key);
      entry->message = message;
      entry->version = version;
      entry->stored = Clock::now();
      cache.Store(std::move(entry));
    }
    return response;
  };
}

std::shared_ptr<const ResponseCache::Entry> ResponseCache::Find(const std::string& key,
                                                                int64_t version) {
  const std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    ++misses_;
    return nullptr;
  }
  const std::shared_ptr<const Entry>& entry = *it->second;
  if (entry->version != version || Clock::now() - entry->stored >= options_.ttl) {
    bytes_ -= entry->bytes;
    order_.erase(it->second);
    entries_.erase(it);
    ++misses_;
    return nullptr;
  }
  order_.splice(order_.begin(), order_, it->second);
  ++hits_;
  return *it->second;
}

void ResponseCache::Store(std::shared_ptr<const Entry> entry) {
  if (entry->bytes > options_.max_bytes) return;
  const std::lock_guard lock(mutex_);
  if (auto it = entries_.find(entry->key); it != entries_.end()) {
    bytes_ -= (*it->second)->bytes;
    order_.erase(it->second);
    entries_.erase(it);
  }
  while (!order_.empty() && bytes_ + entry->bytes > options_.max_bytes) {
    bytes_ -= order_.back()->bytes;
    entries_.erase(order_.back()->key);
    order_.pop_back();
  }
  bytes_ += entry->bytes;
  order_.push_front(std::move(entry));
  entries_.emplace(order_.front()->key, order_.begin());
}

ResponseCache::Stats ResponseCache::stats() const {
  const std::lock_guard lock(mutex_);
  return {.hits = hits_, .misses = misses_, .entries = entries_.size(), .bytes = bytes_};
}

}  // namespace knooppunt::http
