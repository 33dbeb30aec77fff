#include "windowsettings.h"

#include <QEvent>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QSplitter>

namespace hwi::views {

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString SplittersGroup = QStringLiteral("splitters/");
const QString ColumnsGroup = QStringLiteral("columns/");

} // namespace

WindowSettings::WindowSettings(QMainWindow* window)
    : QObject(window)
    , m_window(window) {
    window->installEventFilter(this);
}

void WindowSettings::addSplitter(const QString& key, QSplitter* splitter) {
    m_splitters.emplace_back(key, splitter);
}

void WindowSettings::addHeader(const QString& key, QHeaderView* header) {
    m_headers.emplace_back(key, header);
}

void WindowSettings::restore() {
    const QSettings settings;
    m_window->restoreGeometry(settings.value(GeometryKey).toByteArray());
    m_window->restoreState(settings.value(StateKey).toByteArray());
    for (const auto& [key, splitter] : m_splitters) {
        if (splitter)
            splitter->restoreState(settings.value(SplittersGroup + key).toByteArray());
    }
    for (const auto& [key, header] : m_headers) {
        if (header)
            header->restoreState(settings.value(ColumnsGroup + key).toByteArray());
    }
}

void WindowSettings::save() const {
    QSettings settings;
    settings.setValue(GeometryKey, m_window->saveGeometry());
    settings.setValue(StateKey, m_window->saveState());
    for (const auto& [key, splitter] : m_splitters) {
        if (splitter)
            settings.setValue(SplittersGroup + key, splitter->saveState());
    }
    for (const auto& [key, header] : m_headers) {
        if (header)
            settings.setValue(ColumnsGroup + key, header->saveState());
    }
}

bool WindowSettings::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::Close)
        save();
    return QObject::eventFilter(watched, event);
}

QMenu* columnsMenu(QHeaderView& header, QWidget* parent) {
    auto* menu = new QMenu(QObject::tr("Columns"), parent);
    const QAbstractItemModel* model = header.model();
    const int count = header.count();
    int visible = 0;
    for (int logical = 0; logical < count; ++logical)
        visible += header.isSectionHidden(logical) ? 0 : 1;
    for (int visual = 0; visual < count; ++visual) {
        const int logical = header.logicalIndex(visual);
        QString title = model ? model->headerData(logical, header.orientation()).toString() : QString();
        if (title.isEmpty())
            title = QObject::tr("Column %1").arg(logical + 1);
        QAction* action = menu->addAction(title.replace(QLatin1Char('&'), QStringLiteral("&&")));
        action->setCheckable(true);
        action->setChecked(!header.isSectionHidden(logical));
        action->setEnabled(!(action->isChecked() && visible == 1)); // keep one column
        QObject::connect(action, &QAction::toggled, &header, [&header, logical](bool on) {
            header.setSectionHidden(logical, !on);
            if (on && header.sectionSize(logical) < header.minimumSectionSize() * 2)
                header.resizeSection(logical, header.defaultSectionSize());
        });
    }
    menu->addSeparator();
    QAction* all = menu->addAction(QObject::tr("Show &All Columns"), &header, [&header] {
        for (int logical = 0; logical < header.count(); ++logical)
            header.setSectionHidden(logical, false);
    });
    all->setEnabled(visible < count);
    return menu;
}

void addColumnsMenu(QHeaderView& header) {
    header.setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(&header, &QWidget::customContextMenuRequested, &header, [&header](const QPoint& pos) {
        QMenu* menu = columnsMenu(header, &header);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(header.viewport()->mapToGlobal(pos));
    });
}

} // namespace hwi::views
