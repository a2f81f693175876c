// The dashboard's figures as the JSON the API answers with: the statistics tests compare the
// cached and SQL-counted figures with the plain reference through this text.
#pragma once

#include <sstream>
#include <string>

#include "core/services/statistics.hpp"

namespace patrol::testing {

inline std::string statisticsJson(const services::Statistics& statistics) {
    std::ostringstream out;
    services::statisticsView(statistics)->stringify(out);
    return out.str();
}

}  // namespace patrol::testing
