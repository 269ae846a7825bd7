from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str, **params) -> int:
    """How many SQL queries one successful GET of url costs."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(ctx)
