// A plugin that declares one of the shipped plugins' tables and rules and checks nothing: a run
// of it is the host reading the data into the plugin's columns, and printing no findings. The
// benchmark times it beside the real check (bench/run.sh, "reading alone") to tell the time any
// plugin pays before its first rule from the time its rules take.
#include <patrol/sdk/plugin.hpp>

namespace {

class ReadingOnly : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context&) override {}
};

}  // namespace

PATROL_PLUGIN(ReadingOnly, READING_ONLY_ID)
