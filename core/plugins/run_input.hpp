// What an isolated run's child process needs, written by the host into a sealed memory file:
// the plugin's files, the run's date and settings, and the dataset's columns exactly as the
// plugin sees them (patrol_table), so the data are read once, by the host, with one reader.
#pragma once

#include "core/data/dataset.hpp"
#include "core/plugins/plugin_metadata.hpp"

#include <patrol/plugin_abi.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace patrol::plugins {

struct RunInput {
    std::filesystem::path library;
    std::filesystem::path metadataFile;
    int32_t asOf = 0;
    std::map<std::string, std::string> settings;
};

// A memory file (close-on-exec) holding `input` and the declared tables found in `dataset`
// (none when dataset is null). Throws InternalError when the system refuses.
int writeRunInput(const RunInput& input, const PluginMetadata& metadata, const data::Dataset* dataset);

// The child's view of that file: mapped read-only, the tables pointing into the mapping.
class MappedRunInput {
public:
    explicit MappedRunInput(int fd);  // throws std::runtime_error on a malformed file
    ~MappedRunInput();
    MappedRunInput(const MappedRunInput&) = delete;
    MappedRunInput& operator=(const MappedRunInput&) = delete;

    const RunInput& input() const { return input_; }
    const patrol_table* table(const std::string& name) const;

private:
    struct Table {
        std::string name;
        std::vector<std::string> columnNames;
        std::vector<patrol_column> columns;
        patrol_table abi{};
    };
    void* base_ = nullptr;
    size_t size_ = 0;
    RunInput input_;
    std::vector<std::unique_ptr<Table>> tables_;
};

}  // namespace patrol::plugins
