#!/usr/bin/env python3
"""Driver for bench/profile_receiver.sh: sends exactly N copies of one store request (the event in
bench/receiver_event.json, the same X-Sentry-Auth as run_receiver_bench.sh) over C keep-alive
connections and waits for every answer, so a profiler sees a fixed amount of work. (wrk cannot
stop after N requests: its main thread sleeps for the whole -d duration.) Exits 1 unless every
answer is a 200.

    receiver_count.py --port P --requests N [--connections C]"""

import argparse
import asyncio
import pathlib
import sys

AUTH = "Sentry sentry_version=4, sentry_client=raven-python/4.0.0, sentry_key=pub, sentry_secret=sec"


def request(port):
    body = (pathlib.Path(__file__).parent / "receiver_event.json").read_bytes()
    return (f"POST /api/1/store/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Sentry-Auth: {AUTH}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


async def connection(port, data, count, statuses):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for _ in range(count):
        writer.write(data)
        status = int((await reader.readline()).split()[1])
        length = 0
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        await reader.readexactly(length)
        statuses[status] = statuses.get(status, 0) + 1
    writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--requests", type=int, required=True)
    parser.add_argument("--connections", type=int, default=10)
    args = parser.parse_args()
    data = request(args.port)
    statuses = {}
    share, extra = divmod(args.requests, args.connections)
    await asyncio.gather(*(connection(args.port, data, share + (i < extra), statuses)
                           for i in range(args.connections)))
    if set(statuses) != {200}:
        print(f"answers by status: {statuses}", file=sys.stderr)
        sys.exit(1)


asyncio.run(main())
