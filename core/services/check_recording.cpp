#include "core/services/check_recording.hpp"

#include <patrol/sdk/civil.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "core/services/record_json.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/clock.hpp"
#include "core/store/database.hpp"
#include "core/store/finding_record.hpp"

namespace patrol::services {

namespace {

int64_t nextFindingId(store::Database& db) {
    auto st = db.prepare("SELECT coalesce(max(id), 0) + 1 FROM findings");
    st.step();
    return st.integer(0);
}

// The connection's page cache enlarged for the recording of `rows` findings (about 1 KiB each, at
// most 64 MiB), and put back as it was.
class CacheSize {
public:
    CacheSize(store::Database& db, size_t rows) : db_(db) {
        auto st = db.prepare("PRAGMA cache_size");
        st.step();
        was_ = st.integer(0);
        const int64_t kib = std::min<int64_t>(64 * 1024, static_cast<int64_t>(rows));
        if (kib > 2048) db.exec("PRAGMA cache_size = -" + std::to_string(kib));
    }
    ~CacheSize() {
        try {
            db_.exec("PRAGMA cache_size = " + std::to_string(was_));
        } catch (...) {
            // a cache left larger costs memory only until the connection closes
        }
    }
    CacheSize(const CacheSize&) = delete;
    CacheSize& operator=(const CacheSize&) = delete;

private:
    store::Database& db_;
    int64_t was_ = 0;
};

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

}  // namespace

std::optional<int64_t> writeCheckFindings(store::Database& db, const Actor& actor, const std::string& roundCode,
                                          const std::vector<const store::NewFinding*>& rows, const CheckRunInfo& run,
                                          size_t alreadyRecorded) {
    if (rows.empty()) return std::nullopt;
    const std::string createdAt = store::utcTimestampNow();
    const int64_t firstId = nextFindingId(db);
    int64_t id = firstId;
    std::vector<store::RecordedRow> records;
    records.reserve(rows.size());
    store::RecordsDigest digest;
    store::CanonicalRow canonical;
    // Rows go in batches through one reused statement of kBatch rows (and one single-row statement
    // for the rest): a statement per row costs more than the row itself. Every column is named, so
    // the canonical text (in the order of recordedFindingColumns) is exactly what is stored.
    constexpr size_t kBatch = 64;
    const std::string columns =
        "INSERT INTO findings (id, round_id, unit_id, category, title, detail, severity, amount_fen, people_count, "
        "people_level, source, refs, fingerprint, status, dismissed_reason, transferred, repeat_of, rectification_kind, "
        "created_by, created_at) VALUES ";
    const std::string oneRow = "(?,?,?,?,?,?,?,?,NULL,NULL,?,?,?,?,NULL,0,NULL,?,?,?)";
    std::string batchSql = columns;
    for (size_t i = 0; i < kBatch; ++i) batchSql += (i ? "," : "") + oneRow;
    auto batch = db.prepare(batchSql);
    auto single = db.prepare(columns + oneRow);
    // Holds a larger share of the findings table and its indexes in memory during the recording:
    // with the default cache, pages of the fingerprint index are written out to the log and back
    // again many times within the transaction.
    const CacheSize cache(db, rows.size());
    size_t done = 0;
    while (done < rows.size()) {
        const bool full = rows.size() - done >= kBatch;
        store::Statement& insert = full ? batch : single;
        const size_t count = full ? kBatch : 1;
        insert.reset();
        int parameter = 0;
        for (size_t i = 0; i < count; ++i, ++id) {
            const store::NewFinding* f = rows[done + i];
            canonical.clear();
            canonical.integer(id).integer(f->roundId).integer(f->unitId).text(f->category).text(f->title).text(f->detail);
            canonical.text(f->severity).optionalInteger(f->amountFen).null().null().text(f->source).text(f->refs);
            canonical.optionalText(f->fingerprint).text(f->status).null().integer(0).null().optionalText(f->rectificationKind);
            canonical.text(f->createdBy).text(createdAt);
            insert.bind(++parameter, id).bind(++parameter, f->roundId).bind(++parameter, f->unitId);
            insert.bind(++parameter, f->category).bind(++parameter, f->title).bind(++parameter, f->detail);
            insert.bind(++parameter, f->severity).bind(++parameter, f->amountFen).bind(++parameter, f->source);
            insert.bind(++parameter, f->refs).bind(++parameter, f->fingerprint).bind(++parameter, f->status);
            insert.bind(++parameter, f->rectificationKind).bind(++parameter, f->createdBy).bind(++parameter, createdAt);
            store::RecordedRow record{id, store::rowDigest(canonical.finish())};
            digest.add(record.findingId, record.rowDigest);
            records.push_back(std::move(record));
        }
        insert.run();
        done += count;
    }
    auto after = jsonObject();
    after->set("round", roundCode);
    after->set("run", runJson(run));
    after->set("count", static_cast<Poco::UInt64>(records.size()));
    after->set("already_recorded", static_cast<Poco::UInt64>(alreadyRecorded));
    after->set("first_finding", firstId);
    after->set("last_finding", id - 1);
    after->set("records_digest", digest.hex());
    const int64_t eventId = store::appendAuditEvent(
        db, {actor.userId, actor.name, store::kCheckRunAction, store::kCheckRunEntity, roundCode, std::nullopt, jsonText(after)});
    store::insertFindingRecords(db, eventId, records);
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
