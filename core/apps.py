from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import register_converter

from core.converters import IdConverter
from core.pagecache import invalidate_on_change


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "公共"

    def ready(self):
        # Imported here, as Django does with signal handlers: it needs Wagtail's image models,
        # which cannot be imported before the app registry is ready.
        from core.images import guard_decoding
        from core.restrictions import use_cached_restrictions

        # <id:pk> in every app's URLs: ids too large for the database are a 404, never a 500.
        register_converter(IdConverter, "id")
        # Renditions and Wagtail's own checks decode through here: never beyond the pixel cap.
        guard_decoding()
        # Private sections from the cache, not a query per listing and per page served.
        use_cached_restrictions()
        # Whatever changes what readers see starts a new generation of cached pages.
        for name, signal in (("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)):
            signal.connect(invalidate_on_change, dispatch_uid=f"pagecache-{name}")
