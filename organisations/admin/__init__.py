"""The MSO team's back office: the register, the review queue, the decision log and the lists."""

from organisations.admin import lists, register, review

__all__ = ["lists", "register", "review"]
