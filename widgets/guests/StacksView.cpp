#include "guests/StacksView.h"

#include "core/MessageBox.h"
#include "core/SourceBanner.h"
#include "core/StatusColors.h"
#include "guests/ActionAvailability.h"
#include "guests/ActionRunner.h"
#include "guests/ContainerLogDialog.h"
#include "guests/GuestInventory.h"
#include "guests/StackTreeModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace hlc {

namespace {
/// Sorts on the raw values, except that the synthetic "Not in a stack" group stays last in either order.
class StackTreeProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    [[nodiscard]] bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        const auto group = static_cast<int>(StackTreeModel::Kind::Group);
        const bool leftGroup = left.data(StackTreeModel::KindRole).toInt() == group;
        const bool rightGroup = right.data(StackTreeModel::KindRole).toInt() == group;
        if (leftGroup != rightGroup)
            return leftGroup == (sortOrder() == Qt::DescendingOrder);
        return QSortFilterProxyModel::lessThan(left, right);
    }
};

QPushButton* makeButton(const QString& text, const QString& objectName)
{
    auto* b = new QPushButton(text);
    b->setObjectName(objectName);
    return b;
}
} // namespace

StacksView::StacksView(GuestInventory* inventory, ActionRunner* actions, QWidget* parent)
    : QWidget(parent)
    , m_inventory(inventory)
    , m_actions(actions)
    , m_model(new StackTreeModel(this))
    , m_proxy(new StackTreeProxy(this))
    , m_tree(new QTreeView)
    , m_filter(new QLineEdit)
    , m_banner(new QLabel)
    , m_result(new QLabel)
    , m_counts(new QLabel)
    , m_startStack(makeButton(tr("Start stack"), QStringLiteral("startStackButton")))
    , m_stopStack(makeButton(tr("Stop stack"), QStringLiteral("stopStackButton")))
    , m_startContainer(makeButton(tr("Start"), QStringLiteral("startContainerButton")))
    , m_stopContainer(makeButton(tr("Stop"), QStringLiteral("stopContainerButton")))
    , m_restartContainer(makeButton(tr("Restart"), QStringLiteral("restartContainerButton")))
    , m_logs(makeButton(tr("Log…"), QStringLiteral("containerLogsButton")))
{
    setObjectName(QStringLiteral("stacksView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(StackTreeModel::RawRole);
    m_proxy->setFilterRole(StackTreeModel::FilterRole);
    m_proxy->setFilterKeyColumn(StackTreeModel::Name);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // A matching container shows its stack; a matching stack shows all of its containers.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);

    m_tree->setObjectName(QStringLiteral("stacksTree"));
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(StackTreeModel::Name, Qt::AscendingOrder);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);

    m_filter->setObjectName(QStringLiteral("stackFilter"));
    m_filter->setPlaceholderText(tr("Filter stacks and containers by name, state or image"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_banner->setObjectName(QStringLiteral("portainerBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(StatusColors::tintStyle(StatusColors::Role::Warning));
    m_banner->hide();
    m_result->setObjectName(QStringLiteral("stackActionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts->setObjectName(QStringLiteral("containerCounts"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_counts);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_startStack);
    buttons->addWidget(m_stopStack);
    buttons->addSpacing(16);
    for (QPushButton* b : {m_startContainer, m_stopContainer, m_restartContainer, m_logs})
        buttons->addWidget(b);
    buttons->addStretch(1);

    auto* v = new QVBoxLayout(this);
    v->addWidget(m_banner);
    v->addLayout(top);
    v->addWidget(m_tree, 1);
    v->addLayout(buttons);
    v->addWidget(m_result);

    connect(m_startStack, &QPushButton::clicked, this, [this] { triggerStack(true); });
    connect(m_stopStack, &QPushButton::clicked, this, [this] { triggerStack(false); });
    connect(m_startContainer, &QPushButton::clicked, this,
            [this] { triggerContainer(portainer::ContainerAction::Start); });
    connect(m_stopContainer, &QPushButton::clicked, this,
            [this] { triggerContainer(portainer::ContainerAction::Stop); });
    connect(m_restartContainer, &QPushButton::clicked, this,
            [this] { triggerContainer(portainer::ContainerAction::Restart); });
    connect(m_logs, &QPushButton::clicked, this, &StacksView::showLogs);

    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &StacksView::updateButtons);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &StacksView::showContextMenu);
    // Expansion is remembered by key: new rows (first data, a new stack, rows the filter brings back) are expanded
    // unless the user collapsed that stack.
    connect(m_tree, &QTreeView::collapsed, this,
            [this](const QModelIndex& idx) { m_collapsed.insert(idx.data(StackTreeModel::KeyRole).toString()); });
    connect(m_tree, &QTreeView::expanded, this,
            [this](const QModelIndex& idx) { m_collapsed.remove(idx.data(StackTreeModel::KeyRole).toString()); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& where, int first, int last) {
        if (!where.isValid())
            expandNewTopLevelRows(first, last);
    });

    if (m_inventory)
        connect(m_inventory, &GuestInventory::portainerUpdated, this, &StacksView::updateFromInventory);
    if (m_actions) {
        connect(m_actions, &ActionRunner::actionProgress, this,
                [this](const ActionTarget& target, const QString& text) {
                    if (!isMine(target))
                        return;
                    m_model->setProgress(ActionRunner::keyOf(target), text);
                    updateButtons();
                });
        connect(m_actions, &ActionRunner::actionFinished, this, &StacksView::onFinished);
    }
    updateFromInventory();
}

void StacksView::expandNewTopLevelRows(int first, int last)
{
    for (int r = first; r <= last; ++r) {
        const QModelIndex idx = m_proxy->index(r, 0);
        if (!m_collapsed.contains(idx.data(StackTreeModel::KeyRole).toString()))
            m_tree->expand(idx);
    }
}

void StacksView::showContextMenu(const QPoint& pos)
{
    const QModelIndex idx = m_tree->indexAt(pos);
    if (!idx.isValid())
        return;
    m_tree->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    if (selectedStack()) {
        menu.addAction(m_startStack->text(), this, [this] { triggerStack(true); })
            ->setEnabled(m_startStack->isEnabled());
        menu.addAction(m_stopStack->text(), this, [this] { triggerStack(false); })
            ->setEnabled(m_stopStack->isEnabled());
    } else if (selectedContainer()) {
        menu.addAction(m_startContainer->text(), this, [this] { triggerContainer(portainer::ContainerAction::Start); })
            ->setEnabled(m_startContainer->isEnabled());
        menu.addAction(m_stopContainer->text(), this, [this] { triggerContainer(portainer::ContainerAction::Stop); })
            ->setEnabled(m_stopContainer->isEnabled());
        menu.addAction(m_restartContainer->text(), this,
                       [this] { triggerContainer(portainer::ContainerAction::Restart); })
            ->setEnabled(m_restartContainer->isEnabled());
        menu.addAction(m_logs->text(), this, &StacksView::showLogs)->setEnabled(m_logs->isEnabled());
    } else {
        return; // the "Not in a stack" group has no actions
    }
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void StacksView::updateFromInventory()
{
    if (!m_inventory)
        return;
    m_model->setStacks(m_inventory->stacks(), m_inventory->containers());
    if (!m_columnsSized && m_model->rowCount() > 0) {
        for (int c = 0; c < StackTreeModel::ColumnCount - 1; ++c)
            m_tree->resizeColumnToContents(c);
        m_columnsSized = true;
    }
    const QString banner = sourceBannerText(tr("Portainer"), m_inventory->portainerStatus());
    m_banner->setText(banner);
    m_banner->setVisible(!banner.isEmpty());
    const auto& cs = m_inventory->containers();
    const auto running =
        std::count_if(cs.cbegin(), cs.cend(), [](const portainer::Container& c) { return c.running(); });
    m_counts->setText(tr("%1 of %n stacks active; containers: %2 running, %3 stopped", nullptr,
                         static_cast<int>(m_inventory->stacks().size()))
                          .arg(m_inventory->activeStacks())
                          .arg(running)
                          .arg(m_inventory->stoppedContainers()));
    updateButtons();
}

QModelIndex StacksView::selectedSourceRow() const
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    return rows.isEmpty() ? QModelIndex() : m_proxy->mapToSource(rows.first());
}

const portainer::Stack* StacksView::selectedStack() const
{
    return m_model->stackAt(selectedSourceRow());
}

const portainer::Container* StacksView::selectedContainer() const
{
    return m_model->containerAt(selectedSourceRow());
}

bool StacksView::selectSourceRow(const QModelIndex& sourceIndex)
{
    const QModelIndex idx = m_proxy->mapFromSource(sourceIndex);
    if (!idx.isValid())
        return false; // not there, or hidden by the filter
    if (idx.parent().isValid())
        m_tree->expand(idx.parent());
    m_tree->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(idx);
    return true;
}

bool StacksView::selectStack(const QString& name)
{
    return selectSourceRow(m_model->indexOfStackName(name));
}

bool StacksView::selectContainer(const QString& name)
{
    return selectSourceRow(m_model->indexOfContainerName(name));
}

void StacksView::updateButtons()
{
    const QString host = m_inventory ? m_inventory->hostId() : QString();
    const portainer::Stack* s = selectedStack();
    const bool stackBusy = s && m_actions && m_actions->isBusy(host, ActionRunner::stackKey(*s));
    m_startStack->setEnabled(s && !stackBusy && !s->active());
    m_stopStack->setEnabled(s && !stackBusy && s->active());
    const portainer::Container* c = selectedContainer();
    const bool cBusy = c && m_actions && m_actions->isBusy(host, ActionRunner::containerKey(*c));
    const auto follow = [c, cBusy](QPushButton* b, portainer::ContainerAction a) {
        const ActionAvailability can = c ? ActionAvailability::forContainer(a, c->state) : ActionAvailability{};
        b->setEnabled(c && !cBusy && can.allowed);
        b->setToolTip(can.reason); // why it is disabled; empty when it is not
    };
    follow(m_startContainer, portainer::ContainerAction::Start);
    follow(m_stopContainer, portainer::ContainerAction::Stop);
    follow(m_restartContainer, portainer::ContainerAction::Restart);
    m_logs->setEnabled(c != nullptr);
}

void StacksView::triggerStack(bool start)
{
    const portainer::Stack* sel = selectedStack();
    if (!sel || !m_actions || !m_inventory)
        return;
    const portainer::Stack s = *sel;
    if (m_actions->isBusy(m_inventory->hostId(), ActionRunner::stackKey(s)))
        return;
    if (!start && MessageBox::question(this, tr("Confirm action"),
                                       tr("Stop the stack %1 on %2? All of its containers will be stopped.")
                                           .arg(s.name, m_inventory->hostName())) != QMessageBox::Yes) {
        m_result->setText(tr("Cancelled: nothing was sent."));
        return;
    }
    if (m_actions->runStackAction(m_inventory->hostId(), s, start))
        m_result->setText(start ? tr("Starting stack %1 on %2…").arg(s.name, m_inventory->hostName())
                                : tr("Stopping stack %1 on %2…").arg(s.name, m_inventory->hostName()));
    updateButtons();
}

void StacksView::triggerContainer(portainer::ContainerAction action)
{
    const portainer::Container* sel = selectedContainer();
    if (!sel || !m_actions || !m_inventory)
        return;
    const portainer::Container c = *sel;
    if (m_actions->isBusy(m_inventory->hostId(), ActionRunner::containerKey(c)))
        return;
    if (action != portainer::ContainerAction::Start) {
        const QString q = action == portainer::ContainerAction::Stop ? tr("Stop the container %1 on %2?")
                                                                     : tr("Restart the container %1 on %2?");
        if (MessageBox::question(this, tr("Confirm action"), q.arg(c.name, m_inventory->hostName())) !=
            QMessageBox::Yes) {
            m_result->setText(tr("Cancelled: nothing was sent."));
            return;
        }
    }
    m_actions->runContainerAction(m_inventory->hostId(), c, action);
    updateButtons();
}

void StacksView::showLogs()
{
    const portainer::Container* c = selectedContainer();
    if (!c || !m_inventory)
        return;
    auto* dlg = new ContainerLogDialog(m_inventory, c->id, c->name, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->show();
}

bool StacksView::isMine(const ActionTarget& target) const
{
    return m_inventory && target.hostId == m_inventory->hostId() &&
           (target.kind == ActionTarget::Kind::Stack || target.kind == ActionTarget::Kind::Container);
}

void StacksView::onFinished(const ActionTarget& target, const ActionOutcome& outcome)
{
    if (!isMine(target))
        return;
    m_model->setProgress(ActionRunner::keyOf(target), QString());
    m_result->setText(outcome.message);
    m_result->setStyleSheet(outcome.ok() ? QString() : StatusColors::labelStyle(StatusColors::Role::Critical));
    updateButtons();
}

} // namespace hlc
