#include "core/WindowState.h"

#include "core/TableSizing.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

namespace hlc::windowstate {

namespace {
const QString kGroup = QStringLiteral("window");

QString segment(const QObject* o)
{
    if (!o->objectName().isEmpty())
        return o->objectName();
    int n = 0;
    if (const QObject* parent = o->parent()) {
        for (const QObject* sibling : parent->children()) {
            if (sibling == o)
                break;
            if (sibling->metaObject() == o->metaObject() && sibling->objectName().isEmpty())
                ++n;
        }
    }
    return QStringLiteral("%1#%2").arg(QLatin1String(o->metaObject()->className())).arg(n);
}

/// Every splitter and item-view header below @p root with its key.
template<typename Fn> void forEachKept(const QWidget* root, Fn fn)
{
    for (QSplitter* s : root->findChildren<QSplitter*>())
        fn(QStringLiteral("splitter/") + pathOf(s, root), s);
    for (QAbstractItemView* v : root->findChildren<QAbstractItemView*>()) {
        QHeaderView* h = nullptr;
        if (auto* table = qobject_cast<QTableView*>(v))
            h = table->horizontalHeader();
        else if (auto* tree = qobject_cast<QTreeView*>(v))
            h = tree->header();
        if (h)
            fn(QStringLiteral("header/") + pathOf(v, root), h);
    }
}

QByteArray stateOf(QWidget* w)
{
    if (auto* splitter = qobject_cast<QSplitter*>(w))
        return splitter->saveState();
    if (auto* header = qobject_cast<QHeaderView*>(w))
        return header->saveState();
    return {};
}

bool restoreStateOf(QWidget* w, const QByteArray& state)
{
    if (auto* splitter = qobject_cast<QSplitter*>(w))
        return splitter->restoreState(state);
    if (auto* header = qobject_cast<QHeaderView*>(w)) {
        if (!header->restoreState(state))
            return false;
        header->setProperty(tablesizing::kRestoredProperty, true); // the user's widths win over the fitted ones
        return true;
    }
    return false;
}
} // namespace

QString pathOf(const QObject* widget, const QObject* root)
{
    QStringList parts;
    for (const QObject* o = widget; o && o != root; o = o->parent())
        parts.prepend(segment(o));
    return parts.join(QLatin1Char('/'));
}

QString tabKey(const QTabWidget* tabs, int index)
{
    const QWidget* page = tabs->widget(index);
    if (page && !page->objectName().isEmpty())
        return page->objectName();
    return tabs->tabText(index);
}

void saveGeometry(const QMainWindow* window)
{
    QSettings s;
    s.beginGroup(kGroup);
    s.setValue(QStringLiteral("geometry"), window->saveGeometry());
}

bool restoreGeometry(QMainWindow* window)
{
    QSettings s;
    s.beginGroup(kGroup);
    const QByteArray g = s.value(QStringLiteral("geometry")).toByteArray();
    return !g.isEmpty() && window->restoreGeometry(g);
}

void saveContent(const QWidget* root, const QTabWidget* tabs)
{
    QSettings s;
    s.beginGroup(kGroup);
    if (tabs && tabs->currentIndex() >= 0)
        s.setValue(QStringLiteral("tab"), tabKey(tabs, tabs->currentIndex()));
    forEachKept(root, [&s](const QString& key, QWidget* w) { s.setValue(key, stateOf(w)); });
}

int restoreContent(QWidget* root, QTabWidget* tabs)
{
    QSettings s;
    s.beginGroup(kGroup);
    int restored = 0;
    forEachKept(root, [&s, &restored](const QString& key, QWidget* w) {
        const QByteArray state = s.value(key).toByteArray();
        if (!state.isEmpty() && restoreStateOf(w, state))
            ++restored;
    });
    if (tabs) {
        const QString tab = s.value(QStringLiteral("tab")).toString();
        for (int i = 0; i < tabs->count() && !tab.isEmpty(); ++i) {
            if (tabKey(tabs, i) == tab) {
                tabs->setCurrentIndex(i);
                break;
            }
        }
    }
    return restored;
}

namespace {
/// A line edit the user types a filter into (not the one inside a combo box or spin box).
bool isOwnLineEdit(const QLineEdit* e)
{
    const QWidget* p = e->parentWidget();
    return !e->isReadOnly() && !qobject_cast<const QComboBox*>(p) && !qobject_cast<const QAbstractSpinBox*>(p);
}
} // namespace

ContentSnapshot captureContent(const QWidget* root)
{
    ContentSnapshot snap;
    forEachKept(root, [&snap](const QString& key, QWidget* w) { snap.insert(key, stateOf(w)); });
    for (const QTabWidget* t : root->findChildren<QTabWidget*>())
        snap.insert(QStringLiteral("tabs/") + pathOf(t, root), t->currentIndex());
    for (const QComboBox* c : root->findChildren<QComboBox*>()) {
        if (c->currentIndex() >= 0)
            snap.insert(QStringLiteral("combo/") + pathOf(c, root), c->currentText());
    }
    for (const QLineEdit* e : root->findChildren<QLineEdit*>()) {
        if (isOwnLineEdit(e) && !e->text().isEmpty())
            snap.insert(QStringLiteral("edit/") + pathOf(e, root), e->text());
    }
    for (const QCheckBox* b : root->findChildren<QCheckBox*>())
        snap.insert(QStringLiteral("check/") + pathOf(b, root), b->isChecked());
    return snap;
}

int applyContent(QWidget* root, const ContentSnapshot& snapshot)
{
    if (snapshot.isEmpty())
        return 0;
    int applied = 0;
    // Choices first (an instance chosen may fill the widgets after it), then what was typed, then the pages.
    for (QComboBox* c : root->findChildren<QComboBox*>()) {
        const auto it = snapshot.constFind(QStringLiteral("combo/") + pathOf(c, root));
        const int index = it == snapshot.cend() ? -1 : c->findText(it->toString());
        if (index >= 0 && index != c->currentIndex()) {
            c->setCurrentIndex(index);
            ++applied;
        }
    }
    for (QLineEdit* e : root->findChildren<QLineEdit*>()) {
        const auto it = snapshot.constFind(QStringLiteral("edit/") + pathOf(e, root));
        if (it != snapshot.cend() && isOwnLineEdit(e) && e->text() != it->toString()) {
            e->setText(it->toString());
            ++applied;
        }
    }
    for (QCheckBox* b : root->findChildren<QCheckBox*>()) {
        const auto it = snapshot.constFind(QStringLiteral("check/") + pathOf(b, root));
        if (it != snapshot.cend() && b->isChecked() != it->toBool()) {
            b->setChecked(it->toBool());
            ++applied;
        }
    }
    for (QTabWidget* t : root->findChildren<QTabWidget*>()) {
        const auto it = snapshot.constFind(QStringLiteral("tabs/") + pathOf(t, root));
        const int index = it == snapshot.cend() ? -1 : it->toInt();
        if (index >= 0 && index < t->count()) {
            t->setCurrentIndex(index);
            ++applied;
        }
    }
    forEachKept(root, [&snapshot, &applied](const QString& key, QWidget* w) {
        const QByteArray state = snapshot.value(key).toByteArray();
        if (!state.isEmpty() && restoreStateOf(w, state))
            ++applied;
    });
    return applied;
}

} // namespace hlc::windowstate
