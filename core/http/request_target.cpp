#include "core/http/request_target.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>

#include "core/http/http_refusal.hpp"

namespace patrol::http {

namespace {

bool hasControlCharacter(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

}  // namespace

void checkRequestTarget(const std::string& uri) {
    std::string path;
    Poco::URI::QueryParameters query;
    try {
        const Poco::URI parsed(uri);
        path = parsed.getPath();
        query = parsed.getQueryParameters();
    } catch (const Poco::Exception&) {
        throw HttpRefusal(400, "malformed_uri",
                          "请求地址格式有误（百分号编码不完整，如 %ZZ），未作任何改动。请把地址中的特殊字符按 UTF-8 百分号编码后重试。");
    }
    bool control = hasControlCharacter(path);
    for (const auto& [name, value] : query) control = control || hasControlCharacter(name) || hasControlCharacter(value);
    if (control)
        throw HttpRefusal(400, "malformed_uri", "请求地址中含有控制字符（如 %00、换行），未作任何改动。请去掉这些字符后重试。");
}

}  // namespace patrol::http
