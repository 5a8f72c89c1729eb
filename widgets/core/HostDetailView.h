#pragma once

#include <QWidget>

class QTabWidget;

namespace hlc {

class Homelab;
class HostMonitor;

/// Everything about one host beyond its summary: one tab per subject (guests, stacks, charts, services, ...).
class HostDetailView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostDetailView)
public:
    HostDetailView(Homelab* homelab, HostMonitor* host, QWidget* parent = nullptr);

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] bool isEmpty() const;

private:
    QTabWidget* m_tabs;
};

} // namespace hlc
