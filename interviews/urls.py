from django.urls import path

from interviews import views

urlpatterns = [
    path("interview/", views.InterviewPageView.as_view(), name="interview-page"),
    path(
        "ai-interview/health",
        views.InterviewHealthView.as_view(),
        name="interview-health",
    ),
    path(
        "ai-interview/status/<str:session_id>",
        views.InterviewStatusView.as_view(),
        name="interview-status",
    ),
    path(
        "ai-interview/results/<str:session_id>",
        views.InterviewResultsView.as_view(),
        name="interview-results",
    ),
    path(
        "ai-interview/session/<str:session_id>",
        views.InterviewSessionView.as_view(),
        name="interview-session",
    ),
]
