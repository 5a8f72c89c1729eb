#include "TlsIdentity.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

namespace hlc::sim {

namespace {

TlsIdentity fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return TlsIdentity();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

QByteArray TlsIdentity::sha256Hex() const
{
    if (certificate.isNull())
        return {};
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

bool TlsIdentity::isNull() const
{
    return certificate.isNull() || key.isNull();
}

TlsIdentity TlsIdentity::generate(const QString& commonName, QString* error, int days)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(error, QStringLiteral("cannot create a temporary directory: %1").arg(dir.errorString()));
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    const QString certPath = dir.filePath(QStringLiteral("cert.pem"));

    // The CN must not be able to inject further subject components.
    QString cn = commonName;
    cn.remove(QLatin1Char('/')).remove(QLatin1Char('\\'));

    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath, QStringLiteral("-days"),
                   QString::number(std::max(1, days)), QStringLiteral("-subj"), QStringLiteral("/CN=") + cn,
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost")});
    if (!openssl.waitForStarted(5000))
        return fail(error, QStringLiteral("cannot run openssl: %1").arg(openssl.errorString()));
    if (!openssl.waitForFinished(30000)) {
        openssl.kill();
        openssl.waitForFinished(1000);
        return fail(error, QStringLiteral("openssl did not finish in 30 s"));
    }
    if (openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
        return fail(error, QStringLiteral("openssl req failed (exit %1): %2")
                               .arg(openssl.exitCode())
                               .arg(QString::fromLocal8Bit(openssl.readAll()).trimmed()));

    TlsIdentity id;
    const QList<QSslCertificate> certs = QSslCertificate::fromData(readAll(certPath), QSsl::Pem);
    if (certs.isEmpty())
        return fail(error, QStringLiteral("openssl wrote no readable certificate"));
    id.certificate = certs.first();
    id.key = QSslKey(readAll(keyPath), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (id.key.isNull())
        return fail(error, QStringLiteral("openssl wrote no readable EC private key"));
    if (error)
        error->clear();
    return id;
}

} // namespace hlc::sim
