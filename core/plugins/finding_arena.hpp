// One run's findings held compactly: every text in one growing byte buffer, each finding a small
// fixed record of offsets and lengths, plugin and rule names stored once. A check that finds
// hundreds of thousands of problems would otherwise hold seven or more strings per finding, and
// spend its time allocating, copying and faulting in their memory. Readers get a FindingView
// whose fields are named as CheckFinding's, so `finding.title` reads the same either way; a view
// stays valid until the arena is next changed.
#pragma once

#include "core/data/pod_buffer.hpp"
#include "core/plugins/check_finding.hpp"
#include "core/plugins/finding_prose.hpp"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace patrol::plugins {

// A finding's refs as views into its arena.
class RefsView {
public:
    RefsView(const std::string_view* first, size_t count) : first_(first), count_(count) {}
    size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    std::string_view operator[](size_t i) const { return first_[i]; }
    const std::string_view* begin() const { return first_; }
    const std::string_view* end() const { return first_ + count_; }

private:
    const std::string_view* first_;
    size_t count_;
};

struct FindingView {
    std::string_view plugin;
    std::string_view rule;
    std::string_view unit;
    RefsView refs;                    // sorted ascending (byte order)
    std::optional<int64_t> amountFen;
    std::string_view title;
    std::string_view detail;
    // The fingerprint (fingerprintOf) as its kFingerprintBytes digest bytes, empty unless the run
    // asked for fingerprints; fingerprintHex gives the text that is stored and shown.
    std::string_view fingerprintDigest;
    // Whether unit, title and detail are UTF-8: checked as the finding was added, while its texts
    // were in the cache, so the checks after the run need not read the titles and details again.
    bool textsUtf8 = true;
};

// A heavy recording holds one fingerprint per finding: as digest bytes, half the size of its hex.
inline constexpr size_t kFingerprintBytes = 32;
// The hex text of a fingerprint's digest bytes, as fingerprintOf returns it.
std::string fingerprintHex(std::string_view digest);
// The digest bytes of a fingerprint's hex text; throws std::invalid_argument unless `hex` is
// 2 × kFingerprintBytes lower-case hex digits.
std::string fingerprintDigestOf(std::string_view hex);

// The output order (as findingOrder): plugin, rule, unit, then refs.
bool findingOrder(const FindingView& a, const FindingView& b);

class FindingArena {
public:
    FindingArena() = default;
    FindingArena(FindingArena&&) noexcept = default;
    FindingArena& operator=(FindingArena&&) noexcept = default;
    FindingArena(const FindingArena&) = delete;
    FindingArena& operator=(const FindingArena&) = delete;

    // Appends one finding; its texts are copied into the arena, its refs sorted.
    void add(std::string_view plugin, std::string_view rule, std::string_view unit, const std::string_view* refs, size_t refCount,
             std::optional<int64_t> amountFen, std::string_view title, std::string_view detail);
    void add(const CheckFinding& f);

    size_t size() const { return records_.size(); }
    bool empty() const { return records_.size() == 0; }
    FindingView operator[](size_t i) const;

    class Iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = FindingView;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = FindingView;
        Iterator(const FindingArena* arena, size_t i) : arena_(arena), i_(i) {}
        FindingView operator*() const { return (*arena_)[i_]; }
        Iterator& operator++() {
            ++i_;
            return *this;
        }
        bool operator==(const Iterator& o) const { return i_ == o.i_; }
        bool operator!=(const Iterator& o) const { return i_ != o.i_; }

    private:
        const FindingArena* arena_;
        size_t i_;
    };
    Iterator begin() const { return {this, 0}; }
    Iterator end() const { return {this, size()}; }

    // For readers that go through every finding: lets go of the titles and details read so far
    // where they were kept in a file (FindingProse::letGoOfReadPages); views stay valid.
    void letGoOfReadText() const { prose_.letGoOfReadPages(); }
    static constexpr size_t kReadBeforeLettingGo = 16384;  // findings, for those readers
    // The first and the last block of FindingProse::kBlock bytes holding finding i's title and
    // detail; forgetTexts is for the last reader, once it has read every text in a block
    // (FindingProse::forgetBlock).
    std::pair<uint64_t, uint64_t> textBlocks(size_t i) const {
        const Record& r = records_[i];
        const uint64_t end = r.prose + std::max<uint64_t>(1, uint64_t{r.titleSize} + r.detailSize);
        return {r.prose / FindingProse::kBlock, (end - 1) / FindingProse::kBlock};
    }
    void forgetTexts(uint64_t block) const { prose_.forgetBlock(block); }
    // Finding i's plugin and rule as one number, the same for every finding of that rule.
    uint32_t ruleKey(size_t i) const { return uint32_t{records_[i].plugin} << 16 | records_[i].rule; }
    // For a reader that has read every text in blocks [first, first + count) and will not soon
    // again, though a later one may: their pages go out of the process, the texts stay
    // (FindingProse::letGoOfBlocks).
    void letGoOfTexts(uint64_t first, uint64_t count) const { prose_.letGoOfBlocks(first, count); }
    // Asks the processor to start loading finding i's unit, refs, title and detail (a hint, no
    // effect on what is read): a reader in output order meets them all over where they were
    // kept, in emission order, and would otherwise wait on memory for each. The unit and refs
    // count too: with them a heavy business_environment check took 0.358 s, not 0.383 s (best of 8).
    void prefetchTexts(size_t i) const;
    // Appends finding i's title and then its detail to `out`, copied (FindingProse::copy) rather
    // than viewed: a reader that does so maps none of the file in.
    void appendTexts(size_t i, std::string& out) const;
    // Whether the titles and details went to a file (FindingProse), for tests.
    bool textsInFile() const { return prose_.spilled(); }
    // Whether the titles and details were to go to a file but stayed in memory (FindingProse).
    bool textsKeptInMemory() const { return prose_.keptInMemory(); }

    // The refs of every finding, finding after finding.
    std::span<const std::string_view> allRefs() const { return {refs_.data(), refs_.size()}; }

    // Gives back the room grown ahead and, with `fingerprints`, sets each fingerprint (fingerprintOf).
    void seal(bool fingerprints);
    // Puts the findings in the order given (order[i]: the finding that goes to place i); findings
    // not named are dropped.
    void reorder(const std::vector<uint32_t>& order);
    // Moves every finding of `other` after this arena's own (`other` is left empty).
    void append(FindingArena&& other);
    // Frees everything.
    void clear();

    // Owned copies, for code that keeps findings past the arena (and for tests).
    CheckFinding owned(size_t i) const;
    std::vector<CheckFinding> owned() const;

private:
    struct Record {
        uint64_t text;          // the unit, in bytes_
        uint64_t prose;         // title and detail, one after the other, in prose_
        uint32_t unitSize;
        uint32_t titleSize;
        uint32_t detailSize;
        uint32_t refsBegin;     // into refs_
        uint32_t refCount;
        uint16_t plugin;        // into names_
        uint16_t rule;          // into names_
        bool hasAmount;
        bool textsUtf8;         // FindingView::textsUtf8
        int64_t amount;
    };

    uint64_t appendBytes(std::string_view s);
    uint16_t intern(std::string_view name, uint16_t& last);
    const char* at(uint64_t offset) const { return bytes_.data() + offset; }

    // Its own mapping, grown by remapping pages and faulted in ahead of the writes in large
    // steps rather than a page fault per page: most of a heavy run's findings are text.
    data::PodBuffer<char> bytes_;
    // Ref texts live in bytes_ too; their views are moved along whenever bytes_ moves, so a
    // finding's refs can be sorted and read as views without one offset per lookup.
    data::PodBuffer<std::string_view> refs_;
    data::PodBuffer<Record> records_;  // grown like bytes_: no copy of the records as they grow
    // Titles and details: the bulk of the text, which a heavy run keeps out of its memory while
    // the plugin still holds the dataset (finding_prose.hpp).
    FindingProse prose_;
    std::vector<std::string> names_;  // plugins and rules, each once
    // Each name's place in names_, looked up by a view. A plugin reporting a new rule code with
    // every finding compared each one with all before it: about two billion comparisons, seconds,
    // before the 65,536th was refused.
    struct NameHash {
        using is_transparent = void;
        size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
    };
    std::unordered_map<std::string, uint16_t, NameHash, std::equal_to<>> places_;
    uint16_t lastPlugin_ = UINT16_MAX;
    uint16_t lastRule_ = UINT16_MAX;
    std::string fingerprints_;  // kFingerprintBytes per record, when sealed with fingerprints

    static bool isPermutation(const std::vector<uint32_t>& order);
    void keepInPlace(const std::vector<uint32_t>& kept);
    void permuteInPlace(const std::vector<uint32_t>& order);
};

// The same for whichever findings a reader goes through: nothing to let go of for owned ones.
inline void letGoOfReadText(const FindingArena& findings) { findings.letGoOfReadText(); }
inline void letGoOfReadText(const std::vector<CheckFinding>&) {}
inline void prefetchTexts(const FindingArena& findings, size_t i) { findings.prefetchTexts(i); }
inline void prefetchTexts(const std::vector<CheckFinding>&, size_t) {}

// The places of the findings in output order (findingOrder; equal findings in the order they
// were added), ready for reorder: compares precomputed ranks first, texts only on ties.
std::vector<uint32_t> outputOrder(const FindingArena& findings);

}  // namespace patrol::plugins
