"""A leader (周国庆 of the demo county) in headless chromium: signs in and lands on the dashboard,
whose every figure equals `patrol report stats --format json` for the same day (today and a day
chosen in the form), with the charts drawn by Chart.js served by patrol itself; then works
through the extension requests: a denial without a reason is refused next to the field with the
typed note kept, one request is approved (the due date moves) and one denied with a reason (it
stays). Screenshots of both pages at 375 px and 1366 px go to --out."""

import json
import sys
from decimal import Decimal

from selenium.webdriver.common.by import By

import browser_harness as h

LEVELS = ("none", "green", "yellow", "red", "accountability")


def seed(world):
    """The demo county; 赵敏 of 河塘镇 asks to extend both of its first two tasks by a year."""
    world.run("demo")
    tasks = json.loads(world.run("task", "list", "--format", "json", user="赵敏"))
    asked = []
    for task in tasks[:2]:
        due = task["due"]
        wanted = f"{int(due[:4]) + 1}{due[4:]}"
        world.run("task", "extend", str(task["id"]), "--to", wanted, "--reason", f"等待县财政拨付资金（{task['title']}）",
                  user="赵敏")
        asked.append({"id": task["id"], "due": due, "wanted": wanted, "title": task["title"]})
    world.set_password("周国庆")
    return asked


def cli_stats(world, as_of=None):
    args = ["report", "stats", "--format", "json"] + (["--as-of", as_of] if as_of else [])
    return json.loads(world.run(*args, user="周国庆"), parse_float=Decimal)


# Everything the four tables show, read in one script call (one WebDriver round trip per cell
# would be slow): rows as {row attributes, title, cells by data-level/data-key}.
READ_TABLES = """
function rows(css) {
  return Array.prototype.map.call(document.querySelectorAll(css), function (tr) {
    var cells = {};
    tr.querySelectorAll('td[data-level], td[data-key]').forEach(function (td) {
      cells[td.getAttribute('data-level') || td.getAttribute('data-key')] = td.textContent.trim();
    });
    var title = tr.querySelector('td.title');
    return { unit: tr.getAttribute('data-unit'), round: tr.getAttribute('data-round'),
             task: tr.getAttribute('data-task'), title: title ? title.firstChild.textContent.trim() : '',
             cells: cells };
  });
}
return { asOf: document.getElementById('as_of').value,
         colours: rows('#colour-table .colour-row'), colourTotal: rows('#colour-total')[0],
         overdue: rows('#overdue-table .overdue-row'), overdueHeading: document.querySelector('#overdue h2').textContent,
         rounds: rows('#rate-table .rate-row'), rateTotal: rows('#rate-total')[0],
         categories: rows('#category-table .category-row') };
"""

READ_UNITS = READ_TABLES.split("\nreturn { asOf")[0] + """
return { colours: rows('#colour-table .colour-row'), colourTotal: rows('#colour-total')[0] };
"""


def rate(value):
    return "-" if value is None else f"{value}%"


def counts(entry):
    return {**{lvl: str(entry[lvl]) for lvl in LEVELS}, "open": str(entry["open"])}


def page_equals_cli(driver, stats):
    """Every figure of the four tables against the CLI's JSON of the same day."""
    page = driver.execute_script(READ_TABLES)
    assert page["asOf"] == stats["as_of"], page["asOf"]
    units = {row["unit"]: row["cells"] for row in page["colours"]}
    wanted = {u["unit"]: counts(u) for u in stats["colours"]["units"]}
    assert units == wanted, (units, wanted)
    assert page["colourTotal"]["cells"] == counts(stats["colours"]["total"]), page["colourTotal"]

    shown = [(int(row["task"]), row["cells"]["days"]) for row in page["overdue"]]
    assert shown == [(o["task_id"], str(o["days_overdue"])) for o in stats["overdue"]], shown
    assert f"（{len(stats['overdue'])} 件）" in page["overdueHeading"], page["overdueHeading"]

    rounds = {row["round"]: row["cells"] for row in page["rounds"]}
    assert rounds == {r["round"]: {"fed_back": str(r["fed_back"]), "rectified": str(r["rectified"]), "rate": rate(r["rate"])}
                      for r in stats["rectification"]["rounds"]}, rounds
    t = stats["rectification"]["total"]
    assert page["rateTotal"]["cells"] == {"fed_back": str(t["fed_back"]), "rectified": str(t["rectified"]),
                                          "rate": rate(t["rate"])}, page["rateTotal"]

    categories = [(row["title"], row["cells"]["findings"], Decimal(row["cells"]["amount"])) for row in page["categories"]]
    assert categories == [(c["name"], str(c["findings"]), Decimal(c["amount"])) for c in stats["categories"]], categories


def run(args):
    world = h.World(args.patrol)
    server = None
    drivers = []
    try:
        asked = seed(world)
        server = h.Server(world)
        wide = h.browser(1366)
        drivers.append(wide)

        def signs_in_to_the_dashboard():
            wide.get(server.url + "/")
            h.wait_path(wide, "/signin")
            h.sign_in(wide, "周国庆")
            h.wait_path(wide, "/dashboard")
            assert wide.find_element(By.TAG_NAME, "h1").text == "统计看板"
            nav = wide.find_element(By.CSS_SELECTOR, "nav.nav").text
            assert "统计看板" in nav and "延期审批" in nav, nav

        def dashboard_equals_cli_today():
            stats = cli_stats(world)
            assert stats["colours"]["units"] and stats["overdue"] and stats["categories"], "the demo has figures to compare"
            page_equals_cli(wide, stats)
            page = wide.find_element(By.TAG_NAME, "main").text
            for raw in LEVELS[1:] + ("fed_back",):
                assert raw not in page, f"raw code {raw} shown"

        def charts_drawn_by_chart_js():
            assert server.headers("/static/chart.min.js")["Content-Type"].startswith("text/javascript")
            h.wait_for(wide, lambda d: d.execute_script(
                "return Array.prototype.every.call(document.querySelectorAll('canvas.chart'),"
                " function (c) { return window.Chart && Chart.getChart(c); })"), "charts not drawn")
            assert len(wide.find_elements(By.CSS_SELECTOR, "canvas.chart")) == 3
            h.screenshot(wide, args.out, "dashboard")
            wide.set_window_size(1366, 900)

        def dashboard_equals_cli_on_a_chosen_day():
            day = wide.find_element(By.ID, "as_of")
            wide.execute_script("arguments[0].value = '2026-09-30'", day)
            h.submit(wide, "#as_of ~ button")
            assert wide.current_url.endswith("/dashboard?as_of=2026-09-30"), wide.current_url
            page_equals_cli(wide, cli_stats(world, "2026-09-30"))

        def all_units_equal_cli():
            # The dashboard lists the worst units only when there are many; the full list is the
            # same figures for every unit, a page at a time (the demo's fit on one page).
            wide.get(server.url + "/dashboard/units?as_of=2026-09-30")
            stats = cli_stats(world, "2026-09-30")
            page = wide.execute_script(READ_UNITS)
            units = {row["unit"]: row["cells"] for row in page["colours"]}
            assert units == {u["unit"]: counts(u) for u in stats["colours"]["units"]}, units
            assert page["colourTotal"]["cells"] == counts(stats["colours"]["total"]), page["colourTotal"]
            assert wide.find_element(By.CSS_SELECTOR, "nav.pager span").text == "第 1 / 1 页"
            wide.find_element(By.LINK_TEXT, "返回统计看板").click()
            h.wait_path(wide, "/dashboard")
            assert wide.current_url.endswith("/dashboard?as_of=2026-09-30"), wide.current_url

        def a_bad_day_is_refused_next_to_the_field():
            wide.get(server.url + "/dashboard?as_of=2026-13-40")
            message = wide.find_element(By.ID, "as_of-error").text
            assert message == "截至日「2026-13-40」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。", message
            day = wide.find_element(By.ID, "as_of")
            assert day.get_attribute("value") == "2026-13-40", day.get_attribute("value")
            assert day.get_attribute("aria-describedby") == "as_of-error"
            assert not wide.find_elements(By.ID, "colours"), "figures shown for a day that is not a date"
            # The typed value corrected in place: the figures come back for that day.
            day.clear()
            day.send_keys("2026-09-30")
            h.submit(wide, "#as_of ~ button")
            assert wide.current_url.endswith("/dashboard?as_of=2026-09-30"), wide.current_url
            assert not wide.find_elements(By.ID, "as_of-error")
            page_equals_cli(wide, cli_stats(world, "2026-09-30"))

        def round_page_gives_the_report_due_date():
            # 2026-R1 was fed back on 2026-06-15; the units' 整改情况报告 is due 60 days later.
            wide.get(server.url + "/rounds/2026-R1")
            assert wide.find_element(By.ID, "report-due").text == "2026-08-14"
            wide.get(server.url + "/rounds/2026-R2")
            assert not wide.find_elements(By.ID, "report-due"), "R2 has not been fed back"

        def lists_the_requests():
            wide.find_element(By.LINK_TEXT, "延期审批").click()
            h.wait_path(wide, "/extensions")
            assert wide.find_element(By.CSS_SELECTOR, ".count").text == "待审批 2 件，先提出的在前。"
            for a in asked:
                card = wide.find_element(By.ID, f"request-{a['id']}").text
                assert a["title"] in card and a["due"] in card and a["wanted"] in card and "赵敏" in card, card
                assert "等待县财政拨付资金" in card, card

        def denial_without_reason_is_refused():
            first = asked[1]["id"]
            h.submit(wide, f"#request-{first} button.deny")
            error = wide.find_element(By.CSS_SELECTOR, f"#request-{first} .field-error").text
            assert error.startswith("驳回理由不能为空"), error
            assert wide.find_element(By.ID, f"deny-{first}").get_attribute("value") == ""
            assert len(wide.find_elements(By.CSS_SELECTOR, ".extension-request")) == 2

        def approves_one():
            a = asked[0]
            wide.get(server.url + "/extensions")
            h.screenshot(wide, args.out, "extensions")
            wide.set_window_size(1366, 900)
            wide.find_element(By.ID, f"approve-{a['id']}").send_keys("资金拨付确需时间，同意延期。")
            h.submit(wide, f"#request-{a['id']} button.approve")
            assert wide.find_element(By.CSS_SELECTOR, ".flash").text == "已批准延期申请，整改期限已按申请调整。"
            assert not wide.find_elements(By.ID, f"request-{a['id']}")

        def denies_the_other_with_a_reason():
            a = asked[1]
            wide.find_element(By.ID, f"deny-{a['id']}").send_keys("理由不充分，应按期完成。")
            h.submit(wide, f"#request-{a['id']} button.deny")
            assert wide.find_element(By.CSS_SELECTOR, ".flash").text == "已驳回延期申请，整改期限不变。"
            assert wide.find_element(By.CSS_SELECTOR, "main p.card").text == "没有待审批的延期申请。"
            tasks = {t["id"]: t for t in json.loads(world.run("task", "list", "--format", "json", user="周国庆"))}
            assert tasks[a["id"]]["due"] == a["due"], tasks[a["id"]]
            assert tasks[asked[0]["id"]]["due"] == asked[0]["wanted"], tasks[asked[0]["id"]]

        def phone_width():
            narrow = h.browser(375)
            drivers.append(narrow)
            narrow.get(server.url + "/signin?next=/dashboard")
            h.sign_in(narrow, "周国庆")
            h.wait_path(narrow, "/dashboard")
            assert h.fits_width(narrow), "the dashboard scrolls sideways at 375 px"
            h.screenshot(narrow, args.out, "dashboard")
            narrow.set_window_size(375, 900)
            narrow.get(server.url + "/extensions")
            assert h.fits_width(narrow), "the extension page scrolls sideways at 375 px"
            h.screenshot(narrow, args.out, "extensions")

        return h.main([
            ("the leader signs in and lands on the dashboard", signs_in_to_the_dashboard),
            ("the dashboard's figures equal report stats for today", dashboard_equals_cli_today),
            ("the charts are drawn by the Chart.js patrol serves", charts_drawn_by_chart_js),
            ("the dashboard's figures equal report stats for a chosen day", dashboard_equals_cli_on_a_chosen_day),
            ("the full list of units equals report stats", all_units_equal_cli),
            ("a day that does not exist is refused next to the date field", a_bad_day_is_refused_next_to_the_field),
            ("the round page gives the units' rectification report due date", round_page_gives_the_report_due_date),
            ("the pending extension requests are listed", lists_the_requests),
            ("a denial without a reason is refused next to the field", denial_without_reason_is_refused),
            ("one request is approved and the due date moves", approves_one),
            ("the other is denied with a reason and the due date stays", denies_the_other_with_a_reason),
            ("both pages fit a 375 px phone", phone_width),
        ])
    finally:
        h.tear_down(drivers, server, world)


if __name__ == "__main__":
    sys.exit(run(h.arguments()))
