#include "guests/GuestsView.h"

#include "core/MessageBox.h"
#include "core/SourceBanner.h"
#include "core/StatusColors.h"
#include "guests/ActionAvailability.h"
#include "guests/ActionRunner.h"
#include "guests/GuestInventory.h"
#include "guests/GuestTableModel.h"
#include "guests/ProxmoxClusterFeed.h"
#include "guests/ProxmoxHistory.h"
#include "guests/ProxmoxHistoryChart.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hlc {

namespace {
QString actionLabel(pve::GuestAction a)
{
    switch (a) {
    case pve::GuestAction::Start:
        return GuestsView::tr("Start");
    case pve::GuestAction::Shutdown:
        return GuestsView::tr("Shut down");
    case pve::GuestAction::Stop:
        return GuestsView::tr("Stop (hard)");
    case pve::GuestAction::Reboot:
        return GuestsView::tr("Reboot");
    case pve::GuestAction::Suspend:
        return GuestsView::tr("Suspend");
    case pve::GuestAction::Resume:
        return GuestsView::tr("Resume");
    }
    return {};
}

QString actionObjectName(pve::GuestAction a)
{
    return pve::guestActionName(a) + QStringLiteral("GuestButton");
}

} // namespace

GuestsView::GuestsView(GuestInventory* inventory, ActionRunner* actions, QWidget* parent)
    : QWidget(parent)
    , m_inventory(inventory)
    , m_actions(actions)
    , m_model(new GuestTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView)
    , m_filter(new QLineEdit)
    , m_banner(new QLabel)
    , m_result(new QLabel)
    , m_counts(new QLabel)
    , m_history(new ProxmoxHistory(inventory, this))
    , m_chart(new ProxmoxHistoryChart(m_history))
{
    setObjectName(QStringLiteral("guestsView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(GuestTableModel::RawRole);
    m_proxy->setFilterKeyColumn(-1); // name, status, tags, ...
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_table->setObjectName(QStringLiteral("guestsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(GuestTableModel::VmId, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_filter->setObjectName(QStringLiteral("guestFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, status or tag"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_banner->setObjectName(QStringLiteral("guestsBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(StatusColors::tintStyle(StatusColors::Role::Warning));
    m_banner->hide();
    m_result->setObjectName(QStringLiteral("guestActionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts->setObjectName(QStringLiteral("guestCounts"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_counts);
    auto* buttons = new QHBoxLayout;
    for (pve::GuestAction a : {pve::GuestAction::Start, pve::GuestAction::Shutdown, pve::GuestAction::Stop,
                               pve::GuestAction::Reboot, pve::GuestAction::Suspend, pve::GuestAction::Resume}) {
        auto* b = new QPushButton(actionLabel(a));
        b->setObjectName(actionObjectName(a));
        connect(b, &QPushButton::clicked, this, [this, a] { trigger(a); });
        buttons->addWidget(b);
        m_buttons.append({a, b});
    }
    buttons->addStretch(1);

    m_cluster = new QLabel;
    m_cluster->setObjectName(QStringLiteral("clusterLine"));
    m_cluster->setWordWrap(true);
    m_cluster->hide();

    auto* v = new QVBoxLayout(this);
    v->addWidget(m_banner);
    v->addWidget(m_cluster);
    v->addLayout(top);
    v->addWidget(m_table, 1);
    v->addLayout(buttons);
    v->addWidget(m_result);
    v->addWidget(m_chart, 1);

    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex idx = m_table->indexAt(pos);
        if (!idx.isValid())
            return;
        m_table->selectRow(idx.row());
        const pve::Resource* g = selectedGuest();
        if (!g)
            return;
        QMenu menu(this);
        menu.setObjectName(QStringLiteral("guestContextMenu"));
        for (const auto& [a, b] : std::as_const(m_buttons)) {
            QAction* act = menu.addAction(actionLabel(a));
            act->setEnabled(b->isEnabled());
            const pve::GuestAction action = a;
            connect(act, &QAction::triggered, this, [this, action] { trigger(action); });
        }
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &GuestsView::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const pve::Resource* g = selectedGuest();
        m_historyLoaded = true;
        if (g)
            m_chart->setGuest(g->id, g->name.isEmpty() ? g->id : g->name);
        else
            m_chart->setGuest(QString(), QString());
    });
    if (m_inventory) {
        connect(m_inventory, &GuestInventory::guestsUpdated, this, &GuestsView::updateFromInventory);
        if (ProxmoxClusterFeed* feed = m_inventory->clusterFeed()) {
            connect(feed, &ProxmoxClusterFeed::clusterStatusUpdated, this, &GuestsView::updateClusterLine);
            updateClusterLine();
        }
    }
    if (m_actions) {
        connect(m_actions, &ActionRunner::actionProgress, this,
                [this](const ActionTarget& target, const QString& text) {
                    if (isMine(target))
                        m_model->setProgress(target.id, text);
                    updateButtons();
                });
        connect(m_actions, &ActionRunner::actionFinished, this, &GuestsView::onFinished);
    }
    updateFromInventory();
}

void GuestsView::updateClusterLine()
{
    ProxmoxClusterFeed* feed = m_inventory ? m_inventory->clusterFeed() : nullptr;
    if (!feed || !feed->clusterSummary()) {
        m_cluster->hide();
        return;
    }
    const ProxmoxClusterFeed::ClusterSummary& c = *feed->clusterSummary();
    const QString mismatch = feed->configMismatch();
    QString text = c.name.isEmpty() ? QString()
                                    : tr("Cluster %1: %2 · %3 of %n nodes online", nullptr, c.nodesTotal)
                                          .arg(c.name, c.quorate ? tr("quorate") : tr("NOT quorate"))
                                          .arg(c.nodesOnline);
    if (!mismatch.isEmpty())
        text = text.isEmpty() ? mismatch : text + QStringLiteral(" — ") + mismatch;
    const bool bad = !mismatch.isEmpty() || !c.quorate;
    m_cluster->setText(text);
    m_cluster->setStyleSheet(bad ? StatusColors::tintStyle(StatusColors::Role::Critical) : QString());
    m_cluster->setVisible(!text.isEmpty());
}

void GuestsView::updateFromInventory()
{
    if (!m_inventory)
        return;
    m_model->setGuests(m_inventory->guests());
    if (!m_columnsSized && m_model->rowCount() > 0) {
        m_table->resizeColumnsToContents();
        m_columnsSized = true;
    }
    QString banner = sourceBannerText(tr("Proxmox"), m_inventory->guestsStatus());
    if (const int bad = m_inventory->unreadableEntries(); bad > 0) {
        const QString unread =
            tr("Entries of the Proxmox resource list that could not be read: %1 (details in the log).").arg(bad);
        banner = banner.isEmpty() ? unread : banner + QLatin1Char('\n') + unread;
    }
    m_banner->setText(banner);
    m_banner->setVisible(!banner.isEmpty());
    m_counts->setText(tr("%1 running, %2 stopped").arg(m_inventory->runningGuests()).arg(m_inventory->stoppedGuests()));
    if (!m_historyLoaded && m_inventory->guestsStatus().hasData()) {
        m_historyLoaded = true;
        m_chart->reload(); // the node's history before any guest is selected
    }
    updateButtons();
}

const pve::Resource* GuestsView::selectedGuest() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const QModelIndex src = m_proxy->mapToSource(rows.first());
    return m_model->rowAt(src.row());
}

bool GuestsView::selectGuest(const QString& key)
{
    const int row = m_model->rowOfKey(key);
    if (row < 0)
        return false;
    const QModelIndex idx = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!idx.isValid())
        return false;
    m_table->selectRow(idx.row());
    return true;
}

void GuestsView::updateButtons()
{
    const pve::Resource* g = selectedGuest();
    const bool busy = g && m_actions && m_inventory && m_actions->isBusy(m_inventory->hostId(), g->id);
    const bool frozen = g && isFrozen(*g);
    for (const auto& [a, b] : std::as_const(m_buttons)) {
        const ActionAvailability can = g ? ActionAvailability::forGuest(a, *g, frozen) : ActionAvailability{};
        b->setEnabled(g && !busy && can.allowed);
        b->setToolTip(can.reason); // why a button is disabled; empty when it is not
    }
}

bool GuestsView::isFrozen(const pve::Resource& g) const
{
    return g.type == QLatin1String("lxc") && m_actions && m_inventory &&
           m_actions->isSuspendedContainer(m_inventory->hostId(), ActionRunner::guestKey(g));
}

void GuestsView::trigger(pve::GuestAction action, bool alwaysAsk)
{
    const pve::Resource* sel = selectedGuest();
    if (!sel || !m_actions || !m_inventory)
        return;
    const pve::Resource g = *sel; // the model may change while the dialog is open
    if (m_actions->isBusy(m_inventory->hostId(), g.id) || !ActionAvailability::forGuest(action, g, isFrozen(g)).allowed)
        return;
    const QString kind = g.type == QLatin1String("qemu") ? tr("VM") : tr("container");
    const QString target = g.name.isEmpty() ? QStringLiteral("%1 %2").arg(kind).arg(g.vmid)
                                            : QStringLiteral("%1 %2 (%3)").arg(kind).arg(g.vmid).arg(g.name);
    QString question;
    switch (action) {
    case pve::GuestAction::Shutdown:
        question = tr("Shut down %1 on %2? Its services will be unavailable until it is started again.");
        break;
    case pve::GuestAction::Stop:
        question = tr("Stop %1 on %2 immediately? This is like pulling the power plug: unsaved data is lost.");
        break;
    case pve::GuestAction::Reboot:
        question = tr("Reboot %1 on %2?");
        break;
    case pve::GuestAction::Suspend:
        question = g.type == QLatin1String("lxc")
                       ? tr("Suspend (freeze) %1 on %2? Its services stop answering until it is resumed. Proxmox "
                            "marks container suspend as experimental, and still lists a frozen container as "
                            "running.")
                       : tr("Suspend %1 on %2? Its services stop answering until it is resumed.");
        break;
    default:
        break;
    }
    if (question.isEmpty() && alwaysAsk)
        question = action == pve::GuestAction::Resume ? tr("Resume %1 on %2?") : tr("Start %1 on %2?");
    if (!question.isEmpty() &&
        MessageBox::question(this, tr("Confirm action"), question.arg(target, m_inventory->hostName())) !=
            QMessageBox::Yes) {
        m_result->setText(tr("Cancelled: nothing was sent."));
        return;
    }
    if (m_actions->runGuestAction(m_inventory->hostId(), g, action))
        m_result->setText(tr("%1 %2 on %3…").arg(actionLabel(action), target, m_inventory->hostName()));
    updateButtons();
}

bool GuestsView::isMine(const ActionTarget& target) const
{
    return m_inventory && target.hostId == m_inventory->hostId() && target.kind == ActionTarget::Kind::Guest;
}

void GuestsView::onFinished(const ActionTarget& target, const ActionOutcome& outcome)
{
    if (!isMine(target))
        return;
    m_model->setProgress(target.id, QString()); // a guest's id is its key, "qemu/100"
    QString text = outcome.message;
    if (!outcome.log.isEmpty())
        text += QLatin1Char('\n') + outcome.log.join(QLatin1Char('\n'));
    m_result->setText(text);
    m_result->setStyleSheet(outcome.ok() ? QString() : StatusColors::labelStyle(StatusColors::Role::Critical));
    updateButtons();
}

} // namespace hlc
