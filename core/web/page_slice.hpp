// One page of a long list, chosen on the server from ?page=N: the page number as typed (anything
// that is not a small positive number reads as 1, past the end as the last page) and the range
// of rows it shows.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>

namespace patrol::web {

struct PageSlice {
    size_t page = 1;
    size_t pages = 1;
    size_t first = 0;  // index of the first row shown
    size_t last = 0;   // one past the last row shown
};

inline PageSlice pageSlice(const std::optional<std::string>& typed, size_t rows, size_t pageSize) {
    size_t wanted = 1;
    if (typed && !typed->empty() && typed->size() <= 6 &&
        std::all_of(typed->begin(), typed->end(), [](unsigned char c) { return std::isdigit(c); }))
        wanted = std::max<size_t>(1, std::stoul(*typed));
    PageSlice s;
    s.pages = std::max<size_t>(1, (rows + pageSize - 1) / pageSize);
    s.page = std::min(wanted, s.pages);
    s.first = (s.page - 1) * pageSize;
    s.last = std::min(rows, s.page * pageSize);
    return s;
}

}  // namespace patrol::web
