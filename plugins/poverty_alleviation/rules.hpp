// The poverty_alleviation rules of spec/datasets.md, one function per rule code.
#pragma once

#include "../shared/finding_sink.hpp"
#include "tables.hpp"

#include <optional>

namespace patrol::plugins::poverty_alleviation {

void ineligiblePayees(const Payments& p, const Households& h, FindingSink& out);                  // PA-01
void duplicatePayments(const Payments& p, FindingSink& out);                                      // PA-02
void cadreHouseholds(const Payments& p, const Cadres& c, FindingSink& out);                       // PA-03
void idleFunds(const Projects& pr, const Payments& p, const Settings& s, int32_t asOf, FindingSink& out);  // PA-04
void overspends(const Projects& pr, const Payments& p, FindingSink& out);                         // PA-05
void stalledProjects(const Projects& pr, int32_t asOf, FindingSink& out);                         // PA-06

}  // namespace patrol::plugins::poverty_alleviation
