from django.apps import AppConfig


class GoodPeopleConfig(AppConfig):
    name = "goodpeople"
    verbose_name = "社区与工作站"

    def ready(self):
        from goodpeople import signals  # noqa: F401 - connects the receivers
