from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.rich_text.converters.contentstate import link_entity
from wagtail.admin.rich_text.converters.html_to_contentstate import ExternalLinkElementHandler
from wagtail.admin.ui.tables import StatusFlagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_views import VisibleDocumentsAdminAPIViewSet, VisibleImagesAdminAPIViewSet
from core.converters import valid_id
from core.error_reports import reports_for
from core.lockouts import may_unlock
from core.models import ErrorReport
from core.rich_text import SafeDocumentLinkHandler, SafePageLinkElementHandler, SafePageLinkHandler
from core.views import login_lockouts
from core.visibility import may_download


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


@hooks.register("construct_admin_api", order=1)
def admin_api_lists_visible_media_only(router):
    """After Wagtail's registrations: its admin API lists every image and document, each with
    its file's URL, to anyone in the admin."""
    router.register_endpoint("images", VisibleImagesAdminAPIViewSet)
    router.register_endpoint("documents", VisibleDocumentsAdminAPIViewSet)


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page_to_move, destination):
    """Wagtail checks a move when it is made; its confirm page would first show the page."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("before_serve_document")
def serve_published_documents_only(document, request):
    """A document downloads for anyone once a live, public page uses it; before that only for
    who may see it in the admin, so a station's unpublished file stays its own."""
    if not may_download(request.user, document):
        raise Http404("文件不存在")


class ErrorReportChooseView(ChooseView):
    def get_object_list(self):
        return reports_for(self.request.user)


class ErrorReportChooseResultsView(ChooseResultsView):
    def get_object_list(self):
        return reports_for(self.request.user)


class ErrorReportChosenView(SnippetChosenView):
    def get_object(self, pk):
        return reports_for(self.request.user).get(pk=pk)


class ErrorReportChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return reports_for(self.request.user).filter(pk__in=[pk for pk in pks if valid_id(pk)])


class ErrorReportChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ErrorReportChooseView
    choose_results_view_class = ErrorReportChooseResultsView
    chosen_view_class = ErrorReportChosenView
    chosen_multiple_view_class = ErrorReportChosenMultipleView


class ErrorReportViewSet(SnippetViewSet):
    """网站纠错 for the office: whoever holds the model's permissions lists them and marks them
    handled; what the reader sent is shown, not edited."""

    model = ErrorReport
    icon = "warning"
    menu_label = "网站纠错"
    add_to_admin_menu = True
    menu_order = 330
    list_display = [
        "summary",
        "page_url",
        "submitted_at",
        StatusFlagColumn("handled", label="状态", true_label="已处理", false_label="未处理"),
    ]
    list_filter = ["handled"]
    panels = [
        FieldPanel("page_url", read_only=True),
        FieldPanel("description", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("handled"),
        FieldPanel("note"),
    ]
    chooser_viewset_class = ErrorReportChooserViewSet

    def get_queryset(self, request):
        return reports_for(request.user)


register_snippet(ErrorReportViewSet)
