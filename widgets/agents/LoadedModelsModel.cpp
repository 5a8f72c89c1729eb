#include "agents/LoadedModelsModel.h"

#include "agents/LlmMonitor.h"
#include "core/Format.h"

namespace hlc {

LoadedModelsModel::LoadedModelsModel(LlmMonitor* monitor, QObject* parent)
    : KeyedTableModel<ollama::LoadedModel>(parent)
    , m_monitor(monitor)
{
    connect(m_monitor, &LlmMonitor::ollamaUpdated, this, &LoadedModelsModel::refresh);
    refresh();
}

void LoadedModelsModel::refresh()
{
    mergeRows(m_monitor->loadedModels());
}

int LoadedModelsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LoadedModelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Model");
    case Size:
        return tr("Memory");
    case VramShare:
        return tr("On GPU");
    case Context:
        return tr("Context");
    case ExpiresIn:
        return tr("Unloads in");
    default:
        return {};
    }
}

QVariant LoadedModelsModel::data(const QModelIndex& index, int role) const
{
    const ollama::LoadedModel* m = rowAt(index.row());
    if (!m)
        return {};
    const qint64 left =
        m->expiresAt.isValid() ? std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m->expiresAt)) : -1;
    if (role == RawRole) {
        switch (index.column()) {
        case Name:
            return m->name;
        case Size:
            return m->size;
        case VramShare:
            return m->vramShare();
        case Context:
            return m->contextLength;
        case ExpiresIn:
            return left;
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return m->parameterSize.isEmpty()
                       ? m->name
                       : QStringLiteral("%1 (%2 %3)").arg(m->name, m->parameterSize, m->quantization);
        case Size:
            return format::bytes(double(m->size));
        case VramShare:
            return tr("%1 (%2)").arg(format::percent(m->vramShare()), format::bytes(double(m->sizeVram)));
        case Context:
            return m->contextLength > 0 ? QString::number(m->contextLength) : QStringLiteral("–");
        case ExpiresIn:
            return left >= 0 ? format::duration(left) : QStringLiteral("–");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == VramShare && m->vramShare() < 0.999)
        return tr("Part of the model runs on the CPU: it does not fit the free VRAM, generation is slower.");
    return {};
}

} // namespace hlc
