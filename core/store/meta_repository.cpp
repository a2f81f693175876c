#include "core/store/meta_repository.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

std::optional<std::string> readMeta(Database& db, const std::string& key) {
    auto st = db.prepare("SELECT value FROM meta WHERE key = ?");
    st.bindAll(key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void writeMeta(Database& db, const std::string& key, const std::string& value) {
    db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bindAll(key, value)
        .run();
}

}  // namespace patrol::store
