#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <concepts>

namespace hlc {

/**
 * @brief Base of the table models fed by polling: rows keyed by a stable id and merged on every refresh with
 * remove / insert / dataChanged, never a reset, so selection and scroll position survive.
 *
 * Rows are compared with rowChanged() (operator== when the row type has one): a refresh that changes nothing emits
 * nothing, and a changed row emits dataChanged for that row only (adjacent changed rows in one signal).
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
    [[nodiscard]] int rowOfKey(const QString& key) const { return m_rowOfKey.value(key, -1); }
    [[nodiscard]] const T* rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }

protected:
    [[nodiscard]] virtual QString keyOf(const T& row) const = 0;
    /// True when @p after shows differently from @p before. Default: operator== when T has one, else always.
    [[nodiscard]] virtual bool rowChanged(const T& before, const T& after) const
    {
        if constexpr (std::equality_comparable<T>)
            return !(before == after);
        else
            return true;
    }

    /// Replaces the rows with @p incoming, matching rows by key: gone rows are removed, changed rows updated in
    /// place (dataChanged for them only), new rows appended.
    void mergeRows(const QList<T>& incoming)
    {
        QSet<QString> incomingKeys;
        incomingKeys.reserve(incoming.size());
        for (const T& r : incoming)
            incomingKeys.insert(keyOf(r));
        QStringList gone;
        for (const T& r : std::as_const(m_rows)) {
            const QString k = keyOf(r);
            if (!incomingKeys.contains(k))
                gone << k;
        }
        removeKeys(gone);
        upsertRows(incoming);
    }

    /// Updates the rows in @p changed that exist (dataChanged only where rowChanged()) and appends the others; rows
    /// not in @p changed stay as they are. For sources that report changes in batches.
    void upsertRows(const QList<T>& changed)
    {
        QList<int> changedRows;
        QList<T> added;
        QSet<QString> addedKeys;
        for (const T& r : changed) {
            const QString k = keyOf(r);
            const int row = m_rowOfKey.value(k, -1);
            if (row >= 0) {
                if (rowChanged(m_rows.at(row), r)) {
                    m_rows[row] = r;
                    changedRows << row;
                }
            } else if (!addedKeys.contains(k)) {
                addedKeys.insert(k);
                added << r;
            }
        }
        emitChanged(changedRows);
        if (!added.isEmpty()) {
            const int first = static_cast<int>(m_rows.size());
            beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
            for (const T& r : std::as_const(added)) {
                m_rowOfKey.insert(keyOf(r), static_cast<int>(m_rows.size()));
                m_rows << r;
            }
            endInsertRows();
        }
    }

    /// Removes the rows with these keys (unknown keys are ignored), one contiguous block at a time.
    void removeKeys(const QStringList& keys)
    {
        QList<int> gone;
        for (const QString& k : keys) {
            const int row = m_rowOfKey.value(k, -1);
            if (row >= 0)
                gone << row;
        }
        if (gone.isEmpty())
            return;
        std::sort(gone.begin(), gone.end(), std::greater<>());
        gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
        // From the bottom, so the indexes still to remove stay valid.
        for (qsizetype i = 0; i < gone.size();) {
            const int last = gone.at(i);
            int first = last;
            qsizetype j = i + 1;
            while (j < gone.size() && gone.at(j) == first - 1)
                first = gone.at(j++);
            beginRemoveRows({}, first, last);
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
            i = j;
        }
        m_rowOfKey.clear();
        for (int r = 0; r < m_rows.size(); ++r)
            m_rowOfKey.insert(keyOf(m_rows.at(r)), r);
    }

private:
    /// One dataChanged per run of adjacent changed rows, all columns.
    void emitChanged(QList<int> rows)
    {
        if (rows.isEmpty())
            return;
        std::sort(rows.begin(), rows.end());
        const int lastColumn = columnCount() - 1;
        for (qsizetype i = 0; i < rows.size();) {
            const int first = rows.at(i);
            int last = first;
            qsizetype j = i + 1;
            while (j < rows.size() && rows.at(j) <= last + 1)
                last = std::max(last, rows.at(j++));
            emit dataChanged(index(first, 0), index(last, lastColumn));
            i = j;
        }
    }

    QList<T> m_rows;
    QHash<QString, int> m_rowOfKey;
};

} // namespace hlc
