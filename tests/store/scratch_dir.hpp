// A fresh temporary folder per test, removed afterwards (also used by tests/cli): the data
// tests' TempFolder, with paths given as strings the way the store and CLI tests use them.
#pragma once

#include "data/temp_folder.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace patrol::testing {

class ScratchDir : public TempFolder {
public:
    std::string file(const std::string& name) const { return (path() / name).string(); }
    std::string write(const std::string& name, const std::string& content) const { return TempFolder::write(name, content).string(); }
};

inline std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace patrol::testing
