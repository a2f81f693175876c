// The host's census of id hashes (patrol/sdk/hash_census.hpp says how a census works): its bits
// in a mapping of their own, so that a census made on a reading thread and freed on another goes
// back to the system, not to the first thread's malloc arena.
#pragma once

#include "core/data/pod_buffer.hpp"

#include <patrol/sdk/hash_census.hpp>

#include <cstdint>

namespace patrol::data {

class IdCensus : public sdk::BasicHashCensus<PodBuffer<uint64_t>> {
public:
    IdCensus() = default;
    // Sized for about `ids` ids; the size changes only how many single ids pass for repeats.
    explicit IdCensus(uint64_t ids) : IdCensus(sdk::censusSizeFor(ids)) {}

private:
    explicit IdCensus(sdk::CensusSize size) : BasicHashCensus(size, PodBuffer<uint64_t>::zeros(size.words)) {}
};

}  // namespace patrol::data
