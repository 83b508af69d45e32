"""``{% kept_picture %}``: Wagtail's ``{% picture %}`` (same arguments), its
HTML kept in this process under the content version.

A listing's card draws its image from six renditions (two formats, three
widths): finding them and building the tags took a third of the news
index's and La Lettre's time for each first visitor. The HTML depends only
on the image, whose every save renews the content version, and on the tag's
own specs and attributes, so it is kept as the other derived values are
(``maillage_core.content_memo``). It holds nothing of the visitor.
"""

from django import template
from django.template.base import Token
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as image_tag

from ..content_memo import remembered

register = template.Library()


class KeptPictureNode(PictureNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image or self.output_var_name:
            return super().render(context)
        attrs = tuple((name, str(value.resolve(context))) for name, value in self.attrs.items())
        key = ("picture", image._meta.label, image.pk, tuple(self.filter_specs), attrs)
        return remembered(key, lambda: super(KeptPictureNode, self).render(context))


@register.tag("kept_picture")
def kept_picture(parser, token):
    # Wagtail's parser picks the node by the tag's name: it reads a "picture".
    _name, _space, arguments = token.contents.partition(" ")
    node = image_tag(parser, Token(token.token_type, f"picture {arguments}", token.position, token.lineno))
    return KeptPictureNode(node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name)
