// The function table a plugin calls back through (patrol_host_api), filled the same way for the
// in-process host and the isolated runner's child: each session class names its own callbacks.
#pragma once

#include "core/plugins/working_day_spans.hpp"

#include <patrol/plugin_abi.h>

#include <cstdint>

namespace patrol::plugins {

// `Session` provides static table, isWorkingDay, emit, log, setting and progress callbacks that
// take the session back from `host`, and a member `spans` (a WorkingDaySpans over its own
// isWorkingDay) for the working-day arithmetic of ABI 1.1; it befriends this function when
// they are private.
template <class Session>
patrol_host_api hostApiFor(Session* session, int32_t asOf) {
    patrol_host_api api{};
    api.struct_size = sizeof(patrol_host_api);
    api.abi_major = PATROL_ABI_MAJOR;
    api.abi_minor = PATROL_ABI_MINOR;
    api.host = session;
    api.as_of = asOf;
    api.table = &Session::table;
    api.is_working_day = &Session::isWorkingDay;
    api.emit = &Session::emit;
    api.log = &Session::log;
    api.setting = &Session::setting;
    api.progress = &Session::progress;
    api.working_days_between = [](void* host, int32_t from, int32_t to) { return static_cast<Session*>(host)->spans.between(from, to); };
    api.add_working_days = [](void* host, int32_t day, int32_t n) { return static_cast<Session*>(host)->spans.add(day, n); };
    return api;
}

}  // namespace patrol::plugins
