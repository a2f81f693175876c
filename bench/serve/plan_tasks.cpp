// patrol-bench-plan: plans every assigned task of one round inside a single transaction, through
// the same planTask use case `patrol task plan` calls, so each task gets exactly the row change and
// the audit event the CLI would write. The benchmark needs 50,000 planned tasks; one CLI run per
// task (a process start and a durable commit each) would take longer than the benchmark itself.
//
// Usage: patrol-bench-plan DB ROUND MEASURE HANDLER LEADER
#include <exception>
#include <iostream>
#include <string>

#include "core/services/actor.hpp"
#include "core/services/open_database.hpp"
#include "core/services/task_service.hpp"
#include "core/store/transaction.hpp"

int main(int argc, char** argv) {
    using namespace patrol;
    if (argc != 6) {
        std::cerr << "用法: patrol-bench-plan 数据库 轮次编码 整改措施 责任人 责任领导\n";
        return 2;
    }
    try {
        store::Database db = services::openDatabase(argv[1], 5000);
        // The local administrator may plan any unit's task, as `task plan --user admin` may.
        const services::Actor admin = services::localAdministrator();
        services::TaskFilter filter;
        filter.roundCode = argv[2];
        filter.status = "assigned";
        store::Transaction tx(db);
        const auto tasks = services::listTasks(db, admin, filter);
        for (const auto& task : tasks) services::planTask(db, admin, task.id, argv[3], argv[4], argv[5]);
        tx.commit();
        std::cout << "已制定整改措施：" << tasks.size() << " 项任务\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "错误: " << e.what() << "\n";
        return 2;
    }
}
