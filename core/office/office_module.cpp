// The office module's entry: the table of its writers (core/services/office_writers.hpp).
#include "core/office/office_writers.hpp"
#include "core/services/office_writers.hpp"

extern "C" const patrol::services::OfficeWriters* patrol_office_writers() {
    static const patrol::services::OfficeWriters writers{&patrol::services::writeLedgerWorkbookNow,
                                                         &patrol::services::writeReportDocxNow};
    return &writers;
}
