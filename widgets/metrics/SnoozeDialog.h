#pragma once

#include <QDateTime>
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace hlc {

/// Asks how long to snooze an inbox item (1 h, 4 h, until tomorrow 08:00) and why.
class SnoozeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnoozeDialog)
public:
    /// @param what the item's summary, shown in the dialog; @p now the time the choices count from
    SnoozeDialog(const QString& what, const QDateTime& now, QWidget* parent = nullptr);

    /// The end of the snooze the operator chose (UTC).
    [[nodiscard]] QDateTime until() const;
    [[nodiscard]] QString reason() const;

private:
    QDateTime m_now;
    QComboBox* m_duration;
    QLineEdit* m_reason;
};

} // namespace hlc
