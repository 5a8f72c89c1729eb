#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace hlc {

class HaEntityFilter;
class HaEntityModel;
class HomeAssistantLink;
class HomeServices;

/// The "Home Assistant" tab: entity browser (search, domain and area filters,
/// state, last change) with actions whose result is shown when the state change
/// arrives, and per-host favourites.
class HomeAssistantView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HomeAssistantView)
public:
    explicit HomeAssistantView(HomeServices* services, QWidget* parent = nullptr);

    [[nodiscard]] HaEntityModel* model() const { return m_model; }
    [[nodiscard]] HaEntityFilter* filter() const { return m_filter; }
    /// Selects the row of @p entityId (for tests and favourites).
    bool selectEntity(const QString& entityId);
    /// Shows the Home Assistant of host @p hostId and clears the filters; false when this view has none there.
    bool showInstance(const QString& hostId);
    /// The action button: toggles (or presses, triggers, ...) the selected entity; the result follows the state.
    void actOnSelected();

private:
    void setLink(HomeAssistantLink* link);
    void updateMode();
    void updateSelection();
    void refillFilters();
    [[nodiscard]] QString selectedEntity() const;

    QPointer<HomeServices> m_services;
    QPointer<HomeAssistantLink> m_link;
    int m_filledCount = -1; ///< entities when the domain and area filters were last filled
    HaEntityModel* m_model = nullptr;
    HaEntityFilter* m_filter;
    QComboBox* m_instance;
    QLabel* m_mode;
    QLineEdit* m_search;
    QComboBox* m_domain;
    QComboBox* m_area;
    QTableView* m_table;
    QPushButton* m_action;
    QPushButton* m_favourite;
    QLabel* m_result;
    QLabel* m_count;
};

} // namespace hlc
