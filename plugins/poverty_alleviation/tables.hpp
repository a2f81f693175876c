// Typed access to the poverty_alleviation files as the host hands them over.
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <cstdint>

namespace patrol::plugins::poverty_alleviation {

// Indexes of the household status words, in the order plugin.json declares them.
enum Status : int32_t { kActive = 0, kExited = 1, kRemoved = 2 };

struct Households {
    explicit Households(const sdk::Table& t)
        : rows(t.rows()), id(t.column("household_id")), status(t.column("status")), changedOn(t.column("status_changed_on")) {}
    uint64_t rows;
    sdk::Column id, status, changedOn;
};

struct Cadres {
    explicit Cadres(const sdk::Table& t)
        : rows(t.rows()), id(t.column("cadre_id")), name(t.column("name")), post(t.column("post")),
          household(t.column("household_id")) {}
    uint64_t rows;
    sdk::Column id, name, post, household;
};

struct Projects {
    explicit Projects(const sdk::Table& t)
        : rows(t.rows()), id(t.column("project_id")), unit(t.column("unit_code")), name(t.column("name")),
          budget(t.column("budget")), fundsArrivedOn(t.column("funds_arrived_on")),
          plannedCompletion(t.column("planned_completion")), actualCompletion(t.column("actual_completion")) {}
    uint64_t rows;
    sdk::Column id, unit, name, budget, fundsArrivedOn, plannedCompletion, actualCompletion;
};

struct Payments {
    explicit Payments(const sdk::Table& t)
        : rows(t.rows()), id(t.column("payment_id")), unit(t.column("unit_code")), project(t.column("project_id")),
          program(t.column("program")), household(t.column("household_id")), payee(t.column("payee_name")),
          amount(t.column("amount")), paidOn(t.column("paid_on")) {}
    uint64_t rows;
    sdk::Column id, unit, project, program, household, payee, amount, paidOn;
};

struct Settings {
    int64_t idleDays;        // PA-04
    sdk::Ratio idleRatio;    // PA-04, exact fraction

    static Settings read(const sdk::Context& context) {
        return {context.integerSetting("idle_days"), context.ratioSetting("idle_ratio")};
    }
};

}  // namespace patrol::plugins::poverty_alleviation
