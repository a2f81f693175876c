// One line per request on stderr: time, user, method, path, status, milliseconds.
#pragma once

#include <string>

namespace patrol::http {

void logAccess(const std::string& user, const std::string& method, const std::string& path, int status, double ms);
// A failure the user was not told about in detail (a bug, an I/O error).
void logFailure(const std::string& method, const std::string& path, const std::string& what);
// A write answered 503 because the store stayed locked: the store's account, for the operator.
void logBusy(const std::string& method, const std::string& path, const std::string& what);

}  // namespace patrol::http
