#include "core/NotificationCenter.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotify, "hlc.app.notify")

namespace hlc {

namespace {
constexpr int kHistory = 200;
}

NotificationCenter::NotificationCenter(QObject* parent)
    : QObject(parent)
{}

void NotificationCenter::post(Notification n)
{
    if (!n.time.isValid())
        n.time = QDateTime::currentDateTimeUtc();
    if (m_gate && m_gate(n)) {
        qCInfo(lcNotify) << "held" << n.source << n.title;
        return;
    }
    release(std::move(n));
}

void NotificationCenter::release(Notification n)
{
    if (!n.time.isValid())
        n.time = QDateTime::currentDateTimeUtc();
    qCInfo(lcNotify) << n.source << n.title;
    m_history.append(n);
    if (m_history.size() > kHistory)
        m_history.removeFirst();
    emit posted(n);
}

} // namespace hlc
