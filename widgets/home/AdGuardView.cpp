#include "home/AdGuardView.h"

#include "core/Format.h"
#include "core/IdleCost.h"
#include "core/MessageBox.h"
#include "core/SourceBanner.h"
#include "core/StatusColors.h"
#include "core/TableSizing.h"
#include "home/AdGuardFilterListModel.h"
#include "home/AdGuardMonitor.h"
#include "home/AdGuardQueryLogModel.h"
#include "home/AdGuardTopListModel.h"
#include "home/HomeServices.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace hlc {

namespace {
QTableView* makeTable(QAbstractItemModel* model, const QString& objectName, int sortColumn, Qt::SortOrder order,
                      int stretchColumn)
{
    auto* proxy = new QSortFilterProxyModel(model);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    proxy->setDynamicSortFilter(true);
    auto* t = new QTableView;
    t->setObjectName(objectName);
    t->setModel(proxy);
    t->setSortingEnabled(true);
    t->sortByColumn(sortColumn, order);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    tablesizing::fitToContents(t, stretchColumn);
    return t;
}

QLabel* valueLabel(const QString& objectName)
{
    auto* l = new QLabel(QStringLiteral("–"));
    l->setObjectName(objectName);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

AdGuardView::AdGuardView(HomeServices* services, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_instance(new QComboBox)
    , m_error(new QLabel)
    , m_protection(valueLabel(QStringLiteral("protectionLabel")))
    , m_remaining(valueLabel(QStringLiteral("pauseRemainingLabel")))
    , m_server(valueLabel(QStringLiteral("adguardServerLabel")))
    , m_pauseDuration(new QComboBox)
    , m_pause(new QPushButton(tr("Pause protection")))
    , m_resume(new QPushButton(tr("Resume protection")))
    , m_actionResult(new QLabel)
    , m_pauseNote(new QLabel)
    , m_queries(valueLabel(QStringLiteral("dnsQueriesLabel")))
    , m_blocked(valueLabel(QStringLiteral("blockedLabel")))
    , m_blockedPercent(valueLabel(QStringLiteral("blockedPercentLabel")))
    , m_safety(valueLabel(QStringLiteral("safetyLabel")))
    , m_avgTime(valueLabel(QStringLiteral("avgTimeLabel")))
    , m_rules(valueLabel(QStringLiteral("rulesLabel")))
    , m_chartView(new QChartView)
    , m_querySeries(new QLineSeries)
    , m_blockedSeries(new QLineSeries)
    , m_axisX(new QValueAxis)
    , m_axisY(new QValueAxis)
    , m_topClients(new AdGuardTopListModel(tr("Client"), this))
    , m_topQueried(new AdGuardTopListModel(tr("Domain"), this))
    , m_topBlocked(new AdGuardTopListModel(tr("Blocked domain"), this))
    , m_filters(new AdGuardFilterListModel(this))
    , m_log(new AdGuardQueryLogModel(this))
    , m_blockedOnly(new QCheckBox(tr("Blocked only")))
    , m_clientFilter(new QLineEdit)
    , m_countdown(new QTimer(this))
{
    setObjectName(QStringLiteral("adguardView"));
    m_instance->setObjectName(QStringLiteral("adguardInstance"));
    m_error->setObjectName(QStringLiteral("adguardError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Critical));
    m_error->hide();
    m_pauseDuration->setObjectName(QStringLiteral("pauseDuration"));
    m_pauseDuration->addItem(tr("for 1 minute"), 60'000);
    m_pauseDuration->addItem(tr("for 10 minutes"), 600'000);
    m_pauseDuration->addItem(tr("for 1 hour"), 3'600'000);
    m_pauseDuration->addItem(tr("until re-enabled"), 0);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    m_actionResult->setObjectName(QStringLiteral("adguardActionResult"));
    m_actionResult->setWordWrap(true);
    m_pauseNote->setObjectName(QStringLiteral("pauseTimerNote"));
    m_pauseNote->setWordWrap(true);
    m_pauseNote->hide();
    m_blockedOnly->setObjectName(QStringLiteral("blockedOnlyCheck"));
    m_clientFilter->setObjectName(QStringLiteral("clientFilterEdit"));
    m_clientFilter->setPlaceholderText(tr("Client IP or domain"));
    m_clientFilter->setClearButtonEnabled(true);

    // Protection row.
    auto* protection = new QGroupBox(tr("Protection"));
    auto* pl = new QGridLayout(protection);
    pl->addWidget(m_protection, 0, 0);
    pl->addWidget(m_remaining, 0, 1);
    pl->addWidget(m_server, 0, 2, 1, 2);
    pl->addWidget(m_pause, 1, 0);
    pl->addWidget(m_pauseDuration, 1, 1);
    pl->addWidget(m_resume, 1, 2);
    pl->addWidget(m_pauseNote, 2, 0, 1, 4);
    pl->addWidget(m_actionResult, 3, 0, 1, 4);

    // Counters.
    auto* counters = new QGroupBox(tr("Statistics"));
    auto* cf = new QFormLayout(counters);
    cf->addRow(tr("DNS queries:"), m_queries);
    cf->addRow(tr("Blocked by filters:"), m_blocked);
    cf->addRow(tr("Blocked share:"), m_blockedPercent);
    cf->addRow(tr("Safe browsing / parental:"), m_safety);
    cf->addRow(tr("Average processing time:"), m_avgTime);
    cf->addRow(tr("Filter rules:"), m_rules);

    // 24 h chart.
    auto* chart = new QChart;
    m_querySeries->setName(tr("Queries"));
    m_blockedSeries->setName(tr("Blocked"));
    chart->addSeries(m_querySeries);
    chart->addSeries(m_blockedSeries);
    m_axisX->setTitleText(tr("Hours ago"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisX->setRange(-23, 0);
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QLineSeries* s : {m_querySeries, m_blockedSeries}) {
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    chart->setTitle(tr("Last 24 hours"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_chartView->setChart(chart);
    m_chartView->setObjectName(QStringLiteral("adguardChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(200);

    // Above: protection and counters beside the 24 h chart, at their natural height. Below, the part that grows: the
    // query log and the top lists, one at a time in tabs, so each has the room of a whole table (at 1280x800 a
    // dozen rows, where five tables side by side showed one or two).
    auto* left = new QVBoxLayout;
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(protection);
    left->addWidget(counters);
    left->addStretch(1);
    auto* top = new QWidget;
    auto* topRow = new QHBoxLayout(top);
    topRow->setContentsMargins(0, 0, 0, 0);
    topRow->addLayout(left, 1);
    topRow->addWidget(m_chartView, 2);
    m_chartView->setMaximumHeight(300);

    auto* logPage = new QWidget;
    auto* lv = new QVBoxLayout(logPage);
    auto* lf = new QHBoxLayout;
    lf->addWidget(m_blockedOnly);
    lf->addWidget(m_clientFilter, 1);
    lv->addLayout(lf);
    lv->addWidget(makeTable(m_log, QStringLiteral("queryLogTable"), AdGuardQueryLogModel::Time, Qt::DescendingOrder,
                            AdGuardQueryLogModel::Domain));

    auto* lists = new QTabWidget;
    lists->setObjectName(QStringLiteral("adguardLists"));
    lists->setDocumentMode(true);
    lists->addTab(logPage, tr("Query log"));
    lists->addTab(makeTable(m_topClients, QStringLiteral("topClientsTable"), 1, Qt::DescendingOrder, 0),
                  tr("Top clients"));
    lists->addTab(makeTable(m_topQueried, QStringLiteral("topQueriedTable"), 1, Qt::DescendingOrder, 0),
                  tr("Top domains"));
    lists->addTab(makeTable(m_topBlocked, QStringLiteral("topBlockedTable"), 1, Qt::DescendingOrder, 0),
                  tr("Top blocked domains"));
    lists->addTab(makeTable(m_filters, QStringLiteral("filterListsTable"), 0, Qt::AscendingOrder, 0),
                  tr("Filter lists"));

    auto* body = new QSplitter(Qt::Vertical);
    body->setObjectName(QStringLiteral("adguardSplitter"));
    body->setChildrenCollapsible(false);
    body->addWidget(top);
    body->addWidget(lists);
    body->setStretchFactor(0, 0);
    body->setStretchFactor(1, 1);

    auto* v = new QVBoxLayout(this);
    v->addWidget(m_instance);
    v->addWidget(m_error);
    v->addWidget(body, 1);

    if (m_services) {
        for (AdGuardMonitor* m : m_services->adGuards())
            m_instance->addItem(m->hostName(), QVariant::fromValue(static_cast<QObject*>(m)));
    }
    m_instance->setVisible(m_instance->count() > 1);
    connect(m_instance, &QComboBox::currentIndexChanged, this,
            [this](int i) { setMonitor(qobject_cast<AdGuardMonitor*>(m_instance->itemData(i).value<QObject*>())); });
    connect(m_pause, &QPushButton::clicked, this, &AdGuardView::requestPause);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (!m_monitor)
            return;
        m_actionResult->setText(tr("Resuming protection…"));
        m_monitor->resume();
        updateProtection();
    });
    connect(m_blockedOnly, &QCheckBox::toggled, this, &AdGuardView::applyQueryFilter);
    connect(m_clientFilter, &QLineEdit::editingFinished, this, &AdGuardView::applyQueryFilter);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &AdGuardView::updateProtection);
    m_countdown->start();
    setMonitor(m_services && !m_services->adGuards().isEmpty() ? m_services->adGuards().first() : nullptr);
}

void AdGuardView::setMonitor(AdGuardMonitor* m)
{
    if (m_monitor) {
        m_monitor->disconnect(this);
        m_monitor->setQueryLogInterest([] { return false; }); // another instance is shown now
    }
    m_monitor = m;
    if (m_monitor) {
        m_monitor->setQueryLogInterest(
            [self = QPointer<QWidget>(this)] { return self && !idle::hiddenInShownWindow(self); });
        connect(m_monitor, &AdGuardMonitor::updated, this, &AdGuardView::updateAll);
        connect(m_monitor, &AdGuardMonitor::queryLogUpdated, this, [this] {
            if (!deferWhileHidden())
                m_log->setEntries(m_monitor->queryLog());
        });
        connect(m_monitor, &AdGuardMonitor::actionFinished, this, [this](bool ok, const QString& message) {
            m_actionResult->setText(message);
            m_actionResult->setStyleSheet(ok ? QString() : StatusColors::labelStyle(StatusColors::Role::Critical));
        });
        m_log->setEntries(m_monitor->queryLog());
    }
    updateAll();
}

int AdGuardView::chartPoints() const
{
    return static_cast<int>(m_querySeries->count());
}

bool AdGuardView::deferWhileHidden()
{
    if (!idle::hiddenInShownWindow(this))
        return false;
    m_stale = true; // the query log is not fetched meanwhile: see setQueryLogInterest() in setMonitor()
    return true;
}

void AdGuardView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_monitor)
        m_monitor->queryLogNeededNow();
    if (m_stale) { // catch up with what arrived while the tab was hidden
        m_stale = false;
        if (m_monitor)
            m_log->setEntries(m_monitor->queryLog());
        updateAll();
    }
}

void AdGuardView::applyQueryFilter()
{
    if (!m_monitor)
        return;
    adguard::QueryLogFilter f = m_monitor->queryFilter();
    f.blockedOnly = m_blockedOnly->isChecked();
    f.search = m_clientFilter->text().trimmed();
    m_monitor->setQueryFilter(f);
}

void AdGuardView::updateAll()
{
    if (deferWhileHidden())
        return;
    if (!m_monitor) {
        m_error->setText(tr("No AdGuard Home is configured."));
        m_error->show();
        m_pause->setEnabled(false);
        m_resume->setEnabled(false);
        return;
    }
    const SourceStatus& src = m_monitor->sourceStatus();
    m_error->setVisible(src.state == SourceStatus::State::Error);
    if (src.state == SourceStatus::State::Error)
        m_error->setText(sourceBannerText(tr("AdGuard Home"), src));
    const QLocale loc;
    if (const auto& s = m_monitor->stats()) {
        m_queries->setText(loc.toString(s->dnsQueries));
        m_blocked->setText(loc.toString(s->blockedFiltering));
        const qint64 blocked = s->blockedFiltering + s->replacedSafebrowsing + s->replacedParental;
        if (blocked > s->dnsQueries) {
            // AdGuard's counters are kept apart and can disagree (e.g. after a statistics reset): no share above
            // 100 %, the raw counts instead.
            m_blockedPercent->setText(tr("– (AdGuard Home counts %1 blocked of %Ln queries)", nullptr,
                                         static_cast<int>(std::min<qint64>(s->dnsQueries, INT_MAX)))
                                          .arg(loc.toString(blocked)));
        } else {
            m_blockedPercent->setText(tr("%1 % (%2 of %3)")
                                          .arg(loc.toString(s->blockedPercent(), 'f', 1), loc.toString(blocked),
                                               loc.toString(s->dnsQueries)));
        }
        m_safety->setText(tr("%1 / %2").arg(loc.toString(s->replacedSafebrowsing), loc.toString(s->replacedParental)));
        m_avgTime->setText(tr("%1 ms").arg(loc.toString(s->avgProcessingTimeSec * 1000.0, 'f', 1)));
        m_topClients->setEntries(s->topClients);
        m_topQueried->setEntries(s->topQueriedDomains);
        m_topBlocked->setEntries(s->topBlockedDomains);
    }
    if (const auto& f = m_monitor->filtering()) {
        m_rules->setText(tr("%1 in %n enabled lists", nullptr,
                            static_cast<int>(std::count_if(f->filters.begin(), f->filters.end(),
                                                           [](const adguard::FilterList& l) { return l.enabled; })))
                             .arg(loc.toString(f->totalRules())));
        m_filters->setLists(f->filters);
    }
    if (const auto& st = m_monitor->status()) {
        m_server->setText(tr("AdGuard Home %1 on %2, DNS %3")
                              .arg(st->version, m_monitor->hostName(), st->dnsAddresses.join(QStringLiteral(", "))));
    }
    updateChart();
    updateProtection();
}

void AdGuardView::updateProtection()
{
    if (!m_monitor || deferWhileHidden())
        return;
    const auto& st = m_monitor->status();
    const bool busy = m_monitor->actionInFlight();
    if (!st) {
        m_protection->setText(tr("Protection: unknown"));
        m_remaining->clear();
        m_pause->setEnabled(false);
        m_resume->setEnabled(false);
        return;
    }
    const qint64 remaining = m_monitor->pauseRemainingMs();
    const bool on = st->protectionEnabled || (st->protectionDisabledDurationMs > 0 && remaining <= 0);
    m_protection->setText(on ? tr("Protection: on") : tr("Protection: paused"));
    idle::setStyleSheet(m_protection,
                        StatusColors::labelStyle(on ? StatusColors::Role::Ok : StatusColors::Role::Warning) +
                            QStringLiteral(" font-weight: bold;"));
    if (on)
        m_remaining->clear();
    else if (m_monitor->pausedIndefinitely())
        m_remaining->setText(tr("until re-enabled"));
    else if (m_monitor->pauseTimedByApp())
        m_remaining->setText(tr("%1 left (this app ends the pause)").arg(format::duration((remaining + 999) / 1000)));
    else
        m_remaining->setText(tr("%1 left").arg(format::duration((remaining + 999) / 1000)));
    const bool oldServer = !m_monitor->serverTimesPauses();
    m_pauseNote->setVisible(oldServer);
    if (oldServer)
        m_pauseNote->setText(tr("AdGuard Home %1 has no pause timer (added in v0.107.27): the app switches "
                                "protection off and on, and a timed pause is ended by this app, only while it is "
                                "running. Update AdGuard Home for pauses that end on the server.")
                                 .arg(st->version));
    m_pause->setEnabled(!busy && on);
    m_pauseDuration->setEnabled(!busy && on);
    m_resume->setEnabled(!busy && !on);
}

void AdGuardView::updateChart()
{
    const auto& s = m_monitor ? m_monitor->stats() : std::nullopt;
    QList<QPointF> q;
    QList<QPointF> b;
    double maxY = 10.0;
    if (s) {
        const auto fill = [&maxY](const QList<qint64>& src, QList<QPointF>& out) {
            const qsizetype n = src.size();
            for (qsizetype i = 0; i < n; ++i) {
                out << QPointF(static_cast<double>(i - n + 1), static_cast<double>(src[i]));
                maxY = std::max(maxY, static_cast<double>(src[i]));
            }
        };
        fill(s->dnsQueriesSeries, q);
        fill(s->blockedSeries, b);
        if (!s->dnsQueriesSeries.isEmpty())
            m_axisX->setRange(static_cast<double>(1 - s->dnsQueriesSeries.size()), 0);
        m_axisX->setTitleText(s->timeUnits == QLatin1String("days") ? tr("Days ago") : tr("Hours ago"));
    }
    m_querySeries->replace(q);
    m_blockedSeries->replace(b);
    m_axisY->setRange(0, maxY * 1.1);
}

bool AdGuardView::showInstance(const QString& hostId)
{
    for (int i = 0; i < m_instance->count(); ++i) {
        const auto* m = qobject_cast<AdGuardMonitor*>(m_instance->itemData(i).value<QObject*>());
        if (m && m->hostId() == hostId) {
            m_instance->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void AdGuardView::requestPause()
{
    if (!m_monitor)
        return;
    const qint64 ms = m_pauseDuration->currentData().toLongLong();
    const auto answer = MessageBox::question(this, tr("Pause DNS protection"),
                                             tr("Pause ad and tracker blocking on %1 %2? Every device using this "
                                                "DNS server is affected.")
                                                 .arg(m_monitor->hostName(), m_pauseDuration->currentText()));
    if (answer != QMessageBox::Yes)
        return;
    m_actionResult->setText(tr("Pausing protection…"));
    m_monitor->pause(ms);
    updateProtection();
}

} // namespace hlc
