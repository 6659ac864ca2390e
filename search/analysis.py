"""French text analysis for Elasticsearch/OpenSearch indexes.

Imported by the settings (no Django import here): the backend receives these
index settings when it creates an index, merged over modelsearch's own.

What the analyzers do, in order:

- ``standard`` tokenizer (splits "tiers-lieux" into "tiers", "lieux");
- ``french_elision``: "l'industrie" -> "industrie", "d'appui" -> "appui";
- ``lowercase`` then ``asciifolding``: "Cœur" -> "coeur", "ingénierie" -> "ingenierie",
  so accents match both ways;
- (search side only) ``french_synonyms``: a ``synonym_graph`` filter fed from the
  editors' ``SearchSynonym`` snippets (see ``search.synonyms``); synonyms are applied
  at query time only, so editing them never requires re-indexing;
- ``french_stem_override`` then ``french_light_stem``: Lucene's light French stemmer
  (Savoy) conflates plurals and feminines ("territoires" = "territoire", "éducatives"
  = "éducative") but leaves "industriel" apart from "industrie" and "touristique"
  apart from "tourisme". The override maps those adjective forms onto the stem of
  their noun (the override's output is the light stem itself and is protected from
  further stemming). Add a rule here when a pair of roadmap words should meet.

Modelsearch maps every ``SearchField`` to a ``text`` field without an explicit
analyzer, so redefining the index's ``default`` and ``default_search`` analyzers
applies French analysis to every searchable field (and to ``_all_text`` and the
``_all_text_boost_*`` copies). Autocomplete fields use ``edgengram_analyzer``,
redefined here with elision, and ``autocomplete_search`` at query time (set by
``search.backends.FrenchOpenSearchMapping``): modelsearch's own search analyzer for
them is ``standard``, which does not fold accents. ``autocomplete_search`` applies
the editors' synonyms too ("PVD" suggests "Petites villes de demain"); an index
created before that (an analyzer cannot change on a live index) gets it at the next
``manage.py update_index``.
"""

ELISION_ARTICLES = [
    "l",
    "m",
    "t",
    "qu",
    "n",
    "s",
    "j",
    "d",
    "c",
    "jusqu",
    "quoiqu",
    "lorsqu",
    "puisqu",
]

# token (after lowercase + asciifolding) => light_french stem of the word it should meet.
STEM_OVERRIDES = [
    "industriel, industriels, industrielle, industrielles => indust",
    "touristique, touristiques => tourism",
    "commercial, commerciale, commerciaux, commerciales => comerc",
]

# Used when no editor synonym exists yet: synonym_graph needs at least one rule.
DEFAULT_SYNONYMS = ["anct, agence nationale de la cohesion des territoires"]

_INDEX_FILTERS = ["french_elision", "lowercase", "asciifolding", "french_stem_override", "french_light_stem"]
_SEARCH_FILTERS = [
    "french_elision",
    "lowercase",
    "asciifolding",
    "french_synonyms",
    "french_stem_override",
    "french_light_stem",
]


def synonym_filter(rules: list[str]) -> dict:
    return {
        "type": "synonym_graph",
        "synonyms": list(rules) or DEFAULT_SYNONYMS,
        # A rule an editor typed that cannot be parsed is skipped, not fatal.
        "lenient": True,
    }


def french_index_settings(synonyms: list[str] | None = None) -> dict:
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "french_elision": {
                        "type": "elision",
                        "articles_case": True,
                        "articles": ELISION_ARTICLES,
                    },
                    "french_stem_override": {
                        "type": "stemmer_override",
                        "rules": STEM_OVERRIDES,
                    },
                    "french_light_stem": {"type": "stemmer", "language": "light_french"},
                    "french_synonyms": synonym_filter(synonyms or []),
                },
                "analyzer": {
                    "default": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": _INDEX_FILTERS,
                    },
                    "default_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": _SEARCH_FILTERS,
                    },
                    "edgengram_analyzer": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["french_elision", "lowercase", "asciifolding", "edgengram"],
                    },
                    "autocomplete_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["french_elision", "lowercase", "asciifolding", "french_synonyms"],
                    },
                },
            }
        }
    }
