#!/usr/bin/env python3
"""Writes the WARC files of tests/e2e/warc_trial.sh (an outside trial of
issue 14) into the folder OUT: three news pages as responses, one gzip
member each, and variants of that file.

  ok.warc.gz      the three pages
  badgz.warc.gz   the 2nd page's member with its deflate data damaged
  notgz.warc.gz   the 2nd page's record not compressed, between members
  wget.warc.gz    as wget writes: WARC-Target-URI in angle brackets, a
                  robots.txt response, wget's own resource records
"""
import gzip
import os
import sys

TEXT = "China said the claims were groundless and accusatory, page %d."


def record(wtype, uri, block, ctype, n):
    h = ["WARC/1.0", "WARC-Type: " + wtype,
         "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>" % n,
         "WARC-Date: 2024-03-05T10:00:00Z", "WARC-Target-URI: " + uri,
         "Content-Type: " + ctype, "Content-Length: %d" % len(block)]
    return ("\r\n".join(h) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def response(uri, body, n, mime="text/html; charset=utf-8"):
    http = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (mime, len(body))).encode() + body
    return record("response", uri, http, "application/http; msgtype=response", n)


def page(i):
    return ("<html><head><title>Page %d</title></head><body><article><p>%s</p>"
            "</article></body></html>" % (i, TEXT % i)).encode()


def main():
    out = sys.argv[1]
    pages = [response("http://www.cnn.com/p%d.html" % i, page(i), i) for i in (1, 2, 3)]
    gz = [gzip.compress(r, mtime=0) for r in pages]
    with open(os.path.join(out, "ok.warc.gz"), "wb") as f:
        f.write(b"".join(gz))
    bad = bytearray(gz[1])
    bad[30] ^= 0xff
    bad[31] ^= 0xff
    with open(os.path.join(out, "badgz.warc.gz"), "wb") as f:
        f.write(gz[0] + bytes(bad) + gz[2])
    with open(os.path.join(out, "notgz.warc.gz"), "wb") as f:
        f.write(gz[0] + pages[1] + gz[2])
    wget = [response("<http://www.cnn.com/p%d.html>" % i, page(i), i) for i in (1, 2, 3)]
    wget.append(response("<http://www.cnn.com/robots.txt>", b"User-agent: *\nDisallow:\n", 4,
                         "text/plain"))
    wget.append(record("resource", "<metadata://gnu.org/software/wget/warc/wget_arguments.txt>",
                       b"\"--warc-file=x\" \"http://www.cnn.com/\"\n", "text/plain", 5))
    wget.append(record("resource", "<metadata://gnu.org/software/wget/warc/wget.log>",
                       b"Saving to: 'index.html'\nDownloaded: 3 files\n", "text/plain", 6))
    with open(os.path.join(out, "wget.warc.gz"), "wb") as f:
        f.write(b"".join(gzip.compress(r, mtime=0) for r in wget))


main()
