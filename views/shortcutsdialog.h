#pragma once

#include <QDialog>
#include <QString>

#include <vector>

class QTreeWidget;

namespace hwi::views {

struct ShortcutEntry {
    QString action; // "Open…", without mnemonic ampersands
    QString keys;   // native text, several separated by ", "
    QString where;  // "File", "File > Export", "Context menu", "Window"
};

// Every shortcut of window, read from its QActions (menus, tool bars, context menus) and QShortcuts, in
// menu order, each once.
std::vector<ShortcutEntry> shortcutEntries(const QWidget& window);

// Help > Keyboard Shortcuts: the entries above as a filterable table.
class ShortcutsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(QWidget* window);

    QTreeWidget* list() const { return m_list; }

private:
    QTreeWidget* m_list;
};

} // namespace hwi::views
