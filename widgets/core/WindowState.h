#pragma once

#include <QHash>
#include <QString>
#include <QVariant>

class QMainWindow;
class QObject;
class QTabWidget;
class QWidget;

namespace hlc::windowstate {

/**
 * What the window looked like when the user left it, kept in QSettings (group "window") on this computer: the
 * geometry, the open tab, every splitter's sizes and every table's or tree's column widths and sort order. Restored
 * at the next start (MainWindow::setKeepState()); widgets are found by their path in the window (object names, or
 * class name and position where there is none), so a page that changes its layout simply starts from its defaults.
 */

/// A stable key for @p widget below @p root: object names, or "Class#n" for unnamed ones.
[[nodiscard]] QString pathOf(const QObject* widget, const QObject* root);
/// A key for the page of @p tabs at @p index: the page's object name, else its tab text.
[[nodiscard]] QString tabKey(const QTabWidget* tabs, int index);

void saveGeometry(const QMainWindow* window);
/// @return true when a saved geometry was applied
bool restoreGeometry(QMainWindow* window);
/// The open tab and the state of every splitter and header below @p root.
void saveContent(const QWidget* root, const QTabWidget* tabs);
/// @return how many splitters and headers were restored
int restoreContent(QWidget* root, QTabWidget* tabs);

/// What the pages show beyond the defaults, kept in memory while they are released
/// (MainWindow::setReleaseWhenHidden()).
using ContentSnapshot = QHash<QString, QVariant>;
/**
 * The open page of every tab widget, every splitter and header (as saveContent() keeps them), and what the user typed
 * or chose in filters: line edits, combo boxes (by their text) and check boxes below @p root, keyed by their path.
 */
[[nodiscard]] ContentSnapshot captureContent(const QWidget* root);
/// Puts @p snapshot back into pages built the same way (a widget whose path or choices changed keeps its default).
/// @return how many widgets took a value
int applyContent(QWidget* root, const ContentSnapshot& snapshot);

} // namespace hlc::windowstate
