#include "metrics/AlertsView.h"

#include "core/Homelab.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertsFilterModel.h"
#include "metrics/AlertsModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hlc {

namespace {
QHash<QString, QString> hostNames(const Homelab* homelab)
{
    QHash<QString, QString> out;
    for (const HostConfig& h : homelab->config().hosts)
        out.insert(h.id, h.name.isEmpty() ? h.id : h.name);
    return out;
}
} // namespace

AlertsView::AlertsView(Homelab* homelab, AlertCenter* alerts, QWidget* parent)
    : QWidget(parent)
    , m_alerts(alerts)
    , m_model(new AlertsModel(alerts, hostNames(homelab), this))
    , m_proxy(new AlertsFilterModel(this))
    , m_table(new QTableView(this))
    , m_hostFilter(new QComboBox(this))
    , m_severityFilter(new QComboBox(this))
    , m_sourceLabel(new QLabel(this))
    , m_resultLabel(new QLabel(this))
    , m_trayLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("alertsView"));
    m_table->setObjectName(QStringLiteral("alertsTable"));
    m_hostFilter->setObjectName(QStringLiteral("alertHostFilter"));
    m_severityFilter->setObjectName(QStringLiteral("alertSeverityFilter"));
    m_sourceLabel->setObjectName(QStringLiteral("alertsSourceLabel"));
    m_resultLabel->setObjectName(QStringLiteral("alertsResultLabel"));
    m_trayLabel->setObjectName(QStringLiteral("alertsTrayLabel"));
    m_sourceLabel->setWordWrap(true);
    m_resultLabel->setWordWrap(true);
    m_trayLabel->setWordWrap(true);
    m_trayLabel->hide();

    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AlertsModel::Severity, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(AlertsModel::Summary, QHeaderView::Stretch);

    m_hostFilter->addItem(tr("All hosts"), QString());
    for (const HostConfig& h : homelab->config().hosts)
        m_hostFilter->addItem(h.name.isEmpty() ? h.id : h.name, h.id);
    m_severityFilter->addItem(tr("All severities"), -1);
    m_severityFilter->addItem(tr("Warning and critical"), int(AlertEntry::Severity::Warning));
    m_severityFilter->addItem(tr("Critical only"), int(AlertEntry::Severity::Critical));
    connect(m_hostFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setHostId(m_hostFilter->currentData().toString()); });
    connect(m_severityFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setMinimumSeverity(m_severityFilter->currentData().toInt()); });

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Host:"), this));
    filters->addWidget(m_hostFilter);
    filters->addWidget(new QLabel(tr("Severity:"), this));
    filters->addWidget(m_severityFilter);
    filters->addStretch(1);
    const QList<QPair<qint64, QString>> durations{
        {3600, tr("Silence 1 h")}, {4 * 3600, tr("Silence 4 h")}, {24 * 3600, tr("Silence 24 h")}};
    for (const auto& [seconds, label] : durations) {
        auto* b = new QPushButton(label, this);
        b->setObjectName(QStringLiteral("silence%1hButton").arg(seconds / 3600));
        const qint64 s = seconds;
        connect(b, &QPushButton::clicked, this, [this, s] { silenceSelected(s); });
        filters->addWidget(b);
        m_silenceButtons << b;
    }

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_trayLabel);
    layout->addWidget(m_sourceLabel);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_resultLabel);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsView::updateButtons);
    connect(m_alerts, &AlertCenter::alertsChanged, this, &AlertsView::updateButtons);
    connect(m_alerts, &AlertCenter::statusChanged, this, &AlertsView::updateSource);
    connect(m_alerts, &AlertCenter::silenceFinished, this,
            [this](const QString&, bool ok, const QString&, const QString& message) {
                m_resultLabel->setText(ok ? message : tr("Silence failed: %1").arg(message));
            });
    updateButtons();
    updateSource();
}

void AlertsView::filterByHost(const QString& hostId)
{
    const int index = m_hostFilter->findData(hostId);
    m_hostFilter->setCurrentIndex(index >= 0 ? index : 0);
}

void AlertsView::setTrayMissing(bool missing)
{
    m_trayLabel->setText(tr("No system tray is available: alerts and notifications are shown in this window only."));
    m_trayLabel->setVisible(missing);
}

QString AlertsView::selectedFingerprint() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(AlertsModel::FingerprintRole).toString();
}

void AlertsView::updateButtons()
{
    const AlertEntry* e = m_alerts->alert(selectedFingerprint());
    const bool can = m_alerts->canSilence() && e && e->state == AlertEntry::State::Firing;
    for (QPushButton* b : std::as_const(m_silenceButtons)) {
        b->setEnabled(can);
        b->setToolTip(m_alerts->canSilence() ? QString() : tr("Silences need an Alertmanager; none is configured."));
    }
}

void AlertsView::updateSource()
{
    QString text;
    if (!m_alerts->isConfigured())
        text = tr("No Prometheus or Alertmanager is configured: there are no alerts to show.");
    else if (m_alerts->status().state == SourceStatus::State::Error)
        text = tr("Alerts could not be read: %1").arg(m_alerts->status().error.message);
    else if (m_alerts->usingPrometheusFallback())
        text = tr("No Alertmanager is configured: alerts come from Prometheus, and cannot be silenced.");
    m_sourceLabel->setText(text);
    m_sourceLabel->setVisible(!text.isEmpty());
}

void AlertsView::silenceSelected(qint64 seconds)
{
    const QString fp = selectedFingerprint();
    if (fp.isEmpty())
        return;
    m_resultLabel->setText(tr("Creating the silence..."));
    m_alerts->silence(fp, seconds);
}

} // namespace hlc
