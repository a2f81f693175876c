// Finds which keyword a text contains. A bitmap of the keywords' first two bytes lets the
// scan reject almost every character with one lookup, which matters over 10^6 descriptions.
#pragma once

#include <bitset>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::plugins::four_styles {

class KeywordMatcher {
public:
    explicit KeywordMatcher(std::vector<std::string> keywords) : keywords_(std::move(keywords)), starts_(new std::bitset<65536>()) {
        for (const std::string& k : keywords_) {
            if (k.size() == 1) singleByte_ = true;
            else starts_->set(pairAt(k.data()));
        }
    }

    // The first keyword (in settings order) that the text contains, or empty.
    std::string_view firstIn(std::string_view text) const {
        if (text.empty() || keywords_.empty()) return {};
        if (!singleByte_ && !anyStartIn(text)) return {};
        for (const std::string& k : keywords_)
            if (text.find(k) != std::string_view::npos) return k;
        return {};
    }

private:
    static size_t pairAt(const char* p) {
        return (static_cast<size_t>(static_cast<unsigned char>(p[0])) << 8) | static_cast<unsigned char>(p[1]);
    }
    // Tests every position, not only those where a character starts: a steadier loop than
    // stepping character by character, and no more hits, since a keyword's first two bytes
    // (a lead byte, then its next byte) can only match where a character starts.
    bool anyStartIn(std::string_view text) const {
        for (size_t i = 0; i + 1 < text.size(); ++i)
            if (starts_->test(pairAt(text.data() + i))) return true;
        return false;
    }

    std::vector<std::string> keywords_;
    std::unique_ptr<std::bitset<65536>> starts_;
    bool singleByte_ = false;  // a one-byte keyword cannot use the pair bitmap
};

}  // namespace patrol::plugins::four_styles
