// Bulk review from the command line: `finding confirm|dismiss` with several numbers or a filter,
// which asks for --yes before deciding more than one finding.
#pragma once

#include <vector>

#include "core/cli/app.hpp"
#include "core/domain/finding_status.hpp"

namespace patrol::cli {

// The options that choose findings by filter, plus --yes.
std::vector<OptionSpec> bulkReviewOptions();

// More than one number, or any filter: the bulk form rather than the single-finding one.
bool isBulkReview(const Invocation& inv);

int runBulkReview(Invocation& inv, domain::FindingEvent event);

}  // namespace patrol::cli
