"""What happens to an offer or a testimony sent by the public: it is saved
as a never-published draft with a first revision, the moderation workflow
starts, and emails go out once the transaction has committed. Nothing is
public before a moderator approves it."""

from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection

from . import notifications
from .models.testimonies import Testimony

PHOTO_COLLECTION = "Espace Jeunes — témoignages"


@transaction.atomic
def submit_offer(form, request=None):
    offer = form.to_offer()
    offer.save()
    record(offer)
    transaction.on_commit(lambda: notifications.offer_received(offer, request))
    return offer


@transaction.atomic
def submit_testimony(form, request=None):
    data = form.cleaned_data
    testimony = Testimony(
        live=False,
        has_unpublished_changes=True,
        author_name=data["author_name"],
        email=data["email"],
        title=data["title"],
        scheme=data.get("scheme"),
        scheme_other=data.get("scheme_other", ""),
        country=data["country"],
        year=data["year"],
        text=data["text"],
        photo_alt=data.get("photo_alt", "") if data.get("photo") else "",
    )
    if data.get("photo"):
        testimony.photo = save_photo(data["photo"], data["title"])
    testimony.save()
    record(testimony)
    transaction.on_commit(lambda: notifications.testimony_received(testimony, request))
    return testimony


def record(obj):
    obj.save_revision(log_action=True)
    workflow = obj.get_workflow()
    if workflow is not None and not obj.workflow_in_progress:
        workflow.start(obj, user=None)


def photo_collection():
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=PHOTO_COLLECTION).first()
    return found or root.add_child(name=PHOTO_COLLECTION)


def save_photo(upload, title):
    image = get_image_model()(title=f"Témoignage : {title}"[:255], file=upload, collection=photo_collection())
    image.save()
    return image


@transaction.atomic
def withdraw(testimony):
    """Delete the testimony, its revisions, its workflow and its photo."""
    photo = testimony.photo
    testimony.delete()
    if photo is not None:
        photo.delete()
