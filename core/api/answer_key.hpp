// The key under which a list answer is kept (services/answer_cache.hpp): the route, who asks
// (everything visibility is decided from) and the normalised query, each part written with its
// length so that two different requests never share a key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/services/actor.hpp"

namespace patrol::api {

class AnswerKey {
public:
    AnswerKey(const std::string& route, const services::Actor& viewer);
    AnswerKey& add(const std::optional<std::string>& part);
    AnswerKey& add(int64_t number);
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

}  // namespace patrol::api
