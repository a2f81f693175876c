// The reader's own text (a file converted from GB18030, or with lone CRs made LF): its pages go
// back while it is read, only whole pages inside what was read, and a GB18030 file read as a
// dataset gives back its pages as a UTF-8 file's mapping does.
#include "core/data/file_text.hpp"
#include "core/data/utf8_text.hpp"
#include "data/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

using namespace patrol;

namespace {

size_t pageSize() { return static_cast<size_t>(::sysconf(_SC_PAGESIZE)); }

// For each page of [data, data + size): whether it is in memory.
std::vector<bool> residentPages(const char* data, size_t size) {
    const size_t page = pageSize();
    const auto first = reinterpret_cast<uintptr_t>(data) / page * page;
    const size_t pages = (reinterpret_cast<uintptr_t>(data) + size - first + page - 1) / page;
    std::vector<unsigned char> flags(pages);
    REQUIRE(::mincore(reinterpret_cast<void*>(first), pages * page, flags.data()) == 0);
    std::vector<bool> resident;
    for (const unsigned char f : flags) resident.push_back((f & 1) != 0);
    return resident;
}

}  // namespace

TEST_CASE("the reader's own text gives back only the whole pages inside what was read") {
    const size_t page = pageSize();
    data::Utf8Text text(5 * page + 100);
    std::memset(text.data(), 'x', 5 * page + 100);
    text.setSize(5 * page + 100);
    // From inside page 0 to inside page 4: pages 1 to 3 go, the two cut at the ends stay.
    text.giveBack(100, 4 * page + 50);
    CHECK(residentPages(text.data(), text.size()) == std::vector<bool>{true, false, false, false, true, true});
    CHECK(std::string(text.data(), 100) == std::string(100, 'x'));
    CHECK(std::string(text.data() + 4 * page, page + 100) == std::string(page + 100, 'x'));
    CHECK(std::all_of(text.data() + page, text.data() + 4 * page, [](char c) { return c == 0; }));
    // Past the text nothing is given back by giveBack; setSize gives back the pages past it.
    text.giveBack(5 * page, 9 * page);
    CHECK(residentPages(text.data(), text.size()).back());
    text.setSize(4 * page + 1);
    CHECK(residentPages(text.data() + 4 * page, 2 * page) == std::vector<bool>{true, false});
}

TEST_CASE("the reader's own text keeps its bytes when it grows") {
    data::Utf8Text text(10);
    std::memcpy(text.data(), "0123456789", 10);
    text.grow(3 * pageSize());
    CHECK(text.room() >= 3 * pageSize());
    text.setSize(10);
    CHECK(text.view() == "0123456789");
    data::Utf8Text moved = std::move(text);
    CHECK(moved.view() == "0123456789");
    CHECK(text.view().empty());
}

TEST_CASE("a GB18030 file's converted text goes back as it is read, and is made again to be read again") {
    testing::TempFolder folder;
    std::string gb = "expense_id,description\n";
    for (int i = 0; gb.size() < 64 * pageSize(); ++i) gb += "E" + std::to_string(i) + ",\xD6\xD0\xCE\xC4\n";  // 中文
    const auto file = folder.write("expenses.csv", gb);
    data::FileText source(file);
    source.convertFromGb18030();
    const std::string utf8(source.text());
    REQUIRE(utf8.find("中文") != std::string::npos);
    CHECK_FALSE(source.readAgain());  // nothing went back yet: nothing to do

    const char* begin = source.text().data();
    const size_t size = source.text().size();
    source.release(begin + 10, begin + size - 10);
    const std::vector<bool> resident = residentPages(begin, size);
    CHECK(resident.front());
    CHECK(resident.back());
    CHECK(std::count(resident.begin(), resident.end(), true) == 2);

    CHECK(source.readAgain());
    CHECK(source.text() == utf8);
    CHECK(source.convertedFromGb18030());
}

TEST_CASE("a file with lone CR line ends is made again with its CRs as line feeds") {
    testing::TempFolder folder;
    std::string lines = "expense_id,description\r";
    for (int i = 0; lines.size() < 16 * pageSize(); ++i) lines += "E" + std::to_string(i) + ",中文\r";
    data::FileText source(folder.write("expenses.csv", lines));
    std::string expected = lines;
    std::replace(expected.begin(), expected.end(), '\r', '\n');
    REQUIRE(source.text() == expected);
    source.release(source.text().data(), source.text().data() + source.text().size());
    CHECK(source.readAgain());
    CHECK(source.text() == expected);
    CHECK_FALSE(source.convertedFromGb18030());
}
