#include "core/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcInstance, "hlc.app.instance")

namespace hlc {

namespace {
constexpr QByteArrayView kShow = "show\n";
constexpr QByteArrayView kOk = "ok\n";
} // namespace

SingleInstance::SingleInstance(QString key, QObject* parent)
    : QObject(parent)
    , m_path(socketPath(key))
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::socketPath(const QString& key)
{
    // The key may be a long path: its hash keeps the socket name short (sun_path holds 108 bytes).
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QDir(runtime).exists())
        return QDir(runtime).filePath(QStringLiteral("homelab-control-%1.sock").arg(QString::fromLatin1(hash)));
    return QDir(QDir::tempPath())
        .filePath(QStringLiteral("homelab-control-%1-%2.sock").arg(::getuid()).arg(QString::fromLatin1(hash)));
}

SingleInstance::Outcome SingleInstance::start(int timeoutMs)
{
    {
        QLocalSocket socket;
        socket.connectToServer(m_path);
        if (socket.waitForConnected(timeoutMs)) {
            socket.write(kShow.data(), kShow.size());
            socket.flush();
            QByteArray answer;
            while (!answer.contains('\n') && socket.waitForReadyRead(timeoutMs))
                answer += socket.readAll();
            if (answer == kOk) {
                qCInfo(lcInstance) << "another instance answered at" << m_path;
                return Outcome::Forwarded;
            }
            qCInfo(lcInstance) << "the instance at" << m_path << "did not answer; taking its place";
        }
    }
    // Nobody answers: a socket file left by a crashed instance would make listen() fail.
    QLocalServer::removeServer(m_path);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_path)) {
        m_error = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return Outcome::Failed;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* s = m_server->nextPendingConnection()) {
            connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
            connect(s, &QLocalSocket::readyRead, this, [this, s] {
                if (s->bytesAvailable() > 64 || !s->canReadLine()) {
                    if (s->bytesAvailable() > 64)
                        s->abort(); // not one of ours
                    return;
                }
                const QByteArray line = s->readLine();
                if (line == kShow.toByteArray()) {
                    s->write(kOk.data(), kOk.size());
                    s->flush();
                    emit activationRequested();
                }
                s->disconnectFromServer();
            });
        }
    });
    return Outcome::Primary;
}

} // namespace hlc
