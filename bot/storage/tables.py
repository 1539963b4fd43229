"""Every table module, imported so that `Base.metadata` is complete (Alembic, tests)."""

from bot.storage import models
from bot.storage.base import Base

metadata = Base.metadata

__all__ = ["metadata", "models"]
