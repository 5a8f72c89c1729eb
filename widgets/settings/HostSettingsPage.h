#pragma once

#include <functional>
#include <optional>

#include "settings/SettingsPage.h"

class QTreeWidget;
class QTreeWidgetItem;
class QPushButton;

namespace hlc {

/**
 * @brief The hosts and their services. Remove asks first; the removed service's keychain secret is deleted when
 * the dialog is applied. Add and Edit are answered by the host editor through addHostRequested() and
 * editServiceRequested().
 */
class HostSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostSettingsPage)
public:
    explicit HostSettingsPage(Config* config, QWidget* parent = nullptr);

    void reload() override;
    QString commit(QHash<QString, QString>* secrets) override;

    /// Selects service @p serviceId of host @p hostId (a host when @p serviceId is empty).
    void select(const QString& hostId, const QString& serviceId = {});

    /// Runs the host editor on the working config: adds a host (both ids empty) or edits one service; returns the
    /// new config, or std::nullopt when cancelled. Without one, Edit shows the configured values read-only. The
    /// secrets typed go into @p secrets (keychain key -> value), not the keychain: they are stored only when the
    /// settings are applied (commit()), and forgotten when the settings are cancelled.
    using HostEditor = std::function<std::optional<Config>(const Config& current, const QString& hostId,
                                                           const QString& serviceId, QHash<QString, QString>* secrets)>;
    void setHostEditor(HostEditor editor) { m_editor = std::move(editor); }

signals:
    void addHostRequested();
    void editServiceRequested(const QString& hostId, const QString& serviceId);
    /// A host or service was removed from the working config.
    void hostsChanged();

private:
    void removeSelected();
    void showDetails(const QString& hostId, const QString& serviceId);
    void updateButtons();

    void runEditor(const QString& hostId, const QString& serviceId);

    HostEditor m_editor;
    QHash<QString, QString> m_pendingSecrets; ///< typed in the editor, stored by commit()
    QTreeWidget* m_tree;
    QPushButton* m_edit;
    QPushButton* m_remove;
};

} // namespace hlc
