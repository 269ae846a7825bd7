"""The image library's upload form (WAGTAILIMAGES_IMAGE_FORM_BASE), through core.uploads.

Not in admin_forms: page models import that module while the models load, and Wagtail's
image forms module builds querysets when imported, which needs every model loaded.
"""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from core.uploads import ImageRefused, clean_image


class CheckedImageField(WagtailImageField):
    """Wagtail's image file field, with core.uploads first.

    Wagtail decodes the whole image before it counts the pixels, and stores the file as sent;
    here the header is checked first, and Wagtail's own checks see the re-encoded copy.
    """

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        self.check_image_file_size(upload)
        try:
            clean = clean_image(upload, upload.name)
        except ImageRefused as refusal:
            raise ValidationError(str(refusal), code=refusal.code) from None
        return super().to_python(clean)


class ImageForm(BaseImageForm):
    """The form of every admin view that uploads an image: add, multiple add, chooser, edit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the field itself; a declared one would come back in the forms that
        # leave the file out, so it is swapped for the checked one here.
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = CheckedImageField(
                label=field.label, required=field.required, widget=field.widget
            )
