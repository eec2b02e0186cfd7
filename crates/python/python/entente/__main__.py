"""``python -m entente PATH...``: the command line's ``entente code``.

Reads the documents of every PATH (files or directories; ``-`` is standard
input) and writes what it codes: JSON lines (``--format jsonl``, the
default), GDELT 2.0 event rows (``--format gdelt``, ``--header`` adds the
column names) or five date-partitioned Parquet tables in a new directory
(``--format parquet --out DIR``). A document that fails is reported on
standard error and the rest are coded. Exit status: 0 when all went well,
1 when some documents failed, 2 on usage errors (as ``entente``).
"""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from . import _entente


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m entente",
        description="Annotate and code articles, store nothing (entente code).",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="files or directories (read recursively); - reads standard input",
    )
    parser.add_argument(
        "--published", metavar="DATE",
        help="publication date (YYYY-MM-DD, RFC 3339 or RFC 2822, years 1800-2200) "
        "for documents that carry none",
    )
    parser.add_argument("--format", choices=["jsonl", "gdelt", "parquet"], default="jsonl")
    parser.add_argument(
        "--header", action="store_true",
        help="with --format gdelt, start with a row of column names",
    )
    parser.add_argument(
        "--out", metavar="DIR",
        help="with --format parquet, the directory to write: it must be new or empty",
    )
    parser.add_argument(
        "--threads", type=int, metavar="N",
        help="threads that code (default: all cores)",
    )
    args = parser.parse_args(argv)
    if args.threads is not None and args.threads < 1:
        parser.error("--threads must be at least 1")
    sys.stdout.flush()
    try:
        return int(
            _entente.code_command(
                args.paths,
                published=args.published,
                format=args.format,
                header=args.header,
                out=args.out,
                threads=args.threads,
            )
        )
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
