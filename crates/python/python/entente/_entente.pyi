# Type stubs of the extension module `entente._entente` (crates/python/src/lib.rs).
# Users call the typed wrappers in `entente` (__init__.py) rather than these.

import os
from typing import Dict, List, Optional, Sequence, Tuple, Union

import pyarrow as pa

__version__: str

_Failed = Tuple[str, str]

def clean(text: str, html: bool = False) -> Tuple[Optional[str], Optional[_Failed]]: ...
def code(
    texts: Sequence[str],
    published: Sequence[Optional[str]],
    ids: Sequence[Optional[str]],
    html: bool = False,
    threads: Optional[int] = None,
) -> Tuple[Dict[str, pa.Table], List[_Failed]]: ...
def process(
    paths: Sequence[Union[str, os.PathLike[str]]],
    published: Optional[str] = None,
    threads: Optional[int] = None,
) -> Tuple[Dict[str, pa.Table], List[_Failed]]: ...
def code_command(
    paths: Sequence[Union[str, os.PathLike[str]]],
    published: Optional[str] = None,
    format: str = "jsonl",
    header: bool = False,
    out: Optional[Union[str, os.PathLike[str]]] = None,
    threads: Optional[int] = None,
) -> int: ...
def code_inputs(
    batch: pa.RecordBatch,
    published: Optional[str] = None,
    threads: Optional[int] = None,
) -> Tuple[Dict[str, pa.Table], List[_Failed], pa.RecordBatch]: ...
def story_signatures(texts: Sequence[Optional[str]]) -> pa.RecordBatch: ...
def table_schemas() -> Dict[str, pa.Schema]: ...
def parse_published(what: str, text: str) -> str: ...

STORY_THRESHOLD: float
STORY_BUCKET_LIMIT: int
