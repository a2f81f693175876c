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
