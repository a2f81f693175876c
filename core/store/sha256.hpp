// SHA-256 as lowercase hex, for the audit chain and token hashes.
#pragma once

#include <string>
#include <string_view>

namespace patrol::store {

std::string sha256Hex(std::string_view bytes);

}  // namespace patrol::store
