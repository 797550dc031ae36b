"""Guessable passwords are refused (issue 21.6; NIST SP 800-63B 5.1.1.2).

No composition rules (no "a digit and a symbol"): the password is scored by
zxcvbn, whose dictionaries hold the most frequent passwords of public
breaches, common words and names, keyboard patterns, sequences, repeats and
dates, plus two of our own:

- ``personal``: the person's login name, e-mail address, full name, and the
  site's names from the identity settings (portal name, governing body, the
  commune/ward/town, province, domain), each also without diacritics and
  without spaces (``thitrandakto``, ``dakto``);
- ``vietnamese``: passwords Vietnamese users favour (``matkhau``,
  ``123456a@``, ``anhyeuem`` …).

A password scoring below ``MIN_SCORE`` (zxcvbn's 0-4 scale; 3 means about
10^8 guesses or more) is refused, with the reason read from what zxcvbn found
(one message per kind, in Vietnamese through the catalog).

zxcvbn's own entry point stores the user's words in a module-level
dictionary shared by every thread; here each check builds its own set of
dictionaries and calls zxcvbn's matcher and scorer directly.
"""

from zxcvbn import matching
from zxcvbn import scoring
from zxcvbn.time_estimates import guesses_to_score

from dakto.policy import _
from dakto.policy.text import fold
from dakto.policy.text import words


MIN_SCORE = 3
# zxcvbn refuses longer input; the first 72 characters are what it scores.
MAX_SCORED_LENGTH = 72
MIN_WORD = 3  # shorter words of a name are not looked for

# Passwords Vietnamese users choose most (breach lists of .vn sites), in
# rough order of frequency; matched like zxcvbn's own password list.
VIETNAMESE_FAVOURITES = (
    "123456a@",
    "matkhau",
    "123456a",
    "123456aa",
    "a123456",
    "12345678a",
    "123456789a",
    "123456aA@",
    "abc123456",
    "matkhau123",
    "matkhaumoi",
    "anhyeuem",
    "emyeuanh",
    "yeuem",
    "yeuanh",
    "iloveyou",
    "vietnam",
    "vietnam123",
    "hanoi",
    "saigon",
    "hochiminh",
    "quantri",
    "quantri123",
    "admin123",
    "khongbiet",
    "khongco",
    "conmeo",
    "concho",
    "doimatkhau",
    "thanhpho",
    "ubnd",
    "ubndxa",
    "ubndphuong",
    "ubndthitran",
    "congan",
    "bientap",
    "kiemduyet",
    "xuatban",
    "capnhat",
)
_FAVOURITES = matching.build_ranked_dict([p.lower() for p in VIETNAMESE_FAVOURITES])

# The administrative words before a place's name ("thị trấn Đắk Tô"):
# the name alone is what people use.
PLACE_PREFIXES = (
    "thi tran",
    "thanh pho",
    "thi xa",
    "uy ban nhan dan",
    "ubnd",
    "xa",
    "phuong",
    "huyen",
    "quan",
    "tinh",
    "trang thong tin dien tu",
    "cong thong tin dien tu",
)

COMMON = _("The password is too easy to guess: it is one of the passwords used most often.")
VIETNAMESE = _(
    "The password is too easy to guess: it is built on a password Vietnamese users "
    "often choose (such as 'matkhau' or '123456a@')."
)
PERSONAL = _(
    "The password is too easy to guess: it is built on your name, login name or "
    "e-mail address, or on the name of the site or the locality."
)
WORDS = _(
    "The password is too easy to guess: a common word or name, even with a few "
    "digits or symbols, is among the first guesses."
)
PATTERN = _(
    "The password is too easy to guess: keys next to each other, repeated characters "
    "or sequences such as 'abc' or '6543' are among the first guesses."
)
DATE = _("The password is too easy to guess: dates and years are among the first guesses.")
GENERAL = _(
    "The password is too easy to guess: use a longer phrase of a few words that "
    "only you would put together; symbols or capitals are not needed."
)

DICTIONARY_REASONS = {
    "passwords": COMMON,
    "vietnamese": VIETNAMESE,
    "personal": PERSONAL,
    "english_wikipedia": WORDS,
    "surnames": WORDS,
    "male_names": WORDS,
    "female_names": WORDS,
    "us_tv_and_film": WORDS,
}
PATTERN_REASONS = {
    "spatial": PATTERN,
    "repeat": PATTERN,
    "sequence": PATTERN,
    "date": DATE,
    "regex": DATE,  # zxcvbn's only regex: recent years
}


def word_forms(text):
    """``text`` and its words as zxcvbn should look for them: lower case,
    with and without diacritics, and joined without spaces."""
    forms = set()
    for variant in {(text or "").lower(), fold(text or "")}:
        parts = words(variant)
        if not parts:
            continue
        forms.add("".join(parts))
        forms.update(part for part in parts if len(part) >= MIN_WORD)
        if "@" in variant:
            forms.add(variant.split("@", 1)[0].strip())
    return {form for form in forms if len(form) >= MIN_WORD}


def place_forms(text):
    """A place's or body's name, also without its administrative words."""
    forms = word_forms(text)
    folded = " ".join(words(fold(text or "")))
    for prefix in sorted(PLACE_PREFIXES, key=len, reverse=True):
        if folded.startswith(prefix + " "):
            forms |= word_forms(folded[len(prefix) + 1 :])
    return forms


def site_words():
    """The site's names (identity settings), empty outside a site."""
    try:
        from dakto.policy.identity.settings import get_identity

        identity = get_identity()
        names = [
            getattr(identity, field, None) or ""
            for field in ("portal_title", "body_name", "town", "province")
        ]
        domain = getattr(identity, "domain", None) or ""
    except Exception:  # noqa: BLE001 - no site or no identity records: nothing to add
        return set()
    found = set()
    for name in names:
        found |= place_forms(name)
    found |= {part for part in domain.lower().split(".") if len(part) >= MIN_WORD}
    return found


def personal_words(names=()):
    """Every form of the person's names plus the site's names."""
    found = site_words()
    for name in names:
        found |= word_forms(name)
    return found


def score(password, user_words=()):
    """zxcvbn's result (guesses, score, sequence) for ``password``."""
    dictionaries = {
        name: ranked
        for name, ranked in matching.RANKED_DICTIONARIES.items()
        if name != "user_inputs"  # zxcvbn's shared slot: never read here
    }
    dictionaries["personal"] = matching.build_ranked_dict(sorted(user_words))
    dictionaries["vietnamese"] = _FAVOURITES
    password = password[:MAX_SCORED_LENGTH]
    result = scoring.most_guessable_match_sequence(
        password, matching.omnimatch(password, dictionaries)
    )
    result["score"] = guesses_to_score(result["guesses"])
    return result


def variants(password):
    """``password`` as typed, without diacritics, and without diacritics nor
    spaces and punctuation: ``Đắk Tô 2024`` is guessed as ``dak to 2024`` and
    ``dakto2024``."""
    found = [password]
    folded = fold(password)
    for variant in (folded, "".join(c for c in folded if c.isalnum())):
        if variant and variant not in found and variant != password.lower():
            found.append(variant)
    return found


def weakest(password, user_words=()):
    """The weakest of the results for the variants of ``password``."""
    results = [score(variant, user_words) for variant in variants(password)]
    return min(results, key=lambda result: result["guesses"])


def reasons(result):
    """The messages for what made ``result`` guessable, most telling first."""
    found = []
    for match in result["sequence"]:
        pattern = match.get("pattern")
        if pattern == "dictionary":
            message = DICTIONARY_REASONS.get(match.get("dictionary_name"), WORDS)
        else:
            message = PATTERN_REASONS.get(pattern)
        if message is not None and message not in found:
            found.append(message)
    order = [COMMON, VIETNAMESE, PERSONAL, WORDS, PATTERN, DATE]
    found.sort(key=order.index)
    return found or [GENERAL]


def guessable_errors(password, names=()):
    """The i18n messages saying why ``password`` is too easy to guess (empty:
    it is not)."""
    if not password:
        return []
    result = weakest(password, personal_words(names))
    if result["score"] >= MIN_SCORE:
        return []
    return reasons(result)
