#include "agents/GpuLlmTab.h"

#include "agents/LlmMonitor.h"
#include "agents/LoadedModelsModel.h"
#include "core/Format.h"
#include "core/IdleCost.h"
#include "core/MessageBox.h"
#include "core/SourceBanner.h"
#include "core/StatusColors.h"
#include "core/TableSizing.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

namespace hlc {

GpuLlmTab::GpuLlmTab(LlmMonitor* monitor, QWidget* parent)
    : QWidget(parent)
    , m_monitor(monitor)
{
    setObjectName(QStringLiteral("gpuLlmTab"));
    auto* outer = new QHBoxLayout(this);
    auto* split = new QSplitter(Qt::Horizontal);
    outer->addWidget(split);

    // Left: the GPUs.
    auto* gpuSide = new QWidget;
    m_gpuLayout = new QVBoxLayout(gpuSide);
    m_gpuError = new QLabel;
    m_gpuError->setObjectName(QStringLiteral("gpuErrorLabel"));
    m_gpuError->setWordWrap(true);
    m_gpuError->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Warning));
    m_gpuError->hide();
    m_gpuLayout->addWidget(m_gpuError);
    m_noGpu = new QLabel(m_monitor->hasPrometheus()
                             ? tr("No GPU metrics yet. GPUs appear here when Prometheus scrapes nvidia_gpu_exporter "
                                  "or dcgm-exporter on a host.")
                             : tr("No Prometheus is configured: GPU metrics come from nvidia_gpu_exporter or "
                                  "dcgm-exporter through Prometheus."));
    m_noGpu->setObjectName(QStringLiteral("noGpuLabel"));
    m_noGpu->setWordWrap(true);
    m_gpuLayout->addWidget(m_noGpu, 0, Qt::AlignTop);
    split->addWidget(gpuSide);

    // Right: Ollama.
    auto* llm = new QGroupBox(tr("Local LLMs (Ollama)"));
    auto* lv = new QVBoxLayout(llm);
    m_ollamaStatus = new QLabel;
    m_ollamaStatus->setObjectName(QStringLiteral("ollamaStatusLabel"));
    m_ollamaStatus->setWordWrap(true);
    lv->addWidget(m_ollamaStatus);
    m_model = new LoadedModelsModel(m_monitor, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LoadedModelsModel::RawRole);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("loadedModelsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    tablesizing::fitToContents(m_table, LoadedModelsModel::Name);
    lv->addWidget(m_table, 1);
    auto* actions = new QHBoxLayout;
    m_unload = new QPushButton(tr("Unload selected"));
    m_unload->setObjectName(QStringLiteral("unloadModelButton"));
    m_unload->setEnabled(false);
    actions->addWidget(m_unload);
    actions->addStretch(1);
    lv->addLayout(actions);
    auto* speed = new QHBoxLayout;
    speed->addWidget(new QLabel(tr("Measure speed of")));
    m_speedModel = new QComboBox;
    m_speedModel->setObjectName(QStringLiteral("speedModelCombo"));
    speed->addWidget(m_speedModel, 1);
    m_measure = new QPushButton(tr("Measure speed"));
    m_measure->setObjectName(QStringLiteral("measureSpeedButton"));
    m_measure->setToolTip(tr("Runs one short generation (64 tokens). This loads the model if it is not loaded."));
    speed->addWidget(m_measure);
    lv->addLayout(speed);
    m_speedResult = new QLabel;
    m_speedResult->setObjectName(QStringLiteral("speedResultLabel"));
    m_speedResult->setWordWrap(true);
    m_speedResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lv->addWidget(m_speedResult);
    split->addWidget(llm);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_unload->setEnabled(!selectedModel().isEmpty() && !m_monitor->isBusy()); });
    connect(m_unload, &QPushButton::clicked, this, [this] {
        const QString model = selectedModel();
        if (model.isEmpty())
            return;
        if (MessageBox::question(
                this, tr("Unload model?"),
                tr("Unload %1 from memory now? The next request that uses it loads it again.").arg(model)) ==
            QMessageBox::Yes)
            m_monitor->unload(model);
    });
    connect(m_measure, &QPushButton::clicked, this, [this] {
        const QString model = m_speedModel->currentText();
        if (model.isEmpty())
            return;
        m_speedResult->setText(tr("Measuring %1…").arg(model));
        m_monitor->measureSpeed(model);
    });
    connect(m_monitor, &LlmMonitor::actionFinished, this,
            [this](bool, const QString& message) { m_speedResult->setText(message); });
    connect(m_monitor, &LlmMonitor::busyChanged, this, [this](bool busy) {
        m_measure->setEnabled(!busy);
        m_unload->setEnabled(!busy && !selectedModel().isEmpty());
    });
    connect(m_monitor, &LlmMonitor::ollamaUpdated, this, &GpuLlmTab::updateOllama);
    connect(m_monitor, &LlmMonitor::gpusUpdated, this, &GpuLlmTab::updateGpus);
    idle::pacePollWhileShown(this, m_monitor->pacer()); // the live GPU figures and charts: at pace while seen
    updateOllama();
    updateGpus();
}

QString GpuLlmTab::selectedModel() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(LoadedModelsModel::Name);
    if (rows.isEmpty())
        return {};
    return rows.first().data(LoadedModelsModel::RawRole).toString();
}

void GpuLlmTab::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        updateOllama();
        updateGpus();
    }
}

void GpuLlmTab::updateOllama()
{
    if (idle::hiddenInShownWindow(this)) {
        m_stale = true;
        return;
    }
    if (!m_monitor->hasOllama()) {
        m_ollamaStatus->setText(tr("No Ollama service is configured."));
        m_measure->setEnabled(false);
        return;
    }
    const SourceStatus& st = m_monitor->ollamaStatus();
    if (st.state == SourceStatus::State::Error) {
        m_ollamaStatus->setText(sourceBannerText(tr("Ollama"), st));
        idle::setStyleSheet(m_ollamaStatus, StatusColors::labelStyle(StatusColors::Role::Critical));
    } else {
        qint64 vram = 0;
        for (const ollama::LoadedModel& m : m_monitor->loadedModels())
            vram += m.sizeVram;
        m_ollamaStatus->setText(tr("Ollama %1 on %2: %3 loaded, %4 in VRAM, %5 installed")
                                    .arg(m_monitor->ollamaVersion(), m_monitor->ollamaHostId(),
                                         tr("%n models", nullptr, int(m_monitor->loadedModels().size())),
                                         format::bytes(double(vram)),
                                         tr("%n models", nullptr, int(m_monitor->installedModels().size()))));
        idle::setStyleSheet(m_ollamaStatus, QString());
    }
    QStringList names;
    for (const ollama::InstalledModel& m : m_monitor->installedModels())
        names << m.name;
    QStringList current;
    for (int i = 0; i < m_speedModel->count(); ++i)
        current << m_speedModel->itemText(i);
    if (names != current) {
        const QString keep = m_speedModel->currentText();
        m_speedModel->clear();
        m_speedModel->addItems(names);
        const int i = m_speedModel->findText(keep);
        if (i >= 0)
            m_speedModel->setCurrentIndex(i);
    }
    m_measure->setEnabled(!names.isEmpty() && !m_monitor->isBusy());
}

void GpuLlmTab::rebuildGpus(const QStringList& keys)
{
    for (const GpuView& v : std::as_const(m_gpuViews)) {
        if (QWidget* box = v.util ? v.util->parentWidget() : nullptr) {
            m_gpuLayout->removeWidget(box);
            delete box;
        }
    }
    m_gpuViews.clear();
    m_gpuKeys = keys;
    int n = 0;
    for (const gpu::GpuStats& g : m_monitor->gpus()) {
        const QString hostId = m_monitor->hostOf(g);
        const HostConfig* host = m_monitor->config().host(hostId);
        const QString hostLabel = host && !host->name.isEmpty() ? host->name : (hostId.isEmpty() ? g.host : hostId);
        auto* box = new QGroupBox(tr("%1 · GPU %2: %3").arg(hostLabel).arg(g.index).arg(g.name));
        box->setObjectName(QStringLiteral("gpuBox_%1").arg(n));
        // Four gauges in a row, then the two history charts side by side: the box fills the tab's left half.
        auto* v0 = new QVBoxLayout(box);
        auto* gauges = new QGridLayout;
        GpuView v;
        v.key = g.key();
        const auto bar = [n](const char* name) {
            auto* b = new QProgressBar;
            b->setObjectName(QStringLiteral("%1_%2").arg(QLatin1String(name)).arg(n));
            b->setRange(0, 1000);
            return b;
        };
        v.util = bar("gpuUtilBar");
        v.vram = bar("gpuVramBar");
        v.temp = bar("gpuTempBar");
        v.temp->setToolTip(tr("GPU temperature; the bar is full at 100 °C"));
        v.power = bar("gpuPowerBar");
        v.info = new QLabel;
        v.info->setObjectName(QStringLiteral("gpuInfo_%1").arg(n));
        const QList<QPair<QString, QProgressBar*>> cells{
            {tr("Utilisation"), v.util}, {tr("VRAM"), v.vram}, {tr("Temperature"), v.temp}, {tr("Power"), v.power}};
        for (int i = 0; i < cells.size(); ++i) {
            gauges->addWidget(new QLabel(cells.at(i).first), 0, i);
            gauges->addWidget(cells.at(i).second, 1, i);
            gauges->setColumnStretch(i, 1);
        }
        v0->addLayout(gauges);
        v0->addWidget(v.info);

        auto* chart = new QChart;
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(4, 4, 4, 4));
        v.utilSeries = new QLineSeries;
        v.utilSeries->setName(tr("Utilisation %"));
        v.vramSeries = new QLineSeries;
        v.vramSeries->setName(tr("VRAM %"));
        chart->addSeries(v.utilSeries);
        chart->addSeries(v.vramSeries);
        v.axisX = new QDateTimeAxis;
        v.axisX->setFormat(QStringLiteral("HH:mm"));
        v.axisX->setTickCount(4);
        auto* axisY = new QValueAxis;
        axisY->setRange(0, 100);
        axisY->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(v.axisX, Qt::AlignBottom);
        chart->addAxis(axisY, Qt::AlignLeft);
        for (QLineSeries* s : {v.utilSeries, v.vramSeries}) {
            s->attachAxis(v.axisX);
            s->attachAxis(axisY);
        }
        auto* view = new QChartView(chart);
        view->setObjectName(QStringLiteral("gpuChart_%1").arg(n));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(200);

        // Temperature (°C, left) and power (W, right) on their own axes.
        auto* chart2 = new QChart;
        chart2->legend()->setAlignment(Qt::AlignBottom);
        chart2->setMargins(QMargins(4, 4, 4, 4));
        v.tempSeries = new QLineSeries;
        v.tempSeries->setName(tr("Temperature °C"));
        v.powerSeries = new QLineSeries;
        v.powerSeries->setName(tr("Power W"));
        chart2->addSeries(v.tempSeries);
        chart2->addSeries(v.powerSeries);
        v.axisX2 = new QDateTimeAxis;
        v.axisX2->setFormat(QStringLiteral("HH:mm"));
        v.axisX2->setTickCount(4);
        auto* tempAxis = new QValueAxis;
        tempAxis->setRange(0, 100);
        tempAxis->setLabelFormat(QStringLiteral("%d"));
        v.powerAxis = new QValueAxis;
        v.powerAxis->setRange(0, 300);
        v.powerAxis->setLabelFormat(QStringLiteral("%d"));
        chart2->addAxis(v.axisX2, Qt::AlignBottom);
        chart2->addAxis(tempAxis, Qt::AlignLeft);
        chart2->addAxis(v.powerAxis, Qt::AlignRight);
        v.tempSeries->attachAxis(v.axisX2);
        v.tempSeries->attachAxis(tempAxis);
        v.powerSeries->attachAxis(v.axisX2);
        v.powerSeries->attachAxis(v.powerAxis);
        auto* view2 = new QChartView(chart2);
        view2->setObjectName(QStringLiteral("gpuTempPowerChart_%1").arg(n));
        view2->setRenderHint(QPainter::Antialiasing);
        view2->setMinimumHeight(200);
        auto* charts = new QHBoxLayout;
        charts->addWidget(view, 1);
        charts->addWidget(view2, 1);
        v0->addLayout(charts, 1);
        m_gpuLayout->addWidget(box, 1);
        m_gpuViews << v;
        ++n;
    }
}

void GpuLlmTab::updateGpus()
{
    if (idle::hiddenInShownWindow(this)) {
        m_stale = true;
        return;
    }
    const SourceStatus& st = m_monitor->gpuStatus();
    m_gpuError->setVisible(st.state == SourceStatus::State::Error);
    if (st.state == SourceStatus::State::Error)
        m_gpuError->setText(tr("GPU metrics unavailable (values shown are stale): %1").arg(st.error.message));
    QStringList keys;
    for (const gpu::GpuStats& g : m_monitor->gpus())
        keys << g.key();
    if (keys != m_gpuKeys)
        rebuildGpus(keys);
    m_noGpu->setVisible(keys.isEmpty());
    for (qsizetype i = 0; i < m_gpuViews.size() && i < m_monitor->gpus().size(); ++i) {
        const gpu::GpuStats& g = m_monitor->gpus().at(i);
        GpuView& v = m_gpuViews[i];
        if (g.utilization) {
            v.util->setValue(qRound(*g.utilization * 1000));
            v.util->setFormat(format::percent(*g.utilization));
        } else {
            v.util->setValue(0);
            v.util->setFormat(QStringLiteral("–"));
        }
        if (g.memoryUsedBytes && g.memoryTotalBytes && *g.memoryTotalBytes > 0) {
            v.vram->setValue(qRound(*g.memoryUsedBytes / *g.memoryTotalBytes * 1000));
            v.vram->setFormat(
                tr("%1 of %2").arg(format::bytes(*g.memoryUsedBytes), format::bytes(*g.memoryTotalBytes)));
        } else {
            v.vram->setValue(0);
            v.vram->setFormat(QStringLiteral("–"));
        }
        // Not reported: "–", never 0 and never left out (the reader would not know it is missing).
        const QString dash = QStringLiteral("–");
        v.temp->setValue(g.temperatureC ? qBound(0, qRound(*g.temperatureC * 10), 1000) : 0);
        v.temp->setFormat(tr("%1 °C").arg(g.temperatureC ? QString::number(*g.temperatureC, 'f', 0) : dash));
        QStringList info;
        info << (g.exporter == gpu::GpuStats::Exporter::Dcgm ? QStringLiteral("dcgm-exporter")
                                                             : QStringLiteral("nvidia_gpu_exporter"));
        v.info->setText(info.join(QStringLiteral(" · ")));

        const QList<LlmMonitor::GpuPoint> hist = m_monitor->history(v.key);
        QList<QPointF> util, vram;
        util.reserve(hist.size());
        vram.reserve(hist.size());
        for (const LlmMonitor::GpuPoint& p : hist) {
            const double x = double(p.time.toMSecsSinceEpoch());
            // A point the exporter did not report is left out of its line (a gap), never drawn at 0.
            if (p.utilization)
                util << QPointF(x, *p.utilization * 100.0);
            if (p.memoryUsedBytes && p.memoryTotalBytes && *p.memoryTotalBytes > 0)
                vram << QPointF(x, *p.memoryUsedBytes / *p.memoryTotalBytes * 100.0);
        }
        v.utilSeries->replace(util);
        v.vramSeries->replace(vram);
        QList<QPointF> temp, power;
        double maxPower = 0;
        for (const LlmMonitor::GpuPoint& p : hist) {
            const double x = double(p.time.toMSecsSinceEpoch());
            if (p.temperatureC)
                temp << QPointF(x, *p.temperatureC);
            if (p.powerWatts) {
                power << QPointF(x, *p.powerWatts);
                maxPower = std::max(maxPower, *p.powerWatts);
            }
        }
        if (g.powerWatts)
            maxPower = std::max(maxPower, *g.powerWatts);
        v.tempSeries->replace(temp);
        v.powerSeries->replace(power);
        // No power limit in the metrics: the scale is the highest draw seen, rounded up to 100 W (ticks every 25 % like
        // the temperature axis).
        const double powerScale = std::max(100.0, std::ceil(maxPower / 100.0) * 100.0);
        v.powerAxis->setRange(0, powerScale);
        v.power->setValue(g.powerWatts ? qBound(0, qRound(*g.powerWatts / powerScale * 1000), 1000) : 0);
        v.power->setFormat(tr("%1 W").arg(g.powerWatts ? QString::number(*g.powerWatts, 'f', 0) : dash));
        v.power->setToolTip(
            tr("Power draw; the bar is full at %1 W (the highest draw seen, rounded up)").arg(powerScale, 0, 'f', 0));
        if (!hist.isEmpty()) {
            const QDateTime last = hist.last().time.toLocalTime();
            const QDateTime first = hist.first().time.toLocalTime();
            v.axisX->setRange(first.secsTo(last) < 60 ? last.addSecs(-60) : first, last);
            v.axisX2->setRange(first.secsTo(last) < 60 ? last.addSecs(-60) : first, last);
        }
    }
}

int GpuLlmTab::tempPowerPoints(int n) const
{
    return n >= 0 && n < m_gpuViews.size() ? int(m_gpuViews.at(n).tempSeries->count()) : 0;
}

int GpuLlmTab::chartPoints(int n) const
{
    return n >= 0 && n < m_gpuViews.size() ? int(m_gpuViews.at(n).utilSeries->count()) : 0;
}

} // namespace hlc
