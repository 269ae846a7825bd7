"""URL parts that are database ids: digits that fit the id columns, else no match (a 404)."""

MAX_ID = 2**31 - 1  # PostgreSQL's integer, what Django's AutoField uses


class IdConverter:
    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            # A ValueError tells Django the path does not match: a 404, not an overflow in SQL.
            raise ValueError(f"id {value} is out of range")
        return number

    def to_url(self, value: int) -> str:
        return str(value)
