// A run's findings as JSONL text (spec/datasets.md "One finding, as JSONL"): one object per
// line, in the order given. The fast writer is what `patrol check` uses; the plain one is the
// reference it is tested against, byte for byte.
#pragma once

#include "core/plugins/check_finding.hpp"

#include <cstddef>
#include <functional>
#include <ostream>
#include <vector>

namespace patrol::plugins {

// Escapes sixteen bytes at a time where the CPU allows and, for many findings, turns every other
// block of them into text on a second thread while this one writes; a few blocks of text are
// held at a time, however many findings there are. `written` (optional) hears how many findings
// have gone out, after each block of them.
void writeFindingsJsonl(std::ostream& out, const std::vector<CheckFinding>& findings,
                        const std::function<void(size_t written)>& written = {});

class FindingArena;
// Whether anything reads the findings' titles and details after they are written: recording
// does; after a dry run nothing does, and the texts' pages can go back as the JSONL goes out.
enum class TextsAfterwards { ReadAgain, NotNeeded };
// The same from the arena's views: no finding is copied out of it.
void writeFindingsJsonl(std::ostream& out, const FindingArena& findings, const std::function<void(size_t written)>& written = {},
                        TextsAfterwards afterwards = TextsAfterwards::ReadAgain);

// One finding, one byte at a time, one line at a time: slow, obviously right.
void writeFindingsJsonlPlainly(std::ostream& out, const std::vector<CheckFinding>& findings);

}  // namespace patrol::plugins
