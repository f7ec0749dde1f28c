"""The admin app, with OpenHire's site (recruiters' desk) as the default site.

`INSTALLED_APPS` names `accounts.admin_config.OpenHireAdminConfig` in place of
`django.contrib.admin`; `admin.site` and `@admin.register` then use
`accounts.admin_site.OpenHireAdminSite`.
"""

from django.contrib.admin.apps import AdminConfig


class OpenHireAdminConfig(AdminConfig):
    default_site = "accounts.admin_site.OpenHireAdminSite"
