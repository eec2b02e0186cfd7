#!/usr/bin/env python3
"""Regenerates fuzz/seeds/<target>/ from the project's fixtures.

Run from the repository root: python3 fuzz/seeds/make_seeds.py
Sources: crates/*/tests/data and examples/seed (see their PROVENANCE/README);
the WARC records and the date phrases are written here, after the shapes the
ingest and annotate tests use. Small files only.
"""
import gzip
import os
import shutil
import struct

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEEDS = os.path.join(ROOT, "fuzz", "seeds")


def fixture(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def put(target, name, data):
    d = os.path.join(SEEDS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# The publication-date prefix of the `dates` and `pipeline` inputs
# (fuzz/src/lib.rs PubDate): one selector byte, then for Ymd three
# little-endian 32-bit integers.
def pub_none():
    return bytes([0])


def pub_min():
    return bytes([1])


def pub_max():
    return bytes([2])


def pub_ymd(y, m, d):
    return bytes([3]) + struct.pack("<iII", y, m, d)


def warc_record(kind, headers, block):
    out = f"WARC/1.0\r\nWARC-Type: {kind}\r\n".encode()
    for k, v in headers:
        out += f"{k}: {v}\r\n".encode()
    out += f"Content-Length: {len(block)}\r\n\r\n".encode() + block + b"\r\n\r\n"
    return out


def warc_response(uri, rid, content_type, body, extra=b""):
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n".encode() + extra + b"\r\n" + body
    return warc_record(
        "response",
        [
            ("WARC-Target-URI", uri),
            ("WARC-Record-ID", rid),
            ("WARC-Date", "2024-03-01T00:00:00Z"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        http,
    )


def chunked(body, size=100):
    out = b""
    for i in range(0, len(body), size):
        part = body[i : i + size]
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


def main():
    for t in ["ingest_html", "ingest_warc", "ingest_jsonl", "ingest_feed", "clean", "dates", "pipeline"]:
        shutil.rmtree(os.path.join(SEEDS, t), ignore_errors=True)

    page = fixture("crates/ingest/tests/data/page.html")
    article = fixture("examples/seed/article.txt")
    short = fixture("crates/ingest/tests/data/article.txt")

    # ingest_html: pages in several encodings, gzip, text sniffed as text.
    for p in [
        "crates/ingest/tests/data/page.html",
        "crates/ingest/tests/data/page-shift_jis.html",
        "crates/ingest/tests/data/page-windows-1252.html",
        "crates/ingest/tests/data/undeclared-shift_jis.txt",
        "crates/ingest/tests/data/article.txt",
        "crates/clean/tests/data/page.html",
        "crates/clean/tests/data/page_inline_related.html",
        "crates/clean/tests/data/bench/html/page-a.html.gz",
        "crates/clean/tests/data/bench/html/page-b.html",
    ]:
        put("ingest_html", p.replace("/", "_"), fixture(p))

    # ingest_jsonl
    put("ingest_jsonl", "news.jsonl", fixture("crates/ingest/tests/data/news.jsonl"))
    put(
        "ingest_jsonl",
        "mixed.jsonl",
        b'{"id": "a1", "text": "NATO met.", "published": "2024-03-01"}\n'
        b'{"id": "a2"}\n'
        b'{"id": "a3", "html": "<p>China urged.</p>", "url": "https://example.org/a3", "title": "T", "source": "S"}\n'
        b'{"id": 4, "text": "x", "published": "2024-03-01T10:00:00+02:00"}\n'
        b'{"id": "a5", "text": "y", "published": "Fri, 01 Mar 2024 10:00:00 GMT"}\n'
        b'{"id": "a6", "text": "z", "published": "yesterday"}\n'
        b"not json\n\n",
    )
    put("ingest_jsonl", "bom-crlf.jsonl", b'\xef\xbb\xbf{"id": "b1", "text": "Caf\\u00e9 \xe2\x80\x9cquoted\xe2\x80\x9d"}\r\n')

    # ingest_feed
    put("ingest_feed", "feed.rss", fixture("crates/ingest/tests/data/feed.rss"))
    put("ingest_feed", "feed.atom", fixture("crates/ingest/tests/data/feed.atom"))
    put(
        "ingest_feed",
        "rdf.rss",
        b'<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        b"<item><title>NATO&nbsp;met</title><link>https://example.org/1</link>"
        b"<description>&lt;p&gt;Leaders met.&lt;/p&gt;</description><dc:date>2024-03-01T10:00:00Z</dc:date></item>"
        b"<item><title><![CDATA[CDATA title]]></title><description><![CDATA[<p>Body &amp; more</p>]]></description>"
        b"<dc:date>not a date</dc:date></item></rdf:RDF>\n",
    )

    # ingest_warc
    resp = warc_response("https://example.org/a.html", "<urn:uuid:1>", "text/html; charset=utf-8", page)
    text_resource = warc_record(
        "resource",
        [("WARC-Target-URI", "https://example.org/a.txt"), ("WARC-Record-ID", "<urn:uuid:2>"), ("Content-Type", "text/plain")],
        short,
    )
    wet = warc_record(
        "conversion",
        [("WARC-Target-URI", "https://example.org/b"), ("WARC-Record-ID", "<urn:uuid:3>"), ("Content-Type", "text/plain")],
        article[:1500],
    )
    info = warc_record("warcinfo", [("WARC-Record-ID", "<urn:uuid:0>"), ("Content-Type", "application/warc-fields")], b"software: entente\r\n")
    gz_body = warc_response(
        "https://example.org/c.html",
        "<urn:uuid:4>",
        "text/html",
        chunked(gzip.compress(page, mtime=0)),
        b"Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
    )
    not_found = warc_record(
        "response",
        [("WARC-Target-URI", "https://example.org/404"), ("Content-Type", "application/http; msgtype=response")],
        b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>",
    )
    put("ingest_warc", "records.warc", info + resp + text_resource + wet + not_found)
    put("ingest_warc", "chunked-gzip.warc", gz_body)
    put("ingest_warc", "per-record.warc.gz", b"".join(gzip.compress(r, mtime=0) for r in [info, resp, text_resource]))

    # clean: pages and texts.
    for p in [
        "crates/clean/tests/data/page.html",
        "crates/clean/tests/data/page_inline_related.html",
        "crates/clean/tests/data/bench/html/page-b.html",
        "crates/ingest/tests/data/page.html",
        "crates/annotate/tests/data/seed_clean.txt",
        "crates/code/tests/data/seed_kept.txt",
        "examples/seed/article.txt",
    ]:
        put("clean", p.replace("/", "_"), fixture(p))
    put("clean", "read-more.txt", b"NATO agreed.\nREAD MORE\n- Other story here\n- Another story\nChina  urged.\n")

    # dates: publication-date strings and in-text expressions, at several
    # publication dates including chrono's ends.
    phrases = [
        b"2022-04-08",
        b"2024-03-01T23:30:00-05:00",
        b"Fri, 01 Mar 2024 10:00:00 GMT",
        b"2024-03-01 10:00:00",
        b"On Thursday the ministers met; last week they spoke.",
        b"In December, and again on May 31, the talks will resume next month.",
        b"Yesterday, earlier this year and earlier this month; 8 April 2022; April 8, 2022; 2022-04-08.",
        b"The review is due on Monday and scheduled for next week, until 3 March.",
        b"last year, this week, next year, on Sunday, in January",
    ]
    pubs = [pub_ymd(2022, 4, 8), pub_min(), pub_max(), pub_ymd(262143, 12, 31), pub_ymd(-262144, 1, 1)]
    for i, ph in enumerate(phrases):
        for j, p in enumerate(pubs):
            if j == 0 or i >= 4:
                put("dates", f"phrase{i}-pub{j}", p + ph)

    # pipeline: the seed article and the annotate/code fixtures.
    texts = {
        "article": article,
        "seed_clean": fixture("crates/annotate/tests/data/seed_clean.txt"),
        "seed_kept": fixture("crates/code/tests/data/seed_kept.txt"),
        "short": short,
    }
    for name, t in texts.items():
        put("pipeline", f"{name}-2022-04-08", pub_ymd(2022, 4, 8) + t)
    put("pipeline", "article-none", pub_none() + article)
    put("pipeline", "article-max", pub_max() + article)
    put("pipeline", "article-min", pub_min() + article)
    put(
        "pipeline",
        "quotes",
        pub_ymd(2022, 4, 8)
        + "Prime Minister Ardern said: \u201cWe will send 41 personnel to the UK.\u201d\n"
        "\u201cNATO must act,\u201d the foreign minister told Russia on Thursday.\n".encode(),
    )


if __name__ == "__main__":
    main()
