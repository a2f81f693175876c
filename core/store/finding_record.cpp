#include "core/store/finding_record.hpp"

#include <cstdio>
#include <stdexcept>

#include "core/digest/hex.hpp"
#include "core/digest/sha256.hpp"
#include "core/store/batched_insert.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

const std::vector<std::string>& recordedFindingColumns() {
    static const std::vector<std::string> columns = {
        "id",     "round_id", "unit_id",     "category",        "title",       "detail",    "severity",
        "amount_fen", "people_count", "people_level", "source", "refs",      "fingerprint", "status",
        "dismissed_reason", "transferred", "repeat_of", "rectification_kind", "created_by", "created_at"};
    return columns;
}

void CanonicalRow::separate() { text_.push_back(text_.empty() ? '[' : ','); }

CanonicalRow& CanonicalRow::null() {
    separate();
    text_ += "null";
    return *this;
}

CanonicalRow& CanonicalRow::integer(int64_t value) {
    separate();
    text_ += std::to_string(value);
    return *this;
}

CanonicalRow& CanonicalRow::text(std::string_view value) {
    separate();
    text_.push_back('"');
    // JSON's own escapes only; other bytes (UTF-8 included) stand for themselves, so the text is
    // one-to-one with the value and quick to build.
    for (const char c : value) {
        switch (c) {
            case '"': text_ += "\\\""; break;
            case '\\': text_ += "\\\\"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    text_ += escaped;
                } else {
                    text_.push_back(c);
                }
        }
    }
    text_.push_back('"');
    return *this;
}

const std::string& CanonicalRow::finish() {
    if (text_.empty()) text_.push_back('[');
    text_.push_back(']');
    return text_;
}

std::optional<std::string> canonicalFindingRow(const StoredRow& row) {
    CanonicalRow canonical;
    for (const auto& column : recordedFindingColumns()) {
        const StoredValue* v = row.find(column);
        if (!v) return std::nullopt;
        switch (v->type) {
            case StoredValue::Type::Null: canonical.null(); break;
            case StoredValue::Type::Integer: canonical.integer(v->integer); break;
            // No findings column holds a real; one there was not written by patrol.
            case StoredValue::Type::Real: canonical.text("real:" + std::to_string(v->real)); break;
            case StoredValue::Type::Text: canonical.text(v->text); break;
        }
    }
    return canonical.finish();
}

std::string rowDigest(std::string_view canonical) {
    // Through the digest layer: a recording hashes about 100 MB of canonical rows, which the
    // CPU's SHA instructions (OpenSSL) do several times faster than Poco's portable code.
    return digest::sha256Hex(canonical);
}

RecordedRow::RecordedRow(std::string_view canonical) {
    if (!digest::readHex(store::rowDigest(canonical), digest_)) throw std::logic_error("row digest is not 64 hex digits");
}

std::string_view RecordedRow::rowDigest(std::array<char, 64>& hex) const {
    digest::writeHex(digest_, hex.data());
    return {hex.data(), hex.size()};
}

void RecordsDigest::add(int64_t findingId, std::string_view digest) {
    // "id:hex\n" per record: unambiguous, and easy to recompute by hand from the table.
    std::string line = std::to_string(findingId);
    line.push_back(':');
    line.append(digest).push_back('\n');
    sha_.update(line);
}

void insertFindingRecords(Database& db, int64_t eventId, int64_t firstFindingId, const std::vector<RecordedRow>& records) {
    // Bound in place: each row of a statement keeps its own hex until the statement has run (made
    // before the statements, it outlives them).
    std::vector<std::array<char, 64>> hex(BatchedInsert::kRows);
    BatchedInsert inserts(db, "INSERT INTO finding_records (finding_id, event_id, row_digest) VALUES ", "(?,?,?)");
    size_t done = 0;
    while (done < records.size()) {
        const auto [insert, count] = inserts.next(records.size() - done);
        for (size_t i = 0; i < count; ++i) {
            const auto& r = records[done + i];
            const int at = static_cast<int>(i) * 3;
            insert.bind(at + 1, firstFindingId + static_cast<int64_t>(done + i)).bind(at + 2, eventId).bindInPlace(at + 3, r.rowDigest(hex[i]));
        }
        insert.run();
        done += count;
    }
}

std::map<int64_t, StoredFindingRecord> readFindingRecords(Database& db) {
    std::map<int64_t, StoredFindingRecord> records;
    auto st = db.prepare("SELECT finding_id, event_id, row_digest FROM finding_records ORDER BY finding_id");
    while (st.step()) records.emplace_hint(records.end(), st.integer(0), StoredFindingRecord{st.integer(1), st.text(2)});
    return records;
}

}  // namespace patrol::store
