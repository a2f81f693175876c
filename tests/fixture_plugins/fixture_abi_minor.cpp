// Needs ABI 1.3 while the host offers 1.2: refused from its metadata, before loading.
#include <patrol/plugin_abi.h>

static int run(const patrol_host_api*) { return PATROL_OK; }
static const char* lastError(void) { return ""; }

extern "C" PATROL_EXPORT const patrol_plugin* patrol_plugin_entry(void) {
    static const patrol_plugin plugin = {sizeof(patrol_plugin), 1, 4, "fixture_abi_minor", &run, &lastError};
    return &plugin;
}
