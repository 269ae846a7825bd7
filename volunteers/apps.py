from django.apps import AppConfig


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = "志愿服务台账"

    def ready(self):
        from volunteers import signals  # noqa: F401 - connects the receivers
