// SHA-256 as lowercase hex, for the audit chain, token hashes and backup manifests.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace patrol::digest {

// Small inputs are hashed by Poco's portable code until a process has hashed a few hundred
// kilobytes that way; larger inputs, and everything after that, by OpenSSL, loaded on first use.
std::string sha256Hex(std::string_view bytes);
// The same digest by Poco's portable code: the reference the others are tested against.
std::string sha256HexPlainly(std::string_view bytes);
// The same digest by OpenSSL (loaded now if it was not yet); nullopt when it cannot be loaded.
std::optional<std::string> sha256HexByOpenSsl(std::string_view bytes);

// SHA-256 of a file's bytes, read in blocks; nullopt when the file cannot be read. By OpenSSL,
// or by the portable code when OpenSSL cannot be loaded.
std::optional<std::string> sha256OfFile(const std::string& path);
// The same by Poco's portable code: the reference the other is tested against.
std::optional<std::string> sha256OfFilePlainly(const std::string& path);

// SHA-256 of bytes given piece by piece (the digest over a run's records, line by line): by
// Poco's portable code while the stream is small, by OpenSSL once it grows past a few hundred
// kilobytes (and by the portable code throughout when OpenSSL cannot be loaded).
class Sha256Stream {
public:
    Sha256Stream();
    ~Sha256Stream();
    Sha256Stream(Sha256Stream&&) noexcept;
    Sha256Stream& operator=(Sha256Stream&&) noexcept;
    void update(std::string_view bytes);
    // The digest of everything given so far, as lowercase hex; the stream starts over.
    std::string hex();

private:
    struct Engine;
    std::unique_ptr<Engine> engine_;
};

}  // namespace patrol::digest
