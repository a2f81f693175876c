// Which commands start themselves again with glibc's heap in huge pages, and the variable they
// set (core/cli/huge_page_heap.*).
#include <catch2/catch.hpp>

#include "core/cli/huge_page_heap.hpp"

using namespace patrol::cli;

TEST_CASE("only the commands measured to gain ask for the huge-page heap") {
    CHECK(wantsHugePageHeap({"escalate"}));
    CHECK(wantsHugePageHeap({"task", "list"}));
    CHECK_FALSE(wantsHugePageHeap({"task", "show"}));
    CHECK_FALSE(wantsHugePageHeap({"check"}));
    CHECK_FALSE(wantsHugePageHeap({"serve"}));
    CHECK_FALSE(wantsHugePageHeap({}));
}

TEST_CASE("the huge-page heap is added to what GLIBC_TUNABLES says, and never overrides a word on it") {
    CHECK(tunablesWithHugePageHeap(nullptr) == "glibc.malloc.hugetlb=1");
    CHECK(tunablesWithHugePageHeap("") == "glibc.malloc.hugetlb=1");
    CHECK(tunablesWithHugePageHeap("glibc.malloc.arena_max=2") == "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
    // Set already: by the user (either way), or by this process before it started again.
    CHECK(tunablesWithHugePageHeap("glibc.malloc.hugetlb=0") == std::nullopt);
    CHECK(tunablesWithHugePageHeap("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1") == std::nullopt);
}

TEST_CASE("huge pages are asked for only where a fresh 4 KiB page costs 5 µs or more") {
    CHECK_FALSE(hugePagesPayOff(0));     // no probe could be made: the heap stays as it is
    CHECK_FALSE(hugePagesPayOff(1.6));   // pages freed a moment ago, on a machine that hands memory back
    CHECK_FALSE(hugePagesPayOff(4.99));
    CHECK(hugePagesPayOff(5.0));
    CHECK(hugePagesPayOff(11.9));        // the AMD machine's fresh pages
}

TEST_CASE("the probe times real first writes to fresh pages") {
    const double microseconds = freshPageMicroseconds();
    CHECK(microseconds > 0);
    CHECK(microseconds < 10000);  // a page fault, not a millisecond stall: even a busy machine stays well under
}
