#include "settings/ProbeSettingsPage.h"

#include "core/Config.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hlc {

ProbeSettingsPage::ProbeSettingsPage(Config* config, QWidget* parent)
    : SettingsPage(config, parent)
    , m_hosts(new QComboBox)
    , m_table(new QTableWidget(0, ColumnCount))
{
    setObjectName(QStringLiteral("probeSettingsPage"));
    auto* v = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Cheap checks that a service answers, without credentials. A host without probes "
                                "gets one HTTP probe per configured service."));
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_hosts->setObjectName(QStringLiteral("probeHostCombo"));
    v->addWidget(m_hosts);
    m_table->setObjectName(QStringLiteral("probesTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Kind"), tr("Address"), tr("Open in browser")});
    m_table->horizontalHeader()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add probe"));
    add->setObjectName(QStringLiteral("addProbeButton"));
    auto* remove = new QPushButton(tr("Remove probe"));
    remove->setObjectName(QStringLiteral("removeProbeButton"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    v->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        addRow(tr("New probe"), QStringLiteral("http"), QStringLiteral("http://"), false);
        m_table->setCurrentCell(m_table->rowCount() - 1, NameColumn);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, NameColumn));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    connect(m_hosts, &QComboBox::currentIndexChanged, this, [this] { showHost(m_hosts->currentData().toString()); });
    reload();
}

void ProbeSettingsPage::reload()
{
    storeShown(); // edits of a host that is still there are kept
    const QString keep = m_shownHost;
    m_shownHost.clear();
    const QSignalBlocker block(m_hosts);
    m_hosts->clear();
    for (const HostConfig& h : std::as_const(m_config->hosts))
        m_hosts->addItem(h.name.isEmpty() ? h.id : h.name, h.id);
    m_hosts->setCurrentIndex(std::max(0, m_hosts->findData(keep)));
    showHost(m_hosts->currentData().toString());
}

void ProbeSettingsPage::addRow(const QString& name, const QString& kind, const QString& url, bool openInBrowser)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(name));
    auto* kinds = new QComboBox;
    for (ProbeConfig::Kind k : {ProbeConfig::Kind::Http, ProbeConfig::Kind::Tcp, ProbeConfig::Kind::Redis})
        kinds->addItem(ProbeConfig::kindName(k));
    kinds->setCurrentText(kind);
    m_table->setCellWidget(row, KindColumn, kinds);
    m_table->setItem(row, UrlColumn, new QTableWidgetItem(url));
    auto* browser = new QTableWidgetItem;
    browser->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    browser->setCheckState(openInBrowser ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, BrowserColumn, browser);
}

void ProbeSettingsPage::showHost(const QString& hostId)
{
    storeShown();
    m_table->setRowCount(0);
    m_shownHost = hostId;
    const HostConfig* h = m_config->host(hostId);
    if (!h)
        return;
    for (const ProbeConfig& p : h->probes)
        addRow(p.name, ProbeConfig::kindName(p.kind), p.url.toString(), p.openInBrowser);
}

void ProbeSettingsPage::storeShown()
{
    if (m_shownHost.isEmpty())
        return;
    for (HostConfig& h : m_config->hosts) {
        if (h.id != m_shownHost)
            continue;
        QList<ProbeConfig> probes;
        for (int row = 0; row < m_table->rowCount(); ++row) {
            ProbeConfig p;
            p.name = m_table->item(row, NameColumn)->text().trimmed();
            // The combo offers only known kinds: the name always maps.
            (void)ProbeConfig::kindFromName(
                qobject_cast<QComboBox*>(m_table->cellWidget(row, KindColumn))->currentText(), &p.kind);
            p.url = QUrl(m_table->item(row, UrlColumn)->text().trimmed());
            p.openInBrowser = m_table->item(row, BrowserColumn)->checkState() == Qt::Checked;
            probes << p;
        }
        h.probes = probes;
    }
}

QString ProbeSettingsPage::commit(QHash<QString, QString>* secrets)
{
    Q_UNUSED(secrets)
    storeShown(); // names and addresses are checked with the whole config (ConfigStore::validate)
    return {};
}

} // namespace hlc
