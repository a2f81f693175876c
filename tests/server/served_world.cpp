#include "served_world.hpp"

namespace patrol::testing {

namespace {

// A new token for a user of the world (created without one being kept).
std::string reissue(store::Database& db, const Actor& admin, const std::string& name) {
    services::revokeUser(db, admin, name);
    return services::restoreUser(db, admin, name).token;
}

}  // namespace

const std::vector<Caller>& allCallers() {
    static const std::vector<Caller> callers{Caller::Admin, Caller::Leader, Caller::Inspector, Caller::OtherInspector,
                                             Caller::UnitA, Caller::UnitB, Caller::Anonymous, Caller::Revoked};
    return callers;
}

std::string callerName(Caller caller) {
    switch (caller) {
        case Caller::Admin: return "admin";
        case Caller::Leader: return "leader";
        case Caller::Inspector: return "inspector of the round";
        case Caller::OtherInspector: return "inspector of another round";
        case Caller::UnitA: return "unit user of the unit";
        case Caller::UnitB: return "unit user of another unit";
        case Caller::Anonymous: return "no credentials";
        case Caller::Revoked: return "revoked user";
    }
    return "?";
}

ServedWorld::ServedWorld() {
    tokens[Caller::Admin] = services::addUser(db, admin, {"管理员", "admin", std::nullopt, {}}).token;
    tokens[Caller::Leader] = reissue(db, admin, "王书记");
    tokens[Caller::Inspector] = reissue(db, admin, "张组长");
    tokens[Caller::OtherInspector] = reissue(db, admin, "局外人");
    tokens[Caller::UnitA] = reissue(db, admin, "甲联系人");
    tokens[Caller::UnitB] = reissue(db, admin, "乙联系人");
    tokens[Caller::Revoked] = services::addUser(db, admin, {"离职人员", "inspector", std::nullopt, {}}).token;
    services::revokeUser(db, admin, "离职人员");
}

std::string ServedWorld::token(Caller caller) const {
    const auto it = tokens.find(caller);
    return it == tokens.end() ? std::string() : it->second;
}

}  // namespace patrol::testing
