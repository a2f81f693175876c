// Fuzz entry for the INI settings: any bytes as a config file over the built-in defaults, then
// every key read back as text (following ${...} references), the integer and flag keys read as
// such, the reader's limits checked, and every plugin section listed. A UserError naming the key
// is a correct answer; any other escape (an internal error, a Poco exception) is a finding.
#include "core/domain/errors.hpp"
#include "core/services/read_limits_setting.hpp"
#include "core/services/settings.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using patrol::services::Settings;

template <typename Read>
void tolerateUserError(Read read) {
    try {
        read();
    } catch (const patrol::UserError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        const Settings settings = Settings::fromIniText(std::string(reinterpret_cast<const char*>(data), size), "fuzz.ini");
        for (const char* key : {"database.busy_timeout_ms", "plugins.timeout_seconds", "server.port", "evidence.max_bytes",
                                "check.zip_max_entries", "auth.password_min_length", "rectification.report_days"})
            tolerateUserError([&] { (void)settings.integer(key); });
        tolerateUserError([&] { (void)settings.flag("plugins.isolate"); });
        tolerateUserError([&] { (void)patrol::services::readLimits(settings); });
        for (const char* key : {"data.folder", "database.path", "evidence.folder", "calendar.folder"})
            tolerateUserError([&] { (void)settings.text(key); });
        // Every section the file wrote, as a plugin's settings are read.
        for (const char* prefix : {"plugin.four_styles", "plugin", "data", "database", "auth", "rectification"})
            tolerateUserError([&] { (void)settings.section(prefix); });
    } catch (const patrol::UserError&) {
    }
    return 0;
}
