from django.urls import path

from jobs import views

urlpatterns = [
    path("jobs", views.JobListCreateView.as_view(), name="job-list"),
    path("jobs/<str:job_id>", views.JobDetailView.as_view(), name="job-detail"),
    path("j/<str:short_code>", views.JobShortLinkView.as_view(), name="job-short-link"),
]
