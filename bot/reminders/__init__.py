"""Reminders: endorsement (签注), points-confirmation and goal-month pushes.

plan.py (pure dates) -> effects.py (the dialog's effects store them: store.py, models.py)
-> worker.py (claims due ones, sends them: limiter.py, messages.py) -> background.py
(the worker inside `jifen serve`); `jifen reminders plan|run` in bot/commands/reminders.py.
"""
