// The peer process of the whole-process benchmarks: reads each FILE, runs QJsonDocument::fromJson on it and
// exits — what any Qt program that "just opens the JSON" pays, measured beside hatchet-inspector.
//   json_peer FILE...
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        QFile file(QString::fromLocal8Bit(argv[i]));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", argv[i]);
            return 2;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError) {
            std::fprintf(stderr, "%s: %s\n", argv[i], qPrintable(error.errorString()));
            return 1;
        }
    }
    return 0;
}
