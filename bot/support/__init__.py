"""Handoff to support staff: the waiting queue, staff accounts and the staff console."""
