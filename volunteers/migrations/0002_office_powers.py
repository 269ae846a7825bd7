"""The office's powers for its groups: 市文明办审核员 gets every one, 市文明办编辑 only the standing.

Each power is its own permission (goodpeople.access, volunteers.access); before they were
split, seeing the 五个一 standing also opened every nomination and every volunteer's ID number.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

REVIEWERS = "市文明办审核员"
EDITORS = "市文明办编辑"
POWERS = {
    REVIEWERS: [
        ("goodpeople", "view_standing"),
        ("goodpeople", "view_nomination"),
        ("goodpeople", "change_nomination"),
        ("goodpeople", "handle_all_nominations"),
        ("volunteers", "view_all_ledgers"),
        ("volunteers", "oversee_stations"),
    ],
    EDITORS: [("goodpeople", "view_standing")],
}
# What editors held before the split and no longer need.
TAKEN_FROM_EDITORS = [("goodpeople", "view_nomination"), ("goodpeople", "change_nomination")]


def grant(apps, schema_editor):
    # Content types and permissions are normally created after all migrations; these are
    # needed now. The stub app configs of a migration need models_module set to be read.
    for label in ("goodpeople", "volunteers"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(pairs):
        return [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in pairs
        ]

    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(*permissions(POWERS[REVIEWERS]))
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(*permissions(POWERS[EDITORS]))
        editors.permissions.remove(*permissions(TAKEN_FROM_EDITORS))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("goodpeople", "0001_initial"),
        ("volunteers", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
