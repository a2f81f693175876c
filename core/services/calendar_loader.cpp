#include "core/services/calendar_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/almanac/icu_almanac.hpp"
#include "core/domain/errors.hpp"
#include "core/services/settings.hpp"

namespace patrol::services {

namespace fs = std::filesystem;

domain::CalendarFile readCalendarFile(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw UserError("找不到日历文件 " + path + "：应为一个 JSON 格式的工作日日历文件。请检查所指定的日历文件或 calendar.folder 设置。",
                        {"calendar.file", ""});
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) throw UserError("无法读取日历文件 " + path + "：请检查文件权限。");
    return domain::parseCalendarFile(text.str(), path);
}

LoadedCalendar loadCalendar(const Settings& settings, const std::optional<std::string>& overrideFile) {
    LoadedCalendar loaded;
    // A file named on the command line alone decides working days (the dataset contract): a
    // year it does not cover is Monday to Friday, as the file format defines it.
    if (overrideFile) {
        loaded.calendar.add(readCalendarFile(*overrideFile));
        loaded.files.push_back(*overrideFile);
        return loaded;
    }
    loaded.calendar.useAlmanac(almanac::icuAlmanac());  // uncovered years get a provisional calendar
    const std::string folder = settings.text("calendar.folder");
    std::error_code ec;
    if (folder.empty() || !fs::is_directory(folder, ec)) return loaded;
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        loaded.calendar.add(readCalendarFile(file));
        loaded.files.push_back(file);
    }
    return loaded;
}

}  // namespace patrol::services
