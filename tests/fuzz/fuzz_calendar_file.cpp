// Fuzz entry for the working-day calendar parser: any bytes as the JSON text of a calendar
// file. A UserError saying what is wrong is a correct answer; any other escape is a finding.
#include "core/domain/calendar_file.hpp"
#include "core/domain/errors.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        const auto calendar = patrol::domain::parseCalendarFile(
            std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
        // The rule: no day may be both a holiday and a makeup working day.
        for (const int32_t day : calendar.holidays)
            if (calendar.workdays.count(day)) std::abort();
    } catch (const patrol::UserError&) {
    }
    return 0;
}
