#include "guests/ProxmoxHistoryChart.h"

#include "core/Format.h"
#include "guests/ProxmoxHistory.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace hlc {

namespace {
QChart* makeChart(const QString& title, QLineSeries* node, QLineSeries* guest, QDateTimeAxis* x, QValueAxis* y)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->addSeries(node);
    chart->addSeries(guest);
    x->setFormat(QStringLiteral("dd.MM HH:mm"));
    x->setTickCount(5);
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%.0f %%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* s : {node, guest}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QChartView* makeView(QChart* chart, const QString& objectName)
{
    auto* view = new QChartView(chart);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(160);
    return view;
}
} // namespace

ProxmoxHistoryChart::ProxmoxHistoryChart(ProxmoxHistory* history, QWidget* parent)
    : QWidget(parent)
    , m_history(history)
    , m_timeframe(new QComboBox)
    , m_status(new QLabel)
    , m_nodeCpu(new QLineSeries)
    , m_nodeMem(new QLineSeries)
    , m_guestCpu(new QLineSeries)
    , m_guestMem(new QLineSeries)
    , m_cpuX(new QDateTimeAxis)
    , m_memX(new QDateTimeAxis)
    , m_cpuY(new QValueAxis)
    , m_memY(new QValueAxis)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("proxmoxHistoryChart"));
    m_timeframe->setObjectName(QStringLiteral("historyTimeframe"));
    m_timeframe->addItem(tr("Last hour"), QStringLiteral("hour"));
    m_timeframe->addItem(tr("Last day"), QStringLiteral("day"));
    m_timeframe->addItem(tr("Last week"), QStringLiteral("week"));
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);

    m_nodeCpu->setName(tr("Node"));
    m_nodeMem->setName(tr("Node"));
    m_guestCpu->setName(tr("Guest"));
    m_guestMem->setName(tr("Guest"));
    m_cpuChart = makeChart(tr("CPU %"), m_nodeCpu, m_guestCpu, m_cpuX, m_cpuY);
    m_memChart = makeChart(tr("Memory used %"), m_nodeMem, m_guestMem, m_memX, m_memY);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("History:")));
    top->addWidget(m_timeframe);
    top->addWidget(m_status, 1);
    auto* charts = new QHBoxLayout;
    charts->addWidget(makeView(m_cpuChart, QStringLiteral("historyCpuChart")));
    charts->addWidget(makeView(m_memChart, QStringLiteral("historyMemChart")));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addLayout(top);
    v->addLayout(charts, 1);

    for (QLineSeries* series : {m_nodeCpu, m_nodeMem, m_guestCpu, m_guestMem}) {
        connect(series, &QLineSeries::hovered, this, [this, series](const QPointF& point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), hoverText(series, point.x()));
            else
                QToolTip::hideText();
        });
    }
    connect(m_timeframe, &QComboBox::currentIndexChanged, this, &ProxmoxHistoryChart::reload);
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            reload();
    });
    m_timer->start();
    if (m_history) {
        connect(m_history, &ProxmoxHistory::nodeHistory, this,
                [this](const QString& node, const QString& tf, const QList<pve::RrdPoint>& points) {
                    if (tf != timeframe())
                        return;
                    m_nodeCpu->setName(tr("Node %1").arg(node));
                    m_nodeMem->setName(tr("Node %1").arg(node));
                    showPoints(m_nodeCpu, m_nodeMem, points);
                    m_status->clear();
                });
        connect(m_history, &ProxmoxHistory::guestHistory, this,
                [this](const QString& key, const QString& tf, const QList<pve::RrdPoint>& points) {
                    if (key != m_guestKey || tf != timeframe())
                        return;
                    showPoints(m_guestCpu, m_guestMem, points);
                });
        connect(m_history, &ProxmoxHistory::failed, this,
                [this](const QString& message) { m_status->setText(tr("History unavailable: %1").arg(message)); });
    }
}

ProxmoxHistoryChart::~ProxmoxHistoryChart() = default;

QString ProxmoxHistoryChart::timeframe() const
{
    return m_timeframe->currentData().toString();
}

void ProxmoxHistoryChart::setTimeframe(const QString& timeframe)
{
    const int i = m_timeframe->findData(timeframe);
    if (i >= 0)
        m_timeframe->setCurrentIndex(i);
}

void ProxmoxHistoryChart::setGuest(const QString& guestKey, const QString& guestName)
{
    if (guestKey == m_guestKey)
        return;
    m_guestKey = guestKey;
    m_guestCpu->clear();
    m_guestMem->clear();
    m_guestCpu->setName(guestName);
    m_guestMem->setName(guestName);
    reload();
}

void ProxmoxHistoryChart::reload()
{
    if (m_history)
        m_history->load(timeframe(), m_guestKey);
}

void ProxmoxHistoryChart::showPoints(QLineSeries* cpu, QLineSeries* mem, const QList<pve::RrdPoint>& points)
{
    QList<QPointF> c;
    QList<QPointF> m;
    for (const pve::RrdPoint& p : points) {
        const double t = static_cast<double>(p.time) * 1000.0;
        // rrddata has gaps (no sample yet, guest stopped): skip them rather than draw zeros.
        if (p.cpu)
            c.append({t, *p.cpu * 100.0});
        if (p.mem && p.maxmem && *p.maxmem > 0)
            m.append({t, *p.mem / *p.maxmem * 100.0});
    }
    cpu->replace(c);
    mem->replace(m);
    m_samples.insert(cpu, points);
    m_samples.insert(mem, points);
    fitAxes();
}

QString ProxmoxHistoryChart::hoverText(QLineSeries* series, double x) const
{
    const QList<pve::RrdPoint> points = m_samples.value(series);
    const bool memory = series == m_nodeMem || series == m_guestMem;
    const pve::RrdPoint* best = nullptr;
    for (const pve::RrdPoint& p : points) {
        const bool has = memory ? (p.mem && p.maxmem && *p.maxmem > 0) : p.cpu.has_value();
        if (has && (!best || std::abs(static_cast<double>(p.time) * 1000.0 - x) <
                                 std::abs(static_cast<double>(best->time) * 1000.0 - x)))
            best = &p;
    }
    if (!best)
        return {};
    const QString when = QDateTime::fromSecsSinceEpoch(best->time).toString(QStringLiteral("dd.MM HH:mm"));
    if (memory)
        return tr("%1 · %2: memory %3 (%4 of %5)")
            .arg(series->name(), when, format::percent(*best->mem / *best->maxmem), format::bytes(*best->mem),
                 format::bytes(*best->maxmem));
    return tr("%1 · %2: CPU %3").arg(series->name(), when, format::percent(*best->cpu));
}

void ProxmoxHistoryChart::fitAxes()
{
    qint64 lo = 0;
    qint64 hi = 0;
    for (QLineSeries* s : {m_nodeCpu, m_nodeMem, m_guestCpu, m_guestMem}) {
        if (s->count() == 0)
            continue;
        const auto first = static_cast<qint64>(s->at(0).x());
        const auto last = static_cast<qint64>(s->at(s->count() - 1).x());
        lo = lo == 0 ? first : std::min(lo, first);
        hi = std::max(hi, last);
    }
    if (lo == 0 || hi <= lo)
        return;
    for (QDateTimeAxis* x : {m_cpuX, m_memX})
        x->setRange(QDateTime::fromMSecsSinceEpoch(lo), QDateTime::fromMSecsSinceEpoch(hi));
}

} // namespace hlc
