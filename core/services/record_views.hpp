// One view of each record, built once and used by every JSON output (CLI `--format json` of
// list and show, later HTTP and spreadsheets): money and counts are JSON numbers, lists are
// arrays, dates "YYYY-MM-DD", times ISO 8601 UTC, absent values null. Audit events keep their
// own builders (record_json, task_audit): `audit verify` and the hash chain depend on their text.
#pragma once

#include <Poco/Dynamic/VarHolder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

#include "core/services/clue_service.hpp"
#include "core/store/evidence_repository.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/notice_repository.hpp"
#include "core/store/progress_repository.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/task_repository.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {

// A JSON number written exactly as its text: money 520000 fen is 5200.00, never a double's
// shortest form or binary artefacts such as 0.30000000000000004.
struct JsonNumber {
    std::string text;
};
JsonNumber moneyNumber(int64_t fen);

// `withTransfer` false leaves out `transferred`: clues do not exist to a unit user.
Poco::JSON::Object::Ptr findingView(const store::FindingRecord& finding, bool withTransfer = true);
Poco::JSON::Object::Ptr taskView(const store::TaskRecord& task);
// Days from `asOf` to the task's due date; none once it is accepted.
std::optional<int64_t> daysLeft(const store::TaskRecord& task, int32_t asOf);
// A task as lists show it: its view plus days_left on `asOf`.
Poco::JSON::Object::Ptr listedTaskView(const store::TaskRecord& task, int32_t asOf);
// viewListText() of listedTaskView() for each task, written straight into the text: a county's
// 50,000 tasks print in a fraction of the time the Poco objects took. Tested against that path.
std::string listedTasksText(const std::vector<store::TaskRecord>& tasks, int32_t asOf);
Poco::JSON::Object::Ptr roundView(const store::RoundRecord& round);
Poco::JSON::Object::Ptr unitView(const store::UnitRecord& unit);
Poco::JSON::Object::Ptr clueView(const ClueView& clue);
Poco::JSON::Object::Ptr noticeView(const store::NoticeRecord& notice);
Poco::JSON::Object::Ptr progressView(const store::ProgressRecord& report);
Poco::JSON::Object::Ptr evidenceView(const store::EvidenceRecord& evidence);

// A stored JSON array (refs, recipients) as an array; text that is not one becomes its only element.
Poco::JSON::Array::Ptr storedArray(const std::string& json);

// The views as a JSON array, one element a line, the framing every list command prints.
std::string viewListText(const std::vector<Poco::JSON::Object::Ptr>& views);

}  // namespace patrol::services

// Poco prints a value it does not know by converting it to text: a JsonNumber's text goes out
// as it is, unquoted.
namespace Poco::Dynamic {
template <>
class VarHolderImpl<patrol::services::JsonNumber> : public VarHolder {
public:
    explicit VarHolderImpl(const patrol::services::JsonNumber& value) : value_(value) {}
    const std::type_info& type() const override { return typeid(patrol::services::JsonNumber); }
    void convert(std::string& out) const override { out = value_.text; }
    VarHolder* clone(Placeholder<VarHolder>* place = nullptr) const override { return cloneHolder(place, value_); }
    const patrol::services::JsonNumber& value() const { return value_; }

private:
    patrol::services::JsonNumber value_;
};
}  // namespace Poco::Dynamic
