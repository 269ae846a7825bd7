"""manage.py import_communities: validate everything first, import idempotently, at city scale."""

import io
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Site

from core.tests.utils import log_in
from goodpeople.factories import CommunitySectionPageFactory
from goodpeople.models import CommunityPage, DistrictPage, PairedUnit, Pairing, Station
from goodpeople.sample import community_rows, write_csv, write_xlsx

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "communities-sample.xlsx"


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_communities", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class ImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        CommunitySectionPageFactory(parent=Site.objects.get(is_default_site=True).root_page)

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())

    def test_the_shipped_sample_imports_districts_communities_units_and_stations(self):
        out, _ = run(str(SAMPLE))
        self.assertIn("完成", out)
        self.assertIn("[##############################]", out)
        self.assertGreaterEqual(DistrictPage.objects.count(), 8)
        self.assertGreaterEqual(CommunityPage.objects.count(), 36)
        levels = set(PairedUnit.objects.values_list("level", flat=True))
        self.assertEqual(levels, {"national", "provincial", "municipal"})
        self.assertEqual(PairedUnit.objects.filter(level="national").count(), 8)
        self.assertEqual(Station.objects.count(), CommunityPage.objects.count())
        community = CommunityPage.objects.get(title="甘棠社区")
        self.assertEqual(community.get_parent().title, "浔阳区")
        self.assertTrue(community.live)
        self.assertEqual(community.station_sign, "甘棠社区学雷锋志愿服务工作站")
        group = community.station.group
        self.assertTrue(GroupPagePermission.objects.filter(group=group, page=community).exists())
        self.assertTrue(
            GroupCollectionPermission.objects.filter(
                group=group, collection=community.station.collection
            ).exists()
        )
        self.assertFalse(get_user_model().objects.filter(groups=group).exists())

    def test_a_second_run_updates_and_adds_nothing_twice(self):
        rows = community_rows(6, 4)
        path = write_csv(self.folder / "city.csv", rows)
        run(str(path))
        counts = (
            CommunityPage.objects.count(),
            PairedUnit.objects.count(),
            Station.objects.count(),
        )
        rows[0]["电话"] = "0792-1234567"
        rows[1]["帮扶单位"], rows[3]["帮扶单位"] = rows[3]["帮扶单位"], rows[1]["帮扶单位"]
        out, _ = run(str(write_csv(path, rows)))
        self.assertIn("更新社区 1 个", out)
        self.assertEqual(
            (CommunityPage.objects.count(), PairedUnit.objects.count(), Station.objects.count()),
            counts,
        )
        self.assertEqual(CommunityPage.objects.get(title=rows[0]["社区"]).phone, "0792-1234567")
        moved = PairedUnit.objects.get(name=rows[1]["帮扶单位"])
        current = moved.pairings.get(ended_on__isnull=True)
        self.assertEqual(current.community.title, rows[1]["社区"])
        self.assertEqual(Pairing.objects.filter(ended_on__isnull=True).count(), 4)

    def test_any_bad_row_imports_nothing_and_names_every_bad_row(self):
        rows = community_rows(5, 3)
        rows[1]["社区"] = ""
        rows[2]["单位级别"] = "区级"
        rows[3]["结对时间"] = "去年春天"
        rows[4]["帮扶单位"] = rows[0]["帮扶单位"]
        rows[4]["单位类型"], rows[4]["单位级别"] = "机关", "市级"
        with self.assertRaisesMessage(CommandError, "4 行有错误，未导入任何内容。"):
            out, err = io.StringIO(), io.StringIO()
            try:
                call_command(
                    "import_communities",
                    str(write_csv(self.folder / "bad.csv", rows)),
                    stdout=out,
                    stderr=err,
                )
            finally:
                errors = err.getvalue()
        self.assertIn("第3行：缺少社区", errors)
        self.assertIn("第4行：单位级别应为全国、省级或市级", errors)
        self.assertIn("第5行：结对时间“去年春天”不是日期", errors)
        self.assertIn(f"第6行：帮扶单位“{rows[0]['帮扶单位']}”已在第2行结对", errors)
        self.assertFalse(CommunityPage.objects.exists())
        self.assertFalse(PairedUnit.objects.exists())

    def test_unreadable_files_are_refused(self):
        missing = self.folder / "none.xlsx"
        with self.assertRaisesMessage(CommandError, "找不到文件"):
            run(str(missing))
        text = self.folder / "city.txt"
        text.write_text("x")
        with self.assertRaisesMessage(CommandError, "只能导入 .xlsx 或 .csv 文件"):
            run(str(text))
        broken = self.folder / "broken.xlsx"
        broken.write_bytes(b"not a zip")
        with self.assertRaisesMessage(CommandError, "无法读取这个 Excel 文件"):
            run(str(broken))
        headless = write_csv(self.folder / "wrong.csv", [])
        headless.write_text("名称,电话\n甘棠,1\n", encoding="utf-8")
        with self.assertRaisesMessage(CommandError, "第1行缺少列：县市区、社区"):
            run(str(headless))

    def test_accounts_only_on_request_with_one_time_passwords(self):
        path = self.folder / "city.xlsx"
        write_xlsx(path, community_rows(2, 1))
        run(str(path))
        self.assertFalse(get_user_model().objects.filter(username="zhan001").exists())
        out, _ = run(str(path), "--create-accounts")
        line = next(line for line in out.splitlines() if line.strip().startswith("zhan001"))
        username, password, holder = line.split()
        user = get_user_model().objects.get(username=username)
        self.assertTrue(user.check_password(password))
        community = user.groups.get().station.community
        self.assertEqual(holder, f"{community.get_parent().title}{community.title}站长")
        # A second account, the clerk, can confirm what the head records.
        clerk_line = next(line for line in out.splitlines() if line.strip().startswith("jilu001"))
        clerk_name, clerk_password, clerk_holder = clerk_line.split()
        clerk = get_user_model().objects.get(username=clerk_name)
        self.assertTrue(clerk.check_password(clerk_password))
        self.assertEqual(clerk.groups.get(), user.groups.get())
        self.assertTrue(clerk_holder.endswith("记录员"))
        # The one-time password opens only the password change page...
        self.assertTrue(log_in(self.client, username, password))
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertRedirects(response, reverse("wagtailadmin_account"))
        self.assertEqual(self.client.get(reverse("wagtailadmin_account")).status_code, 200)
        # ...until it is changed; a second import creates no new password.
        user.set_password("a-new-strong-password-9")
        user.save()
        self.assertTrue(log_in(self.client, username, "a-new-strong-password-9"))
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)
        out, _ = run(str(path), "--create-accounts")
        self.assertNotIn("zhan001", out)
        self.assertNotIn("jilu001", out)

    def test_a_head_and_clerk_sharing_one_account_is_refused(self):
        rows = community_rows(2, 0)
        rows[1]["记录员账号"] = rows[1]["站长账号"]
        rows[0]["记录员"] = ""
        path = write_csv(self.folder / "city.csv", rows)
        err = io.StringIO()
        with self.assertRaisesMessage(CommandError, "2 行有错误，未导入任何内容。"):
            call_command("import_communities", str(path), "--create-accounts", stderr=err)
        self.assertIn("第2行：填了记录员账号，但缺少记录员姓名", err.getvalue())
        self.assertIn("第3行：站长和记录员须用不同的账号", err.getvalue())
        self.assertFalse(CommunityPage.objects.exists())


class AdminUploadTests(TestCase):
    """The office uploads the sheet in the admin: the same checks, the passwords shown once."""

    @classmethod
    def setUpTestData(cls):
        CommunitySectionPageFactory(parent=Site.objects.get(is_default_site=True).root_page)
        cls.office = get_user_model().objects.create_superuser("office", "o@example.com", "pw")

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())
        self.client.force_login(self.office)
        self.url = reverse("goodpeople_community_import")

    def upload(self, path: Path, **fields):
        with path.open("rb") as sheet:
            return self.client.post(self.url, {"sheet": sheet, **fields})

    def test_a_good_sheet_imports_and_shows_the_new_passwords_once(self):
        path = self.folder / "city.xlsx"
        write_xlsx(path, community_rows(2, 1))
        response = self.upload(path, create_accounts="on")
        self.assertContains(response, "完成：新建县市区")
        self.assertContains(response, "zhan001")
        self.assertContains(response, "jilu001")
        self.assertEqual(CommunityPage.objects.count(), 2)
        self.assertIn("no-store", response["Cache-Control"])
        user = get_user_model().objects.get(username="zhan001")
        password = response.context["report"].accounts[0][1]
        self.assertContains(response, f"<code>{password}</code>", html=True)
        self.assertTrue(user.check_password(password))
        # Nothing keeps the password: the page shows the form alone next time.
        self.assertNotContains(self.client.get(self.url), password)

    def test_a_bad_sheet_imports_nothing_and_says_which_rows(self):
        rows = community_rows(3, 0)
        rows[1]["社区"] = ""
        rows[2]["电话"] = "call me"
        path = write_csv(self.folder / "city.csv", rows)
        response = self.upload(path)
        self.assertContains(response, "2 行有错误，未导入任何内容。")
        self.assertContains(response, "第3行：缺少社区")
        self.assertContains(response, "第4行：电话“call me”格式不对")
        self.assertFalse(CommunityPage.objects.exists())

    def test_a_file_that_is_not_a_sheet_is_refused_with_the_reason(self):
        path = self.folder / "city.xlsx"
        path.write_bytes(b"not a spreadsheet")
        self.assertContains(self.upload(path), "无法读取这个 Excel 文件")
        self.assertFalse(CommunityPage.objects.exists())

    def test_only_whoever_may_add_stations_sees_the_page(self):
        reviewer = get_user_model().objects.create_user("r", password="pw")
        reviewer.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
        self.client.force_login(reviewer)
        response = self.client.get(self.url)
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
