"""A page that can be sent by email to a topic's subscribers (an issue of
La Lettre): the officer previews it, sends a test to herself, then sends
it from the admin (``admin_views``)."""


class SendableByEmailMixin:
    #: The key of the topic whose subscribers receive the page.
    email_topic = ""
    #: The email's HTML template; it extends ``maillage_core/subscriptions/emails/layout.html``.
    email_template = ""

    def get_email_subject(self):
        return self.title

    def get_email_context(self, request):
        return {"page": self}
