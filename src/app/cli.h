// The command line: `knooppunt serve | migrate | demo | import | export`, each with --help.
// Unknown commands or flags and bad values print one line and exit with code 2; failures while
// running print one line and exit with code 1.
// Thread-safety: called once, from main.
#pragma once

namespace knooppunt::app {

// Runs the command named in argv[1]; returns the process exit code.
int RunCommandLine(int argc, char** argv);

}  // namespace knooppunt::app
