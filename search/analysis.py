"""French text analysis for Elasticsearch/OpenSearch indexes.

Imported by the settings (no Django import here): the backend receives these
index settings when it creates an index.
"""


def french_index_settings() -> dict:
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "french_elision": {
                        "type": "elision",
                        "articles_case": True,
                        "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c",
                                     "jusqu", "quoiqu", "lorsqu", "puisqu"],
                    },
                    "french_light_stem": {"type": "stemmer", "language": "light_french"},
                },
                "analyzer": {
                    "default": {
                        "tokenizer": "standard",
                        "filter": ["french_elision", "lowercase", "asciifolding",
                                   "french_light_stem"],
                    },
                },
            }
        }
    }
