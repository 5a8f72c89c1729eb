#include "core/CertificateTrustDialog.h"

#include "core/ServiceText.h"
#include "core/StatusColors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace hlc {

namespace {
QLabel* valueLabel(const QString& objectName, const QString& text)
{
    auto* l = new QLabel(text.isEmpty() ? QStringLiteral("–") : text);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QLabel* fingerprintLabel(const QString& objectName, const QString& grouped)
{
    // Two lines of 16 pairs each, in a fixed-width font, so it can be compared pair by pair.
    QString text = grouped;
    if (text.size() > 48)
        text.replace(47, 1, QLatin1Char('\n'));
    auto* l = valueLabel(objectName, text);
    l->setWordWrap(false);
    l->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return l;
}

QString dateText(const QDateTime& t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::LongFormat) : QStringLiteral("–");
}
} // namespace

CertificateTrustDialog::CertificateTrustDialog(Attention attention, const QString& hostName, QWidget* parent)
    : QDialog(parent)
    , m_attention(std::move(attention))
{
    setObjectName(QStringLiteral("certificateTrustDialog"));
    const bool changed = m_attention.kind == Attention::Kind::CertificateChanged;
    const CertificateInfo& cert = m_attention.certificate;
    const QString host = hostName.isEmpty() ? m_attention.hostId : hostName;
    const QString service = serviceKindTitle(m_attention.serviceKind);
    setWindowTitle(changed ? tr("Certificate changed") : tr("Trust this certificate?"));

    auto* v = new QVBoxLayout(this);
    auto* intro = new QLabel;
    intro->setObjectName(QStringLiteral("certificateIntro"));
    intro->setWordWrap(true);
    if (changed) {
        intro->setText(tr("<b>The certificate of %1 on %2 has changed.</b> It no longer matches the one you trusted. "
                          "Nothing is sent to this service (no request, no secret) until you decide. This is "
                          "expected after the certificate was renewed or the server reinstalled; otherwise someone "
                          "may be intercepting the connection.")
                           .arg(service.toHtmlEscaped(), host.toHtmlEscaped()));
        intro->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Critical));
    } else {
        intro->setText(tr("%1 on %2 presented a certificate that is not signed by an authority this computer trusts "
                          "(self-signed certificates are common in a homelab). Compare the fingerprint below with the "
                          "one shown on the server before you trust it.")
                           .arg(service, host));
    }
    v->addWidget(intro);

    auto* form = new QFormLayout;
    form->addRow(tr("Service:"), valueLabel(QStringLiteral("certificateService"),
                                            tr("%1 (%2) on %3").arg(service, m_attention.serviceId, host)));
    form->addRow(tr("Address:"), valueLabel(QStringLiteral("certificateHostPort"), m_attention.hostPort));
    form->addRow(tr("Subject:"), valueLabel(QStringLiteral("certificateSubject"), cert.subject));
    form->addRow(tr("Issuer:"), valueLabel(QStringLiteral("certificateIssuer"),
                                           cert.selfSigned ? tr("%1 (self-signed)").arg(cert.issuer) : cert.issuer));
    form->addRow(tr("Valid from:"), valueLabel(QStringLiteral("certificateValidFrom"), dateText(cert.notBefore)));
    auto* until = valueLabel(QStringLiteral("certificateValidUntil"), dateText(cert.notAfter));
    if (!cert.isNull() && cert.isExpired()) {
        until->setText(tr("%1 (expired)").arg(until->text()));
        until->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Critical));
    }
    form->addRow(tr("Valid until:"), until);
    form->addRow(tr("Names:"), valueLabel(QStringLiteral("certificateSans"),
                                          cert.subjectAlternativeNames.isEmpty()
                                              ? tr("none")
                                              : cert.subjectAlternativeNames.join(QStringLiteral(", "))));
    if (changed) {
        form->addRow(tr("Trusted (old) SHA-256:"),
                     fingerprintLabel(QStringLiteral("oldFingerprint"),
                                      CertificateInfo::groupFingerprint(m_attention.pinnedSha256)));
        form->addRow(tr("Presented (new) SHA-256:"),
                     fingerprintLabel(QStringLiteral("newFingerprint"), cert.groupedFingerprint()));
    } else {
        form->addRow(tr("SHA-256 fingerprint:"),
                     fingerprintLabel(QStringLiteral("certificateFingerprint"), cert.groupedFingerprint()));
    }
    v->addLayout(form);

    auto* buttons = new QDialogButtonBox;
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    if (changed) {
        m_verified = new QCheckBox(tr("I verified the new certificate on the server"));
        m_verified->setObjectName(QStringLiteral("verifiedNewCertificateCheck"));
        v->addWidget(m_verified);
        m_trustButton = buttons->addButton(tr("Replace pin"), QDialogButtonBox::AcceptRole);
        m_trustButton->setObjectName(QStringLiteral("replacePinButton"));
        m_trustButton->setEnabled(false);
        connect(m_verified, &QCheckBox::toggled, m_trustButton, &QPushButton::setEnabled);
        cancel->setDefault(true);
    } else {
        m_trustButton = buttons->addButton(tr("Trust this certificate"), QDialogButtonBox::AcceptRole);
        m_trustButton->setObjectName(QStringLiteral("trustCertificateButton"));
        cancel->setDefault(true); // trusting is a decision, never the Enter key's
    }
    m_trustButton->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_trustButton->isEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
}

} // namespace hlc
