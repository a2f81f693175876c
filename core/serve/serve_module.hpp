// `patrol serve` lives in a module of its own (lib/patrol/patrol-serve.so), loaded with dlopen
// only when the command runs: the HTTP door needs Poco's Net, NetSSL and Crypto and OpenSSL's
// libssl, and linking them into the executable made every other command (a one-line write
// included) pay for loading and relocating them at start-up.
//
// The module carries its own copy of the layers it uses and binds to them alone (its symbols
// stay local), so nothing is shared with the executable but the system libraries, the standard
// streams and what crosses this entry: the parsed command line.
#pragma once

#include <iosfwd>

namespace patrol::cli {
class ParsedArgs;
}

// The one symbol the executable looks up in the module.
#define PATROL_SERVE_ENTRY "patrol_serve_main"

// Runs `patrol serve` with the options of `args` (global ones included) until SIGINT or SIGTERM;
// a refusal is thrown as the UserError it is, like any command's.
extern "C" __attribute__((visibility("default"))) int patrol_serve_main(const patrol::cli::ParsedArgs& args, std::ostream& err);
using PatrolServeEntry = int (*)(const patrol::cli::ParsedArgs&, std::ostream&);
