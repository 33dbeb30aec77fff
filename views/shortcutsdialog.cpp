#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace hwi::views {

namespace {

QString withoutMnemonic(QString text) {
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

QString keysText(const QList<QKeySequence>& keys) {
    QStringList texts;
    for (const QKeySequence& key : keys) {
        if (!key.isEmpty())
            texts << key.toString(QKeySequence::NativeText);
    }
    return texts.join(QStringLiteral(", "));
}

// "File > Export" for a submenu; a menu with no title is a context menu.
QString menuPath(const QMenu& menu) {
    if (menu.title().isEmpty())
        return QObject::tr("Context menu");
    QString path = withoutMnemonic(menu.title());
    for (const QObject* object : menu.menuAction()->associatedObjects()) {
        if (const auto* parent = qobject_cast<const QMenu*>(object))
            return menuPath(*parent) + QStringLiteral(" > ") + path;
    }
    return path;
}

QString whereOf(const QAction& action) {
    for (const QObject* object : action.associatedObjects()) {
        if (const auto* menu = qobject_cast<const QMenu*>(object))
            return menuPath(*menu);
    }
    return QObject::tr("Window");
}

// Menu bar actions first, in menu order, so the list reads like the menus.
void collectMenuOrder(const QList<QAction*>& actions, std::vector<const QAction*>& ordered) {
    for (const QAction* action : actions) {
        ordered.push_back(action);
        if (action->menu())
            collectMenuOrder(action->menu()->actions(), ordered);
    }
}

} // namespace

std::vector<ShortcutEntry> shortcutEntries(const QWidget& window) {
    std::vector<const QAction*> ordered;
    if (const auto* mainWindow = qobject_cast<const QMainWindow*>(&window);
        mainWindow && mainWindow->menuBar())
        collectMenuOrder(mainWindow->menuBar()->actions(), ordered);
    for (const QAction* action : window.findChildren<QAction*>()) {
        if (std::find(ordered.begin(), ordered.end(), action) == ordered.end())
            ordered.push_back(action);
    }
    std::vector<ShortcutEntry> entries;
    std::set<std::pair<QString, QString>> seen; // the two raw JSON views share their context menu's keys
    for (const QAction* action : ordered) {
        const QString keys = keysText(action->shortcuts());
        if (keys.isEmpty() || action->isSeparator())
            continue;
        ShortcutEntry entry{withoutMnemonic(action->text()), keys, whereOf(*action)};
        if (seen.insert({entry.action, entry.keys}).second)
            entries.push_back(std::move(entry));
    }
    for (const QShortcut* shortcut : window.findChildren<QShortcut*>()) {
        const QString keys = keysText(shortcut->keys());
        const QString text = shortcut->whatsThis().isEmpty() ? shortcut->objectName() : shortcut->whatsThis();
        if (!keys.isEmpty() && seen.insert({text, keys}).second)
            entries.push_back({text, keys, QObject::tr("Window")});
    }
    return entries;
}

ShortcutsDialog::ShortcutsDialog(QWidget* window)
    : QDialog(window)
    , m_list(new QTreeWidget(this)) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto* filter = new QLineEdit(this);
    filter->setPlaceholderText(tr("Filter…"));
    filter->setClearButtonEnabled(true);
    filter->setAccessibleName(tr("Filter shortcuts"));
    auto* filterLabel = new QLabel(tr("&Search:"), this);
    filterLabel->setBuddy(filter);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Action"), tr("Shortcut"), tr("Where")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    for (const ShortcutEntry& entry : shortcutEntries(*window))
        new QTreeWidgetItem(m_list, {entry.action, entry.keys, entry.where});
    for (int column = 0; column < 3; ++column)
        m_list->resizeColumnToContents(column);
    connect(filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
            QTreeWidgetItem* item = m_list->topLevelItem(row);
            bool match = text.isEmpty();
            for (int column = 0; column < 3 && !match; ++column)
                match = item->text(column).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
        }
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* search = new QHBoxLayout;
    search->addWidget(filterLabel);
    search->addWidget(filter, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(search);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(560, 480);
}

} // namespace hwi::views
