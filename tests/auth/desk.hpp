// A database with a few people for the sign-in tests, a time the test moves, and helpers to
// read what a refusal said and what the audit log recorded.
#pragma once

#include <catch2/catch.hpp>

#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "core/domain/errors.hpp"
#include "core/services/auth_service.hpp"
#include "core/services/unit_service.hpp"
#include "core/services/user_service.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/database.hpp"
#include "store/raw_sqlite.hpp"
#include "store/scratch_dir.hpp"

namespace auth_test {

using namespace patrol;
using namespace patrol::services;

inline constexpr const char* kNineCharacters = "巡察工作要实事求是";  // one short of the minimum
inline constexpr const char* kGoodPassword = "清溪县巡察办第三组2026";

struct Desk {
    testing::ScratchDir dir;
    std::string path = dir.file("patrol.db");
    store::Database db = store::Database::open(path);
    Actor admin = localAdministrator();
    AuthSettings settings;
    std::time_t now = 1'780'000'000;  // 2026-05-28T20:26:40Z

    Desk() {
        addUnit(db, admin, {"QX-HT", "河塘镇", "township", std::nullopt, std::nullopt, std::nullopt});
        addUser(db, admin, {"张丽", "inspector", std::nullopt, {}});
        addUser(db, admin, {"赵敏", "unit", std::string("QX-HT"), {}});
    }

    SignedIn signInAs(const std::string& name, const std::string& password, const std::string& from = "10.0.0.7") {
        return signIn(db, settings, name, password, from, now);
    }

    // The message of a refused sign-in, or "" when it was accepted.
    std::string refused(const std::string& name, const std::string& password) {
        try {
            signInAs(name, password);
        } catch (const Unauthenticated& e) {
            return e.what();
        }
        return "";
    }

    std::string scalar(const std::string& sql) const { return testing::rawScalar(path, sql); }

    std::vector<store::AuditEvent> events(const std::string& entity) {
        store::AuditFilter filter;
        filter.entity = entity;
        return store::listAuditEvents(db, filter);
    }
};

inline std::string refusal(const std::function<void()>& action) {
    try {
        action();
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}

}  // namespace auth_test
