// A dataset file is mapped, not copied. When another program truncates it while it is read,
// the kernel takes the lost pages away and the next read of them raises SIGBUS, which would
// kill patrol with no word of why (exit 135). While a mapping is guarded, a SIGBUS inside it
// ends the process with exit code 2 and one line naming the file instead. Reading happens
// before anything is written, so nothing is left half-done.
#pragma once

#include <cstddef>
#include <string>

namespace patrol::data {

class ShrinkGuard {
public:
    ShrinkGuard() = default;
    ShrinkGuard(const char* begin, size_t size, const std::string& path);
    ~ShrinkGuard();
    ShrinkGuard(const ShrinkGuard&) = delete;
    ShrinkGuard& operator=(const ShrinkGuard&) = delete;
    ShrinkGuard(ShrinkGuard&& other) noexcept;
    ShrinkGuard& operator=(ShrinkGuard&& other) noexcept;

private:
    int slot_ = -1;  // -1: nothing guarded (empty file, or every slot taken)
};

// The line written when a guarded file shrinks under the reader.
std::string shrunkFileMessage(const std::string& path);

}  // namespace patrol::data
