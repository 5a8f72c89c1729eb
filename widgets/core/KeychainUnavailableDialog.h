#pragma once

#include "core/ServiceDirectory.h"

#include <QDialog>

namespace hlc {

/**
 * @brief Says that the system keychain cannot be reached (and why), and offers to keep secrets in memory for this
 * session only: "Keep secrets for this session only" accepts, "Cancel" rejects. Secrets are never written to disk
 * in plain text either way.
 */
class KeychainUnavailableDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainUnavailableDialog)
public:
    explicit KeychainUnavailableDialog(Attention attention, QWidget* parent = nullptr);

    [[nodiscard]] const Attention& attention() const { return m_attention; }

private:
    Attention m_attention;
};

} // namespace hlc
