#include "load/hugepages.h"
#include "load/loader.h"
#include <QCoreApplication>
#include <QElapsedTimer>
#include <cstdio>
using namespace hwi;
int main(int argc, char** argv) {
    hwi::load::reexecWithHugePageMalloc(argv);
    QCoreApplication app(argc, argv);
    load::Loader loader;
    QElapsedTimer t;
    int round = 0;
    QObject::connect(&loader, &load::Loader::loaded, [&](auto, load::LoadTimings tm) {
        std::printf("loaded in %lld ms (read %lld, parse %lld)\n", (long long)t.elapsed(), (long long)tm.readMs, (long long)tm.parseMs);
        if (++round < 5) { t.start(); loader.load(QString::fromLocal8Bit(argv[1])); } else app.quit();
    });
    QObject::connect(&loader, &load::Loader::failed, [&](const load::LoadError& e) { std::printf("%s\n", qPrintable(e.toString())); app.quit(); });
    t.start();
    loader.load(QString::fromLocal8Bit(argv[1]));
    return app.exec();
}
