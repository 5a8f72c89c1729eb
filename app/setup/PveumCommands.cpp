#include "setup/PveumCommands.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace hlc {

namespace {

/// Single-quoted for a POSIX shell (the token id contains "!", which bash would expand in double quotes).
QString shellQuote(const QString& s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

} // namespace

QStringList PveumCommands::privileges(const PveFeatures& f)
{
    QStringList p{QStringLiteral("Sys.Audit")};
    if (f.guests || f.actions)
        p << QStringLiteral("VM.Audit");
    if (f.storage)
        p << QStringLiteral("Datastore.Audit");
    if (f.actions)
        p << QStringLiteral("VM.PowerMgmt");
    return p;
}

QStringList PveumCommands::commands(const PveFeatures& f)
{
    const QString tokenId = f.user + QLatin1Char('!') + f.tokenName;
    const QString privs = privileges(f).join(QLatin1Char(' '));
    return {
        QStringLiteral("pveum user add %1 --comment %2")
            .arg(shellQuote(f.user), shellQuote(QStringLiteral("Homelab Control Center"))),
        QStringLiteral("pveum role add %1 --privs %2").arg(shellQuote(f.role), shellQuote(privs)),
        QStringLiteral("pveum acl modify / --users %1 --roles %2").arg(shellQuote(f.user), shellQuote(f.role)),
        QStringLiteral("pveum user token add %1 %2 --privsep 1").arg(shellQuote(f.user), shellQuote(f.tokenName)),
        QStringLiteral("pveum acl modify / --tokens %1 --roles %2").arg(shellQuote(tokenId), shellQuote(f.role)),
    };
}

std::optional<PveTokenPaste> PveumCommands::parseTokenOutput(const QString& pasted, QString* error)
{
    PveTokenPaste t;
    // 1. A header value: PVEAPIToken=USER@REALM!TOKENID=SECRET
    static const QRegularExpression s_header(
        QStringLiteral("PVEAPIToken=([^\\s=!]+@[^\\s=!]+![^\\s=]+)=([0-9A-Za-z-]+)"));
    if (const auto m = s_header.match(pasted); m.hasMatch())
        return PveTokenPaste{m.captured(1), m.captured(2)};

    // 2. JSON (--output-format json / json-pretty).
    const qsizetype brace = pasted.indexOf(QLatin1Char('{'));
    if (brace >= 0) {
        const qsizetype end = pasted.lastIndexOf(QLatin1Char('}'));
        const QJsonDocument doc = QJsonDocument::fromJson(pasted.mid(brace, end - brace + 1).toUtf8());
        if (doc.isObject()) {
            const QJsonObject o = doc.object();
            t.tokenId = o.value(QStringLiteral("full-tokenid")).toString();
            t.secret = o.value(QStringLiteral("value")).toString();
        }
    }

    // 3. The table: "│ full-tokenid │ user@pve!id │" (Unicode box drawing) or "| key | value |" (ASCII).
    if (t.tokenId.isEmpty() || t.secret.isEmpty()) {
        static const QRegularExpression s_sep(QStringLiteral("[\\x{2502}|]"));
        for (const QString& line : pasted.split(QLatin1Char('\n'))) {
            QStringList cells;
            for (const QString& c : line.split(s_sep))
                if (!c.trimmed().isEmpty())
                    cells << c.trimmed();
            if (cells.size() != 2)
                continue;
            if (cells.at(0) == QLatin1String("full-tokenid"))
                t.tokenId = cells.at(1);
            else if (cells.at(0) == QLatin1String("value"))
                t.secret = cells.at(1);
        }
    }

    static const QRegularExpression s_tokenId(QStringLiteral("^[^\\s@!]+@[^\\s@!]+![A-Za-z][A-Za-z0-9._-]*$"));
    static const QRegularExpression s_secret(QStringLiteral("^[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$"));
    if (t.tokenId.isEmpty() || t.secret.isEmpty()) {
        if (error)
            *error = tr("No token found: paste the whole output of \"pveum user token add\", including the lines "
                        "\"full-tokenid\" and \"value\".");
        return std::nullopt;
    }
    if (!s_tokenId.match(t.tokenId).hasMatch()) {
        if (error)
            *error = tr("\"%1\" is not a token id of the form USER@REALM!TOKENID.").arg(t.tokenId);
        return std::nullopt;
    }
    if (!s_secret.match(t.secret).hasMatch()) {
        if (error)
            *error = tr("The token value is not a UUID as pveum prints it: copy it again.");
        return std::nullopt;
    }
    return t;
}

} // namespace hlc
