// Tables show the Chinese labels of codes (kinds, statuses, levels, severities, clue bodies and
// methods, booleans, plugin categories by the plugin's own names); JSON and CSV keep the codes;
// options that take a code take its label too.
#include <catch2/catch.hpp>

#include "county.hpp"

using patrol::testing::County;
using patrol::testing::Run;

TEST_CASE("every list and show names codes by their labels in a table and keeps the codes in CSV",
          "[workflow_cli][cli][labels]") {
    County c;
    const std::string data = PATROL_SOURCE_DIR "/tests/plugins/cases/four_styles_layout/data";
    Run r;
    c.ok({"unit", "add", "--code", "U30", "--name", "丙社区", "--kind", "社区", "--parent", "UA"});
    c.ok({"user", "add", "--name", "李干事", "--role", "巡察组成员"});
    c.ok({"user", "revoke", "李干事"});
    r = c.ok({"unit", "list"});
    CHECK(r.out ==
          "编码  名称    类型      上级单位  负责人  联系人\n"
          "U30   丙社区  社区      UA        -       -\n"
          "UA    甲镇    乡镇      -         -       -\n"
          "UB    乙局    县直部门  -         -       -\n"
          "（共 3 条）\n");
    r = c.ok({"unit", "list", "--format", "csv"});
    CHECK(r.out ==
          "code,name,kind,kind_name,parent,head,contact\r\n"
          "U30,丙社区,community,社区,UA,,\r\n"
          "UA,甲镇,township,乡镇,,,\r\n"
          "UB,乙局,department,县直部门,,,\r\n");
    r = c.ok({"user", "list"});
    CHECK(r.out ==
          "姓名      角色              所属单位  已撤销  回避单位\n"
          "乙联系人  被巡察单位联系人  UB        否      \n"
          "张组长    巡察组成员        -         否      \n"
          "李干事    巡察组成员        -         是      \n"
          "王书记    领导小组          -         否      \n"
          "甲联系人  被巡察单位联系人  UA        否      \n"
          "（共 5 条）\n");
    r = c.ok({"user", "list", "--format", "csv"});
    CHECK(r.out ==
          "name,role,role_name,unit,revoked,conflicts\r\n"
          "乙联系人,unit,被巡察单位联系人,UB,false,\r\n"
          "张组长,inspector,巡察组成员,,false,\r\n"
          "李干事,inspector,巡察组成员,,true,\r\n"
          "王书记,leader,领导小组,,false,\r\n"
          "甲联系人,unit,被巡察单位联系人,UA,false,\r\n");
    c.ok({"round", "create", "--code", "R2", "--title", "专项巡察", "--kind", "专项巡察", "--start", "2026-03-02", "--end", "2026-05-29", "--plugins", "four_styles"});
    c.ok({"round", "target", "--round", "R2", "--unit", "U30"});
    c.ok({"round", "advance", "--round", "R2", "--to", "进驻", "--date", "2026-03-10"});
    c.ok({"check", "--plugin", "four_styles", "--data", data, "--round", "R2"});
    r = c.ok({"round", "list"});
    CHECK(r.out ==
          "编码  名称        类型      届次  阶段  开始        结束        检查插件     回看轮次\n"
          "R1    第一轮巡察  常规巡察  -     报告  2026-01-05  2026-03-31               -\n"
          "R2    专项巡察    专项巡察  -     进驻  2026-03-02  2026-05-29  four_styles  -\n"
          "（共 2 条）\n");
    r = c.ok({"round", "list", "--format", "csv"});
    CHECK(r.out ==
          "code,title,kind,term,stage,stage_name,start,end,plugins,lookback_of\r\n"
          "R1,第一轮巡察,regular,,reported,报告,2026-01-05,2026-03-31,,\r\n"
          "R2,专项巡察,special,,onsite,进驻,2026-03-02,2026-05-29,four_styles,\r\n");
    r = c.ok({"round", "show", "R2"});
    CHECK(r.out ==
          "轮次编码：R2\n"
          "名称：专项巡察\n"
          "类型：专项巡察\n"
          "届次：-\n"
          "阶段：进驻\n"
          "日期：2026-03-02 至 2026-05-29\n"
          "检查插件：four_styles\n"
          "阶段记录：准备 2026-03-02，进驻 2026-03-10\n"
          "巡察对象：丙社区(U30)\n"
          "巡察组：-\n"
          "问题：疑似 3\n");
    r = c.ok({"finding", "list", "--round", "R2"});
    CHECK(r.out ==
          "编号  轮次  单位  单位名称  类别                                              问题                                                                                   严重程度  金额（元）  状态  来源                                    已移交\n"
          "3     R2    U30   丙社区    提供或接受超标准接待                              2026-03-17 县宾馆公务接待 10 人，人均 165.00 元，超出标准 15.00 元/人                  较重      150.00      疑似  四风问题（违反中央八项规定精神） FS-01  否\n"
          "4     R2    U30   丙社区    其他享乐主义、奢靡之风问题（含拆分报销规避审批）  2026-03-16 金桥酒家, 二楼 同日 3 笔报销合计 6500.00 元，单笔均低于审批标准 5000.00 元  严重      6500.00     疑似  四风问题（违反中央八项规定精神） FS-03  否\n"
          "5     R2    U30   丙社区    违规收送名贵特产和礼品礼金                        2026-03-16 涉及“茅台”的工作餐支出 1500.00 元                                           严重      1500.00     疑似  四风问题（违反中央八项规定精神） FS-04  否\n"
          "（共 3 条）\n");
    r = c.ok({"finding", "list", "--round", "R2", "--status", "疑似", "--format", "csv"});
    CHECK(r.out ==
          "id,round,unit,unit_name,category,title,severity,amount,status,status_name,source,transferred\r\n"
          "3,R2,U30,丙社区,over_standard_reception,2026-03-17 县宾馆公务接待 10 人，人均 165.00 元，超出标准 15.00 元/人,medium,150.00,suspected,疑似,check:four_styles/FS-01,false\r\n"
          "4,R2,U30,丙社区,hedonism_other,\"2026-03-16 金桥酒家, 二楼 同日 3 笔报销合计 6500.00 元，单笔均低于审批标准 5000.00 元\",high,6500.00,suspected,疑似,check:four_styles/FS-03,false\r\n"
          "5,R2,U30,丙社区,gifts,2026-03-16 涉及“茅台”的工作餐支出 1500.00 元,high,1500.00,suspected,疑似,check:four_styles/FS-04,false\r\n");
    r = c.ok({"finding", "show", "5"});
    // Everything but when it was recorded.
    CHECK(r.out.rfind(
          "问题编号：#5\n"
          "轮次：R2\n"
          "单位：丙社区(U30)\n"
          "类别：违规收送名贵特产和礼品礼金\n"
          "标题：2026-03-16 涉及“茅台”的工作餐支出 1500.00 元\n"
          "详情：支出 L01：类别 工作餐，金额 1500.00 元，商户 金桥酒家, 二楼，事由：接待\"贵宾\"，\r\n"
          "含茅台。\n"
          "严重程度：严重\n"
          "金额（元）：1500.00\n"
          "涉及人数：-\n"
          "人员层级：-\n"
          "来源：四风问题（违反中央八项规定精神） FS-04\n"
          "状态：疑似\n"
          "整改类型：立行立改\n"
          "关联记录：[\"L01\"]\n"
          "已移交线索：否\n", 0) == 0);
    c.ok({"finding", "add", "--round", "R2", "--unit", "U30", "--category", "其他", "--title", "台账不全", "--severity", "一般", "--kind", "长期坚持"});
    r = c.ok({"finding", "list", "--round", "R2", "--status", "已确认", "--format", "csv"});
    CHECK(r.out ==
          "id,round,unit,unit_name,category,title,severity,amount,status,status_name,source,transferred\r\n"
          "6,R2,U30,丙社区,其他,台账不全,low,,confirmed,已确认,manual,false\r\n");
    c.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
    r = c.ok({"task", "list", "--as-of", "2026-02-12"});
    CHECK(r.out ==
          "编号  问题  轮次  单位  类型      期限        剩余天数  状态    预警  责任人  问题标题\n"
          "1     1     R1    UA    立行立改  2026-03-14  30        已交办  无    -       超标准接待\n"
          "2     2     R1    UB    限期整改  2026-04-13  60        已交办  无    -       资金滞留\n"
          "（共 2 条）\n");
    r = c.ok({"task", "list", "--as-of", "2026-02-12", "--level", "无", "--status", "已交办", "--format", "csv"});
    CHECK(r.out ==
          "id,finding_id,round,unit,kind,due,days_left,status,level,handler,title\r\n"
          "1,1,R1,UA,immediate,2026-03-14,30,assigned,none,,超标准接待\r\n"
          "2,2,R1,UB,deadline,2026-04-13,60,assigned,none,,资金滞留\r\n");
    r = c.ok({"task", "show", "1"});
    CHECK(r.out.find("  类型:     立行立改\n") != std::string::npos);
    CHECK(r.out.find("  状态:     已交办    预警: 无    退回次数: 0\n") != std::string::npos);
    CHECK(r.out.find("  admin  task.create  状态=已交办 预警=无 期限=2026-03-14\n") != std::string::npos);
    r = c.ok({"clue", "transfer", "1", "--to", "纪检监察机关", "--date", "2026-02-20"});
    CHECK(r.out ==
          "问题线索 #1（问题 #1）已移交纪检监察机关，应于 2026-05-20 前反馈处置结果：状态 「已移交」(transferred)。\n");
    r = c.ok({"clue", "transfer", "2", "--to", "other", "--date", "2026-02-21"});
    CHECK(r.out ==
          "问题线索 #2（问题 #2）已移交其他有关单位，应于 2026-05-21 前反馈处置结果：状态 「已移交」(transferred)。\n");
    c.ok({"clue", "dispose", "1", "--method", "初步核实", "--date", "2026-02-25"});
    c.ok({"clue", "outcome", "1", "--person", "张某", "--level", "乡科级干部", "--form", "第二种形态", "--date", "2026-03-01"});
    r = c.ok({"clue", "list"});
    CHECK(r.out ==
          "编号  问题  轮次  单位  接收单位      移交日期    反馈期限    状态    处置方式  处理人数  问题标题\n"
          "1     1     R1    UA    纪检监察机关  2026-02-20  2026-05-20  已办结  初步核实  1         超标准接待\n"
          "2     2     R1    UB    其他有关单位  2026-02-21  2026-05-21  已移交  -         0         资金滞留\n"
          "（共 2 条）\n");
    r = c.ok({"clue", "list", "--format", "csv"});
    CHECK(r.out ==
          "id,finding_id,round,unit,receiver,transferred_on,reply_due,status,method,people,title\r\n"
          "1,1,R1,UA,纪委监委,2026-02-20,2026-05-20,concluded,preliminary,1,超标准接待\r\n"
          "2,2,R1,UB,other,2026-02-21,2026-05-21,transferred,,0,资金滞留\r\n");
    r = c.ok({"clue", "show", "1"});
    CHECK(r.out ==
          "问题线索 #1\n"
          "  问题:     #1 超标准接待（R1 / UA 甲镇）\n"
          "  接收单位: 纪检监察机关    移交日期: 2026-02-20    反馈期限: 2026-05-20\n"
          "  状态:     已办结\n"
          "处置（1）:\n"
          "  2026-02-25  初步核实\n"
          "处理结果（1）:\n"
          "  2026-03-01  张某（乡科级干部）  第二种形态\n");
    r = c.ok({"clue", "stats"});
    CHECK(r.out ==
          "接收单位      线索(件)  人数(人)  已办结  办结率%  第一种形态  第二种形态  第三种形态  第四种形态  党纪政务处分(人)  移送司法(人次)  追缴挽回(元)\n"
          "纪检监察机关  1         1         1       100.0    0           1           0           0           0                 0               0.00\n"
          "其他有关单位  1         0         0       0.0      0           0           0           0           0                 0               0.00\n"
          "合计          2         1         1       50.0     0           1           0           0           0                 0               0.00\n"
          "（共 3 条）\n");
    r = c.ok({"clue", "stats", "--format", "csv"});
    CHECK(r.out ==
          "receiver,clues,people,concluded,closure_rate,f1,f2,f3,f4,sanctioned_people,referred,recovered\r\n"
          "纪委监委,1,1,1,100.0,0,1,0,0,0,0,0.00\r\n"
          "other,1,0,0,0.0,0,0,0,0,0,0,0.00\r\n"
          "合计,2,1,1,50.0,0,1,0,0,0,0,0.00\r\n");
    r = c.ok({"finding", "list", "--round", "R1"});
    CHECK(r.out ==
          "编号  轮次  单位  单位名称  类别  问题        严重程度  金额（元）  状态    来源      已移交\n"
          "1     R1    UA    甲镇      四风  超标准接待  较重      -           已反馈  人工录入  是\n"
          "2     R1    UB    乙局      资金  资金滞留    较重      -           已反馈  人工录入  是\n"
          "（共 2 条）\n");
    r = c.ok({"calendar", "show", "--year", "2026"});
    CHECK(r.out ==
          "日期        星期  类型\n"
          "2026-01-01  周四  放假\n"
          "2026-01-02  周五  放假\n"
          "2026-01-04  周日  调休上班\n"
          "2026-02-14  周六  调休上班\n"
          "2026-02-16  周一  放假\n"
          "2026-02-17  周二  放假\n"
          "2026-02-18  周三  放假\n"
          "2026-02-19  周四  放假\n"
          "2026-02-20  周五  放假\n"
          "2026-02-23  周一  放假\n"
          "2026-02-28  周六  调休上班\n"
          "2026-04-06  周一  放假\n"
          "2026-05-01  周五  放假\n"
          "2026-05-04  周一  放假\n"
          "2026-05-05  周二  放假\n"
          "2026-05-09  周六  调休上班\n"
          "2026-06-19  周五  放假\n"
          "2026-09-20  周日  调休上班\n"
          "2026-09-25  周五  放假\n"
          "2026-10-01  周四  放假\n"
          "2026-10-02  周五  放假\n"
          "2026-10-05  周一  放假\n"
          "2026-10-06  周二  放假\n"
          "2026-10-07  周三  放假\n"
          "2026-10-10  周六  调休上班\n"
          "（共 25 条）\n"
          "2026 年：工作日 248 天，工作日放假 19 天，周末调休上班 6 天。\n");
    r = c.ok({"calendar", "show", "--year", "2026", "--format", "csv"});
    CHECK(r.out ==
          "date,weekday,kind,label,provisional\r\n"
          "2026-01-01,周四,holiday,放假,false\r\n"
          "2026-01-02,周五,holiday,放假,false\r\n"
          "2026-01-04,周日,workday,调休上班,false\r\n"
          "2026-02-14,周六,workday,调休上班,false\r\n"
          "2026-02-16,周一,holiday,放假,false\r\n"
          "2026-02-17,周二,holiday,放假,false\r\n"
          "2026-02-18,周三,holiday,放假,false\r\n"
          "2026-02-19,周四,holiday,放假,false\r\n"
          "2026-02-20,周五,holiday,放假,false\r\n"
          "2026-02-23,周一,holiday,放假,false\r\n"
          "2026-02-28,周六,workday,调休上班,false\r\n"
          "2026-04-06,周一,holiday,放假,false\r\n"
          "2026-05-01,周五,holiday,放假,false\r\n"
          "2026-05-04,周一,holiday,放假,false\r\n"
          "2026-05-05,周二,holiday,放假,false\r\n"
          "2026-05-09,周六,workday,调休上班,false\r\n"
          "2026-06-19,周五,holiday,放假,false\r\n"
          "2026-09-20,周日,workday,调休上班,false\r\n"
          "2026-09-25,周五,holiday,放假,false\r\n"
          "2026-10-01,周四,holiday,放假,false\r\n"
          "2026-10-02,周五,holiday,放假,false\r\n"
          "2026-10-05,周一,holiday,放假,false\r\n"
          "2026-10-06,周二,holiday,放假,false\r\n"
          "2026-10-07,周三,holiday,放假,false\r\n"
          "2026-10-10,周六,workday,调休上班,false\r\n");
}

TEST_CASE("plugin show names the severity, category and rectification kind of a rule by their labels",
          "[workflow_cli][cli][labels]") {
    County c;
    Run r = c.ok({"plugin", "show", "four_styles"});
    CHECK(r.out.find(
              "规则：\n"
              "规则   名称              严重程度  类别                                              所需表    默认整改        关联记录                                             金额\n"
              "FS-01  超标准接待        较重      提供或接受超标准接待                              expenses  立行立改 30 天  expense_id                                           金额 − 人均标准 × 人数\n"
              "FS-02  节假日违规吃喝    严重      违规公款吃喝                                      expenses  立行立改 30 天  expense_id                                           金额\n"
              "FS-03  拆分报销规避审批  严重      其他享乐主义、奢靡之风问题（含拆分报销规避审批）  expenses  限期整改 60 天  同单位同商户同日、单笔低于审批标准的全部 expense_id  各笔合计\n") !=
          std::string::npos);
    r = c.ok({"plugin", "show", "four_styles", "--format", "json"});
    CHECK(r.out.find("{\"code\":\"FS-01\",\"name\":\"超标准接待\",\"severity\":\"medium\",\"category\":\"over_standard_reception\","
                     "\"tables\":\"expenses\",\"rectification\":\"immediate 30 天\"") != std::string::npos);
}

TEST_CASE("a label that names nothing is refused with the accepted codes and labels", "[workflow_cli][cli][labels]") {
    County c;
    Run r = c.patrol({"clue", "transfer", "1", "--to", "其他"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 未知的接收单位「其他」：应为 纪委监委（纪检监察机关）、组织部（党委组织部门）、other（其他有关单位） 之一，请改用其中一个。\n");
}
