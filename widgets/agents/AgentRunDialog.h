#pragma once

#include "agents/AgentsTypes.h"

#include <QDialog>
#include <QHash>

class QLabel;

namespace hlc {

class AgentRunner;

/**
 * @brief A form built from an agent's input schema for a custom run. Validates before sending; the server's
 * per-field errors (400) are shown at the fields. Closes itself when the run started.
 *
 * Editors are named `field_<name>`, their error labels `fieldError_<name>`, the run button `startRunButton`.
 */
class AgentRunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentRunDialog)
public:
    AgentRunDialog(AgentRunner* runner, const agents::Agent& agent, QWidget* parent = nullptr);

    /// The form's values as typed (strings, bools), before normalisation.
    [[nodiscard]] QVariantMap formValues() const;
    /// Shows @p errors at their fields (others in the general error line); clears the rest.
    void showErrors(const agents::FieldErrors& errors);

private:
    void submit();

    AgentRunner* m_runner;
    agents::Agent m_agent;
    QHash<QString, QWidget*> m_editors;
    QHash<QString, QLabel*> m_errors;
    QLabel* m_generalError;
    bool m_waiting = false;
};

} // namespace hlc
