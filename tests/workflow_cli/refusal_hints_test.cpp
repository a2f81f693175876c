// The CLI words a service's refusal for a shell user: it names the option of the field that was
// wrong and says which listing shows what exists; every kind of refusal still exits 2.
#include <catch2/catch.hpp>

#include "county.hpp"

using patrol::testing::County;
using patrol::testing::Run;

TEST_CASE("the CLI adds its own hints to the services' refusals", "[workflow_cli][errors]") {
    County c;
    c.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
    const auto refused = [&](const std::vector<std::string>& args, const std::string& user, const std::string& err) {
        const Run r = c.patrol(args, user);
        INFO("patrol " << args.at(0) << " " << args.at(1));
        CHECK(r.exitCode == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "错误: " + err + "\n");
    };
    // Invalid input: the option that carries the field.
    refused({"task", "plan", "1", "--measure", " ", "--handler", "李明", "--leader", "王强", "--date", "2026-02-13"}, "甲联系人",
            "整改措施（--measure）不能为空，请填写。");
    refused({"task", "progress", "1", "--percent", "150", "--note", "n"}, "甲联系人",
            "整改进度（--percent）应为 0 到 100 之间的整数，实际为 150。");
    refused({"task", "extend", "1", "--to", "2026-03-01", "--reason", "r"}, "甲联系人",
            "延期后的期限（--to）应晚于当前期限 2026-03-14，实际为 2026-03-01；请指定更晚的日期。");
    // Not found (or hidden): where to look.
    refused({"task", "show", "2"}, "甲联系人", "整改任务 #2 不存在。请用 patrol task list 查看可见的任务。");
    refused({"unit", "show", "UZ"}, "", "单位「UZ」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。");
    refused({"task", "list", "--round", "R9"}, "", "巡察轮次「R9」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。");
    refused({"round", "show", "R1"}, "无名氏", "用户「无名氏」不存在。请用 --user 或 PATROL_USER 指定已登记的用户，或请管理员先添加该用户。");
    // Forbidden and conflict read as the service wrote them.
    refused({"unit", "add", "--code", "UC", "--name", "丙村", "--kind", "village"}, "张组长",
            "用户「张组长」（巡察组成员）无权添加单位：只有巡察办管理员（admin）可以这样做。");
    refused({"task", "accept", "1", "--note", "合格", "--date", "2026-02-13"}, "张组长",
            "任务当前状态为「已交办」(assigned)，不能「验收销号」改为「已销号」(accepted)：当前只能「制定整改措施」。");
}
