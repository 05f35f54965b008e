// The HTTP/1.1 server: accepts connections, reads requests within size limits and timeouts,
// hands them to a Router, and writes the responses with security headers (STYLE.md §7).
// Thread-safety: Stop() may be called from any thread (handlers and signal handlers included);
// StopOnSignals() and Run() belong to the thread that owns the Server, and Run() runs once.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "domain/result.h"

namespace knooppunt::http {

class Metrics;
class Router;

struct ServerOptions {
  // Address to listen on: an IP address or a host name.
  std::string host = "127.0.0.1";
  // TCP port; 0 lets the system pick a free one (read it back with Server::port()).
  uint16_t port = 0;
  // Threads running I/O and handlers; handlers run on them, so a slow handler holds one.
  int threads = 2;
  // Largest request line plus headers, in bytes; a larger one is answered 431 and closed.
  size_t header_limit = size_t{8} * 1024;
  // Largest request body, in bytes; a larger one is answered 413 and closed (0: no bodies).
  size_t body_limit = size_t{1024} * 1024;
  // A request's header and body must arrive within this, counted from its first byte, or the
  // connection is closed (slow clients). Also the limit for each write of a response.
  std::chrono::milliseconds read_timeout = std::chrono::seconds(30);
  // How long a keep-alive connection may wait for the first byte of its next request.
  std::chrono::milliseconds idle_timeout = std::chrono::seconds(60);
  // Responses queued per connection (pipelining); reading pauses while the queue is full.
  size_t pipeline_limit = 8;
  // After Stop(): how long requests in flight may take before their connections are closed.
  std::chrono::milliseconds shutdown_grace = std::chrono::seconds(10);
};

class Server {
 public:
  // Listens on options.host:options.port and starts accepting (requests are served once Run()
  // is called). `router` and `metrics` (may be null) must outlive the Server.
  // Failure: kInvalidArgument for unusable options; kUnavailable "cannot listen on HOST:PORT:
  // reason" when the address cannot be resolved or bound.
  static Result<std::unique_ptr<Server>> Create(ServerOptions options, const Router& router,
                                                Metrics* metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The port actually listened on (useful with port 0).
  uint16_t port() const;

  // Serves on options.threads threads and blocks until Stop() has taken effect: the listener
  // is closed, requests in flight are answered and every connection is closed (or
  // shutdown_grace has passed, after which connections are closed by force).
  void Run();

  // Stops accepting, lets requests in flight finish and their responses be written, and closes
  // idle keep-alive connections; Run() then returns. Returns at once; calling it again, or
  // before Run(), is harmless.
  void Stop();

  // Calls Stop() on SIGINT or SIGTERM. Call before Run().
  void StopOnSignals();

 private:
  class Impl;
  explicit Server(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace knooppunt::http
