#include "core/store/batched_insert.hpp"

namespace patrol::store {

std::string BatchedInsert::batchSql(const std::string& head, const std::string& oneRow) {
    std::string sql = head;
    for (size_t i = 0; i < kRows; ++i) sql.append(i ? "," : "").append(oneRow);
    return sql;
}

BatchedInsert::BatchedInsert(Database& db, const std::string& head, const std::string& oneRow)
    : batch_(db.prepare(batchSql(head, oneRow))), single_(db.prepare(head + oneRow)) {}

std::pair<Statement&, size_t> BatchedInsert::next(size_t left) {
    Statement& statement = left >= kRows ? batch_ : single_;
    statement.reset();
    return {statement, left >= kRows ? kRows : 1};
}

}  // namespace patrol::store
