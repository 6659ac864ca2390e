"""French analysis for the Elasticsearch/OpenSearch index settings.

Imported by the settings (no Django import here): Wagtail merges these
``INDEX_SETTINGS`` over its own when it creates an index. Wagtail maps every
``SearchField`` to a text field without an analyzer of its own, so redefining the
index's ``default`` (indexing) and ``default_search`` (query) analyzers gives every
searchable field French analysis:

- ``standard`` tokenizer ("tiers-lieux" gives "tiers", "lieux");
- ``french_elision``: "l'industrie" → "industrie", "d'appui" → "appui";
- ``lowercase`` then ``asciifolding``: "Cœur" → "coeur", "ingénierie" → "ingenierie";
- at query time only, ``french_synonyms``: a ``synonym_graph`` fed with the editors'
  ``SearchSynonym`` lines ("PVD, Petites villes de demain"; see ``search.engine``),
  so that editing a synonym never needs re-indexing;
- ``french_stem_override`` then ``french_light_stem``: Lucene's light French stemmer
  joins plurals and feminines ("territoires" = "territoire") but leaves "industriel"
  apart from "industrie", "touristique" from "tourisme", "commerciaux" from
  "commerces": ``STEM_OVERRIDES`` maps them onto their noun's stem. The database
  backend's query layer reads the same families (``search.expansion``): add a rule
  here when two words of the roadmap should meet.

``edgengram_analyzer`` (titles for the autocomplete) gains the elision.
"""

ELISION_ARTICLES = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]

# words (after lowercase + asciifolding) => the light_french stem of the noun they should meet.
STEM_OVERRIDES = [
    "industrie, industries, industriel, industriels, industrielle, industrielles => indust",
    "tourisme, touristique, touristiques => tourism",
    "commerce, commerces, commercial, commerciale, commerciaux, commerciales => comerc",
]

# synonym_graph needs at least one rule: this one until editors write theirs.
DEFAULT_SYNONYMS = ["anct, agence nationale de la cohesion des territoires"]

_FOLDING = ["french_elision", "lowercase", "asciifolding"]
_STEMMING = ["french_stem_override", "french_light_stem"]


def synonym_filter(rules: list[str]) -> dict:
    # A line an editor typed that the engine cannot parse is skipped, not fatal.
    return {"type": "synonym_graph", "synonyms": list(rules) or DEFAULT_SYNONYMS, "lenient": True}


def french_index_settings(synonyms: list[str] | None = None) -> dict:
    def analyzer(filters):
        return {"type": "custom", "tokenizer": "standard", "filter": filters}

    return {
        "settings": {
            "analysis": {
                "filter": {
                    "french_elision": {
                        "type": "elision",
                        "articles_case": True,
                        "articles": ELISION_ARTICLES,
                    },
                    "french_stem_override": {"type": "stemmer_override", "rules": STEM_OVERRIDES},
                    "french_light_stem": {"type": "stemmer", "language": "light_french"},
                    "french_synonyms": synonym_filter(synonyms or []),
                },
                "analyzer": {
                    "default": analyzer(_FOLDING + _STEMMING),
                    "default_search": analyzer([*_FOLDING, "french_synonyms", *_STEMMING]),
                    "edgengram_analyzer": analyzer([*_FOLDING, "edgengram"]),
                },
            }
        }
    }
