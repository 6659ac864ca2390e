"""Custom Wagtail image and document models. An app of their own because they must
be decided before the first migration and belong to no single content app: images
carry a mandatory alternative text, documents a language and a publication date."""
