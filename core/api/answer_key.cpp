#include "core/api/answer_key.hpp"

namespace patrol::api {

AnswerKey::AnswerKey(const std::string& route, const services::Actor& viewer) {
    add(route);
    add(viewer.userId ? std::optional(std::to_string(*viewer.userId)) : std::nullopt);
    add(viewer.name);
    add(static_cast<int64_t>(viewer.role));
    add(viewer.unitId ? std::optional(std::to_string(*viewer.unitId)) : std::nullopt);
}

AnswerKey& AnswerKey::add(const std::optional<std::string>& part) {
    // "-" for a part that is absent, "<length>:<text>" otherwise: absent and empty differ.
    text_ += part ? std::to_string(part->size()) + ":" + *part : std::string("-");
    text_ += '|';
    return *this;
}

AnswerKey& AnswerKey::add(int64_t number) { return add(std::optional(std::to_string(number))); }

}  // namespace patrol::api
