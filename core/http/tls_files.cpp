#include "core/http/tls_files.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

#include "core/domain/errors.hpp"

namespace patrol::http {

namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;
using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

// An encrypted key would make OpenSSL ask for a pass phrase on the terminal: refuse instead.
int noPassphrase(char*, int, int, void*) { return -1; }

}  // namespace

void checkTlsFiles(const std::string& certificatePath, const std::string& keyPath) {
    Bio certificateFile(BIO_new_file(certificatePath.c_str(), "r"), &BIO_free);
    Certificate certificate(certificateFile ? PEM_read_bio_X509(certificateFile.get(), nullptr, noPassphrase, nullptr) : nullptr, &X509_free);
    if (!certificate)
        throw InvalidInput("server.tls.certificate", "配置项 server.tls.certificate",
                           " 指向的文件 " + certificatePath +
                               " 不是可用的 PEM 格式证书：应以 -----BEGIN CERTIFICATE----- 开头且内容完整。请检查是否选错了文件。");
    Bio keyFile(BIO_new_file(keyPath.c_str(), "r"), &BIO_free);
    Key key(keyFile ? PEM_read_bio_PrivateKey(keyFile.get(), nullptr, noPassphrase, nullptr) : nullptr, &EVP_PKEY_free);
    if (!key)
        throw InvalidInput("server.tls.key", "配置项 server.tls.key",
                           " 指向的文件 " + keyPath +
                               " 不是可用的 PEM 格式私钥：应为未加密的私钥（-----BEGIN PRIVATE KEY----- 等）。加密的私钥请先用 openssl pkey 解密后再配置。");
    if (X509_check_private_key(certificate.get(), key.get()) != 1)
        throw InvalidInput("server.tls.key", "配置项 server.tls.key",
                           " 指向的私钥 " + keyPath + " 与证书 " + certificatePath + " 不匹配：请配置签发这张证书时生成的那把私钥。");
}

}  // namespace patrol::http
