// GET /users (用户管理, admins): every user with role, unit and state, and the forms that add a
// user (its API token shown on the answer page once, never again), revoke, restore (a new token,
// shown once) and set a password. Each form calls the same use case as the CLI's `patrol user`.
#include "core/domain/errors.hpp"
#include "core/domain/role.hpp"
#include "core/services/auth_service.hpp"
#include "core/services/auth_settings.hpp"
#include "core/services/authorization.hpp"
#include "core/services/user_service.hpp"
#include "core/web/form_fields.hpp"
#include "core/web/labels.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

// A change the service refused, shown again on the form it came from with what was typed.
struct RefusedUserForm {
    std::string form;  // "add" | "password"
    std::string user;  // the row a password form belonged to
    std::map<std::string, std::string> typed;
    std::string field;
    std::string message;
    int status = 422;
};

std::string userConfirmation(const std::optional<std::string>& done) {
    if (done == "revoke") return "已停用该用户，其令牌和登录会话均已失效。";
    if (done == "password") return "已设置密码，该用户原有的登录会话均已结束。";
    return "";
}

View roleChoices(const std::string& selected) {
    View list = listView();
    for (const auto& term : domain::roles.terms()) {
        View c;
        c.set("code", std::string(term.code));
        c.set("label", std::string(term.label));
        c.set("selected", selected == term.code);
        list.push_back(c);
    }
    return list;
}

http::Reply usersPage(const WebAssets& assets, http::Exchange& ex, const RefusedUserForm* refused = nullptr,
                      const services::AddedUser* shown = nullptr, const std::string& shownWhy = "") {
    const auto users = services::listUsers(ex.db(), ex.actor());
    View rows = listView();
    for (const auto& u : users) {
        View row;
        row.set("name", u.user.name);
        row.set("role", domain::roles.labelOf(u.user.role));
        row.set("unit", u.user.unitCode.value_or("-"));
        row.set("revoked", u.user.revoked);
        row.set("has_password", u.user.passwordHash.has_value());
        if (refused && refused->form == "password" && refused->user == u.user.name) {
            row.set("password_error", refused->message);
        }
        rows.push_back(row);
    }
    View view;
    view.set("users", rows);
    View add;
    const auto typed = [&](const std::string& key) {
        if (!refused || refused->form != "add") return std::string();
        const auto it = refused->typed.find(key);
        return it == refused->typed.end() ? std::string() : it->second;
    };
    add.set("new_name", typed("name"));
    add.set("new_unit", typed("unit"));
    add.set("role_choices", roleChoices(typed("role").empty() ? "unit" : typed("role")));
    if (refused && refused->form == "add") {
        const std::string field = refused->field == "unit" || refused->field == "role" || refused->field == "name"
                                      ? refused->field : std::string("form");
        add.set(field + "_error", refused->message);
    }
    view.set("add", add);
    if (refused && refused->form == "other") view.set("page_error", refused->message);
    if (shown) {
        View token;
        token.set("name", shown->user.name);
        token.set("token", shown->token);
        token.set("why", shownWhy);
        view.set("token", token);
    }
    const auto done = userConfirmation(ex.query("done"));
    if (!done.empty()) view.set("done", done);
    return renderPage(assets, ex, "users", view, {"用户管理", "/users", refused ? refused->status : 200});
}

int userStatusOf(const UserError& e) {
    switch (e.kind()) {
        case ErrorKind::Conflict: return 409;
        case ErrorKind::Forbidden: return 403;
        default: return 422;
    }
}

http::Reply addUser(const WebAssets& assets, http::Exchange& ex) {
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    services::UserInput input;
    input.name = form.value("name");
    input.role = form.value("role");
    if (!form.value("unit").empty()) input.unitCode = form.value("unit");
    try {
        const auto added = services::addUser(ex.db(), ex.actor(), input);
        // The token exists only in this answer: no redirect could carry it without storing it.
        return usersPage(assets, ex, nullptr, &added, "已添加用户");
    } catch (const InvalidInput& e) {
        RefusedUserForm refused{"add", "", form.all(), e.field(), e.what(), 422};
        return usersPage(assets, ex, &refused);
    } catch (const UserError& e) {
        if (e.kind() != ErrorKind::Conflict && e.kind() != ErrorKind::NotFound) throw;
        RefusedUserForm refused{"add", "", form.all(), "form", e.what(), e.kind() == ErrorKind::Conflict ? 409 : 422};
        return usersPage(assets, ex, &refused);
    }
}

http::Reply revoke(const WebAssets& assets, http::Exchange& ex) {
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    try {
        services::revokeUser(ex.db(), ex.actor(), form.value("name"));
        return redirectTo("/users?done=revoke");
    } catch (const UserError& e) {
        if (e.kind() != ErrorKind::Conflict) throw;
        RefusedUserForm refused{"other", "", {}, "", e.what(), 409};
        return usersPage(assets, ex, &refused);
    }
}

http::Reply restore(const WebAssets& assets, http::Exchange& ex) {
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    try {
        const auto restored = services::restoreUser(ex.db(), ex.actor(), form.value("name"));
        return usersPage(assets, ex, nullptr, &restored, "已恢复用户");
    } catch (const UserError& e) {
        if (e.kind() != ErrorKind::Conflict) throw;
        RefusedUserForm refused{"other", "", {}, "", e.what(), 409};
        return usersPage(assets, ex, &refused);
    }
}

http::Reply password(const WebAssets& assets, http::Exchange& ex) {
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    const std::string name = form.value("name");
    try {
        services::setPassword(ex.db(), ex.actor(), name, form.value("password"),
                              services::authSettings(ex.settings()));
        return redirectTo("/users?done=password");
    } catch (const UserError& e) {
        if (e.kind() != ErrorKind::InvalidInput && e.kind() != ErrorKind::Conflict) throw;
        // The password itself is never shown again, not even when refused.
        RefusedUserForm refused{"password", name, {}, "password", e.what(), userStatusOf(e)};
        return usersPage(assets, ex, &refused);
    }
}

}  // namespace

void addUserPages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/users", adminPage(assets, "管理用户", [](const WebAssets& a, http::Exchange& ex) { return usersPage(a, ex); }),
               http::Access::Anyone);
    router.add("POST", "/users", adminPage(assets, "管理用户", addUser), http::Access::Anyone);
    router.add("POST", "/users/revoke", adminPage(assets, "管理用户", revoke), http::Access::Anyone);
    router.add("POST", "/users/restore", adminPage(assets, "管理用户", restore), http::Access::Anyone);
    router.add("POST", "/users/password", adminPage(assets, "管理用户", password), http::Access::Anyone);
}

}  // namespace patrol::web
