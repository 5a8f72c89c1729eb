#pragma once

#include "core/StatusColors.h"
#include "overview/OverviewTarget.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QVBoxLayout;

namespace hlc {

class Homelab;

/**
 * @brief "Needs attention" at the top of the Overview: firing critical alerts, failed agent runs, services down and
 * unhealthy containers (from the AlertInbox, the one list of what needs the operator), prompts waiting for the user
 * (certificates, secrets, keychain: ServiceDirectory::pendingAttention()) and sources that stopped answering. Each
 * entry is a link to its item. Empty, it says so in one calm line.
 */
class AttentionStrip final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttentionStrip)
public:
    struct Entry
    {
        StatusColors::Role role = StatusColors::Role::Warning;
        QString text;
        QString host; ///< display name, may be empty
        OverviewTarget target;
        bool operator==(const Entry&) const = default;
    };

    explicit AttentionStrip(Homelab* homelab, QWidget* parent = nullptr);

    [[nodiscard]] const QList<Entry>& entries() const { return m_entries; }
    /// The calm line shown when nothing needs attention (empty while entries are shown).
    [[nodiscard]] QString calmText() const;
    /// At most this many entries are shown; the rest are counted in a last line that opens the Inbox.
    static constexpr int kMaxShown = 6;

public slots:
    /// Reads every source again (runs on their change signals; queued and coalesced).
    void refresh();

signals:
    void openRequested(const hlc::OverviewTarget& target);

private:
    void scheduleRefresh();
    [[nodiscard]] QList<Entry> collect() const;
    void rebuild();
    [[nodiscard]] QString hostName(const QString& hostId) const;

    QPointer<Homelab> m_homelab;
    QList<Entry> m_entries;
    QLabel* m_title;
    QLabel* m_calm;
    QVBoxLayout* m_rows;
    bool m_pending = false;
};

} // namespace hlc
