#include "setup/PrometheusLabelLookup.h"

#include "prometheus/PrometheusClient.h"

#include <QTimer>

#include <algorithm>

namespace hlc {

PrometheusLabelLookup::PrometheusLabelLookup(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
{}

void PrometheusLabelLookup::lookup(const ServiceConfig& service, const QString& secret)
{
    delete m_work; // drops the callbacks of a lookup still running
    m_work = new QObject(this);
    m_result = {};
    m_pending = 0;
    if (cleartextAuthRefused(service)) {
        ApiError e;
        e.kind = ApiError::Kind::Auth;
        e.message = tr("The secret would travel unencrypted over http://; nothing was sent. Allow unencrypted on "
                       "this network, or use https://.");
        e.detail = QStringLiteral("label lookup refused: auth over http:// not allowed");
        m_result.error = e;
        QTimer::singleShot(0, m_work, [this] { emit finished(m_result); });
        return;
    }
    Endpoint ep = endpointFor(service, false);
    ep.maxRetries = 0;
    ep.credentials.secret = secret;
    auto* client = new prom::PrometheusClient(m_nam, ep, m_work);
    m_pending = 2;
    client->labelValues(QStringLiteral("job"), {}, m_work, [this](Result<QStringList> r) {
        if (r.ok())
            m_result.jobs = r.value();
        else if (!m_result.error)
            m_result.error = r.error();
        done();
    });
    client->series({QStringLiteral("up")}, m_work, [this](Result<QList<prom::Labels>> r) {
        if (r.ok()) {
            for (const prom::Labels& l : r.value()) {
                const QString instance = l.value(QStringLiteral("instance"));
                const QString job = l.value(QStringLiteral("job"));
                if (!instance.isEmpty() || !job.isEmpty())
                    m_result.targets.append({instance, job});
            }
            std::sort(m_result.targets.begin(), m_result.targets.end(), [](const auto& a, const auto& b) {
                return a.job != b.job ? a.job < b.job : a.instance < b.instance;
            });
        } else if (!m_result.error) {
            m_result.error = r.error();
        }
        done();
    });
}

void PrometheusLabelLookup::done()
{
    if (--m_pending == 0)
        emit finished(m_result);
}

} // namespace hlc
