// The server (see server.h), in the shape of Beast's advanced server: a listener on its own
// strand, one Session per connection on its own strand, a bounded queue of responses.
// Thread-safety: a Session's members are touched only on its strand; Shared::mutex guards the
// session registry; Server::Impl::run_mutex_ guards the Run/Stop hand-over.
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/chunk_encode.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/metrics.h"
#include "http/router.h"

namespace knooppunt::http {

namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
namespace net = boost::asio;
using Tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr size_t kFirstReadBytes = 4096;
// After a response that closes the connection, unread input is drained this long so that
// closing does not reset the connection before the client has read the response.
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
// After shutdown_grace, connections are closed; this is how long that may take.
constexpr std::chrono::seconds kForceCloseWait{1};

// A bounded label for logs and metrics: the verb's name, never text the client made up.
std::string MethodLabel(beast_http::verb verb) {
  if (verb == beast_http::verb::unknown) {
    return "OTHER";
  }
  return std::string(beast_http::to_string(verb));
}

void AddSecurityHeaders(beast_http::response<beast_http::string_body>& message) {
  message.set("X-Content-Type-Options", "nosniff");
  message.set("Referrer-Policy", "same-origin");
  message.set(beast_http::field::x_frame_options, "DENY");
  message.set(beast_http::field::server, "knooppunt");
}

bool IsHttpParseError(const beast::error_code& error) {
  return error.category() == beast_http::make_error_code(beast_http::error::bad_method).category();
}

class Session;

// What sessions share with the server; owned jointly so that sessions destroyed after the
// Server (when its io_context is torn down) can still unregister.
struct Shared {
  Shared(ServerOptions server_options, const Router& server_router, Metrics* server_metrics)
      : options(std::move(server_options)), router(server_router), metrics(server_metrics) {}

  // Adds a session; returns whether the server is already stopping.
  bool Register(uint64_t* id, const std::shared_ptr<Session>& session) {
    const std::lock_guard lock(mutex);
    *id = ++last_id;
    sessions.emplace(*id, session);
    return stopping;
  }
  void Unregister(uint64_t id) {
    const std::lock_guard lock(mutex);
    sessions.erase(id);
  }
  // The live sessions; marks the server stopping first when `stop` is set.
  std::vector<std::shared_ptr<Session>> Live(bool stop) {
    std::vector<std::shared_ptr<Session>> live;
    const std::lock_guard lock(mutex);
    if (stop) {
      stopping = true;
    }
    for (const auto& [id, weak] : sessions) {
      if (std::shared_ptr<Session> session = weak.lock()) {
        live.push_back(std::move(session));
      }
    }
    return live;
  }

  const ServerOptions options;
  const Router& router;
  Metrics* const metrics;

  std::mutex mutex;
  bool stopping = false;                                          // guarded by mutex
  uint64_t last_id = 0;                                           // guarded by mutex
  std::unordered_map<uint64_t, std::weak_ptr<Session>> sessions;  // guarded by mutex
};

// One connection. Reads requests one after another, answers each through the router, and
// writes the answers in order while it may already read the next request (pipelining).
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Tcp::socket socket, std::shared_ptr<Shared> shared)
      : stream_(std::move(socket)), shared_(std::move(shared)) {}
  ~Session() {
    if (id_ != 0) {
      shared_->Unregister(id_);
    }
  }

  // Registers with the server and starts reading, on the session's strand.
  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->stopping_ = self->shared_->Register(&self->id_, self);
      self->ReadNext();
    });
  }

  // From any thread: finish what is in flight, then close.
  void PostStop() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      self->stopping_ = true;
      self->MaybeClose();
    });
  }

  // From any thread: close now (after shutdown_grace).
  void PostClose() {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
  }

 private:
  struct Outgoing {
    Response response;
    bool head = false;     // answer to HEAD: header only
    bool chunked = false;  // stream with Transfer-Encoding: chunked (else until close)
    bool close = false;    // close the connection once written
    unsigned status = 0;
    std::string method;
    std::string route;
    Clock::time_point start;
  };

  const ServerOptions& options() const { return shared_->options; }

  // Starts reading the next request unless the connection is closing or the queue is full.
  void ReadNext() {
    if (reading_ || no_more_requests_ || closed_ || queue_.size() >= options().pipeline_limit) {
      return;
    }
    if (stopping_ && buffer_.size() == 0) {
      no_more_requests_ = true;
      MaybeClose();
      return;
    }
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options().header_limit));
    parser_->body_limit(options().body_limit);
    reading_ = true;
    if (buffer_.size() > 0) {
      ReadRequest();
      return;
    }
    // Waiting for the first byte is keep-alive idling; the request's own deadline starts after.
    awaiting_first_byte_ = true;
    stream_.expires_after(options().idle_timeout);
    stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                            [self = shared_from_this()](beast::error_code error, size_t bytes) {
                              self->awaiting_first_byte_ = false;
                              if (error) {
                                self->reading_ = false;
                                self->no_more_requests_ = true;
                                self->MaybeClose();
                                return;
                              }
                              self->buffer_.commit(bytes);
                              self->ReadRequest();
                            });
  }

  void ReadRequest() {
    stream_.expires_after(options().read_timeout);
    beast_http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code error, size_t) { self->OnRequest(error); });
  }

  void OnRequest(beast::error_code error) {
    reading_ = false;
    if (closed_) {
      return;
    }
    if (error == beast_http::error::header_limit) {
      RejectRequest(431, "The request headers are too large.");
    } else if (error == beast_http::error::body_limit) {
      RejectRequest(413, "The request body is too large.");
    } else if (error && IsHttpParseError(error) && error != beast_http::error::end_of_stream &&
               error != beast_http::error::partial_message) {
      RejectRequest(400, "The request is not valid HTTP/1.1.");
    } else if (error) {  // the client went away or was too slow: nobody to answer
      no_more_requests_ = true;
      MaybeClose();
    } else {
      const Clock::time_point start = Clock::now();
      const Request request = parser_->release();
      std::string route;
      boost::system::error_code ignored;
      const std::string client =
          stream_.socket().remote_endpoint(ignored).address().to_string(ignored);
      Response response = shared_->router.Handle(request, &route, client);
      Enqueue(request, std::move(response), std::move(route), start);
    }
  }

  // Answers a request that could not be read, then closes.
  void RejectRequest(unsigned status, std::string message) {
    Request request;
    request.version(11);
    request.keep_alive(false);
    if (parser_->get().method() != beast_http::verb::unknown) {  // the request line was read
      request.method(parser_->get().method());
    }
    Response response = JsonError(request, InvalidArgument("", std::move(message)));
    response.message.result(status);
    response.message.prepare_payload();
    no_more_requests_ = true;
    Enqueue(request, std::move(response), "unmatched", Clock::now());
  }

  void Enqueue(const Request& request, Response response, std::string route,
               Clock::time_point start) {
    beast_http::response<beast_http::string_body>& message = response.message;
    Outgoing out;
    out.head = request.method() == beast_http::verb::head;
    out.method = MethodLabel(request.method());
    if (!response.stream) {
      try {
        message.prepare_payload();
      } catch (const std::exception&) {  // e.g. a body on a 204 or 304
        spdlog::error("handler for {} {} returned a body its status forbids", out.method, route);
        response = JsonError(request, Internal("internal error"));
      }
    }
    const bool keep_alive =
        request.keep_alive() && message.keep_alive() && !stopping_ && !no_more_requests_;
    message.keep_alive(keep_alive);
    if (response.stream) {
      message.content_length(boost::none);
      if (message.version() >= 11) {
        message.chunked(true);
        out.chunked = true;
      } else {
        message.keep_alive(false);  // HTTP/1.0 has no chunks: the body ends with the connection
      }
    }
    AddSecurityHeaders(message);
    out.close = !message.keep_alive();
    out.status = message.result_int();
    out.route = std::move(route);
    out.start = start;
    out.response = std::move(response);
    if (out.close) {
      no_more_requests_ = true;
    }
    queue_.push_back(std::move(out));
    WriteFront();
    ReadNext();
    MaybeClose();
  }

  void WriteFront() {
    if (writing_ || queue_.empty() || closed_) {
      return;
    }
    writing_ = true;
    Outgoing& out = queue_.front();
    stream_.expires_after(options().read_timeout);
    if (out.response.stream) {
      stream_header_.emplace(std::move(out.response.message.base()));
      header_serializer_.emplace(*stream_header_);
      beast_http::async_write_header(stream_, *header_serializer_,
                                     [self = shared_from_this()](beast::error_code error, size_t) {
                                       if (error || self->queue_.front().head) {
                                         self->OnWritten(error);
                                       } else {
                                         self->WriteNextChunk();
                                       }
                                     });
      return;
    }
    body_serializer_.emplace(out.response.message);
    const auto on_written = [self = shared_from_this()](beast::error_code error, size_t) {
      self->OnWritten(error);
    };
    if (out.head) {
      beast_http::async_write_header(stream_, *body_serializer_, on_written);
    } else {
      beast_http::async_write(stream_, *body_serializer_, on_written);
    }
  }

  // Asks the response's generator for the next piece and writes it.
  void WriteNextChunk() {
    Outgoing& out = queue_.front();
    bool more = false;
    chunk_.clear();
    try {
      more = out.response.stream(chunk_);
    } catch (...) {
      spdlog::error("stream for {} {} threw; connection closed mid-response", out.method,
                    out.route);
      OnWritten(net::error::operation_aborted);  // closes the connection
      return;
    }
    auto self = shared_from_this();
    const auto on_piece = [self](beast::error_code error, size_t) {
      if (error) {
        self->OnWritten(error);
      } else {
        self->WriteNextChunk();
      }
    };
    stream_.expires_after(options().read_timeout);
    if (more && chunk_.empty()) {
      net::post(stream_.get_executor(), [self] { self->WriteNextChunk(); });
    } else if (more && out.chunked) {
      net::async_write(stream_, beast_http::make_chunk(net::buffer(chunk_)), on_piece);
    } else if (more) {
      net::async_write(stream_, net::buffer(chunk_), on_piece);
    } else if (out.chunked) {
      net::async_write(stream_, beast_http::make_chunk_last(),
                       [self](beast::error_code error, size_t) { self->OnWritten(error); });
    } else {
      OnWritten({});
    }
  }

  // The front response is written (or failed): record it, then go on with the next.
  void OnWritten(beast::error_code error) {
    writing_ = false;
    body_serializer_.reset();
    header_serializer_.reset();
    stream_header_.reset();
    const Outgoing& out = queue_.front();
    const Clock::duration elapsed = Clock::now() - out.start;
    if (shared_->metrics != nullptr) {
      shared_->metrics->Record(out.route, out.method, out.status, elapsed);
    }
    spdlog::info("{} {} {} {:.1f} ms", out.method, out.route, out.status,
                 std::chrono::duration<double, std::milli>(elapsed).count());
    const bool close = out.close;
    queue_.pop_front();
    if (error) {
      Close();
    } else if (close) {
      LingerThenClose();
    } else {
      WriteFront();
      ReadNext();
      MaybeClose();
    }
  }

  // Closes once nothing is left to answer: when no more requests will be read, or on stop
  // when the connection is idle (no byte of a next request has arrived).
  void MaybeClose() {
    if (closed_ || lingering_ || writing_ || !queue_.empty()) {
      return;
    }
    if (reading_) {
      if (stopping_ && awaiting_first_byte_) {
        Close();
      }
      return;
    }
    if (no_more_requests_ || stopping_) {
      Close();
    }
  }

  // Sends FIN, then reads and drops what the client still sends (for kLingerTimeout at most)
  // so that the kernel does not answer it with a reset that could destroy our response.
  void LingerThenClose() {
    if (closed_) {
      return;
    }
    if (reading_) {
      Close();
      return;
    }
    lingering_ = true;
    beast::error_code ignored;
    stream_.socket().shutdown(Tcp::socket::shutdown_send, ignored);
    stream_.expires_after(kLingerTimeout);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code error, size_t) {
                              if (error || self->closed_) {
                                self->lingering_ = false;
                                self->Close();
                              } else {
                                self->Drain();
                              }
                            });
  }

  void Close() {
    if (closed_) {
      return;
    }
    closed_ = true;
    beast::error_code ignored;
    stream_.socket().shutdown(Tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  const std::shared_ptr<Shared> shared_;
  uint64_t id_ = 0;  // 0 until registered

  // Everything below is touched only on the strand of stream_.
  beast::flat_buffer buffer_;
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  std::deque<Outgoing> queue_;  // answers in request order; the front one is being written
  std::optional<beast_http::response_serializer<beast_http::string_body>> body_serializer_;
  std::optional<beast_http::response<beast_http::empty_body>> stream_header_;
  std::optional<beast_http::response_serializer<beast_http::empty_body>> header_serializer_;
  std::string chunk_;
  std::array<char, 4096> drain_buffer_{};
  bool reading_ = false;
  bool awaiting_first_byte_ = false;
  bool writing_ = false;
  bool lingering_ = false;
  bool no_more_requests_ = false;  // after a closing answer, a read error or end of input
  bool stopping_ = false;
  bool closed_ = false;
};

std::string Where(const ServerOptions& options) {
  const bool ipv6 = options.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + options.host + "]" : options.host) + ":" + std::to_string(options.port);
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, const Router& router, Metrics* metrics)
      : io_(options.threads),
        strand_(net::make_strand(io_)),
        acceptor_(strand_),
        accept_retry_(strand_),
        shared_(std::make_shared<Shared>(std::move(options), router, metrics)) {}

  Status Listen() {
    const ServerOptions& options = shared_->options;
    const std::string failure = "cannot listen on " + Where(options) + ": ";
    beast::error_code error;
    Tcp::endpoint endpoint;
    const net::ip::address address = net::ip::make_address(options.host, error);
    if (!error) {
      endpoint = Tcp::endpoint(address, options.port);
    } else {
      Tcp::resolver resolver(io_);
      const auto results = resolver.resolve(options.host, std::to_string(options.port), error);
      if (error || results.empty()) {
        return Unavailable(failure + (error ? error.message() : "host not found"));
      }
      endpoint = results.begin()->endpoint();
    }
    acceptor_.open(endpoint.protocol(), error);
    if (!error) {
      acceptor_.set_option(net::socket_base::reuse_address(true), error);
    }
    if (!error) {
      acceptor_.bind(endpoint, error);
    }
    if (!error) {
      acceptor_.listen(net::socket_base::max_listen_connections, error);
    }
    if (!error) {
      port_ = acceptor_.local_endpoint(error).port();
    }
    if (error) {
      return Unavailable(failure + error.message());
    }
    Accept();
    return {};
  }

  uint16_t port() const { return port_; }

  void Run() {
    const int count = shared_->options.threads;
    {
      const std::lock_guard lock(run_mutex_);
      running_threads_ = count;
    }
    std::vector<std::thread> threads;
    threads.reserve(count);
    for (int i = 0; i < count; ++i) {
      threads.emplace_back([this] {
        RunLoop();
        {
          const std::lock_guard lock(run_mutex_);
          --running_threads_;
        }
        run_cv_.notify_all();
      });
    }
    {
      std::unique_lock lock(run_mutex_);
      const auto done = [this] { return running_threads_ == 0; };
      run_cv_.wait(lock, [&] { return stop_requested_ || done(); });
      if (!run_cv_.wait_until(lock, stop_time_ + shared_->options.shutdown_grace, done)) {
        spdlog::warn("requests still running {} ms after stop; closing their connections",
                     shared_->options.shutdown_grace.count());
        for (const auto& session : shared_->Live(/*stop=*/true)) {
          session->PostClose();
        }
        if (!run_cv_.wait_for(lock, kForceCloseWait, done)) {
          io_.stop();
        }
      }
    }
    for (std::thread& thread : threads) {
      thread.join();
    }
  }

  void Stop() {
    {
      const std::lock_guard lock(run_mutex_);
      if (stop_requested_) {
        return;
      }
      stop_requested_ = true;
      stop_time_ = Clock::now();
    }
    run_cv_.notify_all();
    net::post(strand_, [this] {
      beast::error_code ignored;
      acceptor_.close(ignored);
      accept_retry_.cancel();
      if (signals_) {
        signals_->cancel();
      }
    });
    for (const auto& session : shared_->Live(/*stop=*/true)) {
      session->PostStop();
    }
  }

  void StopOnSignals() {
    signals_.emplace(strand_, SIGINT, SIGTERM);
    signals_->async_wait([this](const beast::error_code& error, int signal) {
      if (error) {
        return;
      }
      spdlog::info("received signal {}; stopping", signal);
      Stop();
    });
  }

 private:
  void Accept() {
    acceptor_.async_accept(
        net::make_strand(io_), [this](beast::error_code error, Tcp::socket socket) {
          if (!acceptor_.is_open() || error == net::error::operation_aborted) {
            return;
          }
          if (error) {  // e.g. out of file descriptors: try again shortly rather than spin
            spdlog::warn("accepting a connection failed: {}", error.message());
            accept_retry_.expires_after(kAcceptRetryDelay);
            accept_retry_.async_wait([this](beast::error_code wait_error) {
              if (!wait_error && acceptor_.is_open()) {
                Accept();
              }
            });
            return;
          }
          std::make_shared<Session>(std::move(socket), shared_)->Start();
          Accept();
        });
  }

  // A handler that throws must not take the server down with it.
  void RunLoop() {
    for (;;) {
      try {
        io_.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("unexpected exception in the server loop: {}", e.what());
      }
    }
  }

  // io_ is declared first so that it is destroyed last, after the objects that use it.
  net::io_context io_;
  net::strand<net::io_context::executor_type> strand_;  // runs acceptor_, accept_retry_, signals_
  Tcp::acceptor acceptor_;
  net::steady_timer accept_retry_;
  std::optional<net::signal_set> signals_;
  const std::shared_ptr<Shared> shared_;
  uint16_t port_ = 0;

  std::mutex run_mutex_;
  std::condition_variable run_cv_;
  bool stop_requested_ = false;  // guarded by run_mutex_
  Clock::time_point stop_time_;  // guarded by run_mutex_
  int running_threads_ = 0;      // guarded by run_mutex_
};

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options, const Router& router,
                                               Metrics* metrics) {
  if (options.threads < 1 || options.pipeline_limit < 1 || options.header_limit == 0 ||
      options.header_limit > UINT32_MAX) {
    return InvalidArgument("options",
                           "Server options need threads, pipeline_limit and header_limit above "
                           "zero (header_limit below 4 GiB).");
  }
  auto impl = std::make_unique<Impl>(std::move(options), router, metrics);
  if (Status listening = impl->Listen(); !listening.ok()) {
    return listening.error();
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

uint16_t Server::port() const { return impl_->port(); }
void Server::Run() { impl_->Run(); }
void Server::Stop() { impl_->Stop(); }
void Server::StopOnSignals() { impl_->StopOnSignals(); }

}  // namespace knooppunt::http
