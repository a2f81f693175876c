#include "core/store/finding_fingerprints.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

void forEachFingerprintOfRound(Database& db, int64_t roundId, const std::function<void(std::string_view)>& recorded) {
    auto st = db.prepare("SELECT fingerprint FROM findings WHERE round_id = ? AND fingerprint IS NOT NULL");
    st.bindAll(roundId);
    while (st.step()) recorded(st.textView(0));  // each only for the call: no copy per row
}

}  // namespace patrol::store
