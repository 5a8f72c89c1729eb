#include "core/CommandSearch.h"

#include <algorithm>
#include <vector>

namespace hlc {

namespace {
constexpr int kMatch = 1;
constexpr int kWordStart = 8;   ///< a letter that starts a word ("gs" in "Guest Start")
constexpr int kConsecutive = 7; ///< a letter right after the previous matched one
constexpr int kFirstLetter = 6; ///< the query starts where the text starts
constexpr int kGapPenalty = 1;  ///< per skipped letter between two matched ones (capped)
constexpr int kMaxGapPenalty = 5;

bool isWordStart(const QString& text, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar prev = text.at(i - 1);
    const QChar c = text.at(i);
    if (!prev.isLetterOrNumber())
        return true;
    return prev.isLower() && c.isUpper(); // camelCase
}
} // namespace

std::optional<int> CommandSearch::score(const QString& query, const QString& text)
{
    const QString q = query.simplified().remove(u' ');
    if (q.isEmpty())
        return 0;
    const qsizetype n = text.size();
    const qsizetype m = q.size();
    if (m > n)
        return std::nullopt;
    // Dynamic programming over (query letter, text position): the best score of matching q[0..i] with q[i] at j.
    // A greedy left-to-right match would take the first "s" in "Guests: stop" and miss the word start.
    constexpr int kNone = -1000000;
    std::vector<int> prevRow(static_cast<size_t>(n), kNone);
    std::vector<int> row(static_cast<size_t>(n), kNone);
    for (qsizetype i = 0; i < m; ++i) {
        const QChar qc = q.at(i).toCaseFolded();
        int farBest = kNone; // max of prevRow[k] for k <= j - 1 - kMaxGapPenalty (a gap of at least the cap)
        for (qsizetype j = 0; j < n; ++j) {
            row[size_t(j)] = kNone;
            if (const qsizetype k = j - 1 - kMaxGapPenalty; i > 0 && k >= 0)
                farBest = std::max(farBest, prevRow[size_t(k)]);
            if (text.at(j).toCaseFolded() != qc)
                continue;
            const int letter = kMatch + (isWordStart(text, j) ? kWordStart : 0);
            if (i == 0) {
                row[size_t(j)] = letter + (j == 0 ? kFirstLetter : 0) - static_cast<int>(std::min<qsizetype>(j, 10));
                continue;
            }
            int best = kNone;
            if (j >= 1 && prevRow[size_t(j - 1)] > kNone)
                best = prevRow[size_t(j - 1)] + kConsecutive;
            for (int gap = 1; gap < kMaxGapPenalty; ++gap) {
                if (j - 1 - gap >= 0 && prevRow[size_t(j - 1 - gap)] > kNone)
                    best = std::max(best, prevRow[size_t(j - 1 - gap)] - gap * kGapPenalty);
            }
            if (farBest > kNone)
                best = std::max(best, farBest - kMaxGapPenalty * kGapPenalty);
            if (best > kNone)
                row[size_t(j)] = best + letter;
        }
        std::swap(prevRow, row);
    }
    const int best = *std::max_element(prevRow.begin(), prevRow.end());
    if (best <= kNone / 2)
        return std::nullopt;
    return best;
}

QList<int> CommandSearch::rank(const QString& query, const QStringList& texts)
{
    QList<QPair<int, int>> scored; // (score, index)
    for (int i = 0; i < texts.size(); ++i) {
        if (const std::optional<int> s = score(query, texts.at(i)))
            scored.append({*s, i});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QList<int> out;
    out.reserve(scored.size());
    for (const auto& s : std::as_const(scored))
        out.append(s.second);
    return out;
}

} // namespace hlc
