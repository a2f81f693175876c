// Database::openReaderBeside: a second connection that reads what was committed, so that while its
// writer holds the write lock it sees the rows the writer started from; none where no second
// connection can share the data. And noticeStoredRow, the row a notice reads back as.
#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

#include "core/store/audited_rows.hpp"
#include "core/store/database.hpp"
#include "core/store/notice_repository.hpp"
#include "core/store/transaction.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol::store;
using patrol::testing::ScratchDir;

namespace {

int64_t count(Database& db, const std::string& table) {
    auto st = db.prepare("SELECT count(*) FROM " + table);
    st.step();
    return st.integer(0);
}

std::string rowText(const StoredRow& row) {
    std::ostringstream out;
    storedRowJson(row)->stringify(out);
    return out.str();
}

}  // namespace

TEST_CASE("a reader beside a writer sees the committed rows, not the writer's open transaction", "[store]") {
    ScratchDir dir;
    auto db = Database::open(dir.file("p.db"));
    db.exec("INSERT INTO notices (id, level, recipients, message, as_of, created_at) "
            "VALUES (1, 'green', '[]', 'm', '2026-03-01', '2026-03-01T00:00:00Z')");
    auto reader = Database::openReaderBeside(db);
    REQUIRE(reader.has_value());
    CHECK(reader->path() == db.path());
    Transaction tx(db);
    db.exec("INSERT INTO notices (id, level, recipients, message, as_of, created_at) "
            "VALUES (2, 'red', '[]', 'm', '2026-03-01', '2026-03-01T00:00:00Z')");
    CHECK(count(db, "notices") == 2);
    int64_t seen = 0;
    std::thread([&] { seen = count(*reader, "notices"); }).join();  // read on another thread, as escalate does
    CHECK(seen == 1);
    CHECK_THROWS(reader->exec("DELETE FROM notices"));  // reading only
    tx.commit();
    CHECK(count(*reader, "notices") == 2);
}

TEST_CASE("no reader beside a database in memory", "[store]") {
    auto db = Database::open(":memory:");
    CHECK_FALSE(Database::openReaderBeside(db).has_value());
}

TEST_CASE("a notice's stored row is the row it reads back as, with and without a task", "[store]") {
    ScratchDir dir;
    auto db = Database::open(dir.file("p.db"));
    NoticeRecord n;
    n.id = 7;
    n.level = "yellow";
    n.recipients = R"([{"role":"handler","label":"责任人","name":"李\"明"}])";
    n.message = "整改任务已黄色预警。\n请于 3 日内说明";
    n.asOf = "2026-03-25";
    n.createdAt = "2026-03-25T08:00:00Z";
    NoticeRecord withoutTask = n;
    withoutTask.id = 8;
    db.exec("PRAGMA foreign_keys = OFF");  // a task id of a task not built here
    n.taskId = 42;
    insertNotices(db, {&n, &withoutTask});
    const auto rows = readStoredRows(db, "notices", "", std::nullopt, "id");
    REQUIRE(rows.size() == 2);
    CHECK(rowText(noticeStoredRow(n)) == rowText(rows[0]));
    CHECK(rowText(noticeStoredRow(withoutTask)) == rowText(rows[1]));
}
