// Running the round's check plugins on CSV files chosen in the browser: GET /rounds/{code}/check
// shows the form, POST runs the check as `patrol check --round` does and shows its counts; the
// suspected findings then wait in the review queue.
#include <patrol/sdk/civil.hpp>

#include "core/http/multipart_form.hpp"
#include "core/http/server_context.hpp"
#include "core/services/authorization.hpp"
#include "core/services/check_upload.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/not_found.hpp"
#include "core/services/round_service.hpp"
#include "core/web/check_progress.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/round_links.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

struct CheckForm {
    std::string plugin, asOf;
    std::string field, message;
    int status = 200;
    const services::CheckUploadResult* result = nullptr;
    std::vector<std::string> phases;  // the server's phases this run went through, in order
};

http::Reply checkPage(const WebAssets& assets, http::Exchange& ex, const CheckForm& form) {
    const auto round = services::requireRoundFor(ex.db(), ex.actor(), ex.param("code"), services::Access::Write, "上传台账检查");
    View view;
    view.set("round", round.code);
    view.set("round_title", round.title);
    view.set("round_href", roundHref(round.code));
    view.set("action", roundHref(round.code) + "/check");
    view.set("progress", roundHref(round.code) + "/check/progress");
    view.set("review", roundHref(round.code) + "/review");
    View plugins = listView();
    for (const auto& p : round.plugins) {
        View v;
        v.set("code", p);
        v.set("selected", form.plugin == p);
        plugins.push_back(v);
    }
    view.set("plugins", plugins);
    view.set("has_plugins", !round.plugins.empty());
    view.set("as_of", form.asOf.empty() ? civil::formatDate(services::localToday()) : form.asOf);
    if (!form.message.empty()) {
        if (!form.field.empty()) view.set(form.field + "_error", form.message);
        else view.set("form_error", form.message);
    }
    if (const auto* r = form.result) {
        View result;
        result.set("findings", std::to_string(r->findings));
        result.set("added", std::to_string(r->recorded.added));
        result.set("already", std::to_string(r->recorded.alreadyRecorded));
        result.set("left_out", std::to_string(r->recorded.leftOutFindings()));
        std::string files;
        for (const auto& f : r->files) files += (files.empty() ? "" : "、") + f;
        result.set("files", files);
        View runs = listView();
        for (const auto& p : r->plugins) {
            View v;
            v.set("plugin", p.pluginId);
            v.set("state", p.ok ? std::string("完成") : "失败：" + p.error);
            v.set("rows", std::to_string(p.rowsRead));
            v.set("rejected", std::to_string(p.rowsRejected));
            v.set("skipped", std::to_string(p.skippedRules.size()));
            v.set("found", std::to_string(p.findings));
            runs.push_back(v);
        }
        result.set("runs", runs);
        std::string phases;
        for (const auto& p : form.phases) phases += (phases.empty() ? "" : " → ") + p;
        result.set("phases", phases);
        View notices = listView();
        for (const auto& n : r->notices) notices.push_back(View(n));
        for (const auto& unit : r->recorded.leftOut) notices.push_back(View(services::describeLeftOut(unit, round.code)));
        result.set("notices", notices);
        view.set("result", result);
    }
    return renderPage(assets, ex, "check", view, {"上传台账检查", "/rounds", form.status});
}

http::Reply runCheck(const WebAssets& assets, http::Exchange& ex) {
    const auto round = services::requireRoundFor(ex.db(), ex.actor(), ex.param("code"), services::Access::Write, "上传台账检查");
    CheckForm form;
    // The page's script names this run so it can ask for its phase while the body is read and
    // the plugins run; a plain form post has no token and simply waits.
    const ProgressScope progress(ex.query("progress"), ex.actor());
    try {
        auto multipart = http::MultipartForm::read(ex, services::evidenceFolder(ex.settings()), ex.context().maxBodyBytes);
        requireCsrf(ex, multipart.text("csrf").value_or(""));
        form.plugin = multipart.text("plugin").value_or("");
        form.asOf = multipart.text("as_of").value_or("");
        auto& files = multipart.files("file");
        multipart.finish();
        services::CheckUpload upload;
        upload.roundCode = round.code;
        if (!form.plugin.empty()) upload.plugin = form.plugin;
        form.phases.push_back("接收文件");
        upload.progress = [&progress, &form](const services::CheckProgress& p) {
            progress.update(p);
            // The list after the run keeps the counts of files, plugins and findings; the bytes read
            // and a plugin's percent are for the page asking while it runs.
            if (whileRunning(p)) return;
            const std::string text = phaseText(p);
            // One line per phase: a later count of the same phase replaces the earlier one.
            if (!form.phases.empty() && form.phases.back().substr(0, 12) == text.substr(0, 12)) form.phases.back() = text;
            else form.phases.push_back(text);
        };
        if (!form.asOf.empty()) upload.asOf = services::requireDate(form.asOf, "检查基准日", "as_of");
        for (auto& f : files) {
            if (f.fileName.empty() && f.size == 0) continue;  // the picker was left empty
            upload.files.push_back({f.fileName, &f.content->read()});
        }
        const auto result = services::checkUploadedFiles(ex.db(), ex.actor(), ex.settings(), upload);
        form.result = &result;
        return checkPage(assets, ex, form);
    } catch (const UserError& e) {
        rethrowIfNotAboutForm(e);
        if (e.kind() == ErrorKind::NotFound && e.what() == services::roundNotFound(round.code).what()) throw;
        const auto* invalid = dynamic_cast<const InvalidInput*>(&e);
        form.field = invalid && (invalid->field() == "file" || invalid->field() == "as_of") ? invalid->field() : "";
        if (e.kind() == ErrorKind::TooLarge) form.field = "file";  // the files sent, or the zip's contents, too large
        form.message = e.what();
        form.status = e.kind() == ErrorKind::TooLarge ? 413 : e.kind() == ErrorKind::Conflict ? 409 : 422;
        return checkPage(assets, ex, form);
    }
}

// The phase of the actor's own run named by ?token=, as {"phase": "..."}; a finished, unknown
// or someone else's run reads {"phase": null} with 404.
http::Reply runProgress(http::Exchange& ex) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    const auto phase = CheckProgressBoard::shared().phaseFor(ex.query("token").value_or(""), ex.actor());
    if (phase) o->set("phase", *phase);
    else o->set("phase", Poco::Dynamic::Var());
    return http::Reply::json(o, phase ? 200 : 404);
}

}  // namespace

void addCheckPages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/rounds/{code}/check", signedInPage(assets, [&assets](http::Exchange& ex) { return checkPage(assets, ex, {}); }),
               http::Access::Anyone);
    router.add("POST", "/rounds/{code}/check", signedInPage(assets, [&assets](http::Exchange& ex) { return runCheck(assets, ex); }),
               http::Access::Anyone);
    router.add("GET", "/rounds/{code}/check/progress", signedInPage(assets, [](http::Exchange& ex) { return runProgress(ex); }),
               http::Access::Anyone);
}

}  // namespace patrol::web
