#!/usr/bin/env python3
"""Serves a directory (default dist/) on 127.0.0.1 with a strict Content-Security-Policy
on every response, the policy a docs site may set: the end-to-end tests run the demo
under it. Python standard library only.

    python3 scripts/serve-csp.py PORT [DIR]
"""

import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"


class Handler(SimpleHTTPRequestHandler):
    # Set explicitly: the module scripts and instantiateStreaming need these types.
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, format, *args):
        pass


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 4173
    directory = sys.argv[2] if len(sys.argv) > 2 else "dist"
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=directory))
    print(f"serving {directory}/ at http://127.0.0.1:{port}/ with Content-Security-Policy: {CSP}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
