from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = "Recherche"

    def ready(self):
        from search import synonyms

        synonyms.connect()
