// The command line: `knooppunt serve | migrate | demo | import | export`, each with --help.
// Unknown commands or flags and bad values print one line and exit with code 2; failures while
// running print one line and exit with code 1.
// Thread-safety: called once, from main.
#pragma once

namespace knooppunt::http {
class Metrics;
class Router;
}  // namespace knooppunt::http
namespace knooppunt::store {
class Store;
}

namespace knooppunt::app {

// Runs the command named in argv[1]; returns the process exit code.
int RunCommandLine(int argc, char** argv);

// /healthz (the process answers), /readyz (the database answers) and /metrics (Prometheus).
void AddOperationalRoutes(http::Router& router, store::Store& store, http::Metrics& metrics);

}  // namespace knooppunt::app
