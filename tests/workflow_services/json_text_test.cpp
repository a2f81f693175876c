// JsonText writes strings and numbers as Poco's stringify does, byte for byte: audit digests are
// computed over both writers' text.
#include <catch2/catch.hpp>

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <limits>
#include <sstream>
#include <string>

#include "core/services/json_text.hpp"

using patrol::services::JsonText;

namespace {

std::string pocoOf(const Poco::Dynamic::Var& value) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("k", value);
    std::ostringstream text;
    o.stringify(text);
    return text.str();
}

}  // namespace

TEST_CASE("every byte in a string is written as Poco writes it") {
    for (int c = 0; c < 256; ++c) {
        INFO(c);
        const std::string text = std::string("a") + static_cast<char>(c) + "巡察";
        CHECK(JsonText().open().key("k").value(std::string_view(text)).close().take() == pocoOf(text));
    }
}

TEST_CASE("integers are written as Poco writes them, the extremes included") {
    for (const int64_t n : {int64_t{0}, int64_t{-1}, int64_t{42}, int64_t{1} << 40, std::numeric_limits<int64_t>::min(),
                            std::numeric_limits<int64_t>::max()}) {
        INFO(n);
        CHECK(JsonText().open().key("k").value(n).close().take() == pocoOf(Poco::Int64(n)));
    }
}
