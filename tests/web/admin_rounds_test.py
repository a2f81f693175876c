"""An admin (王建国 of the demo county) in headless chromium manages units and rounds: lists and
filters units, adds one (a refused form keeps what was typed, the message next to the field),
imports a CSV of units (a refused file names its line and writes nothing; a good file adds every
row), creates a round, sets its targets and team and moves it to the next stage; the CLI then
shows the same. A leader and a unit contact are refused; the leader reads its notices of
escalation, newest first. Screenshots at 375 px and 1366 px go to --out."""

import json
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import browser_harness as h


def text(driver, css):
    return driver.find_element(By.CSS_SELECTOR, css).text


def value(driver, element_id):
    return driver.find_element(By.ID, element_id).get_attribute("value")


def type_into(driver, element_id, typed):
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(typed)


def run(args):
    world = h.World(args.patrol)
    server = None
    drivers = []
    try:
        world.run("demo")
        for name in ("王建国", "周国庆", "孙伟"):
            world.set_password(name)
        # Four overdue tasks of round 2026-R1 rise to 问责建议: four notices for the leader.
        world.run("escalate", "--as-of", "2026-12-01")
        server = h.Server(world)
        wide = h.browser(1366)
        drivers.append(wide)

        def units():
            return {u["code"]: u for u in json.loads(world.run("unit", "list", "--format", "json"))}

        def csv_file(name, content):
            path = os.path.join(world.folder, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)
            return path

        def lists_and_filters_units():
            wide.get(server.url + "/signin?next=/units")
            h.sign_in(wide, "王建国")
            h.wait_path(wide, "/units")
            assert text(wide, "h1") == "单位管理"
            row = wide.find_element(By.CSS_SELECTOR, '#unit-list tr[data-code="QX-HT-DL"]').text
            assert "河塘镇东岭村" in row and "村" in row and "QX-HT" in row, row
            Select(wide.find_element(By.ID, "f-kind")).select_by_visible_text("村")
            h.submit(wide, "#unit-filter button")
            kinds = [r.find_element(By.CSS_SELECTOR, "td[data-label=类型]").text
                     for r in wide.find_elements(By.CSS_SELECTOR, "#unit-list .unit-row")]
            assert kinds and set(kinds) == {"村"}, kinds
            village_count = sum(1 for u in units().values() if u["kind"] == "village")
            assert text(wide, ".count") == f"共 {village_count} 个单位", text(wide, ".count")

        def a_refused_unit_keeps_what_was_typed():
            wide.get(server.url + "/units")
            type_into(wide, "unit-code", "QX-HT-NQ")
            type_into(wide, "unit-name", "河塘镇南桥村")
            Select(wide.find_element(By.ID, "unit-kind")).select_by_visible_text("村")
            type_into(wide, "unit-parent", "QX-NONE")
            type_into(wide, "unit-head", "吴建华")
            h.submit(wide, "#add-unit button")
            assert text(wide, "#parent-error") == "上级单位「QX-NONE」不存在。请先添加该上级单位，或检查编码是否写错。"
            assert value(wide, "unit-code") == "QX-HT-NQ" and value(wide, "unit-name") == "河塘镇南桥村"
            assert value(wide, "unit-head") == "吴建华" and value(wide, "unit-parent") == "QX-NONE"
            assert Select(wide.find_element(By.ID, "unit-kind")).first_selected_option.text == "村"
            assert "QX-HT-NQ" not in units()

        def adds_a_unit():
            type_into(wide, "unit-parent", "QX-HT")
            h.submit(wide, "#add-unit button")
            h.wait_path(wide, "/units")
            assert text(wide, "#units-done") == "已添加单位 QX-HT-NQ。"
            added = units()["QX-HT-NQ"]
            assert (added["name"], added["kind"], added["parent"], added["head"]) == ("河塘镇南桥村", "village", "QX-HT", "吴建华"), added

        def a_refused_import_writes_nothing():
            before = units()
            bad = csv_file("bad-units.csv", "code,name,kind,parent_code\n"
                                            "QX-LX-DP,柳溪乡大坪村,village,QX-LX\n"
                                            "QX-LX-XP,柳溪乡小坪村,hamlet,QX-LX\n")
            wide.get(server.url + "/units")
            wide.find_element(By.ID, "import-file").send_keys(bad)
            h.submit(wide, "#import-units button")
            error = text(wide, "#import-error")
            assert error.startswith("bad-units.csv 有 1 处错误，没有导入任何单位："), error
            assert "第 3 行：" in error and "hamlet" in error, error
            assert world.folder not in error, error
            assert units() == before

        def a_good_import_adds_every_row():
            good = csv_file("units.csv", "code,name,kind,parent_code,head\n"
                                         "QX-LX-DP,柳溪乡大坪村,village,QX-LX-ZX,\n"
                                         "QX-LX-ZX,柳溪乡中心社区,community,QX-LX,钱进\n")
            wide.find_element(By.ID, "import-file").send_keys(good)
            h.submit(wide, "#import-units button")
            assert text(wide, "#units-done") == "已从文件「units.csv」导入 2 个单位。"
            after = units()
            assert after["QX-LX-DP"]["parent"] == "QX-LX-ZX" and after["QX-LX-ZX"]["head"] == "钱进"
            h.screenshot(wide, args.out, "units")
            wide.set_window_size(1366, 900)

        def creates_a_round():
            wide.get(server.url + "/rounds")
            h.submit(wide, "#new-round")
            h.wait_path(wide, "/rounds/new")
            type_into(wide, "round-code", "2026-R3")
            type_into(wide, "round-title", "十五届县委第三轮巡察")
            Select(wide.find_element(By.ID, "round-kind")).select_by_visible_text("专项巡察")
            type_into(wide, "round-start", "2026-01-05")
            type_into(wide, "round-end", "2026-01-02")
            wide.find_element(By.CSS_SELECTOR, 'input[name="plugin:four_styles"]').click()
            h.submit(wide, "#new-round-form button")
            assert text(wide, "#form-error") == "结束日期 2026-01-02 早于开始日期 2026-01-05。请检查两个日期。"
            assert value(wide, "round-title") == "十五届县委第三轮巡察"
            assert wide.find_element(By.CSS_SELECTOR, 'input[name="plugin:four_styles"]').is_selected()
            assert "2026-R3" not in world.run("round", "list")
            type_into(wide, "round-end", "2026-02-27")
            h.submit(wide, "#new-round-form button")
            h.wait_path(wide, "/rounds/2026-R3")
            assert text(wide, "#round-done") == "已创建巡察轮次。下一步：确定巡察对象和巡察组。"
            assert text(wide, "#round-stage") == "准备"

        def sets_targets_and_team():
            type_into(wide, "target-units", "QX-HT-NQ、QX-NOPE")
            h.submit(wide, "#targets-form button")
            assert "QX-NOPE" in text(wide, "#targets-error"), text(wide, "#targets-error")
            assert value(wide, "target-units") == "QX-HT-NQ、QX-NOPE"
            assert text(wide, "#round-targets") == ""
            type_into(wide, "target-units", "QX-HT-NQ，QX-LX-ZX")
            h.submit(wide, "#targets-form button")
            assert text(wide, "#round-done") == "已更新巡察对象。"
            type_into(wide, "team-members", "张丽 李明华")
            type_into(wide, "team-leader", "李明华")
            h.submit(wide, "#team-form button")
            assert text(wide, "#round-done") == "已更新巡察组。"
            assert text(wide, "#round-team").split("\n") == ["李明华（组长）", "张丽"], text(wide, "#round-team")

        def advances_it():
            assert text(wide, "#advance-form button") == "推进到「进驻」阶段"
            type_into(wide, "advance-date", "2099-01-05")
            h.submit(wide, "#advance-form button")
            assert text(wide, "#advance-error").startswith("进入「进驻」阶段日期 2099-01-05 晚于今天"), text(wide, "#advance-error")
            assert text(wide, "#round-stage") == "准备" and value(wide, "advance-date") == "2099-01-05"
            type_into(wide, "advance-date", "2026-01-06")
            h.submit(wide, "#advance-form button")
            assert text(wide, "#round-stage") == "进驻", text(wide, "#round-manage")
            assert text(wide, "#advance-form button") == "推进到「报告」阶段"
            shown = json.loads(world.run("round", "show", "2026-R3", "--format", "json"))
            assert (shown["stage"], shown["kind"], shown["plugins"]) == ("onsite", "special", ["four_styles"]), shown
            assert shown["stage_dates"]["onsite"] == "2026-01-06", shown
            assert sorted(t["code"] for t in shown["targets"]) == ["QX-HT-NQ", "QX-LX-ZX"], shown
            assert {(m["user"], m["is_leader"]) for m in shown["team"]} == {("李明华", True), ("张丽", False)}, shown
            h.screenshot(wide, args.out, "round-admin")
            wide.set_window_size(1366, 900)

        def others_are_refused():
            leader = h.browser(1366)
            drivers.append(leader)
            leader.get(server.url + "/signin?next=/units")
            h.sign_in(leader, "周国庆")
            assert "无权" in text(leader, "main"), text(leader, "main")
            leader.get(server.url + "/rounds/new")
            assert "无权" in text(leader, "main"), text(leader, "main")
            leader.get(server.url + "/rounds/2026-R3")
            assert not leader.find_elements(By.ID, "targets-form") and not leader.find_elements(By.ID, "advance-form")
            unit = h.browser(1366)
            drivers.append(unit)
            unit.get(server.url + "/signin?next=/rounds/2026-R3")
            h.sign_in(unit, "孙伟")
            assert "2026-R3" not in unit.page_source and "十五届县委第三轮巡察" not in unit.page_source
            not_found = text(unit, "main")
            unit.get(server.url + "/rounds/2026-R9")
            assert text(unit, "main") == not_found, not_found
            shared["leader"] = leader

        def leader_reads_notices():
            leader = shared["leader"]
            leader.get(server.url + "/dashboard")
            h.submit(leader, 'nav a[href="/notices"]')
            h.wait_path(leader, "/notices")
            assert text(leader, "h1") == "预警通知"
            rows = leader.find_elements(By.CSS_SELECTOR, "#notice-list .notice-row")
            assert [r.get_attribute("data-id") for r in rows] == ["4", "3", "2", "1"]
            assert "问责" in rows[0].text and "清溪县城市建设投资有限公司" in rows[0].text, rows[0].text
            assert text(leader, ".count") == "共 4 条，最新的在前"
            h.screenshot(leader, args.out, "notices")

        def phone_width():
            narrow = h.browser(375)
            drivers.append(narrow)
            narrow.get(server.url + "/signin?next=/units")
            h.sign_in(narrow, "王建国")
            for path, name in (("/units", "units"), ("/rounds/2026-R3", "round-admin"), ("/rounds/new", None),
                               ("/notices", "notices")):
                narrow.get(server.url + path)
                assert h.fits_width(narrow), f"{path} scrolls sideways at 375 px"
                if name:
                    h.screenshot(narrow, args.out, name)
                    narrow.set_window_size(375, 900)

        shared = {}
        return h.main([
            ("the admin lists and filters units", lists_and_filters_units),
            ("a refused unit keeps what was typed", a_refused_unit_keeps_what_was_typed),
            ("a unit is added", adds_a_unit),
            ("a refused import names its line and writes nothing", a_refused_import_writes_nothing),
            ("a good import adds every row", a_good_import_adds_every_row),
            ("a round is created after a refusal", creates_a_round),
            ("targets and team are set", sets_targets_and_team),
            ("the round moves to its next stage", advances_it),
            ("a leader and a unit contact are refused", others_are_refused),
            ("the leader reads its notices, newest first", leader_reads_notices),
            ("the admin pages fit a 375 px phone", phone_width),
        ])
    finally:
        h.tear_down(drivers, server, world)


if __name__ == "__main__":
    sys.exit(run(h.arguments()))
