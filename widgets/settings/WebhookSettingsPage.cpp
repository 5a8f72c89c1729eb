#include "settings/WebhookSettingsPage.h"

#include "core/Config.h"
#include "core/SecretStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hlc {

namespace {
const QString kWebhooks = QStringLiteral("webhooks");

ServiceConfig* serviceOf(Config* c, const QString& key)
{
    const QStringList parts = key.split(QLatin1Char('\n'));
    if (parts.size() != 2)
        return nullptr;
    for (HostConfig& h : c->hosts) {
        for (ServiceConfig& s : h.services) {
            if (h.id == parts[0] && s.id == parts[1])
                return &s;
        }
    }
    return nullptr;
}
} // namespace

WebhookSettingsPage::WebhookSettingsPage(Config* config, QWidget* parent)
    : SettingsPage(config, parent)
    , m_services(new QComboBox)
    , m_table(new QTableWidget(0, ColumnCount))
{
    setObjectName(QStringLiteral("webhookSettingsPage"));
    auto* v = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Quick actions that call an n8n workflow's webhook. A header secret is stored in the "
                                "system keychain, never in the configuration file; leave it empty to keep the "
                                "stored one."));
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_services->setObjectName(QStringLiteral("webhookServiceCombo"));
    v->addWidget(m_services);
    m_table->setObjectName(QStringLiteral("webhooksTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Id"), tr("Name"), tr("Webhook path"), tr("Method"), tr("Auth header"), tr("Header secret")});
    m_table->horizontalHeader()->setSectionResizeMode(PathColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add webhook"));
    add->setObjectName(QStringLiteral("addWebhookButton"));
    auto* remove = new QPushButton(tr("Remove webhook"));
    remove->setObjectName(QStringLiteral("removeWebhookButton"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    v->addLayout(buttons);
    auto* none = new QLabel(tr("No n8n service is configured."));
    none->setObjectName(QStringLiteral("noN8nLabel"));
    v->addWidget(none);

    connect(add, &QPushButton::clicked, this, [this] {
        addRow(QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")}});
        m_table->setCurrentCell(m_table->rowCount() - 1, IdColumn);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    connect(m_services, &QComboBox::currentIndexChanged, this,
            [this] { showService(m_services->currentData().toString()); });
    connect(m_services, &QComboBox::currentIndexChanged, this, [this, add, remove, none] {
        const bool any = m_services->count() > 0;
        add->setEnabled(any);
        remove->setEnabled(any);
        none->setVisible(!any);
    });
    reload();
    none->setVisible(m_services->count() == 0);
    add->setEnabled(m_services->count() > 0);
    remove->setEnabled(m_services->count() > 0);
}

void WebhookSettingsPage::reload()
{
    (void)storeShown();
    const QString keep = m_shown;
    m_shown.clear();
    {
        const QSignalBlocker block(m_services);
        m_services->clear();
        for (const HostConfig& h : std::as_const(m_config->hosts)) {
            for (const ServiceConfig& s : h.services) {
                if (s.kind == ServiceKind::N8n)
                    m_services->addItem(QStringLiteral("%1 / %2").arg(h.name.isEmpty() ? h.id : h.name, s.id),
                                        QString(h.id + QLatin1Char('\n') + s.id));
            }
        }
        m_services->setCurrentIndex(std::max(0, m_services->findData(keep)));
    }
    showService(m_services->currentData().toString());
}

void WebhookSettingsPage::addRow(const QJsonObject& action)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* id = new QTableWidgetItem(action.value(QStringLiteral("id")).toString());
    id->setData(Qt::UserRole, action.toVariantMap()); // the keys this page does not show are kept
    m_table->setItem(row, IdColumn, id);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(action.value(QStringLiteral("name")).toString()));
    m_table->setItem(row, PathColumn, new QTableWidgetItem(action.value(QStringLiteral("path")).toString()));
    auto* method = new QComboBox;
    method->addItems({QStringLiteral("POST"), QStringLiteral("GET"), QStringLiteral("PUT"), QStringLiteral("PATCH")});
    method->setCurrentText(action.value(QStringLiteral("method")).toString(QStringLiteral("POST")).toUpper());
    m_table->setCellWidget(row, MethodColumn, method);
    m_table->setItem(row, HeaderColumn, new QTableWidgetItem(action.value(QStringLiteral("headerAuth")).toString()));
    auto* secret = new QLineEdit;
    secret->setObjectName(QStringLiteral("webhookSecretEdit"));
    secret->setEchoMode(QLineEdit::Password);
    secret->setPlaceholderText(tr("unchanged"));
    m_table->setCellWidget(row, SecretColumn, secret);
}

void WebhookSettingsPage::showService(const QString& key)
{
    (void)storeShown();
    m_table->setRowCount(0);
    m_shown = key;
    if (const ServiceConfig* s = serviceOf(m_config, key)) {
        for (const QJsonValue& a : s->extra.value(kWebhooks).toArray())
            addRow(a.toObject());
    }
}

QString WebhookSettingsPage::storeShown()
{
    ServiceConfig* s = serviceOf(m_config, m_shown);
    if (!s)
        return {};
    static const QRegularExpression s_id(QStringLiteral("^[a-z0-9-]+$"));
    const QString hostId = m_shown.section(QLatin1Char('\n'), 0, 0);
    QJsonArray list;
    QSet<QString> ids;
    QString problem;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QJsonObject o = QJsonObject::fromVariantMap(m_table->item(row, IdColumn)->data(Qt::UserRole).toMap());
        const QString id = m_table->item(row, IdColumn)->text().trimmed();
        const QString path = m_table->item(row, PathColumn)->text().trimmed();
        const QString header = m_table->item(row, HeaderColumn)->text().trimmed();
        if (problem.isEmpty() && (!s_id.match(id).hasMatch() || ids.contains(id)))
            problem =
                tr("Webhook %1 of %2: the id must be unique and use only a-z, 0-9 and “-”.").arg(row + 1).arg(s->id);
        if (problem.isEmpty() && path.isEmpty())
            problem = tr("Webhook %1 (%2): the webhook path is missing.").arg(row + 1).arg(id);
        ids.insert(id);
        o.insert(QStringLiteral("id"), id);
        o.insert(QStringLiteral("name"), m_table->item(row, NameColumn)->text().trimmed());
        o.insert(QStringLiteral("path"), path);
        o.insert(QStringLiteral("method"),
                 qobject_cast<QComboBox*>(m_table->cellWidget(row, MethodColumn))->currentText());
        if (header.isEmpty())
            o.remove(QStringLiteral("headerAuth"));
        else
            o.insert(QStringLiteral("headerAuth"), header);
        list.append(o);
        // The secret never goes into `o`: only into the keychain, under the action's key.
        auto* secret = qobject_cast<QLineEdit*>(m_table->cellWidget(row, SecretColumn));
        if (!secret->text().isEmpty() && !id.isEmpty())
            m_secrets.insert(secretKey(hostId, s->id + QLatin1Char('/') + id), secret->text());
    }
    if (list.isEmpty() && !s->extra.contains(kWebhooks))
        return problem;
    s->extra.insert(kWebhooks, list);
    return problem;
}

QString WebhookSettingsPage::commit(QHash<QString, QString>* secrets)
{
    const QString problem = storeShown();
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
        secrets->insert(it.key(), it.value());
    return problem;
}

} // namespace hlc
