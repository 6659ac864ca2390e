"""What a citizen reads about a pacte: figures in words, empty-safe.

An unknown amount or date reads "non communiqué(e)", never 0: a missing figure
is not a zero. A published fact reads with its date and source number. Used by the page templates and the index cards.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.formats import date_format, number_format
from django.utils.html import conditional_escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalogue.cards import catalogue_card


def format_euros(value: Decimal | None) -> str:
    if value is None:
        return _("non communiqué")
    decimals = 0 if value == value.to_integral_value() else 2
    return f"{number_format(value, decimals, force_grouping=True)}\u00a0€"


def format_date(value) -> str:
    return date_format(value, "j F Y") if value else _("non communiquée")


def progress_text(done: int, total: int) -> str:
    """ "12 actions sur 30 réalisées", "0 action sur 30 réalisée" (the French plural
    rule comes from the catalogue, locale/fr)."""
    return ngettext(
        "%(done)s action sur %(total)s réalisée", "%(done)s actions sur %(total)s réalisées", done
    ) % {"done": done, "total": total}


@dataclass(frozen=True)
class Gauge:
    """A count of actions drawn as a bar: done, then in progress, then the rest.
    Widths are percentages written with a dot (SVG attributes, never localised)."""

    done: int
    in_progress: int
    total: int

    def _width(self, count: int) -> str:
        return f"{100 * count / self.total:.2f}"

    @property
    def done_width(self) -> str:
        return self._width(self.done)

    @property
    def in_progress_width(self) -> str:
        return self._width(self.in_progress)


def gauge(done: int | None, in_progress: int | None, total: int | None) -> Gauge | None:
    """The bar of a count, or None when the count does not make one: no total,
    nothing counted as done, or counts that exceed the total."""
    if not total or done is None:
        return None
    in_progress = in_progress or 0
    if done < 0 or in_progress < 0 or done + in_progress > total:
        return None
    return Gauge(done=done, in_progress=in_progress, total=total)


def territory_text(page, departements, arrondissements=(), communes=()) -> str:
    """The pacte's territory in words: its usual name, then the départements."""
    parts = []
    names = ", ".join(f"{d.name} ({d.pk})" for d in departements)
    if page.territory_label and names:
        parts.append(f"{page.territory_label} — {names}")
    else:
        parts.append(page.territory_label or names)
    if arrondissements:
        parts.append(
            ngettext("arrondissement de %(names)s", "arrondissements de %(names)s", len(arrondissements))
            % {"names": ", ".join(a.name for a in arrondissements)}
        )
    if communes:
        parts.append(
            ngettext("%(count)s commune", "%(count)s communes", len(communes)) % {"count": len(communes)}
        )
    text = " ; ".join(p for p in parts if p)
    return text or _("non communiqué")


def key_facts(page, context) -> list[dict]:
    """Rows of the "Le pacte en bref" table: ``label`` (the row header) and
    either ``text`` or a sourced ``fact``. When the page has public facts, they
    replace the figure fields an editor types without a source (signature date,
    duration, end date, total amount): a figure on the page always cites."""
    progress = context["progress"]
    rows = [
        {
            "label": _("Territoire"),
            "text": territory_text(
                page, context["departements"], context["arrondissements"], context["communes"]
            ),
        },
        {"label": _("Statut"), "text": page.get_status_display()},
    ]
    if page.theme_id:
        theme = str(page.theme)
        if page.public_policy_id:
            theme = f"{theme} — {page.public_policy}"
        rows.append({"label": _("Thématique"), "text": theme})
    if context["facts"]:
        rows += [{"label": fact.label, "fact": fact} for fact in context["facts"]]
    else:
        duration = (
            ngettext("%(n)s mois", "%(n)s mois", page.duration_months) % {"n": page.duration_months}
            if page.duration_months
            else _("non communiquée")
        )
        rows += [
            {"label": _("Date de signature"), "text": format_date(page.signature_date)},
            {"label": _("Durée"), "text": duration},
            {"label": _("Date de fin"), "text": format_date(page.end_date)},
            {"label": _("Montant total"), "text": format_euros(page.total_amount)},
        ]
    if progress.total:
        rows.append({"label": _("Avancement"), "text": progress_text(progress.done, progress.total)})
        rows.append(
            {
                "label": _("Budget engagé (actions en cours ou réalisées)"),
                "text": format_euros(progress.budget_engaged),
            }
        )
    return rows


def escape_rows(rows) -> list[list[str]]:
    return [[conditional_escape(cell) for cell in row] for row in rows]


def axis_title(position: int, axis) -> str:
    return _("Axe %(n)s : %(title)s") % {"n": position, "title": axis.title}


def axes_without_detail(axes) -> list[str]:
    """The titles of the axes with neither description nor action: listed
    plainly, since an accordion would open onto nothing."""
    return [
        axis_title(position, axis)
        for position, axis in enumerate(axes, start=1)
        if not axis.description and not axis.actions.all()
    ]


def axis_accordion_items(axes) -> list[dict]:
    """One DSFR accordion per axis that has something to show (a description,
    actions with status badges); the others are in ``axes_without_detail``."""
    items = []
    for position, axis in enumerate(axes, start=1):
        actions = list(axis.actions.all())
        if not actions and not axis.description:
            continue
        done = sum(1 for a in actions if a.status == "realisee")
        title = axis_title(position, axis)
        if actions:
            title = f"{title} ({progress_text(done, len(actions))})"
        items.append(
            {
                "id": f"axe-{axis.pk or position}",
                "title": title,
                "heading_tag": "h3",
                "content": render_to_string(
                    "pactes/includes/axis_actions.html", {"axis": axis, "actions": actions}
                ),
            }
        )
    return items


def signatory_groups(signatories) -> list[dict]:
    """The signatories by organisation, in their order, so that "État" signed by
    two ministers reads once, with both: ``organisation``, the ``people`` named
    for it (``name``, ``role``, source ``ref``) and the source ``refs`` of the
    lines that name the organisation alone."""
    groups: dict[str, dict] = {}
    for signatory in signatories:
        name = signatory.organisation_name
        group = groups.setdefault(name, {"organisation": name, "people": [], "refs": []})
        ref = getattr(signatory, "ref", None)
        if signatory.signatory_name or signatory.signatory_role:
            group["people"].append(
                {"name": signatory.signatory_name, "role": signatory.signatory_role, "ref": ref}
            )
        elif ref and ref not in group["refs"]:
            group["refs"].append(ref)
    return list(groups.values())


def pacte_card(pacte, request=None) -> dict:
    """A card of the pacte index, from a page annotated by ``with_progress``:
    the catalogue card with the pacte's territory and progress."""
    if pacte.action_total:
        bottom = progress_text(pacte.action_done, pacte.action_total)
    elif getattr(pacte, "axis_total", 0):
        bottom = ngettext("%(n)s axe publié", "%(n)s axes publiés", pacte.axis_total) % {
            "n": pacte.axis_total
        }
    else:
        bottom = _("Axes et actions à venir")
    return catalogue_card(
        pacte,
        request,
        heading_tag="h2",
        badges=[{"label": pacte.get_status_display(), "extra_classes": "fr-badge--sm fr-badge--info"}],
        top_text={
            "text": territory_text(pacte, list(pacte.covered_departements.all())),
            "icon_class": "fr-icon-map-pin-2-line",
        },
        bottom_detail={"text": bottom, "icon_class": "fr-icon-checkbox-circle-line"},
        description_max_length=300,
    )
