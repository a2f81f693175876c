#include "core/store/finding_fingerprints.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

std::unordered_set<std::string> fingerprintsOfRound(Database& db, int64_t roundId) {
    std::unordered_set<std::string> out;
    auto st = db.prepare("SELECT fingerprint FROM findings WHERE round_id = ? AND fingerprint IS NOT NULL");
    st.bindAll(roundId);
    while (st.step()) out.insert(st.text(0));
    return out;
}

}  // namespace patrol::store
