#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace hlc {

/// One action the operator took, and how it ended.
struct AuditEntry
{
    QDateTime time;  ///< UTC
    QString host;    ///< host id
    QString service; ///< "proxmox", "portainer", "agents", ...
    QString target;  ///< "qemu/100 (docker-core)", "stack 3 (traefik)", ...
    QString action;  ///< "start", "stop", "shutdown", "run", ...
    QString outcome; ///< "requested", "ok", "failed: <reason>", "already running", "cancelled"
    QString taskId;  ///< UPID, run id, ... (may be empty)
    QString detail;  ///< anything else worth keeping; never a secret
};

/**
 * @brief Append-only local audit log of actions, as JSON lines (one object per line) in the app's data folder.
 *
 * Never contains a secret: entries carry ids and outcomes only. A file that cannot be written is reported through
 * lastError() and the entry is still kept in memory for the session.
 */
class AuditLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLog)
public:
    /// @param path the file; empty: defaultDir() + "/audit.jsonl"
    explicit AuditLog(const QString& path = QString(), QObject* parent = nullptr);

    /// The folder of the audit logs: ~/.local/share/homelab-control (one level, like the config folder).
    [[nodiscard]] static QString defaultDir();
    /// Where versions before 0.5 kept them: ~/.local/share/homelab-control/homelab-control.
    [[nodiscard]] static QString legacyDir();
    /**
     * @brief Moves audit.jsonl and demo-audit.jsonl from legacyDir() to defaultDir(), once.
     *
     * An entry is never lost: when both folders hold a file, the old entries are put before the new ones (written
     * atomically, 0600) and only then is the old file removed. @return a translated line for the window, empty when
     * there was nothing to move.
     */
    [[nodiscard]] static QString migrateLegacy();

    [[nodiscard]] QString path() const { return m_path; }
    /// Appends @p e (time is set if empty) to the file and memory.
    void append(AuditEntry e);
    /// Every entry of the file (older sessions too), oldest first; unreadable lines are skipped.
    [[nodiscard]] QList<AuditEntry> entries() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }

    static QByteArray toJsonLine(const AuditEntry& e);
    static std::optional<AuditEntry> fromJsonLine(const QByteArray& line);

signals:
    void appended(const hlc::AuditEntry& entry);

private:
    QString m_path;
    QString m_lastError;
    QList<AuditEntry> m_unsaved;
};

} // namespace hlc
