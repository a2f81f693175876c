// argon2id hashes: the documented cost, a salt of their own, only the right password matches.
#include <catch2/catch.hpp>

#include "core/services/password.hpp"

using namespace patrol::services;

TEST_CASE("a password is hashed with argon2id at 3 passes over 64 MiB, salted anew each time") {
    const std::string first = hashPassword("清溪县巡察办第三组2026");
    CHECK(first.rfind("$argon2id$v=19$m=65536,t=3,p=1$", 0) == 0);
    CHECK(first.find("清溪") == std::string::npos);
    const std::string second = hashPassword("清溪县巡察办第三组2026");
    CHECK(second != first);
    CHECK(passwordMatches(first, "清溪县巡察办第三组2026"));
    CHECK(passwordMatches(second, "清溪县巡察办第三组2026"));
    CHECK_FALSE(passwordMatches(first, "清溪县巡察办第三组2025"));
    CHECK_FALSE(passwordMatches(first, ""));
    CHECK_FALSE(passwordMatches("not an argon2 hash", "清溪县巡察办第三组2026"));
}

TEST_CASE("the decoy checked for names without a password is a real hash nobody's password matches") {
    CHECK(decoyPasswordHash().rfind("$argon2id$v=19$m=65536,t=3,p=1$", 0) == 0);
    CHECK(&decoyPasswordHash() == &decoyPasswordHash());
    CHECK_FALSE(passwordMatches(decoyPasswordHash(), ""));
}
