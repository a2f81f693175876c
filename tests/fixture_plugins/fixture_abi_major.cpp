// Built against a future ABI 2.0: the host must refuse it from its metadata, before loading.
#include <patrol/plugin_abi.h>

static int run(const patrol_host_api*) { return PATROL_OK; }
static const char* lastError(void) { return ""; }

extern "C" PATROL_EXPORT const patrol_plugin* patrol_plugin_entry(void) {
    static const patrol_plugin plugin = {sizeof(patrol_plugin), 2, 0, "fixture_abi_major", &run, &lastError};
    return &plugin;
}
