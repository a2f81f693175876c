#include "core/data/utf8_text.hpp"

#include <algorithm>

namespace patrol::data {

void Utf8Text::setSize(size_t size) {
    size = std::min(size, room());
    bytes_.truncate(size);
    bytes_.commit(size - bytes_.size());
    bytes_.giveBack(size, room());
}

}  // namespace patrol::data
