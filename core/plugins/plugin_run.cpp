#include "core/plugins/plugin_run.hpp"

#include "core/plugins/child_process.hpp"
#include "core/plugins/crash_notice.hpp"
#include "core/plugins/finding_checks.hpp"
#include "core/plugins/finding_frame.hpp"
#include "core/plugins/host_api.hpp"
#include "core/plugins/plugin_error.hpp"
#include "core/plugins/run_input.hpp"
#include "core/plugins/stray_output.hpp"
#include "core/plugins/table_views.hpp"
#include "core/plugins/undeclared_tables.hpp"
#include "core/plugins/wire.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <string_view>

#include <malloc.h>
#include <unistd.h>

namespace patrol::plugins {

namespace {

// What the plugin sees as `host`: the run's inputs and where its findings go.
class HostSession {
public:
    HostSession(const PluginEntry& plugin, const RunRequest& request)
        : spans([this](int32_t day) { return isWorkingDay(this, day) != 0; }), plugin_(plugin), request_(request), api_(hostApiFor(this, request.asOf)), undeclared_(*plugin.metadata),
          views_(plugin.metadata->abi) {}

    const patrol_host_api* api() const { return &api_; }
    const UndeclaredTables& undeclared() const { return undeclared_; }
    // Why a finding could not be filed (the plugin was then asked to stop), if one could not.
    const std::optional<std::string>& refusal() const { return refusal_; }
    template <class Session> friend patrol_host_api plugins::hostApiFor(Session*, int32_t);
    FindingArena& findings() { return findings_; }
    WorkingDaySpans spans;

private:
    static HostSession& self(void* host) { return *static_cast<HostSession*>(host); }

    static const patrol_table* table(void* host, const char* name) {
        if (!name) return nullptr;
        HostSession& s = self(host);
        if (!s.undeclared_.declared(name)) return s.undeclared_.standIn(name);
        const data::TableData* t = s.request_.dataset ? s.request_.dataset->table(name) : nullptr;
        return t ? s.views_.viewOf(t->abi()) : nullptr;
    }

    static int isWorkingDay(void* host, int32_t day) {
        const auto& f = self(host).request_.isWorkingDay;
        return f && f(day) ? 1 : 0;
    }

    static int emit(void* host, const patrol_finding* in) {
        HostSession& s = self(host);
        if (!in || in->struct_size < offsetof(patrol_finding, detail) + sizeof(in->detail)) return 1;
        if (s.refusal_) return 1;  // asked to stop already
        s.refusal_ = refusedFiling([&] { addFinding(s.findings_, s.plugin_.id, *in, s.refs_); });
        return s.refusal_ ? 1 : 0;
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
    FindingArena findings_;
    std::vector<std::string_view> refs_;  // one finding's, reused
    std::optional<std::string> refusal_;
    UndeclaredTables undeclared_;
    TableViews views_;  // the tables as this plugin's ABI reads them
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

// A run whose findings' texts could not go to a temporary file says why it took more memory.
constexpr const char* kTextsKeptInMemory =
    "疑似问题的文字较多，本应暂存到临时目录的文件中，但临时目录不可用（环境变量 TMPDIR 所指的目录，未设置时为 /tmp；"
    "目录不存在、不可写、已满或不支持临时文件），只得全部留在内存中，本次运行因此占用更多内存。"
    "检查结果不受影响；如需减少内存占用，请把 TMPDIR 设为一个可写的目录后重新运行。";

// Every finding must name a declared rule and meet the host's other demands (finding_checks);
// then refs are sorted, fingerprints set, order fixed, and repeats of a finding dropped.
RunResult finish(PluginEntry& plugin, FindingArena findings, const RunRequest& request) {
    if (request.idsOnly) request.idsOnly();
    std::optional<std::string_view> lastRule;  // findings come rule by rule: check each code once
    for (const FindingView f : findings) {
        if (lastRule && f.rule == *lastRule) continue;
        const std::string rule(f.rule);
        if (!plugin.metadata->rule(rule)) {
            std::string declared;
            for (const auto& r : plugin.metadata->rules) declared += (declared.empty() ? "" : "、") + r.code;
            return fail(plugin, pluginLabel(plugin.id, plugin.library) + "报告了元数据中没有声明的规则 \"" + rule + "\"（已声明：" + declared +
                                    "）。本次检查结果未记录。请插件作者在元数据的 rules 中声明该规则。");
        }
        lastRule = f.rule;
    }
    if (auto violation = findingViolation(*plugin.metadata, request.dataset, findings))
        return fail(plugin, pluginLabel(plugin.id, plugin.library) + *violation + "。本次检查结果未记录。请插件作者改正插件后重新构建。");
    // The refs were the last use of the dataset.
    if (request.doneReading) request.doneReading();
    findings.seal(request.fingerprints);
    // The same finding twice is one finding: recording keeps the first by its fingerprint, and
    // a dry run shows what recording would keep. Only the small records move: the texts stay
    // where they were written.
    size_t repeats = 0;
    findings.reorder(finishedOrder(findings, repeats));
    if (repeats > 0 && request.log)
        request.log(PATROL_LOG_WARNING, "有 " + std::to_string(repeats) + " 个疑似问题与前面的重复（同一规则、同一组记录），每个只保留第一个");
    if (findings.textsKeptInMemory() && request.log)
        request.log(PATROL_LOG_WARNING, kTextsKeptInMemory);
    // Ordering a heavy run's findings used tens of megabytes of working vectors, freed into
    // malloc's heap, which keeps them: given back before the output maps the kept texts in again.
    constexpr size_t kHeavyRun = 65536;
    if (findings.size() >= kHeavyRun) ::malloc_trim(0);
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
    // Before the plugin's status: the plugin was asked to stop because of it.
    if (session.refusal()) return fail(plugin, runError(plugin, *session.refusal()));
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
        outcome = runInChild("run", inputFd, std::chrono::seconds(request.timeoutSeconds), request.isWorkingDay, request.progress,
                             [&](const char* bytes, size_t size) { stray.add(bytes, size); });
        stray.finish();
    } catch (...) {
        ::close(inputFd);
        throw;
    }
    ::close(inputFd);

    FindingArena findings;
    std::vector<std::string_view> refs;  // one finding's, reused
    // Why the arena would not take a finding (too many names, no memory): the run fails with it,
    // as in process, and the findings after it are passed over.
    std::optional<std::string> refusal;
    bool done = false;
    int32_t status = PATROL_ERROR;
    std::string error;
    try {
        wire::Reader frames(outcome.output);
        wire::Kind kind;
        std::string_view payload;
        while (frames.frame(kind, payload)) {
            if (kind == wire::Finding) {
                // Views into the child's output, copied once, into the arena. A payload cut short
                // is the child's broken output, not a refusal: it ends the reading below.
                if (refusal) continue;
                try {
                    addFindingFrame(findings, plugin.id, payload, refs);
                } catch (const wire::TruncatedFrame&) {
                    throw;
                } catch (...) {
                    refusal = refusalReason(std::current_exception());
                }
                continue;
            }
            wire::Reader r(payload);  // the other frames are few: read field by field
            if (kind == wire::Log) {
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
    // The frames were copied into the arena: the child's bytes (as large as the findings' text)
    // need not be held through the checks and the ordering.
    std::string().swap(outcome.output);
    const std::string label = pluginLabel(plugin.id, plugin.library);
    if (outcome.end == ChildOutcome::End::TimedOut)
        return fail(plugin, label + "运行超过 " + std::to_string(request.timeoutSeconds) + " 秒仍未结束，已被终止（设置 plugins.timeout_seconds = " +
                                std::to_string(request.timeoutSeconds) + "）。本次检查结果未记录。请检查插件是否陷入死循环，或调大 plugins.timeout_seconds。");
    if (!done || outcome.end != ChildOutcome::End::Exited || outcome.exitCode != 0)
        return fail(plugin, label + "在隔离进程中异常终止（" + outcome.describe() + "）。本次检查结果未记录。请把数据和这条信息交给插件作者。");
    // Working-day notices arise in this process, where the questions were answered.
    if (request.notices && request.log)
        for (const auto& n : request.notices()) request.log(PATROL_LOG_WARNING, n);
    if (refusal) return fail(plugin, runError(plugin, *refusal));
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
