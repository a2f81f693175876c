// A small county on a fresh database: two target units, an inspector on the round, one not on
// it, a unit contact for each unit, a leader; a round with one finding per unit.
#pragma once

#include <patrol/sdk/civil.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "core/domain/errors.hpp"
#include "core/services/actor.hpp"
#include "core/services/calendar_loader.hpp"
#include "core/services/feedback.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/open_database.hpp"
#include "core/services/round_service.hpp"
#include "core/services/settings.hpp"
#include "core/services/unit_service.hpp"
#include "core/services/user_service.hpp"
#include "core/services/workflow_settings.hpp"

namespace fs = std::filesystem;
using namespace patrol;
using namespace patrol::services;

inline int32_t day(const char* text) { return *civil::parseDate(text); }

// The message of the UserError `action` throws, or "(accepted)" when it throws none.
inline std::string refusal(const std::function<void()>& action) {
    try {
        action();
    } catch (const UserError& e) {
        return e.what();
    }
    return "(accepted)";
}

struct World {
    fs::path dir;
    store::Database db;
    Actor admin = localAdministrator();
    Actor inspector, otherInspector, unitA, unitB, leader;
    WorkflowSettings settings;
    domain::WorkingCalendar calendar;

    static fs::path freshDir() {
        static int n = 0;
        const fs::path d = fs::temp_directory_path() /
                           ("patrol-workflow-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        fs::remove_all(d);
        fs::create_directories(d);
        return d;
    }

    World() : dir(freshDir()), db(openDatabase((dir / "p.db").string(), 5000, IfMissing::Create)) {
        settings = readWorkflowSettings(Settings::defaults());
        for (const char* y : {"2025", "2026"})
            calendar.add(readCalendarFile(std::string(PATROL_SOURCE_DIR) + "/config/calendars/" + y + ".json"));
        addUnit(db, admin, {"UA", "甲镇", "township", std::nullopt});
        addUnit(db, admin, {"UB", "乙局", "department", std::nullopt});
        inspector = user("张组长", "inspector");
        otherInspector = user("局外人", "inspector");
        unitA = user("甲联系人", "unit", "UA");
        unitB = user("乙联系人", "unit", "UB");
        leader = user("王书记", "leader");
    }
    ~World() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    Actor user(const std::string& name, const std::string& role, std::optional<std::string> unit = std::nullopt) {
        addUser(db, admin, {name, role, unit, {}});
        return actorByName(db, name);
    }

    // A round with targets UA and UB, 张组长 on its team, and one confirmed finding per unit.
    void round(const std::string& code, const std::string& start, const std::string& kind = "regular",
               std::optional<std::string> lookbackOf = std::nullopt) {
        createRound(db, admin, {code, "第" + code + "轮", kind, start, start.substr(0, 4) + "-12-31", std::nullopt, {},
                                lookbackOf});
        addRoundTargets(db, admin, code, {"UA", "UB"});
        addRoundTeam(db, admin, code, {"张组长"}, std::string("张组长"));
    }

    // Recorded by 张组长 unless another actor is named.
    int64_t finding(const std::string& round, const std::string& unit, const std::string& category,
                    std::optional<std::string> kind = std::nullopt, const Actor* by = nullptr) {
        FindingInput in;
        in.roundCode = round;
        in.unitCode = unit;
        in.category = category;
        in.title = category + "问题";
        in.rectificationKind = kind;
        return addFinding(db, by ? *by : inspector, in).id;
    }

    // Advances the round stage by stage up to fed_back on `date`.
    FeedbackResult feedBack(const std::string& round, const std::string& date) {
        FeedbackResult result;
        for (const char* stage : {"onsite", "reported", "fed_back"})
            advanceRound(db, admin, round, stage, date, rectificationOnFeedback(settings, calendar, &result));
        return result;
    }

    std::string file(const std::string& name, const std::string& content) {
        const fs::path p = dir / name;
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }
};
