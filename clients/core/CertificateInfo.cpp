#include "CertificateInfo.h"

#include <QCryptographicHash>
#include <QSslCertificate>

namespace hlc {

QString CertificateInfo::groupFingerprint(const QByteArray& sha256Hex)
{
    const QByteArray hex = sha256Hex.toUpper();
    QString out;
    out.reserve(hex.size() * 3 / 2);
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        if (i > 0)
            out += QLatin1Char(':');
        out += QString::fromLatin1(hex.mid(i, 2));
    }
    return out;
}

QString CertificateInfo::groupedFingerprint() const
{
    return groupFingerprint(sha256);
}

bool CertificateInfo::isExpired(const QDateTime& now) const
{
    return (notBefore.isValid() && now < notBefore) || (notAfter.isValid() && now > notAfter);
}

CertificateInfo CertificateInfo::fromCertificate(const QSslCertificate& certificate)
{
    CertificateInfo info;
    if (certificate.isNull())
        return info;
    info.sha256 = certificate.digest(QCryptographicHash::Sha256).toHex();
    info.subject = certificate.subjectDisplayName();
    info.issuer = certificate.issuerDisplayName();
    info.notBefore = certificate.effectiveDate().toUTC();
    info.notAfter = certificate.expiryDate().toUTC();
    const auto alt = certificate.subjectAlternativeNames();
    for (auto it = alt.cbegin(); it != alt.cend(); ++it)
        info.subjectAlternativeNames << it.value();
    info.selfSigned = certificate.isSelfSigned();
    return info;
}

} // namespace hlc
