"""Guessing passwords on the admin login: a user name and address pair is locked after a few
failures, the answer does not tell whether the user exists, and an administrator unlocks."""

import re

from django.contrib.auth.models import Permission, User
from django.test import TestCase, override_settings
from django.urls import reverse

from core.tests.utils import log_in

LOCKED = "连续登录失败次数过多"


def without_tokens(content: bytes) -> bytes:
    return re.sub(rb"[A-Za-z0-9]{64}", b"", content)


@override_settings(AXES_FAILURE_LIMIT=5)
class LoginLockoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_user("gantang", password="the-right-one-9")
        cls.user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        cls.admin = User.objects.create_superuser("admin", password="admin-pass-9")

    def try_login(self, username, password, **extra):
        return self.client.post(
            reverse("wagtailadmin_login"), {"username": username, "password": password}, **extra
        )

    def test_the_right_password_after_many_wrong_ones_is_refused(self):
        for _ in range(4):
            self.assertContains(self.try_login("gantang", "guess"), "用户名或密码不正确")
        # The fifth failure locks the pair, and from then on even the right password.
        self.assertContains(self.try_login("gantang", "guess"), LOCKED, status_code=429)
        response = self.try_login("gantang", "the-right-one-9")
        self.assertContains(response, LOCKED, status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)
        # The same user from another address is not locked out by someone else's guessing.
        self.assertEqual(
            self.try_login("gantang", "the-right-one-9", REMOTE_ADDR="10.9.9.9").status_code, 302
        )

    def test_a_user_name_that_does_not_exist_gets_the_same_answer(self):
        for username in ("gantang", "nobody-here"):
            for _ in range(5):
                self.try_login(username, "guess")
        existing = self.try_login("gantang", "guess")
        missing = self.try_login("nobody-here", "guess")
        self.assertEqual(existing.status_code, missing.status_code)
        # Byte for byte, but for the page's fresh CSRF token.
        self.assertEqual(without_tokens(existing.content), without_tokens(missing.content))
        self.assertContains(missing, LOCKED, status_code=429)

    def test_a_few_mistakes_then_the_right_password_logs_in_and_starts_over(self):
        for _ in range(4):
            self.try_login("gantang", "guess")
        self.assertTrue(log_in(self.client, "gantang", "the-right-one-9"))
        self.client.logout()
        for _ in range(4):
            self.try_login("gantang", "guess")
        self.assertTrue(log_in(self.client, "gantang", "the-right-one-9"))

    @override_settings(WENMING_TRUSTED_PROXIES=1)
    def test_a_forged_forwarded_for_does_not_unlock(self):
        for n in range(5):
            self.try_login("gantang", "guess", HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 203.0.113.5")
        response = self.try_login(
            "gantang", "the-right-one-9", HTTP_X_FORWARDED_FOR="1.1.1.77, 203.0.113.5"
        )
        self.assertEqual(response.status_code, 429)

    def test_the_administrator_unlocks_the_pair(self):
        for _ in range(5):
            self.try_login("gantang", "guess")
        office = self.client_class()
        office.force_login(self.admin)
        page = office.get(reverse("core_login_lockouts"))
        self.assertContains(page, "gantang")
        self.assertContains(page, "127.0.0.1")
        attempt = page.context["attempts"][0]
        done = office.post(reverse("core_login_lockouts"), {"attempt": attempt.pk}, follow=True)
        self.assertContains(done, "已为“gantang”（127.0.0.1）解锁")
        self.assertContains(done, "目前没有被锁定的账号")
        self.assertTrue(log_in(self.client, "gantang", "the-right-one-9"))

    def test_only_an_administrator_sees_the_lockouts(self):
        for _ in range(5):
            self.try_login("nobody-here", "guess")
        station = self.client_class()
        station.force_login(self.user)
        refused = station.get(reverse("core_login_lockouts"), follow=True)
        self.assertNotEqual(refused.request["PATH_INFO"], reverse("core_login_lockouts"))
        self.assertNotContains(refused, "nobody-here")
        self.assertNotContains(station.get(reverse("wagtailadmin_home")), "/admin/login-lockouts/")
        office = self.client_class()
        office.force_login(self.admin)
        # The menu (JSON in the page) links 设置 › 登录锁定 for the administrator only.
        self.assertContains(office.get(reverse("wagtailadmin_home")), "/admin/login-lockouts/")
