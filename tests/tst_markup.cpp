// Text from the data is never markup (issue 12, bug 7): a worker with HTML planted in every string field,
// opened in the window, shows that HTML as literal text in every label, tooltip, message and title.
#include "mainwindow.h"
#include "messagebar.h"
#include "temporarysettings.h"
#include "workertableview.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHelpEvent>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>
#include <QTreeView>

using namespace hwi;

namespace {

const QString Markup =
    QStringLiteral("<h1 style=\"color:red\">INJECTED</h1><a href=\"https://evil.example/\">click</a>");

// The JSON string literal of the markup with a distinguishing suffix.
QByteArray planted(const char* where) {
    QString text = Markup + QLatin1String(where);
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return '"' + text.toUtf8() + '"';
}

// A worker list (old era, so `slots` and `webhookUrl` are meaningful) with markup in every string field.
QByteArray fixture() {
    QByteArray json = R"({"rows": [{
  "actions": [@action1, @action2],
  "availableRuns": 2,
  "dispatcherId": @dispatcher,
  "labels": [{"key": @labelkey, "metadata": {"createdAt": "2026-01-10T10:00:00Z", "id": @labelid,
              "updatedAt": "2026-01-10T10:00:00Z"}, "value": @labelvalue}],
  "lastHeartbeatAt": "2026-01-10T12:00:00Z",
  "lastListenerEstablished": @listener,
  "maxRuns": 4,
  "metadata": {"createdAt": "2026-01-10T10:00:00Z", "id": @id, "updatedAt": "2026-01-10T12:00:00Z"},
  "name": @name,
  "recentStepRuns": [{"actionId": @recentaction, "metadata": {"createdAt": "2026-01-10T11:00:00Z",
                      "id": @recentid, "updatedAt": "2026-01-10T11:00:00Z"}, "startedAt": "2026-01-10T11:00:00Z",
                      "status": @recentstatus, "workflowRunId": @recentrun}],
  "registeredWorkflows": [{"id": @workflowid, "name": @workflowname}],
  "runtimeInfo": {"language": @language, "languageVersion": @languageversion, "os": @os,
                  "runtimeExtra": @extra, "sdkVersion": @sdk},
  "slots": [{"actionId": @slotaction, "startedAt": "2026-01-10T11:59:00Z", "status": @slotstatus,
             "stepRunId": @slotstep, "timeoutAt": "2026-01-10T12:05:00Z", "workflowRunId": @slotrun},
            {"actionId": "", "stepRunId": "00000000-0000-0000-0000-000000000000",
             "workflowRunId": "00000000-0000-0000-0000-000000000000"}],
  "status": @status,
  "type": @type,
  "webhookId": @webhookid,
  "webhookUrl": @webhookurl,
  @unknownkey: @unknownvalue
}]}
)";
    const char* const fields[] = {
        "action1",   "action2",    "dispatcher",   "labelkey",     "labelid",         "labelvalue",
        "listener",  "id",         "name",         "recentaction", "recentid",        "recentstatus",
        "recentrun", "workflowid", "workflowname", "language",     "languageversion", "os",
        "extra",     "sdk",        "slotaction",   "slotstatus",   "slotstep",        "slotrun",
        "status",    "type",       "webhookid",    "webhookurl",   "unknownkey",      "unknownvalue"};
    // Longest names first, so "@recentaction" is not read as "@recent" + "action".
    std::vector<const char*> sorted(std::begin(fields), std::end(fields));
    std::sort(sorted.begin(), sorted.end(),
              [](const char* a, const char* b) { return qstrlen(a) > qstrlen(b); });
    for (const char* field : sorted)
        json.replace(QByteArray("@").append(field), planted(field));
    return json;
}

// True when the text, shown by a widget that renders rich text when Qt::mightBeRichText() says so, reaches
// the user with no live markup: plain text, or rich text in which the planted tags are escaped.
bool showsAsPlainText(const QString& text, Qt::TextFormat format = Qt::AutoText) {
    if (format == Qt::PlainText)
        return true;
    if (format == Qt::AutoText && !Qt::mightBeRichText(text))
        return true;
    return !text.contains(QLatin1String("<h1"), Qt::CaseInsensitive) &&
           !text.contains(QLatin1String("<a href"), Qt::CaseInsensitive);
}

QString describe(const QObject* object) {
    QStringList path;
    for (const QObject* o = object; o; o = o->parent())
        path.prepend(QString::fromLatin1(o->metaObject()->className()) +
                     (o->objectName().isEmpty() ? QString() : QLatin1Char('#') + o->objectName()));
    return path.join(QLatin1Char('/'));
}

// Makes the view visible inside the window: current page of every stack, shown dock and parents.
void reveal(QWidget* widget, QWidget* window) {
    for (QWidget* w = widget; w && w != window; w = w->parentWidget()) {
        if (auto* stack = qobject_cast<QStackedWidget*>(w->parentWidget()))
            stack->setCurrentWidget(w);
        if (!w->isVisibleTo(w->parentWidget() ? w->parentWidget() : window))
            w->show();
    }
}

void allIndexes(const QAbstractItemModel* model, const QModelIndex& parent, QModelIndexList& out) {
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            out << index;
            if (column == 0)
                allIndexes(model, index, out);
        }
    }
}

} // namespace

class TestMarkup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void labelsShowDataAsPlainText();
    void tooltipsShowDataAsPlainText();
    void messagesShowDataAsPlainText();

private:
    // Opens the fixture and selects the worker.
    bool openFixture();

    TemporarySettings m_settings;
    QTemporaryDir m_dir;
    std::unique_ptr<views::MainWindow> m_window;
};

void TestMarkup::init() {
    m_window = std::make_unique<views::MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
}

void TestMarkup::cleanup() {
    QToolTip::hideText();
    m_window.reset();
}

bool TestMarkup::openFixture() {
    QFile file(m_dir.filePath(QStringLiteral("markup.json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(fixture()) < 0)
        return false;
    file.close();
    QSignalSpy shown(m_window.get(), &views::MainWindow::snapshotShown);
    m_window->open(file.fileName());
    if (!shown.wait(10000) || m_window->workerTable()->model()->rowCount() != 1)
        return false;
    m_window->workerTable()->selectRow(0);
    QTest::qWait(50);
    return true;
}

void TestMarkup::labelsShowDataAsPlainText() {
    QVERIFY(openFixture());
    int shownData = 0;
    for (QLabel* label : m_window->findChildren<QLabel*>()) {
        const QString text = label->text();
        QVERIFY2(showsAsPlainText(text, label->textFormat()),
                 qPrintable(describe(label) + QStringLiteral(": ") + text));
        shownData += text.contains(QLatin1String("INJECTED"));
    }
    QVERIFY(shownData > 0); // the detail header at least shows the name
    // Every widget's and action's own tooltip.
    for (QWidget* widget : m_window->findChildren<QWidget*>())
        QVERIFY2(showsAsPlainText(widget->toolTip()),
                 qPrintable(describe(widget) + QStringLiteral(": ") + widget->toolTip()));
    for (QAction* action : m_window->findChildren<QAction*>())
        QVERIFY2(showsAsPlainText(action->toolTip()),
                 qPrintable(describe(action) + QStringLiteral(": ") + action->toolTip()));
    QVERIFY(showsAsPlainText(m_window->statusBar()->currentMessage(), Qt::PlainText)); // painted as text
}

void TestMarkup::tooltipsShowDataAsPlainText() {
    QVERIFY(openFixture());
    int checked = 0;
    int withMarkup = 0;
    for (QAbstractItemView* view : m_window->findChildren<QAbstractItemView*>()) {
        if (!view->model())
            continue;
        reveal(view, m_window.get());
        QTest::qWait(20);
        if (auto* tree = qobject_cast<QTreeView*>(view))
            tree->expandAll();
        QModelIndexList indexes;
        allIndexes(view->model(), view->rootIndex(), indexes);
        for (const QModelIndex& index : indexes) {
            const QString data = index.data(Qt::ToolTipRole).toString();
            if (data.isEmpty())
                continue;
            view->scrollTo(index);
            const QRect rect = view->visualRect(index);
            if (!rect.isValid() || !view->viewport()->rect().contains(rect.center()))
                continue;
            QToolTip::hideText();
            QHelpEvent help(QEvent::ToolTip, rect.center(), view->viewport()->mapToGlobal(rect.center()));
            QApplication::sendEvent(view->viewport(), &help);
            const QString tip = QToolTip::text();
            QVERIFY2(!tip.isEmpty(), qPrintable(describe(view) + QStringLiteral(": no tooltip for ") + data));
            QVERIFY2(showsAsPlainText(tip), qPrintable(describe(view) + QStringLiteral(": tooltip ") + tip));
            // What the user reads is the data itself, markup as literal text.
            if (Qt::mightBeRichText(tip)) {
                QTextDocument shown;
                shown.setHtml(tip);
                QVERIFY2(shown.toPlainText().simplified().contains(data.simplified()),
                         qPrintable(describe(view) + QStringLiteral(": ") + shown.toPlainText()));
            }
            ++checked;
            withMarkup += data.contains(QLatin1String("INJECTED"));
        }
    }
    QVERIFY2(withMarkup >= 3,
             qPrintable(QString::number(withMarkup))); // worker id, times, problems, raw JSON
    QVERIFY(checked >= withMarkup);
}

void TestMarkup::messagesShowDataAsPlainText() {
    QVERIFY(openFixture());
    // A broken file whose name is markup: the error names it in the message bar.
    const QString name = QStringLiteral("<h1 style=\"color:red\">INJECTED.json");
    QFile broken(m_dir.filePath(name));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"rows\": [ {\"name\" \"x\"} ]}");
    broken.close();
    views::MessageBar* bar = m_window->messageBar();
    m_window->open(broken.fileName());
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isHidden(), 10000);
    QVERIFY(bar->text().contains(QLatin1String("INJECTED")));
    for (QLabel* label : bar->findChildren<QLabel*>())
        QVERIFY2(showsAsPlainText(label->text(), label->textFormat()), qPrintable(label->text()));
    for (QLabel* label : m_window->statusBar()->findChildren<QLabel*>())
        QVERIFY2(showsAsPlainText(label->text(), label->textFormat()), qPrintable(label->text()));
    QVERIFY(showsAsPlainText(m_window->statusBar()->currentMessage(), Qt::PlainText));
}

QTEST_MAIN(TestMarkup)
#include "tst_markup.moc"
