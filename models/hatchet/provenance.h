#pragma once

#include "json/document.h"

#include <QDate>
#include <QString>

#include <vector>

namespace hwi::hatchet {

// Who wrote the bytes of a saved document, as far as their layout tells.
enum class Writer {
    HatchetCli,  // `hatchet worker … -o json`: Go MarshalIndent of the CLI's own struct
    RestCompact, // the raw REST body (curl, the browser's network tab): compact, on one line
    OtherTool,   // anything else: reformatted, edited or produced by another program
};

// One field that dates the server: present (or, for `pagination` on a list, absent) it means the server
// is from `after` on and/or from before `before` (a null date: no bound that side).
struct EraClue {
    QString field; // e.g. "slotConfig", "no pagination"
    QDate after;
    QDate before;
};

struct Provenance {
    Writer writer = Writer::OtherTool;
    std::vector<EraClue> clues; // lower bounds newest first, then upper bounds oldest first
    QDate after;                // the latest lower bound of the clues; null when none
    QDate before;               // the earliest upper bound; null when none

    // The clues cannot all hold at once (fields of different eras, e.g. slotConfig beside maxRuns).
    bool conflicting() const { return after.isValid() && before.isValid() && after >= before; }
};

// Reads the writer from the source bytes and member order and the server era from the fields present.
// Pure and cheap: the era fields are looked up among the top-level members of every worker object, the
// layout of a big document is judged on a sample of its nodes (see provenance.cpp).
Provenance provenanceOf(const json::Document& document);

// "hatchet CLI (-o json: re-encoded, unknown fields dropped)", "REST API response (compact)" or "another
// tool (reformatted)".
QString writerText(Writer writer);
// E.g. "after 2026-05-20 (pagination, slotConfig)", "before 2026-02-17 (maxRuns)".
QString serverEraText(const Provenance& provenance);

} // namespace hwi::hatchet
