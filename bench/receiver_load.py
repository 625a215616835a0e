#!/usr/bin/env python3
"""Load client for bench/receiver_reliability.sh: N store requests over C keep-alive connections to
the receiver on 127.0.0.1, each event with its own event_id, and a record of which ones the
receiver acknowledged. An event counts as acknowledged as soon as a "200" status line arrives for
it (the receiver writes it only after the exchange is committed), which is the strictest reading.

    receiver_load.py --port P --requests N --connections C --acked FILE
                     [--first-id K] [--kill-pid PID --kill-after ACKED]

--kill-pid sends SIGKILL to PID once ACKED events have been acknowledged; from then on a
connection that fails ends instead of reconnecting. Prints one JSON line: requests sent, answers
by status, connection errors, seconds, acknowledged per second. Writes the acknowledged event ids
to FILE, one per line."""

import argparse
import asyncio
import json
import os
import signal
import time

AUTH = "Sentry sentry_version=4, sentry_client=receiver-load/1.0, sentry_key=pub, sentry_secret=sec"


class Load:
    def __init__(self, args):
        self.args = args
        self.next = 0
        self.sent = 0
        self.statuses = {}
        self.errors = 0
        self.acked = []
        self.killed = False

    def take(self):
        if self.next >= self.args.requests:
            return None
        self.next += 1
        return self.next - 1

    def request(self, index):
        event_id = f"feed{self.args.first_id + index:028x}"
        body = json.dumps({"event_id": event_id, "message": f"load {index}", "level": "info",
                           "logger": "receiver-load"}, separators=(",", ":")).encode()
        head = (f"POST /api/1/store/ HTTP/1.1\r\nHost: 127.0.0.1:{self.args.port}\r\n"
                f"X-Sentry-Auth: {AUTH}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        return event_id, head + body

    def acknowledge(self, event_id):
        self.acked.append(event_id)
        if self.args.kill_pid and not self.killed and len(self.acked) >= self.args.kill_after:
            os.kill(self.args.kill_pid, signal.SIGKILL)
            self.killed = True

    async def exchange(self, reader, writer, event_id, data):
        writer.write(data)
        await writer.drain()
        self.sent += 1
        status_line = await reader.readline()
        if not status_line:
            raise ConnectionError("closed before the status line")
        status = int(status_line.split()[1])
        if status == 200:
            self.acknowledge(event_id)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        length = 0
        while True:
            line = await reader.readline()
            if not line:
                raise ConnectionError("closed inside the headers")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        await reader.readexactly(length)

    async def connection(self):
        pending = None
        while True:
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", self.args.port)
            except OSError:
                self.errors += 1
                if self.killed:
                    return
                await asyncio.sleep(0.05)
                continue
            try:
                while True:
                    index = pending if pending is not None else self.take()
                    if index is None:
                        writer.close()
                        return
                    pending = index
                    await self.exchange(reader, writer, *self.request(index))
                    pending = None
            except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError):
                # Not acknowledged: in a load run it is sent again on a new connection (a new
                # exchange); after the kill the connection ends.
                self.errors += 1
                writer.close()
                if self.killed:
                    return

    async def run(self):
        start = time.monotonic()
        await asyncio.gather(*(self.connection() for _ in range(self.args.connections)))
        return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--requests", type=int, default=100000)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--acked", required=True, help="file for the acknowledged event ids")
    parser.add_argument("--first-id", type=int, default=0, help="event ids count up from this")
    parser.add_argument("--kill-pid", type=int, default=0)
    parser.add_argument("--kill-after", type=int, default=0)
    args = parser.parse_args()
    load = Load(args)
    seconds = asyncio.run(load.run())
    with open(args.acked, "w") as out:
        out.writelines(event_id + "\n" for event_id in load.acked)
    print(json.dumps({"requests_sent": load.sent, "acknowledged": len(load.acked),
                      "answers": {str(k): v for k, v in sorted(load.statuses.items())},
                      "connection_errors": load.errors, "killed": load.killed,
                      "seconds": round(seconds, 1),
                      "acknowledged_per_s": round(len(load.acked) / seconds) if seconds else 0}))


if __name__ == "__main__":
    main()
