// POST /api/v1/rounds/{code}/checks: the round's check plugins run on CSV files sent with the
// request, their findings recorded as suspected findings of the round (as `patrol check --round`).
// The answer comes when the run has ended and gives its counts.
#include <Poco/JSON/Array.h>

#include <patrol/sdk/civil.hpp>

#include "core/api/api_routes.hpp"
#include "core/http/exchange.hpp"
#include "core/http/multipart_form.hpp"
#include "core/http/server_context.hpp"
#include "core/services/check_upload.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_json.hpp"

namespace patrol::api {

namespace {

Poco::JSON::Array::Ptr texts(const std::vector<std::string>& values) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& v : values) list->add(v);
    return list;
}

Poco::JSON::Object::Ptr resultView(const std::string& roundCode, const services::CheckUploadResult& r) {
    auto o = services::jsonObject();
    o->set("round", roundCode);
    o->set("as_of", civil::formatDate(r.asOf));
    o->set("files", texts(r.files));
    Poco::JSON::Array::Ptr plugins = new Poco::JSON::Array;
    for (const auto& p : r.plugins) {
        auto v = services::jsonObject();
        v->set("plugin", p.pluginId);
        v->set("ok", p.ok);
        v->set("error", p.ok ? Poco::Dynamic::Var() : Poco::Dynamic::Var(p.error));
        v->set("rows_read", static_cast<Poco::UInt64>(p.rowsRead));
        v->set("rows_rejected", static_cast<Poco::UInt64>(p.rowsRejected));
        v->set("skipped_rules", texts(p.skippedRules));
        v->set("findings", static_cast<Poco::UInt64>(p.findings));
        plugins->add(v);
    }
    o->set("plugins", plugins);
    o->set("findings", static_cast<Poco::UInt64>(r.findings));
    o->set("added", static_cast<Poco::UInt64>(r.recorded.added));
    o->set("already_recorded", static_cast<Poco::UInt64>(r.recorded.alreadyRecorded));
    Poco::JSON::Array::Ptr leftOut = new Poco::JSON::Array;
    for (const auto& unit : r.recorded.leftOut) {
        auto v = services::jsonObject();
        v->set("unit", unit.unitCode);
        v->set("findings", static_cast<Poco::UInt64>(unit.findings));
        v->set("message", services::describeLeftOut(unit, roundCode));
        leftOut->add(v);
    }
    o->set("left_out", leftOut);
    o->set("notices", texts(r.notices));
    return o;
}

// multipart/form-data: "file" parts (one per CSV file, named as the data contract names them),
// optional text fields "plugin" and "as_of" (YYYY-MM-DD).
http::Reply check(http::Exchange& ex) {
    const std::string roundCode = ex.param("code");
    // Data files are not evidence: each may be as large as the whole body allows.
    const int64_t limit = ex.context().maxBodyBytes;
    auto form = http::MultipartForm::read(ex, services::evidenceFolder(ex.settings()), limit);
    services::CheckUpload upload;
    upload.roundCode = roundCode;
    if (const auto plugin = form.text("plugin"); plugin && !plugin->empty()) upload.plugin = *plugin;
    if (const auto asOf = form.text("as_of"); asOf && !asOf->empty())
        upload.asOf = services::requireDate(*asOf, "字段 as_of", "as_of");
    auto& files = form.files("file");
    form.finish();
    for (auto& f : files)
        if (!(f.fileName.empty() && f.size == 0)) upload.files.push_back({f.fileName, &f.content->read()});  // skip an empty picker
    return http::Reply::json(resultView(roundCode, services::checkUploadedFiles(ex.db(), ex.actor(), ex.settings(), upload)));
}

}  // namespace

void addCheckRoutes(http::Router& router) { router.add("POST", "/api/v1/rounds/{code}/checks", check); }

}  // namespace patrol::api
