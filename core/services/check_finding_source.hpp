// A check's findings as recording reads them, one at a time and by place, whether they are held
// as owned CheckFindings or as views into a run's FindingArena: a recording of hundreds of
// thousands of findings then makes no owned copy of each one on its way to SQLite.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::services {

struct CheckFinding;  // finding_service.hpp

// One finding's columns, as views valid while its source is unchanged; those written into a
// scratch string (the refs' JSON, the fingerprint's hex, copied titles and details) only until the
// next call that writes the same one.
struct CheckFindingFields {
    std::string_view plugin;
    std::string_view rule;
    std::string_view category;
    std::string_view title;
    std::string_view detail;
    std::string_view severity;
    std::optional<int64_t> amountFen;
    std::string_view refsJson;
    std::string_view fingerprint;  // as stored: the hex text
    std::optional<std::string_view> rectificationKind;
};

class CheckFindingSource {
public:
    virtual ~CheckFindingSource() = default;
    virtual size_t size() const = 0;
    // What deciding whether finding i belongs to the round needs, without building its columns.
    virtual std::string_view unitCode(size_t i) const = 0;
    virtual std::string_view severity(size_t i) const = 0;
    // What finding i's fingerprint is compared by (fingerprintKey), valid while the source is.
    virtual std::string_view fingerprintKey(size_t i) const = 0;
    // Finding i's columns; the refs' JSON text and the fingerprint's hex may be written into `scratch`.
    virtual CheckFindingFields fields(size_t i, std::string& scratch) const = 0;
    // The same columns with the title and detail copied into `scratch` too, for a reader on a
    // second thread: an arena's texts kept in a file are then read from it rather than mapped in
    // beside the first reader's (a heavy recording's peak stopped varying by up to 13 MB).
    virtual CheckFindingFields copiedFields(size_t i, std::string& scratch) const { return fields(i, scratch); }
    // Called now and then by readers going through every finding: texts read so far may be let
    // go of (plugins::FindingArena::letGoOfReadText); the fields stay readable.
    virtual void letGoOfReadText() const {}
};

// Findings already held as owned CheckFindings (the demo, callers that build them by hand).
class OwnedCheckFindings final : public CheckFindingSource {
public:
    explicit OwnedCheckFindings(const std::vector<CheckFinding>& findings);
    size_t size() const override;
    std::string_view unitCode(size_t i) const override;
    std::string_view severity(size_t i) const override;
    std::string_view fingerprintKey(size_t i) const override;
    CheckFindingFields fields(size_t i, std::string& scratch) const override;

private:
    const std::vector<CheckFinding>& findings_;
    std::vector<std::string> keys_;
};

}  // namespace patrol::services
