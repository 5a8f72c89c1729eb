#pragma once

#include "settings/SettingsPage.h"

class QComboBox;
class QTableWidget;

namespace hlc {

/**
 * @brief The n8n webhook quick actions of each n8n service ("webhooks" in the service object). A header secret
 * typed here goes to the keychain under "<host>/<service>/<action id>", never into the config file; an empty
 * secret field leaves the stored one as it is. Keys of an action this page does not show (body, test, ...) are kept.
 */
class WebhookSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookSettingsPage)
public:
    explicit WebhookSettingsPage(Config* config, QWidget* parent = nullptr);

    void reload() override;
    QString commit(QHash<QString, QString>* secrets) override;

    enum Column
    {
        IdColumn,
        NameColumn,
        PathColumn,
        MethodColumn,
        HeaderColumn,
        SecretColumn,
        ColumnCount
    };

private:
    void showService(const QString& key);
    void addRow(const QJsonObject& action);
    /// The rows back into the working config; a problem (bad id, missing path) is returned, translated.
    QString storeShown();

    QComboBox* m_services;
    QTableWidget* m_table;
    QString m_shown;                   ///< "<host>\n<service>"
    QHash<QString, QString> m_secrets; ///< typed so far, by keychain key
};

} // namespace hlc
