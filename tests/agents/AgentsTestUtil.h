#pragma once

// Helpers shared by the agents/Ollama/GPU tests: running shared/tools/spec-check on a response body.

#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTemporaryFile>

namespace hlc::test {

/// Empty when @p body (answer @p status to @p method @p path) validates against @p spec; else what spec-check said.
inline QString specViolations(const QString& spec, const QByteArray& method, const QString& path, int status,
                              const QByteArray& body)
{
    QTemporaryFile file;
    if (!file.open())
        return QStringLiteral("cannot create a temporary file");
    file.write(body);
    file.flush();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("python3"), {qEnvironmentVariable("HLC_SPEC_CHECK"), spec, QString::fromLatin1(method), path,
                                        QString::number(status), file.fileName()});
    if (!p.waitForFinished(30000))
        return QStringLiteral("spec-check did not finish");
    const QString out = QString::fromUtf8(p.readAll());
    if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && out.startsWith(QLatin1String("ok")))
        return {};
    return QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(out);
}

/// Why spec tests cannot run here, or empty when HLC_SPEC_DIR and HLC_SPEC_CHECK are usable.
inline QString specUnavailable()
{
    const QString dir = qEnvironmentVariable("HLC_SPEC_DIR");
    const QString tool = qEnvironmentVariable("HLC_SPEC_CHECK");
    if (dir.isEmpty() || !QFileInfo::exists(dir))
        return QStringLiteral("HLC_SPEC_DIR is not set or missing (shared/api beside the checkout)");
    if (tool.isEmpty() || !QFileInfo::exists(tool))
        return QStringLiteral("HLC_SPEC_CHECK does not point to shared/tools/spec-check");
    QProcess p;
    p.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import yaml, jsonschema")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return QStringLiteral("python3-yaml / python3-jsonschema are not installed");
    return {};
}

} // namespace hlc::test
