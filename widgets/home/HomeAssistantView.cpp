#include "home/HomeAssistantView.h"

#include "core/SourceBanner.h"
#include "core/StatusColors.h"
#include "core/TableSizing.h"
#include "home/HaEntityFilter.h"
#include "home/HaEntityModel.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeServices.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace hlc {

HomeAssistantView::HomeAssistantView(HomeServices* services, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_filter(new HaEntityFilter(this))
    , m_instance(new QComboBox)
    , m_mode(new QLabel)
    , m_search(new QLineEdit)
    , m_domain(new QComboBox)
    , m_area(new QComboBox)
    , m_table(new QTableView)
    , m_action(new QPushButton(tr("Toggle")))
    , m_favourite(new QPushButton(tr("Favourite")))
    , m_result(new QLabel)
    , m_count(new QLabel)
{
    setObjectName(QStringLiteral("homeAssistantView"));
    m_instance->setObjectName(QStringLiteral("haInstance"));
    m_mode->setObjectName(QStringLiteral("haModeLabel"));
    m_search->setObjectName(QStringLiteral("entitySearch"));
    m_search->setPlaceholderText(tr("Search by name or entity id"));
    m_search->setClearButtonEnabled(true);
    m_domain->setObjectName(QStringLiteral("domainFilter"));
    m_area->setObjectName(QStringLiteral("areaFilter"));
    m_table->setObjectName(QStringLiteral("entityTable"));
    m_action->setObjectName(QStringLiteral("entityActionButton"));
    m_favourite->setObjectName(QStringLiteral("favouriteButton"));
    m_favourite->setCheckable(true);
    m_result->setObjectName(QStringLiteral("haActionResult"));
    m_result->setWordWrap(true);
    m_count->setObjectName(QStringLiteral("entityCount"));

    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HaEntityModel::Name, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    // The name holds free text and takes the rest; the entity id, domain, area, state and last change fit their
    // content ("sensor.bathroom_humidity" whole, not "sensor.bathr…").
    tablesizing::fitToContents(m_table, HaEntityModel::Name);

    auto* top = new QHBoxLayout;
    top->addWidget(m_instance);
    top->addWidget(m_mode, 1);
    top->addWidget(m_count);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(new QLabel(tr("Domain:")));
    filters->addWidget(m_domain, 1);
    filters->addWidget(new QLabel(tr("Area:")));
    filters->addWidget(m_area, 1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_action);
    actions->addWidget(m_favourite);
    actions->addWidget(m_result, 1);
    auto* v = new QVBoxLayout(this);
    v->addLayout(top);
    v->addLayout(filters);
    v->addWidget(m_table, 1);
    v->addLayout(actions);

    if (m_services) {
        for (HomeAssistantLink* l : m_services->homeAssistants())
            m_instance->addItem(l->hostName(), l->hostId());
    }
    m_instance->setVisible(m_instance->count() > 1);
    connect(m_instance, &QComboBox::currentIndexChanged, this, [this](int i) {
        setLink(m_services ? m_services->homeAssistant(m_instance->itemData(i).toString()) : nullptr);
    });
    connect(m_search, &QLineEdit::textChanged, m_filter, &HaEntityFilter::setSearch);
    connect(m_domain, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_filter->setDomain(m_domain->itemData(i).toString()); });
    connect(m_area, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_filter->setArea(m_area->itemData(i).toString()); });
    connect(m_action, &QPushButton::clicked, this, &HomeAssistantView::actOnSelected);
    connect(m_favourite, &QPushButton::toggled, this, [this](bool on) {
        const QString id = selectedEntity();
        if (m_link && !id.isEmpty())
            m_link->setFavourite(id, on);
    });
    setLink(m_services && !m_services->homeAssistants().isEmpty() ? m_services->homeAssistants().first() : nullptr);
}

void HomeAssistantView::setLink(HomeAssistantLink* link)
{
    if (m_link)
        m_link->disconnect(this);
    m_link = link;
    delete m_model;
    m_model = new HaEntityModel(link, this);
    m_filter->setSourceModel(m_model);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HomeAssistantView::updateSelection);
    if (m_link) {
        connect(m_link, &HomeAssistantLink::modeChanged, this, &HomeAssistantView::updateMode);
        connect(m_link, &HomeAssistantLink::entitiesChanged, this,
                [this](const QStringList& upserted, const QStringList& removed) {
                    // The domain and area lists change only when entities come or go, or with a full list (a resync,
                    // the registry): 50 state changes a second on 5,000 entities would rebuild them 50 times a second.
                    const int count = m_link ? m_link->entityCount() : 0;
                    if (!removed.isEmpty() || count != m_filledCount || upserted.size() >= count)
                        refillFilters();
                    updateSelection();
                });
        connect(m_link, &HomeAssistantLink::actionFinished, this,
                [this](const QString&, bool ok, const QString& message) {
                    m_result->setText(message);
                    m_result->setStyleSheet(ok ? QString() : StatusColors::labelStyle(StatusColors::Role::Critical));
                    updateSelection();
                });
    }
    refillFilters();
    updateMode();
    updateSelection();
}

void HomeAssistantView::refillFilters()
{
    if (!m_link)
        return;
    QSet<QString> domains;
    for (const QString& id : m_link->entityIds())
        domains.insert(id.section(QLatin1Char('.'), 0, 0));
    const auto refill = [](QComboBox* box, QStringList values, const QString& all) {
        values.sort(Qt::CaseInsensitive);
        QStringList existing;
        for (int i = 1; i < box->count(); ++i)
            existing << box->itemData(i).toString();
        if (existing == values && box->count() > 0)
            return;
        const QString current = box->currentData().toString();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(all, QString());
        for (const QString& v : values)
            box->addItem(v, v);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    refill(m_domain, domains.values(), tr("All domains"));
    refill(m_area, m_link->areaNames(), tr("All areas"));
    m_filledCount = m_link->entityCount();
    m_count->setText(tr("%n entities", nullptr, m_filledCount));
}

void HomeAssistantView::updateMode()
{
    if (!m_link) {
        m_mode->setText(tr("No Home Assistant is configured."));
        return;
    }
    QString text;
    switch (m_link->mode()) {
    case HomeAssistantLink::Mode::Live:
        text = tr("Live over WebSocket");
        break;
    case HomeAssistantLink::Mode::Connecting:
        text = tr("Connecting…");
        break;
    case HomeAssistantLink::Mode::RestFallback:
        // While the REST reads work, the reason is the socket's; when they fail too, theirs.
        text = tr("WebSocket unreachable: reading states over REST (%1)")
                   .arg(m_link->sourceStatus().error.isError() ? m_link->sourceStatus().error.message
                                                               : m_link->socketError().message) +
               staleNote(m_link->sourceStatus());
        break;
    case HomeAssistantLink::Mode::AuthFailed:
        text = m_link->sourceStatus().error.message;
        break;
    case HomeAssistantLink::Mode::Offline:
        text = (m_link->sourceStatus().error.message.isEmpty() ? tr("Not connected")
                                                               : m_link->sourceStatus().error.message) +
               staleNote(m_link->sourceStatus());
        break;
    }
    m_mode->setText(text);
}

QString HomeAssistantView::selectedEntity() const
{
    const QModelIndexList rows =
        m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? QString() : rows.first().data(HaEntityModel::EntityIdRole).toString();
}

void HomeAssistantView::actOnSelected()
{
    const QString id = selectedEntity();
    if (!m_link || id.isEmpty())
        return;
    const ha::EntityState* e = m_link->entity(id);
    m_result->setText(tr("%1: sent to Home Assistant, waiting for the state change…").arg(e ? e->friendlyName() : id));
    m_link->act(id);
    updateSelection();
}

bool HomeAssistantView::showInstance(const QString& hostId)
{
    const int i = m_instance->findData(hostId);
    if (i < 0)
        return false;
    m_instance->setCurrentIndex(i);
    m_search->clear();
    m_domain->setCurrentIndex(0);
    m_area->setCurrentIndex(0);
    return true;
}

bool HomeAssistantView::selectEntity(const QString& entityId)
{
    if (!m_model)
        return false;
    const int row = m_model->rowOf(entityId);
    if (row < 0)
        return false;
    const QModelIndex idx = m_filter->mapFromSource(m_model->index(row, 0));
    if (!idx.isValid())
        return false;
    m_table->selectionModel()->select(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(idx);
    return true;
}

void HomeAssistantView::updateSelection()
{
    const QString id = selectedEntity();
    const QString verb = m_link && !id.isEmpty() ? HomeAssistantLink::actionFor(id) : QString();
    m_action->setText(verb.isEmpty() ? tr("Toggle") : verb);
    m_action->setEnabled(!verb.isEmpty() && !m_link->isPending(id));
    const QSignalBlocker block(m_favourite);
    m_favourite->setEnabled(m_link && !id.isEmpty());
    m_favourite->setChecked(m_link && m_link->favourites().contains(id));
}

} // namespace hlc
