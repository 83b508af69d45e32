from django.urls import path

from . import admin_views

app_name = "maillage_subscriptions_admin"

urlpatterns = [
    path("pages/<int:page_id>/envoyer/", admin_views.SendPageView.as_view(), name="send"),
    path("pages/<int:page_id>/apercu/", admin_views.preview, name="preview"),
    path("envois/<int:mailing_id>/", admin_views.ProgressView.as_view(), name="progress"),
]
