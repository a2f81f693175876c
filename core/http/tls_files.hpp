// The certificate and key `patrol serve` is configured with, checked before it listens: OpenSSL
// would otherwise accept a key of another certificate and fail every handshake afterwards.
#pragma once

#include <string>

namespace patrol::http {

// InvalidInput naming the setting whose file is not a PEM certificate / an unencrypted PEM
// private key, or when the key does not belong to the certificate.
void checkTlsFiles(const std::string& certificatePath, const std::string& keyPath);

}  // namespace patrol::http
