// The C++ layer over plugin_abi.h (header-only). A plugin author writes an ordinary class
// derived from patrol::sdk::Plugin and one PATROL_PLUGIN(Class, "id") line; the macro
// generates the exported entry point, and exceptions never cross the boundary: they become
// PATROL_ERROR plus the last-error text.
#pragma once

#include <patrol/plugin_abi.h>
#include <patrol/sdk/civil.hpp>
#include <patrol/sdk/money.hpp>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::sdk {

inline std::string_view view(patrol_text t) { return {t.data, static_cast<size_t>(t.size)}; }
inline patrol_text text(std::string_view s) { return {s.data(), s.size()}; }

class Column {
public:
    Column() = default;
    explicit Column(const patrol_column* c) : c_(c), offsets32_(narrowOffsets(c)), codes_(textCodes(c)) {}
    explicit operator bool() const { return c_ != nullptr; }
    patrol_column_type type() const { return static_cast<patrol_column_type>(c_->type); }
    std::string_view name() const { return c_->name; }
    // The column as the ABI lays it out, e.g. to scan all texts of a string column at once
    // (text_bytes from entryOffset(0) to entryOffset(entries(rows))).
    const patrol_column* raw() const { return c_; }

    // A coded string column keeps each distinct text once (patrol_column::text_codes): row r
    // is entry code(r). A plain one holds every row's text in row order: row r is entry r.
    bool coded() const { return codes_ != nullptr; }
    uint32_t code(uint64_t row) const { return codes_[row]; }
    // Entries in text_bytes: the distinct texts of a coded column, or `rows` of a plain one.
    uint64_t entries(uint64_t rows) const { return codes_ ? c_->text_distinct : rows; }
    // Where entry k starts in text_bytes (k = entries: where the last one ends), whichever width
    // of offsets the host gave. (Named for entries, not rows, since ABI 1.3: SDK 1.2's offset(row)
    // is gone so that a scan written for rows does not compile into one that reads past a coded
    // column's entries.)
    uint64_t entryOffset(uint64_t k) const { return offsets32_ ? offsets32_[k] : c_->text_offsets[k]; }
    // The offsets as the host laid them out, entries(rows) + 1 of them, for a scan of the whole
    // column that should not choose the width entry by entry: exactly one of the two is set.
    const uint32_t* entryOffsets32() const { return offsets32_; }
    const uint64_t* entryOffsets64() const { return offsets32_ ? nullptr : c_->text_offsets; }
    std::string_view entry(uint64_t k) const {
        const uint64_t begin = entryOffset(k), end = entryOffset(k + 1);
        return {c_->text_bytes + begin, static_cast<size_t>(end - begin)};
    }
    std::string_view text(uint64_t row) const { return entry(codes_ ? codes_[row] : row); }
    int32_t i32(uint64_t row) const { return c_->i32[row]; }
    int64_t i64(uint64_t row) const { return c_->i64[row]; }
    // Typed readers; check has() first for optional columns.
    int32_t date(uint64_t row) const { return c_->i32[row]; }
    int32_t time(uint64_t row) const { return c_->i32[row]; }
    int32_t enumIndex(uint64_t row) const { return c_->i32[row]; }
    int64_t fen(uint64_t row) const { return c_->i64[row]; }
    int64_t integer(uint64_t row) const { return c_->i64[row]; }
    bool has(uint64_t row) const {
        switch (c_->type) {
        case PATROL_COLUMN_STRING: return !text(row).empty();
        case PATROL_COLUMN_MONEY:
        case PATROL_COLUMN_INTEGER: return c_->i64[row] != PATROL_ABSENT_I64;
        default: return c_->i32[row] != PATROL_ABSENT_I32;
        }
    }

private:
    static const uint32_t* narrowOffsets(const patrol_column* c) {
        const bool has = c && c->struct_size >= offsetof(patrol_column, text_offsets32) + sizeof(c->text_offsets32);
        return has ? c->text_offsets32 : nullptr;
    }
    static const uint32_t* textCodes(const patrol_column* c) {
        const bool has = c && c->struct_size >= offsetof(patrol_column, text_distinct) + sizeof(c->text_distinct);
        return has ? c->text_codes : nullptr;
    }

    const patrol_column* c_ = nullptr;
    const uint32_t* offsets32_ = nullptr;  // text_offsets32, or NULL: text_offsets
    const uint32_t* codes_ = nullptr;      // text_codes, or NULL: a plain column
};

class Table {
public:
    explicit Table(const patrol_table* t) : t_(t) {}
    uint64_t rows() const { return t_->row_count; }
    std::string_view name() const { return t_->name; }
    uint32_t sourceLine(uint64_t row) const { return t_->source_lines[row]; }
    // The declared column of that name; throws when the metadata does not declare it.
    Column column(std::string_view name) const {
        for (uint32_t i = 0; i < t_->column_count; ++i)
            if (name == t_->columns[i].name) return Column(&t_->columns[i]);
        throw std::runtime_error("表 " + std::string(this->name()) + " 未声明列 " + std::string(name));
    }

private:
    const patrol_table* t_;
};

struct Finding {
    std::string rule;
    std::string unit;
    std::vector<std::string> refs;
    std::optional<int64_t> amountFen;
    std::string title;
    std::string detail;
};

struct Ratio {
    int64_t numerator;
    int64_t denominator;
};

class Context {
public:
    explicit Context(const patrol_host_api* api) : api_(api) {}

    int32_t asOf() const { return api_->as_of; }
    bool isWorkingDay(int32_t day) const { return api_->is_working_day(api_->host, day) != 0; }
    // The table, or nullopt when its file is missing (the host has already said which rules are
    // skipped). Throws for a name the metadata does not declare, as column() does: a typo must
    // not read as a missing file.
    std::optional<Table> table(const char* name) const {
        const patrol_table* t = api_->table(api_->host, name);
        if (!t) return std::nullopt;
        if (t->column_count == 0) throw std::runtime_error("元数据未声明表 " + std::string(name));
        return Table(t);
    }

    // Returns false when the host asks the plugin to stop.
    bool emit(const Finding& f) const {
        // Most findings name a record or a few: their views stay on the stack.
        constexpr size_t kFew = 8;
        patrol_text few[kFew];
        std::vector<patrol_text> many;
        patrol_text* refs = few;
        if (f.refs.size() > kFew) {
            many.resize(f.refs.size());
            refs = many.data();
        }
        for (size_t i = 0; i < f.refs.size(); ++i) refs[i] = text(f.refs[i]);
        patrol_finding out{};
        out.struct_size = sizeof(out);
        out.rule = text(f.rule);
        out.unit = text(f.unit);
        out.refs = refs;
        out.ref_count = static_cast<uint32_t>(f.refs.size());
        out.has_amount = f.amountFen.has_value() ? 1 : 0;
        out.amount_fen = f.amountFen.value_or(0);
        out.title = text(f.title);
        out.detail = text(f.detail);
        return emit(out);
    }
    // The same for a finding already in the ABI's form (its texts are views; the host copies them).
    bool emit(const patrol_finding& finding) const { return api_->emit(api_->host, &finding) == 0; }

    void log(patrol_log_level level, std::string_view message) const { api_->log(api_->host, level, text(message)); }
    void progress(double fraction) const { api_->progress(api_->host, fraction); }

    // Settings are validated by the host against the metadata before the run starts.
    std::string setting(const char* key) const {
        patrol_text value{};
        if (api_->setting(api_->host, key, &value) != 0) throw std::runtime_error(std::string("未声明的设置项: ") + key);
        return std::string(view(value));
    }
    int64_t integerSetting(const char* key) const { return std::stoll(setting(key)); }
    int64_t moneySetting(const char* key) const {
        const auto fen = money::parseFen(setting(key));
        if (!fen) throw std::runtime_error(std::string("设置项不是金额: ") + key);
        return *fen;
    }
    int32_t timeSetting(const char* key) const {
        const auto t = civil::parseTime(setting(key));
        if (!t) throw std::runtime_error(std::string("设置项不是时间 HH:MM: ") + key);
        return *t;
    }
    // A decimal such as "0.5" as an exact fraction (5/10), so comparisons stay in integers.
    Ratio ratioSetting(const char* key) const {
        const std::string s = setting(key);
        int64_t num = 0, den = 1;
        bool point = false;
        for (char c : s) {
            if (c == '.' && !point) { point = true; continue; }
            if (c < '0' || c > '9') throw std::runtime_error(std::string("设置项不是小数: ") + key);
            num = num * 10 + (c - '0');
            if (point) den *= 10;
        }
        return {num, den};
    }
    // A list setting is stored as text with items separated by '|'.
    std::vector<std::string> listSetting(const char* key) const {
        std::vector<std::string> items;
        const std::string s = setting(key);
        size_t start = 0;
        while (start <= s.size()) {
            const size_t end = s.find('|', start);
            const std::string item = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (!item.empty()) items.push_back(item);
            if (end == std::string::npos) break;
            start = end + 1;
        }
        return items;
    }

    // Working-day arithmetic on the run's calendar (ABI 1.1), answered by the host from running
    // counts per year: cheap enough to call once per row. Working days d with from < d <= to
    // (negative when to < from), e.g. a case received on Monday and settled on Wednesday took 2.
    int64_t workingDaysBetween(int32_t from, int32_t to) const {
        if (hostHas11()) return api_->working_days_between(api_->host, from, to);
        if (to < from) return -workingDaysBetween(to, from);
        int64_t n = 0;
        for (int32_t d = from + 1; d <= to; ++d) n += isWorkingDay(d) ? 1 : 0;
        return n;
    }
    // The n-th working day after `day` (n > 0), the |n|-th before it (n < 0), `day` itself for
    // 0: a deadline of "10 working days after receipt" is addWorkingDays(received, 10).
    // Throws when the calendar has no such day (no working day in a hundred years).
    int32_t addWorkingDays(int32_t day, int32_t n) const {
        int32_t result = day;
        if (hostHas11()) {
            result = api_->add_working_days(api_->host, day, n);
        } else {
            for (int32_t left = n < 0 ? -n : n, steps = 0; left > 0 && result != PATROL_ABSENT_I32; ++steps) {
                result += n < 0 ? -1 : 1;
                if (isWorkingDay(result)) --left;
                if (steps > 36600) result = PATROL_ABSENT_I32;
            }
        }
        if (result == PATROL_ABSENT_I32) throw std::runtime_error("日历中找不到所需的工作日（一百年内没有工作日）");
        return result;
    }

private:
    // The host offers ABI 1.1's calls (a host refuses plugins newer than itself, so this only
    // fails for a host that hands an older table than its version says).
    bool hostHas11() const {
        return api_->abi_minor >= 1 && api_->struct_size >= offsetof(patrol_host_api, add_working_days) + sizeof(api_->add_working_days) &&
               api_->working_days_between && api_->add_working_days;
    }

    const patrol_host_api* api_;
};

class Plugin {
public:
    virtual ~Plugin() = default;
    // Run every rule whose tables are present; throw to report an error.
    virtual void run(Context& context) = 0;
};

namespace detail {
inline std::string& lastError() {
    static thread_local std::string error;
    return error;
}

// Why this plugin cannot run on the host that called it, naming both ABI versions.
inline std::string incompatibleHost(const patrol_host_api* api) {
    const std::string plugin = std::to_string(PATROL_ABI_MAJOR) + "." + std::to_string(PATROL_ABI_MINOR);
    if (!api) return "宿主没有提供接口（host 为空），本插件按插件 ABI " + plugin + " 构建";
    // The version fields come right after struct_size in every ABI, so they can be read even
    // from a host API smaller than this plugin expects.
    const std::string host = std::to_string(api->abi_major) + "." + std::to_string(api->abi_minor);
    return "宿主 ABI 不兼容：宿主提供插件 ABI " + host + "，本插件按插件 ABI " + plugin + " 构建（主版本须相同，宿主的次版本不低于插件的）。请用与宿主相同 ABI 的 SDK 重新构建插件，或换用匹配的 patrol 版本";
}

template <class P>
int runGuarded(const patrol_host_api* api) {
    lastError().clear();
    try {
        if (!api || api->struct_size < sizeof(patrol_host_api) || api->abi_major != PATROL_ABI_MAJOR) {
            lastError() = incompatibleHost(api);
            return PATROL_ERROR;
        }
        Context context(api);
        P plugin;
        plugin.run(context);
        return PATROL_OK;
    } catch (const std::exception& e) {
        lastError() = e.what();
    } catch (...) {
        lastError() = "未知异常";
    }
    return PATROL_ERROR;
}
}  // namespace detail

}  // namespace patrol::sdk

// Generates the exported entry point for plugin class `Class` with metadata id `Id`.
#define PATROL_PLUGIN(Class, Id)                                                                          \
    extern "C" PATROL_EXPORT const patrol_plugin* patrol_plugin_entry(void) {                              \
        static const patrol_plugin plugin = {sizeof(patrol_plugin), PATROL_ABI_MAJOR, PATROL_ABI_MINOR, Id,  \
                                             &::patrol::sdk::detail::runGuarded<Class>,                    \
                                             [] { return ::patrol::sdk::detail::lastError().c_str(); }};   \
        return &plugin;                                                                                   \
    }
