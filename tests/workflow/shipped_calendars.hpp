// Loads the calendars the project ships in config/calendars/ for the tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "core/domain/calendar.hpp"

inline std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline patrol::domain::WorkingCalendar shippedCalendar() {
    patrol::domain::WorkingCalendar calendar;
    for (const char* year : {"2025", "2026"}) {
        const std::string path = std::string(PATROL_SOURCE_DIR) + "/config/calendars/" + year + ".json";
        calendar.add(patrol::domain::parseCalendarFile(readText(path), path));
    }
    return calendar;
}
