#pragma once

#include "json/document.h"

#include <QString>

namespace hwi::hatchet {

enum class Severity { Error, Warning, Info };

QString severityName(Severity severity); // "error", "warning", "info"

// One finding of validation against the Hatchet spec.
struct Problem {
    Severity severity = Severity::Error;
    QString pointer;                  // JSON pointer of the offending (or missing) value
    json::NodeId node = json::NoNode; // the value, or the object a missing field belongs in
    QString message;
};

} // namespace hwi::hatchet
