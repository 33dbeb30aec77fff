#pragma once

#include <QDateTime>
#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace hwi::views {

class HistoryMarks;

// The captures of a live session, oldest left: one mark each (its time and worker count in the tooltip), the
// capture on screen filled, the older side of a comparison outlined. A click shows a capture, Ctrl+click or
// Shift+click compares it with the one on screen, Latest follows the refreshes again. Left/Right (with
// the marks focused) step through the captures. It only shows what it is told and says what was picked.
class HistoryStrip final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStrip)

public:
    struct Capture {
        QDateTime time; // invalid when unknown
        int workers = 0;
    };

    explicit HistoryStrip(QWidget* parent = nullptr);

    void setCaptures(QList<Capture> captures);
    const QList<Capture>& captures() const { return m_captures; }
    // The capture on screen and the older one it is compared with (-1: none).
    void setShown(int entry, bool followingLatest);
    void setCompared(int entry);
    int shown() const { return m_shown; }
    int compared() const { return m_compared; }
    bool isFollowingLatest() const { return m_following; }

    // Where a capture's mark is, in the strip's coordinates (for tests and tooltips).
    QRect markRect(int entry) const;
    QString markToolTip(int entry) const;
    QString rangeText() const;
    QPushButton* latestButton() const { return m_latest; }

Q_SIGNALS:
    void entryPicked(int entry);
    void pairPicked(int older, int newer);
    void latestRequested();

private:
    friend class HistoryMarks;
    void pick(int entry, Qt::KeyboardModifiers modifiers);
    void updateTexts();

    QList<Capture> m_captures;
    int m_shown = -1;
    int m_compared = -1;
    bool m_following = true;
    QLabel* m_title;
    HistoryMarks* m_marks;
    QLabel* m_range;
    QPushButton* m_latest;
};

} // namespace hwi::views
