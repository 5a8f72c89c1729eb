#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;
class QVBoxLayout;

namespace hlc {

class AgentRunner;
class WebhookActions;
class RunHistoryModel;

/**
 * @brief The app-wide "Agents" tab: every agent with its status and last run, a one-click button per preset
 * (`runPreset_<agent>_<preset>`), a form for a custom run (`customRun_<agent>`), the selected run's live log
 * (`runLog`), progress (`runProgress`), markdown output (`runOutput`) and cancel (`cancelRunButton`), and the run
 * history (`runHistoryTable`).
 */
class AgentsTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentsTab)
public:
    /// @p webhooks may be nullptr (no quick actions).
    explicit AgentsTab(AgentRunner* runner, WebhookActions* webhooks = nullptr, QWidget* parent = nullptr);

    /// The run shown in the run view (empty: none).
    [[nodiscard]] QString shownRunId() const { return m_shownRun; }
    void showRun(const QString& runId);
    /// Adds a button per n8n webhook quick action (`webhook_<action id>`, result in `webhookResult_<action id>`).
    void setWebhookActions(WebhookActions* actions);

private:
    void rebuildAgents();
    void updateAgentCards();
    void updateRunView();
    void appendEvent(const QString& runId, const QString& line);
    void openForm(const QString& agentId);

    AgentRunner* m_runner;
    QLabel* m_errorBanner;
    QLabel* m_actionMessage;
    QWidget* m_agentsBox;
    QVBoxLayout* m_agentsLayout;
    QVBoxLayout* m_quickActions;
    QWidget* m_quickBox;
    QHash<QString, QLabel*> m_statusLabels;
    QHash<QString, QLabel*> m_lastRunLabels;
    QStringList m_agentIds;
    bool m_cardsBuilt = false;
    QLabel* m_runTitle;
    QLabel* m_runStatus;
    QLabel* m_followMode;
    QProgressBar* m_progress;
    QPlainTextEdit* m_log;
    QTextBrowser* m_output;
    QPushButton* m_cancel;
    QTableView* m_history;
    RunHistoryModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QString m_shownRun;
    QString m_outputShownFor;
};

} // namespace hlc
