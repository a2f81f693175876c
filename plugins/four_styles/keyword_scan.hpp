// Which rows of a text column may name one of the keywords, found by scanning all of the
// column's text at once rather than row by row. It never misses a row that names a keyword;
// the rows it marks are then checked exactly (KeywordMatcher).
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace patrol::plugins::four_styles {

// One byte per row: 1 where the row's text may contain a keyword. Every row is marked when
// the scan cannot be used (no AVX2, or a keyword shorter than three bytes).
std::vector<uint8_t> rowsThatMayNameKeywords(const sdk::Column& texts, uint64_t rows, const std::vector<std::string>& keywords);

}  // namespace patrol::plugins::four_styles
