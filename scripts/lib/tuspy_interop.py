"""Uploads a file to Lernwerk's tus endpoint with tuspy (a client we did not write),
with a checksum on every chunk, through a small TCP proxy that cuts the connection
once a given number of bytes went through it (mid-chunk); then resumes the upload
from the offset the server reports and finishes it. Prints a JSON summary.

    python tuspy_interop.py --endpoint URL --cookie COOKIE --csrf TOKEN --file F --cut-after N
"""

import argparse
import json
import socket
import sys
import threading
import urllib.parse

from tusclient import client as tus_client
from tusclient.exceptions import TusCommunicationError


class CuttingProxy:
    """Forwards TCP to the server; the first connection that carries the byte number
    `cut_after` (counted over all connections towards the server) is closed at once,
    in the middle of whatever request it carries. Later connections pass untouched."""

    def __init__(self, target_host, target_port, cut_after):
        self.target = (target_host, target_port)
        self.cut_after = cut_after
        self.forwarded = 0
        self.cuts = 0
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            downstream, _ = self.listener.accept()
            upstream = socket.create_connection(self.target)
            threading.Thread(target=self.pump_up, args=(downstream, upstream), daemon=True).start()
            threading.Thread(target=self.pump_down, args=(upstream, downstream), daemon=True).start()

    def pump_up(self, src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                with self.lock:
                    before = self.forwarded
                    self.forwarded += len(data)
                    cut = self.cuts == 0 and before < self.cut_after <= self.forwarded
                    if cut:
                        self.cuts += 1
                if cut:
                    dst.sendall(data[: self.cut_after - before])
                    # The line drops mid-body: both sides see the connection end.
                    for s in (src, dst):
                        s.shutdown(socket.SHUT_RDWR)
                        s.close()
                    return
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def pump_down(self, src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--cookie", required=True)
    parser.add_argument("--csrf", required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--cut-after", type=int, required=True)
    parser.add_argument("--chunk-size", type=int, default=256 * 1024)
    args = parser.parse_args()

    server = urllib.parse.urlsplit(args.endpoint)
    proxy = CuttingProxy(server.hostname, server.port, args.cut_after)
    endpoint = f"http://127.0.0.1:{proxy.port}{server.path}"
    headers = {"Cookie": args.cookie, "X-CSRF-Token": args.csrf}
    client = tus_client.TusClient(endpoint, headers=headers)
    metadata = {"filename": "bbb.mp4", "title": "Per tuspy"}

    first = client.uploader(args.file, chunk_size=args.chunk_size, upload_checksum=True, metadata=metadata, retries=0)
    try:
        first.upload()
        print(json.dumps({"error": "the upload was never cut off"}))
        return 1
    except TusCommunicationError as error:
        cut_reason = str(error)
    # A new uploader for the same URL asks the server where to go on (HEAD). The server
    # may still be closing the cut request: tuspy retries (423 until it is done).
    resumed = client.uploader(
        args.file,
        url=first.url,
        chunk_size=args.chunk_size,
        upload_checksum=True,
        metadata=metadata,
        retries=10,
        retry_delay=1,
    )
    resumed_at = resumed.offset
    resumed.upload()
    print(
        json.dumps(
            {
                "url": first.url,
                "offset_before_cut": first.offset,
                "resumed_at": resumed_at,
                "final_offset": resumed.offset,
                "checksum": resumed.checksum_algorithm_name,
                "cut_reason": cut_reason,
                "cuts": proxy.cuts,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
