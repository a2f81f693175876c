// A closed list of words (code word + Chinese label) for one domain enum, with parsing that
// names every accepted word when it refuses, so each enum does not repeat that logic.
#pragma once

#include "core/domain/excerpt.hpp"
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/errors.hpp"

namespace patrol::domain {

template <typename E>
struct Term {
    E value;
    std::string_view code;   // stored and typed by users, e.g. "fed_back"
    std::string_view label;  // shown to users, e.g. "反馈"
};

template <typename E, std::size_t N>
class Vocabulary {
public:
    constexpr Vocabulary(std::string_view what, std::array<Term<E>, N> terms) : what_(what), terms_(terms) {}

    // A code word exactly as stored or written in a file.
    std::optional<E> find(std::string_view code) const {
        for (const auto& t : terms_)
            if (t.code == code) return t.value;
        return std::nullopt;
    }

    // A word as a user types it: its code or its Chinese label (--method preliminary or
    // --method 初步核实). Refuses an unknown word with the list of accepted ones.
    E parse(std::string_view word) const {
        if (auto v = find(word)) return *v;
        for (const auto& t : terms_)
            if (t.label == word) return t.value;
        throw UserError("未知的" + std::string(what_) + "「" + excerpt(word) + "」：应为 " + choices() +
                        " 之一，请改用其中一个。");
    }

    // A code word as stored or typed: the word itself, its label, or how messages name it; an
    // unknown word is refused as by parse().
    std::string checked(std::string_view word) const { return std::string(code(parse(word))); }
    std::string labelOf(std::string_view word) const { return std::string(label(parse(word))); }
    std::string quotedOf(std::string_view word) const { return quoted(parse(word)); }

    std::string_view code(E value) const { return term(value).code; }
    std::string_view label(E value) const { return term(value).label; }

    // "「反馈」(fed_back)": how a state is named in messages.
    std::string quoted(E value) const {
        const auto& t = term(value);
        return "「" + std::string(t.label) + "」(" + std::string(t.code) + ")";
    }

    // "regular（常规巡察）、special（专项巡察）…"
    std::string choices() const {
        std::string out;
        for (const auto& t : terms_) {
            if (!out.empty()) out += "、";
            out += std::string(t.code) + "（" + std::string(t.label) + "）";
        }
        return out;
    }

    const std::array<Term<E>, N>& terms() const { return terms_; }

private:
    const Term<E>& term(E value) const {
        for (const auto& t : terms_)
            if (t.value == value) return t;
        throw InternalError("vocabulary: value outside its list");
    }

    std::string_view what_;
    std::array<Term<E>, N> terms_;
};

}  // namespace patrol::domain
