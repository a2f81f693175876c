#include <catch2/catch.hpp>

#include "reporting_county.hpp"

using patrol::testing::ReportingCounty;
using patrol::testing::Run;

TEST_CASE("report stats counts open tasks by the colour they deserve on the day, rates and categories", "[workflow_cli][report]") {
    ReportingCounty c;
    // 2026-03-03: task 1 (due 03-14) has 11 days left, tasks 2 and 3 have 41; nothing accepted yet.
    Run r = c.ok({"report", "stats", "--as-of", "2026-03-03"});
    CHECK(r.out ==
          "统计（截至 2026-03-03；轮次：R1、R2）\n"
          "\n"
          "一、未销号整改任务（按截至日应有的预警等级）\n"
          "单位  单位名称  无  绿色提醒  黄色预警  红色督办  问责建议  合计\n"
          "UA    甲镇      0   1         0         0         0         1\n"
          "UB    乙局      2   0         0         0         0         2\n"
          "合计            2   1         0         0         0         3\n"
          "\n"
          "二、逾期整改任务\n"
          "任务  问题  轮次  单位  单位名称  问题标题  期限  逾期天数  预警  责任人\n"
          "（共 0 条）\n"
          "\n"
          "三、整改完成率\n"
          "轮次  名称        已反馈问题  已整改  整改完成率%\n"
          "R1    第一轮巡察  3           0       0.0\n"
          "R2    第二轮巡察  0           0       -\n"
          "合计              3           0       0.0\n"
          "\n"
          "四、发现问题（按类别，已确认及以后的问题）\n"
          "问题类别  问题数  涉及金额（元）\n"
          "四风      2       1200.00\n"
          "资金      2       8000.50\n"
          "合计      4       9200.50\n"
          "\n"
          "五、问题线索\n"
          "接收单位      线索(件)  人数(人)  已办结  办结率%  第一种形态  第二种形态  第三种形态  第四种形态  党纪政务处分(人)  移送司法(人次)  追缴挽回(元)\n"
          "纪检监察机关  1         1         1       100.0    0           1           0           0           1                 0               1000.00\n"
          "合计          1         1         1       100.0    0           1           0           0           1                 0               1000.00\n");
    CHECK(r.err.empty());
}

TEST_CASE("report stats as JSON keeps its keys, and 30 days overdue is accountability", "[workflow_cli][report]") {
    ReportingCounty c;
    Run r = c.ok({"report", "stats", "--as-of", "2026-05-20", "--format", "json"}, "王书记");
    CHECK(r.out ==
          "{\"as_of\":\"2026-05-20\",\"rounds\":[\"R1\",\"R2\"],\"unit\":null,\"from\":null,\"to\":null,"
          "\"colours\":{\"units\":[{\"unit\":\"UB\",\"unit_name\":\"乙局\",\"none\":0,\"green\":0,\"yellow\":0,\"red\":0,"
          "\"accountability\":2,\"open\":2}],"
          "\"total\":{\"none\":0,\"green\":0,\"yellow\":0,\"red\":0,\"accountability\":2,\"open\":2}},"
          "\"overdue\":[{\"task_id\":2,\"finding_id\":2,\"round\":\"R1\",\"unit\":\"UB\",\"unit_name\":\"乙局\",\"title\":\"资金滞留\","
          "\"due\":\"2026-04-13\",\"days_overdue\":37,\"level\":\"accountability\",\"handler\":\"孙三\",\"leader\":\"李四\"},"
          "{\"task_id\":3,\"finding_id\":3,\"round\":\"R1\",\"unit\":\"UB\",\"unit_name\":\"乙局\",\"title\":\"违规发放津贴\","
          "\"due\":\"2026-04-13\",\"days_overdue\":37,\"level\":\"accountability\",\"handler\":null,\"leader\":null}],"
          "\"rectification\":{\"rounds\":[{\"round\":\"R1\",\"title\":\"第一轮巡察\",\"fed_back\":3,\"rectified\":1,\"rate\":33.3},"
          "{\"round\":\"R2\",\"title\":\"第二轮巡察\",\"fed_back\":0,\"rectified\":0,\"rate\":null}],"
          "\"total\":{\"fed_back\":3,\"rectified\":1,\"rate\":33.3}},"
          "\"categories\":[{\"category\":\"四风\",\"name\":\"四风\",\"findings\":2,\"amount\":1200.00},"
          "{\"category\":\"资金\",\"name\":\"资金\",\"findings\":2,\"amount\":8000.50}],"
          "\"clues\":[{\"receiver\":\"纪委监委\",\"clues\":1,\"people\":1,\"concluded\":1,\"closure_rate\":100.0,"
          "\"f1\":0,\"f2\":1,\"f3\":0,\"f4\":0,\"sanctioned_people\":1,\"referred\":0,\"recovered\":1000.00},"
          "{\"receiver\":\"合计\",\"clues\":1,\"people\":1,\"concluded\":1,\"closure_rate\":100.0,"
          "\"f1\":0,\"f2\":1,\"f3\":0,\"f4\":0,\"sanctioned_people\":1,\"referred\":0,\"recovered\":1000.00}]}\n");

    // Before feedback there is nothing to rectify: no open task, no rate.
    r = c.ok({"report", "stats", "--round", "R1", "--as-of", "2026-02-11", "--format", "json"});
    CHECK(r.out.find("\"colours\":{\"units\":[],\"total\":{\"none\":0,\"green\":0,\"yellow\":0,\"red\":0,\"accountability\":0,"
                     "\"open\":0}},\"overdue\":[],\"rectification\":{\"rounds\":[{\"round\":\"R1\",\"title\":\"第一轮巡察\","
                     "\"fed_back\":0,\"rectified\":0,\"rate\":null}],\"total\":{\"fed_back\":0,\"rectified\":0,\"rate\":null}}") !=
          std::string::npos);
}

TEST_CASE("report stats shows a unit contact only its own unit and no clue figures", "[workflow_cli][report]") {
    ReportingCounty c;
    Run r = c.ok({"report", "stats", "--as-of", "2026-04-20"}, "乙联系人");
    CHECK(r.out ==
          "统计（截至 2026-04-20；轮次：R1）\n"
          "\n"
          "一、未销号整改任务（按截至日应有的预警等级）\n"
          "单位  单位名称  无  绿色提醒  黄色预警  红色督办  问责建议  合计\n"
          "UB    乙局      0   0         0         2         0         2\n"
          "合计            0   0         0         2         0         2\n"
          "\n"
          "二、逾期整改任务\n"
          "任务  问题  轮次  单位  单位名称  问题标题      期限        逾期天数  预警      责任人\n"
          "2     2     R1    UB    乙局      资金滞留      2026-04-13  7         红色督办  孙三\n"
          "3     3     R1    UB    乙局      违规发放津贴  2026-04-13  7         红色督办  -\n"
          "（共 2 条）\n"
          "\n"
          "三、整改完成率\n"
          "轮次  名称        已反馈问题  已整改  整改完成率%\n"
          "R1    第一轮巡察  2           0       0.0\n"
          "合计              2           0       0.0\n"
          "\n"
          "四、发现问题（按类别，已确认及以后的问题）\n"
          "问题类别  问题数  涉及金额（元）\n"
          "四风      1       1200.00\n"
          "资金      1       0.00\n"
          "合计      2       1200.00\n");
    r = c.ok({"report", "stats", "--as-of", "2026-04-20", "--format", "json"}, "乙联系人");
    CHECK(r.out.find("\"clues\":null}") != std::string::npos);
    CHECK(r.out.find("甲镇") == std::string::npos);

    // Another unit, or a round that does not target the unit, reads like one that does not exist.
    r = c.patrol({"report", "stats", "--unit", "UB"}, "甲联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 单位「UB」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。\n");
    Run missing = c.patrol({"report", "stats", "--round", "R9"}, "乙联系人");
    r = c.patrol({"report", "stats", "--round", "R2"}, "乙联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 巡察轮次「R2」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。\n");
    CHECK(missing.err == "错误: 巡察轮次「R9」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。\n");
    CHECK(r.out.empty());
}

TEST_CASE("report stats over named rounds and one unit counts only those", "[workflow_cli][report]") {
    ReportingCounty c;
    Run r = c.ok({"report", "stats", "--round", "R2", "R1", "R1", "--unit", "UA", "--as-of", "2026-04-20", "--format", "json"});
    CHECK(r.out ==
          "{\"as_of\":\"2026-04-20\",\"rounds\":[\"R1\",\"R2\"],\"unit\":\"UA\",\"from\":null,\"to\":null,"
          "\"colours\":{\"units\":[],\"total\":{\"none\":0,\"green\":0,\"yellow\":0,\"red\":0,\"accountability\":0,\"open\":0}},"
          "\"overdue\":[],"
          "\"rectification\":{\"rounds\":[{\"round\":\"R1\",\"title\":\"第一轮巡察\",\"fed_back\":1,\"rectified\":1,\"rate\":100.0},"
          "{\"round\":\"R2\",\"title\":\"第二轮巡察\",\"fed_back\":0,\"rectified\":0,\"rate\":null}],"
          "\"total\":{\"fed_back\":1,\"rectified\":1,\"rate\":100.0}},"
          "\"categories\":[{\"category\":\"四风\",\"name\":\"四风\",\"findings\":1,\"amount\":0.00},"
          "{\"category\":\"资金\",\"name\":\"资金\",\"findings\":1,\"amount\":8000.50}],"
          "\"clues\":[{\"receiver\":\"合计\",\"clues\":0,\"people\":0,\"concluded\":0,\"closure_rate\":null,"
          "\"f1\":0,\"f2\":0,\"f3\":0,\"f4\":0,\"sanctioned_people\":0,\"referred\":0,\"recovered\":0.00}]}\n");

    // R1's inspector is not on R2's team: R2 does not exist to them.
    r = c.patrol({"report", "stats", "--round", "R1", "R2"}, "张组长");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 巡察轮次「R2」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。\n");
    r = c.ok({"report", "stats", "--as-of", "2026-04-20", "--format", "json"}, "张组长");
    CHECK(r.out.find("\"rounds\":[\"R1\"],") != std::string::npos);
}
