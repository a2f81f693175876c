#include "core/web/form_fields.hpp"

#include <Poco/URI.h>

#include <algorithm>

#include "core/http/http_refusal.hpp"

namespace patrol::web {

namespace {

std::string decoded(std::string text) {
    std::replace(text.begin(), text.end(), '+', ' ');
    std::string out;
    Poco::URI::decode(text, out);
    return out;
}

}  // namespace

FormFields FormFields::read(http::Exchange& exchange) {
    const std::string type = exchange.request().getContentType();
    if (type.rfind("application/x-www-form-urlencoded", 0) != 0)
        throw http::HttpRefusal(415, "unsupported_media_type", "这个页面只接受网页表单提交，收到的是「" + type + "」。请回到页面重新填写。");
    return parse(exchange.readBody(std::min<int64_t>(http::kMaxJsonBodyBytes, exchange.context().maxBodyBytes)));
}

FormFields FormFields::parse(const std::string& body) {
    FormFields form;
    size_t start = 0;
    while (start < body.size()) {
        size_t end = body.find('&', start);
        if (end == std::string::npos) end = body.size();
        const std::string pair = body.substr(start, end - start);
        const size_t eq = pair.find('=');
        if (!pair.empty()) form.values_[decoded(pair.substr(0, eq))] = eq == std::string::npos ? "" : decoded(pair.substr(eq + 1));
        start = end + 1;
    }
    return form;
}

std::string FormFields::value(const std::string& name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? std::string() : it->second;
}

}  // namespace patrol::web
