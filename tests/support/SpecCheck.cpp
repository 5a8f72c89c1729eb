#include "SpecCheck.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>

namespace hlc::test {

namespace {

/// Empty when python3 can import what spec-check needs (asked once per process).
QString pythonModulesMissing()
{
    static const QString missing = [] {
        QProcess p;
        p.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import yaml, jsonschema")});
        if (!p.waitForFinished(20000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return QStringLiteral("python3 with the yaml and jsonschema modules (python3-yaml, python3-jsonschema) "
                                  "is not installed");
        return QString();
    }();
    return missing;
}

} // namespace

SpecCheck::SpecCheck()
    : m_specDir(qEnvironmentVariable("HLC_SPEC_DIR"))
    , m_tool(qEnvironmentVariable("HLC_SPEC_CHECK"))
{}

QString SpecCheck::unavailable(const QString& specPath) const
{
    if (m_specDir.isEmpty() || !QFileInfo::exists(m_specDir))
        return QStringLiteral("HLC_SPEC_DIR is not set or missing (shared/api beside the checkout)");
    if (!specPath.isEmpty() && !QFileInfo::exists(this->specPath(specPath)))
        return QStringLiteral("HLC_SPEC_DIR (%1) lacks %2").arg(m_specDir, specPath);
    if (m_tool.isEmpty() || !QFileInfo::exists(m_tool))
        return QStringLiteral("HLC_SPEC_CHECK does not point to shared/tools/spec-check");
    return pythonModulesMissing();
}

QString SpecCheck::specPath(const QString& relative) const
{
    return QDir(m_specDir).filePath(relative);
}

QString SpecCheck::violations(const QString& spec, const QString& method, const QString& path, int status,
                              const QByteArray& body)
{
    QTemporaryFile file;
    if (!file.open())
        return QStringLiteral("cannot create a temporary file");
    file.write(body);
    file.flush();
    const QString specFile = QFileInfo(spec).isAbsolute() ? spec : specPath(spec);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("python3"), {m_tool, specFile, method, path, QString::number(status), file.fileName()});
    if (!p.waitForFinished(30000))
        return QStringLiteral("spec-check did not finish");
    const QString out = QString::fromUtf8(p.readAll());
    if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && out.startsWith(QLatin1String("ok"))) {
        ++m_passed;
        m_routes.insert(QStringLiteral("%1 %2 %3").arg(method, path).arg(status));
        return {};
    }
    return QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(out);
}

} // namespace hlc::test
