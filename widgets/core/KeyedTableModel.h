#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace hlc {

/**
 * @brief Base of the table models fed by polling: rows keyed by a stable id and merged on every refresh with
 * remove / insert / dataChanged, never a reset, so selection and scroll position survive.
 */
template<typename T> class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    [[nodiscard]] const QList<T>& rows() const { return m_rows; }
    [[nodiscard]] int rowOfKey(const QString& key) const
    {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (keyOf(m_rows.at(i)) == key)
                return i;
        }
        return -1;
    }
    [[nodiscard]] const T* rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }

protected:
    [[nodiscard]] virtual QString keyOf(const T& row) const = 0;

    /// Replaces the rows with @p incoming, matching rows by key.
    void mergeRows(const QList<T>& incoming)
    {
        QHash<QString, int> incomingIndex;
        for (int i = 0; i < incoming.size(); ++i)
            incomingIndex.insert(keyOf(incoming.at(i)), i);
        // Remove rows that are gone, from the bottom so indexes stay valid.
        for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
            if (!incomingIndex.contains(keyOf(m_rows.at(i)))) {
                beginRemoveRows({}, i, i);
                m_rows.removeAt(i);
                endRemoveRows();
            }
        }
        // Update the rows that stay, in place.
        QSet<QString> present;
        for (int i = 0; i < m_rows.size(); ++i) {
            const QString k = keyOf(m_rows.at(i));
            present.insert(k);
            m_rows[i] = incoming.at(incomingIndex.value(k));
        }
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, columnCount() - 1));
        // Append the new ones.
        QList<T> added;
        for (const T& r : incoming) {
            if (!present.contains(keyOf(r)))
                added << r;
        }
        if (!added.isEmpty()) {
            const int first = static_cast<int>(m_rows.size());
            beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
            m_rows << added;
            endInsertRows();
        }
    }

    QList<T> m_rows;
};

} // namespace hlc
