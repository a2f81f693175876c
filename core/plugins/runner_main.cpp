#include "core/plugins/runner_main.hpp"

#include "core/plugins/child_process.hpp"
#include "core/plugins/finding_frame.hpp"
#include "core/plugins/host_api.hpp"
#include "core/plugins/plugin_library.hpp"
#include "core/plugins/run_input.hpp"
#include "core/plugins/table_views.hpp"
#include "core/plugins/undeclared_tables.hpp"
#include "core/plugins/wire.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace patrol::plugins {

namespace {

// What the plugin sees as `host` in the child: the mapped input, and the host at the other
// end of the channel for findings, log lines and working days.
class ChildSession {
public:
    ChildSession(const MappedRunInput& input, const PluginMetadata& metadata, int channel)
        : spans([this](int32_t day) { return isWorkingDay(this, day) != 0; }), input_(input), channel_(channel), api_(hostApiFor(this, input.input().asOf)), undeclared_(metadata),
          views_(metadata.abi) {}
    WorkingDaySpans spans;
    const patrol_host_api* api() const { return &api_; }
    const UndeclaredTables& undeclared() const { return undeclared_; }
    // Why a finding could not be sent (the plugin was then asked to stop), if one could not.
    const std::optional<std::string>& refusal() const { return refusal_; }
    template <class Session> friend patrol_host_api plugins::hostApiFor(Session*, int32_t);

private:
    static ChildSession& self(void* host) { return *static_cast<ChildSession*>(host); }

    static const patrol_table* table(void* host, const char* name) {
        if (!name) return nullptr;
        ChildSession& s = self(host);
        return s.undeclared_.declared(name) ? s.views_.viewOf(s.input_.table(name)) : s.undeclared_.standIn(name);
    }

    // Asked once per day: a check may ask about every row's date.
    static int isWorkingDay(void* host, int32_t day) {
        ChildSession& s = self(host);
        const auto known = s.workingDays_.find(day);
        if (known != s.workingDays_.end()) return known->second;
        wire::Writer w;
        w.i32(day);
        writeAll(s.channel_, w.frame(wire::WorkingDay));
        char answer = 0;
        for (;;) {
            const ssize_t n = ::read(s.channel_, &answer, 1);
            if (n == 1) break;
            if (n < 0 && errno == EINTR) continue;
            ::_exit(4);  // the host is gone
        }
        return s.workingDays_[day] = answer == 1 ? 1 : 0;
    }

    static int emit(void* host, const patrol_finding* in) {
        ChildSession& s = self(host);
        if (!in || in->struct_size < offsetof(patrol_finding, detail) + sizeof(in->detail)) return 1;
        if (s.refusal_) return 1;  // asked to stop already
        s.refusal_ = refusedFiling([&] { appendFindingFrame(s.out_, *in); });
        if (s.refusal_) return 1;
        s.flushWhenFull();
        return 0;
    }

    static void log(void* host, int32_t level, patrol_text message) {
        wire::Writer w;
        w.i32(level);
        w.text(message.data ? std::string_view(message.data, static_cast<size_t>(message.size)) : std::string_view());
        self(host).send(w.frame(wire::Log));
        self(host).flush();  // a log line before a crash still reaches the host
    }

    static int setting(void* host, const char* key, patrol_text* value) {
        const auto& settings = self(host).input_.input().settings;
        if (!key || !value) return 1;
        const auto it = settings.find(key);
        if (it == settings.end()) return 1;
        value->data = it->second.data();
        value->size = it->second.size();
        return 0;
    }

    // Sent at once, with the findings before it: the host shows it while the run goes on.
    static void progress(void* host, double fraction) {
        wire::Writer w;
        w.f64(fraction);
        self(host).send(w.frame(wire::Progress));
        self(host).flush();
    }

public:
    // Frames are gathered and sent in blocks: one write per finding would cost a system call each.
    // 64 KiB: a write per few hundred findings, and the host still reads them as the run goes on.
    static constexpr size_t kBlockBytes = size_t{1} << 16;
    void send(const std::string& frame) {
        out_ += frame;
        flushWhenFull();
    }
    void flushWhenFull() {
        if (out_.size() >= kBlockBytes) flush();
    }
    void flush() {
        writeAll(channel_, out_);
        out_.clear();
    }

private:
    const MappedRunInput& input_;
    int channel_;
    patrol_host_api api_{};
    std::unordered_map<int32_t, int> workingDays_;
    std::string out_;
    std::optional<std::string> refusal_;
    UndeclaredTables undeclared_;
    TableViews views_;  // the tables as this plugin's ABI reads them
};

}  // namespace

int runnerMain(int argc, char** argv) {
    const std::string_view mode = argc == 2 ? argv[1] : "";
    if (mode != "load" && mode != "run") {
        std::fprintf(stderr, "patrol-plugin-run 由 patrol 在隔离运行插件时启动，不应直接运行。\n");
        return 2;
    }
    // A host killed outright must not leave a hanging plugin behind.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int channel = kRunnerChannelFd;
    std::unique_ptr<MappedRunInput> input;
    std::optional<PluginMetadata> metadata;
    try {
        input = std::make_unique<MappedRunInput>(kRunnerInputFd);
        metadata = readMetadataFile(input->input().metadataFile);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "patrol-plugin-run: %s\n", e.what());
        return 2;
    }
    std::shared_ptr<const PluginLibrary> lib;
    try {
        lib = PluginLibrary::load(input->input().library, *metadata);
    } catch (const std::exception& e) {
        wire::Writer w;
        w.text(e.what());
        writeAll(channel, w.frame(wire::LoadFailed));
        return 0;
    }
    if (mode == "load") {
        writeAll(channel, wire::Writer().frame(wire::Done));
        return 0;
    }
    ChildSession session(*input, *metadata, channel);
    int status = PATROL_ERROR;
    try {
        status = lib->plugin().run(session.api());
    } catch (...) {
        return 3;  // nothing is flushed: the host sees no Done and refuses the run
    }
    // What the plugin printed reaches the host (through the stdout pipe) before its verdict.
    std::cout.flush();
    std::fflush(stdout);
    const char* error = status == PATROL_OK ? nullptr : lib->plugin().last_error();
    std::string reason = status == PATROL_OK ? std::string() : (error && *error ? std::string(error) : std::string("插件未给出原因"));
    // An undeclared table is the cause whatever the plugin made of it, as in process.
    if (auto undeclared = session.undeclared().error()) {
        status = PATROL_ERROR;
        reason = *undeclared;
    } else if (session.refusal()) {  // the plugin was asked to stop because of it
        status = PATROL_ERROR;
        reason = *session.refusal();
    }
    wire::Writer w;
    w.i32(status);
    w.text(reason);
    session.send(w.frame(wire::Done));
    session.flush();
    return 0;
}

}  // namespace patrol::plugins
