#include "core/services/check_finding_source.hpp"

#include "core/services/finding_service.hpp"

namespace patrol::services {

size_t OwnedCheckFindings::size() const { return findings_.size(); }

std::string_view OwnedCheckFindings::unitCode(size_t i) const { return findings_[i].unitCode; }

std::string_view OwnedCheckFindings::severity(size_t i) const { return findings_[i].severity; }

std::string_view OwnedCheckFindings::fingerprint(size_t i) const { return findings_[i].fingerprint; }

CheckFindingFields OwnedCheckFindings::fields(size_t i, std::string&) const {
    const CheckFinding& f = findings_[i];
    CheckFindingFields out{f.plugin, f.rule, f.category, f.title, f.detail, f.severity, f.amountFen, f.refsJson, f.fingerprint, std::nullopt};
    if (f.rectificationKind) out.rectificationKind = *f.rectificationKind;
    return out;
}

}  // namespace patrol::services
