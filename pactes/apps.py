from django.apps import AppConfig


class PactesConfig(AppConfig):
    name = "pactes"
    verbose_name = "Pactes"
