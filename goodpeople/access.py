"""The office's powers over communities: each power is one permission, checked by one function.

Stations hold none of them; what a station may do with its own community follows from its
group (goodpeople.stations).
"""


def views_standing(user) -> bool:
    """May see every community's 五个一 standing."""
    return user.is_active and user.has_perm("goodpeople.view_standing")


def handles_all_nominations(user) -> bool:
    """May read and handle every station's nominations, nominators' contact details included."""
    return user.is_active and user.has_perm("goodpeople.handle_all_nominations")


def imports_communities(user) -> bool:
    """May upload the community sheet: districts, communities, stations and their accounts."""
    return user.is_active and user.has_perm("goodpeople.add_station")
