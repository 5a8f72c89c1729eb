#pragma once

// Runs shared/tools/spec-check on a response body (tests registered with SPEC get HLC_SPEC_DIR/HLC_SPEC_CHECK).

#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTemporaryFile>

namespace hlc::test {

struct SpecCheck
{
    QString specDir = qEnvironmentVariable("HLC_SPEC_DIR");
    QString tool = qEnvironmentVariable("HLC_SPEC_CHECK");

    /// Empty when usable, else why not (for QSKIP).
    [[nodiscard]] QString unavailable(const QString& specFile) const
    {
        if (specDir.isEmpty() || !QFileInfo::exists(specDir + QLatin1Char('/') + specFile))
            return QStringLiteral("HLC_SPEC_DIR is not set or lacks %1 (shared/api beside the checkout)").arg(specFile);
        if (tool.isEmpty() || !QFileInfo::exists(tool))
            return QStringLiteral("HLC_SPEC_CHECK does not point to shared/tools/spec-check");
        return {};
    }

    /// Violations printed by spec-check; empty when it printed "ok".
    [[nodiscard]] QString violations(const QString& specFile, const QString& method, const QString& path, int status,
                                     const QByteArray& body) const
    {
        QTemporaryFile file;
        if (!file.open())
            return QStringLiteral("cannot create a temporary file");
        file.write(body);
        file.flush();
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("python3"),
                {tool, specDir + QLatin1Char('/') + specFile, method, path, QString::number(status), file.fileName()});
        if (!p.waitForFinished(30000))
            return QStringLiteral("spec-check did not finish");
        const QString out = QString::fromUtf8(p.readAll());
        if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && out.startsWith(QLatin1String("ok")))
            return {};
        return QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(out);
    }
};

} // namespace hlc::test
