// The task page's routes: GET /tasks/{id} and the forms it posts (plan, progress with evidence,
// submit, extension). Each form calls the same use case as the API; a refusal shows the page
// again with what was typed, a success goes back to the page (303) with a short confirmation.
#include "core/http/multipart_form.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/not_found.hpp"
#include "core/services/task_service.hpp"
#include "core/services/workflow_settings.hpp"
#include "core/web/form_fields.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/task_page.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

int64_t taskId(const http::Exchange& ex) { return ex.idParam("id", services::taskNotFound); }

std::string backTo(int64_t id, const std::string& done) { return "/tasks/" + std::to_string(id) + "?done=" + done; }

// Runs `change`; a refusal the user can act on (typed values, the task's state, a file too
// large) shows the page again with the form as typed. Not-found and the rest go to the guard.
template <typename Change>
http::Reply submitted(const WebAssets& assets, http::Exchange& ex, int64_t id, const std::string& form,
                      const std::map<std::string, std::string>& typed, Change change) {
    try {
        change();
        return redirectTo(backTo(id, form));
    } catch (const InvalidInput& e) {
        RefusedForm refused{form, typed, e.field(), e.what(), 422};
        return taskPage(assets, ex, id, &refused);
    } catch (const UserError& e) {
        if (e.kind() != ErrorKind::Conflict && e.kind() != ErrorKind::TooLarge && e.kind() != ErrorKind::Forbidden) throw;
        RefusedForm refused{form, typed, "", e.what(), e.kind() == ErrorKind::Conflict ? 409 : e.kind() == ErrorKind::TooLarge ? 413 : 403};
        return taskPage(assets, ex, id, &refused);
    }
}

http::Reply plan(const WebAssets& assets, http::Exchange& ex) {
    const int64_t id = taskId(ex);
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    return submitted(assets, ex, id, "plan", form.all(), [&] {
        services::planTask(ex.db(), ex.actor(), id, form.value("measure"), form.value("handler"), form.value("leader"));
    });
}

http::Reply progress(const WebAssets& assets, http::Exchange& ex) {
    const int64_t id = taskId(ex);
    const auto workflow = services::readWorkflowSettings(ex.settings());
    const services::EvidenceStore evidence = services::evidenceStoreOf(ex.settings());
    std::map<std::string, std::string> typed;
    try {
        auto form = http::MultipartForm::read(ex, evidence.folder(), workflow.evidenceMaxBytes);
        requireCsrf(ex, form.text("csrf").value_or(""));
        typed["percent"] = form.text("percent").value_or("");
        typed["note"] = form.text("note").value_or("");
        auto& files = form.files("evidence");
        form.finish();
        return submitted(assets, ex, id, "progress", typed, [&] {
            services::ProgressInput input;
            const std::string percent = typed["percent"];
            if (percent.empty()) throw InvalidInput("percent", "整改进度", "不能为空：请填写完成百分比 0–100。");
            input.percent = static_cast<int>(std::min<int64_t>(services::requireCount(percent, "整改进度", "percent"), 1000));
            input.note = typed["note"];
            for (auto& f : files) {
                if (f.fileName.empty() && f.size == 0) continue;  // the picker was left empty
                services::EvidenceUpload upload;
                upload.originalName = f.fileName;
                upload.content = &f.content->read();
                upload.declaredSize = f.size;
                input.evidence.push_back(upload);
            }
            services::reportProgress(ex.db(), ex.actor(), id, input, evidence);
        });
    } catch (const TooLarge& e) {
        // The body was refused before it was read: nothing typed can be shown again.
        RefusedForm refused{"progress", typed, "evidence", e.what(), 413};
        return taskPage(assets, ex, id, &refused);
    }
}

http::Reply submit(const WebAssets& assets, http::Exchange& ex) {
    const int64_t id = taskId(ex);
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    return submitted(assets, ex, id, "submit", {}, [&] { services::submitTask(ex.db(), ex.actor(), id); });
}

http::Reply extension(const WebAssets& assets, http::Exchange& ex) {
    const int64_t id = taskId(ex);
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    return submitted(assets, ex, id, "extension", form.all(), [&] {
        const std::string to = form.value("to");
        if (to.empty()) throw InvalidInput("to", "延期至", "不能为空：请选择希望延期到的日期。");
        services::requestExtension(ex.db(), ex.actor(), id, services::requireDate(to, "延期至", "to"), form.value("reason"));
    });
}

http::Reply accept(const WebAssets& assets, http::Exchange& ex) {
    const int64_t id = taskId(ex);
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    return submitted(assets, ex, id, "accept", form.all(), [&] {
        const std::string note = form.value("note");
        services::acceptTask(ex.db(), ex.actor(), id, note.empty() ? std::nullopt : std::optional(note), services::localToday());
    });
}

http::Reply returnTask(const WebAssets& assets, http::Exchange& ex) {
    const int64_t id = taskId(ex);
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    return submitted(assets, ex, id, "return", form.all(),
                     [&] { services::returnTask(ex.db(), ex.actor(), id, form.value("reason")); });
}

}  // namespace

void addTaskPages(http::Router& router, const WebAssets& assets) {
    auto page = [&assets](http::Reply (*handler)(const WebAssets&, http::Exchange&)) {
        return signedInPage(assets, [&assets, handler](http::Exchange& ex) { return handler(assets, ex); });
    };
    router.add("GET", "/tasks/{id}", signedInPage(assets, [&assets](http::Exchange& ex) { return taskPage(assets, ex, taskId(ex)); }),
               http::Access::Anyone);
    router.add("POST", "/tasks/{id}/plan", page(plan), http::Access::Anyone);
    router.add("POST", "/tasks/{id}/progress", page(progress), http::Access::Anyone);
    router.add("POST", "/tasks/{id}/submit", page(submit), http::Access::Anyone);
    router.add("POST", "/tasks/{id}/extension", page(extension), http::Access::Anyone);
    router.add("POST", "/tasks/{id}/accept", page(accept), http::Access::Anyone);
    router.add("POST", "/tasks/{id}/return", page(returnTask), http::Access::Anyone);
}

}  // namespace patrol::web
