// What a write refused after its lock wait must leave: exit 2, the Busy message naming the
// database and the setting, and nothing written (no row, no audit event).
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

namespace patrol::testing {

inline void checkUnitWriteLockedOut(const Patrol& patrol, const Run& run) {
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 数据库 " + patrol.db() +
                         " 正被另一个 patrol 进程写入，在等待时限（设置 database.busy_timeout_ms）内没有释放，"
                         "本次操作没有执行。请稍后重试，或调大该设置。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM units") == "0");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM audit_events") == "0");
}

}  // namespace patrol::testing
