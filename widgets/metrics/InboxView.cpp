#include "metrics/InboxView.h"

#include "metrics/AlertInbox.h"
#include "metrics/InboxModel.h"
#include "metrics/MaintenanceDialog.h"
#include "metrics/MaintenanceManager.h"
#include "metrics/SnoozeDialog.h"
#include "metrics/SuppressDialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hlc {

InboxView::InboxView(AlertInbox* inbox, QWidget* parent)
    : QWidget(parent)
    , m_inbox(inbox)
    , m_model(new InboxModel(inbox, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView)
    , m_counts(new QLabel)
    , m_empty(new QLabel)
    , m_result(new QLabel)
    , m_ackMax(new QComboBox)
    , m_ack(new QPushButton(tr("Acknowledge")))
    , m_snooze(new QPushButton(tr("Snooze…")))
    , m_unsnooze(new QPushButton(tr("Unsnooze")))
    , m_open(new QPushButton(tr("Open")))
    , m_suppress(new QPushButton(tr("Suppress…")))
    , m_unsuppress(new QPushButton(tr("Unsuppress")))
    , m_maintenance(new QPushButton(tr("Maintenance…")))
    , m_endMaintenance(new QPushButton(tr("End maintenance")))
{
    setObjectName(QStringLiteral("inboxView"));
    auto* v = new QVBoxLayout(this);
    m_counts->setObjectName(QStringLiteral("inboxCounts"));
    v->addWidget(m_counts);

    m_empty->setObjectName(QStringLiteral("inboxEmptyLabel"));
    m_empty->setWordWrap(true);
    m_empty->setText(tr("Nothing needs your attention right now.\n\nFiring alerts from Alertmanager or "
                        "Prometheus, containers that are unhealthy or keep restarting, services whose health check "
                        "fails and agent runs that failed in the last day would appear here, to acknowledge or "
                        "snooze."));
    v->addWidget(m_empty);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(InboxModel::RawRole);
    m_table->setObjectName(QStringLiteral("inboxTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(InboxModel::Severity, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(InboxModel::Summary, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(InboxModel::State, QHeaderView::ResizeToContents);
    v->addWidget(m_table, 1);

    auto* buttons = new QHBoxLayout;
    m_ack->setObjectName(QStringLiteral("acknowledgeButton"));
    m_ack->setToolTip(tr("Acknowledge until it clears: an alert is silenced in Alertmanager with exactly its labels "
                         "and the silence is expired as soon as the alert resolves."));
    buttons->addWidget(m_ack);
    m_ackMax->setObjectName(QStringLiteral("ackMaxCombo"));
    m_ackMax->setToolTip(tr("The longest an acknowledgement lasts, even if the item never clears."));
    m_ackMax->addItem(tr("at most 4 hours"), 4 * 3600);
    m_ackMax->addItem(tr("at most 24 hours"), 24 * 3600);
    m_ackMax->addItem(tr("at most 3 days"), 3 * 24 * 3600);
    m_ackMax->addItem(tr("at most 7 days"), 7 * 24 * 3600);
    m_ackMax->setCurrentIndex(m_ackMax->findData(AlertInbox::defaultAckSeconds()));
    buttons->addWidget(m_ackMax);
    m_snooze->setObjectName(QStringLiteral("snoozeButton"));
    buttons->addWidget(m_snooze);
    m_unsnooze->setObjectName(QStringLiteral("unsnoozeButton"));
    buttons->addWidget(m_unsnooze);
    m_suppress->setObjectName(QStringLiteral("suppressButton"));
    m_suppress->setToolTip(tr("Hide something known and accepted, with a reason, until an expiry."));
    buttons->addWidget(m_suppress);
    m_unsuppress->setObjectName(QStringLiteral("unsuppressButton"));
    buttons->addWidget(m_unsuppress);
    m_open->setObjectName(QStringLiteral("openItemButton"));
    m_open->setToolTip(tr("Show the item where it lives: the alert list, the host's stacks, ..."));
    buttons->addWidget(m_open);
    buttons->addStretch(1);
    m_endMaintenance->setObjectName(QStringLiteral("endMaintenanceButton"));
    buttons->addWidget(m_endMaintenance);
    m_maintenance->setObjectName(QStringLiteral("maintenanceButton"));
    m_maintenance->setToolTip(tr("Start maintenance of a host or the whole homelab now: its notifications are held "
                                 "and its alerts silenced until the window ends."));
    buttons->addWidget(m_maintenance);
    m_maintenance->setVisible(m_inbox->maintenance() != nullptr);
    m_endMaintenance->setVisible(m_inbox->maintenance() != nullptr);
    v->addLayout(buttons);
    m_result->setObjectName(QStringLiteral("inboxResult"));
    m_result->setWordWrap(true);
    v->addWidget(m_result);

    connect(m_ack, &QPushButton::clicked, this, &InboxView::acknowledgeSelected);
    connect(m_snooze, &QPushButton::clicked, this, &InboxView::snoozeSelected);
    connect(m_unsnooze, &QPushButton::clicked, this, [this] {
        const QString key = selectedKey();
        if (!key.isEmpty())
            m_inbox->unsnooze(key);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString key = selectedKey();
        if (!key.isEmpty())
            emit openRequested(key);
    });
    connect(m_suppress, &QPushButton::clicked, this, &InboxView::suppressSelected);
    connect(m_unsuppress, &QPushButton::clicked, this, [this] {
        const QString key = selectedKey();
        if (!key.isEmpty())
            m_inbox->unsuppress(key);
    });
    connect(m_maintenance, &QPushButton::clicked, this, [this] {
        const InboxItem* item = m_inbox->item(selectedKey());
        openMaintenanceDialog(item ? item->hostId : QString());
    });
    connect(m_endMaintenance, &QPushButton::clicked, this, [this] {
        const InboxItem* item = m_inbox->item(selectedKey());
        if (item && (item->actions() & InboxItem::EndMaintenance) && m_inbox->maintenance())
            m_inbox->maintenance()->endNow(item->target);
    });
    if (MaintenanceManager* maintenance = m_inbox->maintenance()) {
        connect(maintenance, &MaintenanceManager::actionFinished, this,
                [this](bool, const QString& message) { m_result->setText(message); });
    }
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex& i) { emit openRequested(i.data(InboxModel::KeyRole).toString()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InboxView::updateState);
    connect(m_inbox, &AlertInbox::itemsChanged, this, &InboxView::updateState);
    connect(m_inbox, &AlertInbox::actionFinished, this,
            [this](const QString&, bool, const QString& message) { m_result->setText(message); });
    updateState();
}

QString InboxView::selectedKey() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(InboxModel::KeyRole).toString();
}

bool InboxView::selectItem(const QString& key)
{
    const int row = m_model->rowOfKey(key);
    if (row < 0)
        return false;
    const QModelIndex i = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->select(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(i);
    return true;
}

void InboxView::updateState()
{
    m_counts->setText(m_inbox->countsText());
    const bool empty = m_model->rowCount() == 0;
    m_empty->setVisible(empty);
    m_table->setVisible(!empty);
    const InboxItem* item = m_inbox->item(selectedKey());
    const int actions = item ? item->actions() : 0;
    m_ack->setEnabled(actions & InboxItem::Acknowledge);
    m_ackMax->setEnabled(actions & InboxItem::Acknowledge);
    m_snooze->setEnabled(actions & InboxItem::Snooze);
    m_unsnooze->setEnabled(actions & InboxItem::Unsnooze);
    m_open->setEnabled(actions & InboxItem::Open);
    m_endMaintenance->setEnabled(actions & InboxItem::EndMaintenance);
    m_suppress->setEnabled(actions & InboxItem::Suppress);
    m_unsuppress->setEnabled(actions & InboxItem::Unsuppress);
}

void InboxView::suppressSelected()
{
    const QString key = selectedKey();
    const InboxItem* item = m_inbox->item(key);
    if (!item)
        return;
    auto* d = new SuppressDialog(item->summary, m_inbox->now(), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d, key] {
        m_result->setText(tr("Suppressing…"));
        m_inbox->suppress(key, d->until(), d->reason());
    });
    d->open();
}

QDialog* InboxView::openMaintenanceDialog(const QString& hostId)
{
    MaintenanceManager* maintenance = m_inbox->maintenance();
    if (!maintenance)
        return nullptr;
    auto* d = new MaintenanceDialog(maintenance, hostId, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this,
            [maintenance, d] { maintenance->startNow(d->hostId(), d->minutes(), d->reason(), d->automations()); });
    connect(d, &MaintenanceDialog::editScheduleRequested, this, &InboxView::editMaintenanceScheduleRequested);
    d->open();
    return d;
}

void InboxView::acknowledgeSelected()
{
    const QString key = selectedKey();
    if (key.isEmpty())
        return;
    m_result->setText(tr("Acknowledging…"));
    m_inbox->acknowledge(key, m_ackMax->currentData().toLongLong());
}

void InboxView::snoozeSelected()
{
    const QString key = selectedKey();
    const InboxItem* item = m_inbox->item(key);
    if (!item)
        return;
    auto* d = new SnoozeDialog(item->summary, m_inbox->now(), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d, key] {
        m_result->setText(tr("Snoozing…"));
        m_inbox->snooze(key, d->until(), d->reason());
    });
    d->open();
}

} // namespace hlc
