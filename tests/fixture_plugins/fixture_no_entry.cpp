// Exports something, but not patrol_plugin_entry.
#include <patrol/plugin_abi.h>

extern "C" PATROL_EXPORT int patrol_plugin_entry_misspelled(void) { return 0; }
