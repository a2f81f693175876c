// Logging a finding by hand, from a PC or a phone on site: GET /rounds/{code}/findings/new and
// its form (POST /rounds/{code}/findings, multipart: the fields of `patrol finding add` and any
// number of photos or scans kept as proof, 取证); GET /findings/{id}: the finding with its proof.
#include <patrol/sdk/money.hpp>

#include "core/domain/rectification_kind.hpp"
#include "core/domain/finding_status.hpp"
#include "core/domain/severity.hpp"
#include "core/http/multipart_form.hpp"
#include "core/services/authorization.hpp"
#include "core/services/check_recording.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/finding_attachments.hpp"
#include "core/services/not_found.hpp"
#include "core/services/round_categories.hpp"
#include "core/services/round_service.hpp"
#include "core/services/workflow_settings.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/round_links.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

const std::vector<std::string> kFields = {"unit", "category", "title", "detail", "amount", "people", "kind"};

std::string sizeText(int64_t bytes) {
    if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MB";
    if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
    return std::to_string(bytes) + " 字节";
}

struct RefusedFinding {
    std::map<std::string, std::string> values;
    std::string field;
    std::string message;
    int status = 422;
};

http::Reply newFindingPage(const WebAssets& assets, http::Exchange& ex, const RefusedFinding* refused = nullptr) {
    const auto round = services::requireRoundFor(ex.db(), ex.actor(), ex.param("code"), services::Access::Write, "记录问题");
    const auto detail = services::showRound(ex.db(), ex.actor(), round.code);
    auto typed = [&](const std::string& name) {
        if (!refused) return std::string();
        const auto it = refused->values.find(name);
        return it == refused->values.end() ? std::string() : it->second;
    };
    View view;
    view.set("round", round.code);
    view.set("round_title", round.title);
    view.set("round_href", roundHref(round.code));
    view.set("action", roundHref(round.code) + "/findings");
    View units = listView();
    for (const auto& u : detail.targets) {
        View c;
        c.set("code", u.code);
        c.set("label", u.name);
        c.set("selected", typed("unit") == u.code);
        units.push_back(c);
    }
    view.set("units", units);
    const auto categories = services::roundCategories(ex.settings(), round);
    View cats = listView();
    for (const auto& c : categories) {
        View v;
        v.set("code", c.code);
        v.set("label", c.name);
        v.set("selected", typed("category") == c.code);
        cats.push_back(v);
    }
    view.set("categories", cats);
    view.set("choose_category", !categories.empty());
    View kinds = listView();
    for (const auto& term : domain::rectificationKinds.terms()) {
        View k;
        k.set("code", std::string(term.code));
        k.set("label", std::string(term.label));
        k.set("selected", typed("kind") == term.code);
        kinds.push_back(k);
    }
    view.set("kinds", kinds);
    for (const auto& name : kFields) view.set(name, typed(name));
    if (refused) {
        if (!refused->field.empty()) view.set(refused->field + "_error", refused->message);
        else view.set("form_error", refused->message);
    }
    const auto workflow = services::readWorkflowSettings(ex.settings());
    view.set("max_bytes", std::to_string(workflow.evidenceMaxBytes));
    view.set("max_text", sizeText(workflow.evidenceMaxBytes));
    return renderPage(assets, ex, "finding_new", view, {"记录问题", "/rounds", refused ? refused->status : 200});
}

std::optional<std::string> some(const std::string& value) {
    if (value.empty()) return std::nullopt;
    return value;
}

http::Reply addFinding(const WebAssets& assets, http::Exchange& ex) {
    const auto round = services::requireRoundFor(ex.db(), ex.actor(), ex.param("code"), services::Access::Write, "记录问题");
    const auto workflow = services::readWorkflowSettings(ex.settings());
    const services::EvidenceStore store = services::evidenceStoreOf(ex.settings());
    RefusedFinding refused;
    try {
        auto form = http::MultipartForm::read(ex, store.folder(), workflow.evidenceMaxBytes);
        requireCsrf(ex, form.text("csrf").value_or(""));
        for (const auto& name : kFields) refused.values[name] = form.text(name).value_or("");
        auto& files = form.files("file");
        form.finish();
        std::vector<services::EvidenceUpload> uploads;
        for (auto& f : files) {
            if (f.fileName.empty() && f.size == 0) continue;  // the picker was left empty
            uploads.push_back({f.fileName, &f.content->read(), f.size, {}});
        }
        auto value = [&](const std::string& name) { return refused.values[name]; };
        services::FindingInput input;
        input.roundCode = round.code;
        input.unitCode = value("unit");
        if (input.unitCode.empty()) throw InvalidInput("unit", "单位", "不能为空：请选择问题所在的单位（本轮巡察对象）。");
        input.category = value("category");
        input.title = value("title");
        input.detail = value("detail");
        input.amount = some(value("amount"));
        input.peopleCount = some(value("people"));
        input.rectificationKind = some(value("kind"));
        const auto finding = services::addFindingWithAttachments(ex.db(), ex.actor(), input, uploads, store);
        return redirectTo("/findings/" + std::to_string(finding.id) + "?done=add");
    } catch (const InvalidInput& e) {
        refused.field = e.field() == "people" || e.field() == "amount" || e.field() == "title" || e.field() == "category" ||
                                e.field() == "unit" || e.field() == "kind"
                            ? e.field()
                            : "";
        refused.message = e.what();
        return newFindingPage(assets, ex, &refused);
    } catch (const UserError& e) {
        rethrowIfNotAboutForm(e);
        if (e.kind() == ErrorKind::NotFound && refused.values["unit"].empty()) throw;
        if (e.kind() == ErrorKind::TooLarge) refused.field = "file";
        refused.message = e.what();
        refused.status = e.kind() == ErrorKind::TooLarge ? 413 : e.kind() == ErrorKind::Conflict ? 409 : 422;
        return newFindingPage(assets, ex, &refused);
    }
}

http::Reply findingPage(const WebAssets& assets, http::Exchange& ex) {
    const int64_t id = ex.idParam("id", services::findingNotFound);
    const auto f = services::showFinding(ex.db(), ex.actor(), id);
    View view;
    view.set("id", std::to_string(f.id));
    view.set("title", f.title);
    view.set("round", f.roundCode);
    view.set("round_href", roundHref(f.roundCode));
    view.set("unit", f.unitName);
    // A category code of the round's plugins is shown by the name the plugin gives it.
    std::string category = f.category;
    for (const auto& c : services::roundCategories(ex.settings(), services::requireVisibleRound(ex.db(), ex.actor(), f.roundCode)))
        if (c.code == f.category) category = c.name;
    view.set("category", category);
    view.set("detail", f.detail);
    view.set("status", domain::findingStatuses.labelOf(f.status));
    view.set("severity", domain::severities.labelOf(f.severity));
    view.set("amount", f.amountFen ? money::formatYuan(*f.amountFen) + " 元" : std::string("-"));
    view.set("people", f.peopleCount ? std::to_string(*f.peopleCount) : std::string("-"));
    view.set("kind", f.rectificationKind ? domain::rectificationKinds.labelOf(*f.rectificationKind) : std::string("-"));
    view.set("created", f.createdBy + " " + f.createdAt);
    if (ex.actor().role != domain::Role::Unit)
        if (const auto recording = services::checkRecordingOf(ex.db(), f.id))
            view.set("created", f.createdBy + " " + f.createdAt + "；来自" + services::describeRun(*recording));
    if (ex.query("done") == std::string("add")) view.set("flash", "已记录问题 #" + std::to_string(f.id) + "。");
    const bool staff = ex.actor().role != domain::Role::Unit;
    view.set("staff", staff);
    View files = listView();
    for (const auto& e : services::findingAttachments(ex.db(), ex.actor(), f.id)) {
        View v;
        v.set("name", e.originalName);
        v.set("size", sizeText(e.size));
        v.set("by", e.uploadedBy);
        v.set("href", "/evidence/" + std::to_string(e.id));
        files.push_back(v);
    }
    view.set("files", files);
    return renderPage(assets, ex, "finding", view, {"问题 #" + std::to_string(f.id), "/rounds"});
}

}  // namespace

void addFindingPages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/rounds/{code}/findings/new",
               signedInPage(assets, [&assets](http::Exchange& ex) { return newFindingPage(assets, ex); }), http::Access::Anyone);
    router.add("POST", "/rounds/{code}/findings", signedInPage(assets, [&assets](http::Exchange& ex) { return addFinding(assets, ex); }),
               http::Access::Anyone);
    router.add("GET", "/findings/{id}", signedInPage(assets, [&assets](http::Exchange& ex) { return findingPage(assets, ex); }),
               http::Access::Anyone);
}

}  // namespace patrol::web
