from django.db.models.signals import post_delete, post_save


def forget_statistics(**kwargs):
    from .statistics import forget

    forget()


def register():
    from .models import Actor

    post_save.connect(forget_statistics, sender=Actor, dispatch_uid="maillage_directory_stats_save")
    post_delete.connect(forget_statistics, sender=Actor, dispatch_uid="maillage_directory_stats_delete")
