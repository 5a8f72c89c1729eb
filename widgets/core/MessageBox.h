#pragma once

#include <QMessageBox>

namespace hlc {

/// QMessageBox wrapper that tests can answer in advance (KeePassXC style): setNextAnswer() makes the next
/// question return at once without showing a dialog.
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes |
                                                                                       QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::No);
    static void warning(QWidget* parent, const QString& title, const QString& text);
    static void setNextAnswer(QMessageBox::StandardButton answer);
    /// The text of the last question asked (shown or answered in advance), for tests.
    [[nodiscard]] static QString lastQuestion();

private:
    static QMessageBox::StandardButton s_nextAnswer;
    static QString s_lastQuestion;
};

} // namespace hlc
