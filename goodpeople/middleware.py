"""Accounts created with a one-time password must set their own before using the admin."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from goodpeople.models import PasswordChangeRequired

ALLOWED_URL_NAMES = ["wagtailadmin_account", "wagtailadmin_logout", "wagtailadmin_login"]


class ForcePasswordChangeMiddleware:
    """Sends a user still on a one-time password to the password change page.

    The flag holds the one-time password's hash, so it clears itself once the user's
    password differs, whichever view changed it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and self.must_change(user):
            allowed = {reverse(name) for name in ALLOWED_URL_NAMES}
            if (
                request.path.startswith(reverse("wagtailadmin_home"))
                and request.path not in allowed
            ):
                messages.warning(request, "请先修改初始密码，然后再继续。")
                return redirect("wagtailadmin_account")
        return self.get_response(request)

    def must_change(self, user) -> bool:
        flag = PasswordChangeRequired.objects.filter(user=user).first()
        if flag is None:
            return False
        if flag.one_time_hash != user.password:
            flag.delete()
            return False
        return True
