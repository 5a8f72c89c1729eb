#include "AppShell.h"

#include "AppSession.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/MessageBox.h"

#include <QCoreApplication>

namespace hlc::shell {

namespace {
void show(AppSession* session, MainWindow* window, Homelab* homelab)
{
    // The page choice first: while the window holds no Homelab it rebuilds nothing; setHomelab() then builds once.
    if (window->homelab() != homelab)
        window->releaseHomelab();
    window->setWelcomeVisible(session->mode() == AppSession::Mode::FirstRun);
    if (window->homelab() != homelab)
        window->setHomelab(homelab);
    window->setConfigProblem(session->problem());
    window->setConfigNotice(session->notice());
}
} // namespace

void connectWindow(AppSession* session, MainWindow* window)
{
    show(session, window, session->homelab());

    QObject::connect(session, &AppSession::aboutToReplaceHomelab, window, &MainWindow::releaseHomelab);
    QObject::connect(session, &AppSession::homelabReplaced, window,
                     [session, window](Homelab* homelab) { show(session, window, homelab); });
    QObject::connect(window, &MainWindow::demoRequested, session, [session, window] {
        QString error;
        if (!session->startDemo(&error)) {
            MessageBox::warning(
                window, QCoreApplication::translate("hlc::shell", "Demo"),
                QCoreApplication::translate("hlc::shell", "The simulated homelab did not start: %1").arg(error));
        }
    });
    window->setConfigApplier([session](const Config& config, const QHash<QString, QString>& secrets) {
        return session->apply(config, secrets);
    });
}

} // namespace hlc::shell
