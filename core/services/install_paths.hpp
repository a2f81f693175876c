// Where the installed (or just built) toolkit finds its own files, relative to the executable:
// <prefix>/bin/patrol, <prefix>/lib/patrol/plugins, <prefix>/lib/patrol/patrol-serve.so (the
// HTTP server, loaded by `patrol serve`), <prefix>/lib/patrol/patrol-office.so (the .xlsx and
// .docx writers), <prefix>/share/patrol/config,
// <prefix>/share/patrol/web (page templates, styles, scripts).
#pragma once

#include <string>

namespace patrol::services {

std::string executableDir();
std::string defaultPluginDir();
std::string serveModulePath();
std::string officeModulePath();
std::string shippedConfigDir();
std::string shippedWebDir();

}  // namespace patrol::services
