#include "core/services/check_finding_source.hpp"

#include "core/services/fingerprint_marks.hpp"
#include "core/services/finding_service.hpp"

namespace patrol::services {

OwnedCheckFindings::OwnedCheckFindings(const std::vector<CheckFinding>& findings) : findings_(findings) {
    keys_.reserve(findings.size());
    std::string buffer;
    for (const CheckFinding& f : findings) keys_.emplace_back(services::fingerprintKey(f.fingerprint, buffer));
}

size_t OwnedCheckFindings::size() const { return findings_.size(); }

std::string_view OwnedCheckFindings::unitCode(size_t i) const { return findings_[i].unitCode; }

std::string_view OwnedCheckFindings::severity(size_t i) const { return findings_[i].severity; }

std::string_view OwnedCheckFindings::fingerprintKey(size_t i) const { return keys_[i]; }

CheckFindingFields OwnedCheckFindings::fields(size_t i, std::string&) const {
    const CheckFinding& f = findings_[i];
    CheckFindingFields out{f.plugin, f.rule, f.category, f.title, f.detail, f.severity, f.amountFen, f.refsJson, f.fingerprint, std::nullopt};
    if (f.rectificationKind) out.rectificationKind = *f.rectificationKind;
    return out;
}

}  // namespace patrol::services
