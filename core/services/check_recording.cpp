#include "core/services/check_recording.hpp"

#include <patrol/sdk/civil.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

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
    // One statement for every row; every column named, so the canonical text (in the order of
    // recordedFindingColumns) is exactly what is stored.
    auto insert = db.prepare(
        "INSERT INTO findings (id, round_id, unit_id, category, title, detail, severity, amount_fen, people_count, "
        "people_level, source, refs, fingerprint, status, dismissed_reason, transferred, repeat_of, rectification_kind, "
        "created_by, created_at) VALUES (?,?,?,?,?,?,?,?,NULL,NULL,?,?,?,?,NULL,0,NULL,?,?,?)");
    for (const store::NewFinding* f : rows) {
        canonical.clear();
        canonical.integer(id).integer(f->roundId).integer(f->unitId).text(f->category).text(f->title).text(f->detail);
        canonical.text(f->severity).optionalInteger(f->amountFen).null().null().text(f->source).text(f->refs);
        canonical.optionalText(f->fingerprint).text(f->status).null().integer(0).null().optionalText(f->rectificationKind);
        canonical.text(f->createdBy).text(createdAt);
        insert.reset();
        insert.bindAll(id, f->roundId, f->unitId, f->category, f->title, f->detail, f->severity, f->amountFen, f->source,
                       f->refs, f->fingerprint, f->status, f->rectificationKind, f->createdBy, createdAt);
        insert.run();
        store::RecordedRow record{id, store::rowDigest(canonical.finish())};
        digest.add(record.findingId, record.rowDigest);
        records.push_back(std::move(record));
        ++id;
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
