from wagtail import hooks
from wagtail.admin.rich_text.converters.contentstate import link_entity
from wagtail.admin.rich_text.converters.html_to_contentstate import ExternalLinkElementHandler

from core.rich_text import SafeDocumentLinkHandler, SafePageLinkElementHandler, SafePageLinkHandler


# After Wagtail's own registrations (order 0), so these replace its page and document link
# handlers, for readers and for the editor.
@hooks.register("register_rich_text_features", order=1)
def links_with_bad_ids_render_as_text(features):
    features.register_link_type(SafePageLinkHandler)
    features.register_link_type(SafeDocumentLinkHandler)
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            "from_database_format": {
                "a[href]": ExternalLinkElementHandler("LINK"),
                'a[linktype="page"]': SafePageLinkElementHandler("LINK"),
            },
            "to_database_format": {"entity_decorators": {"LINK": link_entity}},
        },
    )
