#include "overview/HostCard.h"

#include "agents/LlmMonitor.h"
#include "core/Format.h"
#include "core/Homelab.h"
#include "core/IdleCost.h"
#include "core/ServiceDirectory.h"
#include "core/ServiceText.h"
#include "core/StatusColors.h"
#include "guests/GuestInventory.h"
#include "guests/HostMonitor.h"
#include "guests/ProxmoxHistory.h"
#include "home/AdGuardMonitor.h"
#include "home/HealthProber.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeServices.h"
#include "metrics/AlertCenter.h"
#include "metrics/MetricsMonitor.h"
#include "overview/LinkLabel.h"
#include "overview/Sparkline.h"
#include "proxmox/ProxmoxClient.h"
#include "proxmox/ProxmoxTicketSession.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace hlc {

namespace {
constexpr qint64 kSpan = 3600;        ///< the sparklines' hour
constexpr int kHistoryMs = 60 * 1000; ///< how often the hour is fetched again while the card is seen

QString mutedStyle()
{
    return QStringLiteral("color: palette(placeholder-text);");
}

double nowSecs()
{
    return double(QDateTime::currentSecsSinceEpoch());
}

/// Green below 70 %, amber below 90 %, red above: the sparkline's and the number's colour.
StatusColors::Role loadRole(double percent)
{
    return percent >= 90.0   ? StatusColors::Role::Critical
           : percent >= 75.0 ? StatusColors::Role::Warning
                             : StatusColors::Role::Info;
}

QString rate(double bytesPerSecond)
{
    return QCoreApplication::translate("hlc::HostCard", "%1/s").arg(format::bytes(bytesPerSecond));
}
} // namespace

HostCard::HostCard(Homelab* homelab, HostMonitor* host, QWidget* parent)
    : QFrame(parent)
    , m_homelab(homelab)
    , m_host(host)
    , m_hostId(host->hostId())
{
    setObjectName(QStringLiteral("hostCard_%1").arg(m_hostId));
    setFrameShape(QFrame::StyledPanel);
    m_prometheus = homelab->metrics() && homelab->metrics()->hasMetrics(m_hostId);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(6);

    // Header: ● Name ........ online · up 12 d 3 h
    auto* header = new QHBoxLayout;
    m_statusDot = new QLabel(QStringLiteral("●"));
    m_statusDot->setObjectName(QStringLiteral("statusDot"));
    QFont df = m_statusDot->font();
    df.setPointSizeF(df.pointSizeF() * 1.3);
    m_statusDot->setFont(df);
    m_title = new LinkLabel;
    m_title->setObjectName(QStringLiteral("hostTitle"));
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.35);
    tf.setBold(true);
    m_title->setFont(tf);
    m_title->setText(host->host().name.isEmpty() ? m_hostId : host->host().name);
    m_title->setToolTip(tr("Open this host's tab"));
    connect(static_cast<LinkLabel*>(m_title), &LinkLabel::clicked, this, [this] {
        emit openRequested({OverviewTarget::Kind::Host, m_hostId, {}});
    });
    m_statusText = new QLabel;
    m_statusText->setObjectName(QStringLiteral("nodeStatus"));
    m_uptime = new QLabel(QStringLiteral("–"));
    m_uptime->setObjectName(QStringLiteral("uptimeLabel"));
    m_uptime->setStyleSheet(mutedStyle());
    header->addWidget(m_statusDot);
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_statusText);
    header->addWidget(m_uptime);
    layout->addLayout(header);

    // Role and Proxmox version, one quiet line.
    auto* sub = new QHBoxLayout;
    m_subtitle = new QLabel(host->host().role);
    m_subtitle->setObjectName(QStringLiteral("hostRole"));
    m_subtitle->setStyleSheet(mutedStyle());
    m_version = new QLabel;
    m_version->setObjectName(QStringLiteral("versionLabel"));
    m_version->setStyleSheet(mutedStyle());
    sub->addWidget(m_subtitle, 1);
    sub->addWidget(m_version);
    layout->addLayout(sub);

    // A secret that goes over plain http:// because the user allowed it for this network: said on the card, always.
    QStringList cleartext;
    for (const ServiceConfig& s : host->host().services) {
        if (cleartextAuth(s))
            cleartext << s.id;
    }
    if (!cleartext.isEmpty()) {
        auto* badge = new QLabel(tr("⚠ Unencrypted: %1 send their secret over plain http:// (allowed for this network)")
                                     .arg(cleartext.join(QStringLiteral(", "))));
        badge->setObjectName(QStringLiteral("cleartextBadge"));
        badge->setWordWrap(true);
        badge->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Warning));
        badge->setToolTip(tr("Anyone on the network between this computer and the host can read these secrets. Use "
                             "https:// (e.g. through the reverse proxy) and untick \"allow unencrypted\" in the "
                             "service's settings."));
        layout->addWidget(badge);
    }

    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("proxmoxErrorBanner"));
    m_banner->setStyleSheet(StatusColors::bannerStyle(m_banner->objectName(), StatusColors::Role::Critical));
    auto* bl = new QVBoxLayout(m_banner);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(QStringLiteral("proxmoxErrorText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bl->addWidget(m_bannerText);
    auto* bb = new QHBoxLayout;
    m_trustButton = new QPushButton(tr("Trust this certificate…"));
    m_trustButton->setObjectName(QStringLiteral("trustCertificateButton"));
    m_secretButton = new QPushButton(tr("Enter secret…"));
    m_secretButton->setObjectName(QStringLiteral("enterSecretButton"));
    bb->addWidget(m_trustButton);
    bb->addWidget(m_secretButton);
    bb->addStretch();
    bl->addLayout(bb);
    m_banner->hide();
    layout->addWidget(m_banner);

    // The numbers: name | value | sparkline | detail, then one line per other source.
    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(7);
    m_grid->setColumnStretch(2, 1);
    int row = 0;
    m_cpu = addMetric(m_grid, row++, tr("CPU"), QStringLiteral("cpu"));
    m_memory = addMetric(m_grid, row++, tr("Memory"), QStringLiteral("memory"));
    m_rootDisk = addMetric(m_grid, row++, tr("Root disk"), QStringLiteral("rootDisk"));
    m_network = addMetric(m_grid, row++, tr("Network"), QStringLiteral("network"));
    for (const Metric* m : {&m_cpu, &m_memory, &m_rootDisk})
        m->spark->setRange(0.0, 100.0);
    m_network.spark->setToolTip(tr("Last hour: received (strong line), sent (faint line)"));
    auto* rule = new QFrame;
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    m_grid->addWidget(rule, row++, 0, 1, 4);
    m_alerts = addLink(m_grid, row++, tr("Alerts"), QStringLiteral("alertsBadge"), OverviewTarget::Kind::Alerts);
    m_guests = addLink(m_grid, row++, tr("Guests"), QStringLiteral("guestsLink"), OverviewTarget::Kind::Guests);
    m_stacks = addLink(m_grid, row++, tr("Stacks"), QStringLiteral("stacksLink"), OverviewTarget::Kind::Stacks);
    m_containers =
        addLink(m_grid, row++, tr("Containers"), QStringLiteral("containersLink"), OverviewTarget::Kind::Stacks);
    m_services = addLink(m_grid, row++, tr("Services"), QStringLiteral("servicesLink"), OverviewTarget::Kind::Services);
    // A service's health is its probe AND its API client's state: a Portainer answering 403 or unreadable JSON, or a
    // Home Assistant refusing the token, answers the probe but does not work.
    m_api = new QLabel;
    m_api->setObjectName(QStringLiteral("apiFailuresLabel"));
    m_api->setWordWrap(true);
    m_api->setTextFormat(Qt::PlainText);
    m_api->hide();
    m_grid->addWidget(m_api, row++, 1, 1, 3);
    m_gpu = addLink(m_grid, row++, tr("GPU"), QStringLiteral("gpuLink"), OverviewTarget::Kind::Gpu);
    m_favourites =
        addLink(m_grid, row++, tr("Home"), QStringLiteral("haFavouritesLink"), OverviewTarget::Kind::HomeAssistant);
    m_favourites->setWordWrap(true);
    m_adguard = addLink(m_grid, row++, tr("AdGuard"), QStringLiteral("adguardLink"), OverviewTarget::Kind::AdGuard);
    layout->addLayout(m_grid);
    layout->addStretch(1); // cards side by side are as tall as the tallest: the time line stays at the bottom

    m_freshness = new QLabel;
    m_freshness->setObjectName(QStringLiteral("freshnessLabel"));
    m_freshness->setStyleSheet(mutedStyle());
    layout->addWidget(m_freshness);

    // Without Proxmox and Prometheus the numbers would say "–" forever: the card shows what the host has instead.
    const bool numbers = host->proxmoxService() || m_prometheus;
    for (const Metric* m : {&m_cpu, &m_memory, &m_rootDisk, &m_network})
        setRowVisible(m->value, numbers);
    rule->setVisible(numbers);

    // Sources.
    connect(host, &HostMonitor::proxmoxUpdated, this, &HostCard::updateProxmox);
    connect(m_trustButton, &QPushButton::clicked, this, [this] {
        if (!m_host || !m_host->proxmoxService())
            return;
        emit trustCertificateRequested(m_host->hostId(), m_host->proxmoxService()->id,
                                       m_host->proxmoxStatus().error.tlsFingerprint);
    });
    connect(m_secretButton, &QPushButton::clicked, this, [this] {
        if (m_host && m_host->proxmoxService())
            emit enterSecretRequested(m_host->hostId(), m_host->proxmoxService()->id);
    });
    if (MetricsMonitor* metrics = homelab->metrics(); m_prometheus) {
        connect(metrics, &MetricsMonitor::latestUpdated, this, &HostCard::updateMetrics);
        connect(metrics, &MetricsMonitor::historyUpdated, this, [this](const QString& id) {
            if (id == m_hostId)
                applyPrometheusHistory();
        });
    } else if (GuestInventory* inv = homelab->inventory(m_hostId); inv && inv->hasProxmox()) {
        m_rrd = new ProxmoxHistory(inv, this);
        connect(m_rrd, &ProxmoxHistory::nodeHistory, this,
                [this](const QString&, const QString&, const QList<pve::RrdPoint>& points) {
                    QList<QPointF> cpu;
                    QList<QPointF> mem;
                    QList<QPointF> in;
                    QList<QPointF> out;
                    for (const pve::RrdPoint& p : points) {
                        const double t = double(p.time);
                        if (p.cpu)
                            cpu << QPointF(t, *p.cpu * 100.0);
                        if (p.mem && p.maxmem && *p.maxmem > 0)
                            mem << QPointF(t, *p.mem / *p.maxmem * 100.0);
                        if (p.netin)
                            in << QPointF(t, *p.netin);
                        if (p.netout)
                            out << QPointF(t, *p.netout);
                    }
                    m_cpu.spark->setPoints(cpu);
                    m_memory.spark->setPoints(mem);
                    m_network.spark->setPoints(in, 0);
                    m_network.spark->setPoints(out, 1);
                    updateMetrics();
                });
    }
    if (GuestInventory* inv = homelab->inventory(m_hostId)) {
        connect(inv, &GuestInventory::guestsUpdated, this, &HostCard::updateGuests);
        connect(inv, &GuestInventory::portainerUpdated, this, &HostCard::updateContainers);
    }
    if (AlertCenter* alerts = homelab->alerts())
        connect(alerts, &AlertCenter::alertsChanged, this, &HostCard::updateAlerts);
    if (HomeServices* home = homelab->home()) {
        connect(home->health(), &HealthProber::hostUpdated, this, [this](const QString& id) {
            if (id == m_hostId)
                updateServices();
        });
        connect(homelab->services(), &ServiceDirectory::apiStateChanged, this,
                [this](const QString& id, const QString&) {
                    if (id == m_hostId)
                        updateServices();
                });
        if (HomeAssistantLink* l = home->homeAssistant(m_hostId)) {
            connect(l, &HomeAssistantLink::favouritesChanged, this, &HostCard::updateFavourites);
            connect(l, &HomeAssistantLink::entitiesChanged, this,
                    [this](const QStringList& upserted, const QStringList& removed) {
                        HomeAssistantLink* link = m_homelab ? m_homelab->home()->homeAssistant(m_hostId) : nullptr;
                        if (!link)
                            return;
                        for (const QString& f : link->favourites()) {
                            if (upserted.contains(f) || removed.contains(f)) {
                                updateFavourites();
                                return;
                            }
                        }
                    });
        }
        for (AdGuardMonitor* a : home->adGuards()) {
            if (a->hostId() == m_hostId)
                connect(a, &AdGuardMonitor::updated, this, &HostCard::updateAdGuard);
        }
    }
    if (LlmMonitor* llm = homelab->llm()) {
        connect(llm, &LlmMonitor::gpusUpdated, this, &HostCard::updateGpu);
        connect(llm, &LlmMonitor::ollamaUpdated, this, &HostCard::updateGpu);
        idle::pacePollWhileShown(this, llm->pacer());
    }
    // The card's figures and sparklines are what the metrics poll is for: at its pace while the Overview is seen.
    if (m_prometheus)
        idle::pacePollWhileShown(this, homelab->metrics()->pacer());

    auto* tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        if (!idle::hiddenInShownWindow(this)) // "Updated 3 s ago" counts only while someone sees it
            updateFreshness();
    });
    tick->start(1000);
    auto* history = new QTimer(this);
    connect(history, &QTimer::timeout, this, [this] {
        if (!idle::hiddenInShownWindow(this))
            loadHistory();
    });
    history->start(kHistoryMs);

    updateProxmox();
    updateMetrics();
    updateGuests();
    updateContainers();
    updateAlerts();
    updateServices();
    updateGpu();
    updateFavourites();
    updateAdGuard();
    loadHistory();
}

HostCard::~HostCard() = default;

HostCard::Metric HostCard::addMetric(QGridLayout* grid, int row, const QString& name, const QString& objectName)
{
    auto* label = new QLabel(name);
    label->setStyleSheet(mutedStyle());
    Metric m;
    m.value = new QLabel(QStringLiteral("–"));
    m.value->setObjectName(objectName + QStringLiteral("Value"));
    m.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont f = m.value->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    m.value->setFont(f);
    // Room for "100.0 %" and "999.9 MiB/s" so the sparklines start at one x on every row and card.
    m.value->setMinimumWidth(QFontMetrics(f).horizontalAdvance(QStringLiteral("999.9 MiB/s")));
    m.spark = new Sparkline;
    m.spark->setObjectName(objectName + QStringLiteral("Spark"));
    m.spark->setSpan(kSpan);
    m.detail = new QLabel;
    m.detail->setObjectName(objectName + QStringLiteral("Detail"));
    m.detail->setStyleSheet(mutedStyle());
    m.detail->setMinimumWidth(QFontMetrics(m.detail->font()).horizontalAdvance(QStringLiteral("↓ 999.9 MiB/s")));
    grid->addWidget(label, row, 0);
    grid->addWidget(m.value, row, 1);
    grid->addWidget(m.spark, row, 2);
    grid->addWidget(m.detail, row, 3);
    return m;
}

LinkLabel* HostCard::addLink(QGridLayout* grid, int row, const QString& name, const QString& objectName,
                             OverviewTarget::Kind kind)
{
    auto* label = new QLabel(name);
    label->setStyleSheet(mutedStyle());
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* link = new LinkLabel;
    link->setObjectName(objectName);
    connect(link, &LinkLabel::clicked, this, [this, kind] { emit openRequested({kind, m_hostId, {}}); });
    grid->addWidget(label, row, 0, Qt::AlignTop);
    grid->addWidget(link, row, 1, 1, 3);
    return link;
}

void HostCard::setRowVisible(QWidget* value, bool visible)
{
    const int index = m_grid->indexOf(value);
    if (index < 0)
        return;
    int row = 0;
    int col = 0;
    int rs = 0;
    int cs = 0;
    m_grid->getItemPosition(index, &row, &col, &rs, &cs);
    for (int c = 0; c < m_grid->columnCount(); ++c) {
        if (QLayoutItem* item = m_grid->itemAtPosition(row, c); item && item->widget())
            item->widget()->setVisible(visible);
    }
}

bool HostCard::hasData() const
{
    return m_host && m_host->nodeStatus().has_value();
}

void HostCard::updateProxmox()
{
    if (!m_host)
        return;
    const SourceStatus& st = m_host->proxmoxStatus();
    StatusColors::Role dot = StatusColors::Role::Unknown;
    if (!m_host->proxmoxService()) {
        m_statusText->setText(m_prometheus ? tr("metrics only") : tr("no Proxmox configured"));
    } else if (st.state == SourceStatus::State::Ok) {
        m_statusText->setText(tr("online"));
        dot = StatusColors::Role::Ok;
    } else if (st.state == SourceStatus::State::Error) {
        // The node's own poll failed: "offline" when the cluster (through another node) reports it down,
        // "unreachable" when only this app cannot reach it.
        if (m_host->clusterReportsOffline())
            m_statusText->setText(tr("offline (cluster reports node down)"));
        else
            m_statusText->setText(st.hasData() ? tr("unreachable (stale data)") : tr("unreachable"));
        dot = StatusColors::Role::Critical;
    } else {
        m_statusText->setText(tr("connecting…"));
    }
    idle::setStyleSheet(m_statusDot, StatusColors::labelStyle(dot));
    idle::setStyleSheet(m_statusText, StatusColors::labelStyle(dot));

    if (st.state == SourceStatus::State::Error) {
        m_bannerText->setText(tr("Proxmox: %1").arg(st.error.message));
        m_trustButton->setVisible(st.error.kind == ApiError::Kind::Tls && !st.error.tlsFingerprint.isEmpty());
        m_secretButton->setVisible(st.error.kind == ApiError::Kind::Auth || st.error.kind == ApiError::Kind::Config);
        // A password login that wants a TOTP code is answered with the code, not another password.
        const pve::ProxmoxTicketSession* ticket = m_host->ticketSession();
        const bool code = ticket && ticket->needsSecondFactor() &&
                          pve::ProxmoxClient::acceptsTotpCode(ticket->client()->secondFactorMethods());
        m_secretButton->setText(code ? tr("Enter code…") : tr("Enter secret…"));
        m_banner->show();
    } else {
        m_banner->hide();
    }

    const auto& ns = m_host->nodeStatus();
    if (ns) {
        m_uptime->setText(ns->uptime ? tr("up %1").arg(format::duration(*ns->uptime)) : QStringLiteral("–"));
        m_version->setText(ns->pveVersion.isEmpty()
                               ? QString()
                               : tr("Proxmox %1").arg(ns->pveVersion.section(QLatin1Char('/'), 1, 1)));
        m_version->setToolTip(ns->kernel);
        QStringList loads;
        for (double l : ns->loadavg)
            loads << QString::number(l, 'f', 2);
        m_uptime->setToolTip(loads.isEmpty() ? QString() : tr("Load: %1").arg(loads.join(QStringLiteral(" · "))));
        // Between two rrddata fetches the lines follow the node's own numbers.
        if (!m_prometheus && st.state == SourceStatus::State::Ok) {
            const double t = nowSecs();
            if (ns->cpu)
                m_cpu.spark->append({t, *ns->cpu * 100.0});
            if (ns->memUsed && ns->memTotal && *ns->memTotal > 0)
                m_memory.spark->append({t, double(*ns->memUsed) / double(*ns->memTotal) * 100.0});
            if (ns->rootUsed && ns->rootTotal && *ns->rootTotal > 0)
                m_rootDisk.spark->append({t, double(*ns->rootUsed) / double(*ns->rootTotal) * 100.0});
        }
    }
    m_uptime->setVisible(ns.has_value());
    m_version->setVisible(!m_version->text().isEmpty());
    updateMetrics();
    updateFreshness();
}

void HostCard::updateMetrics()
{
    if (!m_host)
        return;
    const auto& ns = m_host->nodeStatus();
    MetricsMonitor* metrics = m_homelab ? m_homelab->metrics() : nullptr;
    auto prom = [&](prom::NodeMetric m) -> std::optional<double> {
        return m_prometheus && metrics ? metrics->latest(m_hostId, m) : std::nullopt;
    };
    const QString dash = QStringLiteral("–");
    auto show = [&](Metric& m, std::optional<double> percent, const QString& detail) {
        m.value->setText(percent ? format::percent(*percent / 100.0) : dash);
        const StatusColors::Role role = percent ? loadRole(*percent) : StatusColors::Role::Info;
        m.spark->setRole(role);
        idle::setStyleSheet(m.value, role == StatusColors::Role::Info ? QString() : StatusColors::labelStyle(role));
        m.detail->setText(detail);
    };

    // CPU: the node's own figure (the host tab shows the same), else Prometheus.
    std::optional<double> cpu = ns && ns->cpu ? std::optional<double>(*ns->cpu * 100.0) : std::nullopt;
    if (!cpu)
        cpu = prom(prom::NodeMetric::CpuPercent);
    show(m_cpu, cpu, ns && ns->cpus > 0 ? tr("%n CPUs", nullptr, ns->cpus) : QString());

    auto share = [&](Metric& m, const std::optional<qint64>& used, const std::optional<qint64>& total,
                     prom::NodeMetric fallback) {
        if (used && total && *total > 0) {
            show(m, double(*used) / double(*total) * 100.0,
                 tr("%1 of %2").arg(format::bytes(double(*used)), format::bytes(double(*total))));
        } else {
            show(m, prom(fallback), total && *total > 0 ? tr("of %1").arg(format::bytes(double(*total))) : QString());
        }
    };
    share(m_memory, ns ? ns->memUsed : std::nullopt, ns ? ns->memTotal : std::nullopt, prom::NodeMetric::MemoryPercent);
    share(m_rootDisk, ns ? ns->rootUsed : std::nullopt, ns ? ns->rootTotal : std::nullopt,
          prom::NodeMetric::RootDiskPercent);

    // Network: Prometheus' rate, else the last rrddata point.
    std::optional<double> in = prom(prom::NodeMetric::NetReceive);
    std::optional<double> out = prom(prom::NodeMetric::NetTransmit);
    if (!in && !m_network.spark->points(0).isEmpty())
        in = m_network.spark->points(0).last().y();
    if (!out && !m_network.spark->points(1).isEmpty())
        out = m_network.spark->points(1).last().y();
    m_network.value->setText(in || out ? rate(in.value_or(0.0) + out.value_or(0.0)) : dash);
    m_network.value->setToolTip(tr("Received and sent together"));
    m_network.detail->setText(in || out ? tr("↓ %1  ↑ %2").arg(in ? rate(*in) : dash, out ? rate(*out) : dash)
                                        : QString());

    if (m_prometheus && metrics) {
        const double t = nowSecs();
        auto add = [&](Metric& m, prom::NodeMetric metric, int series) {
            if (const std::optional<double> v = metrics->latest(m_hostId, metric))
                m.spark->append({t, *v}, series);
        };
        add(m_cpu, prom::NodeMetric::CpuPercent, 0);
        add(m_memory, prom::NodeMetric::MemoryPercent, 0);
        add(m_rootDisk, prom::NodeMetric::RootDiskPercent, 0);
        add(m_network, prom::NodeMetric::NetReceive, 0);
        add(m_network, prom::NodeMetric::NetTransmit, 1);
    }
    const bool stale = m_host->proxmoxService() && m_host->proxmoxStatus().isStale();
    for (Metric* m : {&m_cpu, &m_memory, &m_rootDisk})
        m->spark->setEnabled(!stale);
}

void HostCard::loadHistory()
{
    if (!m_homelab)
        return;
    if (m_prometheus)
        m_homelab->metrics()->fetchHistory(m_hostId, kSpan);
    else if (m_rrd && m_host && m_host->proxmoxStatus().state == SourceStatus::State::Ok)
        m_rrd->load(QStringLiteral("hour"), QString());
}

void HostCard::applyPrometheusHistory()
{
    MetricsMonitor* metrics = m_homelab ? m_homelab->metrics() : nullptr;
    if (!metrics)
        return;
    auto points = [&](prom::NodeMetric m) {
        QList<QPointF> out;
        for (const prom::Point& p : metrics->history(m_hostId, m))
            out << QPointF(p.time, p.value);
        return out;
    };
    m_cpu.spark->setPoints(points(prom::NodeMetric::CpuPercent));
    m_memory.spark->setPoints(points(prom::NodeMetric::MemoryPercent));
    m_rootDisk.spark->setPoints(points(prom::NodeMetric::RootDiskPercent));
    m_network.spark->setPoints(points(prom::NodeMetric::NetReceive), 0);
    m_network.spark->setPoints(points(prom::NodeMetric::NetTransmit), 1);
}

void HostCard::updateGuests()
{
    GuestInventory* inv = m_homelab ? m_homelab->inventory(m_hostId) : nullptr;
    const bool has = inv && inv->hasProxmox();
    setRowVisible(m_guests, has);
    if (!has)
        return;
    if (!inv->guestsStatus().hasData()) {
        m_guests->setText(inv->guestsStatus().state == SourceStatus::State::Error ? tr("not available")
                                                                                  : tr("loading…"));
        return;
    }
    m_guests->setText(tr("%1 running · %2 stopped").arg(inv->runningGuests()).arg(inv->stoppedGuests()));
    m_guests->setToolTip(tr("Open the guests of this host"));
}

void HostCard::updateContainers()
{
    GuestInventory* inv = m_homelab ? m_homelab->inventory(m_hostId) : nullptr;
    const bool has = inv && inv->hasPortainer();
    setRowVisible(m_stacks, has);
    setRowVisible(m_containers, has);
    if (!has)
        return;
    if (!inv->portainerStatus().hasData()) {
        const QString text =
            inv->portainerStatus().state == SourceStatus::State::Error ? tr("not available") : tr("loading…");
        m_stacks->setText(text);
        m_containers->setText(text);
        return;
    }
    const int stacks = static_cast<int>(inv->stacks().size());
    m_stacks->setText(tr("%1 running · %2 stopped").arg(inv->activeStacks()).arg(stacks - inv->activeStacks()));
    int running = 0;
    QStringList unhealthy;
    for (const portainer::Container& c : inv->containers()) {
        running += c.running() ? 1 : 0;
        if (c.running() && c.health == QLatin1String("unhealthy"))
            unhealthy << c.name;
    }
    QString text = tr("%1 running · %2 stopped").arg(running).arg(inv->stoppedContainers());
    if (!unhealthy.isEmpty())
        text += QStringLiteral(" · ") + tr("%1 unhealthy").arg(unhealthy.size());
    m_containers->setText(text);
    m_containers->setToolTip(unhealthy.isEmpty() ? tr("Open the stacks of this host")
                                                 : tr("Unhealthy: %1").arg(unhealthy.join(QStringLiteral(", "))));
    idle::setStyleSheet(m_containers,
                        unhealthy.isEmpty() ? QString() : StatusColors::labelStyle(StatusColors::Role::Warning));
}

void HostCard::updateAlerts()
{
    AlertCenter* alerts = m_homelab ? m_homelab->alerts() : nullptr;
    const bool has = alerts && alerts->isConfigured();
    setRowVisible(m_alerts, has);
    if (!has)
        return;
    int counts[3] = {0, 0, 0};
    QStringList names;
    for (const AlertEntry& a : alerts->alerts()) {
        if (a.hostId != m_hostId || a.state != AlertEntry::State::Firing)
            continue;
        ++counts[int(a.severity)];
        names << a.summary;
    }
    QStringList parts;
    if (counts[2] > 0)
        parts << tr("%1 critical").arg(counts[2]);
    if (counts[1] > 0)
        parts << tr("%1 warning").arg(counts[1]);
    if (counts[0] > 0)
        parts << tr("%1 info").arg(counts[0]);
    const StatusColors::Role role = counts[2] > 0   ? StatusColors::Role::Critical
                                    : counts[1] > 0 ? StatusColors::Role::Warning
                                    : counts[0] > 0 ? StatusColors::Role::Info
                                                    : StatusColors::Role::Ok;
    m_alerts->setText(parts.isEmpty() ? tr("none firing") : parts.join(QStringLiteral(" · ")));
    m_alerts->setToolTip(names.isEmpty() ? tr("Open the alerts of this host") : names.join(QLatin1Char('\n')));
    m_alerts->setProperty("role", int(role));
    // A badge in the worst colour when something fires; a calm coloured word otherwise.
    idle::setStyleSheet(
        m_alerts, parts.isEmpty() ? StatusColors::labelStyle(role)
                                  : QStringLiteral("color: %1; background: %2; border: 1px solid %3; "
                                                   "border-radius: 8px; padding: 1px 8px; font-weight: bold;")
                                        .arg(StatusColors::color(role).name(), StatusColors::background(role).name(),
                                             StatusColors::border(role).name()));
    m_alerts->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
}

void HostCard::updateServices()
{
    HealthProber* p = m_homelab && m_homelab->home() ? m_homelab->home()->health() : nullptr;
    const QList<ProbeResult> results = p ? p->results(m_hostId) : QList<ProbeResult>{};
    const QStringList api = serviceApiFailures(m_homelab ? m_homelab->services() : nullptr, m_hostId);
    m_api->setText(api.join(QLatin1Char('\n')));
    m_api->setVisible(!api.isEmpty());
    idle::setStyleSheet(m_api, StatusColors::labelStyle(StatusColors::Role::Critical));
    setRowVisible(m_services, !results.isEmpty());
    if (results.isEmpty())
        return;
    QStringList down;
    bool checked = false;
    for (const ProbeResult& r : results) {
        checked = checked || r.state != ProbeResult::State::Unknown;
        if (r.state == ProbeResult::State::Down)
            down << r.probe.name;
    }
    if (!checked)
        m_services->setText(tr("checking…"));
    else if (down.isEmpty() && api.isEmpty())
        m_services->setText(tr("all %1 answering").arg(results.size()));
    else if (down.isEmpty())
        m_services->setText(tr("%1 answering, but not every API works").arg(results.size()));
    else
        m_services->setText(
            tr("%1 of %2 down: %3").arg(down.size()).arg(results.size()).arg(down.join(QStringLiteral(", "))));
    m_services->setToolTip(down.isEmpty() ? tr("Open the health checks of this host")
                                          : tr("Down: %1").arg(down.join(QStringLiteral(", "))));
    m_services->setProperty("down", down.join(QLatin1Char(',')));
    QString css;
    if (!down.isEmpty())
        css = StatusColors::labelStyle(StatusColors::Role::Critical) + QStringLiteral(" font-weight: bold;");
    else if (!api.isEmpty())
        css = StatusColors::labelStyle(StatusColors::Role::Warning);
    else if (checked)
        css = StatusColors::labelStyle(StatusColors::Role::Ok);
    idle::setStyleSheet(m_services, css);
}

void HostCard::updateGpu()
{
    LlmMonitor* llm = m_homelab ? m_homelab->llm() : nullptr;
    const QList<gpu::GpuStats> gpus = llm ? llm->gpusOfHost(m_hostId) : QList<gpu::GpuStats>{};
    const bool ollamaHere = llm && llm->hasOllama() && llm->ollamaHostId() == m_hostId;
    setRowVisible(m_gpu, !gpus.isEmpty() || ollamaHere);
    if (gpus.isEmpty() && !ollamaHere)
        return;
    QStringList lines;
    for (const gpu::GpuStats& g : gpus) {
        QString line = g.utilization ? format::percent(*g.utilization) : QStringLiteral("–");
        if (g.memoryUsedBytes && g.memoryTotalBytes)
            line += QStringLiteral(" · ") +
                    tr("VRAM %1 of %2").arg(format::bytes(*g.memoryUsedBytes), format::bytes(*g.memoryTotalBytes));
        if (g.temperatureC)
            line += QStringLiteral(" · ") + tr("%1 °C").arg(qRound(*g.temperatureC));
        if (g.powerWatts)
            line += QStringLiteral(" · ") + tr("%1 W").arg(qRound(*g.powerWatts));
        lines << line;
    }
    QStringList models;
    if (ollamaHere) {
        for (const ollama::LoadedModel& m : llm->loadedModels())
            models << m.name;
    }
    QString text = lines.join(QLatin1Char('\n'));
    if (ollamaHere) {
        const QString loaded =
            models.isEmpty() ? tr("no model loaded") : tr("loaded: %1").arg(models.join(QStringLiteral(", ")));
        text = text.isEmpty() ? loaded : text + QLatin1Char('\n') + loaded;
    }
    m_gpu->setText(text);
    QStringList names;
    for (const gpu::GpuStats& g : gpus)
        names << g.name;
    m_gpu->setToolTip(names.isEmpty() ? tr("Open GPU / LLM") : names.join(QLatin1Char('\n')));
}

void HostCard::updateFavourites()
{
    HomeAssistantLink* link = m_homelab && m_homelab->home() ? m_homelab->home()->homeAssistant(m_hostId) : nullptr;
    const bool has = link && !link->favourites().isEmpty();
    setRowVisible(m_favourites, has);
    if (!has)
        return;
    QStringList parts;
    for (const QString& id : link->favourites()) {
        const ha::EntityState* e = link->entity(id);
        parts << (e ? tr("★ %1: %2")
                          .arg(e->friendlyName(),
                               e->unit().isEmpty() ? e->state : e->state + QLatin1Char(' ') + e->unit())
                    : tr("★ %1: unknown").arg(id));
    }
    m_favourites->setText(parts.join(QLatin1Char('\n')));
    m_favourites->setToolTip(tr("Open Home Assistant"));
}

void HostCard::updateAdGuard()
{
    AdGuardMonitor* adguard = nullptr;
    if (m_homelab && m_homelab->home()) {
        for (AdGuardMonitor* a : m_homelab->home()->adGuards()) {
            if (a->hostId() == m_hostId)
                adguard = a;
        }
    }
    setRowVisible(m_adguard, adguard != nullptr);
    if (!adguard)
        return;
    const auto& stats = adguard->stats();
    if (!stats) {
        m_adguard->setText(adguard->sourceStatus().state == SourceStatus::State::Error ? tr("not available")
                                                                                       : tr("loading…"));
        return;
    }
    QString text =
        tr("%1 blocked today").arg(QLocale().toString(stats->blockedPercent(), 'f', 1) + QStringLiteral(" %"));
    text += QStringLiteral(" · ") +
            tr("%Ln queries", nullptr, static_cast<int>(std::min<qint64>(stats->dnsQueries, INT_MAX)));
    const auto& status = adguard->status();
    if (status && !status->protectionEnabled)
        text += QStringLiteral(" · ") + tr("protection paused");
    m_adguard->setText(text);
    m_adguard->setToolTip(tr("Open AdGuard"));
    idle::setStyleSheet(m_adguard, status && !status->protectionEnabled
                                       ? StatusColors::labelStyle(StatusColors::Role::Warning)
                                       : QString());
}

void HostCard::showEvent(QShowEvent* event)
{
    QFrame::showEvent(event);
    updateFreshness();
}

void HostCard::updateFreshness()
{
    if (!m_host)
        return;
    if (!m_host->proxmoxService()) {
        // Nothing will ever come from a Proxmox that is not there: say what the host has instead of waiting.
        QStringList has;
        for (const ServiceConfig& s : m_host->host().services) {
            if (const QString kind = serviceKindTitle(s.kind); !has.contains(kind))
                has << kind;
        }
        m_freshness->setText(has.isEmpty()
                                 ? tr("No Proxmox on this host and no services configured.")
                                 : tr("No Proxmox on this host. It has %1.").arg(has.join(QStringLiteral(", "))));
        return;
    }
    const SourceStatus& st = m_host->proxmoxStatus();
    if (!st.hasData()) {
        m_freshness->setText(st.state == SourceStatus::State::Error ? tr("No data yet.") : tr("Waiting for data…"));
        return;
    }
    // Fresh data shows the clock time of the last answer: the text changes once per poll, not every second.
    const qint64 age = st.lastSuccess.secsTo(QDateTime::currentDateTimeUtc());
    m_freshness->setText(
        st.isStale() ? tr("Stale: last fresh data %1.").arg(format::ago(age))
                     : tr("Updated at %1.")
                           .arg(QLocale().toString(st.lastSuccess.toLocalTime().time(), QStringLiteral("HH:mm:ss"))));
}

} // namespace hlc
