"""The plugin's own URLs (accounts, membership actions, signed links). A
host site includes them once, above Wagtail's catch-all::

    path("compte/", include("maillage_groups.urls")),

Everything else (groups, meetings, minutes, archives, feeds) is served by
pages placed in the tree.
"""

from django.urls import path

from .views import accounts, actions, links

app_name = "maillage_groups"

urlpatterns = [
    path("", accounts.account, name="account"),
    path("inscription/", accounts.signup, name="signup"),
    path("inscription/envoyee/", accounts.signup_sent, name="signup_sent"),
    path("activation/<str:token>/", accounts.activate, name="activate"),
    path("connexion/", accounts.LoginView.as_view(), name="login"),
    path("deconnexion/", accounts.LogoutView.as_view(), name="logout"),
    path("mot-de-passe/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("mot-de-passe/envoye/", accounts.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "mot-de-passe/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("mot-de-passe/termine/", accounts.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("groupes/<int:group_id>/rejoindre/", actions.join, name="join"),
    path("groupes/<int:group_id>/quitter/", actions.leave, name="leave"),
    path("groupes/<int:group_id>/courriels/", actions.notifications, name="notifications"),
    path("reunions/<int:meeting_id>/presence/", actions.attendance, name="attendance"),
    path("demandes/<str:token>/", links.decide, name="decide"),
    path("desabonnement/<str:token>/", links.unsubscribe, name="unsubscribe"),
]
