// The aligned table of a listing: columns as wide as their widest cell (a Chinese character two
// columns), labels instead of codes, "-" for nothing, line breaks and tabs shown as spaces, the
// last column unpadded, and the count under it.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/cli/listing.hpp"

using namespace patrol::cli;

namespace {

std::string tableOf(const Listing& listing) {
    std::ostringstream out;
    listing.print(out, ListingFormat::Table);
    return out.str();
}

}  // namespace

TEST_CASE("a table aligns Chinese and ASCII cells and keeps each row on one line") {
    Listing listing({{"id", "编号"}, {"level", "等级"}, {"code", "代码", false}, {"note", "说明"}});
    listing.add({Cell::number(7), Cell::term("red", "红色"), Cell::of("red"), Cell::of("逾期\n两次\t待办")});
    listing.add({Cell::number(12345), Cell{}, Cell::of("none"), Cell::boolean(true)});
    listing.add({Cell::number(8)});  // a short row: only the cells it has
    CHECK(tableOf(listing) ==
          "编号   等级  说明\n"
          "7      红色  逾期 两次 待办\n"
          "12345  -     是\n"
          "8\n"
          "（共 3 条）\n");
}

TEST_CASE("a cell's carriage returns, line feeds and tabs become one space each, also mid-row") {
    Listing listing({{"note", "说明"}, {"who", "经办"}});
    listing.add({Cell::of("甲\r\n乙\t"), Cell::of("张三")});
    listing.add({Cell::of("\n"), Cell::of("李四\r")});
    CHECK(tableOf(listing) ==
          "说明     经办\n"
          "甲  乙   张三\n"
          "         李四 \n"
          "（共 2 条）\n");
}

TEST_CASE("a table of many rows is the same whether it fits one write or needs several") {
    Listing listing({{"id", "编号"}, {"text", "内容"}});
    std::string expected = "编号   内容\n";  // the widest id, "29999", is five columns
    for (int i = 0; i < 30000; ++i) {
        const std::string text = "第" + std::to_string(i) + "行：" + std::string(static_cast<size_t>(i % 50), 'x');
        listing.add({Cell::number(i), Cell::of(text)});
        const std::string id = std::to_string(i);
        expected += id + std::string(7 - id.size(), ' ') + text + "\n";
    }
    expected += "（共 30000 条）\n";
    const std::string table = tableOf(listing);
    CHECK(table.size() > (size_t{1} << 20));  // past the one-megabyte buffer
    CHECK(table == expected);
}

TEST_CASE("display width counts East Asian wide characters as two columns and others as one") {
    CHECK(displayWidth("") == 0);
    CHECK(displayWidth("B0001") == 5);
    CHECK(displayWidth("问责建议") == 8);
    CHECK(displayWidth("é") == 1);
    CHECK(displayWidth("Ａ1") == 3);  // a full-width letter
    CHECK(displayWidth("\xff") == 1);  // a byte that is not UTF-8
}
