// Findings recorded in bulk (schema v7): one audit event per check run, and per finding the
// SHA-256 of its canonical content as recorded. The canonical content is the finding's row,
// column by column in the order of kRecordedFindingColumns, written as a JSON array; the same
// text is built from the values being inserted and, by `audit verify`, from the stored row.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/digest/sha256.hpp"
#include "core/store/audited_rows.hpp"

namespace patrol::store {

class Database;

// The audit event's entity and action of a bulk recording.
inline constexpr const char* kCheckRunEntity = "check_run";
inline constexpr const char* kCheckRunAction = "finding.record_check";

// The findings columns the digest covers, in this order. A column added to findings later is
// not covered by records written before it, so this list never changes.
const std::vector<std::string>& recordedFindingColumns();

// Appends values one by one to a finding's canonical text: a JSON array of the columns.
class CanonicalRow {
public:
    CanonicalRow& null();
    CanonicalRow& integer(int64_t value);
    CanonicalRow& text(std::string_view value);
    CanonicalRow& optionalInteger(const std::optional<int64_t>& value) { return value ? integer(*value) : null(); }
    CanonicalRow& optionalText(const std::optional<std::string>& value) { return value ? text(*value) : null(); }
    // The finished text; the builder may be cleared and reused for the next row.
    const std::string& finish();
    void clear() { text_.clear(); }

private:
    void separate();
    std::string text_;
};

// The canonical text of a stored findings row (as read by readStoredRows), or nullopt when it
// lacks one of the recorded columns.
std::optional<std::string> canonicalFindingRow(const StoredRow& row);

// SHA-256 of the canonical text (hex).
std::string rowDigest(std::string_view canonical);

// One finding's record as a recording writes it: the digest held in place, not as a string of
// its own (a heavy recording holds 329,613 of them until its audit event is written). Which
// finding it is follows from its place: a run's findings take consecutive ids.
struct RecordedRow {
    explicit RecordedRow(std::string_view canonical);
    // rowDigest(canonical) as hex, written into `hex`; the view returned points into it.
    std::string_view rowDigest(std::array<char, 64>& hex) const;

private:
    // As bytes, half the size of its hex, and no id: 32 bytes a record rather than 72 as hex with
    // its id, 13 MB less for a recording of 330,000 findings.
    std::array<uint8_t, 32> digest_{};
};

// The digest over a run's records in finding id order that its audit event carries (hex).
class RecordsDigest {
public:
    void add(int64_t findingId, std::string_view rowDigest);
    std::string hex() { return sha_.hex(); }

private:
    digest::Sha256Stream sha_;
};

// Stores a run's records under its audit event (records[i] is finding firstFindingId + i); inside
// the recording's transaction.
void insertFindingRecords(Database& db, int64_t eventId, int64_t firstFindingId, const std::vector<RecordedRow>& records);

struct StoredFindingRecord {
    int64_t eventId = 0;
    std::string rowDigest;
};

// Every stored record, by finding id.
std::map<int64_t, StoredFindingRecord> readFindingRecords(Database& db);

}  // namespace patrol::store
