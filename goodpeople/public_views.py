"""What residents send: a nomination for a community's 身边好人榜."""

from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.ratelimit import rate_limit
from goodpeople.forms import NominationForm
from goodpeople.models import GoodPeopleBoardPage


# No CSRF token: the board page carries no per-reader token, so it can be served to every
# reader from the page cache. A forged nomination gains nothing: it runs with no one's rights,
# and the address limit, the honeypot and the same-day check apply to it as to any other.
@csrf_exempt
@never_cache
@require_POST
@rate_limit("nomination")
def nominate(request, board_id: int):
    board = get_object_or_404(GoodPeopleBoardPage.objects.live().public(), pk=board_id)
    form = NominationForm(request.POST, request.FILES, board=board)
    if form.is_valid():
        form.save_for(board)
        return redirect(board.url + "?nominated=1#nominate")
    return board.render_board(request, None, form=form)
