"""Each of the office's powers over communities is its own permission: seeing the 五个一
standing no longer opens residents' nominations and their contact details."""

from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse

from goodpeople.factories import UserFactory
from goodpeople.models import GoodPeopleBoardPage, Nomination
from goodpeople.tests.site import build_city


def office_user(username: str, *codenames: str):
    group = Group.objects.create(name=f"{username}组")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_nomination", *codenames])
    )
    user = UserFactory(username=username)
    user.groups.add(group)
    return user


class OfficePowerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        board = GoodPeopleBoardPage.objects.child_of(cls.city.community_a).get()
        cls.nomination = Nomination.objects.create(
            board=board, name="王大爷", deed="义务巡逻二十年。", contact="13900001111"
        )
        cls.standing_only = office_user("standing", "view_standing")
        cls.handler = office_user("handler", "handle_all_nominations", "change_nomination")

    def edit_url(self) -> str:
        return reverse("wagtailsnippets_goodpeople_nomination:edit", args=[self.nomination.pk])

    def test_standing_alone_shows_the_table_but_no_nomination(self):
        self.client.force_login(self.standing_only)
        self.assertContains(self.client.get(reverse("goodpeople_standing")), "五个一")
        self.assertEqual(self.client.get(self.edit_url()).status_code, 404)
        listing = self.client.get(reverse("wagtailsnippets_goodpeople_nomination:list"))
        self.assertNotContains(listing, "王大爷")

    def test_handling_all_nominations_shows_contact_details_but_not_the_standing(self):
        self.client.force_login(self.handler)
        self.assertContains(self.client.get(self.edit_url()), "13900001111")
        response = self.client.get(reverse("goodpeople_standing"))
        self.assertNotEqual(response.status_code, 200)

    def test_the_reviewers_hold_both_and_the_editors_neither_nomination_power(self):
        self.client.force_login(self.city.reviewer)
        self.assertContains(self.client.get(self.edit_url()), "13900001111")
        self.assertContains(self.client.get(reverse("goodpeople_standing")), "五个一")
        self.client.force_login(self.city.editor)
        self.assertEqual(self.client.get(self.edit_url()).status_code, 404)
