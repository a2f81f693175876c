// A report as one self-contained printable HTML page: styles inline, A4 print rules, no link,
// script, font or image fetched from anywhere.
#pragma once

#include <string>
#include <vector>

#include "core/services/report_blocks.hpp"

namespace patrol::services {

std::string reportHtml(const std::string& title, const std::vector<ReportBlock>& blocks);

}  // namespace patrol::services
