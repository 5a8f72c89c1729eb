#pragma once

#include "core/Config.h"
#include "setup/ImportPlan.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hlc {

class SecretStore;

/**
 * @brief The preview of an import (.env file or Homepage's services.yaml / widgets.yaml): one row per entry found,
 * "entry -> host / service / field", each changeable or skipped; secret values masked; the file's unreadable lines
 * listed with their numbers.
 *
 * "Import" applies the rows (ImportPlan), checks the configuration, stores the secrets in the keychain (SecretStore)
 * and returns the new Config; the caller saves the file. Secrets never go into the Config.
 */
class ImportPreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewDialog)
public:
    enum Column
    {
        ImportColumn,
        SourceColumn,
        ValueColumn,
        HostColumn,
        ServiceColumn,
        FieldColumn,
        NoteColumn,
        ColumnCount
    };

    ImportPreviewDialog(const ImportParse& parsed, const Config& current, SecretStore* secrets,
                        QWidget* parent = nullptr);

    /// The rows as the table says now (the user's changes applied).
    [[nodiscard]] QList<ImportRow> rows() const;
    /// The configuration after Import (the current one before).
    [[nodiscard]] const Config& config() const { return m_result; }

    /// Reads a .env file at @p path and runs the preview; the new Config, or std::nullopt (cancelled, unreadable).
    [[nodiscard]] static std::optional<Config> importEnvFile(const QString& path, const Config& current,
                                                             SecretStore* secrets, QWidget* parent = nullptr);
    /// Reads Homepage's services.yaml (and widgets.yaml beside it, if any) and runs the preview.
    [[nodiscard]] static std::optional<Config> importHomepage(const QString& servicesYamlPath, const Config& current,
                                                              SecretStore* secrets, QWidget* parent = nullptr);

signals:
    /// Import finished: secrets stored; the dialog accepts right after.
    void imported(const hlc::Config& config);

private:
    void apply();
    void showError(const QString& text);

    QList<ImportRow> m_rows; ///< as parsed: values (and secrets) live here, the table shows them masked
    Config m_current;
    Config m_result;
    SecretStore* m_secrets;
    int m_pending = 0;
    QStringList m_errors;
    QTableWidget* m_table;
    QLabel* m_error;
    QPushButton* m_import;
};

} // namespace hlc
