"""API v2 fields that need more than a model field: a community's pairings and 五个一 standing."""

from collections import defaultdict

from rest_framework import serializers

from core.serializers import for_listing
from goodpeople.models.stations import Station
from goodpeople.standing import standings


def same_type(pages, community) -> list:
    """The listing's pages that are communities like this one (a listing may mix types)."""
    return [page for page in pages if type(page) is type(community)]


def current_pairings(communities) -> dict[int, list]:
    grouped = defaultdict(list)
    if communities:
        pairings = (
            communities[0]
            .pairings.model.objects.filter(community__in=communities, ended_on__isnull=True)
            .select_related("unit")
            .order_by("started_on", "pk")
        )
        for pairing in pairings:
            grouped[pairing.community_id].append(pairing)
    return grouped


class PairingsField(serializers.Field):
    """A community's current paired units: name, civilized-unit level, since when, what they do."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, community) -> list[dict]:
        return [
            {
                "unit": pairing.unit.name,
                "level": pairing.unit.level,
                "level_label": pairing.unit.get_level_display(),
                "since": pairing.started_on.isoformat(),
                "role": pairing.role,
            }
            for pairing in for_listing(
                self, "pairings", lambda pages: current_pairings(same_type(pages, community))
            )[community.pk]
        ]


class FiveOnesField(serializers.Field):
    """The community's 五个一 standing as the office sees it, computed from its content."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, community) -> dict:
        by_community = for_listing(
            self,
            "five_ones",
            lambda pages: {s.community.pk: s for s in standings(same_type(pages, community))},
        )
        standing = by_community[community.pk]
        updated = standing.board_updated_on
        return {
            "marks": [
                {"key": key, "label": label, "ok": getattr(standing, key)}
                for key, label in standing.MARKS
            ],
            "score": standing.score,
            "board_updated_on": updated.isoformat() if updated else None,
        }


class VolunteerTeamSizeField(serializers.Field):
    """The volunteers on the station's roster, kept on the station by the ledger."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, community) -> int:
        sizes = for_listing(
            self,
            "team_sizes",
            lambda pages: dict(
                Station.objects.filter(community__in=same_type(pages, community)).values_list(
                    "community_id", "roster_size"
                )
            ),
        )
        return sizes.get(community.pk, 0)
