from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.rich_text.converters.contentstate import link_entity
from wagtail.admin.rich_text.converters.html_to_contentstate import ExternalLinkElementHandler

from core.lockouts import may_unlock
from core.rich_text import SafeDocumentLinkHandler, SafePageLinkElementHandler, SafePageLinkHandler
from core.views import login_lockouts


# After Wagtail's own registrations (order 0), so these replace its page and document link
# handlers, for readers and for the editor.
@hooks.register("register_rich_text_features", order=1)
def links_with_bad_ids_render_as_text(features):
    features.register_link_type(SafePageLinkHandler)
    features.register_link_type(SafeDocumentLinkHandler)
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            "from_database_format": {
                "a[href]": ExternalLinkElementHandler("LINK"),
                'a[linktype="page"]': SafePageLinkElementHandler("LINK"),
            },
            "to_database_format": {"entity_decorators": {"LINK": link_entity}},
        },
    )


@hooks.register("register_admin_urls")
def lockout_urls():
    return [path("login-lockouts/", login_lockouts, name="core_login_lockouts")]


class LockoutMenuItem(MenuItem):
    def is_shown(self, request):
        return may_unlock(request.user)


@hooks.register("register_settings_menu_item")
def lockout_menu_item():
    return LockoutMenuItem("登录锁定", reverse("core_login_lockouts"), icon_name="lock", order=950)
