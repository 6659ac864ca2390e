"""The Atom feed validator: the RELAX NG schema of RFC 4287 (appendix B, kept as
``schemas/atom.rnc``) through lxml, and the Schematron rules written inside it
(an author for the feed or every entry, a link or a content for every entry),
which RELAX NG alone does not check."""

import re
from functools import cache
from pathlib import Path

import rnc2rng
from lxml import etree, isoschematron

SCHEMA = Path(__file__).parent / "schemas" / "atom.rnc"
RELAXNG = "http://relaxng.org/ns/structure/1.0"
#: The RFC writes its rules in Schematron 1.5; lxml checks ISO Schematron, which has
#: the same rule, assert and XPath test, under another namespace.
SCHEMATRON_15 = "http://www.ascc.net/xml/schematron"
ISO_SCHEMATRON = "http://purl.oclc.org/dsdl/schematron"
ATOM = "http://www.w3.org/2005/Atom"
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@cache
def grammar() -> etree._Element:
    """The RFC's compact schema in the XML syntax lxml reads (rnc2rng, the
    converter lxml itself uses). rnc2rng declares the RFC's ``namespace local = ""``
    as ``xmlns:local=""``, which XML forbids; nothing refers to that prefix."""
    xml = rnc2rng.dumps(rnc2rng.loads(SCHEMA.read_text(encoding="utf-8")))
    return etree.fromstring(re.sub(r'\s+xmlns:local=""', "", xml).encode())


@cache
def rules() -> isoschematron.Schematron:
    """The schema's Schematron rules, each in its own pattern (rules of one
    pattern would shadow each other on the same element)."""
    schema = etree.Element(f"{{{ISO_SCHEMATRON}}}schema", nsmap={None: ISO_SCHEMATRON})
    etree.SubElement(schema, f"{{{ISO_SCHEMATRON}}}ns", prefix="atom", uri=ATOM)
    for rule in grammar().iter(f"{{{SCHEMATRON_15}}}rule"):
        pattern = etree.SubElement(schema, f"{{{ISO_SCHEMATRON}}}pattern")
        iso_rule = etree.SubElement(pattern, f"{{{ISO_SCHEMATRON}}}rule", context=rule.get("context"))
        for check in rule.iter(f"{{{SCHEMATRON_15}}}assert"):
            iso_assert = etree.SubElement(iso_rule, f"{{{ISO_SCHEMATRON}}}assert", test=check.get("test"))
            iso_assert.text = check.text
    return isoschematron.Schematron(schema, store_report=True)


def errors(document: bytes) -> list[str]:
    """What makes ``document`` an invalid Atom feed; an empty list for a valid one."""
    tree = etree.fromstring(document)
    relaxng = etree.RelaxNG(grammar())
    found = [] if relaxng.validate(tree) else [str(error) for error in relaxng.error_log]
    schematron = rules()
    if not schematron.validate(tree):
        failed = schematron.validation_report.xpath("//svrl:failed-assert/svrl:text/text()", namespaces=SVRL)
        found += [" ".join(text.split()) for text in failed]
    return found
