"""Tell submitters when their offer or story goes online."""


def on_published(sender, instance, **kwargs):
    from .notifications import published

    published(instance)


def register():
    from wagtail.signals import published

    from .models import Offer, Testimony

    for model in (Offer, Testimony):
        published.connect(on_published, sender=model, dispatch_uid=f"maillage_youth_published_{model.__name__}")
