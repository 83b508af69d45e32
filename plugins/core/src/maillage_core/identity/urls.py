from django.urls import path

from . import views

urlpatterns = [
    path("theme.css", views.theme, name="maillage_theme"),
    path("favicon.ico", views.favicon, name="maillage_favicon"),
]
