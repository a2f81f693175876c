// The listings of rounds and findings, shared by their list commands and `patrol demo`.
#pragma once

#include <ostream>
#include <vector>

#include "core/cli/listing.hpp"
#include "core/cli/plugin_names.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/round_repository.hpp"

namespace patrol::cli {

Listing roundListing(const std::vector<store::RoundRecord>& rounds);
// `withTransfer` false drops the 已移交 column (for unit users, to whom clues do not exist).
// A table names categories and sources as `names` does; JSON and CSV keep the stored codes.
Listing findingListing(const std::vector<store::FindingRecord>& findings, const PluginNames& names, bool withTransfer = true);

// A list command's output: the records' views (services/record_views) as a JSON array, the
// listing as a table or CSV.
void printRounds(std::ostream& out, const std::vector<store::RoundRecord>& rounds, ListingFormat format);
void printFindings(std::ostream& out, const std::vector<store::FindingRecord>& findings, const PluginNames& names,
                   bool withTransfer, ListingFormat format);

}  // namespace patrol::cli
