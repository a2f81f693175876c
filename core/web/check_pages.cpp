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
};

http::Reply checkPage(const WebAssets& assets, http::Exchange& ex, const CheckForm& form) {
    const auto round = services::requireRoundFor(ex.db(), ex.actor(), ex.param("code"), services::Access::Write, "上传台账检查");
    View view;
    view.set("round", round.code);
    view.set("round_title", round.title);
    view.set("round_href", roundHref(round.code));
    view.set("action", roundHref(round.code) + "/check");
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
        if (!form.asOf.empty()) upload.asOf = services::requireDate(form.asOf, "检查基准日", "as_of");
        for (auto& f : files) {
            if (f.fileName.empty() && f.size == 0) continue;  // the picker was left empty
            upload.files.push_back({f.fileName, &f.content->read()});
        }
        const auto result = services::checkUploadedFiles(ex.db(), ex.actor(), ex.settings(), upload);
        form.result = &result;
        return checkPage(assets, ex, form);
    } catch (const UserError& e) {
        if (e.kind() == ErrorKind::NotFound && e.what() == services::roundNotFound(round.code).what()) throw;
        const auto* invalid = dynamic_cast<const InvalidInput*>(&e);
        form.field = invalid && (invalid->field() == "file" || invalid->field() == "as_of") ? invalid->field() : "";
        form.message = e.what();
        form.status = e.kind() == ErrorKind::TooLarge ? 413 : e.kind() == ErrorKind::Conflict ? 409 : 422;
        return checkPage(assets, ex, form);
    }
}

}  // namespace

void addCheckPages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/rounds/{code}/check", signedInPage(assets, [&assets](http::Exchange& ex) { return checkPage(assets, ex, {}); }),
               http::Access::Anyone);
    router.add("POST", "/rounds/{code}/check", signedInPage(assets, [&assets](http::Exchange& ex) { return runCheck(assets, ex); }),
               http::Access::Anyone);
}

}  // namespace patrol::web
