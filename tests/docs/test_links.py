"""Every relative link of README.md and docs/*.md reaches a file, and its
``#anchor`` a heading of that file (GitHub's anchors: lower case, spaces as
hyphens, punctuation dropped)."""

import re
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parents[2]
FILES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchor(heading):
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    return {anchor(h) for h in re.findall(r"^#+ (.+)$", text, re.M)}


def test_anchor_rule():
    assert anchor("Editorial workflow (Articles 7–8, 11.2)") == "editorial-workflow-articles-78-112"
    assert anchor("Feedback and Q&A (Article 9)") == "feedback-and-qa-article-9"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_relative_links_resolve(path):
    broken = []
    for target in LINK.findall(path.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, fragment = target.partition("#")
        goal = (path.parent / file).resolve() if file else path
        if not goal.exists():
            broken.append(target)
        elif fragment and goal.suffix == ".md" and fragment not in anchors(goal):
            broken.append(target)
    assert broken == []
