#include "agents/AgentTrayMenu.h"

#include "agents/AgentRunner.h"
#include "agents/WebhookActions.h"

namespace hlc {

AgentTrayMenu::AgentTrayMenu(AgentRunner* runner, WebhookActions* webhooks, QWidget* parent)
    : QMenu(tr("Run agent"), parent)
    , m_runner(runner)
    , m_webhooks(webhooks)
{
    setObjectName(QStringLiteral("trayAgentMenu"));
    connect(m_runner, &AgentRunner::agentsChanged, this, &AgentTrayMenu::rebuild);
    rebuild();
}

void AgentTrayMenu::rebuild()
{
    QStringList shape;
    for (const agents::Agent& a : m_runner->agents()) {
        for (const agents::Preset& p : a.presets)
            shape << a.id + QLatin1Char('/') + p.id;
    }
    if (!actions().isEmpty() && shape == m_shape)
        return;
    m_shape = shape;
    clear();
    for (const agents::Agent& a : m_runner->agents()) {
        if (a.presets.isEmpty())
            continue;
        QMenu* sub = addMenu(a.name);
        for (const agents::Preset& p : a.presets) {
            QAction* act = sub->addAction(p.name);
            act->setObjectName(QStringLiteral("trayRun_%1_%2").arg(a.id, p.id));
            act->setToolTip(p.description);
            const QString agentId = a.id;
            const QString presetId = p.id;
            connect(act, &QAction::triggered, m_runner,
                    [r = m_runner, agentId, presetId] { r->runPreset(agentId, presetId); });
        }
    }
    if (m_runner->agents().isEmpty()) {
        QAction* none =
            addAction(m_runner->isConfigured() ? tr("(agents not loaded yet)") : tr("(no agent platform configured)"));
        none->setEnabled(false);
    }
    if (m_webhooks && !m_webhooks->actions().isEmpty()) {
        addSeparator();
        for (const WebhookActions::Entry& e : m_webhooks->actions()) {
            QAction* act = addAction(tr("⚡ %1").arg(e.action.name));
            act->setObjectName(QStringLiteral("trayWebhook_%1").arg(e.action.id));
            const QString key = e.key();
            connect(act, &QAction::triggered, m_webhooks, [w = m_webhooks, key] { w->run(key); });
        }
    }
}

} // namespace hlc
