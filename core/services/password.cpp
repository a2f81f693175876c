#include "core/services/password.hpp"

#include <argon2.h>

#include <algorithm>
#include <semaphore>
#include <thread>
#include <vector>

#include "core/domain/errors.hpp"
#include "core/services/secrets.hpp"

namespace patrol::services {

namespace {

constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

// Each hash holds 64 MiB while it runs; more at once than cores only queues in memory.
std::counting_semaphore<>& hashingSlots() {
    static std::counting_semaphore<> slots(std::max<std::ptrdiff_t>(1, std::thread::hardware_concurrency()));
    return slots;
}

struct Slot {
    Slot() { hashingSlots().acquire(); }
    ~Slot() { hashingSlots().release(); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
};

}  // namespace

std::string hashPassword(const std::string& password) {
    const std::string salt = randomBytes(kSaltBytes);
    std::vector<char> encoded(argon2_encodedlen(kArgon2Passes, kArgon2MemoryKiB, kArgon2Lanes, kSaltBytes, kHashBytes,
                                                Argon2_id));
    int rc;
    {
        Slot slot;
        rc = argon2id_hash_encoded(kArgon2Passes, kArgon2MemoryKiB, kArgon2Lanes, password.data(), password.size(),
                                   salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
    }
    if (rc != ARGON2_OK) throw InternalError(std::string("argon2id hashing failed: ") + argon2_error_message(rc));
    return encoded.data();
}

bool passwordMatches(const std::string& encodedHash, const std::string& password) {
    Slot slot;
    return argon2id_verify(encodedHash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

const std::string& decoyPasswordHash() {
    static const std::string decoy = hashPassword(randomHex(32));
    return decoy;
}

}  // namespace patrol::services
