from django.urls import path

from accounts import views

urlpatterns = [
    path("users", views.UserCreateView.as_view(), name="user-create"),
    path("users/<str:user_id>", views.UserDetailView.as_view(), name="user-detail"),
]
