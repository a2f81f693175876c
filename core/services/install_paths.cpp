#include "core/services/install_paths.hpp"

#include <filesystem>

namespace patrol::services {

std::string executableDir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string(".") : exe.parent_path().string();
}

std::string defaultPluginDir() {
    return (std::filesystem::path(executableDir()) / ".." / "lib" / "patrol" / "plugins").lexically_normal().string();
}

std::string serveModulePath() {
    return (std::filesystem::path(executableDir()) / ".." / "lib" / "patrol" / "patrol-serve.so").lexically_normal().string();
}

std::string officeModulePath() {
    return (std::filesystem::path(executableDir()) / ".." / "lib" / "patrol" / "patrol-office.so").lexically_normal().string();
}

std::string shippedConfigDir() {
    return (std::filesystem::path(executableDir()) / ".." / "share" / "patrol" / "config").lexically_normal().string();
}

std::string shippedWebDir() {
    return (std::filesystem::path(executableDir()) / ".." / "share" / "patrol" / "web").lexically_normal().string();
}

}  // namespace patrol::services
