// The role × endpoint matrix: one table of rows, each an endpoint called by every kind of caller
// with the status each must get. Rows live by area (matrix_<area>_rows.cpp) and are joined in
// matrixRows(). For every caller answered 404, the body must equal byte for byte the body of the
// same endpoint on a record that does not exist (with its id put in place of the missing one).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "served_world.hpp"

namespace patrol::testing {

struct MatrixRow {
    std::string method;
    std::string path;         // a concrete path on a record of the world
    std::string body;         // JSON, empty for none; valid, so a refusal can only be the caller's
    std::string missingPath;  // the same endpoint on an id that does not exist ("" when no id)
    std::string hiddenId;     // the id in `path` that `missingPath` replaces, as typed
    std::map<Caller, int> expected;  // every caller of allCallers()
    std::string contentType = "application/json";  // of `body` (uploads are multipart/form-data)
};

// Expected statuses, written compactly: admin, leader, inspector, other inspector, unit A,
// unit B; no credentials and revoked are always 401.
std::map<Caller, int> statuses(int admin, int leader, int inspector, int otherInspector, int unitA, int unitB);

std::vector<MatrixRow> taskRows(const ServedWorld& world);
// Adds a piece of evidence to the world first, so its rows change the world (matrix_task_rows.cpp).
std::vector<MatrixRow> evidenceRows(ServedWorld& world);
std::vector<MatrixRow> findingRows(const ServedWorld& world);
// Attaches a file to a finding of the world first (matrix_attachment_rows.cpp).
std::vector<MatrixRow> attachmentRows(ServedWorld& world);
// Check plugins run on uploaded CSV files.
std::vector<MatrixRow> checkRows(const ServedWorld& world);
std::vector<MatrixRow> roundRows(const ServedWorld& world);
std::vector<MatrixRow> clueRows(const ServedWorld& world);
std::vector<MatrixRow> noticeRows(const ServedWorld& world);
std::vector<MatrixRow> adminRows(const ServedWorld& world);

}  // namespace patrol::testing
