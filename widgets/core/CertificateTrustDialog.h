#pragma once

#include "core/ServiceDirectory.h"

#include <QDialog>

class QCheckBox;
class QPushButton;

namespace hlc {

/**
 * @brief Asks whether to trust a service's certificate: who it names, who issued it, when it is valid, the names it
 * covers and the SHA-256 fingerprint grouped for comparing or reading aloud.
 *
 * For an untrusted certificate "Trust this certificate" pins it (accept()), "Cancel" leaves the service off
 * (reject()). For a changed certificate it warns loudly with the old and the new fingerprint; replacing the pin
 * takes a second, explicit step: the "I verified the new certificate" box enables "Replace pin".
 */
class CertificateTrustDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateTrustDialog)
public:
    /// @param hostName the host as the user knows it (empty: the host id is shown)
    explicit CertificateTrustDialog(Attention attention, const QString& hostName = {}, QWidget* parent = nullptr);

    /// The item this dialog answers; on accept() its certificate's fingerprint is the one to pin.
    [[nodiscard]] const Attention& attention() const { return m_attention; }

private:
    Attention m_attention;
    QPushButton* m_trustButton = nullptr;
    QCheckBox* m_verified = nullptr;
};

} // namespace hlc
