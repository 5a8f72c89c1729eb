#include "agents/AgentsTab.h"

#include "agents/AgentRunDialog.h"
#include "agents/AgentRunner.h"
#include "agents/AgentsParser.h"
#include "agents/RunHistoryModel.h"
#include "agents/WebhookActions.h"
#include "core/IdleCost.h"
#include "core/MessageBox.h"
#include "core/SourceBanner.h"
#include "core/StatusColors.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace hlc {

using namespace hlc::agents;

namespace {
QString eventLine(const RunEvent& e)
{
    const QString t = e.time.isValid() ? e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
    switch (e.type) {
    case RunEvent::Type::Log:
        return QStringLiteral("%1 [%2] %3").arg(t, e.level, e.message);
    case RunEvent::Type::Status:
        return QStringLiteral("%1 == %2%3")
            .arg(t, runStatusName(e.status), e.message.isEmpty() ? QString() : QStringLiteral(": ") + e.message);
    case RunEvent::Type::Progress:
    case RunEvent::Type::Unknown:
        break;
    }
    return {};
}

QString agentStatusText(const Agent& a)
{
    switch (a.status) {
    case Agent::Status::Idle:
        return AgentsTab::tr("idle");
    case Agent::Status::Busy:
        return AgentsTab::tr("busy (%1)").arg(a.activeRunId);
    case Agent::Status::Error:
        return AgentsTab::tr("error: %1").arg(a.statusMessage);
    case Agent::Status::Unknown:
        break;
    }
    return AgentsTab::tr("unknown");
}
} // namespace

AgentsTab::AgentsTab(AgentRunner* runner, WebhookActions* webhooks, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner)
{
    setObjectName(QStringLiteral("agentsTab"));
    auto* outer = new QVBoxLayout(this);
    m_errorBanner = new QLabel;
    m_errorBanner->setObjectName(QStringLiteral("agentsErrorBanner"));
    m_errorBanner->setWordWrap(true);
    m_errorBanner->setStyleSheet(StatusColors::tintStyle(StatusColors::Role::Critical));
    m_errorBanner->hide();
    outer->addWidget(m_errorBanner);
    m_actionMessage = new QLabel;
    m_actionMessage->setObjectName(QStringLiteral("agentsActionMessage"));
    m_actionMessage->setWordWrap(true);
    m_actionMessage->setStyleSheet(StatusColors::tintStyle(StatusColors::Role::Warning));
    m_actionMessage->hide();
    outer->addWidget(m_actionMessage);

    auto* split = new QSplitter(Qt::Horizontal);
    outer->addWidget(split, 1);

    // Left: the agents and the quick actions.
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    m_agentsBox = new QWidget;
    m_agentsLayout = new QVBoxLayout(m_agentsBox);
    m_agentsLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_agentsBox);
    auto* quick = new QGroupBox(tr("Quick actions"));
    quick->setObjectName(QStringLiteral("quickActionsBox"));
    m_quickActions = new QVBoxLayout(quick);
    m_quickBox = quick;
    quick->hide();
    leftLayout->addWidget(quick);
    leftLayout->addStretch(1);
    scroll->setWidget(left);
    scroll->setMinimumWidth(380);
    split->addWidget(scroll);

    // Right: the selected run, then the history.
    auto* right = new QSplitter(Qt::Vertical);
    auto* runBox = new QWidget;
    auto* rv = new QVBoxLayout(runBox);
    auto* head = new QHBoxLayout;
    m_runTitle = new QLabel(tr("No run selected: click a preset to start one."));
    m_runTitle->setObjectName(QStringLiteral("runTitle"));
    QFont bold = m_runTitle->font();
    bold.setBold(true);
    m_runTitle->setFont(bold);
    head->addWidget(m_runTitle, 1);
    m_runStatus = new QLabel;
    m_runStatus->setObjectName(QStringLiteral("runStatusLabel"));
    head->addWidget(m_runStatus);
    m_cancel = new QPushButton(tr("Cancel run"));
    m_cancel->setObjectName(QStringLiteral("cancelRunButton"));
    m_cancel->setEnabled(false);
    head->addWidget(m_cancel);
    rv->addLayout(head);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QStringLiteral("–"));
    rv->addWidget(m_progress);
    m_followMode = new QLabel;
    m_followMode->setObjectName(QStringLiteral("runFollowMode"));
    m_followMode->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Warning));
    m_followMode->hide();
    rv->addWidget(m_followMode);
    auto* io = new QSplitter(Qt::Horizontal);
    m_log = new QPlainTextEdit;
    m_log->setObjectName(QStringLiteral("runLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setPlaceholderText(tr("The run's live log appears here."));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_log->setFont(mono);
    io->addWidget(m_log);
    m_output = new QTextBrowser;
    m_output->setObjectName(QStringLiteral("runOutput"));
    m_output->setOpenExternalLinks(true);
    m_output->setPlaceholderText(tr("The run's output (markdown) appears here when it finishes."));
    io->addWidget(m_output);
    rv->addWidget(io, 1);
    right->addWidget(runBox);

    m_model = new RunHistoryModel(m_runner, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunHistoryModel::RawRole);
    m_history = new QTableView;
    m_history->setObjectName(QStringLiteral("runHistoryTable"));
    m_history->setModel(m_proxy);
    m_history->setSortingEnabled(true);
    m_history->sortByColumn(RunHistoryModel::Started, Qt::DescendingOrder);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->verticalHeader()->hide();
    right->addWidget(m_history);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    split->addWidget(right);
    split->setStretchFactor(1, 1);

    connect(m_history->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showRun(current.data(RunHistoryModel::RunIdRole).toString());
            });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_shownRun.isEmpty())
            return;
        const Run* r = m_runner->run(m_shownRun);
        const auto answer = MessageBox::question(
            this, tr("Cancel run?"),
            tr("Cancel %1 (%2)? Work done so far is lost.").arg(r ? m_runner->runLabel(*r) : m_shownRun, m_shownRun));
        if (answer == QMessageBox::Yes)
            m_runner->cancel(m_shownRun);
    });

    connect(m_runner, &AgentRunner::agentsChanged, this, &AgentsTab::rebuildAgents);
    connect(m_runner, &AgentRunner::errorChanged, this, [this] {
        const ApiError& e = m_runner->lastError();
        SourceStatus st;
        st.state = e.isError() ? SourceStatus::State::Error : SourceStatus::State::Ok;
        st.lastSuccess = m_runner->lastSuccess();
        m_errorBanner->setText(tr("Agent platform: %1").arg(e.message) + staleNote(st));
        m_errorBanner->setVisible(e.isError());
    });
    connect(m_runner, &AgentRunner::runStarted, this, [this](const QString& runId, const QString&) {
        m_actionMessage->hide();
        showRun(runId);
    });
    connect(
        m_runner, &AgentRunner::startFailed, this,
        [this](const QString& agentId, const QString& presetId, const ApiError& e, const FieldErrors&) {
            if (presetId.isEmpty())
                return; // the form shows it
            const Agent* a = m_runner->agent(agentId);
            const Preset* p = a ? a->preset(presetId) : nullptr;
            m_actionMessage->setText(
                tr("%1 not started: %2").arg(p ? QStringLiteral("%1: %2").arg(a->name, p->name) : agentId, e.message));
            m_actionMessage->show();
        });
    connect(m_runner, &AgentRunner::runEvent, this, [this](const QString& runId, const RunEvent& e) {
        if (runId != m_shownRun)
            return;
        const QString line = eventLine(e);
        if (!line.isEmpty())
            m_log->appendPlainText(line);
    });
    connect(m_runner, &AgentRunner::runChanged, this, [this](const QString& runId) {
        if (runId == m_shownRun)
            updateRunView();
        updateAgentCards();
    });
    connect(m_runner, &AgentRunner::runEventsLoaded, this, [this](const QString& runId) {
        if (runId == m_shownRun)
            showRun(runId);
    });
    connect(m_runner, &AgentRunner::followModeChanged, this, [this](const QString& runId, const QString& text) {
        if (runId != m_shownRun)
            return;
        m_followMode->setText(text);
        m_followMode->setVisible(!text.isEmpty());
    });
    connect(m_runner, &AgentRunner::actionFailed, this, [this](const QString& msg) {
        m_actionMessage->setText(msg);
        m_actionMessage->show();
    });
    rebuildAgents();
    setWebhookActions(webhooks);
}

void AgentsTab::setWebhookActions(WebhookActions* actions)
{
    if (!actions || actions->actions().isEmpty())
        return;
    m_quickBox->show();
    for (const WebhookActions::Entry& e : actions->actions()) {
        auto* row = new QHBoxLayout;
        auto* b = new QPushButton(tr("⚡ %1").arg(e.action.name));
        b->setObjectName(QStringLiteral("webhook_%1").arg(e.action.id));
        b->setToolTip(
            tr("n8n on %1: %2 /webhook/%3").arg(e.hostId, QString::fromLatin1(e.action.method), e.action.path));
        auto* result = new QLabel;
        result->setObjectName(QStringLiteral("webhookResult_%1").arg(e.action.id));
        result->setWordWrap(true);
        result->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(b);
        row->addWidget(result, 1);
        m_quickActions->addLayout(row);
        const QString key = e.key();
        connect(b, &QPushButton::clicked, this, [actions, key] { actions->run(key); });
        connect(actions, &WebhookActions::started, result, [result, b, key](const QString& k) {
            if (k != key)
                return;
            b->setEnabled(false);
            result->setStyleSheet(QString());
            result->setText(tr("Calling…"));
        });
        connect(actions, &WebhookActions::finished, result,
                [result, b, key](const QString& k, bool ok, const QString& message) {
                    if (k != key)
                        return;
                    b->setEnabled(true);
                    result->setStyleSheet(
                        StatusColors::labelStyle(ok ? StatusColors::Role::Ok : StatusColors::Role::Critical));
                    result->setText(message);
                });
    }
}

void AgentsTab::rebuildAgents()
{
    QStringList ids;
    for (const Agent& a : m_runner->agents())
        ids << a.id;
    if (m_cardsBuilt && ids == m_agentIds) {
        updateAgentCards();
        return;
    }
    m_cardsBuilt = true;
    // The set of agents changed (first load): build one card per agent.
    while (QLayoutItem* item = m_agentsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_statusLabels.clear();
    m_lastRunLabels.clear();
    m_agentIds = ids;
    if (ids.isEmpty()) {
        auto* none = new QLabel(m_runner->isConfigured() ? tr("Loading agents…")
                                                         : tr("No agent platform is configured (a service of kind "
                                                              "\"agents\" in the configuration)."));
        none->setObjectName(QStringLiteral("noAgentsLabel"));
        none->setWordWrap(true);
        m_agentsLayout->addWidget(none);
        return;
    }
    for (const Agent& a : m_runner->agents()) {
        auto* box = new QGroupBox(a.name);
        box->setObjectName(QStringLiteral("agentCard_%1").arg(a.id));
        auto* v = new QVBoxLayout(box);
        auto* info = new QLabel(QStringLiteral("%1<br><small>%2</small>")
                                    .arg(a.description.toHtmlEscaped(), tr("Model: %1").arg(a.model.toHtmlEscaped())));
        info->setWordWrap(true);
        v->addWidget(info);
        auto* status = new QLabel;
        status->setObjectName(QStringLiteral("agentStatus_%1").arg(a.id));
        v->addWidget(status);
        auto* last = new QLabel;
        last->setObjectName(QStringLiteral("agentLastRun_%1").arg(a.id));
        last->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
        connect(last, &QLabel::linkActivated, this, [this](const QString& runId) { showRun(runId); });
        v->addWidget(last);
        auto* buttons = new QHBoxLayout;
        buttons->setSpacing(4);
        auto* flow = new QVBoxLayout;
        for (const Preset& p : a.presets) {
            auto* b = new QPushButton(tr("▶ %1").arg(p.name));
            b->setObjectName(QStringLiteral("runPreset_%1_%2").arg(a.id, p.id));
            b->setToolTip(p.description);
            const QString agentId = a.id;
            const QString presetId = p.id;
            connect(b, &QPushButton::clicked, this,
                    [this, agentId, presetId] { m_runner->runPreset(agentId, presetId); });
            flow->addWidget(b);
        }
        auto* custom = new QPushButton(tr("Custom run…"));
        custom->setObjectName(QStringLiteral("customRun_%1").arg(a.id));
        const QString agentId = a.id;
        connect(custom, &QPushButton::clicked, this, [this, agentId] { openForm(agentId); });
        flow->addWidget(custom);
        buttons->addLayout(flow, 1);
        v->addLayout(buttons);
        m_statusLabels.insert(a.id, status);
        m_lastRunLabels.insert(a.id, last);
        m_agentsLayout->addWidget(box);
    }
    updateAgentCards();
}

void AgentsTab::updateAgentCards()
{
    for (const Agent& a : m_runner->agents()) {
        if (QLabel* s = m_statusLabels.value(a.id)) {
            s->setText(tr("Status: %1").arg(agentStatusText(a)));
            idle::setStyleSheet(
                s, a.status == Agent::Status::Error  ? StatusColors::labelStyle(StatusColors::Role::Critical)
                   : a.status == Agent::Status::Busy ? StatusColors::labelStyle(StatusColors::Role::Info)
                                                     : QString());
        }
        if (QLabel* l = m_lastRunLabels.value(a.id)) {
            // The newest run we know of, which may be newer than the server's lastRun of the last refresh.
            const Run* newest = nullptr;
            for (const Run& r : m_runner->history()) {
                if (r.agentId == a.id) {
                    newest = &r;
                    break;
                }
            }
            if (newest)
                l->setText(tr("Last run: <a href=\"%1\">%1</a> %2, %3")
                               .arg(newest->id, runStatusName(newest->status),
                                    newest->createdAt.toLocalTime().toString(QStringLiteral("dd.MM. HH:mm"))));
            else if (a.lastRun)
                l->setText(
                    tr("Last run: <a href=\"%1\">%1</a> %2").arg(a.lastRun->id, runStatusName(a.lastRun->status)));
            else
                l->setText(tr("No runs yet"));
        }
    }
}

void AgentsTab::openForm(const QString& agentId)
{
    const Agent* a = m_runner->agent(agentId);
    if (!a)
        return;
    auto* dlg = new AgentRunDialog(m_runner, *a, this);
    dlg->show();
}

void AgentsTab::showRun(const QString& runId)
{
    const bool changed = runId != m_shownRun;
    m_shownRun = runId;
    m_log->clear();
    m_followMode->hide();
    for (const RunEvent& e : m_runner->events(runId)) {
        const QString line = eventLine(e);
        if (!line.isEmpty())
            m_log->appendPlainText(line);
    }
    if (changed) {
        m_outputShownFor.clear();
        m_output->clear();
    }
    if (m_runner->events(runId).isEmpty() && !m_runner->isFollowing(runId))
        m_runner->loadEvents(runId);
    updateRunView();
}

void AgentsTab::updateRunView()
{
    const Run* r = m_runner->run(m_shownRun);
    if (!r) {
        m_cancel->setEnabled(false);
        return;
    }
    m_runTitle->setText(QStringLiteral("%1 · %2").arg(m_runner->runLabel(*r), r->id));
    m_runStatus->setText(runStatusName(r->status));
    m_progress->setValue(static_cast<int>(r->progress * 1000));
    m_progress->setFormat(r->step.isEmpty() ? QStringLiteral("%1 %").arg(qRound(r->progress * 100))
                                            : QStringLiteral("%1 % · %2").arg(qRound(r->progress * 100)).arg(r->step));
    m_cancel->setEnabled(!isFinal(r->status));
    if (isFinal(r->status) &&
        m_outputShownFor != r->id + runStatusName(r->status) + QString::number(r->outputMarkdown.size())) {
        m_outputShownFor = r->id + runStatusName(r->status) + QString::number(r->outputMarkdown.size());
        QString md = r->outputMarkdown;
        if (r->status == RunStatus::Failed)
            md = tr("**Failed:** %1").arg(r->error);
        else if (r->status == RunStatus::Cancelled && md.isEmpty())
            md = tr("*Cancelled.*");
        if (!r->artifacts.isEmpty()) {
            md += QStringLiteral("\n\n---\n\n");
            for (const Artifact& a : r->artifacts)
                md += QStringLiteral("- [%1](%2)\n").arg(a.name, a.url);
        }
        if (r->usage) {
            md += tr("\n\n*%n tokens (%1 prompt, %2 completion)%3*\n", nullptr,
                     static_cast<int>(std::min<qint64>(r->usage->totalTokens, INT_MAX)))
                      .arg(r->usage->promptTokens)
                      .arg(r->usage->completionTokens)
                      .arg(r->usage->costUsd ? QStringLiteral(", $%1").arg(*r->usage->costUsd, 0, 'f', 4) : QString());
        }
        m_output->setMarkdown(md);
    }
}

} // namespace hlc
