#pragma once

#include <QColor>
#include <QFrame>
#include <QRect>
#include <QString>

#include <vector>

namespace hwi::models {
struct FleetFigures;
}

namespace hwi::views {

// "1 worker", "3 workers".
QString workersText(int count);

// The base of the Fleet page's pictures: a framed panel with a title, painted with QPainter in the
// palette's colours (light and dark alike), an empty-state text, and tooltips for the rectangles a chart
// registers while it paints. Subclasses read FleetFigures and paint their area.
class ChartPanel : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartPanel)

public:
    ~ChartPanel() override;

    void setFigures(const models::FleetFigures* figures);
    QString title() const { return m_title; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // One horizontal bar's part.
    struct Segment {
        double value = 0;
        QColor color;
    };

protected:
    ChartPanel(const QString& title, QWidget* parent);

    const models::FleetFigures* figures() const { return m_figures; }
    // The area below the title; says `emptyText()` instead when it is not empty.
    virtual void paintChart(QPainter& painter, const QRect& area) = 0;
    virtual QString emptyText() const { return {}; }

    // Hover text for a rectangle painted this time.
    void addTip(const QRect& rect, const QString& text);
    int lineHeight() const;
    QColor textColor() const;
    QColor mutedColor() const; // secondary text, axes, tracks
    // A row: the label left (elided to labelWidth), the segments as a bar scaled so that `scale` fills it,
    // valueText right of the bar. The bar's track shows where `scale` ends.
    void drawBarRow(QPainter& painter, const QRect& row, int labelWidth, const QString& label,
                    const std::vector<Segment>& segments, double scale, const QString& valueText,
                    const QColor& labelColor = {});
    // "+N more" in muted text.
    void drawMore(QPainter& painter, const QRect& row, const QString& text);

    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QString m_title;
    const models::FleetFigures* m_figures = nullptr;
    struct Tip {
        QRect rect;
        QString text;
    };
    std::vector<Tip> m_tips;
};

} // namespace hwi::views
