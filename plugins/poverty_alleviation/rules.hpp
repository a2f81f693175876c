// The poverty_alleviation rules of spec/datasets.md, one function per rule code.
#pragma once

#include "../shared/finding_sink.hpp"
#include "tables.hpp"

#include <vector>

namespace patrol::plugins::poverty_alleviation {

void ineligiblePayees(const Payments& p, const Households& h, FindingSink& out);                  // PA-01
void duplicatePayments(const Payments& p, FindingSink& out);                                      // PA-02
void cadreHouseholds(const Payments& p, const Cadres& c, FindingSink& out);                       // PA-03
// Payment sums per project row: every payment (PA-05), and those paid on or before as_of (PA-04).
struct ProjectSums {
    std::vector<int64_t> all, untilAsOf;
};
ProjectSums sumPayments(const Projects& pr, const Payments& p, int32_t asOf);

void idleFunds(const Projects& pr, const ProjectSums& sums, const Settings& s, int32_t asOf, FindingSink& out);  // PA-04
void overspends(const Projects& pr, const ProjectSums& sums, FindingSink& out);                                 // PA-05
void stalledProjects(const Projects& pr, int32_t asOf, FindingSink& out);                         // PA-06

}  // namespace patrol::plugins::poverty_alleviation
