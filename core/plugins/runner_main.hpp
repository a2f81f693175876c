// The child side of an isolated run, the whole of the patrol-plugin-run executable: loads
// the plugin named in its input (fd 3) and, in mode "run", runs it over the tables there,
// streaming findings and log lines to the host over fd 4 (wire.hpp). Mode "load" only
// reports whether loading worked.
#pragma once

namespace patrol::plugins {

// Exit status 0 when a Done or LoadFailed frame was sent, 2 for a bad invocation or input,
// 3 when the plugin let an exception cross the ABI boundary.
int runnerMain(int argc, char** argv);

}  // namespace patrol::plugins
