// Writers of one process take their turns in the order they asked: under a steady stream of
// writers none is overtaken until its timeout; one that gives up leaves the line to the next.
#include <catch2/catch.hpp>

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/domain/errors.hpp"
#include "core/store/writer_queue.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol;
using namespace patrol::store;
using patrol::testing::ScratchDir;

namespace {

void waitUntilWaiting(const std::string& path, size_t count) {
    while (writersWaiting(path) != count) std::this_thread::yield();
}

}  // namespace

TEST_CASE("writers of one process get the turn in the order they asked for it") {
    ScratchDir dir;
    const std::string path = dir.file("t.db");
    auto held = std::make_unique<WriterTurn>(path, 60000);
    std::mutex orderMutex;
    std::vector<int> order;
    std::vector<std::thread> writers;
    for (int i = 0; i < 8; ++i) {
        writers.emplace_back([&, i] {
            WriterTurn turn(path, 60000);
            std::lock_guard lock(orderMutex);
            order.push_back(i);
        });
        waitUntilWaiting(path, static_cast<size_t>(i) + 1);
    }
    held.reset();
    for (auto& w : writers) w.join();
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7});
    CHECK(writersWaiting(path) == 0);
    WriterTurn again(path, 0);  // the turn is free once the last one is done
}

TEST_CASE("a writer whose wait runs out is busy and leaves the line to the next one") {
    ScratchDir dir;
    const std::string path = dir.file("t.db");
    auto held = std::make_unique<WriterTurn>(path, 60000);
    std::string refusal;
    std::thread impatient([&] {
        try {
            WriterTurn turn(path, 50);
        } catch (const Busy& e) {
            refusal = e.what();
        }
    });
    waitUntilWaiting(path, 1);
    bool patientServed = false;
    std::thread patient([&] {
        WriterTurn turn(path, 60000);
        patientServed = true;
    });
    impatient.join();
    CHECK(refusal == "数据库 " + path + " 正忙：其他写入在等待时限（配置项 database.busy_timeout_ms）内没有完成，本次操作没有执行。请稍后重试。");
    waitUntilWaiting(path, 1);  // only the patient one is left in line
    CHECK_FALSE(patientServed);
    held.reset();
    patient.join();
    CHECK(patientServed);
    CHECK(writersWaiting(path) == 0);
}
