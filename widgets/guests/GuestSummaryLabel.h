#pragma once

#include <QLabel>
#include <QPointer>

namespace hlc {

class GuestInventory;

/// One line for a host panel: guests running/stopped, stacks active, containers stopped, and cluster nodes that
/// are offline (named, never a blank or NaN).
class GuestSummaryLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestSummaryLabel)
public:
    explicit GuestSummaryLabel(GuestInventory* inventory, QWidget* parent = nullptr);

private:
    void refresh();

    QPointer<GuestInventory> m_inventory;
};

} // namespace hlc
