from django.urls import path

from resumes import views

urlpatterns = [
    path("review-resume", views.ReviewResumeView.as_view(), name="review-resume"),
    path(
        "jobs/<str:job_id>/applications",
        views.JobApplicationsView.as_view(),
        name="job-applications",
    ),
    path(
        "jobs/<str:job_id>/rescreen",
        views.JobRescreenView.as_view(),
        name="job-rescreen",
    ),
    path(
        "applications/<str:application_id>",
        views.ApplicationDetailView.as_view(),
        name="application-detail",
    ),
]
