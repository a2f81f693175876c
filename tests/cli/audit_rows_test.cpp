// `patrol audit verify` catches edits made to the audited tables behind the tool's back: for
// each table an UPDATE, a DELETE and an INSERT made with sqlite3 is named by table, row and column.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <regex>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

// The demo county plus a clue with a disposal and an outcome, a progress report with evidence,
// an extension request and escalation notices: every audited table holds rows. Built once. The
// escalation comes before the work on tasks 1 and 2, whose latest events then carry full row
// states; the other escalated tasks' latest events are their compact escalation events.
const std::string& worldDb() {
    static ScratchDir dir;
    static const std::string path = [] {
        Patrol patrol(dir);
        const std::string evidence = dir.write("整改台账.pdf", "ledger");
        const std::vector<std::pair<std::vector<std::string>, std::string>> steps = {
            {{"demo"}, ""},
            {{"clue", "transfer", "1", "--to", "纪委监委", "--date", "2026-12-01"}, ""},
            {{"clue", "dispose", "1", "--method", "preliminary", "--date", "2026-12-01"}, ""},
            {{"clue", "outcome", "1", "--person", "王某", "--level", "乡科级", "--form", "f2", "--date", "2026-12-02"}, ""},
            {{"escalate", "--as-of", "2026-12-01"}, ""},
            {{"task", "plan", "1", "--measure", "建立台账", "--handler", "李四", "--leader", "王五", "--date", "2026-12-01"}, "赵敏"},
            {{"task", "progress", "1", "--percent", "30", "--note", "已整改", "--evidence", evidence, "--date", "2026-12-01"}, "赵敏"},
            {{"task", "extend", "2", "--to", "2026-12-31", "--reason", "需要招标"}, "赵敏"},
        };
        for (const auto& [args, user] : steps) {
            const auto run = patrol(args, user);
            if (run.exitCode != 0) throw std::runtime_error("world step failed: " + run.err);
        }
        return patrol.db();
    }();
    return path;
}

std::string readFixture() {
    std::ifstream in(PATROL_SOURCE_DIR "/tests/store/fixtures/patrol-v1.sql");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string q(const std::string& sql) { return rawScalar(worldDb(), sql); }

std::string latest(const std::string& entity, const std::string& entityId) {
    return q("SELECT max(id) FROM audit_events WHERE entity = '" + entity + "' AND entity_id = '" + entityId + "'");
}

std::string changed(const std::string& label, const std::string& column, const std::string& now, const std::string& event,
                    const std::string& recorded) {
    return label + "的 " + column + " 为 " + now + "，而其最近的审计事件 #" + event + " 记录为 " + recorded +
           "：该行在本工具之外被改动。";
}
std::string deleted(const std::string& label, const std::string& event) {
    return label + "已不存在，而其最近的审计事件 #" + event + " 记录了它：该行在本工具之外被删除。";
}
std::string inserted(const std::string& label) { return label + "没有任何审计事件：该行在本工具之外被插入。"; }
std::string insertedChild(const std::string& label, const std::string& event) {
    return label + "不在其所属记录最近的审计事件 #" + event + " 所记录的状态中：该行在本工具之外被插入。";
}

std::string nextId(const std::string& table) { return q("SELECT max(id) + 1 FROM " + table); }

// Applies `sql` to a copy of the world and checks what `audit verify` says.
void expectCaught(const std::string& sql, const std::string& problem, int others = 0) {
    INFO(sql);
    ScratchDir dir;
    Patrol patrol(dir);
    std::filesystem::copy_file(worldDb(), patrol.db());
    rawExec(patrol.db(), sql);
    const auto run = patrol({"audit", "verify"});
    CHECK(run.exitCode == 1);
    CHECK(std::regex_match(run.out, std::regex("审计日志完整：共核验 [0-9]+ 条事件，哈希链无断裂\n")));
    CHECK(run.err == "数据核验失败：" + problem + "\n" +
                         (others ? "另有 " + std::to_string(others) + " 处不符。\n" : std::string()) +
                         "请从备份恢复这些数据，并调查改动来源。\n");
}

}  // namespace

TEST_CASE("an untouched database verifies row by row") {
    ScratchDir dir;
    Patrol patrol(dir);
    std::filesystem::copy_file(worldDb(), patrol.db());
    const auto run = patrol({"audit", "verify"});
    CHECK(run.exitCode == 0);
    CHECK(run.err.empty());
    CHECK(run.out == "审计日志完整：共核验 " + q("SELECT count(*) FROM audit_events") + " 条事件，哈希链无断裂\n" +
                         "数据与审计记录一致：共核对 " +
                         q("SELECT (SELECT count(*) FROM units) + (SELECT count(*) FROM users) + (SELECT count(*) FROM "
                           "user_conflicts) + (SELECT count(*) FROM rounds) + (SELECT count(*) FROM round_plugins) + "
                           "(SELECT count(*) FROM round_targets) + (SELECT count(*) FROM round_team) + (SELECT count(*) "
                           "FROM round_stage_dates) + (SELECT count(*) FROM findings) + (SELECT count(*) FROM clues) + "
                           "(SELECT count(*) FROM clue_disposals) + (SELECT count(*) FROM clue_outcomes) + (SELECT "
                           "count(*) FROM rectification_tasks) + (SELECT count(*) FROM progress_reports) + (SELECT "
                           "count(*) FROM evidence) + (SELECT count(*) FROM extension_requests) + (SELECT count(*) FROM "
                           "notices)") +
                         " 行\n");
    for (const char* table : {"user_conflicts", "clues", "clue_disposals", "clue_outcomes", "progress_reports", "evidence",
                              "extension_requests", "notices"})
        CHECK(q(std::string("SELECT count(*) > 0 FROM ") + table) == "1");
}

TEST_CASE("changes made through the tool keep every row vouched for") {
    ScratchDir dir;
    Patrol patrol(dir);
    std::filesystem::copy_file(worldDb(), patrol.db());
    const std::vector<std::pair<std::vector<std::string>, std::string>> steps = {
        {{"task", "extension", "deny", "2", "--reason", "理由不充分"}, ""},
        {{"task", "progress", "1", "--percent", "100", "--note", "完成"}, "赵敏"},
        {{"task", "submit", "1"}, "赵敏"},
        {{"task", "return", "1", "--reason", "不到位"}, "李明华"},
        {{"finding", "confirm", "9"}, ""},
        {{"user", "add", "--name", "新人", "--role", "inspector", "--conflict", "QX-SQ"}, ""},
        {{"user", "revoke", "新人"}, ""},
        {{"unit", "add", "--code", "QX-NEW", "--name", "新单位", "--kind", "other"}, ""},
        {{"round", "target", "--round", "2026-R2", "--unit", "QX-NEW"}, ""},
        {{"round", "team", "--round", "2026-R2", "--user", "刘芳"}, ""},
        {{"round", "advance", "--round", "2026-R2", "--to", "reported"}, ""},
    };
    for (const auto& [args, user] : steps) {
        INFO(args.at(0) << " " << args.at(1));
        REQUIRE(patrol(args, user).exitCode == 0);
        const auto run = patrol({"audit", "verify"});
        CHECK(run.exitCode == 0);
        CHECK(run.err.empty());
    }
}

TEST_CASE("edits to units and users behind the tool's back are named") {
    const std::string sq = q("SELECT id FROM units WHERE code = 'QX-SQ'");
    expectCaught("UPDATE units SET name = '改名镇' WHERE code = 'QX-SQ'",
                 changed("表 units 第 " + sq + " 行（QX-SQ）", "name", "改名镇", latest("unit", "QX-SQ"), "石桥镇"));
    const std::string lastUnit = q("SELECT max(id) FROM units"), lastCode = q("SELECT code FROM units ORDER BY id DESC LIMIT 1");
    expectCaught("DELETE FROM units WHERE id = " + lastUnit,
                 deleted("表 units 第 " + lastUnit + " 行（" + lastCode + "）", latest("unit", lastCode)));
    expectCaught("INSERT INTO units (code, name, kind, created_at) VALUES ('QX-X', '影子单位', 'other', '2026-01-01T00:00:00Z')",
                 inserted("表 units 第 " + nextId("units") + " 行（QX-X）"));

    const std::string li = q("SELECT id FROM users WHERE name = '李明华'");
    expectCaught("UPDATE users SET revoked = 1 WHERE name = '李明华'",
                 changed("表 users 第 " + li + " 行（李明华）", "revoked", "1", latest("user", "李明华"), "0"));
    const std::string zhou = q("SELECT id FROM users WHERE name = '周国庆'");
    expectCaught("DELETE FROM users WHERE name = '周国庆'", deleted("表 users 第 " + zhou + " 行（周国庆）", latest("user", "周国庆")));
    expectCaught("INSERT INTO users (name, role, token_salt, token_hash, created_at) VALUES ('影子', 'admin', 's', 'h', 't')",
                 inserted("表 users 第 " + nextId("users") + " 行（影子）"));

    const std::string owner = q("SELECT user_id FROM user_conflicts LIMIT 1"), unit = q("SELECT unit_id FROM user_conflicts LIMIT 1");
    const std::string ownerName = q("SELECT name FROM users WHERE id = " + owner);
    const std::string row = "表 user_conflicts 中 user_id=" + owner + "、unit_id=";
    expectCaught("UPDATE user_conflicts SET unit_id = 1 WHERE user_id = " + owner,
                 insertedChild(row + "1 的行", latest("user", ownerName)), 1);
    expectCaught("DELETE FROM user_conflicts WHERE user_id = " + owner,
                 deleted(row + unit + " 的行", latest("user", ownerName)));
    expectCaught("INSERT INTO user_conflicts VALUES (" + owner + ", 2)", insertedChild(row + "2 的行", latest("user", ownerName)));
}

TEST_CASE("a changed token hash is named by its digest, never by the hash itself") {
    ScratchDir dir;
    Patrol patrol(dir);
    std::filesystem::copy_file(worldDb(), patrol.db());
    const std::string admins = q("SELECT token_hash FROM users WHERE name = '王建国'");
    rawExec(patrol.db(), "UPDATE users SET token_hash = '" + admins + "' WHERE name = '李明华'");
    const auto run = patrol({"audit", "verify"});
    CHECK(run.exitCode == 1);
    CHECK(std::regex_match(run.err, std::regex("数据核验失败：表 users 第 [0-9]+ 行（李明华）的 token_hash 为 sha256:[0-9a-f]{64}，而其最近的审计事件 #" +
                                               latest("user", "李明华") + " 记录为 sha256:[0-9a-f]{64}：该行在本工具之外被改动。\n请从备份恢复这些数据，并调查改动来源。\n")));
    CHECK(run.err.find(admins) == std::string::npos);
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM audit_events WHERE after_json LIKE '%" + admins + "%'") == "0");
}

TEST_CASE("edits to rounds and their plugins, targets, team and stage dates are named") {
    const std::string r2 = q("SELECT id FROM rounds WHERE code = '2026-R2'");
    const std::string event = latest("round", "2026-R2");
    expectCaught("UPDATE rounds SET title = '改过的标题' WHERE code = '2026-R2'",
                 changed("表 rounds 第 " + r2 + " 行（2026-R2）", "title", "改过的标题", event,
                         q("SELECT title FROM rounds WHERE code = '2026-R2'")));
    // Its child rows lose their owner and are reported after it.
    const int children = std::stoi(q("SELECT (SELECT count(*) FROM round_plugins WHERE round_id = " + r2 +
                                     ") + (SELECT count(*) FROM round_targets WHERE round_id = " + r2 +
                                     ") + (SELECT count(*) FROM round_team WHERE round_id = " + r2 +
                                     ") + (SELECT count(*) FROM round_stage_dates WHERE round_id = " + r2 + ")"));
    expectCaught("DELETE FROM rounds WHERE code = '2026-R2'", deleted("表 rounds 第 " + r2 + " 行（2026-R2）", event), children);
    expectCaught("INSERT INTO rounds (code, title, kind, start_date, end_date, created_at) VALUES "
                 "('2027-R1', '影子轮次', 'regular', '2027-01-01', '2027-02-01', 't')",
                 inserted("表 rounds 第 " + nextId("rounds") + " 行（2027-R1）"));

    const std::string of = "表 round_plugins 中 round_id=" + r2 + "、plugin_id=";
    expectCaught("UPDATE round_plugins SET plugin_id = 'poverty_alleviation' WHERE round_id = " + r2 + " AND plugin_id = 'four_styles'",
                 insertedChild(of + "poverty_alleviation 的行", event), 1);
    expectCaught("DELETE FROM round_plugins WHERE round_id = " + r2 + " AND plugin_id = 'four_styles'",
                 deleted(of + "four_styles 的行", event));
    expectCaught("INSERT INTO round_plugins VALUES (" + r2 + ", 'poverty_alleviation')",
                 insertedChild(of + "poverty_alleviation 的行", event));

    const std::string target = q("SELECT min(unit_id) FROM round_targets WHERE round_id = " + r2);
    const std::string ot = "表 round_targets 中 round_id=" + r2 + "、unit_id=";
    expectCaught("UPDATE round_targets SET unit_id = 1 WHERE round_id = " + r2 + " AND unit_id = " + target,
                 insertedChild(ot + "1 的行", event), 1);
    expectCaught("DELETE FROM round_targets WHERE round_id = " + r2 + " AND unit_id = " + target, deleted(ot + target + " 的行", event));
    expectCaught("INSERT INTO round_targets VALUES (" + r2 + ", 1)", insertedChild(ot + "1 的行", event));

    const std::string member = q("SELECT min(user_id) FROM round_team WHERE round_id = " + r2 + " AND is_leader = 0");
    const std::string om = "表 round_team 中 round_id=" + r2 + "、user_id=";
    expectCaught("UPDATE round_team SET is_leader = 1 WHERE round_id = " + r2 + " AND user_id = " + member,
                 changed(om + member + " 的行", "is_leader", "1", event, "0"));
    expectCaught("DELETE FROM round_team WHERE round_id = " + r2 + " AND user_id = " + member, deleted(om + member + " 的行", event));
    expectCaught("INSERT INTO round_team VALUES (" + r2 + ", 5, 0)", insertedChild(om + "5 的行", event));

    const std::string os = "表 round_stage_dates 中 round_id=" + r2 + "、stage=";
    expectCaught("UPDATE round_stage_dates SET entered_on = '2026-09-01' WHERE round_id = " + r2 + " AND stage = 'onsite'",
                 changed(os + "onsite 的行", "entered_on", "2026-09-01", event,
                         q("SELECT entered_on FROM round_stage_dates WHERE round_id = " + r2 + " AND stage = 'onsite'")));
    expectCaught("DELETE FROM round_stage_dates WHERE round_id = " + r2 + " AND stage = 'onsite'", deleted(os + "onsite 的行", event));
    expectCaught("INSERT INTO round_stage_dates VALUES (" + r2 + ", 'reported', '2026-11-01')", insertedChild(os + "reported 的行", event));
}

TEST_CASE("edits to findings behind the tool's back are named") {
    // #9 was recorded by the demo's check run and not touched since; #3 was added by hand.
    const std::string run = q("SELECT event_id FROM finding_records WHERE finding_id = 9");
    REQUIRE(latest("finding", "9").empty());
    expectCaught("UPDATE findings SET status = 'confirmed' WHERE id = 9",
                 "表 findings 第 9 行与检查记录审计事件 #" + run + "所记录的内容不符：该行在本工具之外被改动。");
    expectCaught("UPDATE findings SET amount_fen = 1 WHERE id = 3",
                 changed("表 findings 第 3 行", "amount_fen", "1", latest("finding", "3"), q("SELECT amount_fen FROM findings WHERE id = 3")));
    expectCaught("DELETE FROM findings WHERE id = 9", deleted("表 findings 第 9 行", run));
    expectCaught("INSERT INTO findings (round_id, unit_id, category, title, source, status, created_by, created_at) "
                 "VALUES (1, 1, '其他', '影子问题', 'manual', 'confirmed', 'admin', 't')",
                 inserted("表 findings 第 " + nextId("findings") + " 行"));
}

TEST_CASE("findings a check recorded in bulk are vouched for by their run's event and records") {
    const std::string run = q("SELECT event_id FROM finding_records WHERE finding_id = 9");
    const std::string first = q("SELECT min(finding_id) FROM finding_records WHERE event_id = " + run);
    const std::string last = q("SELECT max(finding_id) FROM finding_records WHERE event_id = " + run);
    REQUIRE(q("SELECT action || ' ' || entity FROM audit_events WHERE id = " + run) == "finding.record_check check_run");
    CHECK(q("SELECT json_extract(after_json, '$.count') || ' ' || json_extract(after_json, '$.first_finding') || ' ' || "
            "json_extract(after_json, '$.last_finding') FROM audit_events WHERE id = " + run) == "3 " + first + " " + last);
    // One event for the run, none per finding.
    CHECK(q("SELECT count(*) FROM audit_events WHERE entity = 'finding' AND entity_id = '9'") == "0");
    const std::string label = "检查记录审计事件 #" + run;

    // Any column of a recorded finding, as for the others.
    expectCaught("UPDATE findings SET detail = detail || '。' WHERE id = 9",
                 "表 findings 第 9 行与" + label + "所记录的内容不符：该行在本工具之外被改动。");
    // A record removed (with its trigger) leaves its finding unvouched for and the run's digest wrong.
    expectCaught("DROP TRIGGER finding_records_no_delete; DELETE FROM finding_records WHERE finding_id = 9",
                 inserted("表 findings 第 9 行"), 2);
    // A finding slipped in under the run: its record is outside the run's findings, and the run's
    // digest no longer matches its records.
    const std::string forged = nextId("findings");
    expectCaught("INSERT INTO findings (id, round_id, unit_id, category, title, source, status, created_by, created_at) "
                 "SELECT " + forged + ", round_id, unit_id, category, '伪造问题', source, status, created_by, created_at "
                 "FROM findings WHERE id = 9; INSERT INTO finding_records SELECT " + forged + ", event_id, row_digest "
                 "FROM finding_records WHERE finding_id = 9",
                 "表 findings 第 " + forged + " 行与" + label + "所记录的内容不符：该行在本工具之外被改动。", 2);
    expectCaught("INSERT INTO finding_records VALUES (" + forged + ", " + run + ", '00')",
                 "表 finding_records 中第 " + forged + " 行（问题 " + forged + "）不在" + label + "所记录的问题 " + first + "–" +
                     last + " 之中：该行在本工具之外被插入。", 2);
    expectCaught("DROP TRIGGER finding_records_no_update; UPDATE finding_records SET row_digest = 'x' WHERE finding_id = 9",
                 "表 findings 第 9 行与" + label + "所记录的内容不符：该行在本工具之外被改动。", 1);
}

TEST_CASE("edits to clues, their disposals and outcomes are named") {
    const std::string event = latest("clue", "1");
    expectCaught("UPDATE clues SET receiver = 'other' WHERE id = 1", changed("表 clues 第 1 行", "receiver", "other", event, "纪委监委"));
    expectCaught("DELETE FROM clues WHERE id = 1", deleted("表 clues 第 1 行", event), 2);
    expectCaught("INSERT INTO clues (finding_id, receiver, transferred_on, created_by) VALUES (2, 'other', '2026-12-01', 'admin')",
                 inserted("表 clues 第 2 行"));

    expectCaught("UPDATE clue_disposals SET method = 'hold' WHERE id = 1",
                 changed("表 clue_disposals 第 1 行", "method", "hold", event, "preliminary"));
    expectCaught("DELETE FROM clue_disposals WHERE id = 1", deleted("表 clue_disposals 第 1 行", event));
    expectCaught("INSERT INTO clue_disposals (clue_id, method, decided_on) VALUES (1, 'close', '2026-12-02')",
                 insertedChild("表 clue_disposals 第 2 行", event));

    expectCaught("UPDATE clue_outcomes SET person = '李某' WHERE id = 1",
                 changed("表 clue_outcomes 第 1 行", "person", "李某", event, "王某"));
    expectCaught("DELETE FROM clue_outcomes WHERE id = 1", deleted("表 clue_outcomes 第 1 行", event));
    expectCaught("INSERT INTO clue_outcomes (clue_id, person, recorded_on) VALUES (1, '张某', '2026-12-02')",
                 insertedChild("表 clue_outcomes 第 2 行", event));
}

TEST_CASE("edits to rectification tasks, progress, evidence, extensions and notices are named") {
    const std::string t1 = latest("rectification_task", "1"), t2 = latest("rectification_task", "2");
    expectCaught("UPDATE rectification_tasks SET level = 'none' WHERE id = 1",
                 changed("表 rectification_tasks 第 1 行", "level", "none", t1, q("SELECT level FROM rectification_tasks WHERE id = 1")));
    const int owned = std::stoi(q("SELECT (SELECT count(*) FROM progress_reports WHERE task_id = 1) + (SELECT count(*) FROM "
                                  "evidence WHERE task_id = 1) + (SELECT count(*) FROM notices WHERE task_id = 1)"));
    expectCaught("DELETE FROM rectification_tasks WHERE id = 1", deleted("表 rectification_tasks 第 1 行", t1), owned);
    expectCaught("INSERT INTO rectification_tasks (finding_id, kind, assigned_on, due_date) VALUES (5, 'immediate', '2026-12-01', '2026-12-31')",
                 inserted("表 rectification_tasks 第 5 行"));

    expectCaught("UPDATE progress_reports SET percent = 100 WHERE id = 1", changed("表 progress_reports 第 1 行", "percent", "100", t1, "30"));
    expectCaught("DELETE FROM progress_reports WHERE id = 1", deleted("表 progress_reports 第 1 行", t1));
    expectCaught("INSERT INTO progress_reports (task_id, author, reported_on, percent, narrative) VALUES (1, '赵敏', '2026-12-02', 90, '补')",
                 insertedChild("表 progress_reports 第 2 行", t1));

    expectCaught("UPDATE evidence SET original_name = '别的.pdf' WHERE id = 1",
                 changed("表 evidence 第 1 行", "original_name", "别的.pdf", t1, "整改台账.pdf"));
    expectCaught("DELETE FROM evidence WHERE id = 1", deleted("表 evidence 第 1 行", t1));
    expectCaught("INSERT INTO evidence (sha256, size, original_name, stored_path, task_id, uploaded_by, uploaded_at) "
                 "VALUES ('00', 1, 'x.pdf', 'evidence/00/00', 2, '赵敏', 't')",
                 insertedChild("表 evidence 第 2 行", t2));

    expectCaught("UPDATE extension_requests SET status = 'approved' WHERE id = 1",
                 changed("表 extension_requests 第 1 行", "status", "approved", t2, "pending"));
    expectCaught("DELETE FROM extension_requests WHERE id = 1", deleted("表 extension_requests 第 1 行", t2));
    expectCaught("INSERT INTO extension_requests (task_id, previous_due, requested_due, reason, requested_by, requested_at) "
                 "VALUES (1, '2026-08-14', '2027-01-31', '再延', '赵敏', 't')",
                 insertedChild("表 extension_requests 第 2 行", t1));

    const std::string notice = q("SELECT min(id) FROM notices WHERE task_id = 2");
    expectCaught("UPDATE notices SET message = '无事' WHERE id = " + notice,
                 changed("表 notices 第 " + notice + " 行", "message", "无事", t2, q("SELECT message FROM notices WHERE id = " + notice)));
    expectCaught("DELETE FROM notices WHERE id = " + notice, deleted("表 notices 第 " + notice + " 行", t2));
    expectCaught("INSERT INTO notices (task_id, level, recipients, message, as_of, created_at) VALUES (NULL, 'red', '[]', '伪造', '2026-12-01', 't')",
                 inserted("表 notices 第 " + nextId("notices") + " 行"));
}

TEST_CASE("rows of a database written before rows were recorded are a warning, not a failure") {
    ScratchDir dir;
    Patrol patrol(dir);
    rawExec(patrol.db(), readFixture());
    const auto run = patrol({"audit", "verify"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "审计日志完整：共核验 3 条事件，哈希链无断裂\n数据与审计记录一致：共核对 0 行\n");
    CHECK(run.err ==
          "警告：表 units 有 2 行的最近审计事件由旧版本写入，未记录完整状态，无法与数据核对（如第 1 行 QX）。核对无误后，管理员可运行 patrol audit baseline 记录其当前状态。\n"
          "警告：表 rounds 有 1 行的最近审计事件由旧版本写入，未记录完整状态，无法与数据核对（如第 1 行 2025-R1）。核对无误后，管理员可运行 patrol audit baseline 记录其当前状态。\n");
}

TEST_CASE("audit baseline records the rows an older version left unrecorded, and only while nothing differs") {
    ScratchDir dir;
    Patrol patrol(dir);
    rawExec(patrol.db(), readFixture());
    auto run = patrol({"audit", "verify"});
    CHECK(run.exitCode == 0);
    CHECK(run.err.find("警告：表 units 有 2 行") == 0);
    run = patrol({"audit", "baseline"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已为 3 条记录写入审计基线事件（audit.baseline）：此后 patrol audit verify 会逐行核对它们\n");
    run = patrol({"audit", "verify"});
    CHECK(run.exitCode == 0);
    CHECK(run.err.empty());
    CHECK(run.out == "审计日志完整：共核验 6 条事件，哈希链无断裂\n数据与审计记录一致：共核对 5 行\n");
    run = patrol({"audit", "baseline"});
    CHECK(run.out == "所有行的最近审计事件都已记录完整状态，无需记录基线\n");
    rawExec(patrol.db(), "UPDATE units SET name = '改名' WHERE code = 'QX'");
    run = patrol({"audit", "verify"});
    CHECK(run.exitCode == 1);
    CHECK(run.err.find("数据核验失败：表 units 第 1 行（QX）的 name 为 改名，而其最近的审计事件 #4 记录为 清溪县：") == 0);
}

TEST_CASE("audit baseline refuses while a row differs from its events, and is for the administrator") {
    ScratchDir dir;
    Patrol patrol(dir);
    std::filesystem::copy_file(worldDb(), patrol.db());
    auto run = patrol({"audit", "baseline"}, "周国庆");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「周国庆」（领导小组）无权记录审计基线：只有巡察办管理员（admin）可以这样做。\n");
    rawExec(patrol.db(), "UPDATE findings SET status = 'confirmed' WHERE id = 9");
    const std::string before = rawScalar(patrol.db(), "SELECT count(*) FROM audit_events");
    run = patrol({"audit", "baseline"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 数据与审计记录不符，不能记录基线（否则等于认可这些改动）：表 findings 第 9 行与检查记录审计事件 #" +
                         q("SELECT event_id FROM finding_records WHERE finding_id = 9") +
                         "所记录的内容不符：该行在本工具之外被改动。请先从备份恢复这些数据，再运行 patrol audit verify 确认。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM audit_events") == before);
}

TEST_CASE("round target writes one event per unit and the round's rows once, on the last") {
    ScratchDir dir;
    Patrol patrol(dir);
    std::filesystem::copy_file(worldDb(), patrol.db());
    for (const char* code : {"QX-N1", "QX-N2", "QX-N3"})
        REQUIRE(patrol({"unit", "add", "--code", code, "--name", std::string("新单位") + code, "--kind", "other"}).exitCode == 0);
    const std::string before = rawScalar(patrol.db(), "SELECT max(id) FROM audit_events");
    REQUIRE(patrol({"round", "target", "--round", "2026-R2", "--unit", "QX-N1", "QX-N2", "QX-N3"}).exitCode == 0);
    const std::string events = "FROM audit_events WHERE id > " + before;
    CHECK(rawScalar(patrol.db(), "SELECT group_concat(e, ' | ') FROM (SELECT action || ' ' || entity_id || ' ' || "
                                 "json_extract(after_json, '$.unit') || ' ' || ifnull(json_type(after_json, '$.rows'), '-') AS e " +
                                 events + " ORDER BY id)") ==
          "round.target.add 2026-R2 QX-N1 - | round.target.add 2026-R2 QX-N2 - | round.target.add 2026-R2 QX-N3 object");
    // The last event's rows hold every target of the round, the three new ones included.
    const std::string r2 = rawScalar(patrol.db(), "SELECT id FROM rounds WHERE code = '2026-R2'");
    CHECK(rawScalar(patrol.db(), "SELECT json_array_length(after_json, '$.rows.round_targets') " + events + " ORDER BY id DESC LIMIT 1") ==
          rawScalar(patrol.db(), "SELECT count(*) FROM round_targets WHERE round_id = " + r2));
    CHECK(patrol({"audit", "verify"}).exitCode == 0);

    // A target removed behind the tool's back is named against that last event.
    const std::string last = rawScalar(patrol.db(), "SELECT max(id) " + events);
    const std::string n3 = rawScalar(patrol.db(), "SELECT id FROM units WHERE code = 'QX-N3'");
    rawExec(patrol.db(), "DELETE FROM round_targets WHERE round_id = " + r2 + " AND unit_id = " + n3);
    const auto run = patrol({"audit", "verify"});
    CHECK(run.exitCode == 1);
    CHECK(run.err.find(deleted("表 round_targets 中 round_id=" + r2 + "、unit_id=" + n3 + " 的行", last)) != std::string::npos);
}

// The smallest task whose latest change is its rise in the world's escalation run.
std::string risenTask() {
    return q("SELECT min(task_id) FROM escalation_records r WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE "
             "a.entity = 'rectification_task' AND a.entity_id = CAST(r.task_id AS TEXT) AND a.id > r.event_id)");
}

TEST_CASE("an escalation run writes one event and a record per rise, which vouches for the task") {
    const std::string task = risenTask();
    REQUIRE_FALSE(task.empty());
    const std::string event = q("SELECT event_id FROM escalation_records WHERE task_id = " + task);
    const std::string notice = q("SELECT notice_id FROM escalation_records WHERE task_id = " + task);
    const std::string count = q("SELECT count(*) FROM escalation_records WHERE event_id = " + event);
    const std::string first = q("SELECT min(notice_id) FROM escalation_records WHERE event_id = " + event);
    const std::string last = q("SELECT max(notice_id) FROM escalation_records WHERE event_id = " + event);
    // One event for the run, none per task; every notice of the run has its record.
    CHECK(q("SELECT action || ' ' || entity || ' ' || entity_id || ' ' || (before_json IS NULL) FROM audit_events WHERE id = " +
            event) == "task.escalate_run escalation_run 2026-12-01 1");
    CHECK(q("SELECT count(*) FROM audit_events WHERE action = 'task.escalate'") == "0");
    CHECK(std::stoi(count) > 1);
    CHECK(q("SELECT count(*) FROM notices") == count);
    CHECK(std::regex_match(q("SELECT after_json FROM audit_events WHERE id = " + event),
                           std::regex("\\{\"as_of\":\"2026-12-01\",\"count\":" + count + ",\"first_notice\":" + first +
                                      ",\"last_notice\":" + last + ",\"records_digest\":\"[0-9a-f]{64}\"\\}")));
    CHECK(std::regex_match(q("SELECT from_level || ' ' || status || ' ' || due_date || ' ' || rows_digest FROM "
                             "escalation_records WHERE task_id = " + task),
                           std::regex("none [a-z_]+ [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9a-f]{64}")));

    const std::string problem = "表 rectification_tasks 第 " + task +
                                " 行或其所属的 progress_reports、evidence、extension_requests、notices 行与其最近的审计事件 #" + event +
                                " 所记录的摘要不符：这些行在本工具之外被改动、插入或删除。";
    expectCaught("UPDATE rectification_tasks SET level = 'none' WHERE id = " + task, problem);
    expectCaught("DELETE FROM notices WHERE id = " + notice, problem);
    expectCaught("UPDATE notices SET message = '无事' WHERE id = " + notice, problem);
    expectCaught("INSERT INTO notices (task_id, level, recipients, message, as_of, created_at) VALUES (" + task +
                     ", 'red', '[]', '伪造', '2026-12-01', 't')",
                 problem);
    const int owned = std::stoi(q("SELECT (SELECT count(*) FROM progress_reports WHERE task_id = " + task +
                                  ") + (SELECT count(*) FROM evidence WHERE task_id = " + task +
                                  ") + (SELECT count(*) FROM extension_requests WHERE task_id = " + task +
                                  ") + (SELECT count(*) FROM notices WHERE task_id = " + task + ")"));
    expectCaught("DELETE FROM rectification_tasks WHERE id = " + task, deleted("表 rectification_tasks 第 " + task + " 行", event),
                 owned);
}

TEST_CASE("escalation records changed, forged or removed behind the tool's back are named") {
    const std::string task = risenTask();
    const std::string event = q("SELECT event_id FROM escalation_records WHERE task_id = " + task);
    const std::string notice = q("SELECT notice_id FROM escalation_records WHERE task_id = " + task);
    const std::string count = q("SELECT count(*) FROM escalation_records WHERE event_id = " + event);
    const std::string first = q("SELECT min(notice_id) FROM escalation_records WHERE event_id = " + event);
    const std::string last = q("SELECT max(notice_id) FROM escalation_records WHERE event_id = " + event);
    const std::string run = "预警督办审计事件 #" + event;
    const std::string digestWrong = run + "记录了 " + count + " 次升级，其摘要与表 escalation_records 中的 ";
    const std::string summary = " 行不符：升级记录在本工具之外被改动。";
    const std::string problem = "表 rectification_tasks 第 " + task +
                                " 行或其所属的 progress_reports、evidence、extension_requests、notices 行与其最近的审计事件 #" + event +
                                " 所记录的摘要不符：这些行在本工具之外被改动、插入或删除。";
    // A record's level changed: only the run's digest can tell.
    expectCaught("DROP TRIGGER escalation_records_no_update; UPDATE escalation_records SET from_level = 'green' WHERE "
                 "notice_id = " + notice,
                 digestWrong + count + summary);
    // Its row digest changed: the task no longer matches it either.
    expectCaught("DROP TRIGGER escalation_records_no_update; UPDATE escalation_records SET rows_digest = 'x' WHERE "
                 "notice_id = " + notice,
                 problem, 1);
    // A record under the run for a notice it never sent.
    const std::string forged = std::to_string(std::stoll(last) + 7);
    expectCaught("INSERT INTO escalation_records VALUES (" + forged + ", " + event + ", " + task + ", 'none', 'assigned', "
                 "'2026-12-31', 'x')",
                 "表 escalation_records 第 " + forged + " 行（任务 " + task + "）不在" + run + "所记录的通知 " + first + "–" +
                     last + " 之中：该行在本工具之外被插入。", 1);
    // A record under an event that is no run.
    expectCaught("INSERT INTO escalation_records VALUES (" + forged + ", 99999, " + task + ", 'none', 'assigned', "
                 "'2026-12-31', 'x')",
                 "表 escalation_records 第 " + forged + " 行（任务 " + task + "）指向的预警督办审计事件 #99999不存在：该行在本工具之外被插入。");
    // A record removed: the run misses it (named first, with its notice's task), its notice is no
    // longer vouched for, and the run's digest is wrong.
    expectCaught("DROP TRIGGER escalation_records_no_delete; DELETE FROM escalation_records WHERE notice_id = " + notice,
                 "表 escalation_records 中通知 " + notice + " 的记录已不存在，而" + run + "记录了它：该行在本工具之外被删除。", 3);
}

TEST_CASE("an escalated task's history shows the rise from its record, without the digest") {
    const std::string task = risenTask();
    REQUIRE_FALSE(task.empty());
    ScratchDir dir;
    Patrol patrol(dir);
    std::filesystem::copy_file(worldDb(), patrol.db());
    const auto text = patrol({"task", "show", task});
    REQUIRE(text.exitCode == 0);
    CHECK(std::regex_search(text.out, std::regex("  admin  task\\.escalate  状态=[^ ]+ 预警=无→[^ ]+ 期限=[0-9-]+\n")));
    const auto json = patrol({"task", "show", task, "--format", "json"});  // the view's keys are sorted
    REQUIRE(json.exitCode == 0);
    CHECK(std::regex_search(json.out, std::regex("\"action\":\"task\\.escalate\",\"after\":\\{\"as_of\":\"2026-12-01\",\"due\":\"[0-9-]+\",\"from\":\"none\",\"level\":\"[a-z]+\",\"notice_id\":[0-9]+,\"status\":\"[a-z_]+\"\\}")));
    CHECK(json.out.find("rows_sha256") == std::string::npos);
}
