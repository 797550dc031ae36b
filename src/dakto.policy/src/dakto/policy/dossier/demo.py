"""Demo dossiers: the sample file of the one-stop office's export
(``sample.csv``, the same file the import command's documentation shows), so
that the example code on the dossier lookup page finds a dossier."""

import logging
from pathlib import Path

from dakto.policy.dossier import store
from dakto.policy.registrations import DemoContent


logger = logging.getLogger(__name__)

SAMPLE = Path(__file__).parent / "sample.csv"


def create_demo(portal):
    """Import the sample dossiers (safe to repeat: by code, as an import
    does); no content item is created, so the list is empty."""
    result = store.import_data(SAMPLE.read_bytes(), "csv", portal)
    logger.info("Demo dossiers: %s", result.as_dict())
    return []


demo = DemoContent(create_demo)
