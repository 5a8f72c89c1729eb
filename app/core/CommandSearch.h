#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace hlc {

/**
 * @brief The command palette's fuzzy matcher (no widgets): a query matches a text when its letters appear in the
 * text in order (a case-insensitive subsequence). Matches are scored so that what a person means ranks first:
 * letters at the start of a word and runs of consecutive letters score higher, gaps and a late first letter lower.
 */
class CommandSearch final
{
public:
    /// The score of @p query in @p text (higher is better), or nothing when it does not match. An empty query
    /// matches everything with score 0.
    [[nodiscard]] static std::optional<int> score(const QString& query, const QString& text);
    /// The indices of @p texts that match @p query, best first (equal scores keep the order of @p texts).
    [[nodiscard]] static QList<int> rank(const QString& query, const QStringList& texts);
};

} // namespace hlc
