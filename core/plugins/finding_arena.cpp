#include "core/plugins/finding_arena.hpp"

#include "core/data/text_encoding.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include "core/digest/hex.hpp"

namespace patrol::plugins {

bool findingOrder(const FindingView& a, const FindingView& b) {
    if (a.plugin != b.plugin) return a.plugin < b.plugin;
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.unit != b.unit) return a.unit < b.unit;
    return std::lexicographical_compare(a.refs.begin(), a.refs.end(), b.refs.begin(), b.refs.end());
}

namespace {

constexpr size_t kDigest = kFingerprintBytes;

std::span<const uint8_t> digestBytes(std::string_view digest) {
    return {reinterpret_cast<const uint8_t*>(digest.data()), digest.size()};
}

}  // namespace

std::string fingerprintHex(std::string_view digest) {
    std::string hex(2 * digest.size(), '\0');
    digest::writeHex(digestBytes(digest), hex.data());
    return hex;
}

std::string fingerprintDigestOf(std::string_view hex) {
    std::string digest(kDigest, '\0');
    if (!digest::readHex(hex, {reinterpret_cast<uint8_t*>(digest.data()), digest.size()}))
        throw std::invalid_argument("a fingerprint is " + std::to_string(2 * kDigest) + " lower-case hex digits");
    return digest;
}

uint64_t FindingArena::appendBytes(std::string_view s) {
    // As a number: the old mapping is gone once the buffer has moved.
    const auto before = reinterpret_cast<uintptr_t>(bytes_.data());
    char* const to = bytes_.prepare(s.size());
    const auto after = reinterpret_cast<uintptr_t>(bytes_.data());
    if (before != 0 && after != before)
        for (size_t i = 0; i < refs_.size(); ++i) {
            std::string_view& r = refs_.data()[i];
            r = std::string_view(bytes_.data() + (reinterpret_cast<uintptr_t>(r.data()) - before), r.size());
        }
    const uint64_t offset = bytes_.size();
    if (!s.empty()) std::memcpy(to, s.data(), s.size());
    bytes_.commit(s.size());
    return offset;
}

// Findings come rule by rule: the last name is tried first, then the others by their places.
uint16_t FindingArena::intern(std::string_view name, uint16_t& last) {
    if (last != UINT16_MAX && names_[last] == name) return last;
    if (const auto found = places_.find(name); found != places_.end()) return last = found->second;
    if (names_.size() >= UINT16_MAX) throw std::length_error("报告的规则代码多于 65535 种，超出了可以保存的上限");
    const auto place = static_cast<uint16_t>(names_.size());
    names_.emplace_back(name);
    try {
        places_.emplace(name, place);
    } catch (...) {
        names_.pop_back();  // a name is in both or in neither
        throw;
    }
    return last = place;
}

void FindingArena::add(std::string_view plugin, std::string_view rule, std::string_view unit, const std::string_view* refs, size_t refCount,
                       std::optional<int64_t> amountFen, std::string_view title, std::string_view detail) {
    static_assert(sizeof(Record) <= 56, "a finding's record stays small: bench/README.md counts on 56 bytes");
    constexpr uint64_t kMaxText = std::numeric_limits<uint32_t>::max();
    if (unit.size() > kMaxText || title.size() > kMaxText || detail.size() > kMaxText || refs_.size() + refCount > kMaxText)
        throw std::length_error("报告的疑似问题过大：unit、title、detail 每项不能超过 4 GB，全部疑似问题的记录编号合计不能超过 4294967295 个");
    Record r{};
    r.plugin = intern(plugin, lastPlugin_);
    r.rule = intern(rule, lastRule_);
    r.text = appendBytes(unit);
    r.prose = prose_.append(title, detail);
    r.unitSize = static_cast<uint32_t>(unit.size());
    r.titleSize = static_cast<uint32_t>(title.size());
    r.detailSize = static_cast<uint32_t>(detail.size());
    r.refsBegin = static_cast<uint32_t>(refs_.size());
    r.refCount = static_cast<uint32_t>(refCount);
    for (size_t i = 0; i < refCount; ++i) {
        const uint64_t at = appendBytes(refs[i]);  // may move bytes_: the view is taken after
        refs_.push_back(std::string_view(bytes_.data() + at, refs[i].size()));
    }
    // Sorted as they come, while they are in the cache, rather than in a pass over every finding
    // when the arena is sealed; the UTF-8 check likewise (FindingView::textsUtf8).
    std::sort(refs_.data() + r.refsBegin, refs_.data() + r.refsBegin + refCount);
    r.textsUtf8 = data::isValidUtf8(unit) && data::isValidUtf8(title) && data::isValidUtf8(detail);
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
                  prose_.view(r.prose, r.titleSize),
                  prose_.view(r.prose + r.titleSize, r.detailSize),
                  {},
                  r.textsUtf8};
    if (!fingerprints_.empty()) v.fingerprintDigest = std::string_view(fingerprints_).substr(kDigest * i, kDigest);
    return v;
}

void FindingArena::prefetchTexts(size_t i) const {
    const Record& r = records_[i];
    const std::string_view texts = prose_.view(r.prose, size_t{r.titleSize} + r.detailSize);
    // Every cache line of both texts; a hint for a page not mapped in yet is dropped, not faulted.
    for (size_t at = 0; at < texts.size(); at += 64) __builtin_prefetch(texts.data() + at);
    // The unit and the refs were kept one after the other, in emission order like the texts.
    __builtin_prefetch(at(r.text));
    __builtin_prefetch(refs_.data() + r.refsBegin);
}

void FindingArena::appendTexts(size_t i, std::string& out) const {
    const Record& r = records_[i];
    const size_t size = size_t{r.titleSize} + r.detailSize, at = out.size();
    out.resize(at + size);
    prose_.copy(r.prose, size, out.data() + at);
}

void FindingArena::seal(bool fingerprints) {
    // Nothing is added after sealing: the pages faulted in ahead go back.
    bytes_.releaseSpare();
    refs_.releaseSpare();
    records_.releaseSpare();
    fingerprints_.clear();
    if (!fingerprints) return;
    fingerprints_.reserve(kDigest * records_.size());
    for (size_t i = 0; i < records_.size(); ++i) {
        const Record& r = records_.data()[i];
        const std::string_view* const first = refs_.data() + r.refsBegin;
        fingerprints_ += fingerprintDigestOf(
            fingerprintOf(std::string_view(names_[r.plugin]), std::string_view(names_[r.rule]), {first, r.refCount}));
    }
}

void FindingArena::reorder(const std::vector<uint32_t>& order) {
    const size_t n = records_.size();
    for (const uint32_t i : order)
        if (i >= n) throw std::out_of_range("finding index out of range");
    // Moved in place when the order allows it: a heavy check's records and fingerprints are tens
    // of megabytes, and on some machines of this kind a fresh page costs more than moving what
    // it holds (bench/fault_cost.py).
    if (std::adjacent_find(order.begin(), order.end(), std::greater_equal<uint32_t>()) == order.end()) {
        keepInPlace(order);
        return;
    }
    if (order.size() == n && isPermutation(order)) {
        permuteInPlace(order);
        return;
    }
    data::PodBuffer<Record> records;
    records.reserve(order.size());
    std::string fingerprints;
    if (!fingerprints_.empty()) fingerprints.reserve(kDigest * order.size());
    for (const uint32_t i : order) {
        records.push_back(records_[i]);
        if (!fingerprints_.empty()) fingerprints.append(fingerprints_, kDigest * size_t{i}, kDigest);
    }
    records_ = std::move(records);
    fingerprints_ = std::move(fingerprints);
}

bool FindingArena::isPermutation(const std::vector<uint32_t>& order) {
    std::vector<bool> seen(order.size());
    for (const uint32_t i : order) {
        if (seen[i]) return false;
        seen[i] = true;
    }
    return true;
}

void FindingArena::keepInPlace(const std::vector<uint32_t>& kept) {
    // Increasing: each finding kept moves down to its place or stays, never over one yet to move.
    const bool withFingerprints = !fingerprints_.empty();
    for (size_t place = 0; place < kept.size(); ++place) {
        if (kept[place] == place) continue;
        records_.data()[place] = records_.data()[kept[place]];
        if (withFingerprints) std::memcpy(fingerprints_.data() + kDigest * place, fingerprints_.data() + kDigest * size_t{kept[place]}, kDigest);
    }
    records_.truncate(kept.size());
    if (withFingerprints) fingerprints_.resize(kDigest * kept.size());
}

void FindingArena::permuteInPlace(const std::vector<uint32_t>& order) {
    // Cycle by cycle: the first place's finding is set aside, each place then takes the finding
    // order names for it, and the last place of the cycle takes the one set aside.
    const bool withFingerprints = !fingerprints_.empty();
    std::vector<bool> placed(order.size());
    char heldFingerprint[kDigest];
    for (size_t start = 0; start < order.size(); ++start) {
        if (placed[start] || order[start] == start) continue;
        const Record held = records_.data()[start];
        if (withFingerprints) std::memcpy(heldFingerprint, fingerprints_.data() + kDigest * start, kDigest);
        size_t place = start;
        while (order[place] != start) {
            const size_t from = order[place];
            records_.data()[place] = records_.data()[from];
            if (withFingerprints) std::memcpy(fingerprints_.data() + kDigest * place, fingerprints_.data() + kDigest * from, kDigest);
            placed[place] = true;
            place = from;
        }
        records_.data()[place] = held;
        if (withFingerprints) std::memcpy(fingerprints_.data() + kDigest * place, heldFingerprint, kDigest);
        placed[place] = true;
    }
}

void FindingArena::append(FindingArena&& other) {
    if (other.empty()) return;
    if (empty() && fingerprints_.empty()) {
        *this = std::move(other);
        return;
    }
    if (fingerprints_.empty() != other.fingerprints_.empty()) throw std::logic_error("appending findings sealed differently");
    const uint64_t shift = bytes_.size();
    appendBytes(std::string_view(other.bytes_.data(), other.bytes_.size()));
    const uint32_t refShift = static_cast<uint32_t>(refs_.size());
    for (size_t i = 0; i < other.refs_.size(); ++i) {
        const std::string_view r = other.refs_[i];
        refs_.push_back(std::string_view(bytes_.data() + shift + (r.data() - other.bytes_.data()), r.size()));
    }
    for (size_t i = 0; i < other.records_.size(); ++i) {
        Record r = other.records_[i];
        r.text += shift;
        r.prose = prose_.append(other.prose_.view(r.prose, uint64_t{r.titleSize} + r.detailSize));
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
    if (!v.fingerprintDigest.empty()) f.fingerprint = fingerprintHex(v.fingerprintDigest);
    return f;
}

std::vector<CheckFinding> FindingArena::owned() const {
    std::vector<CheckFinding> all;
    all.reserve(size());
    for (size_t i = 0; i < size(); ++i) all.push_back(owned(i));
    return all;
}

namespace {

// The rank of each finding's text of one field (plugin, rule or unit) among the distinct texts
// of that field, in byte order. A run of equal texts (findings come rule by rule) is looked up once.
class TextRanks {
public:
    explicit TextRanks(size_t findings) : slot_(findings) {}

    void note(size_t i, std::string_view text) {  // texts stay put while nothing is added
        if (!last_ || text != lastText_) {
            last_ = &rank_.try_emplace(text, 0).first->second;
            lastText_ = text;
        }
        slot_[i] = last_;
    }

    // Per finding, its rank; `distinct` is how many texts there are.
    std::vector<uint32_t> ranks(size_t& distinct) {
        std::vector<std::string_view> texts;
        texts.reserve(rank_.size());
        for (const auto& [text, _] : rank_) texts.push_back(text);
        std::sort(texts.begin(), texts.end());
        for (uint32_t i = 0; i < texts.size(); ++i) rank_[texts[i]] = i;
        distinct = texts.size();
        std::vector<uint32_t> perFinding(slot_.size());
        for (size_t i = 0; i < slot_.size(); ++i) perFinding[i] = *slot_[i];
        return perFinding;
    }

private:
    std::unordered_map<std::string_view, uint32_t> rank_;
    std::vector<const uint32_t*> slot_;
    std::string_view lastText_;
    const uint32_t* last_ = nullptr;
};

// Stable counting sort of `order` by rank[index].
void sortByRank(std::vector<uint32_t>& order, const std::vector<uint32_t>& rank, size_t distinct) {
    std::vector<uint32_t> start(distinct + 1, 0), sorted(order.size());
    for (const uint32_t i : order) ++start[rank[i] + 1];
    for (size_t r = 0; r < distinct; ++r) start[r + 1] += start[r];
    for (const uint32_t i : order) sorted[start[rank[i]]++] = i;
    order.swap(sorted);
}

}  // namespace

// The findings are first put in (plugin, rule, unit) order by three counting sorts on those
// fields' ranks, least significant first, each keeping the order before it; then each run of one
// plugin, rule and unit is put in order on the first sixteen bytes of its first ref, and only
// findings equal on those are compared in full. A comparison sort of all the findings on the
// whole key took about 21 ms of a heavy business_environment check's 0.39 s (perf samples); with
// this the check took 0.35-0.36 s. Sixteen bytes, not eight: ids such as A00000089 share their
// first eight bytes with nine others, and every such pair was compared in full. A run the plugin
// already gave in order (rows in id order, as ledgers are exported) is only checked.
std::vector<uint32_t> outputOrder(const FindingArena& findings) {
    const size_t n = findings.size();
    TextRanks plugins(n), rules(n), units(n);
    struct RefPrefix {
        uint64_t high = 0, low = 0;  // the first ref's first 16 bytes, big-endian, zero-padded
        bool operator==(const RefPrefix&) const = default;
        bool operator<(const RefPrefix& o) const { return high != o.high ? high < o.high : low < o.low; }
    };
    std::vector<RefPrefix> refPrefix(n);
    for (size_t i = 0; i < n; ++i) {
        const FindingView f = findings[i];
        plugins.note(i, f.plugin);
        rules.note(i, f.rule);
        units.note(i, f.unit);
        if (f.refs.empty()) continue;
        const std::string_view ref = f.refs[0];
        for (size_t b = 0; b < 16 && b < ref.size(); ++b)
            (b < 8 ? refPrefix[i].high : refPrefix[i].low) |= uint64_t{static_cast<unsigned char>(ref[b])} << (56 - 8 * (b % 8));
    }
    size_t pluginCount = 0, ruleCount = 0, unitCount = 0;
    const std::vector<uint32_t> pluginRank = plugins.ranks(pluginCount), ruleRank = rules.ranks(ruleCount), unitRank = units.ranks(unitCount);
    std::vector<uint32_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
    sortByRank(order, unitRank, unitCount);
    sortByRank(order, ruleRank, ruleCount);
    sortByRank(order, pluginRank, pluginCount);
    const auto sameGroup = [&](uint32_t a, uint32_t b) {
        return unitRank[a] == unitRank[b] && ruleRank[a] == ruleRank[b] && pluginRank[a] == pluginRank[b];
    };
    struct Key {
        RefPrefix ref;
        uint32_t index;
    };
    const auto before = [&](const Key& a, const Key& b) {
        if (!(a.ref == b.ref)) return a.ref < b.ref;
        if (findingOrder(findings[a.index], findings[b.index])) return true;
        if (findingOrder(findings[b.index], findings[a.index])) return false;
        return a.index < b.index;  // equal findings keep the order they came in
    };
    std::vector<Key> run;
    for (size_t begin = 0; begin < n;) {
        size_t end = begin + 1;
        while (end < n && sameGroup(order[begin], order[end])) ++end;
        if (end - begin >= 2) {
            run.clear();
            for (size_t k = begin; k < end; ++k) run.push_back({refPrefix[order[k]], order[k]});
            if (!std::is_sorted(run.begin(), run.end(), before)) std::sort(run.begin(), run.end(), before);
            for (size_t k = begin; k < end; ++k) order[k] = run[k - begin].index;
        }
        begin = end;
    }
    return order;
}

}  // namespace patrol::plugins
