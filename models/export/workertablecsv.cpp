#include "workertablecsv.h"

#include "analysis/diff.h"
#include "hatchet/health.h"
#include "itemmodels/workertablemodel.h"
#include "jsonwriter.h"
#include "tableexport.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QIODevice>

#include <algorithm>

namespace hwi::exporting {

using models::WorkerTableModel;

namespace {

struct Row {
    QModelIndex first; // the row's first cell in `rows`, for the model's roles
    hatchet::WorkerView worker;
};

std::vector<Row> rowsOf(const hatchet::Snapshot& snapshot, const QAbstractItemModel& rows) {
    std::vector<Row> out;
    for (int row = 0; row < rows.rowCount(); ++row) {
        const QModelIndex first = rows.index(row, 0);
        if (const auto worker = snapshot.findWorker(first.data(WorkerTableModel::WorkerIndexRole).toInt()))
            out.push_back({first, *worker});
    }
    return out;
}

// The slot types of the rows, default first, then in byte order.
QStringList slotTypesOf(const std::vector<Row>& rows) {
    QStringList types;
    for (const Row& row : rows) {
        for (const auto& capacity : row.worker.slotCapacities()) {
            if (!types.contains(capacity.slotType))
                types << capacity.slotType;
        }
    }
    std::sort(types.begin(), types.end(), [](const QString& a, const QString& b) {
        const bool aDefault = a == QLatin1String("default");
        const bool bDefault = b == QLatin1String("default");
        return aDefault != bDefault ? aDefault : a < b;
    });
    return types;
}

// UTC as Hatchet writes it, with Z; another offset as written.
QString timeText(const hatchet::TimeValue& value) {
    if (value.state != hatchet::TimeValue::Valid)
        return value.text;
    if (value.time.offsetSeconds == 0)
        return QDateTime::fromMSecsSinceEpoch(value.time.msecsSinceEpoch, Qt::UTC)
            .toString(Qt::ISODateWithMs);
    return value.time.toIsoString();
}

QString number(const std::optional<std::int64_t>& value) {
    return value ? QString::number(*value) : QString();
}

QStringList header(int column, const QStringList& slotTypes) {
    switch (column) {
    case WorkerTableModel::NameColumn:
        return {QStringLiteral("name")};
    case WorkerTableModel::StatusColumn:
        return {QStringLiteral("status")};
    case WorkerTableModel::TypeColumn:
        return {QStringLiteral("type")};
    case WorkerTableModel::LastHeartbeatColumn:
        return {QStringLiteral("last_heartbeat_at")};
    case WorkerTableModel::SlotsColumn: {
        QStringList names;
        for (const QString& type : slotTypes)
            names << type + QStringLiteral("_used") << type + QStringLiteral("_limit");
        return names;
    }
    case WorkerTableModel::LabelsColumn:
        return {QStringLiteral("labels")};
    case WorkerTableModel::ActionsColumn:
        return {QStringLiteral("actions")};
    case WorkerTableModel::WorkflowsColumn:
        return {QStringLiteral("workflows")};
    case WorkerTableModel::SdkColumn:
        return {QStringLiteral("sdk_language"), QStringLiteral("sdk_version")};
    case WorkerTableModel::DispatcherColumn:
        return {QStringLiteral("dispatcher_id")};
    case WorkerTableModel::CreatedColumn:
        return {QStringLiteral("created_at")};
    case WorkerTableModel::HealthColumn:
        return {QStringLiteral("health")};
    case WorkerTableModel::ChangeColumn:
        return {QStringLiteral("change")};
    case WorkerTableModel::UsageColumn:
        return {QStringLiteral("usage")};
    }
    return {};
}

QStringList values(const Row& row, int column, const QStringList& slotTypes) {
    const hatchet::WorkerView& worker = row.worker;
    const QString joiner = QStringLiteral(";");
    switch (column) {
    case WorkerTableModel::NameColumn:
        return {worker.name()};
    case WorkerTableModel::StatusColumn:
        return {worker.status()};
    case WorkerTableModel::TypeColumn:
        return {worker.type()};
    case WorkerTableModel::LastHeartbeatColumn:
        return {timeText(worker.lastHeartbeatAt())};
    case WorkerTableModel::SlotsColumn: {
        const auto capacities = worker.slotCapacities();
        QStringList out;
        for (const QString& type : slotTypes) {
            const auto found = std::find_if(capacities.begin(), capacities.end(),
                                            [&](const auto& capacity) { return capacity.slotType == type; });
            if (found == capacities.end())
                out << QString() << QString();
            else
                out << number(found->used()) << number(found->limit);
        }
        return out;
    }
    case WorkerTableModel::LabelsColumn: {
        QStringList labels;
        for (const auto& label : worker.labelTexts())
            labels << (label.hasValue ? label.key + QLatin1Char('=') + label.value : label.key);
        return {labels.join(joiner)};
    }
    case WorkerTableModel::ActionsColumn:
        return {worker.actions().join(joiner)};
    case WorkerTableModel::WorkflowsColumn: {
        QStringList names;
        for (const auto& workflow : worker.registeredWorkflows())
            names << workflow.name;
        return {names.join(joiner)};
    }
    case WorkerTableModel::SdkColumn: {
        const auto runtime = worker.runtimeInfo();
        return {runtime.language, runtime.sdkVersion};
    }
    case WorkerTableModel::DispatcherColumn:
        return {worker.dispatcherId()};
    case WorkerTableModel::CreatedColumn:
        return {timeText(worker.metadata().createdAt)};
    case WorkerTableModel::HealthColumn: {
        const QVariant states = row.first.siblingAtColumn(column).data(WorkerTableModel::HealthStatesRole);
        return {states.isValid()
                    ? hatchet::healthStateId(hatchet::firstState(hatchet::HealthStates(states.toInt())))
                    : QString()};
    }
    case WorkerTableModel::ChangeColumn: {
        const int kind = row.first.data(WorkerTableModel::ChangeKindRole).toInt();
        return {kind < 0 ? QString() : analysis::changeKindId(analysis::ChangeKind(kind))};
    }
    case WorkerTableModel::UsageColumn: {
        QStringList used;
        for (const QVariant& value :
             row.first.siblingAtColumn(column).data(WorkerTableModel::UsageSeriesRole).toList())
            used << value.toString();
        return {used.join(joiner)};
    }
    }
    return {};
}

void appendRecord(QByteArray& out, const QStringList& fields) {
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append(csvField(fields[i]));
    }
    out.append("\r\n", 2);
}

} // namespace

QStringList workerTableCsvHeader(const hatchet::Snapshot& snapshot, const QAbstractItemModel& rows,
                                 const std::vector<int>& columns) {
    const QStringList slotTypes = slotTypesOf(rowsOf(snapshot, rows));
    QStringList names;
    for (const int column : columns)
        names << header(column, slotTypes);
    return names;
}

QByteArray workerTableToCsv(const hatchet::Snapshot& snapshot, const QAbstractItemModel& rows,
                            const std::vector<int>& columns, int* records) {
    const std::vector<Row> exported = rowsOf(snapshot, rows);
    if (records)
        *records = int(exported.size());
    const QStringList slotTypes = slotTypesOf(exported);
    QByteArray out;
    QStringList names;
    for (const int column : columns)
        names << header(column, slotTypes);
    appendRecord(out, names);
    for (const Row& row : exported) {
        QStringList fields;
        for (const int column : columns)
            fields << values(row, column, slotTypes);
        appendRecord(out, fields);
    }
    return out;
}

bool writeWorkerTableCsv(QIODevice& device, const hatchet::Snapshot& snapshot, const QAbstractItemModel& rows,
                         const std::vector<int>& columns) {
    const QByteArray csv = workerTableToCsv(snapshot, rows, columns);
    return writeAll(device, csv.constData(), csv.size());
}

} // namespace hwi::exporting
