#include "settings/SettingsDialog.h"

#include "core/ConfigStore.h"
#include "core/StatusColors.h"
#include "settings/GeneralSettingsPage.h"
#include "settings/HostSettingsPage.h"
#include "settings/MaintenanceSettingsPage.h"
#include "settings/NotificationSettingsPage.h"
#include "settings/ProbeSettingsPage.h"
#include "settings/WebhookSettingsPage.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace hlc {

SettingsDialog::SettingsDialog(const Config& config, QWidget* parent)
    : QDialog(parent)
    , m_config(config)
    , m_list(new QListWidget)
    , m_stack(new QStackedWidget)
    , m_problem(new QLabel)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setModal(true);
    auto* v = new QVBoxLayout(this);
    auto* h = new QHBoxLayout;
    m_list->setObjectName(QStringLiteral("settingsPageList"));
    m_list->setMaximumWidth(190);
    h->addWidget(m_list);
    h->addWidget(m_stack, 1);
    v->addLayout(h, 1);

    m_general = new GeneralSettingsPage(&m_config);
    m_hosts = new HostSettingsPage(&m_config);
    auto* probes = new ProbeSettingsPage(&m_config);
    auto* webhooks = new WebhookSettingsPage(&m_config);
    auto* maintenance = new MaintenanceSettingsPage(&m_config);
    m_maintenance = maintenance;
    const QList<QPair<QString, SettingsPage*>> pages{
        {tr("General"), m_general},    {tr("Notifications"), new NotificationSettingsPage(&m_config)},
        {tr("Health probes"), probes}, {tr("n8n webhooks"), webhooks},
        {tr("Hosts"), m_hosts},        {tr("Maintenance"), maintenance}};
    for (const auto& [title, page] : pages) {
        m_list->addItem(title);
        m_stack->addWidget(page);
        m_pages << page;
    }
    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_hosts, &HostSettingsPage::addHostRequested, this, &SettingsDialog::addHostRequested);
    connect(m_hosts, &HostSettingsPage::editServiceRequested, this, &SettingsDialog::editServiceRequested);
    connect(m_hosts, &HostSettingsPage::hostsChanged, probes, &SettingsPage::reload);
    connect(m_hosts, &HostSettingsPage::hostsChanged, webhooks, &SettingsPage::reload);
    connect(m_hosts, &HostSettingsPage::hostsChanged, maintenance, &SettingsPage::reload);

    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(
        StatusColors::bannerStyle(QStringLiteral("settingsProblem"), StatusColors::Role::Critical));
    m_problem->hide();
    v->addWidget(m_problem);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("settingsButtons"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("settingsOkButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("settingsCancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    v->addWidget(buttons);
    m_list->setCurrentRow(0);
    resize(820, 520);
}

void SettingsDialog::setPage(Page page)
{
    m_list->setCurrentRow(static_cast<int>(page));
}

SettingsDialog::Page SettingsDialog::page() const
{
    return static_cast<Page>(m_list->currentRow());
}

QString SettingsDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void SettingsDialog::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void SettingsDialog::accept()
{
    QHash<QString, QString> secrets;
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        const QString problem = m_pages[i]->commit(&secrets);
        if (!problem.isEmpty()) {
            setPage(static_cast<Page>(i));
            showProblem(problem);
            return;
        }
    }
    if (const auto err = ConfigStore::validate(m_config)) {
        showProblem(err->toString());
        return;
    }
    if (m_applier) {
        if (const auto refused = m_applier(m_config, secrets)) {
            showProblem(*refused);
            return;
        }
    }
    if (const QString problem = m_general->applyPreferences(); !problem.isEmpty()) {
        showProblem(problem); // the config is applied; only the autostart file failed
        return;
    }
    showProblem({});
    QDialog::accept();
}

} // namespace hlc
