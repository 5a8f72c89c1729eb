#include "core/PollPacer.h"

#include <QTimer>

#include <algorithm>

namespace hlc {

PollPacer::PollPacer(QTimer* timer, QObject* parent)
    : QObject(parent)
    , m_timer(timer)
{}

void PollPacer::setIntervalMs(int ms)
{
    m_intervalMs = std::max(1, ms);
    apply();
}

int PollPacer::limitMs() const
{
    return std::max(m_intervalMs, kLimitMs);
}

int PollPacer::currentMs() const
{
    qint64 ms = m_intervalMs;
    for (int i = 0; i < m_failures && ms < limitMs(); ++i)
        ms *= 2;
    ms = std::min<qint64>(ms, limitMs());
    if (m_background)
        ms = std::max<qint64>(ms, qint64(m_intervalMs) * kBackgroundFactor);
    return static_cast<int>(ms);
}

void PollPacer::pollFinished(bool ok)
{
    const int failures = ok ? 0 : std::min(m_failures + 1, 16);
    if (failures == m_failures)
        return;
    m_failures = failures;
    apply();
}

void PollPacer::setBackground(bool background)
{
    if (background == m_background)
        return;
    m_background = background;
    apply();
}

void PollPacer::apply()
{
    const int ms = currentMs();
    if (ms == m_applied)
        return;
    m_applied = ms;
    // On a running timer setInterval() restarts it: the next poll comes one new period from now, never early.
    if (m_timer)
        m_timer->setInterval(ms);
    emit paceChanged(ms);
}

} // namespace hlc
