#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace hlc::n8n {

/// A named webhook quick action, as configured under the n8n service's "webhooks" key.
struct WebhookAction
{
    QString id;   ///< `[a-z0-9-]+`, unique per service; the secret key is "<host>/<service>/<id>"
    QString name; ///< shown on the button
    QString path; ///< the webhook node's path, e.g. "publish-newsletter" (called as /webhook/<path>)
    QByteArray method = "POST";
    QByteArray body;      ///< JSON sent as is (POST/PUT/PATCH); empty: none
    QString headerName;   ///< header auth: the header that carries the secret; empty: no auth
    bool testUrl = false; ///< call /webhook-test/<path> (only while "Listen for test event" runs in the editor)
};

/// What the webhook answered.
struct WebhookResult
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    /// A one-line summary for people: `{"message":"Workflow was started"}` -> "Workflow was started".
    QString summary;
};

} // namespace hlc::n8n
