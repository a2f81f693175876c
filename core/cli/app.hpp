// What every command receives: its parsed arguments, the settings, who is acting, and the
// streams to write to. Front-door code only: commands parse, call a service, format.
#pragma once

#include "core/cli/command.hpp"
#include "core/cli/listing.hpp"
#include "core/services/settings.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace patrol::cli {

class AppContext {
public:
    explicit AppContext(const ParsedArgs& args);

    const services::Settings& settings() const { return settings_; }
    std::string databasePath() const { return settings_.databasePath(); }
    // --user, else PATROL_USER, else the local administrator "admin".
    std::string actorName() const { return actorName_; }
    // --calendar FILE: replaces the configured calendars for this command.
    const std::optional<std::string>& calendarOverride() const { return calendarOverride_; }

private:
    services::Settings settings_;
    std::string actorName_;
    std::optional<std::string> calendarOverride_;
};

struct Invocation {
    const ParsedArgs& args;
    AppContext& app;
    std::ostream& out;
    std::ostream& err;

    ListingFormat format() const { return parseListingFormat(args.value("format"), args.has("excel")); }
};

// The standard --format option for listings, and for commands that show one record.
inline OptionSpec formatOption() { return {"format", "table|json|csv", "输出格式（默认 table）"}; }
inline OptionSpec showFormatOption() { return {"format", "table|json", "输出格式（默认 table）"}; }
// The filters listings share.
inline OptionSpec roundFilterOption() { return {"round", "CODE", "只列这一轮"}; }
inline OptionSpec unitFilterOption() { return {"unit", "CODE", "只列这个单位"}; }

}  // namespace patrol::cli
