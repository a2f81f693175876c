// Lower-case hex, for digests and random tokens held as bytes and shown or stored as text.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace patrol::digest {

// Writes 2 × bytes.size() lower-case hex digits to `out`.
void writeHex(std::span<const uint8_t> bytes, char* out);

// Reads `hex` into `out`; false, with `out` unspecified, unless `hex` is exactly 2 × out.size()
// lower-case hex digits.
bool readHex(std::string_view hex, std::span<uint8_t> out);

}  // namespace patrol::digest
