// Typed access to the business_environment files as the host hands them over.
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <cstdint>

namespace patrol::plugins::business_environment {

// Index of the key_post words, in the order plugin.json declares them.
enum KeyPost : int32_t { kYes = 0, kNo = 1 };

struct Approvals {
    explicit Approvals(const sdk::Table& t)
        : rows(t.rows()), id(t.column("case_id")), unit(t.column("unit_code")), item(t.column("item")),
          applicant(t.column("applicant")), receivedOn(t.column("received_on")), completedOn(t.column("completed_on")),
          timeLimitDays(t.column("time_limit_days")) {}
    uint64_t rows;
    sdk::Column id, unit, item, applicant, receivedOn, completedOn, timeLimitDays;
};

struct Postings {
    explicit Postings(const sdk::Table& t)
        : rows(t.rows()), id(t.column("staff_id")), name(t.column("name")), unit(t.column("unit_code")), post(t.column("post")),
          keyPost(t.column("key_post")), since(t.column("since")) {}
    uint64_t rows;
    sdk::Column id, name, unit, post, keyPost, since;
};

struct Complaints {
    explicit Complaints(const sdk::Table& t)
        : rows(t.rows()), id(t.column("complaint_id")), unit(t.column("unit_code")), enterprise(t.column("enterprise")),
          category(t.column("category")), receivedOn(t.column("received_on")) {}
    uint64_t rows;
    sdk::Column id, unit, enterprise, category, receivedOn;
};

struct Arrears {
    explicit Arrears(const sdk::Table& t)
        : rows(t.rows()), id(t.column("contract_id")), unit(t.column("unit_code")), enterprise(t.column("enterprise")),
          amount(t.column("amount")), dueOn(t.column("due_on")), paidOn(t.column("paid_on")) {}
    uint64_t rows;
    sdk::Column id, unit, enterprise, amount, dueOn, paidOn;
};

struct Settings {
    int64_t rotationYears;     // BE-02
    int64_t hotspotCount;      // BE-03
    int64_t arrearsGraceDays;  // BE-04

    static Settings read(const sdk::Context& context) {
        return {context.integerSetting("rotation_years"), context.integerSetting("hotspot_count"),
                context.integerSetting("arrears_grace_days")};
    }
};

}  // namespace patrol::plugins::business_environment
