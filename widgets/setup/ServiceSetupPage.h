#pragma once

#include "core/Config.h"
#include "setup/ConnectionTester.h"
#include "setup/PrometheusLabelLookup.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace hlc {

class SecretStore;

/**
 * @brief The fields of one service in the host setup dialog, its "Test connection" with the step list, the
 * certificate trust flow, and the least-privilege help (pveum commands for Proxmox, a sentence for Portainer and
 * Home Assistant).
 *
 * The secret stays in the (masked) field until the dialog saves it to the keychain; a test never stores it.
 */
class ServiceSetupPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceSetupPage)
public:
    /// A page for @p service; its tests use @p nam.
    ServiceSetupPage(const ServiceConfig& service, QNetworkAccessManager* nam, QWidget* parent = nullptr);

    /// The service as the fields say (no secret).
    [[nodiscard]] ServiceConfig service() const;
    /// The secret typed (empty: none typed).
    [[nodiscard]] QString secret() const;
    void setSecret(const QString& secret);
    /// In edit mode: the id cannot change (the keychain key depends on it) and an empty secret means "keep".
    void setEditMode(const QString& hostId, SecretStore* secrets);
    /// The last test's report (failure None and no steps before any test).
    [[nodiscard]] const TestReport& lastReport() const { return m_report; }
    [[nodiscard]] bool isTesting() const;
    /// Shown above the fields (e.g. why Save refused this service); empty hides it.
    void setProblem(const QString& text);
    /// "Proxmox: 127.0.0.1:8006" for the service list.
    [[nodiscard]] QString title() const;

    /// Runs "Test connection" (what the button does).
    void runTest();
    /// Prometheus: asks the server for its jobs and scrape targets and offers them (what "Find in Prometheus" does).
    void findSeries();

signals:
    /// The fields changed in a way the service list shows (id, URL).
    void titleChanged();
    /// A test ended.
    void tested(const hlc::TestReport& report);

private:
    void updateKindFields();
    void showReport(const TestReport& report);
    void offerTrust(const TestReport& report);
    /// A certificate the system trusts, pinned too: from then on only this exact certificate is accepted.
    void pinAnyway();
    void updatePinButtons();
    void updatePveumCommands();
    void readPastedToken();
    void showSeriesChoices(const PrometheusLabelChoices& choices);
    void applySeriesChoice(int index);
    void checkMatchText();

    ServiceConfig m_original;
    ConnectionTester* m_tester;
    QString m_hostId;
    SecretStore* m_secrets = nullptr;
    bool m_editMode = false;
    TestReport m_report;
    QByteArray m_pin;

    QLabel* m_problem;
    QLineEdit* m_id;
    QLineEdit* m_url;
    QComboBox* m_auth;
    QLineEdit* m_user;
    QLineEdit* m_secret;
    QCheckBox* m_allowCleartext;
    QLineEdit* m_node;
    QLineEdit* m_cluster;
    QSpinBox* m_environment;
    QLineEdit* m_instance;
    QLineEdit* m_match;
    QLabel* m_matchError;
    QPushButton* m_findSeries = nullptr;
    QComboBox* m_seriesChoices = nullptr;
    QLabel* m_seriesResult = nullptr;
    PrometheusLabelLookup* m_lookup = nullptr;
    QLabel* m_pinLabel;
    QPushButton* m_pinAnyway;
    QPushButton* m_unpin;
    QPushButton* m_testButton;
    QTreeWidget* m_steps;
    QLabel* m_summary;
    QLabel* m_hint;
    QWidget* m_pveBox = nullptr;
    QCheckBox* m_pveGuests = nullptr;
    QCheckBox* m_pveStorage = nullptr;
    QCheckBox* m_pveActions = nullptr;
    QPlainTextEdit* m_pveCommands = nullptr;
    QPlainTextEdit* m_pvePaste = nullptr;
    QLabel* m_pvePasteResult = nullptr;
};

} // namespace hlc
