"""Read news articles from files and strings: the first stage of kg.

Input forms (CONTRACT.md, "Inputs"):

=================  =========================================  ==================================
form               recognised by                              fields
=================  =========================================  ==================================
plain text         ``.txt`` ``.text`` (or sniffed)            title on the first lines, date
                                                              line, dateline, trailing
                                                              boilerplate dropped
front matter       a text/Markdown file starting with ``---``  ``title`` ``published`` (``date``)
                                                              ``source`` ``url``
Markdown           ``.md`` ``.markdown``                      as plain text (``#`` title)
HTML               ``.html`` ``.htm`` ``.xhtml``              main text, title, date, site via
                                                              trafilatura; tag stripping fallback
JSON               ``.json``: an object or a list of objects  ``title`` ``text``/``body``
                   (one object per line also accepted)        ``published``/``date`` ``source``
                                                              ``url``
JSON Lines         ``.jsonl`` ``.ndjson``                     as JSON, one object per line
CSV                ``.csv`` with a ``text`` (or ``body``)     as JSON, one article per record
                   column
=================  =========================================  ==================================

The body returned is the text every offset refers to: line endings become ``\\n``, trailing
spaces of each line go, runs of blank lines become one blank line, and the whole is stripped.
Nothing else inside a paragraph is rewritten (quotes and dashes stay as written).

Encoding: files must be UTF-8 (a byte-order mark is allowed). Other encodings are refused
with a message saying so rather than guessed, so offsets never depend on a guess.

Errors are :class:`kg.errors.InputError` (or :class:`kg.errors.UnsupportedFormatError`)
with a one-line message such as ``data/x.json: invalid JSON at line 3: Expecting ','
delimiter``. :func:`read_articles` raises the first; :func:`read_articles_lenient` yields
errors in place of the items they concern and carries on.

The modules, one job each:

- :mod:`kg.articles.walk`: many inputs (directories, globs, files) expanded and read;
- :mod:`kg.articles.files`: one file: extensions, UTF-8 decoding, the reader of its format;
- :mod:`kg.articles.text_input`, :mod:`kg.articles.front_matter`: strings, text and Markdown
  files and their YAML front matter;
- :mod:`kg.articles.json_input`, :mod:`kg.articles.csv_input`,
  :mod:`kg.articles.html_input`: the other formats;
- :mod:`kg.articles.fields`: the fields of a structured item (front matter, JSON, CSV);
- :mod:`kg.articles.cleaning`, :mod:`kg.articles.datelines`, :mod:`kg.articles.dates`: the
  plain-text cleaning of a body, its dateline and dates;
- :mod:`kg.articles.limits`: the size limits and the checks every article passes.
"""

from __future__ import annotations

from kg.articles.cleaning import clean_body
from kg.articles.cleaning import normalize_whitespace as normalize_whitespace
from kg.articles.datelines import Dateline, split_dateline
from kg.articles.dates import parse_date
from kg.articles.fields import DERIVED_TITLE_CHARS as DERIVED_TITLE_CHARS
from kg.articles.files import CSV_EXTENSIONS as CSV_EXTENSIONS
from kg.articles.files import HTML_EXTENSIONS as HTML_EXTENSIONS
from kg.articles.files import JSON_EXTENSIONS as JSON_EXTENSIONS
from kg.articles.files import JSONL_EXTENSIONS as JSONL_EXTENSIONS
from kg.articles.files import KNOWN_EXTENSIONS, read_articles
from kg.articles.files import MARKDOWN_EXTENSIONS as MARKDOWN_EXTENSIONS
from kg.articles.files import TEXT_EXTENSIONS as TEXT_EXTENSIONS
from kg.articles.limits import MAX_BODY_CHARS as MAX_BODY_CHARS
from kg.articles.limits import MAX_FIELD_CHARS as MAX_FIELD_CHARS
from kg.articles.limits import MAX_FILE_BYTES as MAX_FILE_BYTES
from kg.articles.limits import MAX_FRONT_MATTER_CHARS as MAX_FRONT_MATTER_CHARS
from kg.articles.limits import MAX_PUNCTUATION_RUN as MAX_PUNCTUATION_RUN
from kg.articles.text_input import read_text
from kg.articles.walk import iter_inputs, read_articles_lenient

__all__ = [
    "KNOWN_EXTENSIONS",
    "Dateline",
    "clean_body",
    "iter_inputs",
    "parse_date",
    "read_articles",
    "read_articles_lenient",
    "read_text",
    "split_dateline",
]
