#pragma once

#include <QStringList>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStringListModel;
class QToolButton;

namespace hwi::views {

// The query box above the worker table: typing is debounced into queryChanged(); a malformed query turns
// the box red with the parser's message; quick status toggles and the label picker write into the same
// text, and every label term shows as a removable chip beside the box. Toggles and chips follow the parsed
// query (filter::Query), never a pattern of their own.
class FilterBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(QWidget* parent = nullptr);

    QString query() const;
    void setQuery(const QString& query); // emits queryChanged at once
    void focusQuery();
    // An empty error clears the red state.
    void setError(const QString& error);
    // The parser's message shown under the box; empty when the query is valid.
    QString errorText() const;
    // Advice about a valid query (Query::hints(), one per line), shown in amber under the box and as its
    // tooltip; the query still applies. Empty clears it. Hidden while an error shows.
    void setHint(const QString& hint);
    QString hintText() const;
    void setCounts(int shown, int total);
    QString countsText() const; // "N of M workers"
    // What the label picker offers, from the loaded workers: `key` (any value) and `key=value`.
    void setLabelChoices(const QStringList& choices);
    // The label terms shown as chips, as typed (e.g. "label:gpu=a100"), in query order.
    QStringList chipTexts() const;
    // Removes the chip's term from the query (as its x button does).
    void removeChip(int index);
    QLineEdit* edit() const { return m_edit; }

Q_SIGNALS:
    void queryChanged(const QString& query);

private:
    void emitQuery();
    void toggleStatus(const QString& status, bool on);
    void syncWithQuery();
    void rebuildChips(const QStringList& terms);
    void remember(const QString& query);

    QLineEdit* m_edit;
    QLabel* m_counts;
    QLabel* m_error;
    QLabel* m_hint;
    QComboBox* m_labels;
    QWidget* m_chipRow;
    std::vector<QToolButton*> m_chips;
    std::vector<std::pair<QString, QToolButton*>> m_statusButtons;
    QStringListModel* m_recent;
    QTimer m_debounce;
};

} // namespace hwi::views
