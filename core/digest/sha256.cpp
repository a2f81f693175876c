#include "core/digest/sha256.hpp"

#include "core/digest/hex.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <dlfcn.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

namespace patrol::digest {

namespace {

#define PATROL_TEXT_OF(x) #x
#define PATROL_TEXT(x) PATROL_TEXT_OF(x)

// OpenSSL uses the CPU's SHA instructions where it has them: a mass escalation hashes about
// 85 MB of audit events, which Poco's portable code took half a second for. But linked at
// start-up, libcrypto made every command resolve about 3,400 symbols, and its first digest
// sets up OpenSSL's providers: together about a quarter of the CPU of a one-line write, whose
// audit event is a few kilobytes that the portable code hashes in microseconds.
class OpenSslDigest {
public:
    OpenSslDigest() {
        // Never closed: libcrypto cannot be unloaded cleanly, and the process may hash again.
        void* library = ::dlopen("libcrypto.so." PATROL_TEXT(OPENSSL_SHLIB_VERSION), RTLD_NOW | RTLD_LOCAL);
        if (!library) return;
        digest_ = reinterpret_cast<decltype(&EVP_Digest)>(::dlsym(library, "EVP_Digest"));
        sha256_ = reinterpret_cast<decltype(&EVP_sha256)>(::dlsym(library, "EVP_sha256"));
        newContext_ = reinterpret_cast<decltype(&EVP_MD_CTX_new)>(::dlsym(library, "EVP_MD_CTX_new"));
        freeContext_ = reinterpret_cast<decltype(&EVP_MD_CTX_free)>(::dlsym(library, "EVP_MD_CTX_free"));
        init_ = reinterpret_cast<decltype(&EVP_DigestInit_ex)>(::dlsym(library, "EVP_DigestInit_ex"));
        update_ = reinterpret_cast<decltype(&EVP_DigestUpdate)>(::dlsym(library, "EVP_DigestUpdate"));
        final_ = reinterpret_cast<decltype(&EVP_DigestFinal_ex)>(::dlsym(library, "EVP_DigestFinal_ex"));
        // Fetched once: EVP_Digest with EVP_sha256() looks the algorithm up among the providers
        // and makes a context on every call. For a heavy check's 326,111 fingerprints of a few
        // dozen bytes each, that made sealing the findings take 0.21 s instead of 0.13 s.
        if (const auto fetch = reinterpret_cast<decltype(&EVP_MD_fetch)>(::dlsym(library, "EVP_MD_fetch")))
            fetched_ = fetch(nullptr, "SHA256", nullptr);  // never freed, as the library
    }

    std::optional<std::string> hex(std::string_view bytes) const {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (fetched_ && init_ && update_ && final_) {
            if (EVP_MD_CTX* context = threadContext(); context && init_(context, fetched_, nullptr) == 1 &&
                                                        update_(context, bytes.data(), bytes.size()) == 1 &&
                                                        final_(context, digest, &length) == 1)
                return hexOf(digest, length);
        }
        if (!digest_ || !sha256_) return std::nullopt;
        if (digest_(bytes.data(), bytes.size(), digest, &length, sha256_(), nullptr) != 1) return std::nullopt;
        return hexOf(digest, length);
    }

    // The digest of what `in` holds, read in blocks; nullopt when OpenSSL is missing or the
    // stream fails (the caller then tells a file it cannot read from a missing library).
    std::optional<std::string> hexOfStream(std::istream& in) const {
        if (!sha256_ || !newContext_ || !freeContext_ || !init_ || !update_ || !final_) return std::nullopt;
        std::unique_ptr<EVP_MD_CTX, decltype(freeContext_)> context(newContext_(), freeContext_);
        if (!context || init_(context.get(), sha256_(), nullptr) != 1) return std::nullopt;
        std::vector<char> block(1 << 20);
        while (in) {
            in.read(block.data(), static_cast<std::streamsize>(block.size()));
            if (in.gcount() > 0 && update_(context.get(), block.data(), static_cast<size_t>(in.gcount())) != 1)
                return std::nullopt;
        }
        if (in.bad()) return std::nullopt;
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (final_(context.get(), digest, &length) != 1) return std::nullopt;
        return hexOf(digest, length);
    }

    // A context for a digest fed piece by piece (freed by finish), or nullptr without OpenSSL.
    EVP_MD_CTX* begin() const {
        if (!newContext_ || !freeContext_ || !init_ || !update_ || !final_ || !(fetched_ || sha256_)) return nullptr;
        EVP_MD_CTX* context = newContext_();
        if (context && init_(context, fetched_ ? fetched_ : sha256_(), nullptr) != 1) {
            freeContext_(context);
            return nullptr;
        }
        return context;
    }
    bool update(EVP_MD_CTX* context, std::string_view bytes) const { return update_(context, bytes.data(), bytes.size()) == 1; }
    // The digest of what `context` was given; frees it. nullopt when OpenSSL failed.
    std::optional<std::string> finish(EVP_MD_CTX* context) const {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        const bool done = final_(context, digest, &length) == 1;
        freeContext_(context);
        if (!done) return std::nullopt;
        return hexOf(digest, length);
    }
    void discard(EVP_MD_CTX* context) const { freeContext_(context); }

private:
    // One context per thread, made on its first digest and reused for every later one.
    EVP_MD_CTX* threadContext() const {
        if (!newContext_ || !freeContext_) return nullptr;
        thread_local const std::unique_ptr<EVP_MD_CTX, decltype(freeContext_)> context(newContext_(), freeContext_);
        return context.get();
    }

    static std::string hexOf(const unsigned char* digest, unsigned int length) {
        std::string hex(2 * length, '0');
        writeHex({digest, length}, hex.data());
        return hex;
    }

    decltype(&EVP_Digest) digest_ = nullptr;
    decltype(&EVP_sha256) sha256_ = nullptr;
    decltype(&EVP_MD_CTX_new) newContext_ = nullptr;
    decltype(&EVP_MD_CTX_free) freeContext_ = nullptr;
    decltype(&EVP_DigestInit_ex) init_ = nullptr;
    decltype(&EVP_DigestUpdate) update_ = nullptr;
    decltype(&EVP_DigestFinal_ex) final_ = nullptr;
    EVP_MD* fetched_ = nullptr;
};

const OpenSslDigest& openSsl() {
    static const OpenSslDigest loaded;  // loaded once, on first use, safely from any thread
    return loaded;
}

// What the portable code may hash in one process before OpenSSL is worth loading: at about
// 170 MB/s it takes 1.5 ms, about half of what loading and setting up libcrypto costs.
constexpr size_t kPlainBudget = 256 << 10;
std::atomic<size_t> hashedPlainly{0};

}  // namespace

std::string sha256Hex(std::string_view bytes) {
    if (bytes.size() < kPlainBudget && hashedPlainly.fetch_add(bytes.size(), std::memory_order_relaxed) < kPlainBudget)
        return sha256HexPlainly(bytes);
    if (auto quick = sha256HexByOpenSsl(bytes)) return *quick;
    return sha256HexPlainly(bytes);
}

std::optional<std::string> sha256HexByOpenSsl(std::string_view bytes) { return openSsl().hex(bytes); }

std::string sha256HexPlainly(std::string_view bytes) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

// Files are data sets and evidence, megabytes each: OpenSSL hashes them at the CPU's SHA speed
// (a heavy check's 48 MB took the portable code 0.3 s). Read rather than mapped, so a file cut
// short meanwhile is a read error, not a SIGBUS.
std::optional<std::string> sha256OfFile(const std::string& path) {
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) return std::nullopt;
        if (auto quick = openSsl().hexOfStream(in)) return quick;
    }
    return sha256OfFilePlainly(path);
}

std::optional<std::string> sha256OfFilePlainly(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    char buffer[65536];
    while (in) {
        in.read(buffer, sizeof buffer);
        if (in.gcount() > 0) engine.update(buffer, static_cast<unsigned>(in.gcount()));
    }
    if (in.bad()) return std::nullopt;
    return Poco::DigestEngine::digestToHex(engine.digest());
}

// The first bytes are held back: a stream that stays small (one finding recorded) is hashed by
// the portable code and never loads OpenSSL. One that grows past kPlainBudget (a heavy
// recording's records are about 24 MB, 0.14 s at the portable code's 170 MB/s; 50,000 rises'
// records 5.5 MB) goes to OpenSSL, held-back bytes first; without OpenSSL the portable code takes
// everything.
struct Sha256Stream::Engine {
    std::string held;
    EVP_MD_CTX* quick = nullptr;  // OpenSSL's context once the stream is large
    std::unique_ptr<Poco::SHA2Engine> plain;  // when OpenSSL cannot be loaded

    ~Engine() { reset(); }
    void reset() {
        if (quick) openSsl().discard(quick);
        quick = nullptr;
        plain.reset();
        held.clear();
    }
    void update(std::string_view bytes) {
        if (quick) {
            if (openSsl().update(quick, bytes)) return;
            // OpenSSL failed midway: what it was given is lost, so the bytes cannot be hashed at all.
            throw std::runtime_error("OpenSSL SHA-256 failed while digesting a stream");
        }
        if (plain) {
            plain->update(bytes.data(), static_cast<unsigned>(bytes.size()));
            return;
        }
        held.append(bytes);
        if (held.size() < kPlainBudget) return;
        quick = openSsl().begin();
        if (quick && openSsl().update(quick, held)) {
            std::string().swap(held);
            return;
        }
        if (quick) openSsl().discard(quick);
        quick = nullptr;
        plain = std::make_unique<Poco::SHA2Engine>(Poco::SHA2Engine::SHA_256);
        plain->update(held.data(), static_cast<unsigned>(held.size()));
        std::string().swap(held);
    }
    std::string hex() {
        std::string out;
        if (quick) {
            auto digest = openSsl().finish(quick);
            quick = nullptr;
            if (!digest) throw std::runtime_error("OpenSSL SHA-256 failed while finishing a stream");
            out = std::move(*digest);
        } else if (plain) {
            out = Poco::DigestEngine::digestToHex(plain->digest());
        } else {
            out = sha256HexPlainly(held);
        }
        reset();
        return out;
    }
};

Sha256Stream::Sha256Stream() : engine_(std::make_unique<Engine>()) {}
Sha256Stream::~Sha256Stream() = default;
Sha256Stream::Sha256Stream(Sha256Stream&&) noexcept = default;
Sha256Stream& Sha256Stream::operator=(Sha256Stream&&) noexcept = default;

void Sha256Stream::update(std::string_view bytes) { engine_->update(bytes); }

std::string Sha256Stream::hex() { return engine_->hex(); }

}  // namespace patrol::digest
