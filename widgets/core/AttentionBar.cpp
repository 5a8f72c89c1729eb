#include "core/AttentionBar.h"

#include "core/CertificateTrustDialog.h"
#include "core/KeychainUnavailableDialog.h"
#include "core/SecondFactorDialog.h"
#include "core/SecretEntryDialog.h"
#include "core/ServiceText.h"
#include "core/StatusColors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hlc {

namespace {
bool sameItem(const Attention& a, const QString& hostId, const QString& serviceId)
{
    return a.hostId == hostId && a.serviceId == serviceId;
}

QString suffix(const QString& hostId, const QString& serviceId)
{
    if (hostId.isEmpty() && serviceId.isEmpty())
        return QStringLiteral("keychain");
    return hostId + QLatin1Char('_') + serviceId;
}
} // namespace

AttentionBar::AttentionBar(const Config* config, QWidget* parent)
    : QFrame(parent)
    , m_config(config)
{
    setObjectName(QStringLiteral("attentionBar"));
    setStyleSheet(StatusColors::bannerStyle(objectName(), StatusColors::Role::Warning));
    m_rows = new QVBoxLayout(this);
    m_rows->setContentsMargins(8, 4, 8, 4);
    hide();
}

QString AttentionBar::itemName(const QString& hostId, const QString& serviceId)
{
    return QStringLiteral("attentionItem_") + suffix(hostId, serviceId);
}

QString AttentionBar::buttonName(const QString& hostId, const QString& serviceId)
{
    return QStringLiteral("attentionButton_") + suffix(hostId, serviceId);
}

void AttentionBar::add(const Attention& attention)
{
    for (Attention& a : m_items) {
        if (sameItem(a, attention.hostId, attention.serviceId)) {
            a = attention;
            rebuild();
            return;
        }
    }
    m_items << attention;
    rebuild();
}

void AttentionBar::clear(const QString& hostId, const QString& serviceId)
{
    const auto removed = m_items.removeIf([&](const Attention& a) { return sameItem(a, hostId, serviceId); });
    if (m_dialog && m_dialog->property("hlcHostId").toString() == hostId &&
        m_dialog->property("hlcServiceId").toString() == serviceId) {
        // Answered elsewhere (or resolved by itself): the open question is moot.
        QDialog* d = m_dialog;
        m_dialog = nullptr;
        d->disconnect(this);
        d->close();
        d->deleteLater();
    }
    if (removed > 0)
        rebuild();
}

const ServiceConfig* AttentionBar::service(const QString& hostId, const QString& serviceId) const
{
    return m_config ? m_config->service(hostId, serviceId) : nullptr;
}

QString AttentionBar::hostName(const QString& hostId) const
{
    const HostConfig* h = m_config ? m_config->host(hostId) : nullptr;
    return h && !h->name.isEmpty() ? h->name : hostId;
}

QString AttentionBar::itemText(const Attention& a) const
{
    const QString service = serviceKindTitle(a.serviceKind);
    const QString host = hostName(a.hostId);
    switch (a.kind) {
    case Attention::Kind::CertificateUntrusted:
        return tr("%1 on %2: the certificate is not trusted yet.").arg(service, host);
    case Attention::Kind::CertificateChanged:
        return tr("%1 on %2: the certificate has CHANGED since you trusted it. Nothing is sent until you decide.")
            .arg(service, host);
    case Attention::Kind::SecretMissing:
        return tr("%1 on %2 needs a secret.").arg(service, host);
    case Attention::Kind::SecretRejected:
        return tr("%1 on %2 refused the stored secret (401).").arg(service, host);
    case Attention::Kind::SecondFactorRequired:
        return a.message.isEmpty() ? tr("%1 on %2 needs a two-factor code to log in.").arg(service, host)
                                   : tr("%1 on %2: the login with the code failed. %3").arg(service, host, a.message);
    case Attention::Kind::KeychainUnavailable:
        return a.message.isEmpty() ? tr("The system keychain is unavailable.")
                                   : tr("The system keychain is unavailable: %1").arg(a.message);
    }
    return {};
}

void AttentionBar::rebuild()
{
    while (QLayoutItem* item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const Attention& a : std::as_const(m_items)) {
        auto* row = new QWidget;
        row->setObjectName(itemName(a.hostId, a.serviceId));
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto* text = new QLabel(itemText(a));
        text->setObjectName(QStringLiteral("attentionText"));
        text->setWordWrap(true);
        if (a.kind == Attention::Kind::CertificateChanged)
            text->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Critical) +
                                QStringLiteral(" font-weight: bold;"));
        h->addWidget(text, 1);
        QString label;
        switch (a.kind) {
        case Attention::Kind::CertificateUntrusted:
            label = tr("Review certificate…");
            break;
        case Attention::Kind::CertificateChanged:
            label = tr("Review changed certificate…");
            break;
        case Attention::Kind::SecretMissing:
        case Attention::Kind::SecretRejected:
            label = tr("Enter secret…");
            break;
        case Attention::Kind::SecondFactorRequired:
            label = tr("Enter code…");
            break;
        case Attention::Kind::KeychainUnavailable:
            label = tr("Options…");
            break;
        }
        auto* button = new QPushButton(label);
        button->setObjectName(buttonName(a.hostId, a.serviceId));
        connect(button, &QPushButton::clicked, this, [this, a] { openPrompt(a); });
        h->addWidget(button);
        m_rows->addWidget(row);
    }
    setVisible(!m_items.isEmpty());
}

QDialog* AttentionBar::openPrompt(const Attention& attention)
{
    if (m_dialog) {
        QDialog* old = m_dialog;
        m_dialog = nullptr;
        old->disconnect(this);
        old->close();
        old->deleteLater();
    }
    QDialog* d = nullptr;
    switch (attention.kind) {
    case Attention::Kind::CertificateUntrusted:
    case Attention::Kind::CertificateChanged:
        d = new CertificateTrustDialog(attention, hostName(attention.hostId), window());
        break;
    case Attention::Kind::SecretMissing:
    case Attention::Kind::SecretRejected: {
        const ServiceConfig* s = service(attention.hostId, attention.serviceId);
        d = new SecretEntryDialog(attention, s ? s->auth : AuthScheme::None, s ? s->user : QString(),
                                  hostName(attention.hostId), window());
        break;
    }
    case Attention::Kind::SecondFactorRequired: {
        const ServiceConfig* s = service(attention.hostId, attention.serviceId);
        d = new SecondFactorDialog(attention, s ? s->user : QString(), hostName(attention.hostId), window());
        break;
    }
    case Attention::Kind::KeychainUnavailable:
        d = new KeychainUnavailableDialog(attention, window());
        break;
    }
    if (!d)
        return nullptr;
    d->setProperty("hlcHostId", attention.hostId);
    d->setProperty("hlcServiceId", attention.serviceId);
    m_dialog = d;
    connect(d, &QDialog::finished, this, [this, attention, d](int result) { finished(attention, d, result); });
    d->open();
    return d;
}

void AttentionBar::finished(const Attention& attention, QDialog* dialog, int result)
{
    if (m_dialog == dialog)
        m_dialog = nullptr;
    dialog->deleteLater();
    if (result != QDialog::Accepted) {
        emit dismissed(attention);
        clear(attention.hostId, attention.serviceId);
        return;
    }
    switch (attention.kind) {
    case Attention::Kind::CertificateUntrusted:
    case Attention::Kind::CertificateChanged:
        emit trustRequested(attention.hostId, attention.serviceId, attention.certificate.sha256);
        break;
    case Attention::Kind::SecretMissing:
    case Attention::Kind::SecretRejected:
        emit secretEntered(attention.hostId, attention.serviceId, static_cast<SecretEntryDialog*>(dialog)->secret());
        break;
    case Attention::Kind::SecondFactorRequired:
        emit secondFactorEntered(attention.hostId, attention.serviceId,
                                 static_cast<SecondFactorDialog*>(dialog)->code());
        break;
    case Attention::Kind::KeychainUnavailable:
        emit sessionOnlyRequested();
        break;
    }
}

} // namespace hlc
