// The local files given with --evidence, opened as streams for the evidence store. Each path is
// checked on its open descriptor before anything is read: a FIFO, a directory or a device is
// refused at once instead of blocking or being read forever.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/services/evidence_store.hpp"

namespace patrol::cli {

class EvidenceFiles {
public:
    // Opens every file first, so that a bad path refuses the report before any file is read.
    // Refusals call the files `noun` and say where they were given (`given`, e.g. "--evidence").
    explicit EvidenceFiles(const std::vector<std::string>& paths, const std::string& noun = "佐证材料",
                           const std::string& given = "--evidence");
    ~EvidenceFiles();
    EvidenceFiles(const EvidenceFiles&) = delete;
    EvidenceFiles& operator=(const EvidenceFiles&) = delete;

    // One upload per file, named by its base name; refusals name the path as typed.
    std::vector<services::EvidenceUpload> uploads() const;

private:
    struct Opened;
    std::vector<std::unique_ptr<Opened>> files_;
};

}  // namespace patrol::cli
