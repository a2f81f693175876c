// SHA-256 as lowercase hex, for the audit chain, token hashes and backup manifests.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace patrol::store {

std::string sha256Hex(std::string_view bytes);
// The same digest by Poco's portable code: the reference sha256Hex() is tested against.
std::string sha256HexPlainly(std::string_view bytes);

// SHA-256 of a file's bytes, read in blocks; nullopt when the file cannot be read.
std::optional<std::string> sha256OfFile(const std::string& path);

}  // namespace patrol::store
