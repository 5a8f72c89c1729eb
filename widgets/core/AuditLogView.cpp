#include "core/AuditLogView.h"

#include "core/AuditLog.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hlc {

namespace {
enum Column
{
    Time,
    Host,
    Service,
    Target,
    Action,
    Outcome,
    Task,
    ColumnCount
};
}

AuditLogView::AuditLogView(AuditLog* log, QWidget* parent)
    : QWidget(parent)
    , m_log(log)
    , m_table(new QTableWidget(0, ColumnCount))
{
    setObjectName(QStringLiteral("auditLogView"));
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Time"), tr("Host"), tr("Service"), tr("Target"), tr("Action"), tr("Outcome"), tr("Task")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* path = new QLabel(log ? tr("Stored in %1").arg(log->path()) : QString());
    path->setObjectName(QStringLiteral("auditPathLabel"));
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* v = new QVBoxLayout(this);
    v->addWidget(m_table, 1);
    v->addWidget(path);
    if (m_log) {
        for (const AuditEntry& e : m_log->entries())
            prepend(e);
        connect(m_log, &AuditLog::appended, this, &AuditLogView::prepend);
    }
}

void AuditLogView::prepend(const AuditEntry& e)
{
    m_table->insertRow(0);
    const QStringList cells = {QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat),
                               e.host,
                               e.service,
                               e.target,
                               e.action,
                               e.outcome,
                               e.taskId};
    for (int c = 0; c < ColumnCount; ++c) {
        auto* item = new QTableWidgetItem(cells.at(c));
        if (c == Outcome && !e.detail.isEmpty())
            item->setToolTip(e.detail);
        m_table->setItem(0, c, item);
    }
}

} // namespace hlc
