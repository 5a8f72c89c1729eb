#include "home/ServicesHealthView.h"

#include "core/IdleCost.h"
#include "core/ServiceDirectory.h"
#include "core/ServiceText.h"
#include "core/StatusColors.h"
#include "home/HealthProber.h"
#include "home/ServiceHealthModel.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace hlc {

ServicesHealthView::ServicesHealthView(HealthProber* prober, const QString& hostId, QWidget* parent)
    : QWidget(parent)
    , m_prober(prober)
    , m_hostId(hostId)
    , m_model(new ServiceHealthModel(prober, hostId, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView)
    , m_summary(new QLabel)
    , m_open(new QPushButton(tr("Open in browser")))
    , m_probeNow(new QPushButton(tr("Check now")))
{
    setObjectName(QStringLiteral("servicesHealthView"));
    m_table->setObjectName(QStringLiteral("servicesTable"));
    m_summary->setObjectName(QStringLiteral("healthSummary"));
    m_open->setObjectName(QStringLiteral("openServiceButton"));
    m_probeNow->setObjectName(QStringLiteral("probeNowButton"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ServiceHealthModel::RawRole);
    m_proxy->setDynamicSortFilter(true);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ServiceHealthModel::Service, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_probeNow);
    buttons->addWidget(m_open);
    auto* v = new QVBoxLayout(this);
    v->addLayout(buttons);
    v->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_open->setEnabled(!selectedUrl().isEmpty()); });
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (!selectedUrl().isEmpty())
            QDesktopServices::openUrl(selectedUrl());
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!selectedUrl().isEmpty())
            QDesktopServices::openUrl(selectedUrl());
    });
    m_open->setEnabled(false);
    if (m_prober) {
        connect(m_probeNow, &QPushButton::clicked, m_prober, &HealthProber::probeAll);
        connect(m_prober, &HealthProber::hostUpdated, this, [this](const QString& id) {
            if (id == m_hostId)
                updateSummary();
        });
    }
    updateSummary();
}

void ServicesHealthView::setServiceDirectory(ServiceDirectory* services)
{
    if (m_services)
        disconnect(m_services, nullptr, this, nullptr);
    m_services = services;
    if (m_services) {
        connect(m_services, &ServiceDirectory::apiStateChanged, this, [this](const QString& id, const QString&) {
            if (id == m_hostId)
                updateSummary();
        });
    }
    updateSummary();
}

QUrl ServicesHealthView::selectedUrl() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || !rows.first().data(ServiceHealthModel::BrowsableRole).toBool())
        return {};
    return rows.first().data(ServiceHealthModel::UrlRole).toUrl();
}

void ServicesHealthView::updateSummary()
{
    if (!m_prober)
        return;
    const int total = m_model->rowCount();
    const int down = m_prober->downCount(m_hostId);
    // Answering is not working: a service whose API fails (403, unreadable answers, a rejected token) says so.
    const QStringList api = serviceApiFailures(m_services, m_hostId);
    QString text = down > 0        ? tr("%1 of %n services down", nullptr, total).arg(down)
                   : api.isEmpty() ? tr("%n services, all answering", nullptr, total)
                                   : tr("%n services answering, but not every API works", nullptr, total);
    if (!api.isEmpty())
        text += QLatin1Char('\n') + api.join(QLatin1Char('\n'));
    m_summary->setText(text);
    idle::setStyleSheet(m_summary, down > 0 ? StatusColors::labelStyle(StatusColors::Role::Critical) +
                                                  QStringLiteral(" font-weight: bold;")
                                   : !api.isEmpty() ? StatusColors::labelStyle(StatusColors::Role::Warning)
                                                    : QString());
}

} // namespace hlc
