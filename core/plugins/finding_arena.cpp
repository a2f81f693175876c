#include "core/plugins/finding_arena.hpp"

#include <algorithm>
#include <unordered_map>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>

namespace patrol::plugins {

bool findingOrder(const FindingView& a, const FindingView& b) {
    if (a.plugin != b.plugin) return a.plugin < b.plugin;
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.unit != b.unit) return a.unit < b.unit;
    return std::lexicographical_compare(a.refs.begin(), a.refs.end(), b.refs.begin(), b.refs.end());
}

void FindingArena::FreeBytes::operator()(char* p) const { std::free(p); }

uint64_t FindingArena::appendBytes(std::string_view s) {
    if (byteCapacity_ - byteSize_ < s.size()) {
        // Doubled from a megabyte up: the large buffer is moved by remapping its pages, not by
        // copying them, and a finding's texts never cost an allocation of their own.
        uint64_t capacity = std::max<uint64_t>(byteCapacity_ * 2, uint64_t{1} << 20);
        while (capacity - byteSize_ < s.size()) capacity *= 2;
        const auto before = reinterpret_cast<uintptr_t>(bytes_.get());  // as a number: the old block is gone after realloc
        char* const after = static_cast<char*>(std::realloc(bytes_.get(), capacity));
        if (!after) throw std::bad_alloc();
        static_cast<void>(bytes_.release());
        bytes_.reset(after);
        byteCapacity_ = capacity;
        if (reinterpret_cast<uintptr_t>(after) != before)
            for (auto& r : refs_) r = std::string_view(after + (reinterpret_cast<uintptr_t>(r.data()) - before), r.size());
    }
    const uint64_t offset = byteSize_;
    if (!s.empty()) std::memcpy(bytes_.get() + offset, s.data(), s.size());
    byteSize_ += s.size();
    return offset;
}

// Findings come rule by rule: the last name is tried first, then the few others.
uint16_t FindingArena::intern(std::string_view name, uint16_t& last) {
    if (last != UINT16_MAX && names_[last] == name) return last;
    for (size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) return last = static_cast<uint16_t>(i);
    if (names_.size() >= UINT16_MAX) throw std::length_error("too many distinct plugin and rule names");
    names_.emplace_back(name);
    return last = static_cast<uint16_t>(names_.size() - 1);
}

void FindingArena::add(std::string_view plugin, std::string_view rule, std::string_view unit, const std::string_view* refs, size_t refCount,
                       std::optional<int64_t> amountFen, std::string_view title, std::string_view detail) {
    constexpr uint64_t kMaxText = std::numeric_limits<uint32_t>::max();
    if (unit.size() > kMaxText || title.size() > kMaxText || detail.size() > kMaxText || refs_.size() + refCount > kMaxText)
        throw std::length_error("finding too large");
    Record r{};
    r.plugin = intern(plugin, lastPlugin_);
    r.rule = intern(rule, lastRule_);
    r.text = appendBytes(unit);
    appendBytes(title);
    appendBytes(detail);
    r.unitSize = static_cast<uint32_t>(unit.size());
    r.titleSize = static_cast<uint32_t>(title.size());
    r.detailSize = static_cast<uint32_t>(detail.size());
    r.refsBegin = static_cast<uint32_t>(refs_.size());
    r.refCount = static_cast<uint32_t>(refCount);
    for (size_t i = 0; i < refCount; ++i) {
        const uint64_t at = appendBytes(refs[i]);  // may move bytes_: the view is taken after
        refs_.emplace_back(bytes_.get() + at, refs[i].size());
    }
    r.hasAmount = amountFen.has_value();
    r.amount = amountFen.value_or(0);
    records_.push_back(r);
}

void FindingArena::add(const CheckFinding& f) {
    std::vector<std::string_view> refs(f.refs.begin(), f.refs.end());
    add(f.plugin, f.rule, f.unit, refs.data(), refs.size(), f.amountFen, f.title, f.detail);
}

FindingView FindingArena::operator[](size_t i) const {
    const Record& r = records_[i];
    const char* text = at(r.text);
    FindingView v{names_[r.plugin],
                  names_[r.rule],
                  std::string_view(text, r.unitSize),
                  RefsView(refs_.data() + r.refsBegin, r.refCount),
                  r.hasAmount ? std::optional<int64_t>(r.amount) : std::nullopt,
                  std::string_view(text + r.unitSize, r.titleSize),
                  std::string_view(text + r.unitSize + r.titleSize, r.detailSize),
                  {}};
    if (!fingerprints_.empty()) v.fingerprint = std::string_view(fingerprints_).substr(64 * i, 64);
    return v;
}

void FindingArena::seal(bool fingerprints) {
    fingerprints_.clear();
    if (fingerprints) fingerprints_.reserve(64 * records_.size());
    std::vector<std::string> refs;
    for (const Record& r : records_) {
        const auto first = refs_.begin() + r.refsBegin;
        std::sort(first, first + r.refCount);
        if (!fingerprints) continue;
        refs.assign(first, first + r.refCount);
        const std::string fingerprint = fingerprintOf(names_[r.plugin], names_[r.rule], refs);
        if (fingerprint.size() != 64) throw std::logic_error("fingerprint of unexpected length");
        fingerprints_ += fingerprint;
    }
}

void FindingArena::reorder(const std::vector<uint32_t>& order) {
    std::vector<Record> records;
    records.reserve(order.size());
    std::string fingerprints;
    if (!fingerprints_.empty()) fingerprints.reserve(64 * order.size());
    for (const uint32_t i : order) {
        records.push_back(records_.at(i));
        if (!fingerprints_.empty()) fingerprints.append(fingerprints_, 64 * size_t{i}, 64);
    }
    records_ = std::move(records);
    fingerprints_ = std::move(fingerprints);
}

void FindingArena::append(FindingArena&& other) {
    if (other.empty()) return;
    if (empty() && fingerprints_.empty()) {
        *this = std::move(other);
        return;
    }
    if (fingerprints_.empty() != other.fingerprints_.empty()) throw std::logic_error("appending findings sealed differently");
    const uint64_t shift = byteSize_;
    if (other.byteSize_ > 0) {
        appendBytes(std::string_view(other.bytes_.get(), other.byteSize_));
    }
    const uint32_t refShift = static_cast<uint32_t>(refs_.size());
    refs_.reserve(refs_.size() + other.refs_.size());
    for (const auto& r : other.refs_) refs_.emplace_back(bytes_.get() + shift + (r.data() - other.bytes_.get()), r.size());
    records_.reserve(records_.size() + other.records_.size());
    for (Record r : other.records_) {
        r.text += shift;
        r.refsBegin += refShift;
        r.plugin = intern(other.names_[r.plugin], lastPlugin_);
        r.rule = intern(other.names_[r.rule], lastRule_);
        records_.push_back(r);
    }
    fingerprints_ += other.fingerprints_;
    other.clear();
}

void FindingArena::clear() { *this = FindingArena(); }

CheckFinding FindingArena::owned(size_t i) const {
    const FindingView v = (*this)[i];
    CheckFinding f;
    f.plugin = v.plugin;
    f.rule = v.rule;
    f.unit = v.unit;
    f.refs.assign(v.refs.begin(), v.refs.end());
    f.amountFen = v.amountFen;
    f.title = v.title;
    f.detail = v.detail;
    f.fingerprint = v.fingerprint;
    return f;
}

std::vector<CheckFinding> FindingArena::owned() const {
    std::vector<CheckFinding> all;
    all.reserve(size());
    for (size_t i = 0; i < size(); ++i) all.push_back(owned(i));
    return all;
}

// Sorting compares precomputed integers: the plugin's, the rule's and the unit's rank among the
// texts present, then the first eight bytes of the first ref; only findings equal on all of
// those are compared in full. A run's findings share the plugin; a check's may not.
std::vector<uint32_t> outputOrder(const FindingArena& findings) {
    struct Key {
        uint64_t major;  // rule rank << 32 | unit rank
        uint64_t ref;    // first ref's first 8 bytes, big-endian, zero-padded
        uint32_t plugin; // plugin rank
        uint32_t index;
    };
    // Per finding, the rank of its text of one field among the distinct ones, in byte order.
    // Each text is looked up once (a run of equal ones, as findings come rule by rule, once).
    auto ranks = [&](auto field) {
        std::unordered_map<std::string_view, uint32_t> rank;
        std::vector<const uint32_t*> slot(findings.size());
        std::string_view last;
        const uint32_t* lastSlot = nullptr;
        for (size_t i = 0; i < findings.size(); ++i) {
            const std::string_view text = field(findings[i]);  // names and texts stay put while nothing is added
            if (!lastSlot || text != last) {
                lastSlot = &rank.try_emplace(text, 0).first->second;
                last = text;
            }
            slot[i] = lastSlot;
        }
        std::vector<std::string_view> texts;
        texts.reserve(rank.size());
        for (const auto& [text, _] : rank) texts.push_back(text);
        std::sort(texts.begin(), texts.end());
        for (uint32_t i = 0; i < texts.size(); ++i) rank[texts[i]] = i;
        std::vector<uint32_t> perFinding(findings.size());
        for (size_t i = 0; i < findings.size(); ++i) perFinding[i] = *slot[i];
        return perFinding;
    };
    const std::vector<uint32_t> pluginRank = ranks([](const FindingView& f) { return f.plugin; });
    const std::vector<uint32_t> ruleRank = ranks([](const FindingView& f) { return f.rule; });
    const std::vector<uint32_t> unitRank = ranks([](const FindingView& f) { return f.unit; });
    std::vector<Key> keys(findings.size());
    for (uint32_t i = 0; i < findings.size(); ++i) {
        const FindingView f = findings[i];
        uint64_t ref = 0;
        if (!f.refs.empty())
            for (size_t b = 0; b < 8 && b < f.refs[0].size(); ++b) ref |= uint64_t{static_cast<unsigned char>(f.refs[0][b])} << (56 - 8 * b);
        keys[i] = {uint64_t{ruleRank[i]} << 32 | unitRank[i], ref, pluginRank[i], i};
    }
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        if (a.plugin != b.plugin) return a.plugin < b.plugin;
        if (a.major != b.major) return a.major < b.major;
        if (a.ref != b.ref) return a.ref < b.ref;
        if (findingOrder(findings[a.index], findings[b.index])) return true;
        if (findingOrder(findings[b.index], findings[a.index])) return false;
        return a.index < b.index;  // equal findings keep the order they came in
    });
    std::vector<uint32_t> order(findings.size());
    for (size_t i = 0; i < keys.size(); ++i) order[i] = keys[i].index;
    return order;
}

}  // namespace patrol::plugins
