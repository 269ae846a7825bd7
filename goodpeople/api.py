"""API v2 fields that need more than a model field: a community's pairings and 五个一 standing."""

from rest_framework import serializers

from goodpeople.standing import standing_for


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
            for pairing in community.current_pairings()
        ]


class FiveOnesField(serializers.Field):
    """The community's 五个一 standing as the office sees it, computed from its content."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, community) -> dict:
        standing = standing_for(community)
        updated = standing.board_updated_on
        return {
            "marks": [
                {"key": key, "label": label, "ok": getattr(standing, key)}
                for key, label in standing.MARKS
            ],
            "score": standing.score,
            "board_updated_on": updated.isoformat() if updated else None,
        }
