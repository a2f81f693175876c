// kill -9 at random moments of the three commands that write the most in one go (a check
// recording its findings, a progress report storing evidence, a unit import), then the
// promises a killed process must keep: the database file is sound, the audit log verifies, no
// row exists without its audit event, every evidence row's file is there, and once `evidence
// gc` has run no stored file is left that no row names. The moments come from a fixed seed and
// the number of trials is fixed, so a failure can be replayed.
#include <catch2/catch.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <fcntl.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kTrialsPerCommand = 6;
constexpr unsigned kSeed = 20261204;

// The demo county with task #1 planned, plus the inputs the three commands read.
struct County {
    ScratchDir dir;
    Patrol patrol{dir};
    std::string db = patrol.db();
    fs::path evidence = dir.path() / "patrol.evidence";
    std::string trips = dir.file("trips");

    County() {
        REQUIRE(patrol({"demo"}).exitCode == 0);
        REQUIRE(patrol({"task", "plan", "1", "--measure", "补发资金", "--handler", "张三", "--leader", "李四"}, "赵敏").exitCode == 0);
        // Enough weekend car trips that recording the check's findings takes a while.
        fs::create_directories(trips);
        std::ofstream csv(trips + "/trips.csv");
        csv << "trip_id,unit_code,plate,date,depart_time,return_time,purpose,destination\n";
        for (int i = 0; i < 400; ++i)
            csv << "T" << i << "," << (i % 2 ? "QX-SQ" : "QX-ZJJ") << ",赣C·D" << 1000 + i << ",2026-05-" << (i % 2 ? "16" : "17")
                << ",09:00,11:00,会议,县城\n";
    }

    std::vector<std::string> checkArgs() const {
        return {"check", "--plugin", "four_styles", "--data", trips, "--round", "2026-R2", "--as-of", "2026-09-30",
                "--calendar", std::string(PATROL_SOURCE_DIR) + "/config/calendars/2026.json", "--db", db};
    }
    // A progress report with a fresh 4 MB evidence file (fresh bytes: evidence is stored by content).
    std::vector<std::string> progressArgs(int n) const {
        std::mt19937 bytes(n);
        std::string content(4 << 20, '\0');
        for (auto& c : content) c = static_cast<char>(bytes());
        const std::string file = dir.write("evidence-" + std::to_string(n) + ".bin", content);
        return {"task", "progress", "1", "--percent", std::to_string(10 + n), "--note", "第 " + std::to_string(n) + " 次进展",
                "--evidence", file, "--db", db, "--user", "赵敏"};
    }
    // 300 new units under the county, codes unique to this run.
    std::vector<std::string> importArgs(int n) const {
        std::ostringstream csv;
        csv << "code,name,kind,parent_code\n";
        for (int i = 0; i < 300; ++i) csv << "K" << n << "-" << i << ",导入单位" << n << "-" << i << ",village,QX\n";
        return {"unit", "import", dir.write("units-" + std::to_string(n) + ".csv", csv.str()), "--db", db};
    }
};

// Starts build/bin/patrol with `args`, output to files in `dir`; returns its pid.
pid_t start(const ScratchDir& dir, const std::vector<std::string>& args) {
    return spawnPatrol(args, dir.file("killed.out"), dir.file("killed.err"));
}

// Runs `args` to its end: how long it took, after checking that it succeeded.
Clock::duration timeToFinish(const ScratchDir& dir, const std::vector<std::string>& args) {
    const auto began = Clock::now();
    const pid_t pid = start(dir, args);
    int status = 0;
    waitpid(pid, &status, 0);
    INFO(readText(dir.file("killed.err")));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return Clock::now() - began;
}

// Runs `args`, kills it with SIGKILL after `delay` unless it finished first; true when killed.
bool killAfter(const ScratchDir& dir, const std::vector<std::string>& args, Clock::duration delay) {
    const pid_t pid = start(dir, args);
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) return true;
    INFO(readText(dir.file("killed.err")));
    CHECK(WEXITSTATUS(status) == 0);  // a run the kill missed must still have succeeded
    return false;
}

// Rows of an audited main table that no audit event of their entity names.
std::string rowsWithoutEvent(const std::string& db, const std::string& table, const std::string& entity, const std::string& idColumn) {
    return rawScalar(db, "SELECT count(*) FROM " + table + " t WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = '" +
                             entity + "' AND a.entity_id = CAST(t." + idColumn + " AS TEXT))");
}

// Findings that neither an event of their own nor a check run's event (through its record) names.
std::string findingsWithoutEvent(const std::string& db) {
    return rawScalar(db,
                     "SELECT count(*) FROM findings t WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'finding' "
                     "AND a.entity_id = CAST(t.id AS TEXT)) AND NOT EXISTS (SELECT 1 FROM finding_records r JOIN audit_events a "
                     "ON a.id = r.event_id AND a.entity = 'check_run' WHERE r.finding_id = t.id)");
}

std::set<std::string> lines(const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.insert(line);
    return out;
}

// What every killed process must leave behind.
void requireSound(County& county, const std::string& trial) {
    INFO(trial);
    CHECK(rawScalar(county.db, "PRAGMA integrity_check") == "ok");
    CHECK(rawScalar(county.db, "PRAGMA foreign_key_check") == "");
    const auto verify = county.patrol({"audit", "verify"});
    INFO(verify.out + verify.err);
    CHECK(verify.exitCode == 0);
    CHECK(verify.out.find("审计日志完整") != std::string::npos);
    CHECK(rowsWithoutEvent(county.db, "units", "unit", "code") == "0");
    CHECK(findingsWithoutEvent(county.db) == "0");
    CHECK(rowsWithoutEvent(county.db, "rectification_tasks", "rectification_task", "id") == "0");
    // Every evidence row's file is stored, whole.
    for (const auto& row : lines(rawScalar(county.db, "SELECT group_concat(stored_path || ' ' || size, char(10)) FROM evidence"))) {
        const auto space = row.rfind(' ');
        const fs::path file = county.evidence / row.substr(0, space);
        INFO(file);
        REQUIRE(fs::is_regular_file(file));
        CHECK(std::to_string(fs::file_size(file)) == row.substr(space + 1));
    }
}

}  // namespace

TEST_CASE("check, progress with evidence and unit import killed at random moments leave a sound database and no orphaned evidence") {
    County county;
    using Args = std::vector<std::string>;
    const std::vector<std::pair<std::string, std::function<Args(int)>>> commands = {
        {"check --round", [&](int) { return county.checkArgs(); }},
        {"task progress --evidence", [&](int n) { return county.progressArgs(n); }},
        {"unit import", [&](int n) { return county.importArgs(n); }},
    };
    // A full run of each first: it must succeed, and its length bounds the moments to kill at.
    std::vector<Clock::duration> lengths;
    for (const auto& [name, args] : commands) lengths.push_back(timeToFinish(county.dir, args(0)));
    requireSound(county, "after the full runs");

    std::mt19937 random(kSeed);
    int killed = 0;
    for (int trial = 1; trial <= kTrialsPerCommand; ++trial) {
        for (size_t c = 0; c < commands.size(); ++c) {
            const auto delay = std::chrono::duration_cast<Clock::duration>(
                lengths[c] * std::uniform_real_distribution<double>(0.0, 1.0)(random));
            killed += killAfter(county.dir, commands[c].second(trial), delay);
            requireSound(county, commands[c].first + ", trial " + std::to_string(trial));
        }
    }
    // Moments spread over each whole run: most of them land before its end.
    CHECK(killed > 0);

    // A killed upload may leave a stored file that no row names, or a temporary: `evidence gc`
    // keeps the recent ones (an upload may be under way), so they are made old first.
    for (const auto& entry : fs::recursive_directory_iterator(county.evidence))
        if (entry.is_regular_file()) fs::last_write_time(entry.path(), fs::file_time_type::clock::now() - std::chrono::hours(2));
    const auto gc = county.patrol({"evidence", "gc"}, "王建国");
    INFO(gc.out + gc.err);
    REQUIRE(gc.exitCode == 0);
    std::set<std::string> stored;
    for (const auto& entry : fs::recursive_directory_iterator(county.evidence))
        if (entry.is_regular_file()) stored.insert(fs::relative(entry.path(), county.evidence).string());
    CHECK(stored == lines(rawScalar(county.db, "SELECT group_concat(stored_path, char(10)) FROM evidence")));
    requireSound(county, "after evidence gc");
}
