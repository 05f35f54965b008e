// knooppunt: the one program. Everything lives in the library; this only hands over argv.
#include "app/cli.h"

int main(int argc, char** argv) { return knooppunt::app::RunCommandLine(argc, argv); }
