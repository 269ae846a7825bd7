"""Districts and communities made with Chinese slugs (/shequ/%E6%B5%94.../) get pinyin ones,
and their old addresses redirect to them."""

from django.db import migrations

# The conversion moves pages in Wagtail's tree and builds redirects: it needs the real page
# models (descendants' url paths, revisions), which historical models lack.
from goodpeople.place_slugs import convert_place_slugs


def convert(apps, schema_editor):
    convert_place_slugs()


class Migration(migrations.Migration):
    dependencies = [
        ("goodpeople", "0002_station_log"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(convert, migrations.RunPython.noop)]
