#!/usr/bin/env python3
"""Smart-HTTP git server for tests, on loopback: serves the repositories under ROOT through
`git http-backend` and requires HTTP basic auth USER:PASSWORD. Prints the port, then serves
until killed. Every Authorization header it receives is appended to ROOT/../auth.log so a test
can prove which credentials git sent.

    git_http.py ROOT USER PASSWORD
"""
import base64
import http.server
import os
import subprocess
import sys

root, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
expected = 'Basic ' + base64.b64encode(f'{user}:{password}'.encode()).decode()
log = os.path.join(os.path.dirname(os.path.abspath(root)), 'auth.log')


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def _handle(self):
        length = int(self.headers.get('Content-Length') or 0)
        body = self.rfile.read(length) if length else b''
        auth = self.headers.get('Authorization')
        with open(log, 'a') as f:
            f.write(f'{self.command} {self.path} {"ok" if auth == expected else "denied"}\n')
        if auth != expected:
            self.send_response(401)
            self.send_header('WWW-Authenticate', 'Basic realm="git"')
            self.send_header('Content-Length', '0')
            self.end_headers()
            return
        path, _, query = self.path.partition('?')
        env = dict(os.environ, GIT_PROJECT_ROOT=root, GIT_HTTP_EXPORT_ALL='1', PATH_INFO=path, QUERY_STRING=query,
                   REQUEST_METHOD=self.command, CONTENT_TYPE=self.headers.get('Content-Type', ''),
                   CONTENT_LENGTH=str(len(body)), REMOTE_USER=user, REMOTE_ADDR='127.0.0.1')
        if self.headers.get('Content-Encoding'):
            env['HTTP_CONTENT_ENCODING'] = self.headers['Content-Encoding']
        if self.headers.get('Git-Protocol'):
            env['GIT_PROTOCOL'] = self.headers['Git-Protocol']
        out = subprocess.run(['git', 'http-backend'], input=body, env=env, capture_output=True).stdout
        sep = b'\r\n\r\n' if b'\r\n\r\n' in out else b'\n\n'
        head, _, rest = out.partition(sep)
        status, headers = 200, []
        for line in head.decode('latin-1').splitlines():
            k, _, v = line.partition(':')
            if k.lower() == 'status':
                status = int(v.strip().split()[0])
            elif k:
                headers.append((k, v.strip()))
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header('Content-Length', str(len(rest)))
        self.end_headers()
        self.wfile.write(rest)

    do_GET = do_POST = _handle

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
