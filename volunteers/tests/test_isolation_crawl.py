"""Every admin URL, opened by station A with station B's ids, shows nothing of station B.

The crawl walks Django's URL resolver, so an admin view added later (by Wagtail or by us) is
crawled too; a pattern whose arguments the crawl cannot fill fails the test until it is
taught the new argument. It lives with the ledger because the ledger's views are crawled
with B's volunteers and records as well.
"""

import contextlib
import io
import json
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.models import EditingSession
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import UploadedFile

from core.models import ErrorReport
from goodpeople.factories import NoticePageFactory, PairingFactory
from goodpeople.models import GoodPeopleBoardPage, Nomination
from goodpeople.tests.site import build_city, png_bytes
from volunteers.factories import ServiceRecordFactory, VolunteerFactory
from volunteers.models import Certificate, Inspection

# What station B keeps to itself: drafts, residents' nominations, its media, its ledger,
# its accounts' names. Its published pages are public and may show anywhere.
SECRETS = [
    "乙站草稿公告",
    "乙站改名好人榜",
    "乙站草稿好人",
    "乙站被推荐人",
    "乙站照片",
    "乙站文件",
    "乙站志愿者",
    "乙站服务记录",
    "乙站督查发现",
    "乙站站长",
    "yizhan-photo",
    "yizhan-file",
    "yizhan-upload",
    "读者纠错内容",  # not B's, but no station's: readers' reports are the office's
]
# Station A's own, which the crawl must find: proof that it looked while logged in as A.
OWN = ["甲站草稿公告", "甲站被推荐人", "甲站照片", "甲站文件"]
# Searched for in every listing, chooser and report; echoed in search boxes, so no secret.
SEARCH = "乙站"


def admin_patterns(patterns=None, prefix="", namespace=()):
    """(route, namespaced name, pattern) of every URL pattern under /admin/."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + ((pattern.namespace,) if pattern.namespace else ())
            yield from admin_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and prefix.startswith("admin/"):
            yield prefix + str(pattern.pattern), ":".join((*namespace, pattern.name or "")), pattern


def readable(response) -> str:
    """The response as text, JSON unescaped (choosers answer with \\u-escaped HTML)."""
    if getattr(response, "streaming", False):
        text = b"".join(response.streaming_content).decode(errors="ignore")
    else:
        text = response.content.decode(errors="ignore")
    if response.get("Content-Type", "").startswith("application/json"):
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


class StationBIsHiddenFromStationA(TestCase):
    @classmethod
    def setUpTestData(cls):
        city = cls.city = build_city()
        community_b = city.community_b
        station_b = community_b.station
        city.station_b.first_name = "乙站站长"
        city.station_b.save()
        cls.draft = NoticePageFactory(parent=community_b, title="乙站草稿公告", live=False)
        cls.draft.save_revision(user=city.station_b)
        cls.board = GoodPeopleBoardPage.objects.child_of(community_b).get()
        renamed = cls.board.get_latest_revision_as_object()
        renamed.title = "乙站改名好人榜"
        renamed.entries.first().name = "乙站草稿好人"
        cls.revision = renamed.save_revision(user=city.station_b)
        cls.workflow_state = cls.draft.get_workflow().start(cls.draft, city.station_b)
        cls.nomination = Nomination.objects.create(
            board=cls.board, name="乙站被推荐人", deed="好事"
        )
        cls.image = Image.objects.create(
            title="乙站照片",
            file=ImageFile(io.BytesIO(png_bytes()), name="yizhan-photo.png"),
            collection=station_b.collection,
        )
        cls.document = Document.objects.create(
            title="乙站文件",
            file=ContentFile(b"station b", name="yizhan-file.txt"),
            collection=station_b.collection,
        )
        cls.upload = UploadedFile.objects.create(
            file=ContentFile(png_bytes(), name="yizhan-upload.png"),
            for_content_type=ContentType.objects.get_for_model(Document),
            uploaded_by_user=city.station_b,
        )
        cls.session = EditingSession.objects.create(
            user=city.station_b,
            content_type=ContentType.objects.get_for_model(cls.draft, for_concrete_model=False),
            object_id=str(cls.draft.pk),
            last_seen_at=timezone.now(),
        )
        # Paired units are public; B's is crawled for the snippet views' sake.
        cls.unit = PairingFactory(community=community_b).unit
        cls.error_report = ErrorReport.objects.create(
            page_url="http://testserver/", description="读者纠错内容", contact="13900001111"
        )
        community_a = city.community_a
        NoticePageFactory(parent=community_a, title="甲站草稿公告", live=False)
        board_a = GoodPeopleBoardPage.objects.child_of(community_a).get()
        Nomination.objects.create(board=board_a, name="甲站被推荐人", deed="好事")
        Image.objects.create(
            title="甲站照片",
            file=ImageFile(io.BytesIO(png_bytes()), name="jiazhan-photo.png"),
            collection=community_a.station.collection,
        )
        Document.objects.create(
            title="甲站文件",
            file=ContentFile(b"station a", name="jiazhan-file.txt"),
            collection=community_a.station.collection,
        )
        cls.volunteer = VolunteerFactory(station=station_b, name="乙站志愿者")
        cls.record = ServiceRecordFactory(volunteer=cls.volunteer, content="乙站服务记录")
        cls.certificate = Certificate.objects.create(
            number="JJ-B-1",
            volunteer=cls.volunteer,
            station=station_b,
            hours=2,
            record_count=1,
            issued_by=city.station_b,
        )
        cls.inspection = Inspection.objects.create(
            community=community_b,
            inspectors="市文明办",
            findings="乙站督查发现",
            created_by=city.reviewer,
        )

    def path_arguments(self, name: str) -> dict:
        """B's id for each path argument, by argument name and, for a bare pk, by view."""
        page, task_state = self.draft, self.workflow_state.current_task_state
        by_view = {
            "wagtailadmin_api:pages": page.pk,
            "wagtailadmin_api:documents": self.document.pk,
            "wagtailadmin_api:images": self.image.pk,
            "wagtailadmin_collections": self.city.community_b.station.collection.pk,
            "wagtailadmin_workflows": self.workflow_state.workflow.pk,
            "wagtailsnippets_goodpeople_nomination": self.nomination.pk,
            "wagtailsnippetchoosers_goodpeople_nomination": self.nomination.pk,
            "wagtailsnippets_goodpeople_pairedunit": self.unit.pk,
            "wagtailsnippetchoosers_goodpeople_pairedunit": self.unit.pk,
            "wagtailsnippets_core_errorreport": self.error_report.pk,
            "wagtailsnippetchoosers_core_errorreport": self.error_report.pk,
            "wagtailsites": 1,
            "wagtailusers_users": self.city.station_b.pk,
            "wagtailusers_groups": self.city.community_b.station.group.pk,
            "wagtaildocs_chooser": self.document.pk,
            "wagtailimages_chooser": self.image.pk,
            "volunteers:volunteer": self.volunteer.pk,
            "volunteers:volunteer_edit": self.volunteer.pk,
            "volunteers:exchange": self.volunteer.pk,
            "volunteers:commend": self.volunteer.pk,
            "volunteers:certify": self.volunteer.pk,
            "volunteers:certificate": self.certificate.pk,
            "volunteers:correct": self.record.pk,
            "volunteers:void": self.record.pk,
            "volunteers:inspection_edit": self.inspection.pk,
            "volunteers:inspection_review": self.inspection.pk,
            "volunteers:fix_report": self.inspection.pk,
            "goodpeople_nomination_photo": self.nomination.pk,
            "goodpeople_nomination_list": self.nomination.pk,
            "wagtailadmin_workflows:edit_task": task_state.task.pk,
            "wagtailadmin_workflows:disable_task": task_state.task.pk,
            "wagtailadmin_workflows:enable_task": task_state.task.pk,
            "wagtailsettings": 1,
            "wagtailadmin_pages:revisions_compare": self.board.pk,
        }
        view = next(
            (by_view[key] for key in (name, name.rsplit(":", 1)[0]) if key in by_view), None
        )
        return {
            "pk": view,
            "page_id": page.pk,
            "parent_page_id": self.city.community_b.pk,
            "page_to_move_id": page.pk,
            "destination_id": self.city.community_a.pk,
            "page_pk": page.pk,
            "workflow_pk": self.workflow_state.workflow.pk,
            "revision_id": self.revision.pk,
            "revision_id_a": "earliest",
            "revision_id_b": "latest",
            "task_state_id": task_state.pk,
            "task_id": task_state.task.pk,
            "workflow_state_id": self.workflow_state.pk,
            "action_name": "approve",
            "collection_id": self.city.community_b.station.collection.pk,
            "document_id": self.document.pk,
            "doc_id": self.document.pk,
            "image_id": self.image.pk,
            "filter_spec": "original",
            "uploaded_file_id": self.upload.pk,
            "session_id": self.session.pk,
            "object_id": str(page.pk),
            "redirect_id": 1,
            "content_type_app_name": "goodpeople",
            "content_type_model_name": "noticepage",
            "app_label": "goodpeople",
            "app_name": "goodpeople",
            "model_name": "noticepage",
            "uidb64": "x",
            "token": "x",
        }

    def ids_of(self, name: str) -> list[int]:
        """B's ids of the objects a view lists, for its ?id= (choosers' chosen-multiple)."""
        for prefix, objects in [
            ("wagtailadmin_api:documents", [self.document]),
            ("wagtailadmin_api:images", [self.image]),
            ("wagtaildocs", [self.document]),
            ("wagtailimages", [self.image]),
            ("wagtailsnippet", [self.nomination]),
            ("wagtailusers", [self.city.station_b]),
            ("volunteers", [self.volunteer]),
        ]:
            if name.startswith(prefix):
                return [obj.pk for obj in objects]
        return [self.draft.pk, self.board.pk]

    def urls(self) -> list[tuple[str, dict]]:
        """Every admin URL filled with B's ids, with its query, and each bulk action."""
        urls = []
        patterns = list(admin_patterns())
        named = {route for route, name, _ in patterns if name and not name.endswith(":")}
        for route, name, pattern in patterns:
            if route.endswith(("/bulk/<str:app_label>/<str:model_name>/<str:action>/", "^.*/$")):
                continue  # bulk actions are added below, one URL each; ^.*/$ is the 404 page
            unnamed = not name or name.endswith(":")
            if unnamed and route in named:
                continue  # our override of a Wagtail URL: crawled under Wagtail's name
            names = list(pattern.pattern.regex.groupindex)
            arguments = self.path_arguments(name)
            missing = [n for n in names if arguments.get(n) is None]
            self.assertFalse(missing, f"the crawl has no id for {missing} of {route} ({name})")
            if unnamed:
                urls.append((f"/{route}", {}))  # an unnamed page without arguments (test404)
                continue
            url = reverse(name, kwargs={n: arguments[n] for n in names})
            urls.append((url, {"id": self.ids_of(name)}))
        ids = {
            "page": [self.draft.pk, self.board.pk],
            "image": [self.image.pk],
            "document": [self.document.pk],
            "user": [self.city.station_b.pk],
            "nomination": [self.nomination.pk],
            "pairedunit": [self.unit.pk],
            "errorreport": [self.error_report.pk],
        }
        for action in hooks.get_hooks("register_bulk_action"):
            for model in action.models:
                meta = model._meta
                args = [meta.app_label, meta.model_name, action.action_type]
                urls.append(
                    (reverse("wagtail_bulk_action", args=args), {"id": ids[meta.model_name]})
                )
        return urls

    def test_station_a_sees_nothing_of_station_b(self):
        self.client.raise_request_exception = False
        leaks, errors, seen = [], [], set()
        search = {"q": SEARCH, "search": SEARCH, "child_of": self.city.community_b.pk}
        for url, ids in self.urls():
            # Plain, then searching B's community with B's ids (bulk actions always need ids).
            for query in (ids if "/bulk/" in url else {}, {**search, **ids}):
                # Logged in afresh each time: one of the URLs is 退出 (log out).
                self.client.force_login(self.city.station_a)
                response = self.client.get(url, query)
                # /admin/failwhale/ is Wagtail's deliberate error, for testing error reports.
                if response.status_code >= 500 and url != reverse("wagtailadmin_error_test"):
                    errors.append(f"{url} {response.status_code}")
                text = readable(response)
                seen.update(own for own in OWN if own in text)
                found = [secret for secret in SECRETS if secret in text]
                if found:
                    leaks.append(f"{url}?{urlencode(query, doseq=True)}: {'、'.join(found)}")
        self.assertEqual(seen, set(OWN))
        self.assertFalse(errors, "\n".join(errors))
        self.assertFalse(leaks, "station B shows in:\n" + "\n".join(leaks))
