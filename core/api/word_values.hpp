// A word from one of the domain's closed lists (a stage, a status, a severity), checked where the
// API reads it so a refusal names the field or parameter the client sent.
#pragma once

#include <optional>
#include <string>

#include "core/domain/errors.hpp"
#include "core/domain/vocabulary.hpp"

namespace patrol::api {

// `word` itself when the vocabulary knows it; InvalidInput naming `field` (as "<where> <field>：…")
// otherwise. `where` is "字段" for a body field, "参数" for a query parameter.
template <typename E, std::size_t N>
std::optional<std::string> knownWord(const std::optional<std::string>& word, const domain::Vocabulary<E, N>& vocabulary,
                                     const std::string& where, const std::string& field) {
    if (!word) return word;
    try {
        vocabulary.parse(*word);
    } catch (const UserError& e) {
        throw InvalidInput(field, where + " " + field, std::string("：") + e.what());
    }
    return word;
}

}  // namespace patrol::api
