from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alertes par courriel"

    def ready(self):
        from . import events

        events.connect_signals()
