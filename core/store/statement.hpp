// A prepared SQLite statement with typed binding and reading; finalized on destruction, or
// handed back to its connection's cache for reuse.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace patrol::store {

class StatementCache;

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    // Taken from `cache` (or prepared) and given back to it when destroyed.
    Statement(sqlite3* db, std::string_view sql, StatementCache& cache);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;

    // Parameters are numbered from 1, as in SQLite.
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value ? 1 : 0)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullopt_t);
    // Binds a text without copying it, for inserts by the hundred thousand, where a copy and an
    // allocation per text took a tenth of the inserting thread. The text must stay unchanged
    // until the statement has run.
    Statement& bindInPlace(int index, std::string_view value);
    Statement& bindInPlace(int index, const std::string& value) { return bindInPlace(index, std::string_view(value)); }
    Statement& bindInPlace(int index, std::string&& value) = delete;  // a temporary would be gone before the statement runs
    Statement& bindInPlace(int index, const std::optional<std::string_view>& value) {
        return value ? bindInPlace(index, *value) : bind(index, std::nullopt);
    }
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }

    // Binds every argument in order, starting at parameter 1.
    template <typename... Args>
    Statement& bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // Advances to the next row; false when there are no more.
    bool step();

    // Every remaining row, read by `read(const Statement&)`.
    template <typename Read>
    auto collect(Read read) -> std::vector<decltype(read(*this))> {
        std::vector<decltype(read(*this))> rows;
        while (step()) rows.push_back(read(*this));
        return rows;
    }

    // The next row read by `read`, or none.
    template <typename Read>
    auto first(Read read) -> std::optional<decltype(read(*this))> {
        if (!step()) return std::nullopt;
        return read(*this);
    }
    // Runs a statement that returns no rows.
    void run();
    void reset();

    bool isNull(int column) const;
    int64_t integer(int column) const;
    std::string text(int column) const;
    // The same text without a copy: valid only until the next step, reset or column call.
    std::string_view textView(int column) const;
    std::optional<int64_t> optionalInteger(int column) const;
    std::optional<std::string> optionalText(int column) const;
    // SQLite's own statement, for readers that need its column calls (names, storage types).
    sqlite3_stmt* handle() const { return stmt_; }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_;
    StatementCache* cache_ = nullptr;
};

}  // namespace patrol::store
