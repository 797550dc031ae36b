"""Vietnamese text everywhere: NFC storage and diacritic-insensitive search."""

from dakto.policy.vietnamese import lexicon  # noqa: F401  (registers the normalizer)
