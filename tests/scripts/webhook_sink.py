#!/usr/bin/env python3
"""Webhook sink for tests: records every request (method, path, headers with lower-case names, JSON body) as one
line of DIR/requests.jsonl and answers with the status named by the path (/status/500 -> 500,
anything else -> 200). Binds an ephemeral port unless --port is given and prints
"listening on HOST:PORT" once ready.
usage: webhook_sink.py [--host 127.0.0.1] [--port 0] --dir DIR"""
import argparse, json, os, re, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def _handle(self):
        n = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(n)
        try:
            body = json.loads(raw)
        except Exception:
            body = raw.decode("utf-8", "replace")
        m = re.match(r"^/status/(\d{3})", self.path)
        code = int(m.group(1)) if m else 200
        row = {"method": self.command, "path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body, "status": code}
        with self.server.lock:
            with open(os.path.join(self.server.dir, "requests.jsonl"), "a") as f:
                f.write(json.dumps(row) + "\n")
        reply = json.dumps({"status": code}).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_POST = _handle
    do_PUT = _handle


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--dir", required=True)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    srv = ThreadingHTTPServer((a.host, a.port), H)
    srv.dir, srv.lock = a.dir, threading.Lock()
    print(f"listening on {a.host}:{srv.server_address[1]}", flush=True)
    srv.serve_forever()
