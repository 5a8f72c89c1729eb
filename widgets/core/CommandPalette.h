#pragma once

#include <QDialog>
#include <QList>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;

namespace hlc {

/// One thing the command palette can do: a title to search, a kind shown beside it, and what it runs.
struct PaletteEntry
{
    QString title;     ///< what is searched and shown: "Reboot VM 101 (web) on Host A"
    QString kind;      ///< shown greyed at the right: "Guest", "Stack", "Go to", ...
    QString id;        ///< stable, for tests and the audit: "guest/host-a/qemu/101/reboot"
    bool asks = false; ///< the action asks for confirmation first (shown as "…")
    std::function<void()> run;
};

/**
 * @brief The command palette (Ctrl+K): a search field over every action and place, ranked by CommandSearch. Up/Down
 * choose, Enter runs (the palette closes first, so a confirmation question is not hidden behind it), Escape closes.
 * The entries come from a provider called each time the palette opens: they follow the live homelab.
 */
class CommandPalette final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)
public:
    using Provider = std::function<QList<PaletteEntry>()>;
    explicit CommandPalette(Provider provider, QWidget* parent = nullptr);

    /// Rebuilds the entries, clears the search and shows the palette near the top of its window.
    void popup();
    [[nodiscard]] QLineEdit* searchField() const { return m_search; }
    [[nodiscard]] QListWidget* results() const { return m_list; }
    [[nodiscard]] const QList<PaletteEntry>& entries() const { return m_entries; }
    /// The ids of the shown results, best first.
    [[nodiscard]] QStringList shownIds() const;
    /// Runs the entry @p id (closing the palette first); false when there is no such entry.
    bool runEntry(const QString& id);
    /// Runs the selected result; false when none is selected.
    bool runSelected();

signals:
    /// An entry was run (after its action returned).
    void entryRun(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void filter();

    Provider m_provider;
    QList<PaletteEntry> m_entries;
    QLineEdit* m_search;
    QListWidget* m_list;
    QLabel* m_hint;
};

} // namespace hlc
