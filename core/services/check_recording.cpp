#include "core/services/check_recording.hpp"

#include <patrol/sdk/civil.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <future>
#include <string>
#include <system_error>
#include <vector>

#include "core/domain/finding_status.hpp"
#include "core/domain/severity.hpp"
#include "core/plugins/finding_arena.hpp"
#include "core/services/finding_service.hpp"
#include "core/store/batched_insert.hpp"
#include "core/services/record_json.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/clock.hpp"
#include "core/store/database.hpp"
#include "core/store/finding_record.hpp"
#include "core/store/version_moved_once.hpp"

namespace patrol::services {

namespace {

int64_t nextFindingId(store::Database& db) {
    auto st = db.prepare("SELECT coalesce(max(id), 0) + 1 FROM findings");
    st.step();
    return st.integer(0);
}

Poco::JSON::Object::Ptr runJson(const CheckRunInfo& run) {
    Poco::JSON::Array::Ptr plugins = new Poco::JSON::Array;
    for (const auto& p : run.plugins) {
        auto o = jsonObject();
        o->set("plugin", p.id);
        o->set("data_digest", p.dataDigest.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(p.dataDigest));
        o->set("rows_read", static_cast<Poco::UInt64>(p.rowsRead));
        plugins->add(o);
    }
    auto o = jsonObject();
    o->set("plugins", plugins);
    o->set("as_of", run.asOf ? Poco::Dynamic::Var(civil::formatDate(*run.asOf)) : Poco::Dynamic::Var());
    return o;
}

// What every row of one recording shares.
struct RowConstants {
    int64_t firstId = 0;
    int64_t roundId = 0;
    std::string_view status;
    std::string_view actor;
    std::string_view createdAt;
};

// "check:<plugin>/<rule>", the findings.source of a check's finding.
void sourceOf(const CheckFindingFields& f, std::string& source) { source.assign("check:").append(f.plugin).append("/").append(f.rule); }

// A severity's code as stored (checked before the transaction began).
std::string_view severityCode(std::string_view severity) { return domain::severities.code(domain::severities.parse(severity)); }

// The records of the rows as inserted (each row's canonical text, in the order of
// recordedFindingColumns, and its digest) and the digest over them all. They need only the
// columns, not the database: computed from the same CheckFindingFields the inserts bind.
struct RowDigests {
    std::vector<store::RecordedRow> records;
    std::string recordsDigest;
};

RowDigests digestRows(const CheckFindingSource& findings, const std::vector<AdmittedFinding>& rows, const RowConstants& c) {
    RowDigests out;
    out.records.reserve(rows.size());
    store::RecordsDigest digest;
    store::CanonicalRow canonical;
    std::string source, refsScratch;
    std::array<char, 64> hex;
    int64_t id = c.firstId;
    for (const AdmittedFinding& row : rows) {
        // Copied: this thread runs beside the inserts, whose reads let go of the mapped texts.
        const CheckFindingFields f = findings.copiedFields(row.finding, refsScratch);
        sourceOf(f, source);
        canonical.clear();
        canonical.integer(id).integer(c.roundId).integer(row.unitId).text(f.category).text(f.title).text(f.detail);
        canonical.text(severityCode(f.severity)).optionalInteger(f.amountFen).null().null().text(source).text(f.refsJson);
        canonical.text(f.fingerprint).text(c.status).null().integer(0).null();
        if (f.rectificationKind) canonical.text(*f.rectificationKind);
        else canonical.null();
        canonical.text(c.actor).text(c.createdAt);
        const store::RecordedRow& record = out.records.emplace_back(canonical.finish());
        digest.add(id++, record.rowDigest(hex));
    }
    out.recordsDigest = digest.hex();
    return out;
}

// The rows themselves, in id order from c.firstId, told in findings of the check.
void insertRows(store::Database& db, const CheckFindingSource& findings, const std::vector<AdmittedFinding>& rows,
                const RowConstants& c, size_t alreadyRecorded, const ProgressSink* progress) {
    // 0.4 s less CPU for 326,111 findings than a version moved per row (version_moved_once.hpp).
    const store::VersionMovedOnce versionMoved(db);
    // Every column is named, in the order of recordedFindingColumns.
    const std::string columns =
        "INSERT INTO findings (id, round_id, unit_id, category, title, detail, severity, amount_fen, people_count, "
        "people_level, source, refs, fingerprint, status, dismissed_reason, transferred, repeat_of, rectification_kind, "
        "created_by, created_at) VALUES ";
    const std::string oneRow = "(?,?,?,?,?,?,?,?,NULL,NULL,?,?,?,?,NULL,0,NULL,?,?,?)";
    // The texts are bound in place, so each row of a statement keeps its own scratch and source
    // until the statement has run; reused statement after statement, they stop allocating. Made
    // before the statements, they outlive them.
    std::vector<std::string> scratch(store::BatchedInsert::kRows), source(store::BatchedInsert::kRows);
    store::BatchedInsert inserts(db, columns, oneRow);
    int64_t id = c.firstId;
    size_t done = 0;
    while (done < rows.size()) {
        const auto [insert, count] = inserts.next(rows.size() - done);
        for (size_t i = 0; i < count; ++i, ++id) {
            const CheckFindingFields f = findings.fields(rows[done + i].finding, scratch[i]);
            sourceOf(f, source[i]);
            const int at = static_cast<int>(i) * 15;  // the row's first parameter is at + 1
            insert.bind(at + 1, id).bind(at + 2, c.roundId).bind(at + 3, rows[done + i].unitId).bindInPlace(at + 4, f.category);
            insert.bindInPlace(at + 5, f.title).bindInPlace(at + 6, f.detail).bindInPlace(at + 7, severityCode(f.severity));
            insert.bind(at + 8, f.amountFen).bindInPlace(at + 9, source[i]).bindInPlace(at + 10, f.refsJson);
            insert.bindInPlace(at + 11, f.fingerprint).bindInPlace(at + 12, c.status).bindInPlace(at + 13, f.rectificationKind);
            insert.bindInPlace(at + 14, c.actor).bindInPlace(at + 15, c.createdAt);
        }
        insert.run();
        // Told once per kProgressBatch rows (a multiple of BatchedInsert::kRows), never per row; the findings
        // already recorded count as done, so the total is the check's.
        if ((done + count) / plugins::FindingArena::kReadBeforeLettingGo != done / plugins::FindingArena::kReadBeforeLettingGo)
            findings.letGoOfReadText();
        if (((done + count) & (kProgressBatch - 1)) < count)
            tell(progress, WorkPhase::Recording, alreadyRecorded + done + count, alreadyRecorded + rows.size(), WorkItems::Findings);
        done += count;
    }
}

}  // namespace

int64_t recordingCacheBytes(size_t findings) {
    // With SQLite's default of 2 MB, a recording of hundreds of thousands of findings spilled the
    // pages of the (round, fingerprint) index, where new keys land at random, to the write-ahead
    // log mid-write and read them back for the next key: a third of a recording's profile was
    // those reads and writes. kCachePerFinding covers that index and the unit index for the rows
    // being added (their table pages fill in id order and are written once whatever the cache).
    // 128 bytes recorded 329,613 findings as fast as 160 did (5.8–6.2 s against 6.1–6.4 s,
    // alternating) with a peak 7–11 MB lower; the (round, fingerprint) index, where the keys land
    // at random, is 27.5 MB once they are in, the two other indexes 11 MB.
    constexpr int64_t kCachePerFinding = 128;  // bytes
    constexpr int64_t kCacheCeiling = 64 << 20;
    return std::min<int64_t>(kCacheCeiling, static_cast<int64_t>(findings) * kCachePerFinding);
}

std::optional<int64_t> writeCheckFindings(store::Database& db, const Actor& actor, int64_t roundId, const std::string& roundCode,
                                          const CheckFindingSource& findings, const std::vector<AdmittedFinding>& rows,
                                          const CheckRunInfo& run, size_t alreadyRecorded, const ProgressSink* progress) {
    if (rows.empty()) return std::nullopt;
    const std::string createdAt = store::utcTimestampNow();
    const std::string status(domain::findingStatuses.code(domain::initialFindingStatus(domain::FindingOrigin::Check)));
    const RowConstants constants{nextFindingId(db), roundId, status, actor.name, createdAt};
    // The digests need no database: on the second core they are ready when the inserts are
    // (a heavy recording of 326,111 rows took 0.7 s less, measured). Without a
    // second thread they are computed here after the inserts.
    std::future<RowDigests> digesting;
    try {
        digesting = std::async(std::launch::async, [&] { return digestRows(findings, rows, constants); });
    } catch (const std::system_error&) {
    }
    insertRows(db, findings, rows, constants, alreadyRecorded, progress);
    const int64_t lastId = constants.firstId + static_cast<int64_t>(rows.size()) - 1;
    const RowDigests digests = digesting.valid() ? digesting.get() : digestRows(findings, rows, constants);
    auto after = jsonObject();
    after->set("round", roundCode);
    after->set("run", runJson(run));
    after->set("count", static_cast<Poco::UInt64>(digests.records.size()));
    after->set("already_recorded", static_cast<Poco::UInt64>(alreadyRecorded));
    after->set("first_finding", constants.firstId);
    after->set("last_finding", lastId);
    after->set("records_digest", digests.recordsDigest);
    const int64_t eventId = store::appendAuditEvent(
        db, {actor.userId, actor.name, store::kCheckRunAction, store::kCheckRunEntity, roundCode, std::nullopt, jsonText(after)});
    store::insertFindingRecords(db, eventId, constants.firstId, digests.records);
    return eventId;
}

std::optional<CheckRecording> checkRecordingOf(store::Database& db, int64_t findingId) {
    auto st = db.prepare(
        "SELECT a.id, a.actor, a.at, a.after_json FROM finding_records r JOIN audit_events a ON a.id = r.event_id "
        "WHERE r.finding_id = ? AND a.entity = ?");
    st.bindAll(findingId, std::string(store::kCheckRunEntity));
    if (!st.step()) return std::nullopt;
    CheckRecording recording{st.integer(0), st.text(1), st.text(2), {}};
    const auto after = st.optionalText(3);
    if (!after) return recording;
    Poco::JSON::Parser parser;
    const auto content = parser.parse(*after).extract<Poco::JSON::Object::Ptr>();
    const auto run = content->getObject("run");
    if (!run) return recording;
    if (const auto plugins = run->getArray("plugins"))
        for (size_t i = 0; i < plugins->size(); ++i) {
            const auto p = plugins->getObject(static_cast<unsigned>(i));
            if (!p) continue;
            recording.run.plugins.push_back({p->optValue<std::string>("plugin", ""), p->isNull("data_digest") ? "" : p->optValue<std::string>("data_digest", ""),
                                             p->optValue<Poco::UInt64>("rows_read", 0)});
        }
    if (run->has("as_of") && !run->isNull("as_of")) recording.run.asOf = civil::parseDate(run->getValue<std::string>("as_of"));
    return recording;
}

std::string describeRun(const CheckRecording& recording) {
    std::string plugins;
    for (const auto& p : recording.run.plugins)
        plugins += (plugins.empty() ? "" : "、") + p.id + (p.dataDigest.empty() ? "" : "（数据摘要 " + p.dataDigest.substr(0, 16) + "）");
    return "检查运行（审计事件 #" + std::to_string(recording.eventId) + "；插件 " + (plugins.empty() ? "-" : plugins) + "；基准日 " +
           (recording.run.asOf ? civil::formatDate(*recording.run.asOf) : std::string("-")) + "），由 " + recording.actor + " 于 " +
           recording.at + " 记录";
}

}  // namespace patrol::services
