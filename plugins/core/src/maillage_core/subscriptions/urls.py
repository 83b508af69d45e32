"""The public addresses of subscriptions. A host site includes them once,
above Wagtail's catch-all::

    path("abonnements/", include("maillage_core.subscriptions.urls")),
"""

from django.urls import path

from . import views

app_name = "maillage_subscriptions"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("envoye/", views.sent, name="sent"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
