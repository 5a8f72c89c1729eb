#pragma once

#include <QDateTime>
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace hlc {

/// "Suppress…": hide an inbox item for a day, a week or a month, with a reason (required).
class SuppressDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuppressDialog)
public:
    SuppressDialog(const QString& what, const QDateTime& now, QWidget* parent = nullptr);

    /// The chosen expiry (UTC).
    [[nodiscard]] QDateTime until() const;
    [[nodiscard]] QString reason() const;

private:
    QDateTime m_now;
    QComboBox* m_duration;
    QLineEdit* m_reason;
};

} // namespace hlc
