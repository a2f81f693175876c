// JSON written straight into a string, byte for byte as jsonText() (Poco's stringify, compact,
// keys in the order given) writes the same values. For records written by the ten thousand, such
// as the audit events of a mass escalation, where building Poco objects took most of the time;
// tests compare both writers on the same records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/store/audited_rows.hpp"

namespace patrol::services {

class JsonText {
public:
    JsonText() = default;
    // Writes into `buffer`, emptied first: handing the same buffer back and forth (take()) spares
    // an allocation per text when texts are written by the hundred thousand.
    explicit JsonText(std::string&& buffer) : out_(std::move(buffer)) { out_.clear(); }
    JsonText& open();
    JsonText& close();
    JsonText& openArray();
    JsonText& closeArray();
    JsonText& key(std::string_view name);
    JsonText& value(std::string_view text);
    JsonText& value(const std::string& text) { return value(std::string_view(text)); }
    JsonText& value(const char* text) { return value(std::string_view(text)); }
    JsonText& value(int64_t number);
    JsonText& value(const std::optional<std::string>& text);
    JsonText& null();
    // A value already written as JSON by another writer, copied as it is.
    JsonText& raw(std::string_view json);
    // A stored column's value as storedValueJson() gives it to Poco.
    JsonText& value(const store::StoredValue& stored);
    // A stored row as storedRowJson() gives it: its columns in table order.
    JsonText& row(const store::StoredRow& row);
    template <typename T>
    JsonText& field(std::string_view name, const T& v) {
        return key(name).value(v);
    }

    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void separate();
    // An object or array: opened after a comma when one is due, closed as a value done.
    JsonText& openWith(char bracket);
    JsonText& closeWith(char bracket);
    void string(std::string_view text);
    std::string out_;
    bool needComma_ = false;
};

}  // namespace patrol::services
