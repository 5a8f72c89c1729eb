#include "overview/AttentionStrip.h"

#include "core/Homelab.h"
#include "core/ServiceDirectory.h"
#include "core/ServiceText.h"
#include "guests/GuestInventory.h"
#include "guests/HostMonitor.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertInbox.h"
#include "overview/LinkLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace hlc {

namespace {
/// Certificates that run out within this many days are listed.
constexpr qint64 kCertificateDays = 14;
} // namespace

AttentionStrip::AttentionStrip(Homelab* homelab, QWidget* parent)
    : QFrame(parent)
    , m_homelab(homelab)
{
    setObjectName(QStringLiteral("attentionStrip"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(12, 8, 12, 8);
    v->setSpacing(4);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("attentionStripTitle"));
    QFont tf = m_title->font();
    tf.setBold(true);
    m_title->setFont(tf);
    v->addWidget(m_title);
    m_rows = new QVBoxLayout;
    m_rows->setSpacing(2);
    v->addLayout(m_rows);
    m_calm = new QLabel;
    m_calm->setObjectName(QStringLiteral("attentionCalmLine"));
    m_calm->setTextFormat(Qt::PlainText);
    v->addWidget(m_calm);

    if (homelab) {
        auto later = [this] { scheduleRefresh(); };
        connect(homelab->inbox(), &AlertInbox::itemsChanged, this, later);
        connect(homelab->services(), &ServiceDirectory::needsAttention, this, later);
        connect(homelab->services(), &ServiceDirectory::attentionCleared, this, later);
        connect(homelab->services(), &ServiceDirectory::peerCertificateChanged, this, later);
        connect(homelab->alerts(), &AlertCenter::alertsChanged, this, later);
        connect(homelab->alerts(), &AlertCenter::statusChanged, this, later);
        for (HostMonitor* h : homelab->hosts()) {
            connect(h, &HostMonitor::proxmoxUpdated, this, later);
            if (GuestInventory* inv = homelab->inventory(h->hostId())) {
                connect(inv, &GuestInventory::guestsUpdated, this, later);
                connect(inv, &GuestInventory::portainerUpdated, this, later);
            }
        }
    }
    refresh();
}

QString AttentionStrip::hostName(const QString& hostId) const
{
    if (!m_homelab || hostId.isEmpty())
        return {};
    const HostConfig* h = m_homelab->config().host(hostId);
    return h && !h->name.isEmpty() ? h->name : hostId;
}

void AttentionStrip::scheduleRefresh()
{
    if (m_pending)
        return;
    m_pending = true; // a poll round changes several sources at once: one rebuild after them
    QTimer::singleShot(0, this, &AttentionStrip::refresh);
}

QList<AttentionStrip::Entry> AttentionStrip::collect() const
{
    QList<Entry> out;
    if (!m_homelab)
        return out;

    // Prompts first: nothing of that service works until the user answers.
    for (const Attention& a : m_homelab->services()->pendingAttention()) {
        Entry e;
        e.host = hostName(a.hostId);
        e.target = {OverviewTarget::Kind::Prompt, a.hostId, a.serviceId};
        const QString service = serviceKindTitle(a.serviceKind);
        switch (a.kind) {
        case Attention::Kind::CertificateUntrusted:
            e.role = StatusColors::Role::Warning;
            e.text = tr("%1: certificate not trusted yet").arg(service);
            break;
        case Attention::Kind::CertificateChanged:
            e.role = StatusColors::Role::Critical;
            e.text = tr("%1: certificate changed since you trusted it").arg(service);
            break;
        case Attention::Kind::SecretMissing:
            e.role = StatusColors::Role::Warning;
            e.text = tr("%1 needs a secret").arg(service);
            break;
        case Attention::Kind::SecretRejected:
            e.role = StatusColors::Role::Critical;
            e.text = tr("%1 refused the stored secret").arg(service);
            break;
        case Attention::Kind::SecondFactorRequired:
            e.role = StatusColors::Role::Warning;
            e.text = tr("%1 needs a two-factor code").arg(service);
            break;
        case Attention::Kind::KeychainUnavailable:
            e.role = StatusColors::Role::Warning;
            e.text = tr("The system keychain is unavailable");
            break;
        }
        out << e;
        // The certificate a prompt shows: its end, when that is near.
        if (a.certificate.notAfter.isValid()) {
            const qint64 days = QDateTime::currentDateTimeUtc().daysTo(a.certificate.notAfter);
            if (days <= kCertificateDays) {
                Entry c = e;
                c.role = days < 0 ? StatusColors::Role::Critical : StatusColors::Role::Warning;
                c.text = days < 0 ? tr("%1: certificate expired").arg(service)
                                  : tr("%1: certificate expires in %2 days").arg(service).arg(days);
                out << c;
            }
        }
    }

    // The inbox: critical alerts, services down, failed agent runs, unhealthy containers.
    for (const InboxItem& i : m_homelab->inbox()->items()) {
        if (!i.needsOperator())
            continue;
        if (i.source == InboxItem::Source::Alert && i.severity != InboxItem::Severity::Critical)
            continue;
        // A certificate whose service shows a prompt: the prompt lists it already (and says more).
        if (i.source == InboxItem::Source::Certificate && std::any_of(out.cbegin(), out.cend(), [&i](const Entry& e) {
                return e.target.kind == OverviewTarget::Kind::Prompt && e.target.hostId == i.hostId &&
                       e.target.key == i.target;
            }))
            continue;
        Entry e;
        e.host = hostName(i.hostId);
        e.target = {OverviewTarget::Kind::InboxItem, i.hostId, i.key};
        e.role =
            i.severity == InboxItem::Severity::Critical ? StatusColors::Role::Critical : StatusColors::Role::Warning;
        switch (i.source) {
        case InboxItem::Source::Alert:
            e.text = tr("Alert: %1").arg(i.summary);
            break;
        case InboxItem::Source::Probe:
            e.role = StatusColors::Role::Critical;
            e.text = tr("Service down: %1").arg(i.target);
            break;
        case InboxItem::Source::AgentRun:
            e.text = tr("Failed: %1").arg(i.summary);
            break;
        case InboxItem::Source::Container:
        case InboxItem::Source::Proxmox:
        case InboxItem::Source::Maintenance:
        case InboxItem::Source::Certificate:
            e.text = i.summary;
            break;
        }
        out << e;
    }

    // Sources that stopped answering (their data is stale or missing).
    for (HostMonitor* h : m_homelab->hosts()) {
        if (h->proxmoxService() && h->proxmoxStatus().state == SourceStatus::State::Error) {
            const bool waiting = std::any_of(out.cbegin(), out.cend(), [h](const Entry& e) {
                return (e.target.kind == OverviewTarget::Kind::Prompt && e.target.hostId == h->hostId()) ||
                       (e.target.kind == OverviewTarget::Kind::InboxItem && e.target.hostId == h->hostId() &&
                        e.target.key.startsWith(QLatin1String("node/")));
            });
            // A prompt for it is listed already (that is the reason), or the inbox's "node offline" item says it.
            if (!waiting)
                out << Entry{StatusColors::Role::Critical,
                             h->clusterReportsOffline()     ? tr("Proxmox node is down")
                             : h->proxmoxStatus().hasData() ? tr("Proxmox unreachable: data is stale")
                                                            : tr("Proxmox unreachable"),
                             hostName(h->hostId()),
                             {OverviewTarget::Kind::Host, h->hostId(), {}}};
        }
        if (GuestInventory* inv = m_homelab->inventory(h->hostId());
            inv && inv->hasPortainer() && inv->portainerStatus().state == SourceStatus::State::Error)
            out << Entry{StatusColors::Role::Warning,
                         tr("Portainer unreachable: containers are stale"),
                         hostName(h->hostId()),
                         {OverviewTarget::Kind::Stacks, h->hostId(), {}}};
    }
    if (AlertCenter* a = m_homelab->alerts(); a->isConfigured() && a->status().state == SourceStatus::State::Error)
        out << Entry{StatusColors::Role::Warning,
                     tr("Alerts cannot be read: %1").arg(a->status().error.message),
                     {},
                     {OverviewTarget::Kind::Alerts, {}, {}}};
    // Worst first, in a stable order within a colour.
    std::stable_sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
        auto rank = [](StatusColors::Role r) { return r == StatusColors::Role::Critical ? 0 : 1; };
        return rank(a.role) < rank(b.role);
    });
    return out;
}

QString AttentionStrip::calmText() const
{
    if (!m_entries.isEmpty() || !m_homelab)
        return {};
    int guests = 0;
    for (HostMonitor* h : m_homelab->hosts()) {
        if (GuestInventory* inv = m_homelab->inventory(h->hostId()))
            guests += static_cast<int>(inv->guests().size());
    }
    const int hosts = static_cast<int>(m_homelab->hosts().size());
    const QString alerts = !m_homelab->alerts()->isConfigured() ? tr("no alert source configured")
                           : m_homelab->alerts()->firingCount() == 0
                               ? tr("no alert firing")
                               : tr("%n alerts firing below critical", nullptr, m_homelab->alerts()->firingCount());
    return tr("All is well: %1, %2, %3.").arg(tr("%n hosts", nullptr, hosts), tr("%n guests", nullptr, guests), alerts);
}

void AttentionStrip::refresh()
{
    m_pending = false;
    QList<Entry> entries = collect();
    if (entries == m_entries && !m_title->text().isEmpty()) {
        if (m_entries.isEmpty())
            m_calm->setText(calmText()); // counts may change while all is well
        return;
    }
    m_entries = std::move(entries);
    rebuild();
}

void AttentionStrip::rebuild()
{
    while (QLayoutItem* item = m_rows->takeAt(0)) {
        if (QLayout* l = item->layout()) {
            while (QLayoutItem* inner = l->takeAt(0)) {
                delete inner->widget();
                delete inner;
            }
        }
        delete item->widget();
        delete item;
    }
    const bool calm = m_entries.isEmpty();
    StatusColors::Role worst = StatusColors::Role::Warning;
    for (const Entry& e : m_entries) {
        if (e.role == StatusColors::Role::Critical)
            worst = e.role;
    }
    setStyleSheet(calm ? QString() : StatusColors::bannerStyle(objectName(), worst));
    m_title->setVisible(!calm);
    m_title->setText(calm ? QStringLiteral(" ") : tr("Needs attention (%1)").arg(m_entries.size()));
    m_calm->setVisible(calm);
    m_calm->setText(calm ? QStringLiteral("✓  ") + calmText() : QString());
    m_calm->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Ok));

    int shown = 0;
    for (const Entry& e : std::as_const(m_entries)) {
        if (shown == kMaxShown)
            break;
        auto* row = new QHBoxLayout;
        row->setSpacing(8);
        auto* dot = new QLabel(QStringLiteral("●"));
        dot->setObjectName(QStringLiteral("attentionDot"));
        dot->setStyleSheet(StatusColors::labelStyle(e.role));
        auto* text = new LinkLabel;
        text->setObjectName(QStringLiteral("attentionEntry"));
        text->setText(e.host.isEmpty() ? e.text : tr("%1 — %2").arg(e.host, e.text));
        text->setToolTip(tr("Open it"));
        text->setProperty("role", int(e.role));
        const OverviewTarget target = e.target;
        connect(text, &LinkLabel::clicked, this, [this, target] { emit openRequested(target); });
        row->addWidget(dot);
        row->addWidget(text, 1);
        m_rows->addLayout(row);
        ++shown;
    }
    if (m_entries.size() > kMaxShown) {
        auto* more = new LinkLabel;
        more->setObjectName(QStringLiteral("attentionMore"));
        more->setText(tr("and %1 more in the Inbox").arg(m_entries.size() - kMaxShown));
        connect(more, &LinkLabel::clicked, this, [this] {
            emit openRequested({OverviewTarget::Kind::InboxItem, {}, {}});
        });
        m_rows->addWidget(more);
    }
}

} // namespace hlc
