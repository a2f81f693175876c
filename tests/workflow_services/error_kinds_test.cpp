// Every refusal carries a kind a front door can map (invalid input, not found, forbidden,
// conflict, too large), and speaks of the domain only: no command names, no option flags.
#include <catch2/catch.hpp>

#include <sstream>

#include <memory>

#include "core/domain/errors.hpp"
#include "core/services/evidence_store.hpp"
#include "core/services/task_service.hpp"
#include "world.hpp"

namespace {

struct Fixture : World {
    store::TaskRecord taskA, taskB;
    Fixture() {
        round("R1", "2026-01-05");
        finding("R1", "UA", "四风");
        finding("R1", "UB", "资金");
        const auto tasks = feedBack("R1", "2026-02-12").tasks;
        taskA = tasks.at(0);
        taskB = tasks.at(1);
    }
};

// What `action` threw, or nothing when it was accepted.
std::shared_ptr<UserError> caught(const std::function<void()>& action) {
    try {
        action();
    } catch (const InvalidInput& e) {
        return std::make_shared<InvalidInput>(e);
    } catch (const NotFound& e) {
        return std::make_shared<NotFound>(e);
    } catch (const Forbidden& e) {
        return std::make_shared<Forbidden>(e);
    } catch (const Conflict& e) {
        return std::make_shared<Conflict>(e);
    } catch (const TooLarge& e) {
        return std::make_shared<TooLarge>(e);
    } catch (const UserError& e) {
        return std::make_shared<UserError>(e);
    }
    return nullptr;
}

const char* kindName(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::InvalidInput: return "invalid";
        case ErrorKind::NotFound: return "not found";
        case ErrorKind::Forbidden: return "forbidden";
        case ErrorKind::Conflict: return "conflict";
        case ErrorKind::TooLarge: return "too large";
        case ErrorKind::Unauthenticated: return "unauthenticated";
        case ErrorKind::Busy: return "busy";
    }
    return "?";
}

struct Refusal {
    std::string what;
    std::function<void(Fixture&)> action;
    ErrorKind kind;
    std::string message;
    std::string field = {};  // InvalidInput only
    std::function<void(Fixture&)> prepare = nullptr;
};

}  // namespace

TEST_CASE("each refusal has its kind and a message of the domain", "[permissions][errors]") {
    const std::vector<Refusal> table{
        {"a unit user shows another unit's task", [](Fixture& f) { showTask(f.db, f.unitA, f.taskB.id); },
         ErrorKind::NotFound, "整改任务 #2 不存在。"},
        {"a unit user plans another unit's task",
         [](Fixture& f) { planTask(f.db, f.unitA, f.taskB.id, "m", "h", "l", day("2026-02-13")); }, ErrorKind::NotFound,
         "整改任务 #2 不存在。"},
        {"anyone shows a task that does not exist", [](Fixture& f) { showTask(f.db, f.admin, 99); }, ErrorKind::NotFound,
         "整改任务 #99 不存在。"},
        {"an inspector off the round returns its task",
         [](Fixture& f) { returnTask(f.db, f.otherInspector, f.taskA.id, "不合格"); }, ErrorKind::NotFound,
         "整改任务 #1 不存在。"},
        {"a unit user names another unit",
         [](Fixture& f) {
             TaskFilter other;
             other.unitCode = "UB";
             listTasks(f.db, f.unitA, other);
         },
         ErrorKind::NotFound, "单位「UB」不存在。请检查单位编码。"},
        {"a round that does not exist", [](Fixture& f) { requireRound(f.db, "R9"); }, ErrorKind::NotFound,
         "巡察轮次「R9」不存在。请检查轮次编码。"},
        {"an inspector adds a unit", [](Fixture& f) { addUnit(f.db, f.inspector, {"UC", "丙村", "village", std::nullopt}); },
         ErrorKind::Forbidden, "用户「张组长」（巡察组成员）无权添加单位：只有巡察办管理员（admin）可以这样做。"},
        {"a unit user accepts its own task",
         [](Fixture& f) { acceptTask(f.db, f.unitA, f.taskA.id, std::string("自评合格"), day("2026-02-13")); },
         ErrorKind::Forbidden,
         "用户「甲联系人」（被巡察单位联系人）无权验收销号（整改任务 #1）：只有巡察轮次 R1 的巡察组成员和管理员可以这样做。"},
        {"accepting a task that is not submitted",
         [](Fixture& f) { acceptTask(f.db, f.inspector, f.taskA.id, std::string("核查合格"), day("2026-02-13")); },
         ErrorKind::Conflict,
         "任务当前状态为「已交办」(assigned)，不能「验收销号」改为「已销号」(accepted)：当前只能「制定整改措施」。"},
        {"moving a round back a stage", [](Fixture& f) { advanceRound(f.db, f.admin, "R1", "onsite", std::string("2026-02-13"), {}); },
         ErrorKind::Conflict, "巡察阶段只能向前推进：当前为「反馈」(fed_back)，不能退回到「进驻」(onsite)；下一阶段是「整改」(rectifying)。"},
        {"a round with an impossible start date",
         [](Fixture& f) {
             createRound(f.db, f.admin, {"R2", "第二轮", "regular", "2026-02-30", "2026-12-31", std::nullopt, {}, std::nullopt});
         },
         ErrorKind::InvalidInput, "开始日期「2026-02-30」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。", "start"},
        {"a plan without a measure",
         [](Fixture& f) { planTask(f.db, f.unitA, f.taskA.id, " ", "李明", "王强", day("2026-02-13")); },
         ErrorKind::InvalidInput, "整改措施不能为空，请填写。", "measure"},
        {"an oversized evidence file",
         [](Fixture& f) {
             ProgressInput in;
             in.day = day("2026-02-14");
             in.percent = 50;
             in.note = "已清退";
             std::istringstream content("0123456789");
             in.evidence = {EvidenceUpload{"big.pdf", &content, std::nullopt, ""}};
             reportProgress(f.db, f.unitA, f.taskA.id, in, EvidenceStore((f.dir / "data").string(), 4));
         },
         ErrorKind::TooLarge, "佐证材料 big.pdf 超过大小上限 4 字节（配置项 evidence.max_bytes），已停止接收；请压缩或拆分后再上传。", "",
         [](Fixture& f) { planTask(f.db, f.unitA, f.taskA.id, "清退", "李明", "王强", day("2026-02-13")); }},
    };
    for (const auto& row : table) {
        Fixture f;
        INFO(row.what);
        if (row.prepare) row.prepare(f);
        const std::string statusA = store::findTaskById(f.db, f.taskA.id)->status;
        const auto e = caught([&] { row.action(f); });
        REQUIRE(e);
        CHECK(kindName(e->kind()) == std::string(kindName(row.kind)));
        if (!row.message.empty()) CHECK(std::string(e->what()) == row.message);
        const std::string text = e->what();
        CHECK(text.find("patrol ") == std::string::npos);
        CHECK(text.find("--") == std::string::npos);
        if (row.kind == ErrorKind::InvalidInput) {
            const auto* invalid = dynamic_cast<const InvalidInput*>(e.get());
            REQUIRE(invalid);
            CHECK(invalid->field() == row.field);
        }
        // Nothing changed.
        CHECK(store::findTaskById(f.db, f.taskA.id)->status == statusA);
        CHECK(store::findTaskById(f.db, f.taskB.id)->status == "assigned");
    }
}

TEST_CASE("a hidden task and a missing one are the same error", "[permissions][errors]") {
    Fixture f;
    const auto hidden = caught([&] { showTask(f.db, f.unitB, f.taskA.id); });
    World empty;  // the same county before any task exists
    empty.round("R1", "2026-01-05");
    const auto missing = caught([&] { showTask(empty.db, empty.admin, f.taskA.id); });
    REQUIRE(hidden);
    REQUIRE(missing);
    CHECK(hidden->kind() == ErrorKind::NotFound);
    CHECK(missing->kind() == ErrorKind::NotFound);
    CHECK(std::string(hidden->what()) == missing->what());
    CHECK(dynamic_cast<const NotFound&>(*hidden).entity() == "task");
    CHECK(dynamic_cast<const NotFound&>(*missing).entity() == "task");
}
