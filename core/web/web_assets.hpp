// The files the pages are made of (web/ in the source tree, share/patrol/web once built or
// installed): Mustache templates and static files, read once when the server starts so a page
// never touches the disk and a missing file stops the start instead of a request.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace patrol::web {

struct StaticFile {
    std::string contentType;
    std::string body;
};

class WebAssets {
public:
    // Reads <folder>/templates/*.mustache and <folder>/static/*; UserError naming the folder
    // when it is missing or holds no layout template.
    static WebAssets load(const std::string& folder);

    // The template's text; InternalError for a name the build did not ship.
    const std::string& templateText(const std::string& name) const;
    const StaticFile* staticFile(const std::string& name) const;

private:
    std::map<std::string, std::string> templates_;
    std::map<std::string, StaticFile> statics_;
};

}  // namespace patrol::web
