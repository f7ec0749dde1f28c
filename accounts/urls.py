from django.urls import path

from accounts import views

urlpatterns = [
    path("users", views.UserCreateView.as_view(), name="user-create"),
    path("users/me", views.UserMeView.as_view(), name="user-me"),
    path("users/me/export", views.UserExportView.as_view(), name="user-export"),
    path("users/<str:user_id>", views.UserDetailView.as_view(), name="user-detail"),
    path("auth/tokens", views.TokenListView.as_view(), name="token-list"),
    path(
        "auth/tokens/<str:token_id>",
        views.TokenDetailView.as_view(),
        name="token-detail",
    ),
    path("auth/logout", views.LogoutView.as_view(), name="logout"),
    path("auth/ws-ticket", views.WsTicketView.as_view(), name="ws-ticket"),
    path("auth/invites", views.InviteView.as_view(), name="invite-create"),
]
