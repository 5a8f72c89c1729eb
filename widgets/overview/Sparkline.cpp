#include "overview/Sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace hlc {

Sparkline::Sparkline(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(minimumSizeHint().height());
    setFixedHeight(sizeHint().height());
}

void Sparkline::trim(QList<QPointF>& points) const
{
    if (points.isEmpty())
        return;
    const double from = points.last().x() - double(m_span);
    const auto first = std::find_if(points.cbegin(), points.cend(), [from](const QPointF& p) { return p.x() >= from; });
    points.erase(points.cbegin(), first);
}

void Sparkline::setPoints(const QList<QPointF>& points, int series)
{
    QList<QPointF>& s = m_series[series == 0 ? 0 : 1];
    if (s == points)
        return;
    s = points;
    trim(s);
    update();
}

void Sparkline::append(const QPointF& point, int series)
{
    QList<QPointF>& s = m_series[series == 0 ? 0 : 1];
    if (!s.isEmpty() && point.x() <= s.last().x())
        return;
    s.append(point);
    trim(s);
    update();
}

void Sparkline::setRange(double min, double max)
{
    m_min = min;
    m_max = max;
    m_fixedRange = max > min;
    update();
}

void Sparkline::setRole(StatusColors::Role role)
{
    if (role == m_role)
        return;
    m_role = role;
    update();
}

void Sparkline::paintEvent(QPaintEvent* /*event*/)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(1.5, 2.5, -3.5, -1.5);
    const QPalette& pal = palette();

    // A faint baseline, so that an empty or flat line still reads as "a chart, at zero".
    QColor base = pal.color(QPalette::WindowText);
    base.setAlphaF(0.15);
    p.setPen(QPen(base, 1.0));
    p.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()));

    double right = 0.0;
    double lo = m_min;
    double hi = m_max;
    bool any = false;
    for (const QList<QPointF>& s : m_series) {
        for (const QPointF& pt : s) {
            right = std::max(right, pt.x());
            if (!m_fixedRange) {
                lo = any ? std::min(lo, pt.y()) : std::min(0.0, pt.y());
                hi = any ? std::max(hi, pt.y()) : pt.y();
            }
            any = true;
        }
    }
    if (!any)
        return;
    if (!m_fixedRange)
        hi = hi <= lo ? lo + 1.0 : hi * 1.1;
    const double left = right - double(m_span);
    auto map = [&](const QPointF& pt) {
        const double x = r.left() + (pt.x() - left) / double(m_span) * r.width();
        const double y = r.bottom() - (std::clamp(pt.y(), lo, hi) - lo) / (hi - lo) * r.height();
        return QPointF(x, y);
    };

    const QColor c = StatusColors::color(m_role, pal);
    for (int i = 1; i >= 0; --i) {
        const QList<QPointF>& s = m_series[i];
        if (s.isEmpty())
            continue;
        QPainterPath line;
        line.moveTo(map(s.first()));
        for (qsizetype k = 1; k < s.size(); ++k)
            line.lineTo(map(s[k]));
        if (i == 0) {
            QPainterPath fill = line;
            fill.lineTo(map(s.last()).x(), r.bottom());
            fill.lineTo(map(s.first()).x(), r.bottom());
            fill.closeSubpath();
            QColor f = c;
            f.setAlphaF(0.18);
            p.fillPath(fill, f);
            p.setPen(QPen(c, 1.6));
        } else {
            QColor second = c;
            second.setAlphaF(0.45);
            p.setPen(QPen(second, 1.0));
        }
        p.drawPath(line);
        if (i == 0) {
            p.setBrush(c);
            p.setPen(Qt::NoPen);
            p.drawEllipse(map(s.last()), 2.2, 2.2);
            p.setBrush(Qt::NoBrush);
        }
    }
}

} // namespace hlc
