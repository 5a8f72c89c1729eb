#pragma once

#include <QPointer>
#include <QWidget>

class QTableWidget;

namespace hlc {

class AuditLog;
struct AuditEntry;

/// The app-wide audit log: every action taken and how it ended, newest first.
class AuditLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogView)
public:
    explicit AuditLogView(AuditLog* log, QWidget* parent = nullptr);

    [[nodiscard]] QTableWidget* table() const { return m_table; }

private:
    void prepend(const AuditEntry& e);

    QPointer<AuditLog> m_log;
    QTableWidget* m_table;
};

} // namespace hlc
