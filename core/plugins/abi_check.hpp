// The version handshake: a plugin built against ABI major.minor runs on a host with the same
// major and a minor at least as new. Checked from the metadata before any plugin code runs,
// and again on the struct the entry point returns.
#pragma once

#include "core/plugins/plugin_metadata.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace patrol::plugins {

AbiVersion hostAbi();

// Empty when `required` can run on `host`; otherwise the full refusal for plugin `id` at `file`.
std::optional<std::string> abiRefusal(const std::string& id, const std::filesystem::path& file, AbiVersion required, AbiVersion host);

}  // namespace patrol::plugins
