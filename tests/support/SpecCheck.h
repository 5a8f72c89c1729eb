#pragma once

// Runs shared/tools/spec-check on a response body: tests registered with SPEC get HLC_SPEC_DIR (the official API
// specs, shared/api beside the checkout) and HLC_SPEC_CHECK (the tool, a python3 script needing yaml + jsonschema).

#include <QByteArray>
#include <QSet>
#include <QString>

namespace hlc::test {

class SpecCheck
{
public:
    SpecCheck();

    /// Why spec checks cannot run here, or empty: HLC_SPEC_DIR lacks @p specPath (a file or folder below it, may be
    /// empty), HLC_SPEC_CHECK is missing, or python3 lacks yaml/jsonschema. For HLC_REQUIRE_REAL.
    [[nodiscard]] QString unavailable(const QString& specPath = QString()) const;

    /// @p relative below HLC_SPEC_DIR as an absolute path.
    [[nodiscard]] QString specPath(const QString& relative) const;

    /// Violations printed by spec-check for @p body (answer @p status to @p method @p path), empty when it printed
    /// "ok". @p spec is a path below HLC_SPEC_DIR or an absolute path (e.g. our own contract under docs/api).
    [[nodiscard]] QString violations(const QString& spec, const QString& method, const QString& path, int status,
                                     const QByteArray& body);

    /// How many answers validated, and for how many distinct "METHOD path status" (for the evidence line).
    [[nodiscard]] int passed() const { return m_passed; }
    [[nodiscard]] int routes() const { return static_cast<int>(m_routes.size()); }

private:
    QString m_specDir;
    QString m_tool;
    int m_passed = 0;
    QSet<QString> m_routes;
};

} // namespace hlc::test
