"""The user's "delete my data" request, carried out inside the step that confirmed it."""

from __future__ import annotations

from collections.abc import Sequence

from bot.service import StepContext
from dialogs.conversation import Conversation
from dialogs.types import Effect, Reply


async def delete_data(context: StepContext, _effect: Effect) -> Sequence[Reply]:
    context.forget_user = True
    context.conversation = Conversation.new(context.conversation.locale)
    return ()


EFFECTS = {"delete_data": delete_data}
