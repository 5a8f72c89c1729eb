#pragma once

#include <QWidget>

class QLabel;

namespace hlc {

/**
 * @brief What a first start shows instead of an error: no config file is normal. Two ways on: explore the built-in
 * demo homelab, or add one's first host.
 */
class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)
public:
    /// @param configPath where the first save will create the config file (shown, so people know where it goes)
    explicit WelcomePage(const QString& configPath, QWidget* parent = nullptr);

signals:
    /// "Explore the demo homelab": start the built-in simulator, as `--demo`.
    void demoRequested();
    /// "Add my first host".
    void addHostRequested();
};

} // namespace hlc
