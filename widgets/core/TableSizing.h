#pragma once

class QTableView;

namespace hlc::tablesizing {

/// Name of the dynamic property WindowState sets on a header whose widths it restored: the user's widths win over
/// fitToContents.
inline constexpr char kRestoredProperty[] = "hlcHeaderRestored";

/**
 * Columns that size to their content, once: when the first rows arrive (and again after a model reset), every column
 * but @p stretchColumn is fitted to its header and the rows on screen (at most a third of the view each), and
 * @p stretchColumn (the one holding free text) takes the rest. Rows stay one line high; long text is elided in the
 * middle ("sensor.bath…humidity") and shows whole in a tooltip on hover. Widths the user set (restored by
 * WindowState) are left alone. Fitting once keeps refreshes cheap: a resize-to-contents header would measure the
 * rows again on every change.
 */
void fitToContents(QTableView* view, int stretchColumn);

} // namespace hlc::tablesizing
