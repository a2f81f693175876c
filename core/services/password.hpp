// Password hashing with argon2id (libargon2): a 16-byte random salt, 3 passes over 64 MiB, one
// lane, a 32-byte hash, kept in argon2's encoded form so the numbers can be raised later without
// invalidating stored hashes. At most as many hashes run at once as the machine has cores, so a
// burst of sign-ins cannot take all its memory.
#pragma once

#include <string>

namespace patrol::services {

inline constexpr unsigned kArgon2Passes = 3;
inline constexpr unsigned kArgon2MemoryKiB = 64 * 1024;
inline constexpr unsigned kArgon2Lanes = 1;

// "$argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>"
std::string hashPassword(const std::string& password);

// True when `password` matches the encoded hash. False for a wrong password and for an encoded
// text that is not an argon2id hash.
bool passwordMatches(const std::string& encodedHash, const std::string& password);

// A hash of a password nobody knows, made once with the same numbers: checked against when there
// is no real hash, so every refused sign-in takes as long as a wrong password.
const std::string& decoyPasswordHash();

}  // namespace patrol::services
