#include "setup/HomepageImport.h"

#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <string>

namespace hlc {

namespace {

QString str(const YAML::Node& n)
{
    if (!n || !n.IsScalar())
        return {};
    return QString::fromStdString(n.Scalar());
}

int lineOf(const YAML::Node& n)
{
    return n.Mark().line >= 0 ? n.Mark().line + 1 : 0;
}

struct WidgetField
{
    const char* key;
    ImportRow::Field field;
};

/// Rows for one widget (`widget:` of a service, or an entry of widgets.yaml).
void widgetRows(const YAML::Node& widget, const QString& where, const QString& server, ImportParse& out)
{
    const QString type = str(widget["type"]).toLower();
    static const std::pair<const char*, ServiceKind> kTypes[] = {
        {"proxmox", ServiceKind::Proxmox},
        {"portainer", ServiceKind::Portainer},
        {"prometheus", ServiceKind::Prometheus},
        {"adguard", ServiceKind::AdGuard},
        {"homeassistant", ServiceKind::HomeAssistant},
    };
    std::optional<ServiceKind> kind;
    for (const auto& [name, k] : kTypes) {
        if (type == QLatin1String(name))
            kind = k;
    }
    const QString url = str(widget["url"]);
    const QString host = !server.isEmpty() ? server : QUrl(url).host();
    if (type == QLatin1String("glances")) {
        ImportRow r;
        r.source = where + QStringLiteral(": widget (glances)");
        r.line = lineOf(widget);
        r.value = url;
        r.host = host;
        r.kind = ServiceKind::Prometheus;
        r.field = ImportRow::Field::Url;
        r.import = false;
        r.note = HomepageImport::tr("Glances is not supported: its host can be added, and its health probed over "
                                    "Prometheus' node_exporter or a health probe instead.");
        out.rows << r;
        return;
    }
    if (!kind)
        return;
    QList<WidgetField> fields{{"url", ImportRow::Field::Url}};
    switch (*kind) {
    case ServiceKind::Proxmox:
        fields << WidgetField{"username", ImportRow::Field::User} << WidgetField{"password", ImportRow::Field::Secret}
               << WidgetField{"node", ImportRow::Field::Node};
        break;
    case ServiceKind::Portainer:
        fields << WidgetField{"env", ImportRow::Field::Environment} << WidgetField{"key", ImportRow::Field::Secret};
        break;
    case ServiceKind::AdGuard:
        fields << WidgetField{"username", ImportRow::Field::User} << WidgetField{"password", ImportRow::Field::Secret};
        break;
    case ServiceKind::HomeAssistant:
        fields << WidgetField{"key", ImportRow::Field::Secret};
        break;
    default:
        break;
    }
    for (const WidgetField& f : fields) {
        const YAML::Node v = widget[f.key];
        if (!v || !v.IsScalar())
            continue;
        ImportRow r;
        r.source = where + QStringLiteral(": widget.") + QLatin1String(f.key);
        r.line = lineOf(v);
        r.value = str(v);
        r.host = host;
        r.kind = *kind;
        r.field = f.field;
        if (r.isSecret() && ImportPlan::isReference(r.value)) {
            r.import = false;
            r.note = HomepageImport::tr("a Homepage variable, not the secret itself: enter it in the setup");
        }
        out.rows << r;
    }
}

template<typename Fn> ImportParse guarded(const QByteArray& yaml, Fn fn)
{
    ImportParse out;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        fn(root, out);
    } catch (const YAML::Exception& e) {
        out.problems << ImportProblem{e.mark.line >= 0 ? e.mark.line + 1 : 0,
                                      HomepageImport::tr("YAML error: %1").arg(QString::fromStdString(e.msg))};
    }
    return out;
}

} // namespace

ImportParse HomepageImport::parseServices(const QByteArray& yaml)
{
    return guarded(yaml, [](const YAML::Node& root, ImportParse& out) {
        if (!root || root.IsNull())
            return;
        if (!root.IsSequence()) {
            out.problems << ImportProblem{lineOf(root), tr("services.yaml should be a list of groups.")};
            return;
        }
        for (const YAML::Node& group : root) {
            if (!group.IsMap()) {
                out.problems << ImportProblem{lineOf(group), tr("A group should be \"- Name:\" with a list below.")};
                continue;
            }
            for (const auto& g : group) {
                const QString groupName = str(g.first);
                if (!g.second.IsSequence())
                    continue;
                for (const YAML::Node& service : g.second) {
                    if (!service.IsMap())
                        continue;
                    for (const auto& s : service) {
                        const QString name = str(s.first);
                        const YAML::Node body = s.second;
                        if (!body.IsMap())
                            continue;
                        const YAML::Node widget = body["widget"];
                        // A list of widgets (newer Homepage: "widgets:") is read the same way.
                        const YAML::Node widgets = body["widgets"];
                        const QString server = str(body["server"]);
                        const QString where = groupName + QLatin1Char('/') + name;
                        if (widget && widget.IsMap())
                            widgetRows(widget, where, server, out);
                        if (widgets && widgets.IsSequence()) {
                            for (const YAML::Node& w : widgets)
                                if (w.IsMap())
                                    widgetRows(w, where, server, out);
                        }
                    }
                }
            }
        }
    });
}

ImportParse HomepageImport::parseWidgets(const QByteArray& yaml)
{
    return guarded(yaml, [](const YAML::Node& root, ImportParse& out) {
        if (!root || root.IsNull())
            return;
        if (!root.IsSequence()) {
            out.problems << ImportProblem{lineOf(root), tr("widgets.yaml should be a list of widgets.")};
            return;
        }
        // "- glances: {url: ...}" / "- resources: {...}": the key is the widget's type.
        for (const YAML::Node& entry : root) {
            if (!entry.IsMap())
                continue;
            for (const auto& w : entry) {
                if (!w.second.IsMap())
                    continue;
                YAML::Node widget = YAML::Clone(w.second);
                if (!widget["type"])
                    widget["type"] = w.first.Scalar();
                widgetRows(widget, QStringLiteral("widgets.yaml/") + str(w.first), {}, out);
            }
        }
    });
}

} // namespace hlc
