"""An inspector's main path in a real browser: 刘芳 (team leader of the demo's 2026-R2) signs in
and lands on her rounds, opens the round page, dismisses 200 suspected findings at once from the
review queue, logs a finding with a photo attached from a 375 px wide window, and checks an
uploaded CSV file and a zip archive (with the progress shown), and sees a hostile zip refused; 李明华 accepts a task the unit submitted. Each result is read back through
the CLI."""

import json
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser_harness import (World, Server, arguments, browser, fits_width, main, screenshot, sign_in, submit,
                             tear_down, wait_path)

ROUND = "2026-R2"
INSPECTOR = "刘芳"
# A 1×1 PNG: the photo taken on site.
PHOTO = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def expenses(rows, first=1):
    lines = ["expense_id,unit_code,date,category,amount,headcount,vendor,description"]
    for n in range(first, first + rows):
        lines.append(f"W{n:04d},QX-SQ,2026-09-10,reception,1000.00,2,县宾馆,接待 {n}")
    return "\n".join(lines) + "\n"


def suspected(world, rule):
    listed = json.loads(world.run("finding", "list", "--round", ROUND, "--status", "suspected", "--format", "json"))
    return [f for f in listed if f["source"] == f"check:four_styles/{rule}"]


def run(args):
    world = World(args.patrol)
    server = None
    drivers = []
    try:
        world.run("demo")
        world.set_password(INSPECTOR)
        data = os.path.join(world.folder, "data")
        os.makedirs(data)
        with open(os.path.join(data, "expenses.csv"), "w", encoding="utf-8") as out:
            out.write(expenses(200))
        world.run("check", "--plugin", "four_styles", "--data", data, "--round", ROUND, "--as-of", "2026-10-01",
                  user=INSPECTOR)
        before = len(suspected(world, "FS-01"))
        assert before >= 200, before
        server = Server(world)
        out = args.out

        wide = browser(1366)
        drivers.append(wide)

        def home_is_rounds():
            wide.get(server.url + "/")
            sign_in(wide, INSPECTOR)
            wait_path(wide, "/rounds")
            assert "我的巡察轮次" in wide.find_element(By.TAG_NAME, "h1").text
            screenshot(wide, out, "inspector-rounds")
            wide.set_window_size(1366, 900)

        def round_page():
            wide.find_element(By.LINK_TEXT, "十五届县委第二轮巡察（营商环境专项）").click()
            wait_path(wide, f"/rounds/{ROUND}")
            assert wide.find_element(By.ID, "round-stage").text == "进驻"
            team = wide.find_element(By.ID, "round-team").text
            assert "刘芳（组长）" in team and "张丽" in team, team
            assert "石桥镇" in wide.find_element(By.ID, "round-targets").text
            counts = wide.find_element(By.ID, "finding-counts").text
            assert "疑似" in counts and "suspected" not in counts, counts
            screenshot(wide, out, "inspector-round")
            wide.set_window_size(1366, 900)

        def bulk_dismissal():
            wide.get(server.url + f"/rounds/{ROUND}/review?plugin=four_styles&rule=FS-01")
            assert wide.find_element(By.ID, "review-total").text == str(before)
            # Server-side paging: one page holds 50 of them.
            assert len(wide.find_elements(By.CSS_SELECTOR, "#review-list .finding-row")) == 50
            screenshot(wide, out, "inspector-review")
            wide.set_window_size(1366, 900)
            # Refused without a reason: the choice stays, the message is next to the field.
            wide.find_element(By.ID, "scope-all").click()
            submit(wide, "#dismiss-button")
            assert "理由" in wide.find_element(By.ID, "reason-error").text
            assert len(suspected(world, "FS-01")) == before
            wide.find_element(By.ID, "scope-all").click()
            wide.find_element(By.ID, "reason").send_keys("经核实为正常公务接待，审批手续齐全")
            submit(wide, "#dismiss-button")
            assert wide.find_element(By.ID, "flash").text == f"已排除 {before} 个问题。"
            assert suspected(world, "FS-01") == []
            dismissed = json.loads(world.run("finding", "list", "--round", ROUND, "--status", "dismissed", "--format", "json"))
            assert sum(1 for f in dismissed if f["dismissed_reason"] == "经核实为正常公务接待，审批手续齐全") == before

        def finding_with_photo_on_a_phone():
            phone = browser(375, 800)
            drivers.append(phone)
            phone.get(server.url + f"/rounds/{ROUND}/findings/new")
            sign_in(phone, INSPECTOR)
            wait_path(phone, f"/rounds/{ROUND}/findings/new")
            assert fits_width(phone)
            screenshot(phone, out, "inspector-finding-new")
            phone.set_window_size(375, 800)
            photo = os.path.join(world.folder, "现场照片.png")
            with open(photo, "wb") as f:
                f.write(PHOTO)
            Select(phone.find_element(By.ID, "unit")).select_by_visible_text("石桥镇")
            # Categories are the round's plugins' own, shown by their Chinese names.
            category = Select(phone.find_element(By.ID, "category"))
            assert "违规公款吃喝" in [o.text for o in category.options], [o.text for o in category.options]
            category.select_by_visible_text("违规公款吃喝")
            phone.find_element(By.ID, "title").send_keys("食堂账外收入未入账")
            phone.find_element(By.ID, "amount").send_keys("abc")
            phone.find_element(By.ID, "file").send_keys(photo)
            submit(phone, "#finding-submit")
            # Refused: the amount is named next to its field and what was typed is kept.
            assert "金额" in phone.find_element(By.ID, "amount-error").text
            assert phone.find_element(By.ID, "title").get_attribute("value") == "食堂账外收入未入账"
            assert Select(phone.find_element(By.ID, "category")).first_selected_option.text == "违规公款吃喝"
            phone.find_element(By.ID, "amount").clear()
            phone.find_element(By.ID, "amount").send_keys("3600.5")
            phone.find_element(By.ID, "file").send_keys(photo)
            submit(phone, "#finding-submit")
            assert phone.find_element(By.ID, "finding-title").text == "食堂账外收入未入账"
            assert phone.find_element(By.ID, "finding-amount").text == "3600.50 元"
            assert phone.find_element(By.ID, "finding-category").text == "违规公款吃喝"
            assert "现场照片.png" in phone.find_element(By.ID, "attachment-list").text
            assert fits_width(phone)
            screenshot(phone, out, "inspector-finding")
            finding = phone.current_url.split("/findings/")[1].split("?")[0]
            shown = json.loads(world.run("finding", "show", finding, "--format", "json"))
            assert shown["title"] == "食堂账外收入未入账" and shown["status"] == "confirmed"
            assert shown["category"] == "public_funds_dining" and shown["amount"] == 3600.5
            assert [a["name"] for a in shown["attachments"]] == ["现场照片.png"]
            assert shown["attachments"][0]["size"] == len(PHOTO)

        def check_upload():
            csv = os.path.join(world.folder, "expenses.csv")
            with open(csv, "w", encoding="utf-8") as out_file:
                out_file.write(expenses(3, first=501))
            wide.get(server.url + f"/rounds/{ROUND}/check")
            wide.find_element(By.ID, "file").send_keys(csv)
            submit(wide, "#check-submit")
            assert wide.find_element(By.ID, "check-added").text == "3"
            screenshot(wide, out, "inspector-check")
            wide.set_window_size(1366, 900)
            assert len(suspected(world, "FS-01")) == 3

        def check_upload_of_a_zip_with_progress():
            archive = os.path.join(world.folder, "台账.zip")
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("九月台账/", "")
                z.writestr("九月台账/expenses.csv", expenses(4, first=601))
            wide.get(server.url + f"/rounds/{ROUND}/check")
            wide.find_element(By.ID, "file").send_keys(archive)
            submit(wide, "#check-submit")
            assert wide.find_element(By.ID, "check-added").text == "4"
            # What the browser sent, then each phase the server went through, in order.
            sent = wide.find_element(By.ID, "check-sent").text
            assert sent.startswith("接收文件：已发送 ") and " / " in sent, sent
            phases = wide.find_element(By.ID, "check-phases").text
            assert phases.startswith("进度：接收文件 → 读取数据（文件 1/1） → 运行检查（"), phases
            assert phases.endswith(" → 记录问题（共 4 个疑似问题） → 已完成"), phases
            screenshot(wide, out, "inspector-check-zip")
            wide.set_window_size(1366, 900)
            assert len(suspected(world, "FS-01")) == 7

        def hostile_zip_refused_next_to_the_field():
            archive = os.path.join(world.folder, "坏包.zip")
            with zipfile.ZipFile(archive, "w") as z:
                z.writestr("../expenses.csv", expenses(2, first=701))
            wide.get(server.url + f"/rounds/{ROUND}/check")
            wide.find_element(By.ID, "file").send_keys(archive)
            submit(wide, "#check-submit")
            message = wide.find_element(By.ID, "file-error").text
            assert message == ("数据文件：压缩包「坏包.zip」中的「../expenses.csv」指向压缩包以外的位置（含有 ..）："
                               "应只含压缩包内的文件。请重新压缩后再上传。"), message
            assert len(suspected(world, "FS-01")) == 7

        def accept_a_task():
            # 赵敏's unit finished task 1 of 2026-R1 (李明华's round) and asked for acceptance.
            receipt = os.path.join(world.folder, "退款凭证.pdf")
            with open(receipt, "w", encoding="utf-8") as f:
                f.write("已退回")
            world.run("task", "plan", "1", "--measure", "补发补贴", "--handler", "赵强", "--leader", "钱伟", user="赵敏")
            world.run("task", "progress", "1", "--percent", "100", "--note", "已全部补发", "--evidence", receipt, user="赵敏")
            world.run("task", "submit", "1", user="赵敏")
            world.set_password("李明华")
            judge = browser(1366)
            drivers.append(judge)
            judge.get(server.url + "/tasks?status=submitted")
            sign_in(judge, "李明华")
            wait_path(judge, "/tasks")
            judge.find_element(By.LINK_TEXT, "惠民惠农补贴资金发放不及时").click()
            wait_path(judge, "/tasks/1")
            judge.find_element(By.ID, "note").send_keys("经核查，补贴已全部补发到户")
            screenshot(judge, out, "inspector-accept")
            judge.set_window_size(1366, 900)
            submit(judge, "#accept-button")
            assert judge.find_element(By.ID, "flash").text == "已验收销号。"
            shown = json.loads(world.run("task", "show", "1", "--format", "json"))
            assert shown["status"] == "accepted", shown["status"]
            assert shown["verification_note"] == "经核查，补贴已全部补发到户"

        return main([("an inspector lands on her rounds", home_is_rounds),
                     ("the round page shows stage, team, targets and counts", round_page),
                     ("a bulk dismissal of 200 suspected findings", bulk_dismissal),
                     ("a finding with a photo logged from a 375 px window", finding_with_photo_on_a_phone),
                     ("a check on an uploaded CSV file records suspected findings", check_upload),
                     ("a zip of CSV files is checked, showing bytes sent and the server's phases", check_upload_of_a_zip_with_progress),
                     ("a zip whose file climbs out is refused next to the file field", hostile_zip_refused_next_to_the_field),
                     ("a submitted task is accepted with a verification note", accept_a_task)])
    finally:
        tear_down(drivers, server, world)


if __name__ == "__main__":
    sys.exit(run(arguments()))
