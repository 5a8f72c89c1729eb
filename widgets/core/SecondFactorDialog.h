#pragma once

#include "core/ServiceDirectory.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace hlc {

/**
 * @brief Asks for the TOTP code of a Proxmox account with two-factor authentication (Attention::Kind::
 * SecondFactorRequired): names the host and the account, shows the attention's message in red when there is one
 * (why the last code was refused), and accepts a code of 6 to 8 digits (spaces ignored).
 *
 * The code is used for one login and never stored.
 */
class SecondFactorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecondFactorDialog)
public:
    /// @param user the Proxmox account (USER@REALM); @param hostName the host as the user knows it
    SecondFactorDialog(Attention attention, const QString& user, const QString& hostName = {},
                       QWidget* parent = nullptr);

    [[nodiscard]] const Attention& attention() const { return m_attention; }
    /// The code typed, digits only.
    [[nodiscard]] QString code() const;
    /// True when @p text (spaces ignored) is 6 to 8 digits.
    [[nodiscard]] static bool isCode(const QString& text);

private:
    Attention m_attention;
    QLineEdit* m_edit;
    QPushButton* m_login;
};

} // namespace hlc
