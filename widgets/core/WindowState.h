#pragma once

#include <QString>

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

} // namespace hlc::windowstate
