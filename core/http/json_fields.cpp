#include "core/http/json_fields.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <cmath>
#include <limits>

#include "core/domain/errors.hpp"
#include "core/http/http_refusal.hpp"
#include "core/http/text_checks.hpp"

namespace patrol::http {

JsonFields JsonFields::parse(const std::string& text) {
    Poco::Dynamic::Var parsed;
    try {
        parsed = Poco::JSON::Parser().parse(text);
    } catch (const Poco::Exception&) {
        throw HttpRefusal(400, "malformed_json", "请求体不是有效的 JSON：应为一个 JSON 对象，例如 {\"note\": \"…\"}。请检查引号、逗号和括号。");
    }
    if (parsed.type() != typeid(Poco::JSON::Object::Ptr))
        throw HttpRefusal(400, "malformed_json", "请求体应为一个 JSON 对象（以 { 开头），收到的是其他 JSON 值。");
    return JsonFields(parsed.extract<Poco::JSON::Object::Ptr>());
}

bool JsonFields::has(const std::string& name) const { return object_->has(name) && !object_->isNull(name); }

bool JsonFields::present(const std::string& name) {
    read_.insert(name);
    return has(name);
}

void JsonFields::wrongType(const std::string& name, const char* expected) const {
    throw HttpRefusal(400, "wrong_type", "字段 " + name + " 的类型不对：应为" + expected + "。", name);
}

void JsonFields::missing(const std::string& name) const {
    throw InvalidInput(name, "字段 " + name, " 不能为空：请求中缺少这个字段。");
}

std::optional<std::string> JsonFields::optionalText(const std::string& name) {
    if (!present(name)) return std::nullopt;
    const auto value = object_->get(name);
    if (!value.isString()) wrongType(name, "字符串");
    requireCleanText(value.extract<std::string>(), name, "字段 " + name);
    return value.extract<std::string>();
}

std::string JsonFields::text(const std::string& name) {
    auto value = optionalText(name);
    if (!value) missing(name);
    return *value;
}

std::optional<int64_t> JsonFields::optionalInteger(const std::string& name) {
    if (!present(name)) return std::nullopt;
    const auto value = object_->get(name);
    if (!value.isInteger()) {
        // The parser keeps 40.0 as a double: accept it only when it is a whole number.
        if (value.isNumeric() && !value.isBoolean()) {
            const double d = value.convert<double>();
            if (std::floor(d) == d && std::fabs(d) < 9.0e15) return static_cast<int64_t>(d);
        }
        wrongType(name, "整数");
    }
    if (value.isBoolean()) wrongType(name, "整数");
    return value.convert<int64_t>();
}

int64_t JsonFields::integer(const std::string& name) {
    auto value = optionalInteger(name);
    if (!value) missing(name);
    return *value;
}

bool JsonFields::flag(const std::string& name, bool otherwise) {
    if (!present(name)) return otherwise;
    const auto value = object_->get(name);
    if (!value.isBoolean()) wrongType(name, " true 或 false");
    return value.extract<bool>();
}

std::vector<int64_t> JsonFields::integers(const std::string& name) {
    std::vector<int64_t> out;
    if (!present(name)) return out;
    const auto value = object_->get(name);
    if (value.type() != typeid(Poco::JSON::Array::Ptr)) wrongType(name, "整数数组");
    for (const auto& item : *value.extract<Poco::JSON::Array::Ptr>()) {
        if (!item.isInteger() || item.isBoolean()) wrongType(name, "整数数组");
        out.push_back(item.convert<int64_t>());
    }
    return out;
}

std::vector<std::string> JsonFields::texts(const std::string& name) {
    std::vector<std::string> out;
    if (!present(name)) return out;
    const auto value = object_->get(name);
    if (value.type() != typeid(Poco::JSON::Array::Ptr)) wrongType(name, "字符串数组");
    for (const auto& item : *value.extract<Poco::JSON::Array::Ptr>()) {
        if (!item.isString()) wrongType(name, "字符串数组");
        requireCleanText(item.extract<std::string>(), name, "字段 " + name);
        out.push_back(item.extract<std::string>());
    }
    return out;
}

std::optional<std::string> JsonFields::optionalAmount(const std::string& name) {
    if (!present(name)) return std::nullopt;
    const auto value = object_->get(name);
    if (value.isString()) return value.extract<std::string>();
    if (value.isNumeric() && !value.isBoolean()) return value.convert<std::string>();
    wrongType(name, "金额（数字或 \"5200.00\" 这样的字符串）");
}

void JsonFields::finish() const {
    for (const auto& name : object_->getNames())
        if (!read_.count(name))
            throw HttpRefusal(400, "unknown_field", "不认识的字段 " + name + "：这个接口不接受它。请检查拼写，或查阅 docs/api.md。", name);
}

}  // namespace patrol::http
