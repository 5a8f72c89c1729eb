#include "core/AuditLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcAudit, "hlc.app.audit")

namespace hlc {

AuditLog::AuditLog(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(path.isEmpty() ? defaultDir() + QStringLiteral("/audit.jsonl") : path)
{}

QString AuditLog::defaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/homelab-control");
}

QString AuditLog::legacyDir()
{
    return defaultDir() + QStringLiteral("/homelab-control");
}

QString AuditLog::migrateLegacy()
{
    const QString from = legacyDir();
    const QString to = defaultDir();
    QStringList moved;
    QStringList failed;
    for (const QString& name : {QStringLiteral("audit.jsonl"), QStringLiteral("demo-audit.jsonl")}) {
        const QString oldPath = from + u'/' + name;
        const QString newPath = to + u'/' + name;
        if (!QFileInfo::exists(oldPath))
            continue;
        QFile old(oldPath);
        if (!QFileInfo::exists(newPath)) {
            // Same file system (the new folder is the old one's parent): a rename keeps bytes and mode.
            if (old.rename(newPath))
                moved << name;
            else
                failed << QStringLiteral("%1 (%2)").arg(name, old.errorString());
            continue;
        }
        // Both exist (an older version ran after a newer one): old entries first, then the new ones.
        QFile current(newPath);
        if (!old.open(QIODevice::ReadOnly) || !current.open(QIODevice::ReadOnly)) {
            failed << QStringLiteral("%1 (%2)").arg(name, old.isOpen() ? current.errorString() : old.errorString());
            continue;
        }
        QByteArray joined = old.readAll();
        if (!joined.isEmpty() && !joined.endsWith('\n'))
            joined += '\n';
        joined += current.readAll();
        old.close();
        current.close();
        QSaveFile out(newPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(joined) != joined.size() ||
            !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || !out.commit()) {
            failed << QStringLiteral("%1 (%2)").arg(name, out.errorString());
            continue;
        }
        if (QFile::remove(oldPath))
            moved << name;
        else
            failed << QStringLiteral("%1 (%2)").arg(name, old.errorString());
    }
    QDir().rmdir(from); // only when empty
    if (!failed.isEmpty()) {
        qCWarning(lcAudit) << "Could not move the audit log from" << from << ":" << failed;
        return QCoreApplication::translate("hlc::AuditLog",
                                           "The audit log in %1 could not be moved to %2: %3. It was left where it "
                                           "is; move it by hand.")
            .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to), failed.join(QStringLiteral(", ")));
    }
    if (moved.isEmpty())
        return {};
    qCInfo(lcAudit) << "Moved the audit log from" << from << "to" << to;
    return QCoreApplication::translate("hlc::AuditLog", "Your audit log was moved from %1 to %2.")
        .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to));
}

QByteArray AuditLog::toJsonLine(const AuditEntry& e)
{
    QJsonObject o;
    o.insert(QStringLiteral("time"), e.time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("host"), e.host);
    o.insert(QStringLiteral("service"), e.service);
    o.insert(QStringLiteral("target"), e.target);
    o.insert(QStringLiteral("action"), e.action);
    o.insert(QStringLiteral("outcome"), e.outcome);
    if (!e.taskId.isEmpty())
        o.insert(QStringLiteral("taskId"), e.taskId);
    if (!e.detail.isEmpty())
        o.insert(QStringLiteral("detail"), e.detail);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<AuditEntry> AuditLog::fromJsonLine(const QByteArray& line)
{
    const QJsonDocument d = QJsonDocument::fromJson(line);
    if (!d.isObject())
        return std::nullopt;
    const QJsonObject o = d.object();
    AuditEntry e;
    e.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    e.host = o.value(QStringLiteral("host")).toString();
    e.service = o.value(QStringLiteral("service")).toString();
    e.target = o.value(QStringLiteral("target")).toString();
    e.action = o.value(QStringLiteral("action")).toString();
    e.outcome = o.value(QStringLiteral("outcome")).toString();
    e.taskId = o.value(QStringLiteral("taskId")).toString();
    e.detail = o.value(QStringLiteral("detail")).toString();
    if (!e.time.isValid() || e.action.isEmpty())
        return std::nullopt;
    return e;
}

void AuditLog::append(AuditEntry e)
{
    if (!e.time.isValid())
        e.time = QDateTime::currentDateTimeUtc();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile f(m_path);
    const bool existed = f.exists();
    if (f.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (!existed)
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.write(toJsonLine(e) + '\n');
        f.close();
        m_lastError.clear();
    } else {
        m_lastError = QCoreApplication::translate("hlc::AuditLog", "The audit log %1 could not be written: %2")
                          .arg(m_path, f.errorString());
        qCWarning(lcAudit) << "audit log not writable:" << m_path << f.errorString();
        m_unsaved << e;
    }
    emit appended(e);
}

QList<AuditEntry> AuditLog::entries() const
{
    QList<AuditEntry> out;
    QFile f(m_path);
    if (f.open(QIODevice::ReadOnly)) {
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty())
                continue;
            if (auto e = fromJsonLine(line))
                out << *e;
        }
    }
    out << m_unsaved;
    return out;
}

} // namespace hlc
