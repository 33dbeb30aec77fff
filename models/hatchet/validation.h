#pragma once

#include "problem.h"

#include <vector>

namespace hwi::hatchet {

// Checks a Worker object against the spec (both schema eras) and appends what it finds:
// error = a required field missing or a known field of the wrong JSON type; warning = an unknown enum
// value, a malformed uuid or date-time, a duplicate member key; info = an unknown field.
void validateWorker(const json::Document& doc, json::NodeId worker, std::vector<Problem>& out);
// Checks a WorkerList envelope and every worker in its rows.
void validateWorkerList(const json::Document& doc, json::NodeId list, std::vector<Problem>& out);
// Checks each element of a bare array of workers.
void validateWorkerArray(const json::Document& doc, json::NodeId array, std::vector<Problem>& out);
// Warns about every object member whose key repeats an earlier one in the same object (both are kept).
void findDuplicateKeys(const json::Document& doc, std::vector<Problem>& out);

bool isUuid(std::string_view text);

} // namespace hwi::hatchet
