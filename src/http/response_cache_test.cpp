#include "http/response_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace knooppunt::http {
namespace {

namespace beast_http = boost::beast::http;

// A router with one cached route that counts its calls and answers with the call's number,
// or with `status` when set.
struct Fixture {
  explicit Fixture(ResponseCacheOptions options = {}) {
    cache = std::make_shared<ResponseCache>(options, [this] { return version.load(); });
    router.Get("/api/services", domain::Permission::kPublic,
               cache->Wrap([this](const RequestContext& context) {
                 int call = ++calls;
                 Response response = MakeResponse(context.request, status, "application/json",
                                                  "{\"call\":" + std::to_string(call) + "}");
                 if (stream) response.stream = [](std::string&) { return false; };
                 return response;
               }));
  }

  Response Get(const std::string& target, unsigned http_version = 11, bool keep_alive = true) {
    Request request{beast_http::verb::get, target, http_version};
    request.keep_alive(keep_alive);
    return router.Handle(request);
  }

  Router router;
  std::shared_ptr<ResponseCache> cache;
  std::atomic<int64_t> version{1};
  std::atomic<int> calls{0};
  unsigned status = 200;
  bool stream = false;
};

TEST(ResponseCache, AnswersTheSameTargetAgainWithoutTheHandler) {
  Fixture fixture;
  EXPECT_EQ(fixture.Get("/api/services?search=taal").message.body(), "{\"call\":1}");
  Response again = fixture.Get("/api/services?search=taal");
  EXPECT_EQ(again.message.body(), "{\"call\":1}");
  EXPECT_EQ(again.message[beast_http::field::content_type], "application/json");
  EXPECT_EQ(fixture.calls, 1);
  EXPECT_EQ(fixture.Get("/api/services?search=voedselbank").message.body(), "{\"call\":2}");
  ResponseCache::Stats stats = fixture.cache->stats();
  EXPECT_EQ(stats.hits, 1);
  EXPECT_EQ(stats.misses, 2);
  EXPECT_EQ(stats.entries, 2u);
}

TEST(ResponseCache, AnswersAfreshOnceTheDataChanged) {
  Fixture fixture;
  fixture.Get("/api/services?search=taal");
  fixture.version = 2;
  EXPECT_EQ(fixture.Get("/api/services?search=taal").message.body(), "{\"call\":2}");
  EXPECT_EQ(fixture.Get("/api/services?search=taal").message.body(), "{\"call\":2}");
}

TEST(ResponseCache, AnswersAfreshAfterTheTtl) {
  Fixture fixture({.ttl = std::chrono::milliseconds(1)});
  fixture.Get("/api/services?open_now=true");
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(fixture.Get("/api/services?open_now=true").message.body(), "{\"call\":2}");
}

TEST(ResponseCache, ZeroTtlTurnsItOff) {
  Fixture fixture({.ttl = std::chrono::milliseconds(0)});
  fixture.Get("/api/services");
  EXPECT_EQ(fixture.Get("/api/services").message.body(), "{\"call\":2}");
}

TEST(ResponseCache, KeepsOnlyWholeSuccessfulAnswers) {
  Fixture fixture;
  fixture.status = 400;
  fixture.Get("/api/services?near=abc");
  EXPECT_EQ(fixture.Get("/api/services?near=abc").message.body(), "{\"call\":2}");
  fixture.status = 200;
  fixture.stream = true;
  fixture.Get("/api/services?format=ndjson");
  fixture.Get("/api/services?format=ndjson");
  EXPECT_EQ(fixture.calls, 4);
  EXPECT_EQ(fixture.cache->stats().entries, 0u);
}

TEST(ResponseCache, TakesVersionAndKeepAliveFromEachRequest) {
  Fixture fixture;
  fixture.Get("/api/services", 11, true);
  Response old_client = fixture.Get("/api/services", 10, false);
  EXPECT_EQ(fixture.calls, 1);
  EXPECT_EQ(old_client.message.version(), 10u);
  EXPECT_FALSE(old_client.message.keep_alive());
}

TEST(ResponseCache, DropsTheLeastRecentlyUsedWhenFull) {
  // Each entry is its target plus a 10-byte body: room for two.
  const std::string a = "/api/services?q=aaaa", b = "/api/services?q=bbbb",
                    c = "/api/services?q=cccc";
  Fixture fixture({.max_bytes = 2 * (a.size() + 10)});
  fixture.Get(a);
  fixture.Get(b);
  fixture.Get(a);  // a is now the most recently used
  fixture.Get(c);  // b goes
  EXPECT_EQ(fixture.calls, 3);
  EXPECT_EQ(fixture.Get(a).message.body(), "{\"call\":1}");
  EXPECT_EQ(fixture.Get(b).message.body(), "{\"call\":4}");
  EXPECT_LE(fixture.cache->stats().bytes, 2 * (a.size() + 10));
}

TEST(ResponseCache, LeavesLargeAnswersOut) {
  Fixture fixture({.max_body = 5});
  fixture.Get("/api/services");
  fixture.Get("/api/services");
  EXPECT_EQ(fixture.calls, 2);
}

TEST(ResponseCache, ServesManyThreadsAtOnce) {
  Fixture fixture({.max_bytes = 400});  // small: entries are evicted while others read them
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        Response response = fixture.Get("/api/services?page=" + std::to_string((i + t) % 17));
        if (response.message.body().find("{\"call\":") != 0) ++wrong;
        if (i % 100 == 0) ++fixture.version;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong, 0);
  ResponseCache::Stats stats = fixture.cache->stats();
  EXPECT_EQ(stats.hits + stats.misses, 2000);
  EXPECT_GT(stats.hits, 0);
  EXPECT_LE(stats.bytes, 400u);
}

}  // namespace
}  // namespace knooppunt::http
