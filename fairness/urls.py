from django.urls import path

from fairness import views

urlpatterns = [
    path(
        "applications/<str:application_id>/self-id",
        views.SelfIdentificationView.as_view(),
        name="application-self-id",
    ),
    path(
        "jobs/<str:job_id>/adverse-impact",
        views.JobImpactView.as_view(),
        name="job-adverse-impact",
    ),
    path(
        "jobs/<str:job_id>/adverse-impact.csv",
        views.JobImpactCSVView.as_view(),
        name="job-adverse-impact-csv",
    ),
    path("adverse-impact", views.ImpactView.as_view(), name="adverse-impact"),
    path(
        "adverse-impact.csv", views.ImpactCSVView.as_view(), name="adverse-impact-csv"
    ),
]
