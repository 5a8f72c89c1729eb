#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

/// Plain structs of the agent platform API (docs/api/agents.openapi.yaml).
namespace hlc::agents {

/// One field of an agent's input schema (a small JSON Schema subset).
struct InputField
{
    enum class Type
    {
        String,  ///< one line of text
        Text,    ///< multi-line text (`type: string, format: text`)
        Integer, ///< `type: integer`, optionally bounded
        Boolean, ///< `type: boolean`
        Enum,    ///< `type: string` with `enum`
    };
    QString name;
    Type type = Type::String;
    QString title; ///< label for a form; falls back to name
    QString description;
    QVariant defaultValue; ///< invalid when none
    QStringList options;   ///< Enum only
    std::optional<qint64> minimum;
    std::optional<qint64> maximum;
    int maxLength = 0; ///< 0: unlimited
    bool required = false;

    [[nodiscard]] QString label() const { return title.isEmpty() ? name : title; }
};

/// The input schema of an agent: its fields in the order a form shows them.
struct InputSchema
{
    QList<InputField> fields;
    [[nodiscard]] const InputField* field(const QString& name) const
    {
        for (const InputField& f : fields) {
            if (f.name == name)
                return &f;
        }
        return nullptr;
    }
};

/// A named, complete input of an agent ("Weekly newsletter").
struct Preset
{
    QString id;
    QString name;
    QString description;
    QVariantMap input;
};

enum class RunStatus
{
    Unknown,
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled
};

/// "queued", "running", ... (as the API writes it); "unknown" for Unknown.
[[nodiscard]] QString runStatusName(RunStatus s);
/// Unknown for an unknown name.
[[nodiscard]] RunStatus runStatusFromName(const QString& name);
/// Succeeded, Failed or Cancelled: the run will not change any more.
[[nodiscard]] inline bool isFinal(RunStatus s)
{
    return s == RunStatus::Succeeded || s == RunStatus::Failed || s == RunStatus::Cancelled;
}

struct RunSummary
{
    QString id;
    RunStatus status = RunStatus::Unknown;
    QString presetId;
    QDateTime createdAt;
    QDateTime finishedAt;
};

struct Agent
{
    enum class Status
    {
        Unknown,
        Idle,
        Busy,
        Error
    };
    QString id;
    QString name;
    QString description;
    QString model;
    Status status = Status::Unknown;
    QString statusMessage;
    QString activeRunId;
    InputSchema inputSchema;
    QList<Preset> presets;
    std::optional<RunSummary> lastRun;

    [[nodiscard]] const Preset* preset(const QString& presetId) const
    {
        for (const Preset& p : presets) {
            if (p.id == presetId)
                return &p;
        }
        return nullptr;
    }
};

struct Artifact
{
    QString name;
    QString url; ///< absolute, or relative to the API base URL
    QString mimeType;
    qint64 sizeBytes = 0;
};

struct Usage
{
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 totalTokens = 0;
    std::optional<double> costUsd;
};

struct Run
{
    QString id;
    QString agentId;
    QString presetId;
    RunStatus status = RunStatus::Unknown;
    double progress = 0.0; ///< 0..1
    QString step;
    QVariantMap input;
    QString model;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString outputMarkdown;
    QList<Artifact> artifacts;
    QString error;
    std::optional<Usage> usage;
    qint64 lastEventId = 0;
};

/// One event of a run: a log line, a progress change or a status change.
struct RunEvent
{
    enum class Type
    {
        Unknown,
        Log,
        Progress,
        Status
    };
    qint64 id = 0;
    Type type = Type::Unknown;
    QDateTime time;
    QString level; ///< Log: "debug", "info", "warning", "error"
    QString message;
    std::optional<double> progress;
    QString step;
    RunStatus status = RunStatus::Unknown; ///< Status only
};

/// What GET /runs filters on.
struct RunQuery
{
    QString agentId;
    std::optional<RunStatus> status;
    int limit = 0; ///< 0: the server's default
};

/// How to start a run: a preset (optionally with overrides) or a full input.
struct StartRun
{
    QString presetId;
    QVariantMap input;
};

/// Per-field messages of a 400 answer, keyed by field name ("preset" / "input" for the request as a whole).
using FieldErrors = QHash<QString, QString>;

} // namespace hlc::agents
