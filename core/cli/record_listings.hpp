// The listings of rounds and findings, shared by their list commands and `patrol demo`.
#pragma once

#include <vector>

#include "core/cli/listing.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/round_repository.hpp"

namespace patrol::cli {

Listing roundListing(const std::vector<store::RoundRecord>& rounds);
// `withTransfer` false drops the 已移交 column (for unit users, to whom clues do not exist).
Listing findingListing(const std::vector<store::FindingRecord>& findings, bool withTransfer = true);

}  // namespace patrol::cli
