#include "core/plugins/finding_checks.hpp"

#include "core/data/id_hash.hpp"
#include "core/data/text_encoding.hpp"

#include <patrol/sdk/hash_sort.hpp>
#include <patrol/sdk/money.hpp>

#include <algorithm>
#include <atomic>
#include <future>
#include <optional>
#include <span>
#include <system_error>
#include <string_view>
#include <vector>

namespace patrol::plugins {

namespace {

// Where the first byte that does not begin a well-formed UTF-8 character is (the text is known
// not to be UTF-8): walks the characters one by one; only ever runs for a refusal.
size_t firstBadByte(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + n > text.size() || !data::isValidUtf8(text.substr(i, n))) return i;
        i += n;
    }
    return i;
}

// A text as it may be shown in a message: quoted, bytes that are not UTF-8 written as \xFF,
// at most 40 characters.
std::string shown(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out = "\"";
    size_t i = 0, characters = 0;
    while (i < text.size()) {
        if (++characters > 40) {
            out += "…";
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        const size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (c >= 0x20 && c != 0x7F && i + n <= text.size() && data::isValidUtf8(text.substr(i, n))) {
            out.append(text.substr(i, n));
            i += n;
        } else {
            out += "\\x";
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
            ++i;
        }
    }
    return out + "\"";
}

// "规则 FX-01 的第 2 个问题（单位 "U1"，记录 "I1"、"I9"）"
template <class Finding>
std::string described(const Finding& f, size_t ordinal) {
    std::string refs;
    for (const auto& r : f.refs) refs += (refs.empty() ? "" : "、") + shown(r);
    return "规则 " + std::string(f.rule) + " 的第 " + std::to_string(ordinal) + " 个问题（单位 " + shown(f.unit) + "，记录 " +
           (refs.empty() ? std::string("无") : refs) + "）";
}

// Whether a finding's unit, title and detail are UTF-8: an arena's were checked as they came.
bool textsUtf8(const FindingView& f) { return f.textsUtf8; }
bool textsUtf8(const CheckFinding& f) { return data::isValidUtf8(f.unit) && data::isValidUtf8(f.title) && data::isValidUtf8(f.detail); }

// The first of a finding's refs (in its order) that it lists again, if any. A handful of refs:
// every pair compared, cheaper than sorting a copy. A group of thousands (one vendor's day of
// small expenses, a unit's month of complaints) is sorted instead: 60,000 refs compared in pairs
// took 8 s.
template <class Refs>
std::optional<std::string_view> firstRepeatedRef(const Refs& refs) {
    constexpr size_t kComparedInPairs = 32;
    if (refs.size() <= kComparedInPairs) {
        for (size_t a = 0; a < refs.size(); ++a)
            for (size_t b = a + 1; b < refs.size(); ++b)
                if (refs[a] == refs[b]) return std::string_view(refs[a]);
        return std::nullopt;
    }
    std::vector<std::string_view> sorted(refs.begin(), refs.end());
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) return std::nullopt;
    for (const auto& r : refs) {
        const auto [from, to] = std::equal_range(sorted.begin(), sorted.end(), std::string_view(r));
        if (to - from > 1) return std::string_view(r);
    }
    return std::nullopt;
}

// The demands one finding can be checked on alone; empty when it meets them all.
template <class Finding>
std::string ownViolation(const Finding& f, const RuleInfo& rule) {
    const std::pair<const char*, std::string_view> texts[] = {{"unit", f.unit}, {"title", f.title}, {"detail", f.detail}};
    if (!textsUtf8(f))
        for (const auto& [field, text] : texts)
            if (!data::isValidUtf8(text))
                return std::string(field) + " 不是有效的 UTF-8 文本（第 " + std::to_string(firstBadByte(text) + 1) + " 个字节起），应为 UTF-8 编码的文字";
    for (const auto& r : f.refs)
        if (!data::isValidUtf8(r))
            return "refs 中的 " + shown(r) + " 不是有效的 UTF-8 文本（第 " + std::to_string(firstBadByte(r) + 1) + " 个字节起），应为数据表中的记录编号";
    if (f.unit.empty()) return "unit 为空，应为该问题所属单位的 unit_code";
    if (f.title.empty()) return "title 为空，应写明涉及的记录和数字";
    if (f.refs.empty()) return "refs 为空，应至少列出一个记录编号";
    if (f.amountFen && rule.amount.empty())
        return "带有金额 amount = " + money::formatYuan(*f.amountFen) + " 元，但元数据中规则 " + rule.code +
               " 没有声明金额（rules[].amount）；没有金额的规则应给 std::nullopt（has_amount = 0）";
    if (const auto repeated = firstRepeatedRef(f.refs)) return "refs 中的 " + shown(*repeated) + " 出现了不止一次，每个记录编号只应列出一次";
    return {};
}

// Every ref of every finding, in order: an arena holds them so, other findings are gathered
// into `storage`. (Gathering them from an arena's 300,214 findings took 10-11 ms.)
std::span<const std::string_view> allRefs(const FindingArena& findings, std::vector<std::string_view>&) { return findings.allRefs(); }
std::span<const std::string_view> allRefs(const std::vector<CheckFinding>& findings, std::vector<std::string_view>& storage) {
    for (const auto& f : findings)
        for (const auto& r : f.refs) storage.push_back(r);
    return storage;
}

// The distinct refs, to be looked up by every id of the dataset's id columns in one sequential
// pass. Every ref is hashed and the (hash, place) pairs sorted (sdk::sortKeysInPlace): equal refs
// then sit side by side, and the distinct ones, in hash order, are the table itself, found
// through a directory of the hashes' top bits. Built by streaming through memory rather than by
// inserting each ref at a random slot, which cost a cache miss a ref (375,289 distinct refs of a
// findings-heavy business_environment check: 31 ms, now 12-13 ms). Far fewer refs than ids: a
// bit filter of the refs' hashes small enough for the cache turns most ids away before the table
// is touched. Reports whether each distinct ref was met.
class RefLookup {
public:
    template <class Findings>
    explicit RefLookup(const Findings& findings) {
        refs_ = allRefs(findings, gathered_);
        keys_.reserve(refs_.size());
        for (size_t i = 0; i < refs_.size(); ++i) keys_.push_back(uint64_t{data::idHash(refs_[i])} << 32 | i);
        sdk::sortKeysInPlace(keys_.data(), keys_.size());
        keepDistinct();
        indexByTopBits();
        fillFilter();
    }

    size_t distinct() const { return keys_.size(); }

    // Marks in `found` (one flag per distinct ref) the refs among the ids of rows [from, to).
    void scan(const data::TableData& table, size_t column, uint64_t from, uint64_t to, std::vector<char>& found) const {
        for (uint64_t row = from; row < to; ++row) {
            const std::string_view id = table.text(column, row);
            const uint32_t h = data::idHash(id);
            const size_t bit = h & filterMask_;
            if (!(filter_[bit >> 6] >> (bit & 63) & 1)) continue;
            if (const size_t d = find(id, h); d != kNone) found[d] = 1;
        }
    }

    // The index of a ref among the distinct ones.
    size_t indexOf(std::string_view ref) const { return find(ref, data::idHash(ref)); }

private:
    static constexpr size_t kNone = ~size_t{0};

    std::string_view refOf(uint64_t key) const { return refs_[static_cast<uint32_t>(key)]; }

    // Keeps the first key of each distinct ref, in place: equal refs have equal hashes, so they
    // sit in one run of the sorted keys.
    void keepDistinct() {
        size_t kept = 0;
        for (size_t run = 0, end; run < keys_.size(); run = end) {
            end = run + 1;
            while (end < keys_.size() && keys_[end] >> 32 == keys_[run] >> 32) ++end;
            const size_t first = kept;
            for (size_t k = run; k < end; ++k) {
                bool seen = false;
                for (size_t d = first; d < kept && !seen; ++d) seen = refOf(keys_[d]) == refOf(keys_[k]);
                if (!seen) keys_[kept++] = keys_[k];
            }
        }
        keys_.resize(kept);
        keys_.shrink_to_fit();
    }

    // start_[b]: the first distinct ref whose hash's top bits are b or more; about one ref a bucket.
    void indexByTopBits() {
        int bits = 1;
        while (bits < 30 && (size_t{1} << bits) < keys_.size()) ++bits;
        shift_ = 32 - bits;
        start_.assign((size_t{1} << bits) + 1, 0);
        for (const uint64_t key : keys_) ++start_[(key >> 32 >> shift_) + 1];
        for (size_t b = 1; b < start_.size(); ++b) start_[b] += start_[b - 1];
    }

    // About 8 bits per distinct ref, from the hash's low bits: one id in eight or fewer gets past.
    void fillFilter() {
        size_t filterBits = 4096;
        while (filterBits < 8 * keys_.size()) filterBits <<= 1;
        filterMask_ = filterBits - 1;
        filter_.assign(filterBits / 64, 0);
        for (const uint64_t key : keys_) {
            const size_t bit = static_cast<uint32_t>(key >> 32) & filterMask_;
            filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
        }
    }

    size_t find(std::string_view ref, uint32_t h) const {
        const size_t bucket = h >> shift_;
        for (size_t d = start_[bucket]; d < start_[bucket + 1]; ++d)
            if (keys_[d] >> 32 == h && refOf(keys_[d]) == ref) return d;
        return kNone;
    }

    // Every ref of every finding, in order: an arena's own array of them, or gathered_.
    std::span<const std::string_view> refs_;
    std::vector<std::string_view> gathered_;
    std::vector<uint64_t> keys_;          // the distinct refs: hash << 32 | place in refs_, by hash
    std::vector<uint32_t> start_;         // by the hash's top bits, where their refs start in keys_
    int shift_ = 31;
    size_t filterMask_ = 0;
    std::vector<uint64_t> filter_;
};

// Which distinct refs are ids of the dataset: the rows of every id column, taken end to end,
// scanned once, the first half here and the second half at the same time on another thread
// (nothing else reads the dataset meanwhile: it is freed only after this). Halving only the
// columns of 200,000 rows or more left this thread most of the work when a dataset's ids are
// spread over several smaller tables.
std::vector<char> refsFound(const RefLookup& lookup, const PluginMetadata& metadata, const data::Dataset& dataset) {
    struct IdColumn {
        const data::TableData* table;
        size_t column;
        uint64_t rows;
    };
    std::vector<IdColumn> columns;
    uint64_t total = 0;
    for (const auto& t : metadata.tables) {
        const data::TableData* table = dataset.table(t.name);
        if (!table) continue;
        for (size_t c = 0; c < t.columns.size(); ++c) {
            if (!t.columns[c].isId || t.columns[c].type != PATROL_COLUMN_STRING) continue;
            columns.push_back({table, c, table->rowCount()});
            total += table->rowCount();
        }
    }
    // Marks the refs among the ids in [from, to) of the rows end to end.
    const auto scan = [&](uint64_t from, uint64_t to, std::vector<char>& found) {
        uint64_t at = 0;
        for (const IdColumn& id : columns) {
            const uint64_t begin = std::max(from, at), end = std::min(to, at + id.rows);
            if (begin < end) lookup.scan(*id.table, id.column, begin - at, end - at, found);
            at += id.rows;
        }
    };
    // Taken a slice at a time by whichever thread is free: cut in halves, the half on the second
    // thread shared a core with the findings' own checks (violationAmong) and this thread then
    // waited for it, 20-30 ms of a heavy check.
    constexpr uint64_t kSlice = 65536;
    std::atomic<uint64_t> next{0};
    const auto scanSlices = [&](std::vector<char>& found) {
        for (uint64_t from; (from = next.fetch_add(kSlice)) < total;) scan(from, std::min(total, from + kSlice), found);
    };
    std::vector<char> found(lookup.distinct(), 0);
    std::future<std::vector<char>> second;
    if (total >= 200000) {
        try {
            second = std::async(std::launch::async, [&] {
                std::vector<char> more(lookup.distinct(), 0);
                scanSlices(more);
                return more;
            });
        } catch (const std::system_error&) {
            // no second thread: this one takes every slice
        }
    }
    scanSlices(found);
    if (second.valid()) {
        const std::vector<char> more = second.get();
        for (size_t i = 0; i < found.size(); ++i) found[i] |= more[i];
    }
    return found;
}

// The tables' id columns as "items.item_id、extras.extra_id".
std::string idColumns(const PluginMetadata& metadata) {
    std::string out;
    for (const auto& t : metadata.tables)
        for (const auto& c : t.columns)
            if (c.isId) out += (out.empty() ? "" : "、") + t.name + "." + c.name;
    return out;
}

// A finding's place among its rule's, from 1, as messages name it.
template <class Findings>
size_t ordinalOf(const Findings& findings, size_t index) {
    size_t ordinal = 0;
    for (size_t i = 0; i <= index; ++i)
        if (findings[i].rule == findings[index].rule) ++ordinal;
    return ordinal;
}

constexpr const char* kViolationHead = "报告的疑似问题不合规：";

// The first finding that fails a demand it can be checked on alone, described; none when all pass.
template <class Findings>
std::optional<std::string> firstOwnViolation(const PluginMetadata& metadata, const Findings& findings) {
    std::vector<std::pair<std::string_view, size_t>> seen;  // rule -> findings so far; few rules
    const RuleInfo* rule = nullptr;
    for (size_t i = 0; i < findings.size(); ++i) {
        const auto& f = findings[i];
        auto counted = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == f.rule; });
        if (counted == seen.end()) counted = seen.insert(seen.end(), {f.rule, 0});
        ++counted->second;
        if (!rule || rule->code != f.rule) rule = metadata.rule(std::string(f.rule));  // declared: checked before
        if (!rule) continue;
        if (const std::string why = ownViolation(f, *rule); !why.empty()) return kViolationHead + described(f, counted->second) + "：" + why;
        if ((i + 1) % FindingArena::kReadBeforeLettingGo == 0) letGoOfReadText(findings);
    }
    return std::nullopt;
}

template <class Findings>
std::optional<std::string> firstRefViolation(const PluginMetadata& metadata, const data::Dataset* dataset, const Findings& findings) {
    if (!dataset || findings.empty()) return std::nullopt;
    const RefLookup lookup(findings);
    const std::vector<char> found = refsFound(lookup, metadata, *dataset);
    if (std::find(found.begin(), found.end(), 0) == found.end()) return std::nullopt;
    const std::string columns = idColumns(metadata);
    for (size_t i = 0; i < findings.size(); ++i)
        for (const auto& r : findings[i].refs)
            if (!found[lookup.indexOf(r)])
                return kViolationHead + described(findings[i], ordinalOf(findings, i)) + "：refs 中的 " + shown(r) +
                       " 不是本次读取的数据中任何一行的记录编号（" +
                       (columns.empty() ? std::string("插件声明的数据表都没有编号列：请在元数据中为记录编号列加上 \"id\": true")
                                        : "记录编号列：" + columns) +
                       "）";
    return std::nullopt;
}

// The findings' own demands and their refs need nothing of each other: for a heavy check
// (326,111 findings, 0.1 s each) the demands are checked on the second core, which is idle
// here, while this one looks up the refs. A broken own demand is the one reported.
template <class Findings>
std::optional<std::string> violationAmong(const PluginMetadata& metadata, const data::Dataset* dataset, const Findings& findings) {
    constexpr size_t kWorthAThread = 20000;
    std::future<std::optional<std::string>> own;
    if (findings.size() >= kWorthAThread && dataset) {
        try {
            own = std::async(std::launch::async, [&] { return firstOwnViolation(metadata, findings); });
        } catch (const std::system_error&) {
            // no second thread: the demands are checked below, here
        }
    }
    if (!own.valid())
        if (auto why = firstOwnViolation(metadata, findings)) return why;
    auto refs = firstRefViolation(metadata, dataset, findings);
    if (own.valid())
        if (auto why = own.get()) return why;
    return refs;
}

// The findings whose rule and refs hash alike, in runs of two or more: only these can repeat one
// another. Needs no order, so it may be worked out beside the output order.
template <class Findings>
RepeatCandidates candidatesAmong(const Findings& findings) {
    // hash of rule and refs << 32 | index, sorted: findings that may be equal sit side by side,
    // in the order they came. A radix sort of one word each (sdk::sortKeysInPlace), where a
    // comparison sort of (hash, index) pairs took 20-29 ms of a findings-heavy check. 32 bits of
    // hash let a few unequal findings through as candidates, which are then compared in full.
    std::vector<uint64_t> keys(findings.size());
    for (uint32_t i = 0; i < findings.size(); ++i) {
        const auto& f = findings[i];
        uint64_t h = data::idHash(f.rule) * 0x9E3779B97F4A7C15ULL + f.refs.size();
        for (const auto& r : f.refs) h = (h ^ data::idHash(r)) * 0xBF58476D1CE4E5B9ULL + r.size();
        keys[i] = (h >> 32) << 32 | i;
    }
    sdk::sortKeysInPlace(keys.data(), keys.size());
    RepeatCandidates candidates;
    for (size_t a = 0; a < keys.size();) {
        size_t b = a + 1;
        while (b < keys.size() && keys[b] >> 32 == keys[a] >> 32) ++b;
        if (b - a > 1) {
            for (size_t x = a; x < b; ++x) candidates.members.push_back(static_cast<uint32_t>(keys[x]));
            candidates.runEnds.push_back(static_cast<uint32_t>(candidates.members.size()));
        }
        a = b;
    }
    return candidates;
}

// Flags (one per finding) the findings that repeat another of the same plugin, rule and refs
// placed before them: within each run of candidates the one with the lowest place(index) is kept.
template <class Findings, class Place>
std::vector<char> repeatsAmong(const Findings& findings, const RepeatCandidates& candidates, Place place, size_t& dropped) {
    std::vector<char> drop(findings.size(), 0);
    std::vector<uint32_t> run;
    for (size_t r = 0, a = 0; r < candidates.runEnds.size(); a = candidates.runEnds[r++]) {
        run.assign(candidates.members.begin() + static_cast<ptrdiff_t>(a), candidates.members.begin() + candidates.runEnds[r]);
        std::sort(run.begin(), run.end(), [&](uint32_t x, uint32_t y) { return place(x) < place(y); });
        for (size_t x = 0; x < run.size(); ++x) {
            if (drop[run[x]]) continue;
            const auto& kept = findings[run[x]];
            for (size_t y = x + 1; y < run.size(); ++y) {
                const auto& other = findings[run[y]];
                if (!drop[run[y]] && other.plugin == kept.plugin && other.rule == kept.rule &&
                    std::equal(other.refs.begin(), other.refs.end(), kept.refs.begin(), kept.refs.end())) {
                    drop[run[y]] = 1;
                    ++dropped;
                }
            }
        }
    }
    return drop;
}

}  // namespace

std::optional<std::string> findingViolation(const PluginMetadata& metadata, const data::Dataset* dataset,
                                            const std::vector<CheckFinding>& findings) {
    return violationAmong(metadata, dataset, findings);
}

std::optional<std::string> findingViolation(const PluginMetadata& metadata, const data::Dataset* dataset, const FindingArena& findings) {
    return violationAmong(metadata, dataset, findings);
}

size_t dropRepeatedFindings(std::vector<CheckFinding>& findings) {
    size_t dropped = 0;
    const std::vector<char> drop = repeatsAmong(findings, candidatesAmong(findings), [](uint32_t i) { return i; }, dropped);
    if (dropped == 0) return 0;
    size_t out = 0;
    for (size_t i = 0; i < findings.size(); ++i)
        if (!drop[i]) {
            if (out != i) findings[out] = std::move(findings[i]);
            ++out;
        }
    findings.resize(out);
    return dropped;
}

RepeatCandidates repeatCandidates(const FindingArena& findings) { return candidatesAmong(findings); }

std::vector<uint32_t> withoutRepeats(const FindingArena& findings, std::vector<uint32_t> order, const RepeatCandidates& candidates,
                                     size_t& dropped) {
    if (candidates.members.empty()) return order;
    std::vector<uint32_t> place(findings.size());
    for (uint32_t i = 0; i < order.size(); ++i) place[order[i]] = i;
    const size_t before = dropped;
    const std::vector<char> drop = repeatsAmong(findings, candidates, [&](uint32_t i) { return place[i]; }, dropped);
    if (dropped == before) return order;
    std::erase_if(order, [&](uint32_t i) { return drop[i] != 0; });
    return order;
}

std::vector<uint32_t> finishedOrder(const FindingArena& findings, size_t& repeats) {
    // Both read the arena only; a heavy run's 326,111 findings took 0.06 s each way, one after the other.
    constexpr size_t kWorthAThread = 20000;
    std::future<RepeatCandidates> candidates;
    if (findings.size() >= kWorthAThread) {
        try {
            candidates = std::async(std::launch::async, [&findings] { return repeatCandidates(findings); });
        } catch (const std::system_error&) {
            // no second thread: worked out below, after the order
        }
    }
    std::vector<uint32_t> order = outputOrder(findings);
    return withoutRepeats(findings, std::move(order), candidates.valid() ? candidates.get() : repeatCandidates(findings), repeats);
}

}  // namespace patrol::plugins
