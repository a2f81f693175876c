// What a fresh page costs decides whether large PodBuffers go in huge pages
// (core/data/fresh_pages.*), and a buffer in huge pages keeps its values as any other does.
#include "core/data/fresh_pages.hpp"
#include "core/data/pod_buffer.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

using namespace patrol::data;

namespace {

// The VmFlags line of /proc/self/smaps for the mapping that holds `at` ("hg": asked for huge pages).
std::string vmFlagsAt(const void* at) {
    const auto address = reinterpret_cast<uintptr_t>(at);
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        uintptr_t from = 0, to = 0;
        char dash = 0;
        std::istringstream range(line);
        if (range >> std::hex >> from >> dash >> to && dash == '-') inside = from <= address && address < to;
        else if (inside && line.rfind("VmFlags:", 0) == 0) return line;
    }
    return "";
}

bool askedForHugePages(const void* at) { return (" " + vmFlagsAt(at) + " ").find(" hg ") != std::string::npos; }

// Restores the probe's decision however a test case ends.
struct Decided {
    explicit Decided(HugePages how) { decideHugePages(how); }
    ~Decided() { decideHugePages(HugePages::Probe); }
};

}  // namespace

TEST_CASE("huge pages pay only where a fresh 4 KiB page costs 5 µs or more") {
    CHECK_FALSE(hugePagesPayOff(0));    // no probe could be made: pages stay as they are
    CHECK_FALSE(hugePagesPayOff(1.6));  // pages freed a moment ago, on a machine that hands memory back
    CHECK_FALSE(hugePagesPayOff(4.99));
    CHECK(hugePagesPayOff(5.0));
    CHECK(hugePagesPayOff(11.9));  // the AMD machine's fresh pages
}

TEST_CASE("the probe times real first writes to fresh pages") {
    const double microseconds = freshPageMicroseconds();
    CHECK(microseconds > 0);
    CHECK(microseconds < 10000);  // a page fault, not a millisecond stall: even a busy machine stays well under
}

TEST_CASE("where huge pages pay, a buffer of 1 MiB or more asks for them and keeps its values") {
    const Decided always(HugePages::Always);
    PodBuffer<uint64_t> small;
    small.reserve(100000);  // 800,000 bytes: 4 KiB pages, nothing rounded up
    CHECK_FALSE(askedForHugePages(small.data()));
    PodBuffer<uint64_t> middle;
    middle.reserve(140000);  // 1,120,000 bytes: one huge page
    CHECK(askedForHugePages(middle.data()));

    PodBuffer<uint64_t> large;
    const uint64_t n = 700000;  // 5.3 MiB, grown by remapping several times
    for (uint64_t i = 0; i < n; ++i) large.push_back(i * 3);
    CHECK(askedForHugePages(large.data()));
    PodBuffer<uint64_t> tail;
    for (uint64_t i = 0; i < 100000; ++i) tail.push_back(i);
    large.appendMovingPages(tail, 1, [](uint64_t v) { return v + 1; });
    REQUIRE(large.size() == n + 99999);
    bool same = true;
    for (uint64_t i = 0; i < n; ++i) same = same && large[i] == i * 3;
    for (uint64_t i = 1; i < 100000; ++i) same = same && large[n + i - 1] == i + 1;
    CHECK(same);
    large.truncate(10);
    large.releaseSpare();
    CHECK(large[9] == 27);
}

TEST_CASE("where they do not pay, no buffer asks for huge pages") {
    const Decided never(HugePages::Never);
    PodBuffer<uint64_t> large;
    for (uint64_t i = 0; i < 700000; ++i) large.push_back(i);
    CHECK_FALSE(askedForHugePages(large.data()));
    CHECK(large[699999] == 699999);
}
