// Metadata says ABI 1.0 but the library reports 2.0: caught when the entry's struct is checked.
#include <patrol/plugin_abi.h>

static int run(const patrol_host_api*) { return PATROL_OK; }
static const char* lastError(void) { return ""; }

extern "C" PATROL_EXPORT const patrol_plugin* patrol_plugin_entry(void) {
    static const patrol_plugin plugin = {sizeof(patrol_plugin), 2, 0, "fixture_struct_abi", &run, &lastError};
    return &plugin;
}
