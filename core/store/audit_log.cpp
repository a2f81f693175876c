#include "core/store/audit_log.hpp"

#include <Poco/UTF8String.h>
#include <sqlite3.h>

#include "core/domain/errors.hpp"
#include "core/store/clock.hpp"
#include "core/store/conditions.hpp"
#include "core/store/database.hpp"
#include "core/store/meta_repository.hpp"
#include "core/digest/sha256.hpp"

namespace patrol::store {

namespace {

constexpr const char* kHeadKey = "audit_head";

std::string quoted(const std::string& s) {
    std::string out = "\"";
    out.append(Poco::UTF8::escape(s, true)).push_back('"');
    return out;
}

std::string quotedOrNull(const std::optional<std::string>& s) { return s ? quoted(*s) : "null"; }

std::string headValue(int64_t id, const std::string& hash) { return std::to_string(id) + ":" + hash; }

AuditEvent readEvent(const Statement& st) {
    AuditEvent e;
    e.id = st.integer(0);
    e.at = st.text(1);
    e.content.actorId = st.optionalInteger(2);
    e.content.actor = st.text(3);
    e.content.action = st.text(4);
    e.content.entity = st.text(5);
    e.content.entityId = st.text(6);
    e.content.before = st.optionalText(7);
    e.content.after = st.optionalText(8);
    e.prevHash = st.text(9);
    e.hash = st.text(10);
    return e;
}

constexpr const char* kAuditColumns = "id, at, actor_id, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash";

}  // namespace

std::string canonicalAuditContent(const AuditEvent& e) {
    // A JSON array in fixed order: the same event always gives the same bytes.
    return "[\"patrol-audit-1\"," + std::to_string(e.id) + "," + quoted(e.at) + "," +
           (e.content.actorId ? std::to_string(*e.content.actorId) : "null") + "," + quoted(e.content.actor) + "," +
           quoted(e.content.action) + "," + quoted(e.content.entity) + "," + quoted(e.content.entityId) + "," +
           quotedOrNull(e.content.before) + "," + quotedOrNull(e.content.after) + "," + quoted(e.prevHash) + "]";
}

int64_t appendAuditEvent(Database& db, const AuditEventInput& input) {
    AuditChainWriter writer(db);
    const int64_t id = writer.append(input);
    writer.finish();
    return id;
}

AuditChainWriter::AuditChainWriter(Database& db) : db_(db), lastHash_(kAuditGenesisHash) {
    if (sqlite3_get_autocommit(db.handle()))
        throw InternalError("audit event appended outside a transaction");
    auto last = db.prepare("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1");
    if (last.step()) {
        lastId_ = last.integer(0);
        lastHash_ = last.text(1);
    }
}

int64_t AuditChainWriter::append(const AuditEventInput& input) {
    AuditEvent e;
    e.content = input;
    e.at = actualUtcTimestampNow();
    e.prevHash = lastHash_;
    e.id = lastId_ + 1;
    e.hash = digest::sha256Hex(canonicalAuditContent(e));
    db_.prepare("INSERT INTO audit_events (id, at, actor_id, actor, action, entity, entity_id, before_json, after_json, "
                "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .bindAll(e.id, e.at, e.content.actorId, e.content.actor, e.content.action, e.content.entity, e.content.entityId,
                 e.content.before, e.content.after, e.prevHash, e.hash)
        .run();
    lastId_ = e.id;
    lastHash_ = std::move(e.hash);
    appended_ = true;
    return lastId_;
}

void AuditChainWriter::finish() {
    if (appended_) writeMeta(db_, kHeadKey, headValue(lastId_, lastHash_));
    appended_ = false;
}

AuditChainReport verifyAuditChain(Database& db) {
    AuditChainReport report;
    auto st = db.prepare(std::string("SELECT ") + kAuditColumns + " FROM audit_events ORDER BY id");
    std::string prevHash = kAuditGenesisHash;
    int64_t prevId = 0;
    while (st.step()) {
        const AuditEvent e = readEvent(st);
        ++report.eventsChecked;
        const std::string name = "审计事件 #" + std::to_string(e.id) + "（" + e.content.action + "，" + e.at + "）";
        if (e.id != prevId + 1 || e.prevHash != prevHash) {
            report.firstBrokenId = e.id;
            report.problem = name + "没有接在" + (prevId ? "事件 #" + std::to_string(prevId) : std::string("链首")) +
                             "之后：其间的事件被删除、插入或改动过。";
            return report;
        }
        if (digest::sha256Hex(canonicalAuditContent(e)) != e.hash) {
            report.firstBrokenId = e.id;
            report.problem = name + "的内容与其哈希不符：该记录在 patrol 之外被改动过。";
            return report;
        }
        prevHash = e.hash;
        prevId = e.id;
    }
    const auto head = readMeta(db, kHeadKey);
    const bool headMatches = prevId == 0 ? !head.has_value() : head == headValue(prevId, prevHash);
    if (!headMatches) {
        report.firstBrokenId = prevId + 1;
        report.problem = "审计日志在事件 #" + std::to_string(prevId) + " 之后被截断：记录的最新事件是 " +
                         (head ? std::string("#").append(head->substr(0, head->find(':'))) : std::string("（无）")) + "。";
    }
    return report;
}

std::vector<AuditEvent> listAuditEvents(Database& db, const AuditFilter& filter) {
    Conditions where;
    where.when(filter.entity, "entity = ?").when(filter.entityId, "entity_id = ?").when(filter.actor, "actor = ?").when(filter.since, "at >= ?");
    auto st = where.prepare(db, std::string("SELECT ") + kAuditColumns + " FROM audit_events",
                            filter.limit ? "ORDER BY id DESC LIMIT ?" : "ORDER BY id DESC");
    if (filter.limit) st.bind(where.boundCount() + 1, *filter.limit);
    const auto events = st.collect(readEvent);
    return {events.rbegin(), events.rend()};
}

}  // namespace patrol::store
