// The records' version (schema v7) as `db` sees it, its own uncommitted writes included: tests of
// what moves it read it inside and outside their transactions.
#pragma once

#include <cstdint>

#include "core/store/database.hpp"

namespace patrol::testing {

inline int64_t recordsVersion(store::Database& db) {
    auto st = db.prepare("SELECT version FROM records_version");
    st.step();
    return st.integer(0);
}

}  // namespace patrol::testing
