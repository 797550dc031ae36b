"""The answers to "Was this page helpful?", kept on the page itself.

Where they live: an annotation of the page (``ANNOTATION_KEY``) with two
counters (``BTrees.Length``, which resolve concurrent increments without a
conflict) and the optional comments in an ``IOBTree`` keyed by a random
integer (two visitors answering at once touch different buckets).

No personal data: an answer keeps only yes/no, the comment's text and the
day it was given (the day in Viet Nam, no time) — no address, no user id,
no cookie. The rate limiter counts requests per address in its own
short-lived counters (``antispam``), like every public form, and stores
nothing with the answer.
"""

import secrets

from BTrees.IOBTree import IOBTree
from BTrees.Length import Length
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

from dakto.policy import _
from dakto.policy.dates import today
from dakto.policy.validation import citizen_text


ANNOTATION_KEY = "dakto.policy.page_feedback"
ANSWERS = ("yes", "no")
COMMENT_MAX = 1000
MAX_REQUEST_BYTES = 16 * 1024
COMMENT_LABEL = _("Your comment")


class PageFeedback(Persistent):
    """The counts and comments of one page."""

    def __init__(self):
        self.yes = Length()
        self.no = Length()
        self.comments = IOBTree()


class Comment(Persistent):
    """One optional comment: the answer it came with, the day, the text."""

    def __init__(self, helpful, text, day):
        self.helpful = helpful
        self.text = text
        self.day = day


def get(page, create=False):
    """The page's ``PageFeedback``; None when it has none and not ``create``."""
    annotations = IAnnotations(page)
    feedback = annotations.get(ANNOTATION_KEY)
    if feedback is None and create:
        feedback = annotations[ANNOTATION_KEY] = PageFeedback()
    return feedback


def validate(data):
    """``(clean, errors)``: ``clean`` = {"helpful": bool, "comment": str|None}."""
    errors = {}
    answer = data.get("helpful")
    if answer not in ANSWERS:
        errors["helpful"] = _("Choose yes or no.")
    comment, error = citizen_text(data.get("comment"), COMMENT_LABEL, COMMENT_MAX)
    if error:
        errors["comment"] = error
    return {"helpful": answer == "yes", "comment": comment}, errors


def add(page, clean):
    """Count one answer and keep its comment, if any."""
    feedback = get(page, create=True)
    (feedback.yes if clean["helpful"] else feedback.no).change(1)
    if clean.get("comment"):
        while True:
            key = secrets.randbelow(2**31 - 1)
            if feedback.comments.insert(key, Comment(clean["helpful"], clean["comment"], today())):
                break


def counts(page):
    """``{"yes": n, "no": n, "total": n}``."""
    feedback = get(page)
    yes = feedback.yes() if feedback else 0
    no = feedback.no() if feedback else 0
    return {"yes": yes, "no": no, "total": yes + no}


def comments(page):
    """The comments, newest day first."""
    feedback = get(page)
    if feedback is None:
        return []
    return sorted(feedback.comments.values(), key=lambda c: c.day, reverse=True)
