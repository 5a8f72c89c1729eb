#pragma once

#include "core/StatusColors.h"

#include <QList>
#include <QPointF>
#include <QWidget>

namespace hlc {

/**
 * @brief A small line of the last hour of one or two series, painted directly (no QChart: an overview holds a dozen
 * of them, and a chart view each would cost megabytes).
 *
 * Points are (Unix seconds, value); only the last span() seconds are kept. The colour is a StatusColors role, read
 * from the palette at paint time, so a palette switch recolours it.
 */
class Sparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sparkline)
public:
    explicit Sparkline(QWidget* parent = nullptr);

    /// Replaces series @p series (0 or 1) with @p points (oldest first).
    void setPoints(const QList<QPointF>& points, int series = 0);
    /// Adds one point to series @p series (ignored when not newer than the last one).
    void append(const QPointF& point, int series = 0);
    [[nodiscard]] const QList<QPointF>& points(int series = 0) const { return m_series[series == 0 ? 0 : 1]; }
    /// A fixed value range (e.g. 0..100 for a percentage); without one the range follows the data from 0.
    void setRange(double min, double max);
    void setRole(StatusColors::Role role);
    [[nodiscard]] StatusColors::Role role() const { return m_role; }
    /// The time span shown, in seconds (default: one hour).
    void setSpan(qint64 seconds) { m_span = seconds; }
    [[nodiscard]] qint64 span() const { return m_span; }

    [[nodiscard]] QSize sizeHint() const override { return {140, 34}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {60, 18}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void trim(QList<QPointF>& points) const;

    QList<QPointF> m_series[2];
    double m_min = 0.0;
    double m_max = 0.0;
    bool m_fixedRange = false;
    qint64 m_span = 3600;
    StatusColors::Role m_role = StatusColors::Role::Info;
};

} // namespace hlc
