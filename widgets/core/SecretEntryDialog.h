#pragma once

#include "core/ServiceDirectory.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace hlc {

/**
 * @brief Asks for a service's secret: names the host, the service and what secret it needs (API token secret,
 * password, API key, long-lived token, ...), and says whether none is stored or the stored one was refused.
 *
 * The old secret is never shown; the field echoes as a password. accept() only with a non-empty secret.
 */
class SecretEntryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretEntryDialog)
public:
    /// @param auth, user the service's configured scheme and user (they decide what the secret is)
    /// @param hostName the host as the user knows it (empty: the host id is shown)
    SecretEntryDialog(Attention attention, AuthScheme auth, const QString& user, const QString& hostName = {},
                      QWidget* parent = nullptr);

    [[nodiscard]] const Attention& attention() const { return m_attention; }
    /// What the user typed.
    [[nodiscard]] QString secret() const;

private:
    Attention m_attention;
    QLineEdit* m_edit;
    QPushButton* m_save;
};

} // namespace hlc
