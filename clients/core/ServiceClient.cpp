#include "ServiceClient.h"

namespace hlc {

ServiceClient::ServiceClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : QObject(parent)
    , m_api(new ApiClient(nam, endpoint, this))
{}

} // namespace hlc
