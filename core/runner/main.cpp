// patrol-plugin-run: the process an isolated plugin run happens in (see runner_main.hpp).
#include "core/plugins/runner_main.hpp"

int main(int argc, char** argv) { return patrol::plugins::runnerMain(argc, argv); }
