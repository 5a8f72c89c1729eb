#pragma once

#include "settings/SettingsPage.h"

class QComboBox;
class QTableWidget;

namespace hlc {

/// The health probes of each host: add, edit (in the table), remove.
class ProbeSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeSettingsPage)
public:
    explicit ProbeSettingsPage(Config* config, QWidget* parent = nullptr);

    void reload() override;
    QString commit(QHash<QString, QString>* secrets) override;

    enum Column
    {
        NameColumn,
        KindColumn,
        UrlColumn,
        BrowserColumn,
        ColumnCount
    };

private:
    void showHost(const QString& hostId);
    void addRow(const QString& name, const QString& kind, const QString& url, bool openInBrowser);
    /// The table's rows back into the working config (for the host shown).
    void storeShown();

    QComboBox* m_hosts;
    QTableWidget* m_table;
    QString m_shownHost;
};

} // namespace hlc
