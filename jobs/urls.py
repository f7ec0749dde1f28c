from django.urls import path

from jobs import views

urlpatterns = [
    path("jobs", views.JobListCreateView.as_view(), name="job-list"),
    path("jobs/stats", views.JobStatsView.as_view(), name="job-stats"),
    path("jobs/<str:job_id>", views.JobDetailView.as_view(), name="job-detail"),
    path("jobs/<str:job_id>/status", views.JobStatusView.as_view(), name="job-status"),
    path("j/<str:short_code>", views.JobShortLinkView.as_view(), name="job-short-link"),
]
