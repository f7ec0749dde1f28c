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
]
# applications/<id> is served by hiring.urls (its PATCH records a decision).
