from django.db.models import Prefetch
from wagtail.images import get_image_model


def prefetch_renditions(queryset, field: str, *specs: str):
    """Fetch the named renditions of `field`'s image with the pages, so a listing's query
    count does not grow with its length."""
    rendition_model = get_image_model().get_rendition_model()
    return queryset.prefetch_related(
        Prefetch(
            f"{field}__renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=specs),
        )
    )
