"""Admin panels of the good-people models."""

from wagtail.admin.panels import FieldPanel


class NominationPhotoPanel(FieldPanel):
    """A nomination's photo, shown through the admin URL that checks who is asking.

    The photo lives in private storage; a plain read-only panel would only print its file name.
    """

    read_only_output_template_name = "goodpeople/admin/nomination_photo.html"
