#include "agents/AgentRunDialog.h"

#include "agents/AgentRunner.h"
#include "agents/AgentsParser.h"
#include "core/StatusColors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hlc {

using namespace hlc::agents;

AgentRunDialog::AgentRunDialog(AgentRunner* runner, const Agent& agent, QWidget* parent)
    : QDialog(parent)
    , m_runner(runner)
    , m_agent(agent)
    , m_generalError(new QLabel)
{
    setObjectName(QStringLiteral("agentRunDialog"));
    setWindowTitle(tr("Run %1").arg(agent.name));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* v = new QVBoxLayout(this);
    if (!agent.description.isEmpty()) {
        auto* d = new QLabel(agent.description);
        d->setWordWrap(true);
        v->addWidget(d);
    }
    auto* form = new QFormLayout;
    for (const InputField& f : agent.inputSchema.fields) {
        QWidget* editor = nullptr;
        switch (f.type) {
        case InputField::Type::String: {
            auto* e = new QLineEdit;
            e->setText(f.defaultValue.toString());
            if (f.maxLength > 0)
                e->setMaxLength(f.maxLength + 1); // one more: too long is reported, not silently cut
            editor = e;
            break;
        }
        case InputField::Type::Text: {
            auto* e = new QPlainTextEdit;
            e->setPlainText(f.defaultValue.toString());
            e->setMaximumHeight(90);
            editor = e;
            break;
        }
        case InputField::Type::Integer: {
            // A line edit, not a spin box: a value out of range must be reportable, not clamped silently.
            auto* e = new QLineEdit;
            if (f.defaultValue.isValid())
                e->setText(QString::number(f.defaultValue.toLongLong()));
            if (f.minimum && f.maximum)
                e->setPlaceholderText(tr("%1 to %2").arg(*f.minimum).arg(*f.maximum));
            editor = e;
            break;
        }
        case InputField::Type::Boolean: {
            auto* e = new QCheckBox;
            e->setChecked(f.defaultValue.toBool());
            editor = e;
            break;
        }
        case InputField::Type::Enum: {
            auto* e = new QComboBox;
            if (!f.required)
                e->addItem(QString());
            e->addItems(f.options);
            const int i = e->findText(f.defaultValue.toString());
            if (i >= 0)
                e->setCurrentIndex(i);
            editor = e;
            break;
        }
        }
        editor->setObjectName(QStringLiteral("field_%1").arg(f.name));
        if (!f.description.isEmpty())
            editor->setToolTip(f.description);
        auto* error = new QLabel;
        error->setObjectName(QStringLiteral("fieldError_%1").arg(f.name));
        error->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Critical));
        error->setWordWrap(true);
        error->hide();
        auto* cell = new QWidget;
        auto* cl = new QVBoxLayout(cell);
        cl->setContentsMargins(0, 0, 0, 0);
        cl->addWidget(editor);
        cl->addWidget(error);
        form->addRow(f.required ? tr("%1 *").arg(f.label()) : f.label(), cell);
        m_editors.insert(f.name, editor);
        m_errors.insert(f.name, error);
    }
    v->addLayout(form);
    m_generalError->setObjectName(QStringLiteral("runFormError"));
    m_generalError->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Critical));
    m_generalError->setWordWrap(true);
    m_generalError->hide();
    v->addWidget(m_generalError);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto* run = buttons->addButton(tr("Run"), QDialogButtonBox::AcceptRole);
    run->setObjectName(QStringLiteral("startRunButton"));
    run->setDefault(true);
    connect(run, &QPushButton::clicked, this, &AgentRunDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);

    const QString agentId = agent.id;
    connect(m_runner, &AgentRunner::runStarted, this, [this, agentId](const QString&, const QString& a) {
        if (m_waiting && a == agentId)
            accept();
    });
    connect(m_runner, &AgentRunner::startFailed, this,
            [this, agentId](const QString& a, const QString& presetId, const ApiError& e, const FieldErrors& fields) {
                if (!m_waiting || a != agentId || !presetId.isEmpty())
                    return;
                m_waiting = false;
                showErrors(fields);
                if (fields.isEmpty()) {
                    m_generalError->setText(e.message);
                    m_generalError->show();
                }
            });
}

QVariantMap AgentRunDialog::formValues() const
{
    QVariantMap out;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        QWidget* w = it.value();
        if (auto* le = qobject_cast<QLineEdit*>(w))
            out.insert(it.key(), le->text());
        else if (auto* te = qobject_cast<QPlainTextEdit*>(w))
            out.insert(it.key(), te->toPlainText());
        else if (auto* cb = qobject_cast<QCheckBox*>(w))
            out.insert(it.key(), cb->isChecked());
        else if (auto* co = qobject_cast<QComboBox*>(w))
            out.insert(it.key(), co->currentText());
    }
    return out;
}

void AgentRunDialog::showErrors(const FieldErrors& errors)
{
    QStringList other;
    for (auto it = m_errors.begin(); it != m_errors.end(); ++it) {
        const QString msg = errors.value(it.key());
        it.value()->setText(msg);
        it.value()->setVisible(!msg.isEmpty());
    }
    for (auto it = errors.begin(); it != errors.end(); ++it) {
        if (!m_errors.contains(it.key()))
            other << QStringLiteral("%1: %2").arg(it.key(), it.value());
    }
    other.sort();
    m_generalError->setText(other.join(QLatin1Char('\n')));
    m_generalError->setVisible(!other.isEmpty());
}

void AgentRunDialog::submit()
{
    if (m_waiting)
        return;
    const QVariantMap input = normalizeInput(m_agent.inputSchema, formValues());
    const FieldErrors errors = validateInput(m_agent.inputSchema, input);
    showErrors(errors);
    if (!errors.isEmpty())
        return;
    m_waiting = true;
    m_runner->runWithInput(m_agent.id, input);
}

} // namespace hlc
