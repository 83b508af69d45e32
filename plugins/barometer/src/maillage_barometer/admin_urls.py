from django.urls import path

from . import admin_views

app_name = "maillage_barometer_admin"
urlpatterns = [
    path("", admin_views.editions, name="editions"),
    path("<int:pk>/", admin_views.report, name="report"),
    path("<int:pk>/clore/", admin_views.close, name="close"),
    path("<int:pk>/reponses/<str:key>/", admin_views.enter_answers, name="answers"),
]
