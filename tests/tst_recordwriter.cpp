// The one writer behind every tabular command: the same records as tsv, csv and json, and control
// characters from the data never reaching a terminal raw.
#include "export/recordwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hwi::exporting;

namespace {

const QStringList Header = {QStringLiteral("NAME"), QStringLiteral("FREE"), QStringLiteral("NOTE")};

QString written(RecordFormat format, const QList<QStringList>& records, TsvBreaks breaks = TsvBreaks::Space) {
    QString text;
    QTextStream out(&text);
    RecordWriter writer(out, format, Header, breaks);
    writer.setNumericColumns({1});
    for (const QStringList& record : records)
        writer.record(record);
    writer.finish();
    out.flush();
    return text;
}

const QList<QStringList> Records = {
    {QStringLiteral("evil\u001b[31mRED"), QStringLiteral("3"), QStringLiteral("a,b \"q\"")},
    {QStringLiteral("tab\there"), QStringLiteral("?"), QStringLiteral("line\nbreak")},
};

} // namespace

class TestRecordWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tsv() {
        QCOMPARE(written(RecordFormat::Tsv, Records), QStringLiteral("NAME\tFREE\tNOTE\n"
                                                                     "evil\\u001b[31mRED\t3\ta,b \"q\"\n"
                                                                     "tab here\t?\tline break\n"));
        QCOMPARE(written(RecordFormat::Tsv, Records, TsvBreaks::Escape),
                 QStringLiteral("NAME\tFREE\tNOTE\n"
                                "evil\\u001b[31mRED\t3\ta,b \"q\"\n"
                                "tab\\there\t?\tline\\nbreak\n"));
    }

    void csv() {
        QCOMPARE(written(RecordFormat::Csv, Records),
                 QStringLiteral("NAME,FREE,NOTE\r\n"
                                "evil\\u001b[31mRED,3,\"a,b \"\"q\"\"\"\r\n"
                                "tab\there,?,\"line\nbreak\"\r\n"));
    }

    void json() {
        const QString text = written(RecordFormat::Json, Records);
        QVERIFY(text.endsWith(QLatin1Char('\n')));
        QVERIFY(!text.contains(QChar(0x1b))); // JSON's own escape
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray rows = document.array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].toObject()[QStringLiteral("NAME")].toString(), QStringLiteral("evil\u001b[31mRED"));
        QCOMPARE(rows[0].toObject()[QStringLiteral("FREE")].toInteger(), 3);
        QVERIFY(rows[1].toObject()[QStringLiteral("FREE")].isNull()); // "?": unknown
        QCOMPARE(rows[1].toObject()[QStringLiteral("NOTE")].toString(), QStringLiteral("line\nbreak"));
    }

    // A backslash is doubled only where tsv escapes; a clean cell is written as it is.
    void tsvBackslashes() {
        const QList<QStringList> records = {
            {QStringLiteral("C:\\tmp\\n"), QStringLiteral("1"), QStringLiteral("plain")}};
        QCOMPARE(written(RecordFormat::Tsv, records),
                 QStringLiteral("NAME\tFREE\tNOTE\nC:\\tmp\\n\t1\tplain\n"));
        QCOMPARE(written(RecordFormat::Tsv, records, TsvBreaks::Escape),
                 QStringLiteral("NAME\tFREE\tNOTE\nC:\\\\tmp\\\\n\t1\tplain\n"));
    }

    // Records formatted apart (as parts made on other threads) and written in order are what record()
    // writes, in every format, from the first record on and after records written one by one.
    void formattedInPartsAsOneByOne() {
        QList<QStringList> records = Records;
        for (int i = 0; i < 7; ++i)
            records << QStringList{QStringLiteral("w%1").arg(i), QString::number(i),
                                   QStringLiteral("n\t%1").arg(i)};
        for (const RecordFormat format : {RecordFormat::Tsv, RecordFormat::Csv, RecordFormat::Json}) {
            for (const qsizetype oneByOne : {0, 2}) {
                QString text;
                QTextStream out(&text);
                RecordWriter writer(out, format, Header);
                writer.setNumericColumns({1});
                for (qsizetype i = 0; i < oneByOne; ++i)
                    writer.record(records[i]);
                const bool noneYet = !writer.hasRecords();
                QCOMPARE(noneYet, oneByOne == 0);
                for (qsizetype from = oneByOne; from < records.size(); from += 3) {
                    QString part;
                    const qsizetype to = std::min(records.size(), from + 3);
                    for (qsizetype i = from; i < to; ++i)
                        writer.formatRecord(records[i], noneYet && i == 0, part);
                    writer.writeFormatted(part);
                }
                writer.finish();
                out.flush();
                QCOMPARE(text, written(format, records));
            }
        }
    }

    void headerOnly() {
        QCOMPARE(written(RecordFormat::Tsv, {}), QStringLiteral("NAME\tFREE\tNOTE\n"));
        QCOMPARE(written(RecordFormat::Csv, {}), QStringLiteral("NAME,FREE,NOTE\r\n"));
        QCOMPARE(written(RecordFormat::Json, {}), QStringLiteral("[]\n"));
    }

    void everyControlCharacterIsEscaped() {
        for (char16_t c = 0; c < 0xa0; ++c) {
            const bool control = c < 0x20 || (c >= 0x7f && c < 0xa0);
            if (!control || c == '\t' || c == '\n' || c == '\r')
                continue;
            const QString value = QStringLiteral("a") + QChar(c) + QStringLiteral("b");
            const QString expected = QStringLiteral("a\\u%1b").arg(unsigned(c), 4, 16, QLatin1Char('0'));
            QCOMPARE(escapeControls(value), expected);
            for (const RecordFormat format : {RecordFormat::Tsv, RecordFormat::Csv}) {
                const QString text = written(format, {{value, QStringLiteral("1"), QString()}});
                QVERIFY2(!text.contains(QChar(c)), qPrintable(QString::number(c)));
                QVERIFY(text.contains(expected));
            }
        }
    }

    void names() {
        QCOMPARE(recordFormatFromName(QStringLiteral("csv")), RecordFormat::Csv);
        QCOMPARE(recordFormatFromName(QStringLiteral("CSV")), std::nullopt);
        QCOMPARE(recordFormatNames(),
                 (QStringList{QStringLiteral("tsv"), QStringLiteral("csv"), QStringLiteral("json")}));
    }
};

QTEST_GUILESS_MAIN(TestRecordWriter)
#include "tst_recordwriter.moc"
