#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;

namespace hlc {

class GuestInventory;

/// The last 200 lines of a container's log, fetched through the app when opened (and on Reload).
class ContainerLogDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerLogDialog)
public:
    ContainerLogDialog(GuestInventory* inventory, QString containerId, const QString& name, QWidget* parent = nullptr);

    [[nodiscard]] QPlainTextEdit* text() const { return m_text; }
    /// True once lines or an error arrived.
    [[nodiscard]] bool loaded() const { return m_loaded; }

    void reload();

private:
    QPointer<GuestInventory> m_inventory;
    QString m_containerId;
    QPlainTextEdit* m_text;
    QLabel* m_status;
    bool m_loaded = false;
};

} // namespace hlc
