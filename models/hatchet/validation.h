#pragma once

#include "problem.h"

#include <functional>
#include <vector>

namespace hwi::hatchet {

// Checks a Worker object against the spec (both schema eras) and appends what it finds:
// error = a required field missing or a known field of the wrong JSON type; warning = an unknown enum
// value, a malformed uuid or date-time, a duplicate member key (in any object within, described by the
// schema or not); info = an unknown field.
void validateWorker(const json::Document& doc, json::NodeId worker, std::vector<Problem>& out);
// Checks a WorkerList envelope and every worker in its rows.
void validateWorkerList(const json::Document& doc, json::NodeId list, std::vector<Problem>& out);
// Checks each element of a bare array of workers.
void validateWorkerArray(const json::Document& doc, json::NodeId array, std::vector<Problem>& out);
// Warns about every object member whose key repeats an earlier one in the same object (both are kept): for a
// document without a schema; the functions above say it of what they check.
void findDuplicateKeys(const json::Document& doc, std::vector<Problem>& out);

// The same work in parts that can run at once; the parts' problems, concatenated in the order of the whole
// (envelope, then rows in order) and sorted by offset as Snapshot does, are those of the functions above.
// A WorkerList without the workers in its rows array.
void validateWorkerListEnvelope(const json::Document& doc, json::NodeId list, json::NodeId rows,
                                std::vector<Problem>& out);
// Elements [from, to) of an array of workers (a list's rows or a bare array). afterEach, when given, is
// called with each worker object right after it is checked, while its text is still in cache.
void validateWorkers(const json::Document& doc, json::NodeId array, std::uint32_t from, std::uint32_t to,
                     std::vector<Problem>& out, const std::function<void(json::NodeId)>& afterEach = {});
// Duplicate keys in the objects with ids [from, to).
void findDuplicateKeys(const json::Document& doc, json::NodeId from, json::NodeId to,
                       std::vector<Problem>& out);

bool isUuid(std::string_view text);

} // namespace hwi::hatchet
