#pragma once

namespace hlc {

class AppSession;
class MainWindow;

/// The wiring between the session (what is loaded) and the window (what is shown), the same for main() and tests.
namespace shell {

/**
 * Shows @p session's state in @p window (welcome page on a first run, the config problem, the notice) and keeps it
 * so: a replaced Homelab rebuilds the window's pages, the welcome page's demo button starts the demo, and an
 * accepted settings dialog is saved and applied through the session. Both must outlive the connection.
 */
void connectWindow(AppSession* session, MainWindow* window);

} // namespace shell
} // namespace hlc
