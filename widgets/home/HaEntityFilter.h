#pragma once

#include <QSortFilterProxyModel>

namespace hlc {

/// Filters HaEntityModel rows by a search text (name or entity id), a domain and an area; sorts on raw values.
class HaEntityFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HaEntityFilter)
public:
    explicit HaEntityFilter(QObject* parent = nullptr);

    void setSearch(const QString& text);
    void setDomain(const QString& domain); ///< empty: all
    void setArea(const QString& area);     ///< empty: all

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_search;
    QString m_domain;
    QString m_area;
};

} // namespace hlc
