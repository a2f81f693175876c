#include "core/services/json_text.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSONString.h>

#include "core/domain/json_escape.hpp"

#include <charconv>

namespace patrol::services {

namespace {

bool needsEscape(std::string_view text) {
    bool any = false;  // no branch per byte
    for (const char c : text) any |= domain::kJsonEscaped[static_cast<unsigned char>(c)];
    return any;
}

}  // namespace

void JsonText::separate() {
    if (needComma_) out_ += ',';
}

void JsonText::string(std::string_view text) {
    // Most texts need no escape; the rare one goes through Poco's own function, so the two writers
    // cannot disagree on how an escape is spelled.
    if (!needsEscape(text)) {
        out_ += '"';
        out_.append(text);
        out_ += '"';
        return;
    }
    out_ += Poco::toJSON(std::string(text), Poco::JSON_WRAP_STRINGS);
}

JsonText& JsonText::openWith(char bracket) {
    separate();
    out_ += bracket;
    needComma_ = false;
    return *this;
}

JsonText& JsonText::closeWith(char bracket) {
    out_ += bracket;
    needComma_ = true;
    return *this;
}

JsonText& JsonText::open() { return openWith('{'); }

JsonText& JsonText::close() { return closeWith('}'); }

JsonText& JsonText::openArray() { return openWith('['); }

JsonText& JsonText::closeArray() { return closeWith(']'); }

JsonText& JsonText::key(std::string_view name) {
    separate();
    string(name);
    out_ += ':';
    needComma_ = false;
    return *this;
}

JsonText& JsonText::value(std::string_view text) {
    separate();
    string(text);
    needComma_ = true;
    return *this;
}

JsonText& JsonText::value(int64_t number) {
    separate();
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, number).ptr);
    needComma_ = true;
    return *this;
}

JsonText& JsonText::value(const std::optional<std::string>& text) { return text ? value(*text) : null(); }

JsonText& JsonText::null() {
    separate();
    out_ += "null";
    needComma_ = true;
    return *this;
}

JsonText& JsonText::raw(std::string_view json) {
    separate();
    out_.append(json);
    needComma_ = true;
    return *this;
}

JsonText& JsonText::value(const store::StoredValue& v) {
    switch (v.type) {
        case store::StoredValue::Type::Null: return null();
        case store::StoredValue::Type::Integer: return value(v.integer);
        case store::StoredValue::Type::Text: return value(std::string_view(v.text));
        case store::StoredValue::Type::Real:
            // Rare in audited rows: spelled by Poco's own conversion, as its stringify does.
            separate();
            out_ += Poco::Dynamic::Var(v.real).convert<std::string>();
            needComma_ = true;
            return *this;
    }
    return *this;
}

JsonText& JsonText::row(const store::StoredRow& row) {
    open();
    for (const auto& [name, v] : row.columns) key(name).value(v);
    return close();
}

}  // namespace patrol::services
