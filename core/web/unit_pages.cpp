// GET /units (单位管理, admins): the units with kind, parent, head and contact, filtered by kind
// and by a word of the code or name, paged on the server; the form that adds a unit
// (`patrol unit add`) and the upload that imports a CSV file all-or-nothing (`patrol unit import`).
#include <Poco/URI.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <fstream>

#include "core/domain/errors.hpp"
#include "core/domain/unit_kind.hpp"
#include "core/http/multipart_form.hpp"
#include "core/http/server_context.hpp"
#include "core/services/authorization.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/read_limits_setting.hpp"
#include "core/services/unit_service.hpp"
#include "core/web/form_fields.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/page_slice.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

constexpr size_t kUnitListPerPage = 30;

// What the page shows besides the list: a refused add form with what was typed, an import's
// refusal or the count it added.
struct UnitsOutcome {
    std::map<std::string, std::string> typed;
    std::string addField;  // the field the add form's message belongs to ("form" when none)
    std::string addError;
    std::string importError;
    std::string done;
    int status = 200;
};

std::string hrefWith(const std::optional<std::string>& kind, const std::string& word, size_t page) {
    std::string query;
    auto add = [&query](const std::string& key, const std::string& value) {
        std::string encoded;
        Poco::URI::encode(value, "?#&=+%", encoded);
        query += (query.empty() ? "?" : "&") + key + "=" + encoded;
    };
    if (kind) add("kind", *kind);
    if (!word.empty()) add("q", word);
    if (page > 1) add("page", std::to_string(page));
    return "/units" + query;
}

View kindChoices(const std::string& selected) {
    View list = listView();
    for (const auto& term : domain::unitKinds.terms()) {
        View c;
        c.set("code", std::string(term.code));
        c.set("label", std::string(term.label));
        c.set("selected", selected == term.code);
        list.push_back(c);
    }
    return list;
}

http::Reply unitsPage(const WebAssets& assets, http::Exchange& ex, const UnitsOutcome& outcome = {}) {
    std::optional<std::string> kind = ex.query("kind");
    if (kind && !domain::unitKinds.find(*kind)) kind.reset();  // an unknown word reads as "all"
    const std::string word = ex.query("q").value_or("");
    std::vector<store::UnitRecord> units;
    for (auto& u : services::listUnits(ex.db(), ex.actor())) {
        if (kind && u.kind != *kind) continue;
        if (!word.empty() && u.code.find(word) == std::string::npos && u.name.find(word) == std::string::npos) continue;
        units.push_back(std::move(u));
    }
    const auto slice = pageSlice(ex.query("page"), units.size(), kUnitListPerPage);
    View rows = listView();
    for (size_t i = slice.first; i < slice.last; ++i) {
        const auto& u = units[i];
        View row;
        row.set("code", u.code);
        row.set("name", u.name);
        row.set("kind", domain::unitKinds.labelOf(u.kind));
        row.set("parent", u.parentCode.value_or("-"));
        row.set("head", u.head.value_or("-"));
        row.set("contact", u.contact.value_or("-"));
        rows.push_back(row);
    }
    View view;
    view.set("units", rows);
    view.set("empty", units.empty());
    view.set("total", std::to_string(units.size()));
    view.set("q", word);
    view.set("kinds", kindChoices(kind.value_or("")));
    view.set("page", std::to_string(slice.page));
    view.set("pages", std::to_string(slice.pages));
    if (slice.page > 1) view.set("prev", hrefWith(kind, word, slice.page - 1));
    if (slice.page < slice.pages) view.set("next", hrefWith(kind, word, slice.page + 1));

    View add;
    const auto typed = [&](const std::string& key) {
        const auto it = outcome.typed.find(key);
        return it == outcome.typed.end() ? std::string() : it->second;
    };
    for (const char* key : {"code", "name", "parent", "head", "contact"}) add.set(std::string("new_") + key, typed(key));
    add.set("kind_choices", kindChoices(typed("kind").empty() ? "township" : typed("kind")));
    if (!outcome.addError.empty()) add.set(outcome.addField + "_error", outcome.addError);
    view.set("add", add);
    if (!outcome.importError.empty()) view.set("import_error", outcome.importError);
    if (!outcome.done.empty()) view.set("done", outcome.done);
    if (const auto added = ex.query("added")) view.set("done", "已添加单位 " + *added + "。");
    return renderPage(assets, ex, "units", view, {"单位管理", "/units", outcome.status});
}

int statusOf(const UserError& e) {
    switch (e.kind()) {
        case ErrorKind::Conflict: return 409;
        case ErrorKind::TooLarge: return 413;
        default: return 422;
    }
}

http::Reply addUnit(const WebAssets& assets, http::Exchange& ex) {
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    services::UnitInput input;
    input.code = form.value("code");
    input.name = form.value("name");
    input.kind = form.value("kind");
    if (!form.value("parent").empty()) input.parentCode = form.value("parent");
    input.head = form.value("head");
    input.contact = form.value("contact");
    try {
        const auto added = services::addUnit(ex.db(), ex.actor(), input);
        std::string code;
        Poco::URI::encode(added.code, "?#&=+%", code);
        return redirectTo("/units?added=" + code);
    } catch (const UserError& e) {
        rethrowIfNotAboutForm(e);
        if (e.kind() == ErrorKind::Forbidden) throw;
        UnitsOutcome outcome;
        outcome.typed = form.all();
        const auto* invalid = dynamic_cast<const InvalidInput*>(&e);
        const std::string field = invalid ? invalid->field() : "";
        // The message goes next to the field it is about: a duplicate code, an unknown kind word,
        // a parent that does not exist; anything else above the form.
        if (invalid && (field == "code" || field == "name" || field == "kind" || field == "parent")) outcome.addField = field;
        else if (e.kind() == ErrorKind::Conflict) outcome.addField = "code";
        else if (!domain::unitKinds.find(input.kind)) outcome.addField = "kind";
        else if (input.parentCode) outcome.addField = "parent";
        else outcome.addField = "form";
        outcome.addError = e.what();
        outcome.status = statusOf(e);
        return unitsPage(assets, ex, outcome);
    }
}

// The upload copied to a private file (0600, in the folder the upload was spooled in) for the
// import to read; removed when the request ends. Named like an upload's temporary
// (".incoming-<pid>-…"), so one left by a server killed meanwhile is swept like theirs.
class ImportFile {
public:
    explicit ImportFile(const std::string& folder) {
        std::string pattern = folder + "/.incoming-" + std::to_string(::getpid()) + "-unit-import-XXXXXX";
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("cannot create a file in " + folder);
        ::close(fd);
        path_ = pattern;
    }
    ~ImportFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    ImportFile(const ImportFile&) = delete;
    ImportFile& operator=(const ImportFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

http::Reply importUnits(const WebAssets& assets, http::Exchange& ex) {
    UnitsOutcome outcome;
    try {
        const std::string folder = services::evidenceFolder(ex.settings());
        auto multipart = http::MultipartForm::read(ex, folder, ex.context().maxBodyBytes);
        requireCsrf(ex, multipart.text("csrf").value_or(""));
        auto& files = multipart.files("file");
        multipart.finish();
        if (files.empty() || (files.front().fileName.empty() && files.front().size == 0))
            throw InvalidInput("file", "单位 CSV 文件", "未选择。请选择一个表头为 code,name,kind,parent_code 的 CSV 文件再导入。");
        if (files.size() > 1)
            throw InvalidInput("file", "单位 CSV 文件", "一次只能导入一个，收到了 " + std::to_string(files.size()) + " 个。请分别导入。");
        auto& upload = files.front();
        ImportFile copy(folder);
        {
            std::ofstream out(copy.path(), std::ios::binary);
            out << upload.content->read().rdbuf();
            if (!out) throw std::runtime_error("cannot write " + copy.path());
        }
        // Messages name the file as the user knows it, never where it was copied to.
        const std::string shown = upload.fileName.empty() ? std::string("上传的文件") : upload.fileName;
        const size_t added = services::importUnits(ex.db(), ex.actor(), copy.path(), services::readLimits(ex.settings()), shown);
        outcome.done = "已从文件「" + shown + "」导入 " + std::to_string(added) + " 个单位。";
        return unitsPage(assets, ex, outcome);
    } catch (const UserError& e) {
        rethrowIfNotAboutForm(e);
        if (e.kind() == ErrorKind::Forbidden) throw;
        outcome.importError = e.what();
        outcome.status = statusOf(e);
        return unitsPage(assets, ex, outcome);
    }
}

}  // namespace

void addUnitPages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/units", adminPage(assets, "管理单位", [](const WebAssets& a, http::Exchange& ex) { return unitsPage(a, ex); }),
               http::Access::Anyone);
    router.add("POST", "/units", adminPage(assets, "管理单位", addUnit), http::Access::Anyone);
    router.add("POST", "/units/import", adminPage(assets, "管理单位", importUnits), http::Access::Anyone);
}

}  // namespace patrol::web
