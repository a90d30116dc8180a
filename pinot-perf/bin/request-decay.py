#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Sends one SQL query N times over one keep-alive connection and prints the median client wall time and the
broker's timeUsedMs per group of requests: how a freshly started broker's per-request cost falls as its JIT warms.

usage: request-decay.py BROKER_URL N SQL   (e.g. request-decay.py http://127.0.0.1:8099 400 'SELECT COUNT(*) FROM events')
"""
import http.client
import json
import sys
import time
import urllib.parse


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    url = urllib.parse.urlparse(sys.argv[1])
    n, sql = int(sys.argv[2]), sys.argv[3]
    conn = http.client.HTTPConnection(url.hostname, url.port or 8099)
    body = json.dumps({"sql": sql})
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        conn.request("POST", "/query/sql", body, {"Content-Type": "application/json"})
        answer = json.loads(conn.getresponse().read())
        if answer.get("exceptions"):
            sys.exit(f"query failed: {answer['exceptions']}")
        samples.append(((time.perf_counter() - start) * 1000, answer.get("timeUsedMs", 0)))
    group = max(1, n // 20)
    for first in range(0, n, group):
        chunk = samples[first:first + group]
        wall = sorted(s[0] for s in chunk)[len(chunk) // 2]
        broker = sorted(s[1] for s in chunk)[len(chunk) // 2]
        print(f"requests {first:5d}-{first + len(chunk) - 1:5d}: median wall {wall:7.2f} ms, broker timeUsedMs {broker}")


if __name__ == "__main__":
    main()
