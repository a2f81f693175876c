#include "core/web/web_assets.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/domain/errors.hpp"

namespace patrol::web {

namespace {

std::string readWhole(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string contentTypeOf(const std::filesystem::path& file) {
    const std::string ext = file.extension().string();
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js") return "text/javascript; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    return "application/octet-stream";
}

}  // namespace

WebAssets WebAssets::load(const std::string& folder) {
    namespace fs = std::filesystem;
    const fs::path templates = fs::path(folder) / "templates";
    if (!fs::is_regular_file(templates / "layout.mustache"))
        throw UserError("网页文件夹 " + folder + " 不完整：缺少 templates/layout.mustache。请重新构建或安装 patrol（网页文件随程序装在 share/patrol/web）。",
                        {"web.folder", ""});
    WebAssets assets;
    for (const auto& entry : fs::directory_iterator(templates))
        if (entry.is_regular_file() && entry.path().extension() == ".mustache")
            assets.templates_[entry.path().stem().string()] = readWhole(entry.path());
    const fs::path statics = fs::path(folder) / "static";
    if (fs::is_directory(statics))
        for (const auto& entry : fs::directory_iterator(statics))
            if (entry.is_regular_file())
                assets.statics_[entry.path().filename().string()] = {contentTypeOf(entry.path()), readWhole(entry.path())};
    return assets;
}

const std::string& WebAssets::templateText(const std::string& name) const {
    const auto it = templates_.find(name);
    if (it == templates_.end()) throw InternalError("web template missing: " + name);
    return it->second;
}

const StaticFile* WebAssets::staticFile(const std::string& name) const {
    const auto it = statics_.find(name);
    return it == statics_.end() ? nullptr : &it->second;
}

}  // namespace patrol::web
