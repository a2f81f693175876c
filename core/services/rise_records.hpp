// The records of a mass escalation's rises (store/escalation_record.hpp), each carrying the digest
// of its task's rows after the rise: the text rowStateDigest(auditedRowState()) hashes once the
// rise is written.
//
// They are made from the rows as they were before any rise was written: the task row with its new
// level, and its notices with the rise's own notice last (it has the highest id). So they need not
// read the writer's own rows back: while the writer holds the write lock nobody else can commit,
// and another connection, on the second core, reads exactly the rows the writer started from
// while it writes.
#pragma once

#include <vector>

#include "core/services/escalation_service.hpp"
#include "core/store/escalation_record.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

// One record per rise, in the order given. Each rise's notice must already carry the id and time
// it is written with. `before` is a connection that sees none of the rises written.
std::vector<store::EscalationRecord> riseRecords(store::Database& before, const std::vector<LevelRise>& rises);

}  // namespace patrol::services
