#include "core/services/demo_seed.hpp"

#include <patrol/sdk/civil.hpp>

#include "core/domain/errors.hpp"
#include "core/plugins/check_finding.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/round_service.hpp"
#include "core/services/unit_service.hpp"
#include "core/services/user_service.hpp"
#include "core/store/database.hpp"
#include "core/store/meta_repository.hpp"
#include "core/store/transaction.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {

namespace {

constexpr const char* kDemoMarker = "demo_seeded";

struct DemoUnit {
    const char* code;
    const char* name;
    const char* kind;
    const char* parent;
};

// 清溪县 is fictional; the names follow how county units are really called.
constexpr DemoUnit kUnits[] = {
    {"QX", "清溪县", "other", nullptr},
    {"QX-CZJ", "县财政局", "department", "QX"},
    {"QX-JYJ", "县教育局", "department", "QX"},
    {"QX-WJJ", "县卫生健康局", "department", "QX"},
    {"QX-ZJJ", "县住房和城乡建设局", "department", "QX"},
    {"QX-NYJ", "县农业农村局", "department", "QX"},
    {"QX-ZRJ", "县自然资源局", "department", "QX"},
    {"QX-SJJ", "县市场监督管理局", "department", "QX"},
    {"QX-CT", "清溪县城市建设投资有限公司", "enterprise", "QX"},
    {"QX-SW", "清溪县水务集团有限公司", "enterprise", "QX"},
    {"QX-HT", "河塘镇", "township", "QX"},
    {"QX-SQ", "石桥镇", "township", "QX"},
    {"QX-YS", "云山乡", "township", "QX"},
    {"QX-LX", "柳溪乡", "township", "QX"},
    {"QX-HT-DL", "河塘镇东岭村", "village", "QX-HT"},
    {"QX-HT-XW", "河塘镇西湾村", "village", "QX-HT"},
    {"QX-HT-XJ", "河塘镇新街社区", "community", "QX-HT"},
    {"QX-SQ-QS", "石桥镇青石村", "village", "QX-SQ"},
    {"QX-SQ-FL", "石桥镇枫林村", "village", "QX-SQ"},
    {"QX-SQ-QD", "石桥镇桥东社区", "community", "QX-SQ"},
    {"QX-YS-BY", "云山乡白云村", "village", "QX-YS"},
    {"QX-LX-LS", "柳溪乡柳树村", "village", "QX-LX"},
};

void addUnits(store::Database& db, const Actor& admin) {
    for (const auto& u : kUnits)
        addUnit(db, admin, {u.code, u.name, u.kind, u.parent ? std::optional<std::string>(u.parent) : std::nullopt});
}

void addUsers(store::Database& db, const Actor& admin) {
    addUser(db, admin, {"王建国", "admin", std::nullopt, {}});
    addUser(db, admin, {"李明华", "inspector", std::nullopt, {}});
    addUser(db, admin, {"张丽", "inspector", std::nullopt, {}});
    addUser(db, admin, {"刘芳", "inspector", std::nullopt, {}});
    // Worked at 石桥镇 until 2024: must not inspect it.
    addUser(db, admin, {"陈志强", "inspector", std::nullopt, {"QX-SQ"}});
    addUser(db, admin, {"赵敏", "unit", std::string("QX-HT"), {}});
    addUser(db, admin, {"孙伟", "unit", std::string("QX-JYJ"), {}});
    addUser(db, admin, {"周国庆", "leader", std::nullopt, {}});
}

FindingInput finding(const char* round, const char* unit, const char* category, const char* title, const char* detail,
                     const char* severity, std::optional<std::string> amount) {
    return {round, unit, category, title, detail, std::string(severity), std::move(amount), std::nullopt, std::nullopt, std::nullopt};
}

// First round: fed back and now rectifying.
void firstRound(store::Database& db, const Actor& admin, const FeedbackHandler& onFeedback) {
    createRound(db, admin, {"2026-R1", "十五届县委第一轮巡察", "regular", "2026-03-02", "2026-05-29", std::string("十五届"), {}, std::nullopt});
    addRoundTargets(db, admin, "2026-R1", {"QX-HT", "QX-JYJ", "QX-CT"});
    addRoundTeam(db, admin, "2026-R1", {"张丽"}, std::string("李明华"));
    advanceRound(db, admin, "2026-R1", "onsite", std::string("2026-03-02"), onFeedback);
    addFinding(db, admin, finding("2026-R1", "QX-HT", "惠民惠农资金管理", "惠民惠农补贴资金发放不及时",
                                  "2025 年耕地地力保护补贴 136 户延迟发放 4 个月以上。", "medium", std::string("286400.00")));
    addFinding(db, admin, finding("2026-R1", "QX-HT", "违反中央八项规定精神", "公务接待超标准",
                                  "2025-11-06 接待 12 人，人均 183.33 元，超出标准 33.33 元/人。", "high", std::string("399.96")));
    addFinding(db, admin, finding("2026-R1", "QX-JYJ", "政府采购", "教学设备采购化整为零规避公开招标",
                                  "2025 年分 4 次采购同类教学设备，合计 386000 元，均未公开招标。", "high", std::string("386000.00")));
    addFinding(db, admin, finding("2026-R1", "QX-CT", "工程建设项目管理", "城南道路改造工程超概算未报批",
                                  "项目结算超出批复概算 18.6%，未履行调整概算审批程序。", "medium", std::string("1523000.00")));
    advanceRound(db, admin, "2026-R1", "reported", std::string("2026-05-12"), onFeedback);
    advanceRound(db, admin, "2026-R1", "fed_back", std::string("2026-06-15"), onFeedback);
    advanceRound(db, admin, "2026-R1", "rectifying", std::string("2026-06-20"), onFeedback);
}

// Second round: a special round still on site, with suspected findings from a check.
void secondRound(store::Database& db, const Actor& admin, const FeedbackHandler& onFeedback) {
    createRound(db, admin, {"2026-R2", "十五届县委第二轮巡察（营商环境专项）", "special", "2026-09-07", "2026-11-27",
                            std::string("十五届"), {"business_environment", "four_styles"}, std::nullopt});
    addRoundTargets(db, admin, "2026-R2", {"QX-SQ", "QX-SJJ", "QX-ZJJ"});
    addRoundTeam(db, admin, "2026-R2", {"张丽"}, std::string("刘芳"));
    advanceRound(db, admin, "2026-R2", "onsite", std::string("2026-09-07"), onFeedback);
    addFinding(db, admin, finding("2026-R2", "QX-SJJ", "营商环境", "企业开办审批超承诺时限",
                                  "抽查 40 件企业开办申请，9 件超过 3 个工作日承诺时限。", "medium", std::nullopt));
    addFinding(db, admin, finding("2026-R2", "QX-ZJJ", "营商环境", "拖欠民营企业工程款",
                                  "截至 2026-08-31 拖欠 3 家民营企业工程款合计 2150000 元。", "high", std::string("2150000.00")));
    // What `patrol check --round 2026-R2` would have recorded, fingerprinted the same way.
    auto check = [](const char* plugin, const char* rule, const char* unit, const char* category, const char* title, const char* detail,
                    std::optional<int64_t> amountFen, const std::string& ref) {
        return CheckFinding{plugin, rule, unit, category, title, detail, "medium", amountFen, "[\"" + ref + "\"]",
                            plugins::fingerprintOf(plugin, rule, {ref})};
    };
    const std::vector<CheckFinding> checks = {
        check("four_styles", "FS-01", "QX-SQ", "违反中央八项规定精神", "2026-07-18 县宾馆公务接待 9 人，人均 210.00 元，超出标准 60.00 元/人",
              "支出 E000451：公务接待 9 人，金额 1890.00 元；标准 150.00 元/人，合计上限 1350.00 元，超出 540.00 元。", 54000, "E000451"),
        check("four_styles", "FS-05", "QX-SQ", "违反中央八项规定精神", "2026-05-09（星期六，非工作日）公车 赣C·D2231 出车",
              "出车记录 T002231：赣C·D2231 2026-05-09 08:30 出车，目的地 县城，事由：公务；非工作日（星期六）。", std::nullopt, "T002231"),
        check("business_environment", "BE-02", "QX-SJJ", "营商环境", "关键岗位「行政许可审批」任职满 6 年未轮岗",
              "工作人员 S10077 自 2020-06-01 起任关键岗位「行政许可审批」，截至 2026-09-30 已满 6 年，超过 5 年轮岗期限。", std::nullopt,
              "S10077"),
    };
    CheckRunInfo run;
    run.plugins = {{"business_environment", "", 0}, {"four_styles", "", 0}};
    run.asOf = civil::parseDate("2026-09-30");
    recordCheckFindings(db, admin, "2026-R2", checks, run);
    const auto suspected = listFindings(db, admin, {std::string("2026-R2"), std::nullopt, std::string("suspected")});
    for (const auto& f : suspected) {
        if (f.source == "check:four_styles/FS-01") confirmFinding(db, admin, f.id);
        if (f.source == "check:four_styles/FS-05") dismissFinding(db, admin, f.id, "经核实为防汛应急出车，有值班调度记录。");
    }
}

}  // namespace

DemoSeeding seedDemo(store::Database& db, const FeedbackHandler& onFeedback) {
    if (store::readMeta(db, kDemoMarker)) return DemoSeeding::AlreadyThere;
    if (store::countUnits(db) > 0)
        throw UserError("数据库 " + db.path() + " 里已有数据，演示数据只能写入新的空数据库。请指定一个新的数据库文件。",
                        {"demo.database", ""});
    const Actor admin = localAdministrator();
    // The ordinary use cases nest as savepoints: the whole demo lands at once or not at all.
    store::Transaction tx(db);
    addUnits(db, admin);
    addUsers(db, admin);
    firstRound(db, admin, onFeedback);
    secondRound(db, admin, onFeedback);
    store::writeMeta(db, kDemoMarker, "1");
    tx.commit();
    return DemoSeeding::Seeded;
}

}  // namespace patrol::services
