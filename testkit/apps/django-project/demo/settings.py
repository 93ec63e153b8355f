"""A minimal project with django-prometheus set up as its README says: the app in INSTALLED_APPS, the Before/After
middlewares first and last, and its URLs included (/metrics). No database."""
SECRET_KEY = "deploy-gate-test-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["django_prometheus"]
MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]
ROOT_URLCONF = "demo.urls"
DATABASES = {}
USE_TZ = True
LOGGING = {"version": 1, "disable_existing_loggers": True}
