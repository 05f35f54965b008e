// The real server on 127.0.0.1, port 0, talked to over real sockets.
#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <csignal>
#include <future>
#include <optional>
#include <string>
#include <thread>

#include "http/metrics.h"
#include "http/router.h"

namespace knooppunt::http {
namespace {

namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
namespace net = boost::asio;
using Tcp = net::ip::tcp;
using std::chrono::milliseconds;
using std::chrono::seconds;

// Upper bound for anything that should "eventually" happen; never a performance assertion.
constexpr seconds kPatience{10};

using ClientResponse = beast_http::response<beast_http::string_body>;

// A server running Run() on its own thread; stopped and joined on destruction.
class RunningServer {
 public:
  RunningServer(ServerOptions options, const Router& router, Metrics* metrics = nullptr,
                bool stop_on_signals = false) {
    auto created = Server::Create(std::move(options), router, metrics);
    if (!created.ok()) {
      ADD_FAILURE() << created.error().message;
      return;
    }
    server_ = std::move(created.value());
    if (stop_on_signals) {
      server_->StopOnSignals();
    }
    returned_ = std::async(std::launch::async, [this] { server_->Run(); });
  }
  ~RunningServer() {
    if (!server_) {
      return;
    }
    server_->Stop();
    if (!RunReturnedWithin(kPatience)) {
      ADD_FAILURE() << "Run() did not return after Stop()";
      std::abort();  // a hung server thread cannot be joined; fail loudly instead of hanging
    }
  }
  Server& server() { return *server_; }
  uint16_t port() const { return server_->port(); }
  bool RunReturnedWithin(seconds limit) {
    return returned_.wait_for(limit) == std::future_status::ready;
  }

 private:
  std::unique_ptr<Server> server_;
  std::future<void> returned_;
};

// A client over one connection: every wait is bounded by kPatience.
class Client {
 public:
  explicit Client(uint16_t port) : socket_(io_) {
    socket_.connect(Tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }

  void Send(const std::string& bytes) { net::write(socket_, net::buffer(bytes)); }

  // The next response, or nullopt when none arrives whole within kPatience.
  std::optional<ClientResponse> Read(bool head = false) {
    beast_http::response_parser<beast_http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(head);
    beast::error_code result = net::error::would_block;
    beast_http::async_read(socket_, buffer_, parser,
                           [&](beast::error_code error, size_t) { result = error; });
    RunBounded();
    if (result) {
      return std::nullopt;
    }
    return parser.release();
  }

  // True when the server closes the connection within `limit` (data before that is ignored).
  bool ClosedWithin(seconds limit) {
    bool closed = false;
    std::function<void()> read_some = [&] {
      socket_.async_read_some(net::buffer(scratch_), [&](beast::error_code error, size_t) {
        if (error) {
          closed = error != net::error::operation_aborted;
        } else {
          read_some();
        }
      });
    };
    read_some();
    RunBounded(limit);
    return closed;
  }

  std::string Get(const std::string& target) {
    Send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    const auto response = Read();
    return response ? response->body() : "<no response>";
  }

 private:
  void RunBounded(seconds limit = kPatience) {
    io_.restart();
    io_.run_for(limit);
    if (!io_.stopped()) {  // timed out: cancel and let the handlers finish
      beast::error_code ignored;
      socket_.cancel(ignored);
      io_.restart();
      io_.run();
    }
  }

  net::io_context io_;
  Tcp::socket socket_;
  beast::flat_buffer buffer_;
  std::array<char, 4096> scratch_{};
};

Router TestRouter() {
  Router router;
  router.Get("/hello", domain::Permission::kPublic, [](const RequestContext& context) {
    return MakeResponse(context.request, 200, "text/plain; charset=utf-8", "hallo");
  });
  router.Get("/echo/{id}", domain::Permission::kPublic, [](const RequestContext& context) {
    if (context.path_params.at("id") == "1") {
      std::this_thread::sleep_for(milliseconds(50));
    }
    return MakeResponse(context.request, 200, "text/plain", context.path_params.at("id"));
  });
  router.Add(beast_http::verb::post, "/upload", domain::Permission::kPublic,
             [](const RequestContext& context) {
               return MakeResponse(context.request, 200, "text/plain",
                                   std::to_string(context.request.body().size()));
             });
  router.Get("/stream", domain::Permission::kPublic, [](const RequestContext& context) {
    Response response = MakeResponse(context.request, 200, "application/x-ndjson", "");
    response.stream = [n = 0](std::string& chunk) mutable {
      if (n == 5) {
        return false;
      }
      chunk = "{\"line\":" + std::to_string(n++) + "}\n";
      return true;
    };
    return response;
  });
  return router;
}

std::string GetRequest(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
}

TEST(Server, KeepsConnectionAliveForSecondRequest) {
  const Router router = TestRouter();
  RunningServer running({}, router);
  Client client(running.port());
  client.Send(GetRequest("/hello"));
  const auto first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body(), "hallo");
  EXPECT_TRUE(first->keep_alive());
  client.Send(GetRequest("/echo/2"));
  const auto second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->body(), "2");
}

TEST(Server, AnswersPipelinedRequestsInOrder) {
  const Router router = TestRouter();
  RunningServer running({}, router);
  Client client(running.port());
  client.Send(GetRequest("/echo/1") + GetRequest("/echo/2") + GetRequest("/echo/3"));
  for (const char* expected : {"1", "2", "3"}) {
    const auto response = client.Read();
    ASSERT_TRUE(response) << expected;
    EXPECT_EQ(response->body(), expected);
  }
}

TEST(Server, ResumesReadingAfterPipelineQueueFills) {
  const Router router = TestRouter();
  RunningServer running({.pipeline_limit = 2}, router);
  Client client(running.port());
  std::string requests;
  for (int i = 0; i < 20; ++i) {
    requests += GetRequest("/echo/" + std::to_string(i));
  }
  client.Send(requests);
  for (int i = 0; i < 20; ++i) {
    const auto response = client.Read();
    ASSERT_TRUE(response) << i;
    EXPECT_EQ(response->body(), std::to_string(i));
  }
}

TEST(Server, AddsSecurityHeadersToEveryResponse) {
  const Router router = TestRouter();
  RunningServer running({}, router);
  Client client(running.port());
  for (const char* target : {"/hello", "/missing"}) {
    client.Send(GetRequest(target));
    const auto response = client.Read();
    ASSERT_TRUE(response) << target;
    EXPECT_EQ((*response)["X-Content-Type-Options"], "nosniff") << target;
    EXPECT_EQ((*response)["Referrer-Policy"], "same-origin") << target;
    EXPECT_EQ((*response)["X-Frame-Options"], "DENY") << target;
    EXPECT_EQ((*response)[beast_http::field::server], "knooppunt") << target;
  }
}

TEST(Server, AnswersHeadWithoutBody) {
  const Router router = TestRouter();
  RunningServer running({}, router);
  Client client(running.port());
  client.Send("HEAD /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
  const auto head = client.Read(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->result_int(), 200u);
  EXPECT_EQ((*head)[beast_http::field::content_length], "5");
  // Had a body been sent, it would be read here in place of the next response.
  EXPECT_EQ(client.Get("/echo/7"), "7");
}

TEST(Server, RejectsTooLargeHeaderWith431) {
  const Router router = TestRouter();
  RunningServer running({.header_limit = 1024}, router);
  Client client(running.port());
  client.Send("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Big: " + std::string(4096, 'a') +
              "\r\n\r\n");
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 431u);
  EXPECT_EQ((*response)[beast_http::field::content_type], "application/json; charset=utf-8");
  EXPECT_FALSE(response->keep_alive());
  EXPECT_TRUE(client.ClosedWithin(kPatience));
}

TEST(Server, RejectsTooLargeBodyWith413) {
  const Router router = TestRouter();
  RunningServer running({.body_limit = 1024}, router);
  Client client(running.port());
  client.Send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4096\r\n\r\n" +
              std::string(4096, 'b'));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 413u);
  EXPECT_NE(response->body().find("\"error\""), std::string::npos);
  EXPECT_TRUE(client.ClosedWithin(kPatience));
}

TEST(Server, AcceptsBodyWithinLimit) {
  const Router router = TestRouter();
  RunningServer running({.body_limit = 1024}, router);
  Client client(running.port());
  client.Send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n" +
              std::string(1000, 'b'));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body(), "1000");
}

TEST(Server, RejectsGarbageRequestLineWith400) {
  const Router router = TestRouter();
  RunningServer running({}, router);
  Client client(running.port());
  client.Send("HELLO THERE\r\n\r\n");
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 400u);
  EXPECT_EQ((*response)[beast_http::field::content_type], "application/json; charset=utf-8");
  EXPECT_TRUE(client.ClosedWithin(kPatience));
}

TEST(Server, DisconnectsClientThatSendsHeaderTooSlowly) {
  const Router router = TestRouter();
  RunningServer running({.read_timeout = seconds(1)}, router);  // idle_timeout stays 60 s
  Client client(running.port());
  client.Send("GET /hello HTTP/1.1\r\nHost: loc");
  EXPECT_TRUE(client.ClosedWithin(kPatience));
}

TEST(Server, ClosesIdleKeepAliveConnectionAfterIdleTimeout) {
  const Router router = TestRouter();
  RunningServer running({.idle_timeout = seconds(1)}, router);
  Client client(running.port());
  EXPECT_EQ(client.Get("/hello"), "hallo");
  EXPECT_TRUE(client.ClosedWithin(kPatience));
}

TEST(Server, SendsStreamedResponseWhole) {
  const Router router = TestRouter();
  RunningServer running({}, router);
  Client client(running.port());
  client.Send(GetRequest("/stream"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_TRUE(response->chunked());
  EXPECT_EQ(response->body(),
            "{\"line\":0}\n{\"line\":1}\n{\"line\":2}\n{\"line\":3}\n{\"line\":4}\n");
  EXPECT_EQ(client.Get("/echo/8"), "8");  // the connection is still usable afterwards
}

TEST(Server, FinishesRequestInFlightOnStop) {
  constexpr size_t kBigBody = size_t{16} * 1024 * 1024;
  std::promise<void> started;
  Router router;
  router.Get("/slow", domain::Permission::kPublic, [&started](const RequestContext& context) {
    started.set_value();
    std::this_thread::sleep_for(milliseconds(300));
    // Larger than the socket buffers, so the write is still going on when Stop() reaches the
    // connection.
    return MakeResponse(context.request, 200, "text/plain", std::string(kBigBody, 'x'));
  });
  RunningServer running({}, router);
  Client idle(running.port());
  Client busy(running.port());
  busy.Send(GetRequest("/slow"));
  ASSERT_EQ(started.get_future().wait_for(kPatience), std::future_status::ready);
  running.server().Stop();
  const auto response = busy.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200u);
  EXPECT_EQ(response->body().size(), kBigBody);
  EXPECT_TRUE(idle.ClosedWithin(kPatience));
  EXPECT_TRUE(running.RunReturnedWithin(kPatience));
}

TEST(Server, ClosesUnfinishedRequestAfterShutdownGrace) {
  const Router router = TestRouter();
  RunningServer running({.shutdown_grace = milliseconds(300)}, router);  // read_timeout: 30 s
  Client client(running.port());
  client.Send("GET /hello HTTP/1.1\r\nHost: loc");
  std::this_thread::sleep_for(milliseconds(100));  // let the server see the partial request
  running.server().Stop();
  EXPECT_TRUE(client.ClosedWithin(kPatience));
  EXPECT_TRUE(running.RunReturnedWithin(kPatience));
}

TEST(Server, StopsOnSigterm) {
  const Router router = TestRouter();
  RunningServer running({}, router, nullptr, /*stop_on_signals=*/true);
  Client client(running.port());
  EXPECT_EQ(client.Get("/hello"), "hallo");
  std::raise(SIGTERM);
  EXPECT_TRUE(running.RunReturnedWithin(kPatience));
}

TEST(Server, RecordsResponsesInMetrics) {
  const Router router = TestRouter();
  Metrics metrics;
  RunningServer running({}, router, &metrics);
  Client client(running.port());
  EXPECT_EQ(client.Get("/echo/5?secret=1"), "5");
  const std::string expected =
      "knooppunt_http_requests_total{route=\"/echo/{id}\",method=\"GET\",code=\"2xx\"} 1";
  // Recorded once the response is written, which may be a moment after the client has it.
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  while (metrics.RenderPrometheus().find(expected) == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  const std::string text = metrics.RenderPrometheus();
  EXPECT_NE(text.find(expected), std::string::npos) << text;
  EXPECT_EQ(text.find("secret"), std::string::npos);
}

TEST(Server, ReportsBusyPortAsUnavailable) {
  const Router router = TestRouter();
  RunningServer running({}, router);
  const auto second = Server::Create({.port = running.port()}, router, nullptr);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(second.error().message.rfind(
                "cannot listen on 127.0.0.1:" + std::to_string(running.port()) + ": ", 0),
            0u)
      << second.error().message;
}

TEST(Server, RejectsOptionsWithoutThreads) {
  const Router router = TestRouter();
  const auto created = Server::Create({.threads = 0}, router, nullptr);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace knooppunt::http
