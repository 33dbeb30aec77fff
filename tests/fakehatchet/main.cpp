// fake-hatchet: a stand-in Hatchet REST API for trying the live source without a real server.
// Prints the URL, the tenant and a token; serves until interrupted.
#include "fakehatchet.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fake-hatchet"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A fake Hatchet REST API on 127.0.0.1 serving workers from "
                       "a WorkerList file."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("workers"), QStringLiteral("The WorkerList JSON to serve."),
                      QStringLiteral("FILE"), QStringLiteral(HWI_SAMPLE)});
    parser.addOption({QStringLiteral("port"), QStringLiteral("Port (default: any free one)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("page-cap"),
                      QStringLiteral("Most rows a page holds, whatever limit asks."), QStringLiteral("N"),
                      QString::number(hwi::fake::FakeHatchet::DefaultPageCap)});
    parser.addOption(
        {QStringLiteral("date-now"),
         QStringLiteral("Send the real time as the HTTP Date (default: the data's newest heartbeat "
                        "plus 3 s, so saved data looks as fresh as when it was taken).")});
    parser.addOption({QStringLiteral("before-pagination"),
                      QStringLiteral("Answer as a server before 2026-05-20: no pagination, offset and limit "
                                     "ignored, every row in one answer.")});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    hwi::fake::FakeHatchet server;
    QString error;
    if (!server.loadWorkers(parser.value(QStringLiteral("workers")), &error)) {
        err << "fake-hatchet: " << parser.value(QStringLiteral("workers")) << ": " << error << '\n';
        return 2;
    }
    server.setPageCap(parser.value(QStringLiteral("page-cap")).toInt());
    server.setDateFromData(!parser.isSet(QStringLiteral("date-now")));
    server.setBeforePagination(parser.isSet(QStringLiteral("before-pagination")));
    if (!server.start(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        err << "fake-hatchet: cannot listen on 127.0.0.1\n";
        return 2;
    }
    out << "Fake Hatchet serving " << server.workerCount() << " workers at " << server.url().toString()
        << '\n'
        << "tenant: " << server.tenant() << '\n'
        << "token:  " << server.token() << '\n'
        << "list:   " << server.tenantListUrl().toString() << '\n'
        << "\nTry:\n  HATCHET_CLIENT_TOKEN=" << server.token() << " build/app/hatchet-inspector --connect\n"
        << Qt::flush;
    return QCoreApplication::exec();
}
