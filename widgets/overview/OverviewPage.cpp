#include "overview/OverviewPage.h"

#include "core/Homelab.h"
#include "guests/HostMonitor.h"
#include "overview/AttentionStrip.h"
#include "overview/HostCard.h"

#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollBar>
#include <QVBoxLayout>

namespace hlc {

OverviewPage::OverviewPage(Homelab* homelab, QWidget* parent)
    : QScrollArea(parent)
{
    setObjectName(QStringLiteral("overviewPage"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("overviewContent"));
    auto* v = new QVBoxLayout(content);
    v->setContentsMargins(12, 12, 12, 12);
    v->setSpacing(12);

    m_strip = new AttentionStrip(homelab, content);
    connect(m_strip, &AttentionStrip::openRequested, this, &OverviewPage::openRequested);
    v->addWidget(m_strip);

    m_grid = new QGridLayout;
    m_grid->setSpacing(12);
    v->addLayout(m_grid);
    for (HostMonitor* h : homelab->hosts()) {
        auto* card = new HostCard(homelab, h, content);
        m_cards << card;
        connect(card, &HostCard::openRequested, this, &OverviewPage::openRequested);
        connect(card, &HostCard::trustCertificateRequested, this, &OverviewPage::trustCertificateRequested);
        connect(card, &HostCard::enterSecretRequested, this, &OverviewPage::enterSecretRequested);
    }
    if (m_cards.isEmpty()) {
        auto* empty = new QLabel(tr("No hosts are configured. Add one under Edit → Settings → Hosts, or start "
                                    "with --demo to see the simulated homelab."));
        empty->setObjectName(QStringLiteral("noHostsLabel"));
        empty->setWordWrap(true);
        m_grid->addWidget(empty, 0, 0);
    }
    v->addStretch(1);
    setWidget(content);
    relayout();
}

void OverviewPage::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    relayout();
}

void OverviewPage::relayout()
{
    if (m_cards.isEmpty())
        return;
    const int width = viewport()->width() - 24;
    const int columns = std::clamp(width / kCardMinWidth, 1, static_cast<int>(std::max<qsizetype>(1, m_cards.size())));
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (HostCard* c : std::as_const(m_cards))
        m_grid->removeWidget(c);
    for (int i = 0; i < m_grid->columnCount(); ++i)
        m_grid->setColumnStretch(i, 0);
    for (int i = 0; i < m_cards.size(); ++i)
        m_grid->addWidget(m_cards[i], int(i) / columns, int(i) % columns);
    for (int i = 0; i < columns; ++i)
        m_grid->setColumnStretch(i, 1);
}

} // namespace hlc
