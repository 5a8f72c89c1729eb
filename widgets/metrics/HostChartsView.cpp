#include "metrics/HostChartsView.h"

#include "core/Format.h"
#include "core/SourceBanner.h"
#include "metrics/MetricsMonitor.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace hlc {

using prom::MetricUnit;
using prom::NodeMetric;

namespace {
constexpr int kRefreshMs = 15000;

/// A round upper bound for an axis: 1, 2, 5 x 10^n.
double niceMax(double v)
{
    if (v <= 0 || !std::isfinite(v))
        return 1.0;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * p >= v)
            return m * p;
    }
    return 10.0 * p;
}
} // namespace

QList<qint64> HostChartsView::ranges()
{
    return {15 * 60, 3600, 6 * 3600, 24 * 3600, 7 * 24 * 3600};
}

QString HostChartsView::valueText(double value, MetricUnit unit)
{
    switch (unit) {
    case MetricUnit::Percent:
        return tr("%1 %").arg(value, 0, 'f', 1);
    case MetricUnit::BytesPerSecond:
        return tr("%1/s").arg(format::bytes(value));
    case MetricUnit::Plain:
        break;
    }
    return QString::number(value, 'f', 2);
}

HostChartsView::HostChartsView(MetricsMonitor* metrics, const QString& hostId, QWidget* parent)
    : QWidget(parent)
    , m_metrics(metrics)
    , m_hostId(hostId)
    , m_range(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_targets(new QLabel(this))
    , m_hover(new QLabel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("hostCharts_%1").arg(hostId));
    m_range->setObjectName(QStringLiteral("chartRangeCombo"));
    m_status->setObjectName(QStringLiteral("chartStatusLabel"));
    m_targets->setObjectName(QStringLiteral("targetHealthLabel"));
    m_hover->setObjectName(QStringLiteral("chartHoverLabel"));
    m_targets->setWordWrap(true);
    m_targets->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    m_range->addItem(tr("Last 15 minutes"), ranges().at(0));
    m_range->addItem(tr("Last hour"), ranges().at(1));
    m_range->addItem(tr("Last 6 hours"), ranges().at(2));
    m_range->addItem(tr("Last 24 hours"), ranges().at(3));
    m_range->addItem(tr("Last 7 days"), ranges().at(4));
    m_range->setCurrentIndex(1);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Range:"), this));
    top->addWidget(m_range);
    top->addWidget(m_hover, 1);
    auto* grid = new QGridLayout;
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addLayout(grid, 1);
    layout->addWidget(m_targets);

    const QList<Chart*> charts{
        addChart(QStringLiteral("cpu"), tr("CPU"), {{NodeMetric::CpuPercent, tr("CPU busy")}}, MetricUnit::Percent),
        addChart(QStringLiteral("memory"), tr("Memory"), {{NodeMetric::MemoryPercent, tr("Memory used")}},
                 MetricUnit::Percent),
        addChart(QStringLiteral("disk"), tr("Root disk"), {{NodeMetric::RootDiskPercent, tr("Root disk used")}},
                 MetricUnit::Percent),
        addChart(QStringLiteral("network"), tr("Network"),
                 {{NodeMetric::NetReceive, tr("In")}, {NodeMetric::NetTransmit, tr("Out")}},
                 MetricUnit::BytesPerSecond),
        addChart(QStringLiteral("load"), tr("Load (1 min)"), {{NodeMetric::Load1, tr("Load")}}, MetricUnit::Plain),
        addChart(QStringLiteral("diskio"), tr("Disk I/O"),
                 {{NodeMetric::DiskRead, tr("Read")}, {NodeMetric::DiskWrite, tr("Write")}},
                 MetricUnit::BytesPerSecond),
    };
    for (int i = 0; i < charts.size(); ++i)
        grid->addWidget(charts.at(i)->view, i / 2, i % 2);

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &HostChartsView::reload);
    connect(m_range, &QComboBox::currentIndexChanged, this, &HostChartsView::reload);
    // Only while seen: the Overview's cards fetch their own span of the same host every minute, and a hidden page
    // would redraw six charts for it (showEvent() fetches this view's range anyway).
    connect(m_metrics, &MetricsMonitor::historyUpdated, this, [this](const QString& h) {
        if (h == m_hostId && isVisible())
            updateCharts();
    });
    connect(m_metrics, &MetricsMonitor::targetsUpdated, this, &HostChartsView::updateTargets);
    connect(m_metrics, &MetricsMonitor::statusChanged, this, [this](const QString& h) {
        if (h == m_hostId)
            updateStatus();
    });
    updateTargets();
    updateStatus();
}

HostChartsView::~HostChartsView() = default;

HostChartsView::Chart* HostChartsView::addChart(const QString& key, const QString& title,
                                                const QList<QPair<NodeMetric, QString>>& metrics, MetricUnit unit)
{
    auto* c = new Chart;
    c->unit = unit;
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setVisible(metrics.size() > 1);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    c->x = new QDateTimeAxis;
    c->x->setFormat(QStringLiteral("HH:mm"));
    c->x->setTickCount(5);
    c->y = new QValueAxis;
    // Fixed at creation: the chart sizes the axis for its labels only once.
    c->y->setLabelFormat(unit == MetricUnit::Percent ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    if (unit == MetricUnit::Percent) {
        c->y->setRange(0, 100);
        c->y->setTitleText(tr("%"));
    } else if (unit == MetricUnit::BytesPerSecond) {
        c->y->setTitleText(tr("B/s")); // reserves the title's room; the unit follows the data
    }
    chart->addAxis(c->x, Qt::AlignBottom);
    chart->addAxis(c->y, Qt::AlignLeft);
    for (const auto& [metric, name] : metrics) {
        auto* s = new QLineSeries;
        s->setName(name);
        chart->addSeries(s);
        s->attachAxis(c->x);
        s->attachAxis(c->y);
        const QString seriesName = name;
        connect(s, &QLineSeries::hovered, this,
                [this, c, seriesName](const QPointF& p, bool state) { onHovered(c, seriesName, p, state); });
        c->series.append({metric, s});
    }
    c->view = new QChartView(chart, this);
    c->view->setObjectName(QStringLiteral("chart_%1").arg(key));
    c->view->setRenderHint(QPainter::Antialiasing);
    c->view->setMinimumSize(280, 180);
    m_charts.emplace_back(c);
    return c;
}

qint64 HostChartsView::rangeSeconds() const
{
    return m_range->currentData().toLongLong();
}

void HostChartsView::setRangeSeconds(qint64 seconds)
{
    const int i = m_range->findData(seconds);
    if (i >= 0)
        m_range->setCurrentIndex(i);
}

void HostChartsView::reload()
{
    m_metrics->fetchHistory(m_hostId, rangeSeconds());
}

void HostChartsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
    m_timer->start();
}

void HostChartsView::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void HostChartsView::updateCharts()
{
    const qint64 span = m_metrics->historySpan(m_hostId);
    const QDateTime end = QDateTime::currentDateTime();
    const QDateTime start = end.addSecs(-std::max<qint64>(span, 60));
    const QString xFormat = span > 24 * 3600 ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm");
    for (const auto& owned : m_charts) {
        Chart* c = owned.get();
        double maxValue = 0.0;
        QList<QList<prom::Point>> values;
        for (const auto& [metric, series] : c->series) {
            const QList<prom::Point> pts = m_metrics->history(m_hostId, metric);
            for (const prom::Point& p : pts) {
                if (std::isfinite(p.value))
                    maxValue = std::max(maxValue, p.value);
            }
            values.append(pts);
        }
        if (c->unit == MetricUnit::BytesPerSecond) {
            // One unit for the whole axis, chosen from the largest value.
            static const QStringList s_units{tr("B/s"), tr("KiB/s"), tr("MiB/s"), tr("GiB/s"), tr("TiB/s")};
            int u = 0;
            double d = 1.0;
            while (u + 1 < s_units.size() && maxValue / d >= 1024.0) {
                d *= 1024.0;
                ++u;
            }
            c->divisor = d;
            c->unitName = s_units.at(u);
            c->y->setTitleText(c->unitName);
            c->y->setRange(0, niceMax(maxValue / d * 1.1));
        } else if (c->unit == MetricUnit::Plain) {
            c->y->setRange(0, niceMax(std::max(1.0, maxValue * 1.2)));
        }
        for (int i = 0; i < c->series.size(); ++i) {
            QList<QPointF> points;
            points.reserve(values.at(i).size());
            for (const prom::Point& p : values.at(i)) {
                if (std::isfinite(p.value))
                    points.append(QPointF(p.time * 1000.0, p.value / c->divisor));
            }
            c->series.at(i).second->replace(points);
        }
        c->x->setFormat(xFormat);
        c->x->setRange(start, end);
    }
    updateStatus();
}

void HostChartsView::updateTargets()
{
    QStringList lines;
    const QString instance = m_metrics->instanceOf(m_hostId);
    for (const TargetHealth& t : m_metrics->targets()) {
        if (t.hostId != m_hostId && t.instance != instance)
            continue;
        if (t.up)
            lines << tr("Scrape target %1 (%2): up").arg(t.instance, t.job);
        else
            lines << tr("Scrape target %1 (%2): %3 - %4")
                         .arg(t.instance, t.job, t.health, t.lastError.isEmpty() ? tr("no error given") : t.lastError);
    }
    m_targets->setText(lines.isEmpty()
                           ? tr("No scrape target of Prometheus has %1.").arg(m_metrics->selectorOf(m_hostId))
                           : lines.join(QLatin1Char('\n')));
}

void HostChartsView::updateStatus()
{
    const SourceStatus s = m_metrics->status(m_hostId);
    if (s.state == SourceStatus::State::Error)
        m_status->setText(sourceBannerText(tr("Prometheus"), s));
    else if (m_metrics->historySpan(m_hostId) == 0)
        m_status->setText(tr("Loading metrics of %1 from Prometheus...").arg(m_metrics->selectorOf(m_hostId)));
    else
        m_status->clear();
    if (const QStringList w = m_metrics->warnings(m_hostId); !w.isEmpty() && s.state != SourceStatus::State::Error)
        m_status->setText(tr("Prometheus warns: %1").arg(w.join(QStringLiteral("; "))));
    m_status->setVisible(!m_status->text().isEmpty());
}

void HostChartsView::onHovered(const Chart* chart, const QString& seriesName, const QPointF& point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(point.x()));
    m_hoverText =
        tr("%1: %2 at %3")
            .arg(seriesName, valueText(point.y() * chart->divisor, chart->unit),
                 t.toString(rangeSeconds() > 24 * 3600 ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm:ss")));
    m_hover->setText(m_hoverText);
    QToolTip::showText(QCursor::pos(), m_hoverText, chart->view);
}

} // namespace hlc
