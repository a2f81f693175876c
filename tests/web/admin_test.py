"""An admin (王建国 of the demo county) in headless chromium: signs in and lands on 用户管理;
a refused new user keeps what was typed with the message next to the field; a new unit contact
is added and its API token is shown once (it works against the API, and is not on the page
again); the admin sets its password (the new user then signs in), revokes it and restores it
with a new token. Screenshots at 375 px and 1366 px go to --out."""

import json
import re
import sys
import urllib.request

from selenium.webdriver.common.by import By

import browser_harness as h


def text(driver, css):
    return driver.find_element(By.CSS_SELECTOR, css).text


def row(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f'#user-list tr[data-name="{name}"]')


def api_me(server, token):
    """The name the API answers for `token`, or the HTTP status it refuses with."""
    request = urllib.request.Request(server.url + "/api/v1/tasks", headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status
    except urllib.error.HTTPError as e:
        return e.code


def run(args):
    world = h.World(args.patrol)
    server = None
    drivers = []
    shared = {}
    try:
        world.run("demo")
        world.set_password("王建国")
        server = h.Server(world)
        wide = h.browser(1366)
        drivers.append(wide)

        def signs_in_to_users():
            wide.get(server.url + "/")
            h.wait_path(wide, "/signin")
            h.sign_in(wide, "王建国")
            h.wait_path(wide, "/users")
            assert text(wide, "h1") == "用户管理"
            assert "周国庆" in text(wide, "#user-list") and "领导小组" in text(wide, "#user-list")

        def a_refused_user_keeps_what_was_typed():
            wide.find_element(By.ID, "new-name").send_keys("钱小红")
            wide.find_element(By.ID, "new-unit").send_keys("QX-NONE")
            h.submit(wide, "#add-user button")
            page = text(wide, "#add-user")
            assert "QX-NONE" in page, page
            assert wide.find_element(By.ID, "new-name").get_attribute("value") == "钱小红"
            assert wide.find_element(By.ID, "new-unit").get_attribute("value") == "QX-NONE"
            assert not wide.find_elements(By.ID, "new-token")

        def adds_a_unit_contact_with_its_token_shown_once():
            unit = wide.find_element(By.ID, "new-unit")
            unit.clear()
            unit.send_keys("QX-HT")
            h.submit(wide, "#add-user button")
            token = text(wide, "#token-value")
            assert re.fullmatch(r"[0-9a-f]{64}", token), token
            assert "只显示这一次" in text(wide, "#new-token")
            h.screenshot(wide, args.out, "users")
            wide.set_window_size(1366, 900)
            assert api_me(server, token) == 200
            shared["token"] = token
            wide.get(server.url + "/users")
            assert not wide.find_elements(By.ID, "new-token") and token not in wide.page_source
            assert "未设密码" in row(wide, "钱小红").text, row(wide, "钱小红").text

        def sets_its_password():
            r = row(wide, "钱小红")
            r.find_element(By.CSS_SELECTOR, "input[name=password]").send_keys("short")
            h.submit(wide, '#user-list tr[data-name="钱小红"] .user-password button')
            error = row(wide, "钱小红").find_element(By.CSS_SELECTOR, ".field-error").text
            assert "密码" in error, error
            row(wide, "钱小红").find_element(By.CSS_SELECTOR, "input[name=password]").send_keys(h.PASSWORD)
            h.submit(wide, '#user-list tr[data-name="钱小红"] .user-password button')
            assert text(wide, ".flash") == "已设置密码，该用户原有的登录会话均已结束。"
            assert "已设密码" in row(wide, "钱小红").text
            other = h.browser(1366)
            drivers.append(other)
            other.get(server.url + "/signin")
            h.sign_in(other, "钱小红")
            h.wait_path(other, "/tasks")
            assert text(other, "h1") == "我的整改任务"

        def revokes_and_restores():
            h.submit(wide, '#user-list tr[data-name="钱小红"] .user-revoke button')
            assert text(wide, ".flash") == "已停用该用户，其令牌和登录会话均已失效。"
            assert "已停用" in row(wide, "钱小红").text
            assert api_me(server, shared["token"]) == 401
            h.submit(wide, '#user-list tr[data-name="钱小红"] .user-restore button')
            token = text(wide, "#token-value")
            assert token != shared["token"] and api_me(server, token) == 200
            assert api_me(server, shared["token"]) == 401
            assert "已恢复用户：钱小红" in text(wide, "#new-token h2")

        def others_are_refused():
            leader = h.browser(1366)
            drivers.append(leader)
            world.set_password("周国庆")
            leader.get(server.url + "/signin?next=/users")
            h.sign_in(leader, "周国庆")
            assert "无权" in text(leader, "main"), text(leader, "main")

        def phone_width():
            narrow = h.browser(375)
            drivers.append(narrow)
            narrow.get(server.url + "/signin")
            h.sign_in(narrow, "王建国")
            h.wait_path(narrow, "/users")
            assert h.fits_width(narrow), "the users page scrolls sideways at 375 px"
            h.screenshot(narrow, args.out, "users")

        return h.main([
            ("the admin signs in and lands on the users page", signs_in_to_users),
            ("a refused new user keeps what was typed", a_refused_user_keeps_what_was_typed),
            ("a new unit contact is added and its token shown once", adds_a_unit_contact_with_its_token_shown_once),
            ("its password is set and it signs in", sets_its_password),
            ("it is revoked and restored with a new token", revokes_and_restores),
            ("a leader may not manage users", others_are_refused),
            ("the users page fits a 375 px phone", phone_width),
        ])
    finally:
        h.tear_down(drivers, server, world)


if __name__ == "__main__":
    sys.exit(run(h.arguments()))
