// The server side of TLS (RFC 8446, RFC 5246) for `isms serve` without a reverse proxy: an
// OpenSSL context that accepts TLS 1.2 and 1.3 only, with forward-secret AEAD cipher suites
// (ECDHE with AES-GCM or ChaCha20-Poly1305; the TLS 1.3 suites), no compression and no
// renegotiation. Used by server.cpp only; handlers never see it.
#pragma once

#include <memory>
#include <string>

#include <boost/asio/ssl/context.hpp>

#include "core/error.hpp"

namespace isms::http {

/// The TLS 1.2 cipher suites offered, in order of preference (the TLS 1.3 ones are fixed).
inline constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
inline constexpr const char* kTls13Ciphers =
    "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";

/// Loads the PEM certificate chain and private key into a new server context. Errors name the
/// setting (`tls_cert`, `tls_key`): a file that is missing or unreadable, not PEM, a key that
/// is encrypted or does not belong to the certificate; a key file group or others may read is
/// refused (kPermissionDenied, "chmod 600 it").
[[nodiscard]] Result<std::unique_ptr<boost::asio::ssl::context>> MakeTlsContext(
    const std::string& cert_file, const std::string& key_file
);

}  // namespace isms::http
