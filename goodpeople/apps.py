from django.apps import AppConfig


class GoodPeopleConfig(AppConfig):
    name = "goodpeople"
    verbose_name = "社区与志愿服务"
