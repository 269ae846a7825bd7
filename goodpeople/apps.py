from django.apps import AppConfig


class GoodPeopleConfig(AppConfig):
    name = "goodpeople"
    verbose_name = "社区与志愿服务"

    def ready(self):
        from goodpeople import signals  # noqa: F401 - connects the receivers
