#include "core/MessageBox.h"

namespace hlc {

QMessageBox::StandardButton MessageBox::s_nextAnswer = QMessageBox::NoButton;
QString MessageBox::s_lastQuestion;

QMessageBox::StandardButton MessageBox::question(QWidget* parent, const QString& title, const QString& text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    s_lastQuestion = text;
    if (s_nextAnswer != QMessageBox::NoButton) {
        const auto a = s_nextAnswer;
        s_nextAnswer = QMessageBox::NoButton;
        return a;
    }
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void MessageBox::warning(QWidget* parent, const QString& title, const QString& text)
{
    s_lastQuestion = text;
    if (s_nextAnswer != QMessageBox::NoButton) {
        s_nextAnswer = QMessageBox::NoButton;
        return;
    }
    QMessageBox::warning(parent, title, text);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

QString MessageBox::lastQuestion()
{
    return s_lastQuestion;
}

} // namespace hlc
