#include "setup/ImportPreviewDialog.h"

#include "core/ConfigStore.h"
#include "core/SecretStore.h"
#include "core/ServiceText.h"
#include "setup/EnvImport.h"
#include "setup/HomepageImport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hlc {

namespace {

constexpr ImportRow::Field kFields[] = {ImportRow::Field::Address, ImportRow::Field::Url,
                                        ImportRow::Field::User,    ImportRow::Field::Secret,
                                        ImportRow::Field::Node,    ImportRow::Field::Environment};

} // namespace

ImportPreviewDialog::ImportPreviewDialog(const ImportParse& parsed, const Config& current, SecretStore* secrets,
                                         QWidget* parent)
    : QDialog(parent)
    , m_rows(parsed.rows)
    , m_current(current)
    , m_result(current)
    , m_secrets(secrets)
{
    setObjectName(QStringLiteral("importPreviewDialog"));
    setWindowTitle(tr("Import preview"));
    resize(1000, 600);
    auto* v = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Each entry found and where it goes. Untick what you do not want, or change its host, "
                                "service or field. Secrets go to the keychain, never to the configuration file."));
    intro->setWordWrap(true);
    v->addWidget(intro);

    m_table = new QTableWidget(static_cast<int>(m_rows.size()), ColumnCount);
    m_table->setObjectName(QStringLiteral("importTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Import"), tr("Entry"), tr("Value"), tr("Host"), tr("Service"), tr("Field"), tr("Note")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int i = 0; i < m_rows.size(); ++i) {
        const ImportRow& r = m_rows.at(i);
        auto* check = new QTableWidgetItem;
        check->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        check->setCheckState(r.import ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(i, ImportColumn, check);
        auto* source = new QTableWidgetItem(r.line > 0 ? tr("%1 (line %2)").arg(r.source).arg(r.line) : r.source);
        source->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(i, SourceColumn, source);
        auto* value = new QTableWidgetItem(r.displayValue());
        value->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(i, ValueColumn, value);
        m_table->setItem(i, HostColumn, new QTableWidgetItem(r.host));
        auto* kind = new QComboBox;
        for (int k = 0; k <= static_cast<int>(ServiceKind::N8n); ++k)
            kind->addItem(serviceKindTitle(static_cast<ServiceKind>(k)), k);
        kind->setCurrentIndex(kind->findData(static_cast<int>(r.kind)));
        m_table->setCellWidget(i, ServiceColumn, kind);
        auto* field = new QComboBox;
        for (ImportRow::Field f : kFields)
            field->addItem(ImportPlan::fieldName(f), static_cast<int>(f));
        field->setCurrentIndex(field->findData(static_cast<int>(r.field)));
        // A secret stays a secret: its value must not be turned into a config field (which would be written out).
        field->setEnabled(!r.isSecret());
        m_table->setCellWidget(i, FieldColumn, field);
        kind->setEnabled(r.field != ImportRow::Field::Address);
        connect(field, &QComboBox::currentIndexChanged, kind, [kind, field] {
            kind->setEnabled(static_cast<ImportRow::Field>(field->currentData().toInt()) != ImportRow::Field::Address);
        });
        auto* note = new QTableWidgetItem(r.note);
        note->setFlags(Qt::ItemIsEnabled);
        note->setToolTip(r.note);
        m_table->setItem(i, NoteColumn, note);
    }
    m_table->resizeColumnsToContents();
    v->addWidget(m_table, 1);

    auto* problems = new QLabel;
    problems->setObjectName(QStringLiteral("problemsLabel"));
    problems->setWordWrap(true);
    QStringList lines;
    for (const ImportProblem& p : parsed.problems)
        lines << (p.line > 0 ? tr("Line %1: %2").arg(p.line).arg(p.text) : p.text);
    problems->setText(lines.isEmpty() ? QString() : tr("Not read:\n%1").arg(lines.join(QLatin1Char('\n'))));
    problems->setVisible(!lines.isEmpty());
    v->addWidget(problems);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("importError"));
    m_error->setWordWrap(true);
    m_error->hide();
    v->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportPreviewDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QList<ImportRow> ImportPreviewDialog::rows() const
{
    QList<ImportRow> out = m_rows;
    for (int i = 0; i < out.size(); ++i) {
        ImportRow& r = out[i];
        r.import = m_table->item(i, ImportColumn)->checkState() == Qt::Checked;
        r.host = m_table->item(i, HostColumn)->text().trimmed();
        r.kind = static_cast<ServiceKind>(
            qobject_cast<QComboBox*>(m_table->cellWidget(i, ServiceColumn))->currentData().toInt());
        r.field = static_cast<ImportRow::Field>(
            qobject_cast<QComboBox*>(m_table->cellWidget(i, FieldColumn))->currentData().toInt());
    }
    return out;
}

void ImportPreviewDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_import->setEnabled(true);
}

void ImportPreviewDialog::apply()
{
    showError({});
    const ImportApplied a = ImportPlan::apply(rows(), m_current);
    if (const auto error = ConfigStore::validate(a.config)) {
        showError(tr("The result would not be a valid configuration: %1").arg(error->toString()));
        return;
    }
    if (!a.secrets.isEmpty() && !m_secrets) {
        showError(tr("No keychain is available to store the secrets."));
        return;
    }
    m_import->setEnabled(false);
    m_errors.clear();
    m_pending = static_cast<int>(a.secrets.size());
    const auto done = [this, config = a.config] {
        if (!m_errors.isEmpty()) {
            showError(tr("The secrets could not be stored in the keychain, nothing was imported: %1")
                          .arg(m_errors.join(QStringLiteral("; "))));
            return;
        }
        m_result = config;
        emit imported(config);
        accept();
    };
    if (m_pending == 0) {
        done();
        return;
    }
    for (const auto& [key, secret] : a.secrets) {
        m_secrets->write(key, secret, this, [this, done, key = key](const SecretResult& r) {
            if (!r.ok())
                m_errors << tr("%1: %2").arg(key, r.message);
            if (--m_pending == 0)
                done();
        });
    }
}

std::optional<Config> ImportPreviewDialog::importEnvFile(const QString& path, const Config& current,
                                                         SecretStore* secrets, QWidget* parent)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const ImportParse parsed = EnvImport::parse(f.read(4 * 1024 * 1024), tr("Imported host"));
    ImportPreviewDialog d(parsed, current, secrets, parent);
    if (d.exec() != QDialog::Accepted)
        return std::nullopt;
    return d.config();
}

std::optional<Config> ImportPreviewDialog::importHomepage(const QString& servicesYamlPath, const Config& current,
                                                          SecretStore* secrets, QWidget* parent)
{
    QFile f(servicesYamlPath);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    ImportParse parsed = HomepageImport::parseServices(f.read(4 * 1024 * 1024));
    QFile widgets(QFileInfo(servicesYamlPath).dir().filePath(QStringLiteral("widgets.yaml")));
    if (widgets.open(QIODevice::ReadOnly)) {
        const ImportParse w = HomepageImport::parseWidgets(widgets.read(4 * 1024 * 1024));
        parsed.rows << w.rows;
        for (ImportProblem p : w.problems) {
            p.text = QStringLiteral("widgets.yaml: ") + p.text;
            parsed.problems << p;
        }
    }
    ImportPreviewDialog d(parsed, current, secrets, parent);
    if (d.exec() != QDialog::Accepted)
        return std::nullopt;
    return d.config();
}

} // namespace hlc
