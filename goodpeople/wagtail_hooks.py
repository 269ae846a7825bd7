"""Admin wiring: snippets, the standing report, and the rules that keep stations apart."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    UsageView,
)

from core.converters import valid_id
from goodpeople import nomination_views, nominations
from goodpeople.access import imports_communities, views_standing
from goodpeople.models import Nomination, PairedUnit
from goodpeople.moderation import sent_back, sent_back_message
from goodpeople.nominations import log_handling, nominations_for
from goodpeople.stations import is_own_station_content, own_station_drafts_below
from goodpeople.views import community_import, standing_report


class PairedUnitViewSet(SnippetViewSet):
    model = PairedUnit
    icon = "group"
    menu_label = "帮扶单位"
    list_display = ["name", "kind", "level"]
    list_filter = ["kind", "level"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 310


class OwnNominationsOnly:
    """Another station's nomination is a 404 in every view of one: its editor, its history
    (the log names the nominee), its usage, its deletion."""

    def get_object(self, *args, **kwargs):
        nomination = super().get_object(*args, **kwargs)
        if not nominations_for(self.request.user).filter(pk=nomination.pk).exists():
            raise Http404
        return nomination


class NominationEditView(OwnNominationsOnly, EditView):
    def save_instance(self):
        # Logged as handling (which fields, by whom), in place of Wagtail's plain edit entry.
        changed = self.form.changed_data
        nomination = self.action_class(
            self.form.instance, user=self.request.user, form=self.form, log_action=False
        ).execute(skip_permission_checks=True)
        log_handling(nomination, self.request.user, changed)
        return nomination


class NominationHistoryView(OwnNominationsOnly, HistoryView):
    pass


class NominationUsageView(OwnNominationsOnly, UsageView):
    pass


class NominationDeleteView(OwnNominationsOnly, DeleteView):
    pass


class NominationChooseView(ChooseView):
    def get_object_list(self):
        return nominations_for(self.request.user)


class NominationChooseResultsView(ChooseResultsView):
    def get_object_list(self):
        return nominations_for(self.request.user)


class NominationChosenView(SnippetChosenView):
    def get_object(self, pk):
        return nominations_for(self.request.user).get(pk=pk)


class NominationChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return nominations_for(self.request.user).filter(pk__in=[pk for pk in pks if valid_id(pk)])


class NominationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = NominationChooseView
    choose_results_view_class = NominationChooseResultsView
    chosen_view_class = NominationChosenView
    chosen_multiple_view_class = NominationChosenMultipleView


class NominationViewSet(SnippetViewSet):
    model = Nomination
    icon = "user"
    menu_label = "好人推荐"
    list_display = ["name", "board", "status", "submitted_at"]
    list_filter = ["status"]
    add_to_admin_menu = True
    menu_order = 311
    edit_view_class = NominationEditView
    history_view_class = NominationHistoryView
    usage_view_class = NominationUsageView
    delete_view_class = NominationDeleteView
    chooser_viewset_class = NominationChooserViewSet

    def get_queryset(self, request):
        return nominations_for(request.user)


@hooks.register("register_log_actions")
def nomination_log_actions(actions):
    nominations.register_log_actions(actions)


register_snippet(PairedUnitViewSet)
register_snippet(NominationViewSet)


@hooks.register("before_edit_page")
def show_why_it_was_sent_back(request, page):
    """Opening a page the office sent back shows its comment at the top, not in a side panel."""
    if request.method == "GET" and (task_state := sent_back(page)):
        messages.warning(request, sent_back_message(task_state))


class ListOnBoardMenuItem(ActionMenuItem):
    """加入好人榜草稿 in a nomination's editor: posts the form, CSRF token and all, to its view."""

    label = "加入好人榜草稿"
    icon_name = "list-ul"
    template_name = "goodpeople/admin/list_on_board_button.html"

    def is_shown(self, context):
        nomination = context.get("instance")
        return (
            context["view"] == "edit"
            and nomination.status != Nomination.Status.LISTED
            and nomination.board.permissions_for_user(context["request"].user).can_edit()
        )

    def get_url(self, parent_context):
        return reverse("goodpeople_nomination_list", args=[parent_context["instance"].pk])


@hooks.register("register_snippet_action_menu_item")
def list_on_board_menu_item(model):
    return ListOnBoardMenuItem(order=10) if model is Nomination else None


@hooks.register("register_admin_urls")
def nomination_urls():
    return [
        path(
            "nominations/<id:pk>/photo/",
            nomination_views.nomination_photo,
            name="goodpeople_nomination_photo",
        ),
        path(
            "nominations/<id:pk>/list/",
            nomination_views.nomination_list,
            name="goodpeople_nomination_list",
        ),
    ]


@hooks.register("register_admin_urls")
def standing_urls():
    return [
        path("standing/", standing_report, name="goodpeople_standing"),
        path("communities/import/", community_import, name="goodpeople_community_import"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return imports_communities(request.user)


@hooks.register("register_settings_menu_item")
def community_import_menu_item():
    return ImportMenuItem(
        "导入社区表", reverse("goodpeople_community_import"), icon_name="upload", order=900
    )


class StandingMenuItem(MenuItem):
    def is_shown(self, request):
        return views_standing(request.user)


@hooks.register("register_admin_menu_item")
def standing_menu_item():
    return StandingMenuItem(
        "五个一达标", reverse("goodpeople_standing"), icon_name="table", order=312
    )


@hooks.register("construct_page_chooser_queryset")
def hide_other_drafts_from_chooser(pages, request):
    """Choosers list published pages and the pages the user may explore, nothing else.

    Wagtail's chooser lists every page by its draft title; a station would otherwise read
    other stations' drafts there, and a new title waiting for approval. Such a page is
    choosable again once the office publishes it.
    """
    if request.user.is_superuser:
        return pages
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    explorable = explorable.values("pk")
    # Few pages wait for a new title; as a list of ids, since the chooser's search can filter
    # on ids but not on titles.
    retitled = Page.objects.live().exclude(draft_title=F("title")).exclude(pk__in=explorable)
    return pages.filter(Q(live=True) | Q(pk__in=explorable)).exclude(
        pk__in=list(retitled.values_list("pk", flat=True))
    )


def turn_publish_into_submission(request, can_publish: bool) -> None:
    """A publish click by someone who may not publish becomes a submission for moderation.

    Wagtail would silently save a draft instead, and a station would believe it was live.
    """
    if request.method == "POST" and "action-publish" in request.POST and not can_publish:
        post = request.POST.copy()
        del post["action-publish"]
        post["action-submit"] = "action-submit"
        request.POST = post


@hooks.register("before_edit_page")
def submit_instead_of_publishing_edit(request, page):
    turn_publish_into_submission(
        request,
        page.permissions_for_user(request.user).can_publish()
        and not is_own_station_content(request.user, page),
    )


@hooks.register("before_create_page")
def submit_instead_of_publishing_create(request, parent_page, page_class):
    turn_publish_into_submission(
        request,
        parent_page.permissions_for_user(request.user).can_publish_subpage()
        and not is_own_station_content(request.user, parent_page),
    )


@hooks.register("construct_page_action_menu")
def no_publish_button_on_own_station_content(menu_items, request, context):
    """A station member who also reviews sees 提交审核, never 发布, on their own community."""
    page = context.get("page") if context.get("view") == "edit" else context.get("parent_page")
    if page is not None and is_own_station_content(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def no_bulk_publish_of_own_station_content(request, action_type, objects, action_class_instance):
    """发布 in the page listing obeys the four-eyes rule too: a reviewer publishes nothing of
    their own community, not even as a descendant of a page they chose."""
    if action_type != "publish" or not isinstance(action_class_instance, PageBulkAction):
        return None
    form = action_class_instance.cleaned_form
    with_descendants = bool(form and form.cleaned_data.get("include_descendants"))
    own = [
        page
        for page in objects
        if is_own_station_content(request.user, page)
        or (with_descendants and own_station_drafts_below(request.user, page).exists())
    ]
    if not own:
        return None
    titles = "、".join(page.get_admin_display_title() for page in own)
    messages.error(
        request, f"不能直接发布本社区的内容（{titles}）：请提交审核，由另一位审核员审批。"
    )
    return redirect(action_class_instance.next_url)


class FourEyesPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's page actions, with publish refused on the user's own community."""

    def action_view(self, request, pk, action_name):
        if action_name == "publish" and is_own_station_content(request.user, self.get_object()):
            raise PermissionDenied("不能直接发布本社区的内容：请提交审核，由另一位审核员审批。")
        return super().action_view(request, pk, action_name)


@hooks.register("construct_admin_api", order=1)
def admin_api_publishes_with_four_eyes(router):
    router.register_endpoint("pages", FourEyesPagesAdminAPIViewSet)
