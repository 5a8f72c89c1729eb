#include "StacksView.h"

#include "ActionRunner.h"
#include "ContainerLogDialog.h"
#include "ContainerTableModel.h"
#include "GuestInventory.h"
#include "MessageBox.h"
#include "SourceBanner.h"
#include "StackTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hlc {

namespace {
QTableView* makeTable(const QString& objectName, QAbstractItemModel* model)
{
    auto* t = new QTableView;
    t->setObjectName(objectName);
    t->setModel(model);
    t->setSortingEnabled(true);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setContextMenuPolicy(Qt::CustomContextMenu);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

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
    , m_stacks(new StackTableModel(this))
    , m_containers(new ContainerTableModel(this))
    , m_stackProxy(new QSortFilterProxyModel(this))
    , m_containerProxy(new QSortFilterProxyModel(this))
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
    m_stackProxy->setSourceModel(m_stacks);
    m_stackProxy->setSortRole(StackTableModel::RawRole);
    m_stackProxy->setFilterKeyColumn(-1);
    m_stackProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_containerProxy->setSourceModel(m_containers);
    m_containerProxy->setSortRole(ContainerTableModel::RawRole);
    m_containerProxy->setFilterRole(ContainerTableModel::RawRole);
    m_containerProxy->setFilterKeyColumn(ContainerTableModel::Stack);

    m_stackTable = makeTable(QStringLiteral("stacksTable"), m_stackProxy);
    m_stackTable->sortByColumn(StackTableModel::Name, Qt::AscendingOrder);
    m_containerTable = makeTable(QStringLiteral("containersTable"), m_containerProxy);
    m_containerTable->sortByColumn(ContainerTableModel::Name, Qt::AscendingOrder);

    m_filter->setObjectName(QStringLiteral("stackFilter"));
    m_filter->setPlaceholderText(tr("Filter stacks by name or status"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_stackProxy, &QSortFilterProxyModel::setFilterFixedString);

    m_banner->setObjectName(QStringLiteral("portainerBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("background: #fff4e5; color: #5d3b00; padding: 4px;"));
    m_banner->hide();
    m_result->setObjectName(QStringLiteral("stackActionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts->setObjectName(QStringLiteral("containerCounts"));

    auto* stackPart = new QWidget;
    auto* sv = new QVBoxLayout(stackPart);
    sv->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_counts);
    sv->addLayout(top);
    sv->addWidget(m_stackTable, 1);
    auto* sb = new QHBoxLayout;
    sb->addWidget(m_startStack);
    sb->addWidget(m_stopStack);
    sb->addStretch(1);
    sv->addLayout(sb);

    auto* containerPart = new QWidget;
    auto* cv = new QVBoxLayout(containerPart);
    cv->setContentsMargins(0, 0, 0, 0);
    cv->addWidget(m_containerTable, 1);
    auto* cb = new QHBoxLayout;
    for (QPushButton* b : {m_startContainer, m_stopContainer, m_restartContainer, m_logs})
        cb->addWidget(b);
    cb->addStretch(1);
    cv->addLayout(cb);

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(stackPart);
    split->addWidget(containerPart);

    auto* v = new QVBoxLayout(this);
    v->addWidget(m_banner);
    v->addWidget(split, 1);
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

    connect(m_stackTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const portainer::Stack* s = selectedStack();
        m_containerProxy->setFilterRegularExpression(
            s ? QRegularExpression(QStringLiteral("^%1$").arg(QRegularExpression::escape(s->name)))
              : QRegularExpression());
        updateButtons();
    });
    connect(m_containerTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StacksView::updateButtons);
    connect(m_stackTable, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex idx = m_stackTable->indexAt(pos);
        if (!idx.isValid())
            return;
        m_stackTable->selectRow(idx.row());
        QMenu menu(this);
        menu.addAction(m_startStack->text(), this, [this] { triggerStack(true); })
            ->setEnabled(m_startStack->isEnabled());
        menu.addAction(m_stopStack->text(), this, [this] { triggerStack(false); })
            ->setEnabled(m_stopStack->isEnabled());
        menu.exec(m_stackTable->viewport()->mapToGlobal(pos));
    });
    connect(m_containerTable, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex idx = m_containerTable->indexAt(pos);
        if (!idx.isValid())
            return;
        m_containerTable->selectRow(idx.row());
        QMenu menu(this);
        menu.addAction(m_startContainer->text(), this, [this] { triggerContainer(portainer::ContainerAction::Start); })
            ->setEnabled(m_startContainer->isEnabled());
        menu.addAction(m_stopContainer->text(), this, [this] { triggerContainer(portainer::ContainerAction::Stop); })
            ->setEnabled(m_stopContainer->isEnabled());
        menu.addAction(m_restartContainer->text(), this,
                       [this] { triggerContainer(portainer::ContainerAction::Restart); })
            ->setEnabled(m_restartContainer->isEnabled());
        menu.addAction(m_logs->text(), this, &StacksView::showLogs)->setEnabled(m_logs->isEnabled());
        menu.exec(m_containerTable->viewport()->mapToGlobal(pos));
    });

    if (m_inventory)
        connect(m_inventory, &GuestInventory::portainerUpdated, this, &StacksView::updateFromInventory);
    if (m_actions) {
        connect(m_actions, &ActionRunner::actionProgress, this,
                [this](const QString& hostId, const QString& key, const QString& text) {
                    if (!m_inventory || hostId != m_inventory->hostId())
                        return;
                    if (key.startsWith(QLatin1String("stack/")))
                        m_stacks->setProgress(key, text);
                    else if (key.startsWith(QLatin1String("container/")))
                        m_containers->setProgress(key, text);
                    updateButtons();
                });
        connect(m_actions, &ActionRunner::actionFinished, this, &StacksView::onFinished);
    }
    updateFromInventory();
}

void StacksView::updateFromInventory()
{
    if (!m_inventory)
        return;
    m_stacks->setStacks(m_inventory->stacks(), m_inventory->containers());
    m_containers->setContainers(m_inventory->containers());
    if (!m_columnsSized && m_containers->rowCount() > 0) {
        m_stackTable->resizeColumnsToContents();
        m_containerTable->resizeColumnsToContents();
        m_columnsSized = true;
    }
    const QString banner = sourceBannerText(tr("Portainer"), m_inventory->portainerStatus());
    m_banner->setText(banner);
    m_banner->setVisible(!banner.isEmpty());
    const auto& cs = m_inventory->containers();
    const auto running =
        std::count_if(cs.cbegin(), cs.cend(), [](const portainer::Container& c) { return c.running(); });
    m_counts->setText(tr("%1 of %2 stacks active; containers: %3 running, %4 stopped")
                          .arg(m_inventory->activeStacks())
                          .arg(m_inventory->stacks().size())
                          .arg(running)
                          .arg(m_inventory->stoppedContainers()));
    updateButtons();
}

const portainer::Stack* StacksView::selectedStack() const
{
    const QModelIndexList rows = m_stackTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_stacks->rowAt(m_stackProxy->mapToSource(rows.first()).row());
}

const portainer::Container* StacksView::selectedContainer() const
{
    const QModelIndexList rows = m_containerTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_containers->rowAt(m_containerProxy->mapToSource(rows.first()).row());
}

bool StacksView::selectStack(const QString& name)
{
    for (int r = 0; r < m_stacks->rowCount(); ++r) {
        if (m_stacks->rowAt(r)->name == name) {
            const QModelIndex idx = m_stackProxy->mapFromSource(m_stacks->index(r, 0));
            if (!idx.isValid())
                return false;
            m_stackTable->selectRow(idx.row());
            return true;
        }
    }
    return false;
}

bool StacksView::selectContainer(const QString& name)
{
    for (int r = 0; r < m_containers->rowCount(); ++r) {
        if (m_containers->rowAt(r)->name == name) {
            const QModelIndex idx = m_containerProxy->mapFromSource(m_containers->index(r, 0));
            if (!idx.isValid())
                return false;
            m_containerTable->selectRow(idx.row());
            return true;
        }
    }
    return false;
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
    m_startContainer->setEnabled(c && !cBusy && !c->running());
    m_stopContainer->setEnabled(c && !cBusy && c->running());
    m_restartContainer->setEnabled(c && !cBusy);
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

void StacksView::onFinished(const QString& hostId, const QString& key, const ActionOutcome& outcome)
{
    if (!m_inventory || hostId != m_inventory->hostId())
        return;
    if (key.startsWith(QLatin1String("stack/")))
        m_stacks->setProgress(key, QString());
    else if (key.startsWith(QLatin1String("container/")))
        m_containers->setProgress(key, QString());
    else
        return;
    m_result->setText(outcome.message);
    m_result->setStyleSheet(outcome.ok() ? QString() : QStringLiteral("color: #a00000;"));
    updateButtons();
}

} // namespace hlc
