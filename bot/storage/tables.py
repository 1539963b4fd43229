"""Every table module, imported so that `Base.metadata` is complete (Alembic, tests)."""

from bot.reminders import models as reminder_models
from bot.storage import models
from bot.storage.base import Base
from bot.support import models as support_models
from bot.support.learning import models as learning_models

metadata = Base.metadata

__all__ = ["learning_models", "metadata", "models", "reminder_models", "support_models"]
