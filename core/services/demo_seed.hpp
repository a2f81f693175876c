// The demo county (清溪县): a realistic unit tree, users of every role, two rounds in
// different stages and findings in several states — written through the ordinary use cases,
// so the demo database has a full, verifiable audit log.
#pragma once

#include "core/services/feedback.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

enum class DemoSeeding { Seeded, AlreadyThere };

// Seeds an empty database once; a database already seeded is left alone. UserError for a
// database that holds other data. `onFeedback` creates the tasks when the demo round is fed back.
DemoSeeding seedDemo(store::Database& db, const FeedbackHandler& onFeedback);

}  // namespace patrol::services
