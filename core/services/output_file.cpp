#include "core/services/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/domain/errors.hpp"

namespace patrol::services {

namespace fs = std::filesystem;

void writeOutputFile(const fs::path& target, const char* what, Overwrite overwrite,
                     const std::function<void(const fs::path& temporary)>& write) {
    const std::string name = target.string();
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw InvalidInput("output", what, " " + name + " 无法写入：目录 " + folder.string() + " 不存在。请先创建该目录，或换一个路径。");
    const auto status = fs::symlink_status(target, ec);
    if (fs::exists(status)) {
        if (fs::is_directory(status))
            throw InvalidInput("output", what, " " + name + " 是一个目录。请给出文件名，例如 " + (target / "台账.xlsx").string() + "。");
        if (overwrite == Overwrite::Refuse)
            throw InvalidInput("output", what, " " + name + " 已存在，没有覆盖。请换一个文件名，或加 --force 覆盖它。");
    }
    std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0)
        throw UserError(std::string(what) + " " + name + " 无法写入：不能在目录 " + folder.string() + " 中创建文件（" +
                        std::strerror(errno) + "）。请检查目录权限。");
    close(fd);
    const fs::path temporary(pattern);
    try {
        write(temporary);
        fs::permissions(temporary, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
        fs::rename(temporary, target);
    } catch (...) {
        fs::remove(temporary, ec);
        throw;
    }
}

}  // namespace patrol::services
