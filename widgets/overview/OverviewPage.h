#pragma once

#include "overview/OverviewTarget.h"

#include <QList>
#include <QScrollArea>

class QGridLayout;
class QLabel;

namespace hlc {

class AttentionStrip;
class Homelab;
class HostCard;

/**
 * @brief The Overview tab: "needs attention" on top, then one card per host, flowing into as many columns as the
 * width holds (one when narrow). Clicks on any element come out as openRequested() for the window to route.
 */
class OverviewPage final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)
public:
    explicit OverviewPage(Homelab* homelab, QWidget* parent = nullptr);

    [[nodiscard]] const QList<HostCard*>& hostCards() const { return m_cards; }
    [[nodiscard]] AttentionStrip* attentionStrip() const { return m_strip; }
    /// How many columns the cards use now.
    [[nodiscard]] int columns() const { return m_columns; }
    /// A card is at least this wide; the columns are as many as fit.
    static constexpr int kCardMinWidth = 480;

signals:
    void openRequested(const hlc::OverviewTarget& target);
    void trustCertificateRequested(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex);
    void enterSecretRequested(const QString& hostId, const QString& serviceId);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void relayout();

    QList<HostCard*> m_cards;
    AttentionStrip* m_strip;
    QGridLayout* m_grid;
    int m_columns = 0;
};

} // namespace hlc
