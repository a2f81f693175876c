// Findings held back for later emission, packed into large blocks of their own mapping:
// every text is stored once with no allocation of its own, and each block goes back to the
// system as soon as its findings are emitted. (Findings kept as sdk::Finding objects by a
// helper thread would sit in that thread's malloc arena, which the calling thread's
// allocations cannot reuse, so peak memory would grow by all of them.)
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace patrol::plugins {

class KeptFindings {
public:
    KeptFindings() = default;
    KeptFindings(KeptFindings&& o) noexcept : blocks_(std::move(o.blocks_)) { o.blocks_.clear(); }
    KeptFindings& operator=(KeptFindings&& o) noexcept {
        if (this != &o) {
            release();
            blocks_ = std::move(o.blocks_);
            o.blocks_.clear();
        }
        return *this;
    }
    KeptFindings(const KeptFindings&) = delete;
    KeptFindings& operator=(const KeptFindings&) = delete;
    ~KeptFindings() { release(); }

    void add(const sdk::Finding& f) {
        size_t need = 4 * 5 + 1 + 8 + f.rule.size() + f.unit.size() + f.title.size() + f.detail.size();
        for (const std::string& r : f.refs) need += 4 + r.size();
        if (blocks_.empty() || blocks_.back().size - blocks_.back().used < need) addBlock(need);
        Block& b = blocks_.back();
        char* p = b.data + b.used;
        p = text(p, f.rule);
        p = text(p, f.unit);
        p = number(p, static_cast<uint32_t>(f.refs.size()));
        for (const std::string& r : f.refs) p = text(p, r);
        *p++ = f.amountFen ? 1 : 0;
        p = number(p, f.amountFen.value_or(0));
        p = text(p, f.title);
        p = text(p, f.detail);
        b.used = static_cast<size_t>(p - b.data);
    }

    // Calls each(const patrol_finding&) for every finding in the order added, until it returns
    // false; the finding's texts point into the block, which is given back once read.
    // Afterwards nothing is kept.
    template <class Each>
    void drain(Each each) {
        bool open = true;
        std::vector<patrol_text> refs;
        for (Block& b : blocks_) {
            for (const char* p = b.data; open && p < b.data + b.used;) {
                patrol_finding f{};
                f.struct_size = sizeof f;
                f.rule = readText(p);
                f.unit = readText(p);
                f.ref_count = readNumber<uint32_t>(p);
                refs.clear();
                for (uint32_t i = 0; i < f.ref_count; ++i) refs.push_back(readText(p));
                f.refs = refs.data();
                f.has_amount = *p++ != 0 ? 1 : 0;
                f.amount_fen = readNumber<int64_t>(p);
                f.title = readText(p);
                f.detail = readText(p);
                open = each(f);
            }
            ::munmap(b.data, b.size);
            b.data = nullptr;
        }
        blocks_.clear();
    }

private:
    struct Block {
        char* data;
        size_t size;
        size_t used;
    };

    void addBlock(size_t need) {
        constexpr size_t kBlock = size_t{256} << 10;  // small: a block still held while the host copies its findings costs little
        const size_t size = std::max(kBlock, (need + 4095) / 4096 * 4096);
        void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) throw std::bad_alloc();
        blocks_.push_back({static_cast<char*>(p), size, 0});
    }
    void release() {
        for (Block& b : blocks_)
            if (b.data) ::munmap(b.data, b.size);
        blocks_.clear();
    }

    template <class T>
    static char* number(char* p, T v) {
        std::memcpy(p, &v, sizeof v);
        return p + sizeof v;
    }
    static char* text(char* p, std::string_view s) {
        p = number(p, static_cast<uint32_t>(s.size()));
        if (!s.empty()) std::memcpy(p, s.data(), s.size());
        return p + s.size();
    }
    template <class T>
    static T readNumber(const char*& p) {
        T v;
        std::memcpy(&v, p, sizeof v);
        p += sizeof v;
        return v;
    }
    static patrol_text readText(const char*& p) {
        const uint32_t n = readNumber<uint32_t>(p);
        const patrol_text t{p, n};
        p += n;
        return t;
    }

    std::vector<Block> blocks_;
};

}  // namespace patrol::plugins
