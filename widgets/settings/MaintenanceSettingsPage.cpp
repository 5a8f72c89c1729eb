#include "settings/MaintenanceSettingsPage.h"

#include "core/Config.h"
#include "metrics/MaintenanceWindow.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace hlc {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

QString automationsText(const QStringList& chosen)
{
    return chosen.isEmpty() ? MaintenanceSettingsPage::tr("None")
                            : MaintenanceSettingsPage::tr("%n automation", nullptr, int(chosen.size()));
}
} // namespace

MaintenanceSettingsPage::MaintenanceSettingsPage(Config* config, QWidget* parent)
    : SettingsPage(config, parent)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_add(new QPushButton(tr("Add window")))
    , m_remove(new QPushButton(tr("Remove")))
{
    setObjectName(QStringLiteral("maintenanceSettingsPage"));
    auto* v = new QVBoxLayout(this);
    auto* about = new QLabel(tr("Weekly maintenance windows, e.g. Sunday 03:00 to 04:00 while backups run. During a "
                                "window the host's notifications are held and summarised at its end, and its alerts "
                                "are silenced in Alertmanager; the automations you choose are turned off and back "
                                "on at its end. A window that ends before it starts runs over midnight."));
    about->setWordWrap(true);
    v->addWidget(about);
    m_table->setObjectName(QStringLiteral("maintenanceWindowsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Host"), tr("Day"), tr("From"), tr("To"), tr("Reason"), tr("Automations turned off")});
    m_table->horizontalHeader()->setSectionResizeMode(Reason, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    v->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_add->setObjectName(QStringLiteral("addMaintenanceWindowButton"));
    m_remove->setObjectName(QStringLiteral("removeMaintenanceWindowButton"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    v->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &MaintenanceSettingsPage::addWindow);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    reload();
}

void MaintenanceSettingsPage::addRow(const QString& id, const QString& hostId, int weekday, const QTime& from,
                                     const QTime& to, const QString& reason, const QStringList& automations)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* host = new QComboBox;
    host->setObjectName(QStringLiteral("maintenanceHost"));
    host->addItem(tr("The whole homelab"), QString());
    for (const HostConfig& h : m_config->hosts)
        host->addItem(h.name.isEmpty() ? h.id : h.name, h.id);
    host->setCurrentIndex(std::max(0, host->findData(hostId)));
    m_table->setCellWidget(row, Host, host);
    auto* day = new QComboBox;
    day->setObjectName(QStringLiteral("maintenanceDay"));
    day->addItem(tr("Every day"), 0);
    for (int d = 1; d <= 7; ++d)
        day->addItem(QLocale().dayName(d, QLocale::LongFormat), d);
    day->setCurrentIndex(std::max(0, day->findData(weekday)));
    m_table->setCellWidget(row, Day, day);
    auto* fromEdit = new QTimeEdit(from);
    fromEdit->setObjectName(QStringLiteral("maintenanceFrom"));
    fromEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_table->setCellWidget(row, From, fromEdit);
    auto* toEdit = new QTimeEdit(to);
    toEdit->setObjectName(QStringLiteral("maintenanceTo"));
    toEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_table->setCellWidget(row, To, toEdit);
    auto* reasonEdit = new QLineEdit(reason);
    reasonEdit->setObjectName(QStringLiteral("maintenanceReason"));
    reasonEdit->setPlaceholderText(tr("e.g. backups"));
    m_table->setCellWidget(row, Reason, reasonEdit);
    auto* autoButton = new QToolButton;
    autoButton->setObjectName(QStringLiteral("maintenanceAutomations"));
    autoButton->setPopupMode(QToolButton::InstantPopup);
    autoButton->setMenu(new QMenu(autoButton));
    autoButton->setToolTip(tr("Home Assistant automations turned off during the window and back on after it"));
    m_table->setCellWidget(row, Automations, autoButton);
    fillAutomationMenu(row, automations);
    auto* idItem = new QTableWidgetItem;
    idItem->setData(kIdRole, id);
    m_table->setItem(row, Host, idItem);
}

void MaintenanceSettingsPage::setKnownAutomations(const QList<AutomationInfo>& automations)
{
    m_knownAutomations = automations;
    for (int row = 0; row < m_table->rowCount(); ++row)
        fillAutomationMenu(row, automationsOf(row));
}

QStringList MaintenanceSettingsPage::automationsOf(int row) const
{
    QStringList ids;
    auto* button = qobject_cast<QToolButton*>(m_table->cellWidget(row, Automations));
    if (!button)
        return ids;
    for (QAction* a : button->menu()->actions()) {
        if (a->isChecked())
            ids << a->data().toString();
    }
    return ids;
}

void MaintenanceSettingsPage::fillAutomationMenu(int row, const QStringList& chosen)
{
    auto* button = qobject_cast<QToolButton*>(m_table->cellWidget(row, Automations));
    if (!button)
        return;
    QMenu* menu = button->menu();
    menu->clear();
    QStringList listed;
    const auto add = [&](const QString& id, const QString& text) {
        QAction* a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(chosen.contains(id));
        a->setData(id);
        listed << id;
        connect(a, &QAction::toggled, button, [this, button] {
            for (int r = 0; r < m_table->rowCount(); ++r) {
                if (m_table->cellWidget(r, Automations) == button)
                    button->setText(automationsText(automationsOf(r)));
            }
        });
    };
    for (const AutomationInfo& i : std::as_const(m_knownAutomations))
        add(i.entityId, tr("%1 (%2) on %3").arg(i.name, i.entityId, i.hostName));
    // Chosen before, not known now (Home Assistant not answering): kept, and shown by id.
    for (const QString& id : chosen) {
        if (!listed.contains(id))
            add(id, id);
    }
    if (menu->isEmpty()) {
        QAction* none = menu->addAction(tr("No Home Assistant automation is known now"));
        none->setEnabled(false);
    }
    button->setText(automationsText(chosen));
}

void MaintenanceSettingsPage::addWindow()
{
    addRow({}, {}, 7, QTime(3, 0), QTime(4, 0), {}, {});
    m_table->selectRow(m_table->rowCount() - 1);
}

void MaintenanceSettingsPage::reload()
{
    m_table->setRowCount(0);
    for (const MaintenanceWindow& w : MaintenanceWindow::fromConfig(*m_config))
        addRow(w.id, w.hostId, w.weekday, w.from, w.to, w.reason, w.automations);
}

QString MaintenanceSettingsPage::commit(QHash<QString, QString>*)
{
    const QList<MaintenanceWindow> before = MaintenanceWindow::fromConfig(*m_config);
    QList<MaintenanceWindow> windows;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        MaintenanceWindow w;
        w.id = m_table->item(row, Host) ? m_table->item(row, Host)->data(kIdRole).toString() : QString();
        w.hostId = qobject_cast<QComboBox*>(m_table->cellWidget(row, Host))->currentData().toString();
        w.weekday = qobject_cast<QComboBox*>(m_table->cellWidget(row, Day))->currentData().toInt();
        w.from = qobject_cast<QTimeEdit*>(m_table->cellWidget(row, From))->time();
        w.to = qobject_cast<QTimeEdit*>(m_table->cellWidget(row, To))->time();
        w.reason = qobject_cast<QLineEdit*>(m_table->cellWidget(row, Reason))->text().trimmed();
        w.automations = automationsOf(row);
        if (w.from == w.to)
            return tr("Maintenance window %1 starts and ends at the same time.").arg(row + 1);
        for (const MaintenanceWindow& old : before) {
            if (!w.id.isEmpty() && old.id == w.id)
                w.matchers = old.matchers; // matchers written by hand stay
        }
        windows << w;
    }
    // New windows get an id no other window has.
    for (int i = 0, n = 1; i < windows.size(); ++i) {
        if (!windows.at(i).id.isEmpty())
            continue;
        QString id;
        do {
            id = QStringLiteral("window-%1").arg(n++);
        } while (std::any_of(windows.cbegin(), windows.cend(), [&](const MaintenanceWindow& w) { return w.id == id; }));
        windows[i].id = id;
    }
    MaintenanceWindow::writeTo(m_config, windows);
    return {};
}

} // namespace hlc
