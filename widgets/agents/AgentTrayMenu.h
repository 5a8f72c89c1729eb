#pragma once

#include <QMenu>

namespace hlc {

class AgentRunner;
class WebhookActions;

/**
 * @brief The tray's "Run agent" menu: a submenu per agent with its presets (one click starts the run; the
 * notification arrives when it ends), then the n8n quick actions. Rebuilt when the agents change.
 *
 * Actions are named `trayRun_<agent>_<preset>` and `trayWebhook_<action id>`.
 */
class AgentTrayMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentTrayMenu)
public:
    AgentTrayMenu(AgentRunner* runner, WebhookActions* webhooks, QWidget* parent = nullptr);

private:
    void rebuild();

    AgentRunner* m_runner;
    WebhookActions* m_webhooks;
    QStringList m_shape; ///< agent/preset ids of the current menu
};

} // namespace hlc
