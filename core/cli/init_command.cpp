// `patrol init`: creates the database (or upgrades an older one) and says which it did.
#include <ostream>

#include "core/cli/app.hpp"
#include "core/services/open_database.hpp"

namespace patrol::cli {
namespace {

int runInit(Invocation& inv) {
    auto db = services::openDatabase(inv.app.settings(), services::IfMissing::Create);
    const int before = db.versionBeforeOpen();
    const int now = db.schemaVersion();
    if (before == 0)
        inv.out << "已创建 patrol 数据库：" << db.path() << "（结构版本 v" << now << "）\n";
    else if (before < now)
        inv.out << "已将数据库 " << db.path() << " 从结构版本 v" << before << " 升级到 v" << now << "\n";
    else
        inv.out << "数据库 " << db.path() << " 已是最新结构版本 v" << now << "，无需改动\n";
    return 0;
}

const Registration initRegistration{CommandSpec{
    {"init"}, "创建数据库，或把旧版本的数据库升级到当前结构", {}, "", 0, 0,
    "  patrol init\n  patrol --db /srv/patrol/patrol.db init\n", runInit}};

}  // namespace
}  // namespace patrol::cli
