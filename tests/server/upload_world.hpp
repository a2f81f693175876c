// The served county with task tA1 planned, so 甲联系人 may report progress on it with evidence;
// what the door tests need around it: a config file, multipart bodies, and a footprint of
// everything a request could have written (rows and evidence files).
#pragma once

#include <string>
#include <vector>

#include "served_world.hpp"

namespace patrol::testing {

struct FormPart {
    std::string name;
    std::string content;
    std::string fileName;  // empty: a text field; else a file part with this name
};

inline const std::string kBoundary = "patrol-test-boundary-7f3a";
inline const std::string kMultipartType = "multipart/form-data; boundary=" + kBoundary;

inline FormPart field(const std::string& name, const std::string& value) { return {name, value, ""}; }
inline FormPart file(const std::string& name, const std::string& content, const std::string& fileName) { return {name, content, fileName}; }
std::string multipartBody(const std::vector<FormPart>& parts);

struct UploadWorld : ServedWorld {
    UploadWorld();
    // Writes a config file with these lines under [server] and [database] (e.g. "timeout_seconds = 2")
    // and returns the arguments that make `patrol serve` read it.
    std::vector<std::string> config(const std::vector<std::string>& serverLines, const std::vector<std::string>& databaseLines = {});
    std::string progressPath() const { return "/api/v1/tasks/" + std::to_string(tA1) + "/progress"; }
    std::string evidenceFolder() const { return (dir / "p.evidence").string(); }

    // Rows of every table a refused request must leave alone, and every file (hidden ones too)
    // under the evidence folder: equal before and after means nothing was written.
    std::string footprint();
    std::vector<std::string> evidenceFiles() const;
};

// What changed between two footprints: the lines only one of them has ("" when none).
std::string changes(const std::string& before, const std::string& after);

// The built CLI run as a user runs it: exit code and stdout + stderr.
struct CliRun {
    int exitCode = -1;
    std::string output;
};
CliRun runPatrol(const std::vector<std::string>& args);

}  // namespace patrol::testing
