# awxm job-event callback (shipped inside the awxm binary; written into each job's private data
# directory). It prints exactly what Ansible's `default` stdout callback prints and, for every
# callback, appends one JSON line to the file named by AWXM_EVENTS_FILE with AWX's event fields:
# event, counter, uuid, parent_uuid, stdout, start_line, end_line, created, pid, verbosity, host,
# task, play, role, playbook, failed, changed and event_data (playbook, play, task and result
# details). Output displayed outside any callback (warnings, -v messages) becomes a `verbose`
# event. awxm tails the file by byte offset and stores the events.
from __future__ import annotations

DOCUMENTATION = """
    name: awxm_display
    type: stdout
    short_description: default output plus AWX-style job events for awxm
    description:
        - Prints what the default callback prints and writes one JSON event per callback to AWXM_EVENTS_FILE.
    extends_documentation_fragment:
      - default_callback
      - result_format_callback
"""

import datetime
import json
import os
import sys
import threading
import uuid

from ansible.plugins.callback.default import CallbackModule as DefaultCallbackModule

try:
    from ansible.utils.color import stringc
except ImportError:  # pragma: no cover
    def stringc(text, color, wrap_nonvisible_chars=False):
        return text

try:
    from ansible.module_utils.common.json import AnsibleJSONEncoder as _Encoder
except ImportError:  # pragma: no cover
    _Encoder = json.JSONEncoder


class _SafeEncoder(_Encoder):
    def default(self, o):
        try:
            return super().default(o)
        except Exception:
            if isinstance(o, (set, frozenset, tuple)):
                return list(o)
            if isinstance(o, (datetime.datetime, datetime.date)):
                return o.isoformat()
            if isinstance(o, bytes):
                return o.decode('utf-8', 'replace')
            return str(o)


FAILED_EVENTS = frozenset((
    'runner_on_failed', 'runner_on_error', 'runner_on_unreachable', 'runner_on_async_failed',
    'runner_item_on_failed', 'error',
))
MAX_RES = int(os.environ.get('MAX_EVENT_RES', '700000') or 700000)


def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.%fZ')


def _res(result):
    # ansible-core >= 2.19 exposes `result`, older versions `_result`.
    r = getattr(type(result), 'result', None)
    return result.result if r is not None else result._result


def _host(result):
    return result.host if getattr(type(result), 'host', None) is not None else result._host


def _task(result):
    return result.task if getattr(type(result), 'task', None) is not None else result._task


class CallbackModule(DefaultCallbackModule):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'stdout'
    CALLBACK_NAME = 'awxm_display'

    def __init__(self):
        super().__init__()
        self._awxm_lock = threading.RLock()
        self._awxm_stack = []
        self._awxm_counter = 0
        self._awxm_lines = 0
        self._awxm_pid = os.getpid()
        self._awxm_ident = os.environ.get('AWXM_RUNNER_IDENT', '')
        self._awxm_playbook = {}
        self._awxm_play = {}
        self._awxm_starts = {}
        path = os.environ.get('AWXM_EVENTS_FILE')
        self._awxm_fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600) if path else None
        self._awxm_hook_display()

    # ---- display capture -------------------------------------------------------------------

    def _awxm_hook_display(self):
        disp = self._display
        orig = disp.display
        plugin = self

        def display(msg, color=None, stderr=False, screen_only=False, log_only=False, newline=True, caplevel=None, **kw):
            # In worker processes the original proxies to the main process, where we see it.
            if log_only or getattr(disp, '_final_q', None) or not isinstance(msg, str):
                return orig(msg, color=color, stderr=stderr, screen_only=screen_only, log_only=log_only,
                            newline=newline, caplevel=caplevel, **kw)
            text = msg.replace('\r\n', '\n')
            has_nl = text.endswith('\n')
            body = text[:-1] if has_nl else text
            if color:
                body = stringc(body, color)
            if has_nl or newline:
                body += '\n'
            plugin._awxm_write(body, stderr)
            # Logging (log_path) as the original does it.
            orig(msg, color=color, stderr=stderr, screen_only=screen_only, log_only=True,
                 newline=newline, caplevel=caplevel, **kw)

        disp.display = display

    def _awxm_write(self, body, stderr):
        with self._awxm_lock:
            fileobj = sys.stderr if stderr else sys.stdout
            fileobj.write(body)
            fileobj.flush()
            if self._awxm_stack:
                self._awxm_stack[-1].append(body)
            else:
                self._awxm_emit('verbose', {}, body, None, '')

    # ---- events ----------------------------------------------------------------------------

    def _awxm_emit(self, event, data, stdout, event_uuid, parent):
        if self._awxm_fd is None:
            return
        self._awxm_counter += 1
        start = self._awxm_lines
        self._awxm_lines += stdout.count('\n')
        if stdout.endswith('\n'):
            stdout = stdout[:-1]
        res = data.get('res')
        if event == 'playbook_on_stats':
            failed = any(data.get('failures', {}).values()) or any(data.get('dark', {}).values())
            changed = any(data.get('changed', {}).values())
        else:
            failed = event in FAILED_EVENTS and not data.get('ignore_errors')
            changed = bool(isinstance(res, dict) and res.get('changed'))
        ev = {
            'event': event,
            'counter': self._awxm_counter,
            'uuid': event_uuid or str(uuid.uuid4()),
            'parent_uuid': parent or '',
            'stdout': stdout,
            'start_line': start,
            'end_line': self._awxm_lines,
            'created': _now(),
            'pid': self._awxm_pid,
            'verbosity': self._display.verbosity,
            'runner_ident': self._awxm_ident,
            'host': data.get('host', '') or '',
            'task': data.get('task', '') or '',
            'play': data.get('play', '') or '',
            'role': data.get('role', '') or '',
            'playbook': data.get('playbook', '') or '',
            'failed': bool(failed),
            'changed': changed,
            'event_data': data,
        }
        try:
            line = json.dumps(ev, cls=_SafeEncoder, ensure_ascii=False, separators=(',', ':'))
        except Exception as e:  # never let an event break the playbook
            ev['event_data'] = dict((k, v) for k, v in data.items() if k != 'res')
            ev['event_data']['res'] = {'_awxm_serialization_error': str(e)}
            line = json.dumps(ev, cls=_SafeEncoder, ensure_ascii=False, separators=(',', ':'), default=str)
        if res is not None and event != 'playbook_on_stats' and len(line) > MAX_RES:
            data = dict(data)
            data['res'] = {}
            ev['event_data'] = data
            line = json.dumps(ev, cls=_SafeEncoder, ensure_ascii=False, separators=(',', ':'))
        os.write(self._awxm_fd, (line + '\n').encode('utf-8', 'surrogateescape'))

    def _awxm_event(self, event, data, call, *args, event_uuid=None, parent=None, **kwargs):
        """Run the default callback's method while capturing what it displays, then emit."""
        with self._awxm_lock:
            self._awxm_stack.append([])
            try:
                if call is not None:
                    call(*args, **kwargs)
            finally:
                chunks = self._awxm_stack.pop()
                self._awxm_emit(event, data, ''.join(chunks), event_uuid, parent)

    def _awxm_task_data(self, task):
        data = dict(self._awxm_playbook)
        data.update(self._awxm_play)
        if task is None:
            return data
        role = getattr(task, '_role', None)
        if getattr(task, 'no_log', False):
            args = ''
        else:
            try:
                args = ', '.join('%s=%s' % (k, v) for k, v in (task.args or {}).items())
            except Exception:
                args = ''
        data.update({
            'task': task.get_name(),
            'task_uuid': str(task._uuid),
            'task_action': task.action,
            'task_args': args,
            'task_path': task.get_path() or '',
            'role': role.get_name() if role else '',
        })
        resolved = getattr(task, '_resolved_action', None)
        if resolved:
            data['resolved_action'] = resolved
        return data

    def _awxm_result(self, event, result, call, *args, **extra):
        task = _task(result)
        host = _host(result)
        data = self._awxm_task_data(task)
        hostname = host.get_name()
        data['host'] = hostname
        data['remote_addr'] = getattr(host, 'address', '') or hostname
        data['res'] = _res(result)
        key = (hostname, str(task._uuid))
        started = self._awxm_starts.get(key)
        end = datetime.datetime.now(datetime.timezone.utc)
        if started is not None:
            data['start'] = started.isoformat()
            data['end'] = end.isoformat()
            data['duration'] = (end - started).total_seconds()
        if getattr(task, 'loop', None):
            data['event_loop'] = getattr(task, 'loop_with', None) or 'items'
        data.update(extra)
        self._awxm_event(event, data, call, result, *args, parent=str(task._uuid))

    # ---- playbook-level callbacks ----------------------------------------------------------

    def v2_playbook_on_start(self, playbook):
        self._awxm_playbook = {'playbook': getattr(playbook, '_file_name', '') or '', 'playbook_uuid': str(uuid.uuid4())}
        self._awxm_event('playbook_on_start', dict(self._awxm_playbook), super().v2_playbook_on_start, playbook,
                         event_uuid=self._awxm_playbook['playbook_uuid'], parent='')

    def v2_playbook_on_play_start(self, play):
        hosts = getattr(play, 'hosts', '')
        pattern = ','.join(hosts) if isinstance(hosts, (list, tuple)) else (hosts or '')
        self._awxm_play = {'play': play.get_name(), 'play_uuid': str(play._uuid), 'play_pattern': pattern}
        data = dict(self._awxm_playbook)
        data.update(self._awxm_play)
        data['name'] = play.get_name()
        self._awxm_event('playbook_on_play_start', data, super().v2_playbook_on_play_start, play,
                         event_uuid=self._awxm_play['play_uuid'], parent=self._awxm_playbook.get('playbook_uuid', ''))

    def v2_playbook_on_task_start(self, task, is_conditional):
        data = self._awxm_task_data(task)
        data['is_conditional'] = bool(is_conditional)
        self._awxm_event('playbook_on_task_start', data, super().v2_playbook_on_task_start, task, is_conditional,
                         event_uuid=str(task._uuid), parent=self._awxm_play.get('play_uuid', ''))

    def v2_playbook_on_handler_task_start(self, task):
        data = self._awxm_task_data(task)
        data['is_conditional'] = True
        data['handler'] = True
        self._awxm_event('playbook_on_task_start', data, super().v2_playbook_on_handler_task_start, task,
                         event_uuid=str(task._uuid), parent=self._awxm_play.get('play_uuid', ''))

    def v2_playbook_on_no_hosts_matched(self):
        data = dict(self._awxm_playbook)
        data.update(self._awxm_play)
        self._awxm_event('playbook_on_no_hosts_matched', data, super().v2_playbook_on_no_hosts_matched,
                         parent=self._awxm_play.get('play_uuid', ''))

    def v2_playbook_on_no_hosts_remaining(self):
        data = dict(self._awxm_playbook)
        data.update(self._awxm_play)
        self._awxm_event('playbook_on_no_hosts_remaining', data, super().v2_playbook_on_no_hosts_remaining,
                         parent=self._awxm_play.get('play_uuid', ''))

    def v2_playbook_on_notify(self, handler, host):
        data = self._awxm_task_data(None)
        data['handler'] = handler.get_name()
        data['host'] = host.get_name()
        self._awxm_event('playbook_on_notify', data, super().v2_playbook_on_notify, handler, host,
                         parent=self._awxm_play.get('play_uuid', ''))

    def v2_playbook_on_include(self, included_file):
        data = self._awxm_task_data(getattr(included_file, '_task', None))
        data['included_file'] = getattr(included_file, '_filename', '')
        data['hosts'] = [h.get_name() for h in getattr(included_file, '_hosts', [])]
        task = getattr(included_file, '_task', None)
        self._awxm_event('playbook_on_include', data, super().v2_playbook_on_include, included_file,
                         parent=str(task._uuid) if task is not None else self._awxm_play.get('play_uuid', ''))

    def v2_playbook_on_stats(self, stats):
        data = dict(self._awxm_playbook)
        for what in ('changed', 'dark', 'failures', 'ignored', 'ok', 'processed', 'rescued', 'skipped'):
            data[what] = dict(getattr(stats, what, {}) or {})
        custom = getattr(stats, 'custom', None) or {}
        data['artifact_data'] = custom.get('_run', {}) if isinstance(custom, dict) else {}
        self._awxm_event('playbook_on_stats', data, super().v2_playbook_on_stats, stats,
                         parent=self._awxm_playbook.get('playbook_uuid', ''))

    # ---- host-level callbacks --------------------------------------------------------------

    def v2_runner_on_start(self, host, task):
        hostname = host.get_name()
        self._awxm_starts[(hostname, str(task._uuid))] = datetime.datetime.now(datetime.timezone.utc)
        data = self._awxm_task_data(task)
        data['host'] = hostname
        self._awxm_event('runner_on_start', data, super().v2_runner_on_start, host, task, parent=str(task._uuid))

    def v2_runner_on_ok(self, result):
        self._awxm_result('runner_on_ok', result, super().v2_runner_on_ok)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._awxm_result('runner_on_failed', result, super().v2_runner_on_failed, ignore_errors, ignore_errors=bool(ignore_errors))

    def v2_runner_on_skipped(self, result):
        self._awxm_result('runner_on_skipped', result, super().v2_runner_on_skipped)

    def v2_runner_on_unreachable(self, result):
        self._awxm_result('runner_on_unreachable', result, super().v2_runner_on_unreachable)

    def v2_runner_item_on_ok(self, result):
        self._awxm_result('runner_item_on_ok', result, super().v2_runner_item_on_ok)

    def v2_runner_item_on_failed(self, result):
        self._awxm_result('runner_item_on_failed', result, super().v2_runner_item_on_failed)

    def v2_runner_item_on_skipped(self, result):
        self._awxm_result('runner_item_on_skipped', result, super().v2_runner_item_on_skipped)

    def v2_runner_retry(self, result):
        self._awxm_result('runner_retry', result, super().v2_runner_retry)

    def v2_runner_on_async_poll(self, result):
        self._awxm_result('runner_on_async_poll', result, super().v2_runner_on_async_poll)

    def v2_runner_on_async_ok(self, result):
        self._awxm_result('runner_on_async_ok', result, super().v2_runner_on_async_ok)

    def v2_runner_on_async_failed(self, result):
        self._awxm_result('runner_on_async_failed', result, super().v2_runner_on_async_failed)

    def v2_on_file_diff(self, result):
        self._awxm_result('runner_on_file_diff', result, super().v2_on_file_diff)
