#include "settings/HostSettingsPage.h"

#include "core/Config.h"
#include "core/MessageBox.h"
#include "core/SecretStore.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hlc {

namespace {
constexpr int kHostRole = Qt::UserRole;
constexpr int kServiceRole = Qt::UserRole + 1;
} // namespace

HostSettingsPage::HostSettingsPage(Config* config, QWidget* parent)
    : SettingsPage(config, parent)
    , m_tree(new QTreeWidget)
    , m_edit(new QPushButton(tr("Edit…")))
    , m_remove(new QPushButton(tr("Remove…")))
{
    setObjectName(QStringLiteral("hostSettingsPage"));
    auto* v = new QVBoxLayout(this);
    m_tree->setObjectName(QStringLiteral("hostsTree"));
    m_tree->setHeaderLabels({tr("Host / service"), tr("Kind"), tr("Address")});
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    v->addWidget(m_tree, 1);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add host…"));
    add->setObjectName(QStringLiteral("addHostButton"));
    m_edit->setObjectName(QStringLiteral("editServiceButton"));
    m_remove->setObjectName(QStringLiteral("removeHostOrServiceButton"));
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    v->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        emit addHostRequested();
        runEditor({}, {});
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        const QTreeWidgetItem* item = m_tree->currentItem();
        if (!item)
            return;
        const QString hostId = item->data(0, kHostRole).toString();
        const QString serviceId = item->data(0, kServiceRole).toString();
        emit editServiceRequested(hostId, serviceId);
        if (m_editor && !serviceId.isEmpty())
            runEditor(hostId, serviceId);
        else // a host line, or no editor: what is configured, read-only
            showDetails(hostId, serviceId);
    });
    connect(m_remove, &QPushButton::clicked, this, &HostSettingsPage::removeSelected);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &HostSettingsPage::updateButtons);
    reload();
}

void HostSettingsPage::runEditor(const QString& hostId, const QString& serviceId)
{
    if (!m_editor)
        return;
    QHash<QString, QString> typed;
    if (const std::optional<Config> changed = m_editor(*m_config, hostId, serviceId, &typed)) {
        m_pendingSecrets.insert(typed);
        *m_config = *changed; // saved and applied with the rest of the dialog on OK
        reload();
        select(serviceId.isEmpty() ? (m_config->hosts.isEmpty() ? QString() : m_config->hosts.last().id) : hostId,
               serviceId);
        emit hostsChanged();
    }
}

void HostSettingsPage::reload()
{
    m_tree->clear();
    for (const HostConfig& h : std::as_const(m_config->hosts)) {
        auto* host = new QTreeWidgetItem(m_tree, {h.name.isEmpty() ? h.id : h.name, tr("host"), h.address});
        host->setData(0, kHostRole, h.id);
        host->setToolTip(0, h.role);
        for (const ServiceConfig& s : h.services) {
            auto* service = new QTreeWidgetItem(host, {s.id, serviceKindName(s.kind), s.baseUrl.toString()});
            service->setData(0, kHostRole, h.id);
            service->setData(0, kServiceRole, s.id);
        }
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);
    updateButtons();
}

void HostSettingsPage::select(const QString& hostId, const QString& serviceId)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, kHostRole).toString() == hostId && (*it)->data(0, kServiceRole).toString() == serviceId) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
}

void HostSettingsPage::updateButtons()
{
    const bool selected = m_tree->currentItem() != nullptr;
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void HostSettingsPage::removeSelected()
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return;
    const QString hostId = item->data(0, kHostRole).toString();
    const QString serviceId = item->data(0, kServiceRole).toString();
    const HostConfig* host = m_config->host(hostId);
    if (!host)
        return;
    const QString hostName = host->name.isEmpty() ? host->id : host->name;
    const QString question =
        serviceId.isEmpty()
            ? tr("Remove the host %1 and its %n services? Their secrets are deleted from the keychain when you "
                 "press OK.",
                 nullptr, static_cast<int>(host->services.size()))
                  .arg(hostName)
            : tr("Remove the service %1 of %2? Its secret is deleted from the keychain when you press OK.")
                  .arg(serviceId, hostName);
    if (MessageBox::question(this, tr("Remove"), question) != QMessageBox::Yes)
        return;
    for (qsizetype i = 0; i < m_config->hosts.size(); ++i) {
        HostConfig& h = m_config->hosts[i];
        if (h.id != hostId)
            continue;
        if (serviceId.isEmpty()) {
            m_config->hosts.removeAt(i);
        } else {
            h.services.removeIf([&serviceId](const ServiceConfig& s) { return s.id == serviceId; });
        }
        break;
    }
    reload();
    emit hostsChanged();
}

void HostSettingsPage::showDetails(const QString& hostId, const QString& serviceId)
{
    const HostConfig* h = m_config->host(hostId);
    if (!h)
        return;
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("serviceDetailsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(h->name.isEmpty() ? h->id : h->name);
    auto* form = new QFormLayout(dialog);
    auto row = [form](const QString& label, const QString& value) {
        auto* l = new QLabel(value);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label, l);
    };
    row(tr("Host"), QStringLiteral("%1 (%2)").arg(h->name, h->id));
    row(tr("Role"), h->role);
    row(tr("Address"), h->address);
    if (const ServiceConfig* s = m_config->service(hostId, serviceId)) {
        row(tr("Service"), QStringLiteral("%1 (%2)").arg(s->id, serviceKindName(s->kind)));
        row(tr("URL"), s->baseUrl.toString());
        row(tr("Authentication"), authSchemeName(s->auth));
        row(tr("User / token id"), s->user);
        row(tr("Pinned certificate"), s->pinnedSha256.isEmpty() ? tr("none") : QString::fromLatin1(s->pinnedSha256));
    } else {
        row(tr("Services"), QString::number(h->services.size()));
    }
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    form->addRow(close);
    dialog->show();
}

QString HostSettingsPage::commit(QHash<QString, QString>* secrets)
{
    // Removals are in the working config already; secrets of services removed after they were typed are dropped.
    for (auto it = m_pendingSecrets.cbegin(); it != m_pendingSecrets.cend(); ++it) {
        bool live = false;
        for (const HostConfig& h : m_config->hosts) {
            for (const ServiceConfig& s : h.services)
                live = live || secretKey(h.id, s.id) == it.key();
        }
        if (live && secrets)
            secrets->insert(it.key(), it.value());
    }
    return {};
}

} // namespace hlc
