#include "http/tls_context.hpp"

#include <array>
#include <filesystem>
#include <system_error>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <unistd.h>

#include "core/private_file.hpp"

namespace isms::http {

namespace {

namespace ssl = boost::asio::ssl;

/// The first queued OpenSSL error as text (and the queue emptied).
std::string OpenSslError() {
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) {
        return "unknown OpenSSL error";
    }
    std::array<char, 256> text{};
    ERR_error_string_n(code, text.data(), text.size());
    return text.data();
}

/// Never prompts for a passphrase: an encrypted key fails to load instead.
int NoPassphrase(char* /*buf*/, int /*size*/, int /*rwflag*/, void* /*userdata*/) {
    return 0;
}

Error KeyMismatch(const std::string& cert_file, const std::string& key_file) {
    return Error::Invalid(
        "tls_key",
        "the private key " + key_file + " does not belong to the certificate " + cert_file
    );
}

}  // namespace

Result<std::unique_ptr<ssl::context>> MakeTlsContext(
    const std::string& cert_file, const std::string& key_file
) {
    if (cert_file.empty() || key_file.empty()) {
        return Error::Invalid(
            cert_file.empty() ? "tls_cert" : "tls_key",
            "HTTPS needs both tls_cert (--tls-cert) and tls_key (--tls-key)"
        );
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(cert_file, ec)
        || ::access(cert_file.c_str(), R_OK) != 0) {
        return Error::Invalid("tls_cert", "cannot read the certificate file " + cert_file);
    }
    ISMS_TRY(CheckPrivateFile(key_file, "tls_key"));
    ERR_clear_error();
    auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
    SSL_CTX* native = context->native_handle();
    if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1) {
        return Error::Internal("cannot require TLS 1.2: " + OpenSslError());
    }
    SSL_CTX_set_options(
        native, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE
    );
    if (SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1
        || SSL_CTX_set_ciphersuites(native, kTls13Ciphers) != 1
        || SSL_CTX_set1_groups_list(native, "X25519:P-256:P-384") != 1) {
        return Error::Internal("cannot configure the TLS cipher suites: " + OpenSslError());
    }
    SSL_CTX_set_default_passwd_cb(native, NoPassphrase);
    if (SSL_CTX_use_certificate_chain_file(native, cert_file.c_str()) != 1) {
        return Error::Invalid(
            "tls_cert",
            "cannot load the certificate chain " + cert_file
                + " (a PEM file, certificate first): " + OpenSslError()
        );
    }
    if (SSL_CTX_use_PrivateKey_file(native, key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
        if (ERR_GET_REASON(ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH) {
            ERR_clear_error();
            return KeyMismatch(cert_file, key_file);
        }
        return Error::Invalid(
            "tls_key",
            "cannot load the private key " + key_file
                + " (an unencrypted PEM key): " + OpenSslError()
        );
    }
    if (SSL_CTX_check_private_key(native) != 1) {
        ERR_clear_error();
        return KeyMismatch(cert_file, key_file);
    }
    return context;
}

}  // namespace isms::http
