from django.apps import AppConfig
from django.urls import register_converter

from core.converters import IdConverter


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "公共"

    def ready(self):
        # <id:pk> in every app's URLs: ids too large for the database are a 404, never a 500.
        register_converter(IdConverter, "id")
