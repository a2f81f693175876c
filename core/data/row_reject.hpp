// A data row the reader left out, with where it is and why (printed as file:line: reason).
#pragma once

#include <cstdint>
#include <string>

namespace patrol::data {

struct RowReject {
    std::string file;
    uint32_t line = 0;
    std::string reason;

    std::string format() const { return file + ":" + std::to_string(line) + ": " + reason; }
};

}  // namespace patrol::data
