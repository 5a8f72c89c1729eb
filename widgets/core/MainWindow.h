#pragma once

#include "core/Config.h"
#include "core/WindowState.h"
#include "settings/SettingsDialog.h" // QPointer<SettingsDialog> needs the complete type
#include "setup/HostSetupDialog.h"

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QLabel;
class QMenu;
class QFrame;
class QPushButton;
class QToolBar;
class QHBoxLayout;
class QTabWidget;
class QTimer;
class QVBoxLayout;

namespace hlc {

class AgentsTab;
class AlertsView;
class AttentionBar;
class CommandPalette;
class Homelab;
class HostCard;
class InboxView;
class TrayIcon;
class WelcomePage;

/// The main window: one panel per host, plus banners for what concerns the whole app (config, keychain).
///
/// Everything that shows the homelab (panels, tabs, attention bar, tray) is built for one Homelab and can be rebuilt
/// for another with setHomelab(): call releaseHomelab() before the current one is deleted.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(Homelab* homelab, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Drops every page, the tray and every pointer into the current Homelab (it is about to be deleted).
    void releaseHomelab();
    /// Builds the pages and the tray for @p homelab (releasing the current one's first).
    void setHomelab(Homelab* homelab);
    [[nodiscard]] Homelab* homelab() const { return m_homelab; }

    /// Shows a problem with the configuration file (it is left untouched).
    void setConfigProblem(const QString& text);
    /// A calm information line (e.g. the config file was moved); empty hides it.
    void setConfigNotice(const QString& text);
    /**
     * Keeps the window as the user left it (windowstate: geometry, open tab, splitters, column widths and sort
     * orders in QSettings): restores now and after every rebuild, saves before every rebuild and at the end. Off by
     * default (tests and --screenshot runs start from the defaults); main() turns it on.
     */
    void setKeepState(bool on);
    /**
     * The pages cost memory nobody looks at while the window is closed to the tray: with @p on they are built when
     * the window is shown (not before, so a start in the tray builds none) and deleted @p delayMs after it was closed
     * (hidden, not minimised), what they showed (open tabs, filters, splitters, columns) kept in memory and put back
     * when it is shown again. The tray, its menus and notifications stay. Off by default (tests look at pages of a
     * window they never show); main() turns it on.
     */
    void setReleaseWhenHidden(bool on, int delayMs = kReleaseDelayMs);
    static constexpr int kReleaseDelayMs = 5000;
    /// True while the pages are released (the window is closed to the tray): tabs() and the views are nullptr then.
    [[nodiscard]] bool pagesReleased() const { return m_homelab && !m_content; }
    /// Builds the released pages before the window comes up (setReleaseWhenHidden()).
    void setVisible(bool visible) override;
    /// First run: the welcome page instead of the panels and tabs.
    void setWelcomeVisible(bool visible);
    [[nodiscard]] WelcomePage* welcomePage() const { return m_welcome; }

    /// The Overview's host cards, one per host.
    [[nodiscard]] const QList<HostCard*>& hostPanels() const { return m_panels; }
    /// True when every host card has shown data at least once.
    [[nodiscard]] bool allPanelsHaveData() const;
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    /// The system tray icon (also when no tray exists: then isAvailable() is false). Add menus with addMenu().
    [[nodiscard]] TrayIcon* trayIcon() const { return m_tray; }
    [[nodiscard]] AlertsView* alertsView() const { return m_alertsView; }
    /// The "Inbox" tab: everything that needs the operator, to acknowledge or snooze.
    [[nodiscard]] InboxView* inboxView() const { return m_inboxView; }
    /// Shows inbox item @p key where it lives: an alert in the Alerts tab, a container in its host's stacks, a failed
    /// health check on its host's services, an agent run in the Agents tab. False when it is not known.
    bool openInboxItem(const QString& key);
    /**
     * A notification's "Restart container" (@p action "restart-container") or "Start guest" ("start-guest") for
     * inbox item @p key: shows the item in its view and runs the view's action there, which asks for confirmation
     * first. False when the item or its view is not known (nothing is sent then).
     */
    bool actOnInboxItem(const QString& key, const QString& action);
    /// What waits for the user (certificates, secrets, keychain), each with the button that answers it.
    [[nodiscard]] AttentionBar* attentionBar() const { return m_attention; }

    /// The settings dialog while it is open (non-modal for the rest of the desktop, modal for this window).
    [[nodiscard]] SettingsDialog* settingsDialog() const { return m_settings; }
    /// Opens the settings dialog (or raises the open one) on page @p page (SettingsDialog::Page).
    void openSettings(int page = 0);
    /// The host editor while it is open.
    [[nodiscard]] HostSetupDialog* hostSetupDialog() const { return m_hostSetup; }
    /// Opens the host editor: a new host (both empty) or service @p serviceId of host @p hostId. Save applies the
    /// new configuration (applyConfig()).
    void openHostSetup(const QString& hostId = {}, const QString& serviceId = {});
    /// File > Import: a .env file or Homepage's services.yaml into the import preview; Import applies it.
    void importFile(bool homepage, const QString& path);

    /// Saves and applies an accepted settings dialog's config and the secrets typed in it (keychain key -> value);
    /// returns the translated reason when nothing was changed (the dialog then stays open and shows it).
    using ConfigApplier = std::function<std::optional<QString>(const Config&, const QHash<QString, QString>&)>;
    void setConfigApplier(ConfigApplier applier) { m_applier = std::move(applier); }
    /// Saves @p config and switches the app to it (through the applier; the host editor uses this too). Deletes
    /// this window's pages and rebuilds them: call it from a dialog or a queued slot, not from a page's button.
    /// @return the translated reason when nothing was changed
    std::optional<QString> applyConfig(const Config& config, const QHash<QString, QString>& secrets = {});

    /// The command palette (Ctrl+K): fuzzy search over every action and place of the current homelab.
    [[nodiscard]] CommandPalette* commandPalette() const { return m_palette; }
    void openCommandPalette();
    /// The main toolbar: refresh, settings, command palette, previous/next host.
    [[nodiscard]] QToolBar* mainToolBar() const { return m_toolbar; }

public slots:
    /// "Add a host" from anywhere (welcome page, File menu): emits addHostRequested() and opens the host editor.
    void requestAddHost();

signals:
    void firstDataShown();
    /// The welcome page's "Explore the demo homelab" (queued: the page is gone when the demo starts).
    void demoRequested();
    /// Someone wants to add a host: the host editor (HostSetupDialog) answers this.
    void addHostRequested();
    /// Someone wants to edit service @p serviceId of host @p hostId: the host editor answers this.
    void editServiceRequested(const QString& hostId, const QString& serviceId);

protected:
    /// A switch between a light and a dark palette (the desktop's theme, live) restyles every page.
    void changeEvent(QEvent* event) override;
    /// Shown: every poll at its pace. Hidden to the tray (or minimised): the polls only the window needs slow down.
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void dropContent();
    void restoreStatusLine(const QString& message);
    /// Rebuilds the pages when the palette went from light to dark or back (status colours are chosen against it).
    void restyle();
    void buildContent();
    /// buildContent() and what the pages showed before (the kept window state, the snapshot of released pages).
    void buildPages();
    /// Deletes the pages of a window closed to the tray (setReleaseWhenHidden()); a no-op while it is shown.
    void releasePages();
    void buildMenus();
    /// The Actions menu: refresh, settings, command palette, previous/next host (the toolbar's actions).
    void createActionsMenu();
    void createToolbar();
    void createPalette();
    /// Shows the page of the next (@p step 1) or previous (-1) host.
    void stepHost(int step);
    void showAbout();
    void updateKeychainBanner();
    void updateStatusLine();
    void showNotice(const QString& message);
    void askTrust(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex);
    void askSecret(const QString& hostId, const QString& serviceId);

    Homelab* m_homelab = nullptr;
    QVBoxLayout* m_layout = nullptr;
    QWidget* m_content = nullptr; ///< the part built for m_homelab: attention bar + tabs, or the welcome page
    QList<HostCard*> m_panels;
    QTabWidget* m_tabs = nullptr;
    AlertsView* m_alertsView = nullptr;
    InboxView* m_inboxView = nullptr;
    AgentsTab* m_agentsTab = nullptr;
    AttentionBar* m_attention = nullptr;
    TrayIcon* m_tray = nullptr;
    QMenu* m_agentMenu = nullptr;
    WelcomePage* m_welcome = nullptr;
    CommandPalette* m_palette = nullptr;
    QToolBar* m_toolbar = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_nextHostAction = nullptr;
    QAction* m_previousHostAction = nullptr;
    QAction* m_paletteAction = nullptr;
    QPointer<SettingsDialog> m_settings;
    QPointer<HostSetupDialog> m_hostSetup;
    ConfigApplier m_applier;
    QFrame* m_configBanner;
    QLabel* m_configText;
    QLabel* m_configNotice;
    QFrame* m_keychainBanner;
    QLabel* m_keychainText;
    bool m_welcomeVisible = false;
    bool m_keepState = false;
    bool m_restylePending = false;
    bool m_styledDark = false; ///< the palette the pages were styled for
    bool m_firstDataSignalled = false;
    bool m_releaseWhenHidden = false;
    QTimer* m_releaseTimer = nullptr;
    windowstate::ContentSnapshot m_snapshot; ///< what the released pages showed
};

} // namespace hlc
