import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from goodpeople.models import (
    BoardEntry,
    BrandProjectPage,
    BrandShowcasePage,
    Category,
    CommunityPage,
    CommunitySectionPage,
    DistrictPage,
    GoodPeopleBoardPage,
    NoticePage,
    PairedUnit,
    Pairing,
    ProjectCategory,
)


class CommunitySectionPageFactory(wagtail_factories.PageFactory):
    title = "社区学雷锋志愿服务站"
    slug = "shequ"

    class Meta:
        model = CommunitySectionPage


class DistrictPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"区{n}")

    class Meta:
        model = DistrictPage


class CommunityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"社区{n}")
    subdistrict = "甘棠街道"
    station_head = "王秀兰"
    address = "九江市浔阳区甘棠北路1号"
    phone = "0792-8220000"
    opening_hours = "周一至周五 8:30-17:30"

    class Meta:
        model = CommunityPage


class GoodPeopleBoardPageFactory(wagtail_factories.PageFactory):
    title = "身边好人榜"
    slug = "haoren"

    class Meta:
        model = GoodPeopleBoardPage


class BoardEntryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"好人{n}")
    category = Category.HELPING
    deed = "多年来义务照顾独居老人，风雨无阻。\n\n邻居们都称赞她是“热心大姐”。"
    listed_on = factory.LazyFunction(datetime.date.today)

    class Meta:
        model = BoardEntry


class BrandProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"品牌项目{n}")
    category = ProjectCategory.ELDERLY
    summary = "为辖区独居老人提供上门服务"
    need = "需求调查显示，辖区独居老人最需要上门理发和量血压。"
    activities = "志愿者每周上门一次。"

    class Meta:
        model = BrandProjectPage


class BrandShowcasePageFactory(wagtail_factories.PageFactory):
    title = "品牌项目展示"
    slug = "pinpai"

    class Meta:
        model = BrandShowcasePage


class NoticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"公示{n}")
    body = "<p>现将有关事项公示如下。</p>"

    class Meta:
        model = NoticePage


class PairedUnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"文明单位{n}")
    kind = PairedUnit.Kind.GOVERNMENT
    level = PairedUnit.Level.NATIONAL

    class Meta:
        model = PairedUnit


class PairingFactory(factory.django.DjangoModelFactory):
    unit = factory.SubFactory(PairedUnitFactory)
    started_on = datetime.date(2014, 3, 5)

    class Meta:
        model = Pairing


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "pass-word-123")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()
