#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace hlc::sim {

/// A server certificate and its private key, as the simulator presents them on HTTPS ports.
struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;
    /// Further certificates presented after the leaf (none by default). A chain that carries a pinned certificate
    /// beside another leaf is how a client that compares the wrong certificate is caught out.
    QList<QSslCertificate> chain;

    /// Lower-case hex SHA-256 digest of the DER certificate (what clients pin), no colons.
    [[nodiscard]] QByteArray sha256Hex() const;
    [[nodiscard]] bool isNull() const;

    /**
     * @brief Generates a fresh self-signed EC (prime256v1) certificate, valid for @p days days from now (90 by
     * default, as a Let's Encrypt certificate; a few days to simulate one about to expire).
     *
     * Subject CN=@p commonName, SAN IP:127.0.0.1, IP:::1, DNS:localhost. Runs `openssl req -x509` in a temporary
     * directory (blocking, about 50 ms). On failure returns a null identity and sets @p error.
     */
    static TlsIdentity generate(const QString& commonName = QStringLiteral("localhost"), QString* error = nullptr,
                                int days = 90);
};

} // namespace hlc::sim
