"""entente from Python: news articles in, coded events out, as pyarrow tables.

    import entente
    t = entente.code(["China urged Australia to respect the sovereignty of the Solomon Islands."],
                     published="2022-04-08")
    t.events.select(["GLOBALEVENTID", "EventCode", "source_actor", "target_actor"]).to_pandas()

`code` codes texts, `process` reads files (plain text, HTML, JSONL, WARC,
RSS/Atom, directories: what ``entente code`` reads) and codes them, `clean`
cleans one text. Both coders return `Tables`: five pyarrow tables, with the
columns of the Parquet tables ``entente code --format parquet`` writes
(docs/parquet.md) followed by their partition key ``date``. The work runs in
Rust with the GIL released, the documents spread over ``threads`` threads
(all cores by default). ``python -m entente`` is the command line's
``entente code``. See docs/python.md.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from typing import Iterator, List, Optional, Sequence, Tuple, Union

import pyarrow as pa

from . import _entente

__all__ = [
    "TABLES",
    "DocumentError",
    "Failure",
    "Tables",
    "clean",
    "code",
    "process",
    "story_signatures",
    "STORY_THRESHOLD",
]

__version__: str = _entente.__version__

#: The tables `code` and `process` return, in the order a document's rows are made.
TABLES: Tuple[str, ...] = ("documents", "mentions", "events", "quotations", "deployments")

#: Two cleaned texts are copies of one story when at least this share of
#: their MinHash minima are equal (`story_signatures`).
STORY_THRESHOLD: float = _entente.STORY_THRESHOLD

#: A publication date: ``YYYY-MM-DD``, RFC 3339 or RFC 2822 text (as the
#: command line's ``--published``), a `datetime.date`, or None.
Date = Union[str, _dt.date, None]


@dataclass(frozen=True)
class Failure:
    """A document that gave no record: which one, and why."""

    #: The record as entente names it: ``texts[3]`` for `code`, the file and
    #: where in it (``docs.jsonl (line 7)``) for `process`.
    record: str
    #: The whole message, starting with the record.
    message: str


class DocumentError(ValueError):
    """Raised when a document gives no record (nothing left after cleaning,
    an unreadable input, a defect in a stage) and ``errors="raise"``.

    `record` names the first failed document, `failures` lists them all.
    """

    def __init__(self, record: str, message: str, failures: Sequence[Failure] = ()) -> None:
        super().__init__(message)
        self.record = record
        self.failures: List[Failure] = list(failures)


@dataclass(frozen=True)
class Tables:
    """What `code` and `process` return: one pyarrow table per record kind.

    Each table has the columns of its Parquet table (docs/parquet.md), then
    ``date`` (a string, the Parquet partition key: the event's date for
    events, the document's publication date otherwise; null when unknown).
    One document row per coded input, in input order; rows of a document
    follow it in the other tables (join on ``doc_id``).
    """

    documents: pa.Table
    mentions: pa.Table
    events: pa.Table
    quotations: pa.Table
    deployments: pa.Table
    #: The documents that gave no record (empty unless ``errors="skip"``).
    failures: List[Failure] = field(default_factory=list)

    def __getitem__(self, name: str) -> pa.Table:
        if name not in TABLES:
            raise KeyError(f"no table {name!r}: the tables are {', '.join(TABLES)}")
        table: pa.Table = getattr(self, name)
        return table

    def __repr__(self) -> str:
        rows = ", ".join(f"{name}={self[name].num_rows} rows" for name in TABLES)
        return f"Tables({rows}, failures={len(self.failures)})"

    def items(self) -> Iterator[Tuple[str, pa.Table]]:
        """The tables by name, in the order of `TABLES`."""
        for name in TABLES:
            yield name, self[name]


def clean(text: str, *, html: bool = False) -> str:
    """The article text of ``text`` (an HTML page when ``html``): main
    content only, boilerplate and link blocks dropped, Unicode normalised.

    Raises `DocumentError` when nothing is left.
    """
    _check_text("text", text)
    cleaned, failure = _entente.clean(text, html=bool(html))
    if cleaned is None:
        record, message = failure or ("text", "text: nothing left after cleaning")
        raise DocumentError(record, message, [Failure(record, message)])
    return cleaned


def code(
    texts: Union[str, Sequence[str]],
    published: Union[Date, Sequence[Date]] = None,
    *,
    ids: Optional[Sequence[Optional[str]]] = None,
    html: bool = False,
    threads: Optional[int] = None,
    errors: str = "raise",
) -> Tables:
    """Codes each text: actors, events (CAMEO and PLOVER), quotations and
    deployments, as `Tables`.

    ``texts``: the articles (one string is one article); HTML pages when
    ``html``. ``published``: one date for all, or one per text (None where
    unknown); relative dates in the text ("on Tuesday") resolve against it.
    ``ids``: your ids for the texts, kept as the documents' ``external_id``
    and used as ``doc`` in every table. ``threads``: how many threads code
    (default: all cores). ``errors``: ``"raise"`` raises `DocumentError`
    naming the first text that gave no record (``texts[3]``) once all are
    done; ``"skip"`` leaves them out and lists them in ``Tables.failures``.
    """
    if isinstance(texts, str):
        texts = [texts]
    elif isinstance(texts, (pa.Array, pa.ChunkedArray)):
        texts = texts.to_pylist()
    texts = list(texts)
    for i, t in enumerate(texts):
        _check_text(f"texts[{i}]", t)
    n = len(texts)
    dates = _dates(published, n)
    if ids is None:
        id_list: List[Optional[str]] = [None] * n
    else:
        id_list = list(ids)
        if len(id_list) != n:
            raise ValueError(f"{n} texts but {len(id_list)} ids")
        for i, x in enumerate(id_list):
            if x is not None and not isinstance(x, str):
                raise TypeError(f"ids[{i}] is {type(x).__name__}, not str or None")
    _check_errors(errors)
    tables, failures = _entente.code(
        texts, dates, id_list, html=bool(html), threads=_threads(threads)
    )
    return _tables(tables, failures, errors)


def process(
    paths: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]],
    published: Date = None,
    *,
    threads: Optional[int] = None,
    errors: str = "raise",
) -> Tables:
    """Reads every document of ``paths`` and codes them, as `Tables`.

    ``paths``: files or directories (read recursively): plain text, HTML
    (also ``.html.gz``), JSONL, WARC (``.warc``, ``.warc.gz``), RSS/Atom,
    as ``entente code`` reads them. ``published``: the date of documents
    that carry none. ``threads`` and ``errors`` as for `code`; a failure
    names the file and the record in it.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    path_list = [os.fspath(p) for p in paths]
    date = _dates(published, 1)[0]
    _check_errors(errors)
    tables, failures = _entente.process(path_list, date, threads=_threads(threads))
    return _tables(tables, failures, errors)


def story_signatures(texts: Union[str, Sequence[Optional[str]], pa.Array, pa.ChunkedArray]) -> pa.Table:
    """The story signatures of cleaned texts (the ``documents`` table's
    ``text``), as the store and ``python -m entente.spark`` group copies of
    one story: a table of ``minhash`` (the 128 MinHash minima of the text's
    5-word shingles) and ``bands`` (the 32 LSH band keys), both lists of
    64-bit values as ``int64``, null for a text of fewer than 50 words,
    which is grouped with nothing. Two texts are candidates when they share
    a band key, and copies when at least `STORY_THRESHOLD` of their minima
    are equal.
    """
    if isinstance(texts, str):
        texts = [texts]
    elif isinstance(texts, (pa.Array, pa.ChunkedArray)):
        texts = texts.to_pylist()
    items = list(texts)
    for i, t in enumerate(items):
        if t is not None:
            _check_text(f"texts[{i}]", t)
    return pa.Table.from_batches([_entente.story_signatures(items)])


def _check_text(what: str, text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"{what} is {type(text).__name__}, not str")


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "skip"):
        raise ValueError(f'errors must be "raise" or "skip", not {errors!r}')


def _threads(threads: Optional[int]) -> Optional[int]:
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads must be a whole number of at least 1, not {threads!r}")
    return threads


def _date(what: str, d: object) -> Optional[str]:
    if d is None or isinstance(d, str):
        return d
    if isinstance(d, _dt.datetime):
        return d.date().isoformat()
    if isinstance(d, _dt.date):
        return d.isoformat()
    raise TypeError(f"{what} is {type(d).__name__}, not a date, str or None")


def _dates(published: object, n: int) -> List[Optional[str]]:
    if published is None or isinstance(published, (str, _dt.date)):
        return [_date("published", published)] * n
    dates = list(published)  # type: ignore[call-overload]
    if len(dates) != n:
        raise ValueError(f"{n} texts but {len(dates)} publication dates")
    return [_date(f"published[{i}]", d) for i, d in enumerate(dates)]


def _tables(
    tables: "dict[str, pa.Table]", failures: List[Tuple[str, str]], errors: str
) -> Tables:
    failed = [Failure(record, message) for record, message in failures]
    if failed and errors == "raise":
        first = failed[0]
        more = f" (and {len(failed) - 1} more failed)" if len(failed) > 1 else ""
        raise DocumentError(first.record, first.message + more, failed)
    return Tables(failures=failed, **tables)
