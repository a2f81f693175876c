// The evidence folder stays private and clean: files 0600 and folders 0700, temporaries of
// killed uploads swept by the next upload, and `patrol evidence gc` for bytes no record names.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;
namespace fs = std::filesystem;

namespace {

unsigned modeOf(const fs::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

// A pid no process has: far past the kernel's limit.
const std::string kGonePid = "2147483000";

// Demo county in a fresh data folder, with one progress report carrying one evidence file.
struct County {
    ScratchDir dir;
    std::string db = dir.file("data/patrol.db");
    fs::path evidence = dir.path() / "data/patrol.evidence";
    Run run(std::vector<std::string> args, const std::string& user = "") {
        Patrol patrol(dir);
        args.insert(args.end(), {"--db", db});
        if (!user.empty()) args.insert(args.end(), {"--user", user});
        return patrol.raw(args);
    }
    County() {
        REQUIRE(run({"demo"}).exitCode == 0);
        REQUIRE(run({"task", "plan", "1", "--measure", "补发资金", "--handler", "张三", "--leader", "李四"}, "赵敏").exitCode == 0);
        const std::string receipt = dir.write("receipt.txt", "收据一张\n");
        REQUIRE(run({"task", "progress", "1", "--percent", "50", "--note", "已补发", "--evidence", receipt}, "赵敏").exitCode == 0);
    }
    fs::path place(const std::string& relative, const std::string& bytes, bool old) {
        const fs::path file = evidence / relative;
        fs::create_directories(file.parent_path());
        dir.write(fs::relative(file, dir.path()).string(), bytes);
        if (old) fs::last_write_time(file, fs::file_time_type::clock::now() - std::chrono::hours(2));
        return file;
    }
};

}  // namespace

TEST_CASE("the data folder, the evidence folders and the stored files are private to their owner") {
    County county;
    CHECK(modeOf(county.dir.path() / "data") == 0700);
    CHECK(modeOf(county.evidence) == 0700);
    size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(county.evidence)) {
        CHECK(modeOf(entry.path()) == (entry.is_directory() ? 0700u : 0600u));
        files += entry.is_regular_file();
    }
    CHECK(files == 1);
}

TEST_CASE("the next upload sweeps temporaries left by uploads whose process is gone") {
    County county;
    const auto gone = county.place(".incoming-" + kGonePid + "-1", "半截文件", false);
    const auto notOurs = county.place(".incoming-notes.txt", "别人的文件", false);
    const std::string photo = county.dir.write("photo.jpg", "照片");
    REQUIRE(county.run({"task", "progress", "1", "--percent", "60", "--note", "又补发一批", "--evidence", photo}, "赵敏").exitCode == 0);
    CHECK_FALSE(fs::exists(gone));
    CHECK(fs::exists(notOurs));
}

TEST_CASE("evidence gc removes old unreferenced files and abandoned temporaries, keeps recent ones, and is for the admin only") {
    County county;
    const std::string oldSha = "ab" + std::string(62, 'c'), newSha = "ab" + std::string(62, 'd');
    const auto old = county.place("ab/" + oldSha, "旧文件", true);
    const auto recent = county.place("ab/" + newSha, "新文件", false);
    const auto gone = county.place(".incoming-" + kGonePid + "-7", "半截", false);
    const std::string folder = county.evidence.string();

    auto run = county.run({"evidence", "gc", "--dry-run"}, "王建国");
    CHECK(run.exitCode == 0);
    CHECK(run.out == "佐证材料目录 " + folder + "：将删除 1 个没有任何记录引用的文件（9 字节）、1 个中断的上传留下的临时文件（6 字节）。\n"
                     "另有 1 个未被引用的文件是 60 分钟内放入的，可能属于正在进行的上传，已保留。\n"
                     "  " + old.string() + "（9 字节）\n"
                     "  " + gone.string() + "（6 字节）\n");
    CHECK(fs::exists(old));

    run = county.run({"evidence", "gc"}, "赵敏");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「赵敏」（被巡察单位联系人）无权清理佐证材料目录：只有巡察办管理员（admin）可以这样做。\n");
    CHECK(fs::exists(old));

    run = county.run({"evidence", "gc"}, "王建国");
    CHECK(run.exitCode == 0);
    CHECK(run.out == "佐证材料目录 " + folder + "：已删除 1 个没有任何记录引用的文件（9 字节）、1 个中断的上传留下的临时文件（6 字节）。\n"
                     "另有 1 个未被引用的文件是 60 分钟内放入的，可能属于正在进行的上传，已保留。\n");
    CHECK_FALSE(fs::exists(old));
    CHECK_FALSE(fs::exists(gone));
    CHECK(fs::exists(recent));
    CHECK(rawScalar(county.db, "SELECT count(*) FROM audit_events WHERE action = 'evidence.gc'") == "1");
    CHECK(rawScalar(county.db, "SELECT after_json FROM audit_events WHERE action = 'evidence.gc'") ==
          "{\"removed_files\":1,\"removed_bytes\":9,\"abandoned_uploads\":1,\"abandoned_bytes\":6}");

    // The evidence every record names is untouched: the task's file still downloads as stored.
    run = county.run({"audit", "verify"});
    CHECK(run.exitCode == 0);
    size_t referenced = 0;
    for (const auto& entry : fs::recursive_directory_iterator(county.evidence))
        referenced += entry.is_regular_file() && entry.path() != recent;
    CHECK(referenced == 1);
}
