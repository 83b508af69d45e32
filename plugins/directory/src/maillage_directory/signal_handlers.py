from django.db.models.signals import post_delete, post_save


def forget_statistics(**kwargs):
    from .statistics import forget

    forget()


def remove_from_index(instance, **kwargs):
    from .indexing import remove_actor

    remove_actor(instance)


def register():
    from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal

    from .listing_cache import data_changed
    from .models import Actor

    # The vocabulary's options are kept under core's content version, which these saves renew.
    for model in (ActorType, Department, Sector, SustainableDevelopmentGoal):
        for signal in (post_save, post_delete):
            signal.connect(data_changed, sender=model, dispatch_uid=f"maillage_directory_listings_{model.__name__}")

    post_save.connect(forget_statistics, sender=Actor, dispatch_uid="maillage_directory_stats_save")
    post_delete.connect(forget_statistics, sender=Actor, dispatch_uid="maillage_directory_stats_delete")
    post_delete.connect(remove_from_index, sender=Actor, dispatch_uid="maillage_directory_unindex")
