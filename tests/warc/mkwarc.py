#!/usr/bin/env python3
"""Writes WARC files for the tests (tests/e2e/warc_*.sh) from a folder of pages.

usage: mkwarc.py OUT --layout plain|member|whole [--pages DIR] [options]

Every OUTLET/NAME.html under DIR becomes a response record for
https://www.OUTLET/NAME.html, the HTTP body varied page by page so that
every coding is exercised: the 2nd, 5th, ... page is sent chunked, the 3rd,
6th, ... gzip-encoded (Content-Encoding), a page whose name holds "gbk" is
labelled charset=gbk in Content-Type. A warcinfo record comes first and
every response has its request record, as crawlers write them. Options add
the records the tests need: --image (a non-HTML response), --truncate (the
last record cut short), --bomb N (a response of N zero bytes, which gzip
writes in about N/1000), --http-bomb N (an HTML body gzip-encoded that
inflates to N bytes), --bad-length L (a record whose Content-Length is L,
followed by the pages again under other ids), --text (a plain-text resource).
"""
import argparse
import gzip
import os
import sys
import uuid
import zlib

n_ids = 0


def rid():
    global n_ids
    n_ids += 1
    return "<urn:uuid:%s>" % uuid.UUID(int=n_ids)


def record(wtype, block, uri=None, ctype=None, length=None, date="2024-03-05T10:00:00Z",
           rec_id=None):
    h = ["WARC/1.0", "WARC-Type: " + wtype, "WARC-Record-ID: " + (rec_id or rid()),
         "WARC-Date: " + date]
    if uri:
        h.append("WARC-Target-URI: " + uri)
    if ctype:
        h.append("Content-Type: " + ctype)
    h.append("Content-Length: %d" % (len(block) if length is None else length))
    return ("\r\n".join(h) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def chunked(body):
    out = b""
    for i in range(0, len(body), 100):
        piece = body[i:i + 100]
        out += b"%x;ext=1\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def response(uri, body, i, name):
    ctype = "text/html; charset=gbk" if "gbk" in name else "text/html"
    headers = ["HTTP/1.1 200 OK", "Content-Type: " + ctype, "Server: test"]
    if i % 3 == 2:
        body = gzip.compress(body)
        headers.append("Content-Encoding: gzip")
    if i % 3 == 1:
        body = chunked(body)
        headers.append("Transfer-Encoding: chunked")
    else:
        headers.append("Content-Length: %d" % len(body))
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body


def pages(folder):
    out = []
    for outlet in sorted(os.listdir(folder)):
        d = os.path.join(folder, outlet)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".html"):
                with open(os.path.join(d, name), "rb") as f:
                    out.append(("https://www.%s/%s" % (outlet, name), f.read(), name))
    return out


def gzip_member(data):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def zero_member(header, n, trailer):
    """A gzip member of header, n zero bytes and trailer, compressed as it is written."""
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [c.compress(header)]
    zeros = bytes(1 << 20)
    left = n
    while left:
        k = min(left, len(zeros))
        out.append(c.compress(zeros[:k]))
        left -= k
    out.append(c.compress(trailer))
    out.append(c.flush())
    return b"".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--layout", choices=["plain", "member", "whole"], required=True)
    ap.add_argument("--pages")
    ap.add_argument("--image", action="store_true")
    ap.add_argument("--text", action="store_true")
    ap.add_argument("--truncate", action="store_true")
    ap.add_argument("--bomb", type=int, default=0)
    ap.add_argument("--http-bomb", type=int, default=0)
    ap.add_argument("--bad-length", type=int, default=-1)
    ap.add_argument("--first-id", type=int, default=0)
    a = ap.parse_args()
    global n_ids
    n_ids = a.first_id
    recs = [record("warcinfo", b"software: mkwarc.py\r\nformat: WARC File Format 1.0\r\n",
                   ctype="application/warc-fields")]
    plist = pages(a.pages) if a.pages else []
    for i, (uri, body, name) in enumerate(plist):
        recs.append(record("request", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", uri,
                           "application/http; msgtype=request"))
        recs.append(record("response", response(uri, body, i, name), uri,
                           "application/http; msgtype=response"))
    if a.image:
        recs.append(record("response", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n"
                           + b"\x89PNG\r\n\x1a\n" + bytes(64), "https://www.example.org/a.png",
                           "application/http; msgtype=response"))
        recs.append(record("response", b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n"
                           b"\r\n<html><body><p>gone</p></body></html>",
                           "https://www.example.org/gone.html", "application/http; msgtype=response"))
    if a.text:
        recs.append(record("resource", b"A plain text note about groundless claims.\n",
                           "file:///notes/a.txt", "text/plain; charset=utf-8"))
    if a.http_bomb:
        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        body = c.compress(b"<html><body><p>" + b"a" * a.http_bomb) + c.flush()
        recs.append(record("response", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                           b"Content-Encoding: gzip\r\n\r\n" + body,
                           "https://www.example.org/httpbomb.html",
                           "application/http; msgtype=response"))
    bad = None
    if a.bad_length >= 0:
        bad = record("response", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>",
                     "https://www.example.org/bad.html", "application/http; msgtype=response",
                     length=a.bad_length)
    with open(a.out, "wb") as f:
        members = [gzip_member(r) for r in recs]
        if a.layout == "plain":
            f.write(b"".join(recs))
        elif a.layout == "member":
            f.write(b"".join(members))
        else:
            f.write(gzip_member(b"".join(recs)))
        if a.bomb:
            head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
                    "WARC-Target-URI: https://www.example.org/bomb.html\r\n"
                    "Content-Type: application/http; msgtype=response\r\n"
                    "Content-Length: %d\r\n\r\n" % (a.bomb + 44)).encode()
            body_head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
            assert len(body_head) == 44
            f.write(zero_member(head + body_head, a.bomb, b"\r\n\r\n"))
            # The pages again after the bomb: nothing after it may be lost.
            for r in recs[1:]:
                f.write(gzip_member(r.replace(b"urn:uuid:", b"urn:uuid:after-")))
        if bad is not None:
            data = bad + b"".join(r.replace(b"urn:uuid:", b"urn:uuid:after-") for r in recs[1:])
            f.write(data if a.layout == "plain" else gzip_member(bad) + b"".join(
                gzip_member(r.replace(b"urn:uuid:", b"urn:uuid:after-")) for r in recs[1:]))
        if a.truncate:
            last = record("response", response("https://www.example.org/cut.html",
                                               b"<html><body><p>cut short</p></body></html>", 0,
                                               "cut.html"),
                          "https://www.example.org/cut.html", "application/http; msgtype=response")
            last = last[:len(last) // 2]
            f.write(last if a.layout == "plain" else gzip_member(last))
    return 0


if __name__ == "__main__":
    sys.exit(main())
