#include "slotbardelegate.h"
#include "itemmodels/workertablemodel.h"
#include "palette.h"
#include "plaintooltips.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <optional>

namespace hwi::views {

namespace {

constexpr int HMargin = 4;
constexpr int VMargin = 2;
constexpr int Gap = 8; // between text and bar
constexpr int MinBarWidth = 40;

struct Entry {
    QString type;
    std::optional<qint64> used;
    std::optional<qint64> limit;

    // "default 3/5", "durable ?/5"
    QString label() const {
        const auto number = [](const std::optional<qint64>& n) {
            return n ? QString::number(*n) : QStringLiteral("?");
        };
        return type % QLatin1Char(' ') % number(used) % QLatin1Char('/') % number(limit);
    }
    // "default: 3 used, 2 available of 5"
    QString sentence() const {
        if (used && limit)
            return SlotBarDelegate::tr("%1: %2 used, %3 available of %4")
                .arg(type)
                .arg(*used)
                .arg(*limit - *used)
                .arg(*limit);
        if (limit)
            return SlotBarDelegate::tr("%1: limit %2, usage unknown").arg(type).arg(*limit);
        return SlotBarDelegate::tr("%1: capacity unknown").arg(type);
    }
};

std::optional<qint64> number(const QVariant& value) {
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    return value.isValid() && ok ? std::optional<qint64>(n) : std::nullopt;
}

std::vector<Entry> entriesOf(const QModelIndex& index, int role) {
    std::vector<Entry> out;
    const QVariantList list = index.data(role).toList();
    out.reserve(list.size());
    for (const QVariant& item : list) {
        const QVariantMap map = item.toMap();
        out.push_back({map.value(QStringLiteral("type")).toString(),
                       number(map.value(QStringLiteral("used"))),
                       number(map.value(QStringLiteral("limit")))});
    }
    return out;
}

QColor fillColor(qint64 used, qint64 limit, const QPalette& palette) {
    if (used >= limit)
        return healthColor(models::HealthLevel::Bad, palette);
    return healthColor(used * 4 >= limit * 3 ? models::HealthLevel::Warning : models::HealthLevel::Good,
                       palette);
}

void drawBar(QPainter& painter, const QRectF& rect, const Entry& entry, const QPalette& palette) {
    const qreal radius = qMin<qreal>(2, rect.height() / 2);
    QColor track = palette.color(QPalette::Text);
    track.setAlphaF(0.14f);
    painter.setPen(Qt::NoPen);
    if (!entry.used || !entry.limit) {
        QColor outline = healthColor(models::HealthLevel::Unknown, palette);
        painter.setPen(QPen(outline, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
        return;
    }
    painter.setBrush(track);
    painter.drawRoundedRect(rect, radius, radius);
    if (*entry.limit <= 0 || *entry.used <= 0)
        return;
    const qreal fraction = qMin<qreal>(1.0, qreal(*entry.used) / qreal(*entry.limit));
    painter.setBrush(fillColor(*entry.used, *entry.limit, palette));
    painter.drawRoundedRect(QRectF(rect.left(), rect.top(), rect.width() * fraction, rect.height()), radius,
                            radius);
}

} // namespace

SlotBarDelegate::SlotBarDelegate(QObject* parent)
    : SlotBarDelegate(models::WorkerTableModel::SlotCapacitiesRole, parent) {}

SlotBarDelegate::SlotBarDelegate(int capacitiesRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_role(capacitiesRole) {}

void SlotBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, option.widget);

    const std::vector<Entry> entries = entriesOf(index, m_role);
    const QRect area = option.rect.adjusted(HMargin, VMargin, -HMargin, -VMargin);
    if (entries.empty() || area.width() <= 0 || area.height() <= 0)
        return;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(option.font);
    const QFontMetrics& fm = option.fontMetrics;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor textColor = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const int count = int(entries.size());
    const int lineHeight = fm.height();
    const int barHeight = qMax(4, lineHeight / 3);

    if (area.height() >= count * lineHeight) {
        // One line per type: "default 3/5" in a column wide enough for the widest label (and for a
        // typical one, so bars line up from row to row), bar beside it.
        int textWidth = fm.horizontalAdvance(QStringLiteral("default 00/00"));
        for (const Entry& e : entries)
            textWidth = qMax(textWidth, fm.horizontalAdvance(e.label()) + 1); // +1: fractional advances
        textWidth = qMin(textWidth, qMax(0, area.width() - Gap - MinBarWidth));
        const int top = area.top() + (area.height() - count * lineHeight) / 2;
        for (int i = 0; i < count; ++i) {
            const QRect line(area.left(), top + i * lineHeight, area.width(), lineHeight);
            painter->setPen(textColor);
            painter->drawText(QRect(line.left(), line.top(), textWidth, lineHeight),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              fm.elidedText(entries[i].label(), Qt::ElideRight, textWidth));
            const QRectF bar(line.left() + textWidth + Gap, line.top() + (lineHeight - barHeight) / 2.0,
                             line.width() - textWidth - Gap, barHeight);
            if (bar.width() > 0)
                drawBar(*painter, bar, entries[i], option.palette);
        }
    } else {
        // Row too short for a line per type: the labels on one line, thin bars stacked at the right.
        QStringList labels;
        for (const Entry& e : entries)
            labels << e.label();
        const QString text = labels.join(QStringLiteral("  "));
        const int textWidth = qMin(fm.horizontalAdvance(text) + 1, qMax(0, area.width() - Gap - MinBarWidth));
        painter->setPen(textColor);
        painter->drawText(QRect(area.left(), area.top(), textWidth, area.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideRight, textWidth));
        const qreal step = qreal(area.height()) / count;
        const qreal thickness = qMax<qreal>(2, step - 2);
        for (int i = 0; i < count; ++i) {
            const QRectF bar(area.left() + textWidth + Gap, area.top() + i * step + (step - thickness) / 2,
                             area.width() - textWidth - Gap, thickness);
            if (bar.width() > 0)
                drawBar(*painter, bar, entries[i], option.palette);
        }
    }
    painter->restore();
}

QSize SlotBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const std::vector<Entry> entries = entriesOf(index, m_role);
    const QFontMetrics& fm = option.fontMetrics;
    int textWidth = fm.horizontalAdvance(QStringLiteral("default 00/00"));
    for (const Entry& e : entries)
        textWidth = qMax(textWidth, fm.horizontalAdvance(e.label()) + 1);
    const int lines = qMax(1, int(entries.size()));
    return {2 * HMargin + textWidth + Gap + 2 * MinBarWidth, 2 * VMargin + lines * fm.height()};
}

bool SlotBarDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (!event || event->type() != QEvent::ToolTip || !index.isValid() ||
        index.data(Qt::ToolTipRole).isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const std::vector<Entry> entries = entriesOf(index, m_role);
    if (entries.empty())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QStringList lines;
    for (const Entry& e : entries)
        lines << e.sentence();
    QToolTip::showText(event->globalPos(), plainToolTip(lines.join(QLatin1Char('\n'))), view, option.rect);
    return true;
}

} // namespace hwi::views
