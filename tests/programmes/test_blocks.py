"""The shared block library renders DSFR components from editors' values."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks import StreamBlockValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.blocks import BodyBlock, KeyFigureBlock, LinkBlock


def render(block_type, value):
    body = BodyBlock()
    child = body.child_blocks[block_type]
    return child.render(child.to_python(value))


def test_every_block_declares_its_editor_metadata():
    for name, block in BodyBlock().child_blocks.items():
        meta = block.meta
        assert meta.icon and meta.template and meta.label and meta.description and meta.group, name


@pytest.mark.django_db
def test_every_block_renders_its_preview_value():
    for name, block in BodyBlock().child_blocks.items():
        assert block.render(block.get_preview_value()) is not None, name


def test_callout_and_accordion_use_the_chosen_heading_levels():
    html = render("callout", {"title": "À retenir", "heading_level": "h3", "text": "Un fait."})
    assert '<h3 class="fr-callout__title">' in html.replace("\n", "").replace("  ", "")
    html = render(
        "accordion",
        {
            "title": "FAQ",
            "heading_level": "h2",
            "items": [{"title": "Qui ?", "content": "<p>Les communes.</p>"}],
        },
    )
    assert "<h2>FAQ</h2>" in html
    assert '<h3 class="fr-accordion__title">' in html
    assert "<p>Les communes.</p>" in html
    html = render(
        "accordion",
        {
            "title": "",
            "heading_level": "h3",
            "items": [{"title": "Qui ?", "content": "<p>Les communes.</p>"}],
        },
    )
    assert '<h3 class="fr-accordion__title">' in html


def test_key_figures_show_value_unit_label_and_source():
    html = render(
        "key_figures",
        {
            "title": "",
            "heading_level": "h2",
            "figures": [
                {
                    "value": "90",
                    "unit": "%",
                    "label": "des demandes traitées localement",
                    "source": "Feuille de route",
                }
            ],
        },
    )
    assert "90 %" in html and "des demandes traitées localement" in html
    assert "Source : Feuille de route" in html


def test_a_key_figure_requires_its_value():
    block = KeyFigureBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"value": " ", "unit": "", "label": "Communes", "source": ""}))


def test_a_link_is_either_a_page_or_an_external_address_with_a_label():
    block = LinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"page": None, "url": "", "label": ""}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"page": None, "url": "https://www.anct.gouv.fr", "label": ""}))
    html = render(
        "links",
        {
            "title": "Liens",
            "heading_level": "h2",
            "links": [{"page": None, "url": "https://www.anct.gouv.fr", "label": "Site de l'ANCT"}],
        },
    )
    assert 'href="https://www.anct.gouv.fr"' in html and "Site de l&#x27;ANCT" in html


def test_rich_text_offers_no_h1():
    assert "h1" not in BodyBlock().child_blocks["text"].features


def test_body_refuses_an_empty_key_figure():
    body = BodyBlock()
    value = body.to_python(
        [
            {
                "type": "key_figures",
                "value": {
                    "title": "",
                    "heading_level": "h2",
                    "figures": [{"value": "", "unit": "", "label": "Communes", "source": ""}],
                },
            }
        ]
    )
    with pytest.raises(StreamBlockValidationError):
        body.clean(value)


@pytest.mark.django_db
def test_image_is_a_lazy_webp_picture_with_sizes_and_alt_never_the_original():
    image = get_image_model().objects.create(
        title="Place de la mairie", file=get_test_image_file(size=(1600, 900)), alt_text="La place du marché"
    )
    html = render("image", {"image": image.pk, "alt_text": "", "caption": "Le centre-bourg"})
    assert "<picture>" in html and 'loading="lazy"' in html and "srcset=" in html
    assert ".webp" in html and 'width="' in html and 'height="' in html
    assert 'alt="La place du marché"' in html
    assert "original_images" not in html
    html = render("image", {"image": image.pk, "alt_text": "Autre texte", "caption": ""})
    assert 'alt="Autre texte"' in html


@pytest.mark.django_db
def test_document_list_shows_format_and_size():
    document = get_document_model().objects.create(title="Guide du programme")
    document.file.save("guide.pdf", ContentFile(b"%PDF-1.4" + b"0" * 2040))
    html = render("documents", {"title": "Documents", "heading_level": "h2", "documents": [document.pk]})
    assert "Guide du programme" in html and "PDF – 2,0" in html
