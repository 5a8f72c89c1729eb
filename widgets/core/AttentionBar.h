#pragma once

#include "core/ServiceDirectory.h"

#include <QFrame>
#include <QList>

class QDialog;
class QVBoxLayout;

namespace hlc {

/**
 * @brief The non-modal bar that lists what waits for the user (untrusted or changed certificates, missing or
 * rejected secrets, an unavailable keychain), one line per (host, service) with a button that opens the right
 * dialog. It never opens a dialog by itself.
 *
 * Answers leave as signals (the window routes them to the ServiceDirectory); an item goes when clear() is called
 * for it (the directory's attentionCleared) or when the user declines it.
 */
class AttentionBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttentionBar)
public:
    /// @param config hosts and services, for names and what secret a service needs; must outlive the bar
    explicit AttentionBar(const Config* config, QWidget* parent = nullptr);

    /// Adds @p attention, or replaces the item of the same (host, service).
    void add(const Attention& attention);
    /// Removes the item of (host, service), and closes its dialog if one is open.
    void clear(const QString& hostId, const QString& serviceId);
    [[nodiscard]] const QList<Attention>& items() const { return m_items; }
    /// Opens the dialog that answers @p attention (window-modal, not blocking). Returns it (nullptr: none).
    QDialog* openPrompt(const Attention& attention);
    /// The dialog open now, if any.
    [[nodiscard]] QDialog* openDialog() const { return m_dialog; }

    /// The object name of an item's row ("attentionItem_HOST_SERVICE") and of its button ("attentionButton_...").
    [[nodiscard]] static QString itemName(const QString& hostId, const QString& serviceId);
    [[nodiscard]] static QString buttonName(const QString& hostId, const QString& serviceId);

signals:
    void trustRequested(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex);
    void secretEntered(const QString& hostId, const QString& serviceId, const QString& secret);
    /// The user typed a TOTP code for a Proxmox login that needs a second factor.
    void secondFactorEntered(const QString& hostId, const QString& serviceId, const QString& code);
    void sessionOnlyRequested();
    /// The user declined the prompt (Cancel): the service stays off until asked again.
    void dismissed(const hlc::Attention& attention);

private:
    void rebuild();
    [[nodiscard]] QString hostName(const QString& hostId) const;
    [[nodiscard]] QString itemText(const Attention& a) const;
    [[nodiscard]] const ServiceConfig* service(const QString& hostId, const QString& serviceId) const;
    void finished(const Attention& attention, QDialog* dialog, int result);

    const Config* m_config;
    QList<Attention> m_items;
    QVBoxLayout* m_rows;
    QDialog* m_dialog = nullptr;
};

} // namespace hlc
