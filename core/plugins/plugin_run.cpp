#include "core/plugins/plugin_run.hpp"

#include "core/plugins/child_process.hpp"
#include "core/plugins/crash_notice.hpp"
#include "core/plugins/finding_checks.hpp"
#include "core/plugins/host_api.hpp"
#include "core/plugins/plugin_error.hpp"
#include "core/plugins/run_input.hpp"
#include "core/plugins/stray_output.hpp"
#include "core/plugins/undeclared_tables.hpp"
#include "core/plugins/wire.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>

#include <unistd.h>

namespace patrol::plugins {

namespace {

// What the plugin sees as `host`: the run's inputs and where its findings go.
class HostSession {
public:
    HostSession(const PluginEntry& plugin, const RunRequest& request)
        : spans([this](int32_t day) { return isWorkingDay(this, day) != 0; }), plugin_(plugin), request_(request), api_(hostApiFor(this, request.asOf)), undeclared_(*plugin.metadata) {}

    const patrol_host_api* api() const { return &api_; }
    const UndeclaredTables& undeclared() const { return undeclared_; }
    template <class Session> friend patrol_host_api plugins::hostApiFor(Session*, int32_t);
    std::vector<CheckFinding>& findings() { return findings_; }
    WorkingDaySpans spans;

private:
    static HostSession& self(void* host) { return *static_cast<HostSession*>(host); }

    static const patrol_table* table(void* host, const char* name) {
        if (!name) return nullptr;
        HostSession& s = self(host);
        if (!s.undeclared_.declared(name)) return s.undeclared_.standIn(name);
        const data::TableData* t = s.request_.dataset ? s.request_.dataset->table(name) : nullptr;
        return t ? t->abi() : nullptr;
    }

    static int isWorkingDay(void* host, int32_t day) {
        const auto& f = self(host).request_.isWorkingDay;
        return f && f(day) ? 1 : 0;
    }

    static int emit(void* host, const patrol_finding* in) {
        HostSession& s = self(host);
        if (!in || in->struct_size < offsetof(patrol_finding, detail) + sizeof(in->detail)) return 1;
        auto str = [](patrol_text t) { return t.data ? std::string(t.data, static_cast<size_t>(t.size)) : std::string(); };
        CheckFinding f;
        f.plugin = s.plugin_.id;
        f.rule = str(in->rule);
        f.unit = str(in->unit);
        for (uint32_t i = 0; i < in->ref_count; ++i) f.refs.push_back(str(in->refs[i]));
        if (in->has_amount) f.amountFen = in->amount_fen;
        f.title = str(in->title);
        f.detail = str(in->detail);
        // Grown four-fold rather than doubled: a check may emit hundreds of thousands, and
        // each growth moves them all into memory that must first be faulted in.
        if (s.findings_.size() == s.findings_.capacity()) s.findings_.reserve(std::max<size_t>(1024, 4 * s.findings_.capacity()));
        s.findings_.push_back(std::move(f));
        return 0;
    }

    static void log(void* host, int32_t level, patrol_text message) {
        HostSession& s = self(host);
        const std::string text = message.data ? std::string(message.data, static_cast<size_t>(message.size)) : std::string();
        if (s.request_.log) s.request_.log(static_cast<patrol_log_level>(level), text);
    }

    static int setting(void* host, const char* key, patrol_text* value) {
        HostSession& s = self(host);
        if (!key || !value) return 1;
        const auto it = s.request_.settings.find(key);
        if (it == s.request_.settings.end()) return 1;
        value->data = it->second.data();
        value->size = it->second.size();
        return 0;
    }

    static void progress(void* host, double fraction) {
        HostSession& s = self(host);
        if (s.request_.progress) s.request_.progress(fraction);
    }

    const PluginEntry& plugin_;
    const RunRequest& request_;
    patrol_host_api api_{};
    std::vector<CheckFinding> findings_;
    UndeclaredTables undeclared_;
};

RunResult fail(PluginEntry& plugin, std::string error) {
    {
        const std::lock_guard lock(*plugin.guard);
        plugin.state = PluginState::Failed;
        plugin.error = error;
    }
    RunResult r;
    r.error = std::move(error);
    return r;
}

// The error of a plugin already known to be unusable.
std::optional<std::string> failure(const PluginEntry& plugin) {
    const std::lock_guard lock(*plugin.guard);
    if (plugin.state != PluginState::Failed) return std::nullopt;
    return plugin.error;
}

std::string runError(const PluginEntry& plugin, const std::string& what) {
    return pluginLabel(plugin.id, plugin.library) + "运行出错：" + what + "。本次检查结果未记录。";
}

// Positions of the findings in output order (findingOrder). Sorting compares precomputed
// integers: the rule's and the unit's rank among the codes present, then the first eight bytes
// of the first ref; only findings equal on all of those are compared in full. All findings of
// one run share the plugin.
std::vector<uint32_t> outputOrder(const std::vector<CheckFinding>& findings) {
    struct Key {
        uint64_t major;  // rule rank << 32 | unit rank
        uint64_t ref;    // first ref's first 8 bytes, big-endian, zero-padded
        uint32_t index;
    };
    // Per finding, the rank of its text of one field among the distinct ones, in byte order.
    // Each text is looked up once (a run of equal ones, as findings come rule by rule, once).
    auto ranks = [&](auto field) {
        std::unordered_map<std::string_view, uint32_t> rank;
        std::vector<const uint32_t*> slot(findings.size());
        std::string_view last;
        const uint32_t* lastSlot = nullptr;
        for (size_t i = 0; i < findings.size(); ++i) {
            const std::string_view text = field(findings[i]);
            if (!lastSlot || text != last) {
                lastSlot = &rank.try_emplace(text, 0).first->second;
                last = text;
            }
            slot[i] = lastSlot;
        }
        std::vector<std::string_view> texts;
        texts.reserve(rank.size());
        for (const auto& [text, _] : rank) texts.push_back(text);
        std::sort(texts.begin(), texts.end());
        for (uint32_t i = 0; i < texts.size(); ++i) rank[texts[i]] = i;
        std::vector<uint32_t> perFinding(findings.size());
        for (size_t i = 0; i < findings.size(); ++i) perFinding[i] = *slot[i];
        return perFinding;
    };
    const std::vector<uint32_t> ruleRank = ranks([](const CheckFinding& f) { return std::string_view(f.rule); });
    const std::vector<uint32_t> unitRank = ranks([](const CheckFinding& f) { return std::string_view(f.unit); });
    std::vector<Key> keys(findings.size());
    for (uint32_t i = 0; i < findings.size(); ++i) {
        const CheckFinding& f = findings[i];
        uint64_t ref = 0;
        if (!f.refs.empty())
            for (size_t b = 0; b < 8 && b < f.refs[0].size(); ++b) ref |= uint64_t{static_cast<unsigned char>(f.refs[0][b])} << (56 - 8 * b);
        keys[i] = {uint64_t{ruleRank[i]} << 32 | unitRank[i], ref, i};
    }
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        if (a.major != b.major) return a.major < b.major;
        if (a.ref != b.ref) return a.ref < b.ref;
        if (findingOrder(findings[a.index], findings[b.index])) return true;
        if (findingOrder(findings[b.index], findings[a.index])) return false;
        return a.index < b.index;  // equal findings keep the order they came in
    });
    std::vector<uint32_t> order(findings.size());
    for (size_t i = 0; i < keys.size(); ++i) order[i] = keys[i].index;
    return order;
}

// Every finding must name a declared rule and meet the host's other demands (finding_checks);
// then refs are sorted, fingerprints set, order fixed, and repeats of a finding dropped.
RunResult finish(PluginEntry& plugin, std::vector<CheckFinding> findings, const RunRequest& request) {
    const std::string* lastRule = nullptr;  // findings come rule by rule: check each code once
    for (const auto& f : findings) {
        if (lastRule && f.rule == *lastRule) continue;
        if (!plugin.metadata->rule(f.rule)) {
            std::string declared;
            for (const auto& r : plugin.metadata->rules) declared += (declared.empty() ? "" : "、") + r.code;
            return fail(plugin, pluginLabel(plugin.id, plugin.library) + "报告了元数据中没有声明的规则 \"" + f.rule + "\"（已声明：" + declared +
                                    "）。本次检查结果未记录。请插件作者在元数据的 rules 中声明该规则。");
        }
        lastRule = &f.rule;
    }
    if (auto violation = findingViolation(*plugin.metadata, request.dataset, findings))
        return fail(plugin, pluginLabel(plugin.id, plugin.library) + *violation + "。本次检查结果未记录。请插件作者改正插件后重新构建。");
    // The refs were the last use of the dataset.
    if (request.doneReading) request.doneReading();
    for (auto& f : findings) {
        if (request.fingerprints)
            seal(f);
        else
            std::sort(f.refs.begin(), f.refs.end());
    }
    std::vector<uint32_t> order = outputOrder(findings);
    // Apply the order in place, cycle by cycle, so no second array of findings is needed.
    for (uint32_t start = 0; start < order.size(); ++start) {
        if (order[start] == start) continue;
        CheckFinding held = std::move(findings[start]);
        uint32_t at = start;
        while (order[at] != start) {
            const uint32_t from = order[at];
            findings[at] = std::move(findings[from]);
            order[at] = at;
            at = from;
        }
        findings[at] = std::move(held);
        order[at] = at;
    }
    // The same finding twice is one finding: recording keeps the first by its fingerprint, and
    // a dry run shows what recording would keep.
    if (const size_t repeats = dropRepeatedFindings(findings); repeats > 0 && request.log)
        request.log(PATROL_LOG_WARNING, "有 " + std::to_string(repeats) + " 个疑似问题与前面的重复（同一规则、同一组记录），每个只保留第一个");
    RunResult r;
    r.ok = true;
    r.findings = std::move(findings);
    return r;
}

std::string lastError(const patrol_plugin& p) {
    const char* e = p.last_error();
    return e && *e ? std::string(e) : std::string("插件未给出原因");
}

// After the plugin and the signal: what the crash means and what to do about it.
constexpr const char* kCrashAdvice =
    "，patrol 随之终止，本次检查结果未输出也未记录。请加 --isolate 重新运行（或配置 plugins.isolate = true）：隔离运行时插件崩溃只算该插件失败，其他插件照常运行。";

RunResult runInProcess(PluginEntry& plugin, const RunRequest& request) {
    std::shared_ptr<const PluginLibrary> keep;  // alive for the whole run
    HostSession session(plugin, request);
    int status = PATROL_ERROR;
    {
        // Loading runs the library's initialisers: plugin code, whose stdout is not ours.
        const StrayOutputGuard guard(plugin.id);
        loadPlugin(plugin, false);
        if (auto error = failure(plugin)) return fail(plugin, *error);
        {
            const std::lock_guard lock(*plugin.guard);
            keep = plugin.loaded;
        }
        try {
            const CrashNotice notice(pluginLabel(plugin.id, plugin.library) + "在本进程中运行时崩溃", kCrashAdvice);
            status = keep->plugin().run(session.api());
        } catch (...) {
            return fail(plugin, runError(plugin, "插件让异常越过了 ABI 边界（应在插件内捕获）"));
        }
    }
    if (request.notices && request.log)
        for (const auto& n : request.notices()) request.log(PATROL_LOG_WARNING, n);
    if (auto undeclared = session.undeclared().error()) return fail(plugin, runError(plugin, *undeclared));
    if (status != PATROL_OK) return fail(plugin, runError(plugin, lastError(keep->plugin())));
    return finish(plugin, std::move(session.findings()), request);
}

RunResult runIsolated(PluginEntry& plugin, const RunRequest& request) {
    if (auto error = failure(plugin)) return fail(plugin, *error);
    // The child gets the tables through a memory file: the data are read once, here.
    const RunInput input{plugin.library, plugin.metadataFile, request.asOf, request.settings};
    // The dataset stays until the findings' refs are checked against it (finish).
    const int inputFd = writeRunInput(input, *plugin.metadata, request.dataset);
    ChildOutcome outcome;
    try {
        StrayLines stray(plugin.id);
        outcome = runInChild("run", inputFd, std::chrono::seconds(request.timeoutSeconds), request.isWorkingDay,
                             [&](const char* bytes, size_t size) { stray.add(bytes, size); });
        stray.finish();
    } catch (...) {
        ::close(inputFd);
        throw;
    }
    ::close(inputFd);

    std::vector<CheckFinding> findings;
    bool done = false;
    int32_t status = PATROL_ERROR;
    std::string error;
    try {
        wire::Reader frames(outcome.output);
        wire::Kind kind;
        std::string_view payload;
        while (frames.frame(kind, payload)) {
            wire::Reader r(payload);
            if (kind == wire::Finding) {
                CheckFinding f;
                f.plugin = plugin.id;
                f.rule = r.text();
                f.unit = r.text();
                const uint32_t refs = r.u32();
                for (uint32_t i = 0; i < refs; ++i) f.refs.push_back(r.text());
                const bool hasAmount = r.u8() != 0;
                const int64_t amount = r.i64();
                if (hasAmount) f.amountFen = amount;
                f.title = r.text();
                f.detail = r.text();
                findings.push_back(std::move(f));
            } else if (kind == wire::Log) {
                const int32_t level = r.i32();
                const std::string text = r.text();
                if (request.log) request.log(static_cast<patrol_log_level>(level), text);
            } else if (kind == wire::Done) {
                status = r.i32();
                error = r.text();
                done = true;
            } else if (kind == wire::LoadFailed) {
                return fail(plugin, r.text());
            }
        }
    } catch (const std::exception&) {
        done = false;
    }
    const std::string label = pluginLabel(plugin.id, plugin.library);
    if (outcome.end == ChildOutcome::End::TimedOut)
        return fail(plugin, label + "运行超过 " + std::to_string(request.timeoutSeconds) + " 秒仍未结束，已被终止（设置 plugins.timeout_seconds = " +
                                std::to_string(request.timeoutSeconds) + "）。本次检查结果未记录。请检查插件是否陷入死循环，或调大 plugins.timeout_seconds。");
    if (!done || outcome.end != ChildOutcome::End::Exited || outcome.exitCode != 0)
        return fail(plugin, label + "在隔离进程中异常终止（" + outcome.describe() + "）。本次检查结果未记录。请把数据和这条信息交给插件作者。");
    // Working-day notices arise in this process, where the questions were answered.
    if (request.notices && request.log)
        for (const auto& n : request.notices()) request.log(PATROL_LOG_WARNING, n);
    if (status != PATROL_OK) return fail(plugin, runError(plugin, error));
    {
        const std::lock_guard lock(*plugin.guard);
        plugin.state = PluginState::Loaded;
    }
    return finish(plugin, std::move(findings), request);
}

}  // namespace

RunResult runPlugin(PluginEntry& plugin, const RunRequest& request) {
    if (!plugin.metadata) {
        const std::string error = plugin.status().error;
        return fail(plugin, error.empty() ? pluginLabel(plugin.id, plugin.library) + "没有可用的元数据。" : error);
    }
    return request.isolate ? runIsolated(plugin, request) : runInProcess(plugin, request);
}

const char* logLevelLabel(patrol_log_level level) {
    switch (level) {
    case PATROL_LOG_DEBUG: return "调试";
    case PATROL_LOG_INFO: return "信息";
    case PATROL_LOG_WARNING: return "警告";
    case PATROL_LOG_ERROR: return "错误";
    }
    return "信息";
}

}  // namespace patrol::plugins
