// Grouping rows by a key and sliding date windows over rows: the two shapes most rules take
// ("the same unit, vendor and day", "more than N trips within 7 days"), done the way that stays
// fast on a million rows. Groups: each row's key hashed in one sequential pass, (hash, row)
// pairs sorted in place (when groups need two rows or more, only those whose hash may repeat:
// HashCensus), and only rows whose hashes collide compared exactly — no std::map of strings, no
// allocation per row. Windows: rows ordered by date once (a counting sort over the days
// present), then one pass with two cursors.
#pragma once

#include <patrol/plugin_abi.h>
#include <patrol/sdk/hash_census.hpp>
#include <patrol/sdk/hash_sort.hpp>
#include <patrol/sdk/plugin.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace patrol::sdk {

// Every row: the default of the `include` arguments below.
struct AllRows {
    bool operator()(uint32_t) const { return true; }
};

namespace detail {

inline uint64_t mixBits(uint64_t h) {
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 29;
    return h;
}

// The `n` bytes (0 to 8) at `p` as a little-endian number, read in at most two fixed-size loads
// that may overlap (a memcpy of variable length is a library call, and most keys are short).
inline uint64_t wordOfShort(const unsigned char* p, size_t n) {
    if (n >= 4) {
        uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        return lo | (uint64_t{hi} << (8 * (n - 4)));
    }
    if (n == 0) return 0;
    return p[0] | (uint64_t{p[n / 2]} << (8 * (n / 2))) | (uint64_t{p[n - 1]} << (8 * (n - 1)));
}

}  // namespace detail

// A hash of a short text (an id, a code, a name) eight bytes at a time, well mixed in all its
// bits: what RowGroups hashes a text key with, and fit for a rule's own lookup tables.
inline uint64_t textHash(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xFF51AFD7ED558CCDULL);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = detail::mixBits(h ^ w);
    }
    return detail::mixBits(h ^ detail::wordOfShort(p + i, n - i) ^ 0x94D049BB133111EBULL);
}

// A string column's value as (part of) a RowGroups key: by its code when the column is coded
// (ABI 1.3: a coded column's distinct texts each have one code), else by its text. Equal keys
// are equal texts either way, and a coded value is hashed and compared without reading its
// text: grouping 510,000 payments by (month, household, program), the program's code took
// 1.2 ms off 11 ms of keys. Both keys compared must come from the same column.
class ColumnText {
public:
    ColumnText(const Column& column, uint64_t row) : column_(&column), row_(row) {}
    std::string_view text() const { return column_->text(row_); }
    uint64_t groupHash() const { return column_->coded() ? detail::mixBits(column_->code(row_) * 0x9E3779B97F4A7C15ULL + 1) : textHash(text()); }
    bool operator==(const ColumnText& other) const {
        return column_->coded() ? column_->code(row_) == other.column_->code(other.row_) : text() == other.text();
    }

private:
    const Column* column_;
    uint64_t row_;
};

namespace detail {

template <class T>
struct IsTupleLike : std::false_type {};
template <class... T>
struct IsTupleLike<std::tuple<T...>> : std::true_type {};
template <class A, class B>
struct IsTupleLike<std::pair<A, B>> : std::true_type {};

// A key's hash: texts, integers (and enums), column texts, or pairs and tuples of those.
template <class K>
uint64_t keyHash(const K& key) {
    if constexpr (std::is_same_v<K, ColumnText>) {
        return key.groupHash();
    } else if constexpr (std::is_convertible_v<const K&, std::string_view>) {
        return sdk::textHash(std::string_view(key));
    } else if constexpr (std::is_integral_v<K> || std::is_enum_v<K>) {
        return mixBits(static_cast<uint64_t>(key) * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL);
    } else {
        static_assert(IsTupleLike<K>::value, "a key is a text, an integer, a ColumnText, or a std::pair/std::tuple of those");
        // Each part's hash is mixed already: a multiply folds it in, and one mix ends the key.
        return std::apply([](const auto&... part) {
            uint64_t h = 0x2545F4914F6CDD1DULL;
            ((h = (h ^ keyHash(part)) * 0x9E3779B97F4A7C15ULL), ...);
            return mixBits(h);
        }, key);
    }
}

}  // namespace detail

// Rows grouped by equal keys. Groups are ordered by their first row, and the rows of a group
// are in row order, so findings built from them come out the same on every run.
class RowGroups {
public:
    // Groups the rows r in [0, rows) for which include(r) holds by key(r) — a std::string_view
    // (e.g. column.text(r)), an integer (a date, fen, an enum index), a ColumnText(column, r), or
    // a std::pair/std::tuple of those. Groups with fewer than `minSize` rows are left out (2:
    // only keys that repeat).
    template <class Key, class Include = AllRows>
    static RowGroups byKey(uint64_t rows, Key key, size_t minSize = 1, Include include = {}) {
        std::vector<uint64_t> keys;
        keys.reserve(rows);
        for (uint64_t r = 0; r < rows; ++r) {
            const auto row = static_cast<uint32_t>(r);
            if (include(row)) keys.push_back((detail::keyHash(key(row)) & 0xFFFFFFFF00000000ULL) | row);
        }
        const size_t least = std::max<size_t>(minSize, 1);
        if (least >= 2 && keys.size() >= kCensusFrom) keepRepeatedHashes(keys);
        sortKeysInPlace(keys.data(), keys.size());
        RowGroups groups;
        for (size_t begin = 0; begin < keys.size();) {
            size_t end = begin + 1;
            while (end < keys.size() && (keys[end] >> 32) == (keys[begin] >> 32)) ++end;
            if (end - begin >= least) groups.splitRun(keys, begin, end, key, least);
            begin = end;
        }
        groups.orderByFirstRow();
        return groups;
    }

    size_t size() const { return starts_.size(); }
    bool empty() const { return starts_.empty(); }
    // The rows of group g, ascending.
    std::span<const uint32_t> operator[](size_t g) const {
        const size_t end = g + 1 < starts_.size() ? starts_[g + 1] : members_.size();
        return {members_.data() + starts_[g], end - starts_[g]};
    }

    class Iterator {
    public:
        Iterator(const RowGroups* groups, size_t g) : groups_(groups), g_(g) {}
        std::span<const uint32_t> operator*() const { return (*groups_)[g_]; }
        Iterator& operator++() {
            ++g_;
            return *this;
        }
        bool operator!=(const Iterator& other) const { return g_ != other.g_; }

    private:
        const RowGroups* groups_;
        size_t g_;
    };
    Iterator begin() const { return {this, 0}; }
    Iterator end() const { return {this, size()}; }

    // From this many keys on, groups of two rows or more are sought only among the keys whose
    // hash may repeat. Grouping 510,000 payments by (month, household, program), 7,804 keys
    // repeated: 17-18 ms before, 9 ms with the census (best of 7); when nearly every key repeats
    // (a few hundred units a month) the census costs nothing measurable, 53-60 ms either way.
    static constexpr size_t kCensusFrom = 16384;

private:
    // Drops the keys whose hash occurs once: no group of two rows or more holds them. In place,
    // keys kept in order, each written and kept or not without a branch (most are dropped, at
    // random, which a branch would guess wrong again and again).
    static void keepRepeatedHashes(std::vector<uint64_t>& keys) {
        HashCensus census(keys.size());
        for (const uint64_t k : keys) census.add(static_cast<uint32_t>(k >> 32));
        size_t kept = 0;
        for (size_t i = 0; i < keys.size(); ++i) {
            const uint64_t k = keys[i];
            keys[kept] = k;
            kept += static_cast<size_t>(census.mayRepeat(static_cast<uint32_t>(k >> 32)));
        }
        keys.resize(kept);
    }

    // The rows of one hash run (in row order) as the groups of their keys with `least` rows or
    // more. A run is almost always one key: that is checked first and its rows go straight into
    // the group, since the working vectors of the general split cost more than the comparisons
    // when most runs form a group (a few complaints of each unit and month).
    template <class Key>
    void splitRun(const std::vector<uint64_t>& keys, size_t begin, size_t end, Key& key, size_t least) {
        const auto rowAt = [&](size_t i) { return static_cast<uint32_t>(keys[i]); };
        const auto first = key(rowAt(begin));
        size_t same = begin + 1;
        while (same < end && key(rowAt(same)) == first) ++same;
        if (same == end) {
            starts_.push_back(members_.size());
            for (size_t i = begin; i < end; ++i) members_.push_back(rowAt(i));
            return;
        }
        std::vector<uint32_t> pending, rest;
        for (size_t i = begin; i < end; ++i) pending.push_back(rowAt(i));
        while (pending.size() >= least) {
            const auto leader = key(pending[0]);
            rest.clear();
            const size_t start = members_.size();
            for (const uint32_t row : pending) {
                if (key(row) == leader)
                    members_.push_back(row);
                else
                    rest.push_back(row);
            }
            if (members_.size() - start >= least)
                starts_.push_back(start);
            else
                members_.resize(start);
            pending.swap(rest);
        }
    }

    // Hash order is random order: a rule reading its groups' rows in it misses the cache on
    // nearly every value it reads. In first-row order the reads mostly move forward through the
    // columns. Groups are sorted as (first row << 32 | group) numbers.
    void orderByFirstRow() {
        std::vector<uint64_t> order(starts_.size());
        for (size_t g = 0; g < order.size(); ++g) order[g] = uint64_t{members_[starts_[g]]} << 32 | g;
        std::sort(order.begin(), order.end());
        std::vector<uint32_t> members;
        std::vector<size_t> starts;
        members.reserve(members_.size());
        starts.reserve(starts_.size());
        for (const uint64_t packed : order) {
            starts.push_back(members.size());
            const auto rows = (*this)[static_cast<size_t>(packed & 0xFFFFFFFFULL)];
            members.insert(members.end(), rows.begin(), rows.end());
        }
        members_.swap(members);
        starts_.swap(starts);
    }

    std::vector<uint32_t> members_;
    std::vector<size_t> starts_;
};

// Rows ordered by a date, sorted once, for windows of consecutive days. Rows whose date is
// absent (PATROL_ABSENT_I32) are left out.
class DatedRows {
public:
    // The rows r in [0, rows) for which include(r) holds, by date(r) (days since 1970-01-01).
    template <class Date, class Include = AllRows>
    DatedRows(uint64_t rows, Date date, Include include = {}) {
        for (uint64_t r = 0; r < rows; ++r) {
            const auto row = static_cast<uint32_t>(r);
            if (!include(row)) continue;
            const int32_t d = date(row);
            if (d == PATROL_ABSENT_I32) continue;
            rows_.push_back(row);
            dates_.push_back(d);
        }
        sortByDate();
    }
    // The given rows (e.g. one group of RowGroups), by date(r).
    template <class Date>
    DatedRows(std::span<const uint32_t> rows, Date date) {
        for (const uint32_t row : rows) {
            const int32_t d = date(row);
            if (d == PATROL_ABSENT_I32) continue;
            rows_.push_back(row);
            dates_.push_back(d);
        }
        sortByDate();
    }

    size_t size() const { return rows_.size(); }
    // The i-th row in date order (rows of one day in row order), and its date.
    uint32_t row(size_t i) const { return rows_[i]; }
    int32_t date(size_t i) const { return dates_[i]; }
    std::span<const uint32_t> rows() const { return rows_; }

    // Slides a window of `days` consecutive days (days >= 1) over the rows: once for each date
    // present, calls f(window) with the rows dated from that date through that date + days - 1,
    // in date order. E.g. days = 7 and a window of 4 or more rows: 4 trips within a week.
    // `window` is a view into rows(): window.data() - rows().data() is its first position, so
    // a window ending where an earlier one ended (inside it) can be told apart.
    template <class F>
    void forEachWindow(int32_t days, F f) const {
        size_t end = 0;
        for (size_t i = 0; i < rows_.size(); ++i) {
            if (i > 0 && dates_[i] == dates_[i - 1]) continue;  // the same window, already given
            const int64_t stop = int64_t{dates_[i]} + days;
            if (end < i) end = i;
            while (end < rows_.size() && dates_[end] < stop) ++end;
            f(std::span<const uint32_t>(rows_.data() + i, end - i));
        }
    }

private:
    // A counting sort over the days present when they span a reasonable range (ledgers cover a
    // few years), a comparison sort otherwise; stable either way.
    void sortByDate() {
        if (rows_.empty()) return;
        const auto [lo, hi] = std::minmax_element(dates_.begin(), dates_.end());
        const int32_t first = *lo;
        const uint64_t range = static_cast<uint64_t>(int64_t{*hi} - first) + 1;
        std::vector<uint32_t> rows(rows_.size());
        std::vector<int32_t> dates(dates_.size());
        if (range <= 4 * rows_.size() + 4096) {
            std::vector<size_t> at(range + 1, 0);
            for (const int32_t d : dates_) ++at[static_cast<size_t>(d - first) + 1];
            for (size_t k = 0; k < range; ++k) at[k + 1] += at[k];
            for (size_t i = 0; i < rows_.size(); ++i) {
                const size_t to = at[static_cast<size_t>(dates_[i] - first)]++;
                rows[to] = rows_[i];
                dates[to] = dates_[i];
            }
        } else {
            std::vector<uint32_t> order(rows_.size());
            std::iota(order.begin(), order.end(), 0u);
            std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return dates_[a] < dates_[b]; });
            for (size_t i = 0; i < order.size(); ++i) {
                rows[i] = rows_[order[i]];
                dates[i] = dates_[order[i]];
            }
        }
        rows_.swap(rows);
        dates_.swap(dates);
    }

    std::vector<uint32_t> rows_;
    std::vector<int32_t> dates_;
};

}  // namespace patrol::sdk
