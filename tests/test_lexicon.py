"""kg.lexicon: the domain knowledge read from kg/data/lexicon is validated and all used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kg.lexicon as lexicon
from kg.errors import LexiconError
from kg.lexicon import Condition, trigger_table, words
from kg.model import EventType

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kg" / "data" / "lexicon"


def test_every_word_list_is_used_by_the_code() -> None:
    """A list nobody reads is dead data: each file is named by a words("...") call."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kg").rglob("*.py"))
    named = set(re.findall(r'words\("([a-z0-9_]+)"\)', source))
    shipped = set(lexicon.list_names())
    assert shipped - named == set(), "word lists no code reads"
    assert named - shipped == set(), "word lists the code reads but kg/data lacks"


def test_every_table_is_used_by_the_code() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kg").rglob("*.py"))
    named = set(re.findall(r'table\("([a-z0-9_]+)"\)', source)) | {
        "cameo_plover", "triggers", "phrases"}
    shipped = {p.stem for p in DATA.glob("*.tsv")}
    assert shipped == named


@pytest.mark.parametrize("name", lexicon.list_names())
def test_word_lists_load_and_describe_themselves(name: str) -> None:
    assert words(name)
    first = (DATA / "words" / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# "), f"{name}.txt should start with a comment saying what it is"


def test_trigger_table_has_every_class_and_valid_codes() -> None:
    table = trigger_table()
    classes = {t.type for t in (*table.verbs.values(), *table.nouns.values())}
    assert classes == set(EventType)
    plover = lexicon.cameo_plover()
    for trig in (*table.verbs.values(), *table.nouns.values()):
        assert trig.cameo[:2] in plover or trig.cameo[:2] in ("01", "02"), trig


def test_petrarch_tables_agree_with_kgs_cameo_classes() -> None:
    """The derived PETRARCH2 verbs carry the class kg's CAMEO table gives their code."""
    text = (DATA / "petrarch2" / "verbs.tsv").read_text(encoding="utf-8")
    rows = [r.split("\t") for r in text.splitlines() if r and not r.startswith("#")]
    assert len(rows) > 1000
    for lemma, _block, code, kind in rows:
        expected = lexicon.cameo_class(code) if code != "-" else None
        assert kind == (expected.value if expected else "-"), lemma


def test_every_condition_has_a_check() -> None:
    from kg.events import role_checks, triggers

    checked = set(triggers._CHECKS) | set(role_checks.ROLE_CHECKS)
    assert checked == set(Condition) - {Condition.NONE}
    assert not set(triggers._CHECKS) & set(role_checks.ROLE_CHECKS)


def _table_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: str) -> None:
    """Point kg.lexicon at a copy of its data whose trigger table has ``row`` appended."""
    import shutil

    root = tmp_path / "kg"
    shutil.copytree(DATA, root / "data" / "lexicon")
    with (root / "data" / "lexicon" / "triggers.tsv").open("a", encoding="utf-8") as f:
        f.write(row + "\n")
    monkeypatch.setattr(lexicon.resources, "files", lambda _pkg: root)
    trigger_table.cache_clear()


@pytest.mark.parametrize(("row", "message"), [
    ("attack\tverb\tCombat\t190\tviolent\tpositive\tagent\tkg", "condition 'violent'"),
    ("parley\tverb\tTalks\t040\t-\tpositive\tagent\tkg", "event class 'Talks'"),
    ("parley\tverb\tMeeting\t4x\t-\tpositive\tagent\tkg", "CAMEO code '4x'"),
    ("parley\tverb\tMeeting\t040\t-\tpositive\tagent", "expected 8"),
    ("meet\tverb\tMeeting\t040\t-\tpositive\tagent\tkg", "listed twice"),
])
def test_a_bad_trigger_row_is_refused_at_load_with_its_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: str, message: str) -> None:
    _table_with(tmp_path, monkeypatch, row)
    try:
        with pytest.raises(LexiconError, match=re.escape(message)) as err:
            trigger_table()
        assert re.search(r"triggers\.tsv:\d+:", str(err.value))
    finally:
        trigger_table.cache_clear()


def test_a_duplicate_in_a_word_list_is_refused(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    root = tmp_path / "kg"
    shutil.copytree(DATA, root / "data" / "lexicon")
    (root / "data" / "lexicon" / "words" / "deal_nouns.txt").write_text(
        "# test\ndeal\ndeal\n", encoding="utf-8")
    monkeypatch.setattr(lexicon.resources, "files", lambda _pkg: root)
    words.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"deal_nouns.txt:3: 'deal' is listed twice"):
            words("deal_nouns")
    finally:
        words.cache_clear()
