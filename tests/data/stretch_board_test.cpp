// Who reads which stretch: the plan made up front, and the halves handed over while parsing.
#include "core/data/stretch_board.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <string>

using patrol::data::detail::BoardFile;
using patrol::data::detail::Stretch;
using patrol::data::detail::StretchBoard;

namespace {

// `lines` lines of 10 bytes each ("line 0001\n" …).
std::string linesOf(int lines) {
    std::string text;
    for (int i = 0; i < lines; ++i) {
        const std::string n = std::to_string(i);
        text.append("line ").append(4 - n.size(), '0').append(n).append("\n");
    }
    return text;
}

std::string describe(const std::optional<Stretch>& s) {
    if (!s) return "none";
    std::string text = "f";
    return text.append(std::to_string(s->file)).append(" ").append(std::to_string(s->start)).append("-").append(std::to_string(s->stop));
}

}  // namespace

TEST_CASE("the plan gives every thread the same bytes, the largest file first, cut after a line end") {
    const std::string small = linesOf(30), large = linesOf(90);  // 300 and 900 bytes
    StretchBoard board({{small, 0}, {large, 0}}, 2, 10, 1000, false);
    // 1,200 bytes, 601 a thread: the large file's first 610 bytes (the line end past 600) to
    // thread 0, its rest and then the small file to thread 1.
    CHECK(describe(board.next(0)) == "f1 0-610");
    CHECK(describe(board.next(1)) == "f1 610-900");
    CHECK(describe(board.next(1)) == "f0 0-300");
    CHECK_FALSE(board.finished(1));
    CHECK(board.finished(1));  // the large file's last stretch: thread 0 joins it
    CHECK(board.finished(0));
    CHECK(describe(board.next(0)) == "none");
    CHECK(describe(board.next(1)) == "none");
}

TEST_CASE("a thread out of work takes the last stretch another thread has not started") {
    const std::string a = linesOf(60), b = linesOf(20), c = linesOf(10);
    // No file is cut: none is larger than a thread's share (451 bytes) by the smallest stretch.
    StretchBoard board({{a, 0}, {b, 0}, {c, 0}}, 2, 200, 1000, false);
    CHECK(describe(board.next(0)) == "f0 0-600");
    CHECK(describe(board.next(1)) == "f1 0-200");
    board.finished(1);
    CHECK(describe(board.next(0)) == "f2 0-100");  // planned for thread 1, taken by thread 0
    CHECK(board.finished(2));
    CHECK(board.finished(0));
    CHECK(describe(board.next(1)) == "none");
}

TEST_CASE("a stretch is halved only when a thread waits, at the first line end past the middle of what is left") {
    const std::string text = linesOf(100);
    StretchBoard board({{text, 0}}, 2, 10, 100, false);
    const std::optional<Stretch> first = board.next(0);
    REQUIRE(describe(first) == "f0 0-510");
    CHECK(describe(board.next(1)) == "f0 510-1000");
    CHECK_FALSE(board.finished(0));
    CHECK(board.share(*first, 5, 510) == 510);  // no one is waiting

    // Thread 1 has nothing left and waits until thread 0 hands over half of its rest.
    auto waiting = std::async(std::launch::async, [&] { return board.next(1); });
    size_t stop = 510;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (stop == 510 && std::chrono::steady_clock::now() < deadline) stop = board.share(*first, 5, 510);
    CHECK(stop == 260);  // 5 + 505 / 2 = 257: the line ends at 259
    REQUIRE(waiting.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    CHECK(describe(waiting.get()) == "f0 260-510");
    CHECK(board.share(*first, 100, 260) == 260);  // given once: no one waits now

    CHECK_FALSE(board.finished(0));
    CHECK(board.finished(0));
}

TEST_CASE("what is left is not halved below the least worth sharing, nor past the file's end") {
    const std::string text = linesOf(100);
    StretchBoard always({{text, 0}}, 1, 10, 300, true);
    const std::optional<Stretch> s = always.next(0);
    REQUIRE(s);
    CHECK(always.share(*s, 750, 1000) == 1000);  // 250 bytes left, 300 the least
    CHECK(always.share(*s, 700, 1000) == 860);   // 300 left: the line end past 850
    CHECK(describe(always.next(0)) == "f0 860-1000");
    CHECK_FALSE(always.finished(0));
    CHECK(always.finished(0));
}

TEST_CASE("a waiting thread is let go once no stretch is left and no thread is parsing") {
    const std::string text = linesOf(10);
    StretchBoard board({{text, 0}}, 2, 100, 1000, false);  // too small to cut: all to thread 0
    const std::optional<Stretch> s = board.next(0);
    REQUIRE(s);
    auto waiting = std::async(std::launch::async, [&] { return board.next(1); });
    CHECK(waiting.wait_for(std::chrono::milliseconds(50)) == std::future_status::timeout);
    CHECK(board.finished(0));
    REQUIRE(waiting.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    CHECK(describe(waiting.get()) == "none");
}
