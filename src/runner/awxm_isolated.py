# awxm's runner for isolated nodes: runs one job's ansible-playbook under a pseudo-terminal,
# detached from the SSH session that started it (the node needs only Python and ansible-core).
#
# Usage: python3 awxm_isolated.py PRIVATE_DATA_DIR IDENT
#
# Reads env/run.json ({"argv": [...], "cwd": "...", "env": {...}, "prompts": [[regex, answer], ...]})
# and deletes it at once (it may hold passwords). Writes, under artifacts/IDENT/:
#   pid     ansible-playbook's pid (also its process group: it leads its own session)
#   stdout  the raw terminal output, appended as it comes
#   rc      the exit code (128+n when killed by signal n), written last, atomically
#   error   why the job could not start (the SSH key could not be loaded), before rc
# With "ssh_key": {"path", "passphrase"} in run.json, the key is loaded into an ssh-agent of the
# job's (socket: env SSH_AUTH_SOCK) and its file deleted before ansible-playbook starts.
# SIGTERM/SIGINT/SIGHUP sent to this process are passed on to ansible-playbook's process group.
import errno
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

WINDOW = 256


def write_atomic(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.rename(tmp, path)


def answer_prompts(fd, prompts, sink):
    """Copy the terminal's output to `sink` until it closes, answering `prompts`."""
    window = b""
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError as e:
            if e.errno == errno.EIO:
                return
            raise
        if not data:
            return
        sink(data)
        window = (window + data)[-WINDOW:]
        text = window.decode("utf-8", "replace")
        for rx, answer in prompts:
            if rx.search(text):
                os.write(fd, (answer + "\n").encode("utf-8"))
                window = b""
                break


def exit_code(status):
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def start_agent(env, key):
    """Start the job's ssh-agent (socket: env SSH_AUTH_SOCK) and load the key with ssh-add,
    answering its passphrase prompt; the key file is deleted whatever happens. Returns the
    agent's pid."""
    sock = env["SSH_AUTH_SOCK"]
    path = key["path"]
    try:
        null = os.open(os.devnull, os.O_RDWR)
        agent = os.fork()
        if agent == 0:
            os.setsid()
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            try:
                os.execvpe("ssh-agent", ["ssh-agent", "-D", "-a", sock], env)
            finally:
                os._exit(127)
        deadline = time.time() + 10
        while not os.path.exists(sock):
            if os.waitpid(agent, os.WNOHANG)[0] or time.time() > deadline:
                raise RuntimeError("ssh-agent did not start")
            time.sleep(0.01)
        passphrase = key.get("passphrase") or ""
        prompts = [
            (re.compile(r"Enter passphrase for .*:[ \t]*\Z"), passphrase),
            # A wrong passphrase: an empty answer makes ssh-add give up.
            (re.compile(r"Bad passphrase, try again for .*:[ \t]*\Z"), ""),
        ]
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.execvpe("ssh-add", ["ssh-add", path], {"SSH_AUTH_SOCK": sock, "PATH": env.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"})
            finally:
                os._exit(127)
        out = []
        answer_prompts(fd, prompts, out.append)
        rc = exit_code(os.waitpid(pid, 0)[1])
        if rc != 0:
            text = b"".join(out).decode("utf-8", "replace").strip().replace("\n", " ")
            raise RuntimeError("its SSH key could not be loaded into ssh-agent: %s" % text)
        return agent
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


def main():
    root, ident = sys.argv[1], sys.argv[2]
    art = os.path.join(root, "artifacts", ident)
    spec_path = os.path.join(root, "env", "run.json")
    with open(spec_path) as f:
        spec = json.load(f)
    os.unlink(spec_path)
    prompts = []
    for pattern, answer in spec.get("prompts", []):
        # awxm's patterns end with `$` meaning the very end of the output.
        if pattern.endswith("$"):
            pattern = pattern[:-1] + r"\Z"
        prompts.append((re.compile(pattern), answer))
    env = dict(os.environ)
    env.update(spec["env"])
    argv = spec["argv"]
    agent = None
    if spec.get("ssh_key"):
        try:
            agent = start_agent(env, spec["ssh_key"])
        except Exception as e:
            write_atomic(os.path.join(art, "error"), str(e))
            write_atomic(os.path.join(art, "rc"), "1")
            return

    pid, fd = pty.fork()
    if pid == 0:
        try:
            # As for a local run: no echo, no CR added before LF, 80x24.
            attrs = termios.tcgetattr(0)
            attrs[1] &= ~termios.ONLCR
            attrs[3] &= ~(termios.ECHO | termios.ECHONL)
            termios.tcsetattr(0, termios.TCSANOW, attrs)
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.chdir(spec["cwd"])
            os.execvpe(argv[0], argv, env)
        except Exception as e:  # reported in the job's output
            sys.stderr.write("awxm: cannot start %s: %s\n" % (argv[0], e))
            sys.stderr.flush()
        os._exit(127)

    write_atomic(os.path.join(art, "pid"), str(pid))

    def forward(signum, _frame):
        try:
            os.killpg(pid, signum)
        except OSError:
            pass

    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, forward)

    out = open(os.path.join(art, "stdout"), "ab", buffering=0)
    window = b""
    status = None
    while True:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            if status is None:
                done, st = os.waitpid(pid, os.WNOHANG)
                if done:
                    status = st
            if status is not None:
                # Exited and nothing more to read (a leftover holds the terminal open).
                break
            continue
        try:
            data = os.read(fd, 65536)
        except OSError as e:
            if e.errno == errno.EIO:  # every holder of the terminal closed it
                break
            raise
        if not data:
            break
        out.write(data)
        if prompts:
            window = (window + data)[-WINDOW:]
            text = window.decode("utf-8", "replace")
            for rx, answer in prompts:
                if rx.search(text):
                    os.write(fd, (answer + "\n").encode("utf-8"))
                    window = b""
                    break
    if status is None:
        _, status = os.waitpid(pid, 0)
    out.close()
    rc = exit_code(status)
    try:
        os.killpg(pid, signal.SIGKILL)  # leftovers of the job
    except OSError:
        pass
    if agent:
        try:
            os.kill(agent, signal.SIGTERM)
        except OSError:
            pass
    write_atomic(os.path.join(art, "rc"), str(rc))


if __name__ == "__main__":
    main()
