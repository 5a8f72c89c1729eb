#include "metrics/AlertsView.h"

#include "core/Format.h"
#include "core/Homelab.h"
#include "core/MessageBox.h"
#include "core/SourceBanner.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertsFilterModel.h"
#include "metrics/AlertsModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
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
    , m_emptyLabel(new QLabel(this))
    , m_silences(new QTableWidget(this))
    , m_expireButton(new QPushButton(tr("Expire silence…"), this))
    , m_silencesLabel(new QLabel(this))
    , m_clock(new QTimer(this))
{
    for (const HostConfig& h : homelab->config().hosts) {
        for (const ServiceConfig& s : h.services) {
            if (s.kind == ServiceKind::Alertmanager && m_amUrl.isEmpty())
                m_amUrl = s.baseUrl.toDisplayString(QUrl::RemoveUserInfo);
        }
    }
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

    m_emptyLabel->setObjectName(QStringLiteral("alertsEmptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->hide();

    // Silences: who, why, until, matchers; active and pending (expired ones are history, not shown).
    m_silences->setObjectName(QStringLiteral("silencesTable"));
    m_silences->setColumnCount(5);
    m_silences->setHorizontalHeaderLabels({tr("State"), tr("Until"), tr("Created by"), tr("Comment"), tr("Matchers")});
    m_silences->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_silences->setSelectionMode(QAbstractItemView::SingleSelection);
    m_silences->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_silences->verticalHeader()->hide();
    m_silences->horizontalHeader()->setStretchLastSection(true);
    m_silences->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_silences->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_silences->setWordWrap(false);
    m_silences->setTextElideMode(Qt::ElideMiddle);
    m_expireButton->setObjectName(QStringLiteral("expireSilenceButton"));
    m_expireButton->setToolTip(tr("End the selected silence now: its alerts notify again"));
    m_silencesLabel->setObjectName(QStringLiteral("silencesLabel"));
    m_silencesLabel->setWordWrap(true);
    connect(m_expireButton, &QPushButton::clicked, this, &AlertsView::expireSelectedSilence);
    connect(m_silences, &QTableWidget::itemSelectionChanged, this,
            [this] { m_expireButton->setEnabled(m_alerts->canSilence() && !m_silences->selectedItems().isEmpty()); });

    auto* alertsPart = new QWidget(this);
    auto* al = new QVBoxLayout(alertsPart);
    al->setContentsMargins(0, 0, 0, 0);
    al->addLayout(filters);
    al->addWidget(m_emptyLabel);
    al->addWidget(m_table, 1);
    auto* silencesPart = new QWidget(this);
    auto* sl = new QVBoxLayout(silencesPart);
    sl->setContentsMargins(0, 0, 0, 0);
    auto* silenceHead = new QHBoxLayout;
    auto* silencesTitle = new QLabel(tr("<b>Silences</b>"), this);
    silenceHead->addWidget(silencesTitle);
    silenceHead->addWidget(m_silencesLabel, 1);
    silenceHead->addWidget(m_expireButton);
    sl->addLayout(silenceHead);
    sl->addWidget(m_silences, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("alertsSplitter"));
    split->addWidget(alertsPart);
    split->addWidget(silencesPart);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_trayLabel);
    layout->addWidget(m_sourceLabel);
    layout->addWidget(split, 1);
    layout->addWidget(m_resultLabel);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsView::updateButtons);
    connect(m_alerts, &AlertCenter::alertsChanged, this, &AlertsView::updateButtons);
    connect(m_alerts, &AlertCenter::statusChanged, this, &AlertsView::updateSource);
    connect(m_alerts, &AlertCenter::silenceFinished, this,
            [this](const QString&, bool ok, const QString&, const QString& message) {
                m_resultLabel->setText(ok ? message : tr("Silence failed: %1").arg(message));
            });
    connect(m_alerts, &AlertCenter::silencesChanged, this, &AlertsView::updateSilences);
    connect(m_alerts, &AlertCenter::alertsChanged, this, &AlertsView::updateEmptyState);
    connect(m_alerts, &AlertCenter::statusChanged, this, &AlertsView::updateEmptyState);
    connect(m_alerts, &AlertCenter::silenceExpired, this, [this](const QString& id, bool ok, const QString& message) {
        m_resultLabel->setText(ok ? tr("Silence %1 expired: Alertmanager reports it ended.").arg(id.left(8))
                                  : tr("Silence %1 not expired: %2").arg(id.left(8), message));
    });
    // "answered 4 s ago" stays true while the tab is open (and costs nothing while another one is).
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, [this] {
        if (isVisible())
            updateEmptyState();
    });
    m_clock->start();
    updateButtons();
    updateSource();
    updateSilences();
    updateEmptyState();
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
        text = tr("Alerts could not be read: %1").arg(m_alerts->status().error.message) + staleNote(m_alerts->status());
    else if (m_alerts->usingPrometheusFallback())
        text = tr("No Alertmanager is configured: alerts come from Prometheus, and cannot be silenced.");
    m_sourceLabel->setText(text);
    m_sourceLabel->setVisible(!text.isEmpty());
}

bool AlertsView::selectAlert(const QString& fingerprint)
{
    const int row = m_model->rowOfKey(fingerprint);
    if (row < 0)
        return false;
    const QModelIndex idx = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!idx.isValid())
        return false;
    m_table->selectRow(idx.row());
    return true;
}

void AlertsView::silenceSelected(qint64 seconds)
{
    const QString fp = selectedFingerprint();
    if (fp.isEmpty())
        return;
    m_resultLabel->setText(tr("Creating the silence..."));
    m_alerts->silence(fp, seconds);
}

void AlertsView::updateEmptyState()
{
    bool firing = false;
    for (const AlertEntry& a : m_alerts->alerts())
        firing = firing || a.state == AlertEntry::State::Firing;
    const SourceStatus& st = m_alerts->status();
    QString text;
    if (!firing && m_alerts->isConfigured() && st.lastSuccess.isValid() && st.state != SourceStatus::State::Error) {
        const qint64 age = std::max<qint64>(0, st.lastSuccess.secsTo(QDateTime::currentDateTimeUtc()));
        text = m_alerts->usingPrometheusFallback()
                   ? tr("No alert is firing. Prometheus answered %1.").arg(format::ago(age))
                   : tr("No alert is firing. Alertmanager at %1 answered %2.").arg(m_amUrl, format::ago(age));
    }
    m_emptyLabel->setText(text);
    m_emptyLabel->setVisible(!text.isEmpty());
}

void AlertsView::updateSilences()
{
    const QString selected =
        m_silences->selectedItems().isEmpty()
            ? QString()
            : m_silences->item(m_silences->selectedItems().first()->row(), 0)->data(Qt::UserRole).toString();
    const QList<am::Silence>& list = m_alerts->silences();
    m_silences->setRowCount(static_cast<int>(list.size()));
    for (int row = 0; row < list.size(); ++row) {
        const am::Silence& s = list.at(row);
        QStringList matchers;
        for (const am::Matcher& m : s.matchers) {
            const QString op = m.isRegex ? (m.isEqual ? QStringLiteral("=~") : QStringLiteral("!~"))
                                         : (m.isEqual ? QStringLiteral("=") : QStringLiteral("!="));
            matchers << QStringLiteral("%1%2\"%3\"").arg(m.name, op, m.value);
        }
        const QString state =
            s.state == QLatin1String("pending")
                ? tr("pending (from %1)").arg(QLocale().toString(s.startsAt.toLocalTime(), QLocale::ShortFormat))
                : tr("active");
        const QStringList cells{state, QLocale().toString(s.endsAt.toLocalTime(), QLocale::ShortFormat), s.createdBy,
                                s.comment, matchers.join(QStringLiteral(", "))};
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells.at(col));
            item->setToolTip(cells.at(col));
            item->setData(Qt::UserRole, s.id);
            m_silences->setItem(row, col, item);
        }
        if (s.id == selected)
            m_silences->selectRow(row);
    }
    m_silencesLabel->setText(!m_alerts->canSilence() ? tr("Silences need an Alertmanager; none is configured.")
                             : list.isEmpty() ? (m_alerts->silencesRead() ? tr("No silence is active or pending.")
                                                                          : tr("Reading the silences…"))
                                              : QString());
    m_expireButton->setEnabled(m_alerts->canSilence() && !m_silences->selectedItems().isEmpty());
}

void AlertsView::expireSelectedSilence()
{
    const QList<QTableWidgetItem*> sel = m_silences->selectedItems();
    if (sel.isEmpty())
        return;
    const int row = sel.first()->row();
    const QString id = m_silences->item(row, 0)->data(Qt::UserRole).toString();
    const QString matchers = m_silences->item(row, 4)->text();
    if (MessageBox::question(this, tr("Expire silence"),
                             tr("Expire the silence on %1 now? Its alerts notify again.").arg(matchers)) !=
        QMessageBox::Yes) {
        m_resultLabel->setText(tr("Cancelled: nothing was sent."));
        return;
    }
    m_resultLabel->setText(tr("Expiring the silence…"));
    m_alerts->expireSilence(id);
}

} // namespace hlc
