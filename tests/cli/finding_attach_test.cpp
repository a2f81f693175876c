// `patrol finding attach` and the attachments in `finding show`, end to end on the demo county:
// 李明华 and 张丽 are R1's team, finding 1 is 河塘镇's (赵敏's unit) and fed back.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;
namespace fs = std::filesystem;

namespace {

const std::string kPhotoSha = "9fe36faa6e710cbbfe894e2ed0ee227ca2179beea08210789c73971ba565ea10";  // "photo\n"
const std::string kScanSha = "59ad1b2fc74287ded1bba7af67765d23ad4a49f1ae51902cc2ed3f8ebee96cfa";   // "scan"

struct Demo {
    ScratchDir dir;
    Patrol patrol{dir};
    Demo() { REQUIRE(patrol({"demo"}).exitCode == 0); }
    std::string count(const std::string& table) const { return rawScalar(patrol.db(), "SELECT count(*) FROM " + table); }
    // Rows that a refused attachment must leave alone, and the files of the evidence folder.
    std::string footprint() const {
        std::string files;
        if (fs::exists(dir.file("patrol.evidence")))
            for (const auto& e : fs::recursive_directory_iterator(dir.file("patrol.evidence"))) files += e.path().string() + ";";
        return count("evidence") + "/" + count("audit_events") + "/" + files;
    }
};

}  // namespace

TEST_CASE("an inspector of the round attaches photos and scans to a finding, and staff see them in finding show") {
    Demo d;
    REQUIRE(d.count("evidence") == "0");
    const std::string photo = d.dir.write("现场照片.jpg", "photo\n");
    const std::string scan = d.dir.write("报销单扫描件.pdf", "scan");
    auto run = d.patrol({"finding", "attach", "1", photo, scan}, "李明华");
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已为问题 #1 添加取证材料 2 份：\n  #1  现场照片.jpg  6 字节\n  #2  报销单扫描件.pdf  4 字节\n");
    CHECK(readText(d.dir.file("patrol.evidence/9f/" + kPhotoSha)) == "photo\n");
    // One audit event for the whole attachment, and audit verify holds the new rows to it.
    CHECK(rawScalar(d.patrol.db(), "SELECT count(*) FROM audit_events WHERE action = 'finding.attach' AND entity_id = '1'") == "1");
    CHECK(rawScalar(d.patrol.db(), "SELECT uploaded_by || ',' || finding_id || ',' || ifnull(task_id, 'null') FROM evidence WHERE id = 1") ==
          "李明华,1,null");
    CHECK(d.patrol({"audit", "verify"}).exitCode == 0);

    for (const std::string viewer : {"李明华", "周国庆", "王建国"}) {
        INFO(viewer);
        run = d.patrol({"finding", "show", "1"}, viewer);
        CHECK(run.exitCode == 0);
        const std::string uploaded = rawScalar(d.patrol.db(), "SELECT uploaded_at FROM evidence WHERE id = 1");
        CHECK(run.out.find("取证材料（2）:\n  #1  现场照片.jpg  6 字节  sha256:" + kPhotoSha + "  李明华（" + uploaded +
                           "）\n  #2  报销单扫描件.pdf  4 字节  sha256:" + kScanSha + "  李明华（" + uploaded + "）\n") !=
              std::string::npos);
        run = d.patrol({"finding", "show", "1", "--format", "json"}, viewer);
        CHECK(run.out.find(",\"attachments\":[{\"id\":1,\"task_id\":null,\"progress_id\":null,\"finding_id\":1,\"name\":\"现场照片.jpg\","
                           "\"sha256\":\"" + kPhotoSha + "\",\"size\":6,") != std::string::npos);
    }
    // A finding without attachments says so to staff.
    run = d.patrol({"finding", "show", "2"}, "李明华");
    CHECK(run.out.find("取证材料（0）:\n") != std::string::npos);
}

TEST_CASE("the unit never sees a finding's attachments, not even on its own fed-back finding") {
    Demo d;
    REQUIRE(d.patrol({"finding", "attach", "1", d.dir.write("现场照片.jpg", "photo\n")}, "李明华").exitCode == 0);
    auto run = d.patrol({"finding", "show", "1"}, "赵敏");
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("取证材料") == std::string::npos);
    CHECK(run.out.find("现场照片") == std::string::npos);
    run = d.patrol({"finding", "show", "1", "--format", "json"}, "赵敏");
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("attachments") == std::string::npos);
    CHECK(run.out.rfind("{\"id\":1,", 0) == 0);
}

TEST_CASE("who may attach: admin and the round's team, others are refused and nothing is written") {
    Demo d;
    const std::string scan = d.dir.write("s.pdf", "scan");
    const std::string before = d.footprint();
    auto run = d.patrol({"finding", "attach", "1", scan}, "周国庆");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「周国庆」（领导小组）无权添加取证材料（巡察轮次 2026-R1）：只有管理员和该轮巡察组成员可以这样做。\n");
    run = d.patrol({"finding", "attach", "1", scan}, "赵敏");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「赵敏」（被巡察单位联系人）无权添加取证材料（巡察轮次 2026-R1）：只有管理员和该轮巡察组成员可以这样做。\n");
    // An inspector of another round does not see R1's finding: it reads as missing.
    run = d.patrol({"finding", "attach", "1", scan}, "刘芳");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题 #1 不存在，或您无权查看。请检查问题编号（可用 patrol finding list 查看）。\n");
    run = d.patrol({"finding", "attach", "99", scan}, "刘芳");
    CHECK(run.err == "错误: 问题 #99 不存在，或您无权查看。请检查问题编号（可用 patrol finding list 查看）。\n");
    CHECK(d.footprint() == before);
    run = d.patrol({"finding", "attach", "1", scan});  // the local admin
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已为问题 #1 添加取证材料 1 份：\n  #1  s.pdf  4 字节\n");
}

TEST_CASE("bad files refuse the whole attachment before anything is stored") {
    Demo d;
    const std::string photo = d.dir.write("现场照片.jpg", "photo\n");
    const std::string before = d.footprint();
    auto run = d.patrol({"finding", "attach", "1", photo, d.dir.file("无此文件.jpg")}, "李明华");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 找不到取证材料文件 " + d.dir.file("无此文件.jpg") + "：FILE 应指向一个已存在的普通文件。\n");
    run = d.patrol({"finding", "attach", "1", photo, d.dir.path().string()}, "李明华");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 取证材料 " + d.dir.path().string() +
                         " 不是普通文件，而是目录：FILE 应指向一个已存在的普通文件；请先把内容保存为文件再上传。\n");
    run = d.patrol({"finding", "attach", "1", photo, d.dir.write("空.jpg", "")}, "李明华");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 佐证材料文件 " + d.dir.file("空.jpg") + " 是空文件（0 字节），不能作为佐证材料。请选择有内容的文件。\n");
    // Over evidence.max_bytes: refused while reading; the photo read before it is not kept either.
    const std::string config = d.dir.write("patrol.ini", "[evidence]\nmax_bytes = 8\n");
    run = d.patrol({"finding", "attach", "1", photo, d.dir.write("大.jpg", "0123456789"), "--config", config}, "李明华");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 佐证材料 " + d.dir.file("大.jpg") + " 大小为 10 字节，超过上限 8 字节（配置项 evidence.max_bytes）；请压缩或拆分后再上传。\n");
    CHECK(d.footprint() == before);
    run = d.patrol({"finding", "attach", "1"}, "李明华");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: patrol finding attach 需要参数 ID FILE...。请用 --help 查看用法。\n");
}

TEST_CASE("an attachment changed or removed outside patrol is found by audit verify") {
    Demo d;
    REQUIRE(d.patrol({"finding", "attach", "1", d.dir.write("a.jpg", "photo\n"), d.dir.write("b.pdf", "scan")}, "李明华").exitCode == 0);
    const std::string event = rawScalar(d.patrol.db(), "SELECT max(id) FROM audit_events");
    rawExec(d.patrol.db(), "UPDATE evidence SET original_name = 'x.pdf' WHERE id = 2");
    auto run = d.patrol({"audit", "verify"});
    CHECK(run.exitCode == 1);
    CHECK(run.err.find("表 evidence 第 2 行的 original_name 为 x.pdf，而其最近的审计事件 #" + event +
                       " 记录为 b.pdf：该行在本工具之外被改动。") != std::string::npos);
    rawExec(d.patrol.db(), "UPDATE evidence SET original_name = 'b.pdf' WHERE id = 2");
    rawExec(d.patrol.db(), "DELETE FROM evidence WHERE id = 1");
    run = d.patrol({"audit", "verify"});
    CHECK(run.exitCode == 1);
    CHECK(run.err.find("表 evidence 第 1 行已不存在，而其最近的审计事件 #" + event + " 记录了它：该行在本工具之外被删除。") !=
          std::string::npos);
}
