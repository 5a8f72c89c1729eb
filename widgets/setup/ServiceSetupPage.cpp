#include "setup/ServiceSetupPage.h"

#include "core/CertificateTrustDialog.h"
#include "core/MessageBox.h"
#include "core/SecretStore.h"
#include "core/ServiceText.h"
#include "prometheus/NodeQueries.h"
#include "setup/PveumCommands.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace hlc {

namespace {

constexpr AuthScheme kAuthOrder[] = {AuthScheme::None,   AuthScheme::PveToken, AuthScheme::PveTicket,
                                     AuthScheme::ApiKey, AuthScheme::Bearer,   AuthScheme::Basic};

QString authTitle(AuthScheme a)
{
    switch (a) {
    case AuthScheme::None:
        return ServiceSetupPage::tr("None");
    case AuthScheme::PveToken:
        return ServiceSetupPage::tr("Proxmox API token");
    case AuthScheme::PveTicket:
        return ServiceSetupPage::tr("Proxmox user + password");
    case AuthScheme::ApiKey:
        return ServiceSetupPage::tr("API key");
    case AuthScheme::Bearer:
        return ServiceSetupPage::tr("Bearer token");
    case AuthScheme::Basic:
        return ServiceSetupPage::tr("User + password");
    }
    return {};
}

QLineEdit* lineEdit(const QString& objectName, const QString& text = {}, const QString& placeholder = {})
{
    auto* e = new QLineEdit(text);
    e->setObjectName(objectName);
    e->setPlaceholderText(placeholder);
    return e;
}

} // namespace

ServiceSetupPage::ServiceSetupPage(const ServiceConfig& service, QNetworkAccessManager* nam, QWidget* parent)
    : QWidget(parent)
    , m_original(service)
    , m_tester(new ConnectionTester(nam, this))
    , m_pin(service.pinnedSha256)
{
    setObjectName(QStringLiteral("serviceSetupPage_") + serviceKindName(service.kind));
    auto* v = new QVBoxLayout(this);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("serviceProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 4px;"));
    m_problem->hide();
    v->addWidget(m_problem);

    auto* form = new QFormLayout;
    v->addLayout(form);
    auto* kindLabel = new QLabel(serviceKindTitle(service.kind));
    kindLabel->setObjectName(QStringLiteral("serviceKindLabel"));
    form->addRow(tr("Kind"), kindLabel);
    m_id = lineEdit(QStringLiteral("serviceIdEdit"), service.id);
    m_id->setToolTip(tr("Unique on this host: lower-case letters, digits and \"-\"."));
    form->addRow(tr("Id"), m_id);
    m_url = lineEdit(QStringLiteral("serviceUrlEdit"), service.baseUrl.toString(),
                     QStringLiteral("https://192.168.1.10:8006") + ConnectionTester::expectedPath(service.kind));
    form->addRow(tr("URL"), m_url);
    m_auth = new QComboBox;
    m_auth->setObjectName(QStringLiteral("authCombo"));
    for (AuthScheme a : kAuthOrder)
        m_auth->addItem(authTitle(a), static_cast<int>(a));
    m_auth->setCurrentIndex(m_auth->findData(static_cast<int>(service.auth)));
    form->addRow(tr("Authentication"), m_auth);
    m_user = lineEdit(QStringLiteral("userEdit"), service.user);
    form->addRow(service.kind == ServiceKind::Proxmox ? tr("User / token id") : tr("User"), m_user);
    m_secret = lineEdit(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("token, key or password (kept in the keychain)"));
    form->addRow(tr("Secret"), m_secret);
    m_allowCleartext = new QCheckBox(tr("Allow unencrypted on this network (the secret is readable on the wire)"));
    m_allowCleartext->setObjectName(QStringLiteral("allowCleartextCheck"));
    m_allowCleartext->setChecked(service.allowCleartextAuth);
    form->addRow(QString(), m_allowCleartext);
    m_node = lineEdit(QStringLiteral("nodeEdit"), service.proxmoxNode, tr("the node name, e.g. pve"));
    m_cluster = lineEdit(QStringLiteral("clusterEdit"), service.proxmoxCluster, tr("empty: standalone"));
    m_environment = new QSpinBox;
    m_environment->setObjectName(QStringLiteral("environmentSpin"));
    m_environment->setRange(0, 1000000);
    m_environment->setValue(service.portainerEndpointId);
    m_instance = lineEdit(QStringLiteral("instanceEdit"), service.prometheusInstance, tr("e.g. 192.168.1.10:9100"));
    if (service.kind == ServiceKind::Proxmox) {
        form->addRow(tr("Node"), m_node);
        form->addRow(tr("Cluster"), m_cluster);
    } else {
        m_node->hide();
        m_cluster->hide();
    }
    if (service.kind == ServiceKind::Portainer)
        form->addRow(tr("Environment id"), m_environment);
    else
        m_environment->hide();
    m_match = lineEdit(QStringLiteral("matchLabelsEdit"), prom::nodequeries::labelMatchers(service.prometheusMatch),
                       tr("e.g. job=\"node-exporter-hostA\" (empty: match by instance)"));
    m_match->setToolTip(tr("Labels that select this host's node_exporter series in Prometheus, instead of the "
                           "instance: name=\"value\" pairs separated by commas."));
    m_matchError = new QLabel;
    m_matchError->setObjectName(QStringLiteral("matchLabelsError"));
    m_matchError->setWordWrap(true);
    m_matchError->hide();
    if (service.kind == ServiceKind::Prometheus) {
        form->addRow(tr("Prometheus instance"), m_instance);
        form->addRow(tr("Or match by labels"), m_match);
        form->addRow(QString(), m_matchError);
        m_lookup = new PrometheusLabelLookup(nam, this);
        auto* row = new QHBoxLayout;
        m_findSeries = new QPushButton(tr("Find in Prometheus"));
        m_findSeries->setObjectName(QStringLiteral("findSeriesButton"));
        m_findSeries->setToolTip(tr("Ask this Prometheus which jobs and scrape targets it has, and pick this host's."));
        m_seriesChoices = new QComboBox;
        m_seriesChoices->setObjectName(QStringLiteral("seriesChoiceCombo"));
        m_seriesChoices->hide();
        row->addWidget(m_findSeries);
        row->addWidget(m_seriesChoices, 1);
        form->addRow(QString(), row);
        m_seriesResult = new QLabel;
        m_seriesResult->setObjectName(QStringLiteral("findSeriesResult"));
        m_seriesResult->setWordWrap(true);
        form->addRow(QString(), m_seriesResult);
        connect(m_findSeries, &QPushButton::clicked, this, &ServiceSetupPage::findSeries);
        connect(m_lookup, &PrometheusLabelLookup::finished, this, &ServiceSetupPage::showSeriesChoices);
        connect(m_seriesChoices, &QComboBox::activated, this, &ServiceSetupPage::applySeriesChoice);
        connect(m_match, &QLineEdit::textChanged, this, &ServiceSetupPage::checkMatchText);
    } else {
        m_instance->hide();
        m_match->hide();
    }
    m_pinLabel = new QLabel;
    m_pinLabel->setObjectName(QStringLiteral("pinLabel"));
    m_pinLabel->setWordWrap(true);
    m_pinLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pinAnyway = new QPushButton(tr("Pin it anyway…"));
    m_pinAnyway->setObjectName(QStringLiteral("pinAnywayButton"));
    m_pinAnyway->setToolTip(tr("Accept only this exact certificate from now on, even when your system would trust "
                               "another one for this name."));
    m_unpin = new QPushButton(tr("Forget pin"));
    m_unpin->setObjectName(QStringLiteral("unpinButton"));
    m_unpin->setToolTip(tr("Accept what your system trusts again; an untrusted certificate is asked for at the next "
                           "test."));
    auto* pinRow = new QHBoxLayout;
    pinRow->addWidget(m_pinLabel, 1);
    pinRow->addWidget(m_pinAnyway);
    pinRow->addWidget(m_unpin);
    form->addRow(tr("Certificate"), pinRow);
    connect(m_pinAnyway, &QPushButton::clicked, this, &ServiceSetupPage::pinAnyway);
    connect(m_unpin, &QPushButton::clicked, this, [this] {
        m_pin.clear();
        updateKindFields();
    });

    // Least privilege: what to create on the service side.
    m_hint = new QLabel;
    m_hint->setObjectName(QStringLiteral("privilegeHint"));
    m_hint->setWordWrap(true);
    if (service.kind == ServiceKind::Portainer)
        m_hint->setText(tr("Portainer: create the API key (My account > Access tokens) as a user with the "
                           "administrator role; a standard user's key sees only the environments and stacks it was "
                           "given access to, and cannot start or stop stacks it does not own."));
    else if (service.kind == ServiceKind::HomeAssistant)
        m_hint->setText(tr("Home Assistant: create a long-lived access token in your profile (Profile > Security > "
                           "Long-lived access tokens), ideally for a user made for this app."));
    else if (service.kind == ServiceKind::AdGuard)
        m_hint->setText(tr("AdGuard Home: the user and password of its web interface."));
    m_hint->setVisible(!m_hint->text().isEmpty());
    v->addWidget(m_hint);
    if (service.kind == ServiceKind::Proxmox) {
        auto* box = new QGroupBox(tr("Least privilege: create a dedicated read-only API token"));
        box->setObjectName(QStringLiteral("pveumBox"));
        m_pveBox = box;
        auto* bv = new QVBoxLayout(box);
        auto* features = new QHBoxLayout;
        m_pveGuests = new QCheckBox(tr("Guests (VM.Audit)"));
        m_pveGuests->setObjectName(QStringLiteral("pveGuestsCheck"));
        m_pveGuests->setChecked(true);
        m_pveStorage = new QCheckBox(tr("Storage (Datastore.Audit)"));
        m_pveStorage->setObjectName(QStringLiteral("pveStorageCheck"));
        m_pveStorage->setChecked(true);
        m_pveActions = new QCheckBox(tr("Start/stop guests (VM.PowerMgmt)"));
        m_pveActions->setObjectName(QStringLiteral("pveActionsCheck"));
        features->addWidget(m_pveGuests);
        features->addWidget(m_pveStorage);
        features->addWidget(m_pveActions);
        bv->addLayout(features);
        bv->addWidget(new QLabel(tr("Run these on the node as root (a shell on the node, or Shell in its web UI):")));
        m_pveCommands = new QPlainTextEdit;
        m_pveCommands->setObjectName(QStringLiteral("pveumCommands"));
        m_pveCommands->setReadOnly(true);
        m_pveCommands->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_pveCommands->setMaximumHeight(110);
        bv->addWidget(m_pveCommands);
        bv->addWidget(new QLabel(tr("Then paste the output of \"pveum user token add\" here:")));
        m_pvePaste = new QPlainTextEdit;
        m_pvePaste->setObjectName(QStringLiteral("pveumPaste"));
        m_pvePaste->setMaximumHeight(80);
        bv->addWidget(m_pvePaste);
        auto* readRow = new QHBoxLayout;
        auto* read = new QPushButton(tr("Use this token"));
        read->setObjectName(QStringLiteral("readTokenButton"));
        m_pvePasteResult = new QLabel;
        m_pvePasteResult->setObjectName(QStringLiteral("pveumPasteResult"));
        m_pvePasteResult->setWordWrap(true);
        readRow->addWidget(read);
        readRow->addWidget(m_pvePasteResult, 1);
        bv->addLayout(readRow);
        v->addWidget(box);
        for (QCheckBox* c : {m_pveGuests, m_pveStorage, m_pveActions})
            connect(c, &QCheckBox::toggled, this, &ServiceSetupPage::updatePveumCommands);
        connect(read, &QPushButton::clicked, this, &ServiceSetupPage::readPastedToken);
        updatePveumCommands();
    }

    auto* testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("Test connection"));
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("testSummary"));
    m_summary->setWordWrap(true);
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_summary, 1);
    v->addLayout(testRow);
    m_steps = new QTreeWidget;
    m_steps->setObjectName(QStringLiteral("testSteps"));
    m_steps->setHeaderLabels({tr("Step"), tr("Result"), tr("What happened"), tr("What to do")});
    m_steps->setRootIsDecorated(false);
    m_steps->setWordWrap(true);
    m_steps->header()->setStretchLastSection(true);
    v->addWidget(m_steps, 1);

    connect(m_testButton, &QPushButton::clicked, this, &ServiceSetupPage::runTest);
    connect(m_tester, &ConnectionTester::finished, this, [this](const TestReport& r) {
        m_testButton->setEnabled(true);
        showReport(r);
        emit tested(r);
        if (r.failure == TestReport::Failure::TlsUntrusted || r.failure == TestReport::Failure::TlsChanged ||
            r.failure == TestReport::Failure::TlsExpired || r.failure == TestReport::Failure::TlsHostname)
            offerTrust(r);
    });
    connect(m_id, &QLineEdit::textChanged, this, &ServiceSetupPage::titleChanged);
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        updateKindFields();
        emit titleChanged();
    });
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ServiceSetupPage::updateKindFields);
    updateKindFields();
}

void ServiceSetupPage::setEditMode(const QString& hostId, SecretStore* secrets)
{
    m_editMode = true;
    m_hostId = hostId;
    m_secrets = secrets;
    m_id->setReadOnly(true);
    m_secret->setPlaceholderText(tr("unchanged (type to replace the stored secret)"));
}

ServiceConfig ServiceSetupPage::service() const
{
    ServiceConfig s = m_original;
    s.id = m_id->text().trimmed();
    s.baseUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    s.auth = static_cast<AuthScheme>(m_auth->currentData().toInt());
    s.user = m_user->text().trimmed();
    s.allowCleartextAuth = m_allowCleartext->isChecked() && cleartextAuth(s);
    s.pinnedSha256 = m_pin;
    s.proxmoxNode = m_node->text().trimmed();
    s.proxmoxCluster = m_cluster->text().trimmed();
    s.portainerEndpointId = m_environment->value();
    s.prometheusInstance = m_instance->text().trimmed();
    if (s.kind == ServiceKind::Prometheus) {
        // Unreadable text is shown under the field (checkMatchText) and keeps what was configured.
        if (const auto labels = prom::nodequeries::parseLabelMatchers(m_match->text()))
            s.prometheusMatch = *labels;
    }
    return s;
}

QString ServiceSetupPage::secret() const
{
    return m_secret->text();
}

void ServiceSetupPage::setSecret(const QString& secret)
{
    m_secret->setText(secret);
}

bool ServiceSetupPage::isTesting() const
{
    return m_tester->isRunning();
}

void ServiceSetupPage::setProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

QString ServiceSetupPage::title() const
{
    const QUrl u(m_url->text().trimmed());
    const QString where = u.port() > 0 ? QStringLiteral("%1:%2").arg(u.host()).arg(u.port()) : u.host();
    QString t = serviceKindTitle(m_original.kind);
    if (!where.isEmpty())
        t += QStringLiteral(" (") + where + QLatin1Char(')');
    if (cleartextAuth(service()))
        t += QStringLiteral(" \u26A0"); // the warning badge: a secret over http://
    return t;
}

void ServiceSetupPage::updateKindFields()
{
    const ServiceConfig s = service();
    const bool needsSecret = s.auth != AuthScheme::None;
    m_user->setEnabled(s.auth == AuthScheme::PveToken || s.auth == AuthScheme::PveTicket ||
                       s.auth == AuthScheme::Basic);
    m_secret->setEnabled(needsSecret);
    m_allowCleartext->setVisible(cleartextAuth(s) || m_allowCleartext->isChecked());
    m_pinLabel->setText(s.baseUrl.scheme() != QLatin1String("https") ? tr("none (http)")
                        : m_pin.isEmpty() ? tr("trusted by the system, or asked at the first test")
                                          : tr("pinned: %1").arg(CertificateInfo::groupFingerprint(m_pin)));
    updatePinButtons();
}

void ServiceSetupPage::updatePinButtons()
{
    const ServiceConfig s = service();
    const bool https = s.baseUrl.scheme() == QLatin1String("https");
    // Offered after a test that reached the server through a certificate the system trusts (no pin needed).
    const bool trustedBySystem = https && m_pin.isEmpty() && m_report.ok() && !m_report.certificate.isNull() &&
                                 m_report.service.baseUrl == s.baseUrl;
    m_pinAnyway->setVisible(trustedBySystem);
    m_unpin->setVisible(https && !m_pin.isEmpty());
}

void ServiceSetupPage::pinAnyway()
{
    const CertificateInfo& c = m_report.certificate;
    if (c.isNull())
        return;
    const QString hostPort =
        QStringLiteral("%1:%2").arg(m_report.service.baseUrl.host()).arg(m_report.service.baseUrl.port(443));
    if (MessageBox::question(this, tr("Pin this certificate?"),
                             tr("Pin the certificate of %1?\n\nSubject: %2\nIssuer: %3\nValid until: %4\nSHA-256: "
                                "%5\n\nYour system trusts it already. Pinned, only this exact certificate is accepted, "
                                "even one your system would trust; when the server gets a new certificate, you "
                                "confirm it here first.")
                                 .arg(hostPort, c.subject, c.issuer, c.notAfter.toString(Qt::ISODate),
                                      c.groupedFingerprint())) != QMessageBox::Yes)
        return;
    m_pin = c.sha256;
    updateKindFields();
    runTest(); // with the pin: the user sees it connect through it
}

void ServiceSetupPage::runTest()
{
    setProblem({});
    m_testButton->setEnabled(false);
    m_steps->clear();
    m_summary->setText(tr("Testing..."));
    const ServiceConfig s = service();
    if (m_editMode && m_secret->text().isEmpty() && s.auth != AuthScheme::None && m_secrets) {
        // Edit mode, nothing typed: test with the stored secret (read, never shown).
        const QPointer<ServiceSetupPage> self(this);
        m_secrets->read(secretKey(m_hostId, s.id), this, [self, s](const SecretResult& r) {
            if (self)
                self->m_tester->test(s, r.ok() ? r.secret : QString());
        });
        return;
    }
    m_tester->test(s, m_secret->text());
}

void ServiceSetupPage::showReport(const TestReport& r)
{
    m_report = r;
    updatePinButtons();
    m_steps->clear();
    for (const TestStep& step : r.steps) {
        const QString status = step.status == TestStep::Status::Ok       ? tr("OK")
                               : step.status == TestStep::Status::Failed ? tr("Failed")
                                                                         : tr("Skipped");
        auto* item = new QTreeWidgetItem(m_steps, {step.name, status, step.detail, step.next});
        item->setData(0, Qt::UserRole, ConnectionTester::stepKindName(step.kind));
        item->setData(1, Qt::UserRole, static_cast<int>(step.status));
        for (int c = 0; c < 4; ++c)
            item->setToolTip(c, item->text(c));
    }
    m_steps->resizeColumnToContents(0);
    m_steps->resizeColumnToContents(1);
    // What happened is read first: as wide as its text, up to a limit that leaves room for what to do (the full text
    // of every cell is in its tooltip).
    m_steps->resizeColumnToContents(2);
    m_steps->setColumnWidth(2, std::min(m_steps->columnWidth(2), 420));
    m_summary->setText(
        r.ok() ? tr("Connected: %1").arg(r.version.isEmpty() ? r.fact : tr("version %1, %2").arg(r.version, r.fact))
               : tr("Failed: see the step marked Failed."));
}

void ServiceSetupPage::offerTrust(const TestReport& r)
{
    if (r.certificate.isNull())
        return;
    Attention a;
    a.kind = r.failure == TestReport::Failure::TlsChanged ? Attention::Kind::CertificateChanged
                                                          : Attention::Kind::CertificateUntrusted;
    a.hostId = m_hostId;
    a.serviceId = m_id->text();
    a.serviceKind = m_original.kind;
    a.hostPort = QStringLiteral("%1:%2").arg(r.service.baseUrl.host()).arg(r.service.baseUrl.port());
    a.certificate = r.certificate;
    a.pinnedSha256 = r.pinnedSha256;
    a.message = r.steps.isEmpty() ? QString() : r.steps.last().detail;
    for (const TestStep& s : r.steps) {
        if (s.status == TestStep::Status::Failed)
            a.message = s.detail;
    }
    CertificateTrustDialog dialog(a, r.service.baseUrl.host(), this);
    if (dialog.exec() != QDialog::Accepted)
        return; // the service stays untrusted; the user may test again
    m_pin = r.certificate.sha256;
    updateKindFields();
    runTest(); // at once with the pin: the user sees it connect
}

void ServiceSetupPage::findSeries()
{
    if (!m_lookup)
        return;
    m_findSeries->setEnabled(false);
    m_seriesResult->setText(tr("Asking Prometheus..."));
    const ServiceConfig s = service();
    if (m_editMode && m_secret->text().isEmpty() && s.auth != AuthScheme::None && m_secrets) {
        const QPointer<ServiceSetupPage> self(this);
        m_secrets->read(secretKey(m_hostId, s.id), this, [self, s](const SecretResult& r) {
            if (self)
                self->m_lookup->lookup(s, r.ok() ? r.secret : QString());
        });
        return;
    }
    m_lookup->lookup(s, m_secret->text());
}

void ServiceSetupPage::showSeriesChoices(const PrometheusLabelChoices& choices)
{
    m_findSeries->setEnabled(true);
    m_seriesChoices->clear();
    for (const QString& job : choices.jobs) {
        m_seriesChoices->addItem(tr("job \"%1\"").arg(job),
                                 prom::nodequeries::labelMatchers({{QStringLiteral("job"), job}}));
        m_seriesChoices->setItemData(m_seriesChoices->count() - 1, QStringLiteral("labels"), Qt::UserRole + 1);
    }
    for (const PrometheusTargetChoice& t : choices.targets) {
        if (t.instance.isEmpty())
            continue;
        m_seriesChoices->addItem(tr("instance %1 (job %2)").arg(t.instance, t.job), t.instance);
        m_seriesChoices->setItemData(m_seriesChoices->count() - 1, QStringLiteral("instance"), Qt::UserRole + 1);
    }
    m_seriesChoices->setVisible(m_seriesChoices->count() > 0);
    m_seriesChoices->setCurrentIndex(-1);
    if (!choices.ok() && m_seriesChoices->count() == 0)
        m_seriesResult->setText(tr("Prometheus did not answer: %1").arg(choices.error->message));
    else if (m_seriesChoices->count() == 0)
        m_seriesResult->setText(tr("Prometheus has no jobs and no scrape targets yet."));
    else
        m_seriesResult->setText(
            tr("Found %n jobs", nullptr, static_cast<int>(choices.jobs.size())) + QStringLiteral(", ") +
            tr("%n scrape targets: pick the one of this host.", nullptr, static_cast<int>(choices.targets.size())));
}

void ServiceSetupPage::applySeriesChoice(int index)
{
    if (index < 0)
        return;
    const QString value = m_seriesChoices->itemData(index).toString();
    if (m_seriesChoices->itemData(index, Qt::UserRole + 1).toString() == QLatin1String("labels")) {
        m_match->setText(value);
    } else {
        m_instance->setText(value);
        m_match->clear(); // matched by this instance
    }
}

void ServiceSetupPage::checkMatchText()
{
    QString error;
    const bool ok = prom::nodequeries::parseLabelMatchers(m_match->text(), &error).has_value();
    m_matchError->setText(ok ? QString() : error);
    m_matchError->setVisible(!ok);
}

void ServiceSetupPage::updatePveumCommands()
{
    if (!m_pveCommands)
        return;
    PveFeatures f;
    f.guests = m_pveGuests->isChecked();
    f.storage = m_pveStorage->isChecked();
    f.actions = m_pveActions->isChecked();
    m_pveCommands->setPlainText(PveumCommands::commands(f).join(QLatin1Char('\n')));
}

void ServiceSetupPage::readPastedToken()
{
    QString error;
    const auto token = PveumCommands::parseTokenOutput(m_pvePaste->toPlainText(), &error);
    if (!token) {
        m_pvePasteResult->setText(error);
        return;
    }
    m_auth->setCurrentIndex(m_auth->findData(static_cast<int>(AuthScheme::PveToken)));
    m_user->setText(token->tokenId);
    m_secret->setText(token->secret);
    // The paste held the secret: it goes to the (masked) secret field only, not left in plain sight.
    m_pvePaste->clear();
    m_pvePasteResult->setText(tr("Token %1 filled in; test the connection.").arg(token->tokenId));
}

} // namespace hlc
