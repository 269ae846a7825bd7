from wagtail.models import Page


def ensure_child_page(parent: Page, model, slug: str, **fields) -> Page:
    """The live child of parent with this slug, created and published if missing; for loaders
    that must be safe to run again."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page
