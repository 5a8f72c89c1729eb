#include "core/HostPanel.h"

#include "core/Format.h"
#include "core/IdleCost.h"
#include "core/ServiceText.h"
#include "core/StatusColors.h"
#include "guests/HostMonitor.h"
#include "proxmox/ProxmoxClient.h"
#include "proxmox/ProxmoxTicketSession.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace hlc {

namespace {
QProgressBar* makeBar(const QString& objectName)
{
    auto* bar = new QProgressBar;
    bar->setObjectName(objectName);
    bar->setRange(0, 1000);
    bar->setValue(0);
    bar->setTextVisible(true);
    bar->setFormat(QStringLiteral("–"));
    bar->setMinimumWidth(220);
    return bar;
}

void setBar(QProgressBar* bar, double ratio, const QString& text)
{
    bar->setValue(static_cast<int>(std::clamp(ratio, 0.0, 1.0) * 1000));
    bar->setFormat(text);
}
} // namespace

HostPanel::HostPanel(HostMonitor* host, QWidget* parent)
    : QFrame(parent)
    , m_host(host)
{
    setObjectName(QStringLiteral("hostPanel_%1").arg(host->hostId()));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(380);

    auto* layout = new QVBoxLayout(this);
    // Top-aligned, so that summaries other features append (guest counts, services) follow the numbers directly.
    layout->setAlignment(Qt::AlignTop);

    auto* header = new QHBoxLayout;
    m_statusDot = new QLabel(QStringLiteral("●"));
    m_statusDot->setObjectName(QStringLiteral("statusDot"));
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("hostTitle"));
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    m_title->setFont(tf);
    m_statusText = new QLabel;
    m_statusText->setObjectName(QStringLiteral("nodeStatus"));
    header->addWidget(m_statusDot);
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_statusText);
    layout->addLayout(header);

    m_role = new QLabel;
    m_role->setObjectName(QStringLiteral("hostRole"));
    m_role->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(m_role);

    // A secret that goes over plain http:// because the user allowed it for this network: said on the panel, always.
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

    auto* form = new QFormLayout;
    m_cpu = makeBar(QStringLiteral("cpuBar"));
    m_memory = makeBar(QStringLiteral("memoryBar"));
    m_rootDisk = makeBar(QStringLiteral("rootDiskBar"));
    m_memoryText = new QLabel;
    m_rootDiskText = new QLabel;
    m_uptime = new QLabel(QStringLiteral("–"));
    m_uptime->setObjectName(QStringLiteral("uptimeLabel"));
    m_load = new QLabel(QStringLiteral("–"));
    m_load->setObjectName(QStringLiteral("loadLabel"));
    m_version = new QLabel(QStringLiteral("–"));
    m_version->setObjectName(QStringLiteral("versionLabel"));
    m_version->setWordWrap(true);
    form->addRow(tr("CPU"), m_cpu);
    form->addRow(tr("Memory"), m_memory);
    form->addRow(QString(), m_memoryText);
    form->addRow(tr("Root disk"), m_rootDisk);
    form->addRow(QString(), m_rootDiskText);
    form->addRow(tr("Uptime"), m_uptime);
    form->addRow(tr("Load"), m_load);
    form->addRow(tr("Proxmox"), m_version);
    layout->addLayout(form);
    // Without Proxmox these rows would say "–" forever: the panel shows what the host has instead.
    if (!host->proxmoxService()) {
        for (QWidget* w :
             {static_cast<QWidget*>(m_cpu), static_cast<QWidget*>(m_memory), static_cast<QWidget*>(m_memoryText),
              static_cast<QWidget*>(m_rootDisk), static_cast<QWidget*>(m_rootDiskText), static_cast<QWidget*>(m_uptime),
              static_cast<QWidget*>(m_load), static_cast<QWidget*>(m_version)})
            form->setRowVisible(w, false);
    }

    m_freshness = new QLabel;
    m_freshness->setObjectName(QStringLiteral("freshnessLabel"));
    m_freshness->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(m_freshness);

    m_title->setText(host->host().name.isEmpty() ? host->hostId() : host->host().name);
    m_role->setText(host->host().role);
    m_role->setVisible(!host->host().role.isEmpty());

    connect(host, &HostMonitor::proxmoxUpdated, this, &HostPanel::updateProxmox);
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
    auto* tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        if (!idle::hiddenInShownWindow(this)) // "Updated 3 s ago" counts only while someone sees it
            updateFreshness();
    });
    tick->start(1000);
    updateProxmox();
}

bool HostPanel::hasData() const
{
    return m_host && m_host->nodeStatus().has_value();
}

void HostPanel::updateProxmox()
{
    if (!m_host)
        return;
    const SourceStatus& st = m_host->proxmoxStatus();
    const auto& ns = m_host->nodeStatus();

    if (!m_host->proxmoxService()) {
        m_statusText->setText(tr("no Proxmox configured"));
        idle::setStyleSheet(m_statusDot, StatusColors::labelStyle(StatusColors::Role::Unknown));
    } else if (st.state == SourceStatus::State::Ok) {
        m_statusText->setText(tr("online"));
        idle::setStyleSheet(m_statusDot, StatusColors::labelStyle(StatusColors::Role::Ok));
    } else if (st.state == SourceStatus::State::Error) {
        // The node's own poll failed: "offline" when the cluster (through another node) reports it down,
        // "unreachable" when only this app cannot reach it.
        if (m_host->clusterReportsOffline())
            m_statusText->setText(tr("offline (cluster reports node down)"));
        else
            m_statusText->setText(st.hasData() ? tr("unreachable (stale data)") : tr("unreachable"));
        idle::setStyleSheet(m_statusDot, StatusColors::labelStyle(StatusColors::Role::Critical));
    } else {
        m_statusText->setText(tr("connecting…"));
        idle::setStyleSheet(m_statusDot, StatusColors::labelStyle(StatusColors::Role::Unknown));
    }

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

    if (ns) {
        // A figure the node did not report is "–", never 0 (see pve::NodeStatus).
        const QString dash = QStringLiteral("–");
        if (ns->cpu)
            setBar(m_cpu, *ns->cpu,
                   ns->cpus > 0 ? tr("%1 of %n CPUs", nullptr, ns->cpus).arg(format::percent(*ns->cpu))
                                : format::percent(*ns->cpu));
        else
            setBar(m_cpu, 0.0, dash);
        auto share = [&](QProgressBar* bar, QLabel* text, const std::optional<qint64>& used,
                         const std::optional<qint64>& total) {
            if (used && total && *total > 0) {
                setBar(bar, double(*used) / double(*total), format::percent(double(*used) / double(*total)));
                text->setText(tr("%1 of %2").arg(format::bytes(double(*used)), format::bytes(double(*total))));
            } else {
                setBar(bar, 0.0, dash);
                text->setText(total && *total > 0 ? tr("%1 of %2").arg(dash, format::bytes(double(*total))) : dash);
            }
        };
        share(m_memory, m_memoryText, ns->memUsed, ns->memTotal);
        share(m_rootDisk, m_rootDiskText, ns->rootUsed, ns->rootTotal);
        m_uptime->setText(ns->uptime ? format::duration(*ns->uptime) : dash);
        QStringList loads;
        for (double l : ns->loadavg)
            loads << QString::number(l, 'f', 2);
        m_load->setText(loads.isEmpty() ? dash : loads.join(QStringLiteral(" · ")));
        m_version->setText(ns->pveVersion.isEmpty() ? dash : ns->pveVersion.section(QLatin1Char('/'), 0, 1));
        m_version->setToolTip(ns->kernel);
    }
    const bool stale = st.isStale();
    for (QWidget* w :
         {static_cast<QWidget*>(m_cpu), static_cast<QWidget*>(m_memory), static_cast<QWidget*>(m_rootDisk)})
        w->setEnabled(!stale);
    updateFreshness();
}

void HostPanel::showEvent(QShowEvent* event)
{
    QFrame::showEvent(event);
    updateFreshness();
}

void HostPanel::updateFreshness()
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
                                 ? tr("No Proxmox on this host and no services configured: its health checks are "
                                      "shown below.")
                                 : tr("No Proxmox on this host. It has %1: shown below and in its tabs.")
                                       .arg(has.join(QStringLiteral(", "))));
        return;
    }
    const SourceStatus& st = m_host->proxmoxStatus();
    if (!st.hasData()) {
        m_freshness->setText(st.state == SourceStatus::State::Error ? tr("No data yet.") : tr("Waiting for data…"));
        return;
    }
    // Fresh data shows the clock time of the last answer: the text changes once per poll, not every second (an
    // idle window must not re-shape and repaint a label each second). Stale data counts its age.
    const qint64 age = st.lastSuccess.secsTo(QDateTime::currentDateTimeUtc());
    m_freshness->setText(
        st.isStale() ? tr("Stale: last fresh data %1.").arg(format::ago(age))
                     : tr("Updated at %1.")
                           .arg(QLocale().toString(st.lastSuccess.toLocalTime().time(), QStringLiteral("HH:mm:ss"))));
}

} // namespace hlc
