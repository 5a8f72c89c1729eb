#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

class QSslCertificate;

namespace hlc {

/**
 * @brief What a person needs to decide whether to trust a server certificate: who it names, who issued it, when it
 * is valid, the names it covers and its SHA-256 fingerprint (the value that is pinned).
 */
struct CertificateInfo
{
    QByteArray sha256;                   ///< SHA-256 of the DER certificate, lower-case hex, no separators
    QString subject;                     ///< e.g. "CN=pve-thinkpad, O=PVE Cluster Node"
    QString issuer;                      ///< e.g. "CN=Proxmox Virtual Environment, O=PVE Cluster Manager CA"
    QDateTime notBefore;                 ///< UTC
    QDateTime notAfter;                  ///< UTC
    QStringList subjectAlternativeNames; ///< DNS names and IP addresses
    bool selfSigned = false;             ///< subject == issuer

    [[nodiscard]] bool isNull() const { return sha256.isEmpty(); }
    /// "AB:CD:EF:...", upper-case pairs, for comparing with `openssl x509 -fingerprint -sha256` or reading aloud.
    [[nodiscard]] QString groupedFingerprint() const;
    /// True when @p now lies outside notBefore..notAfter.
    [[nodiscard]] bool isExpired(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

    [[nodiscard]] static CertificateInfo fromCertificate(const QSslCertificate& certificate);
    /// Groups any lower/upper-case hex fingerprint as groupedFingerprint() does.
    [[nodiscard]] static QString groupFingerprint(const QByteArray& sha256Hex);
};

} // namespace hlc
