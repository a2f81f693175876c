// Fuzz entry for the GB18030 converter: any bytes, converted by the table and by iconv alone,
// must give the same verdict, the same offset where they stop and the same UTF-8.
#include "core/data/gb18030.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    patrol::data::Utf8Text fast, reference;
    size_t fastStop = 0, referenceStop = 0;
    const bool fastOk = patrol::data::convertGb18030ToUtf8(bytes, fast, fastStop);
    const bool referenceOk = patrol::data::detail::convertGb18030InOnePass(bytes, reference, referenceStop);
    if (fastOk != referenceOk || fastStop != referenceStop) std::abort();
    if (fastOk && fast.view() != reference.view()) std::abort();
    return 0;
}
