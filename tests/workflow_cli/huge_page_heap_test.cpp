// escalate and task list start themselves again with glibc's heap in huge pages where fresh
// pages are expensive (core/cli/huge_page_heap.*): what they print and store must not depend on
// the heap they run with.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <regex>
#include <string>

#include "county.hpp"

using patrol::testing::County;

namespace {

// GLIBC_TUNABLES as given for the life of one test, then as it was.
class TunablesSetting {
public:
    explicit TunablesSetting(const char* value) {
        if (const char* now = std::getenv("GLIBC_TUNABLES")) before_ = now;
        if (value) setenv("GLIBC_TUNABLES", value, 1);
        else unsetenv("GLIBC_TUNABLES");
    }
    ~TunablesSetting() {
        if (before_) setenv("GLIBC_TUNABLES", before_->c_str(), 1);
        else unsetenv("GLIBC_TUNABLES");
    }

private:
    std::optional<std::string> before_;
};

// What escalate and task list print over the county fed back on 2026-02-12, the notices'
// creation times taken out.
std::string escalatedCounty(const char* tunables) {
    const TunablesSetting setting(tunables);
    County c;
    c.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
    std::string printed;
    for (const char* day : {"2026-03-01", "2026-04-14"}) printed += c.ok({"escalate", "--as-of", day, "--format", "json"}).out;
    printed += c.ok({"task", "list", "--format", "json"}).out;
    printed += c.ok({"task", "list", "--overdue", "--as-of", "2026-04-14"}).out;
    printed += c.ok({"notice", "list", "--format", "json"}).out;
    return std::regex_replace(printed, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)"), "T");
}

}  // namespace

TEST_CASE("escalate and task list print and store the same whether they start again with huge pages or not",
          "[workflow_cli][escalate]") {
    const std::string asked = escalatedCounty(nullptr);                      // as the probe decides here
    const std::string declined = escalatedCounty("glibc.malloc.hugetlb=0");  // the user's choice: not
    const std::string huge = escalatedCounty("glibc.malloc.hugetlb=1");      // huge pages from the start
    CHECK(asked == declined);
    CHECK(huge == declined);
    CHECK(asked.find("accountability") != std::string::npos);
    const std::string withOthers = escalatedCounty("glibc.malloc.arena_max=2");  // appended to
    CHECK(withOthers == asked);
}
