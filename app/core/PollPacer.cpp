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
    if (inBackground())
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

bool PollPacer::unwatched() const
{
    if (m_viewers.isEmpty())
        return false;
    for (bool visible : m_viewers) {
        if (visible)
            return false;
    }
    return true;
}

void PollPacer::addViewer(QObject* viewer)
{
    if (!viewer || m_viewers.contains(viewer))
        return;
    m_viewers.insert(viewer, false);
    connect(viewer, &QObject::destroyed, this, [this, viewer] { removeViewer(viewer); });
    apply();
}

void PollPacer::removeViewer(QObject* viewer)
{
    if (!m_viewers.remove(viewer))
        return;
    disconnect(viewer, &QObject::destroyed, this, nullptr);
    apply();
}

void PollPacer::setViewerVisible(QObject* viewer, bool visible)
{
    auto it = m_viewers.find(viewer);
    if (it == m_viewers.end() || *it == visible)
        return;
    *it = visible;
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
