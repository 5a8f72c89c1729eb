#include "setup/HostSetupDialog.h"

#include "core/ConfigStore.h"
#include "core/SecretStore.h"
#include "core/ServiceText.h"
#include "setup/ConnectionTester.h"
#include "setup/ImportPlan.h"
#include "setup/ServiceSetupPage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace hlc {

HostSetupDialog::HostSetupDialog(const Config& current, SecretStore* secrets, QNetworkAccessManager* nam,
                                 QWidget* parent)
    : QDialog(parent)
    , m_current(current)
    , m_result(current)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_discovery(new Discovery(this))
{
    m_baseCandidates = Discovery::defaultCandidates();
    setObjectName(QStringLiteral("hostSetupDialog"));
    setWindowTitle(tr("Add a host"));
    resize(980, 720);
    auto* v = new QVBoxLayout(this);

    auto* hostForm = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("hostNameEdit"));
    m_name->setPlaceholderText(tr("e.g. pve-thinkpad"));
    m_address = new QLineEdit;
    m_address->setObjectName(QStringLiteral("hostAddressEdit"));
    m_address->setPlaceholderText(tr("IP address or host name, e.g. 192.168.1.10"));
    m_role = new QLineEdit;
    m_role->setObjectName(QStringLiteral("hostRoleEdit"));
    m_role->setPlaceholderText(tr("e.g. Primary services host"));
    auto* addressRow = new QHBoxLayout;
    addressRow->addWidget(m_address, 1);
    m_discover = new QPushButton(tr("Discover services"));
    m_discover->setObjectName(QStringLiteral("discoverButton"));
    m_discover->setToolTip(tr("Looks for the usual ports of the supported services on this address only, without "
                              "sending any credential."));
    addressRow->addWidget(m_discover);
    hostForm->addRow(tr("Name"), m_name);
    hostForm->addRow(tr("Address"), addressRow);
    m_extraPorts = new QLineEdit;
    m_extraPorts->setObjectName(QStringLiteral("extraPortsEdit"));
    m_extraPorts->setPlaceholderText(tr("optional: ports of services not on their usual port, e.g. 9001, 8443"));
    m_extraPorts->setToolTip(tr("Discovery also tries every supported kind on these ports, over https and http."));
    hostForm->addRow(tr("Other ports"), m_extraPorts);
    hostForm->addRow(tr("Role"), m_role);
    v->addLayout(hostForm);
    m_discoverStatus = new QLabel;
    m_discoverStatus->setObjectName(QStringLiteral("discoverStatus"));
    m_discoverStatus->setWordWrap(true);
    v->addWidget(m_discoverStatus);

    auto* split = new QSplitter;
    auto* left = new QWidget;
    auto* lv = new QVBoxLayout(left);
    lv->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("serviceList"));
    lv->addWidget(m_list, 1);
    auto* addRow = new QHBoxLayout;
    m_addKind = new QComboBox;
    m_addKind->setObjectName(QStringLiteral("addServiceKind"));
    for (int k = 0; k <= static_cast<int>(ServiceKind::N8n); ++k)
        m_addKind->addItem(serviceKindTitle(static_cast<ServiceKind>(k)), k);
    m_add = new QPushButton(tr("Add"));
    m_add->setObjectName(QStringLiteral("addServiceButton"));
    m_remove = new QPushButton(tr("Remove"));
    m_remove->setObjectName(QStringLiteral("removeServiceButton"));
    addRow->addWidget(m_addKind, 1);
    addRow->addWidget(m_add);
    addRow->addWidget(m_remove);
    lv->addLayout(addRow);
    split->addWidget(left);
    m_stack = new QStackedWidget;
    m_stack->setObjectName(QStringLiteral("servicePages"));
    split->addWidget(m_stack);
    split->setStretchFactor(1, 3);
    v->addWidget(split, 1);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("saveError"));
    m_error->setWordWrap(true);
    m_error->hide();
    v->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    v->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &HostSetupDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_discover, &QPushButton::clicked, this, &HostSetupDialog::discover);
    connect(m_add, &QPushButton::clicked, this, [this] {
        addService(ImportPlan::defaultService(static_cast<ServiceKind>(m_addKind->currentData().toInt()),
                                              m_address->text().trimmed()));
    });
    connect(m_remove, &QPushButton::clicked, this, &HostSetupDialog::removeCurrentService);
    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_discovery, &Discovery::finished, this, [this](const QList<DiscoveredService>& found) {
        m_discover->setEnabled(true);
        int added = 0;
        QStringList names;
        for (const DiscoveredService& d : found) {
            bool known = false;
            for (const ServiceSetupPage* p : pages())
                known = known || p->service().baseUrl.port() == d.config.baseUrl.port();
            if (known)
                continue;
            ServiceConfig s = d.config;
            addService(s);
            names << serviceKindTitle(s.kind);
            ++added;
        }
        m_discoverStatus->setText(
            found.isEmpty()
                ? tr("No supported service answered on %1. If they listen on other ports, type those in \"Other "
                     "ports\" and discover again, or add them by hand below.")
                      .arg(m_address->text().trimmed())
                : tr("Found: %1. Enter their secrets and test each connection.")
                      .arg(names.isEmpty() ? tr("nothing new") : names.join(QStringLiteral(", "))));
        emit discoveryFinished(added);
    });
}

HostSetupDialog::~HostSetupDialog() = default;

void HostSetupDialog::setDiscoveryCandidates(const QList<DiscoveryCandidate>& candidates)
{
    m_baseCandidates = candidates;
}

QList<ServiceSetupPage*> HostSetupDialog::pages() const
{
    QList<ServiceSetupPage*> all;
    for (int i = 0; i < m_stack->count(); ++i)
        all << qobject_cast<ServiceSetupPage*>(m_stack->widget(i));
    return all;
}

ServiceSetupPage* HostSetupDialog::addService(const ServiceConfig& service)
{
    ServiceConfig s = service;
    if (m_editServiceId.isEmpty()) {
        // Ids are unique on a host: a second Portainer becomes "portainer-2".
        const QList<ServiceSetupPage*> existing = pages();
        const auto taken = [&existing](const QString& id) {
            for (const ServiceSetupPage* p : existing) {
                if (p->service().id == id)
                    return true;
            }
            return false;
        };
        const QString base = s.id.isEmpty() ? serviceKindName(s.kind) : s.id;
        s.id = base;
        for (int n = 2; taken(s.id); ++n)
            s.id = base + QLatin1Char('-') + QString::number(n);
    }
    auto* page = new ServiceSetupPage(s, m_nam);
    m_stack->addWidget(page);
    auto* item = new QListWidgetItem(page->title(), m_list);
    item->setData(Qt::UserRole, serviceKindName(s.kind));
    connect(page, &ServiceSetupPage::titleChanged, this, &HostSetupDialog::refreshList);
    connect(page, &ServiceSetupPage::tested, this, &HostSetupDialog::refreshList);
    m_list->setCurrentRow(m_list->count() - 1);
    return page;
}

void HostSetupDialog::refreshList()
{
    const QList<ServiceSetupPage*> all = pages();
    for (int i = 0; i < all.size() && i < m_list->count(); ++i) {
        QString text = all.at(i)->title();
        const TestReport& r = all.at(i)->lastReport();
        if (!r.steps.isEmpty())
            text += r.ok() ? tr(" - OK") : tr(" - failed");
        m_list->item(i)->setText(text);
        m_list->item(i)->setToolTip(cleartextAuth(all.at(i)->service())
                                        ? tr("The secret of this service travels unencrypted (http://).")
                                        : QString());
    }
}

void HostSetupDialog::removeCurrentService()
{
    const int row = m_list->currentRow();
    if (row < 0 || !m_editServiceId.isEmpty())
        return;
    QWidget* page = m_stack->widget(row);
    m_stack->removeWidget(page);
    page->deleteLater();
    delete m_list->takeItem(row);
}

void HostSetupDialog::discover()
{
    const QString address = m_address->text().trimmed();
    if (address.isEmpty()) {
        m_discoverStatus->setText(tr("Type the host's address first."));
        return;
    }
    QString error;
    const std::optional<QList<quint16>> ports = Discovery::parsePorts(m_extraPorts->text(), &error);
    if (!ports) {
        m_discoverStatus->setText(error);
        m_extraPorts->setFocus();
        return;
    }
    QList<DiscoveryCandidate> candidates = m_baseCandidates;
    for (quint16 port : *ports)
        candidates << Discovery::candidatesForPort(port);
    m_discovery->setCandidates(candidates);
    m_discover->setEnabled(false);
    m_discoverStatus->setText(tr("Looking for services on %1...").arg(address));
    m_discovery->discover(address);
}

bool HostSetupDialog::editService(const QString& hostId, const QString& serviceId)
{
    const HostConfig* h = m_current.host(hostId);
    const ServiceConfig* s = m_current.service(hostId, serviceId);
    if (!h || !s)
        return false;
    m_editHostId = hostId;
    m_editServiceId = serviceId;
    setWindowTitle(tr("Edit %1 on %2").arg(serviceKindTitle(s->kind), h->name.isEmpty() ? h->id : h->name));
    m_name->setText(h->name);
    m_address->setText(h->address);
    m_role->setText(h->role);
    m_discover->hide();
    m_addKind->hide();
    m_add->hide();
    m_remove->hide();
    ServiceSetupPage* page = addService(*s);
    page->setEditMode(hostId, m_secrets);
    return true;
}

QString HostSetupDialog::hostIdFor(const QString& name, const Config& c)
{
    return ImportPlan::hostIdFor(name, c);
}

void HostSetupDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_save->setEnabled(true);
}

void HostSetupDialog::save()
{
    showError({});
    Config next = m_current;
    QList<QPair<QString, QString>> secrets; // (key, secret): to the keychain, never into `next`
    const QList<ServiceSetupPage*> all = pages();
    HostConfig* host = nullptr;
    QString hostId;
    if (m_editServiceId.isEmpty()) {
        if (m_name->text().trimmed().isEmpty() || m_address->text().trimmed().isEmpty()) {
            showError(tr("Give the host a name and an address."));
            return;
        }
        HostConfig h;
        h.id = hostIdFor(m_name->text().trimmed(), m_current);
        h.name = m_name->text().trimmed();
        h.address = m_address->text().trimmed();
        h.role = m_role->text().trimmed();
        next.hosts << h;
        host = &next.hosts.last();
    } else {
        for (HostConfig& h : next.hosts) {
            if (h.id == m_editHostId)
                host = &h;
        }
        host->name = m_name->text().trimmed();
        host->address = m_address->text().trimmed();
        host->role = m_role->text().trimmed();
    }
    hostId = host->id;
    for (int i = 0; i < all.size(); ++i) {
        ServiceSetupPage* page = all.at(i);
        page->setProblem({});
        const ServiceConfig s = page->service();
        if (cleartextAuthRefused(s)) {
            page->setProblem(tr("This service would send its secret unencrypted over http://. Use https://, or tick "
                                "\"allow unencrypted on this network\"."));
            m_list->setCurrentRow(i);
            showError(tr("%1: the secret would travel unencrypted.").arg(page->title()));
            return;
        }
        if (m_editServiceId.isEmpty()) {
            host->services << s;
        } else {
            for (ServiceConfig& existing : host->services) {
                if (existing.id == m_editServiceId)
                    existing = s;
            }
        }
        if (!page->secret().isEmpty() && s.auth != AuthScheme::None)
            secrets << qMakePair(secretKey(hostId, s.id), page->secret());
    }
    if (const auto error = ConfigStore::validate(next)) {
        showError(tr("The configuration would not be valid: %1").arg(error->toString()));
        return;
    }
    if (!secrets.isEmpty() && !m_secrets && !m_deferSecrets) {
        showError(tr("No keychain is available to store the secrets."));
        return;
    }
    m_save->setEnabled(false);
    storeSecrets(next, secrets);
}

void HostSetupDialog::storeSecrets(const Config& config, const QList<QPair<QString, QString>>& secrets)
{
    m_writeErrors.clear();
    if (m_deferSecrets) {
        m_deferred.clear();
        for (const auto& [key, secret] : secrets)
            m_deferred.insert(key, secret);
        finishSave(config);
        return;
    }
    m_pendingWrites = static_cast<int>(secrets.size());
    if (m_pendingWrites == 0) {
        finishSave(config);
        return;
    }
    for (const auto& [key, secret] : secrets) {
        m_secrets->write(key, secret, this, [this, config, key = key](const SecretResult& r) {
            if (!r.ok())
                m_writeErrors << tr("%1: %2").arg(key, r.message);
            if (--m_pendingWrites == 0) {
                if (!m_writeErrors.isEmpty()) {
                    showError(tr("The secrets could not be stored in the keychain, nothing was saved: %1")
                                  .arg(m_writeErrors.join(QStringLiteral("; "))));
                    return;
                }
                finishSave(config);
            }
        });
    }
}

void HostSetupDialog::finishSave(const Config& config)
{
    if (!m_savePath.isEmpty()) {
        if (const auto error = ConfigStore::save(config, m_savePath)) {
            showError(tr("The configuration file could not be written: %1").arg(error->toString()));
            return;
        }
    }
    m_result = config;
    emit saved(config);
    accept();
}

std::optional<Config> HostSetupDialog::addHost(const Config& current, SecretStore* secrets, QNetworkAccessManager* nam,
                                               QWidget* parent, QHash<QString, QString>* deferSecretsTo)
{
    HostSetupDialog d(current, secrets, nam, parent);
    d.setDeferSecrets(deferSecretsTo != nullptr);
    if (d.exec() != QDialog::Accepted)
        return std::nullopt;
    if (deferSecretsTo)
        deferSecretsTo->insert(d.deferredSecrets());
    return d.config();
}

std::optional<Config> HostSetupDialog::editService(const Config& current, const QString& hostId,
                                                   const QString& serviceId, SecretStore* secrets,
                                                   QNetworkAccessManager* nam, QWidget* parent,
                                                   QHash<QString, QString>* deferSecretsTo)
{
    HostSetupDialog d(current, secrets, nam, parent);
    if (!d.editService(hostId, serviceId))
        return std::nullopt;
    d.setDeferSecrets(deferSecretsTo != nullptr);
    if (d.exec() != QDialog::Accepted)
        return std::nullopt;
    if (deferSecretsTo)
        deferSecretsTo->insert(d.deferredSecrets());
    return d.config();
}

} // namespace hlc
