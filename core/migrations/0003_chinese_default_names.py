"""Wagtail's migrations create a root page, a root collection, groups and a workflow with English
names (Root, Moderators, Editors, Moderators approval) that the Chinese admin then shows in
breadcrumbs, menus and choosers: name them in Chinese. Only the exact defaults are renamed;
anything an administrator renamed stays."""

from django.db import migrations

NAMES = {
    ("auth", "Group"): {"Moderators": "审核人", "Editors": "编辑"},
    ("wagtailcore", "Workflow"): {"Moderators approval": "审核人审核"},
    ("wagtailcore", "Task"): {"Moderators approval": "审核人审核"},
    ("wagtailcore", "Collection"): {"Root": "全部素材"},
}
ROOT_PAGE = {"Root": "根目录"}


def rename(apps, schema_editor, reverse=False):
    for (app, model), names in NAMES.items():
        Model = apps.get_model(app, model)
        for old, new in names.items():
            if reverse:
                old, new = new, old
            if not Model.objects.filter(name=new).exists():
                Model.objects.filter(name=old).update(name=new)
    Page = apps.get_model("wagtailcore", "Page")
    for old, new in ROOT_PAGE.items():
        if reverse:
            old, new = new, old
        Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, reverse=True)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_search_title_body_index"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
