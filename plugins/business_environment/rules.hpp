// The business_environment rules of spec/datasets.md, one function per rule code.
#pragma once

#include "../shared/finding_sink.hpp"
#include "tables.hpp"

namespace patrol::plugins::business_environment {

void lateApprovals(const Approvals& a, const sdk::Context& context, FindingSink& out);            // BE-01
void rotationDue(const Postings& p, const Settings& s, int32_t asOf, FindingSink& out);           // BE-02
void complaintHotspots(const Complaints& c, const Settings& s, FindingSink& out);                 // BE-03
void arrears(const Arrears& a, const Settings& s, int32_t asOf, FindingSink& out);                // BE-04

}  // namespace patrol::plugins::business_environment
