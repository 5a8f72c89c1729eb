#pragma once

#include <QList>
#include <QMainWindow>

class QLabel;
class QFrame;
class QPushButton;
class QHBoxLayout;
class QTabWidget;

namespace hlc {

class AlertsView;
class AttentionBar;
class Homelab;
class HostPanel;
class TrayIcon;

/// The main window: one panel per host, plus banners for what concerns the whole app (config, keychain).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(Homelab* homelab, QWidget* parent = nullptr);

    /// Shows a problem with the configuration file (it is left untouched).
    void setConfigProblem(const QString& text);
    [[nodiscard]] const QList<HostPanel*>& hostPanels() const { return m_panels; }
    /// True when every host panel has shown data at least once.
    [[nodiscard]] bool allPanelsHaveData() const;
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    /// The system tray icon (also when no tray exists: then isAvailable() is false). Add menus with addMenu().
    [[nodiscard]] TrayIcon* trayIcon() const { return m_tray; }
    [[nodiscard]] AlertsView* alertsView() const { return m_alertsView; }
    /// What waits for the user (certificates, secrets, keychain), each with the button that answers it.
    [[nodiscard]] AttentionBar* attentionBar() const { return m_attention; }

signals:
    void firstDataShown();

private:
    void updateKeychainBanner();
    void askTrust(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex);
    void askSecret(const QString& hostId, const QString& serviceId);

    Homelab* m_homelab;
    QList<HostPanel*> m_panels;
    QTabWidget* m_tabs = nullptr;
    AlertsView* m_alertsView = nullptr;
    AttentionBar* m_attention = nullptr;
    TrayIcon* m_tray = nullptr;
    QFrame* m_configBanner;
    QLabel* m_configText;
    QFrame* m_keychainBanner;
    QLabel* m_keychainText;
    bool m_firstDataSignalled = false;
};

} // namespace hlc
