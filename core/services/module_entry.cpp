#include "core/services/module_entry.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace patrol::services {

void* moduleEntry(const std::string& file, const char* entry, const std::string& what) {
    void* module = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    const char* failure = module ? nullptr : ::dlerror();
    void* symbol = module ? ::dlsym(module, entry) : nullptr;
    if (!symbol) {
        if (module) failure = ::dlerror();
        throw std::runtime_error("无法载入模块 " + file + "（" + what + "）：" + (failure ? failure : "未知原因") + "。请重新构建或安装 patrol。");
    }
    return symbol;
}

}  // namespace patrol::services
