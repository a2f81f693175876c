// TMPDIR set for a scope and put back after: where code that keeps data in temporary files
// finds no usable folder.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>

namespace patrol::testing {

class TmpdirSetting {
public:
    explicit TmpdirSetting(const char* path) {
        if (const char* before = std::getenv("TMPDIR")) before_ = before;
        ::setenv("TMPDIR", path, 1);
    }
    ~TmpdirSetting() {
        if (before_) ::setenv("TMPDIR", before_->c_str(), 1);
        else ::unsetenv("TMPDIR");
    }
    TmpdirSetting(const TmpdirSetting&) = delete;
    TmpdirSetting& operator=(const TmpdirSetting&) = delete;

private:
    std::optional<std::string> before_;
};

}  // namespace patrol::testing
