
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'awxm' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'awxm'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'awxm' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Create or update resources from YAML/JSON files, idempotently, by name')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write resources back as a resource file (secrets shown as $encrypted$)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the objects of one type')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one object with all its fields')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one object (asks first on a terminal)')
            [CompletionResult]::new('deep_copy', 'deep_copy', [CompletionResultType]::ParameterValue, 'Copy a template, inventory, project, credential or notification template with its sub-objects')
            [CompletionResult]::new('settings', 'settings', [CompletionResultType]::ParameterValue, 'Read and change cluster-wide settings stored in the database')
            [CompletionResult]::new('run_job', 'run_job', [CompletionResultType]::ParameterValue, 'Launch a job from a job template and supervise it (live output, exit 0 on success)')
            [CompletionResult]::new('ad_hoc', 'ad_hoc', [CompletionResultType]::ParameterValue, 'Run one Ansible module over an inventory''s hosts, recorded and supervised like a job')
            [CompletionResult]::new('launch', 'launch', [CompletionResultType]::ParameterValue, 'Queue a job, project/inventory update or system job from its template; --wait to wait for it')
            [CompletionResult]::new('dispatcher', 'dispatcher', [CompletionResultType]::ParameterValue, 'The service that runs the queue on this node: wakes on launches, heartbeats, restarts safely')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'Schedules: list them, show one with its next runs and skips, preview a rule')
            [CompletionResult]::new('scheduler', 'scheduler', [CompletionResultType]::ParameterValue, 'The scheduler tick: launch due schedules once (for a timer or cron; the dispatcher ticks too)')
            [CompletionResult]::new('task_manager', 'task_manager', [CompletionResultType]::ParameterValue, 'Run one task-manager cycle: start what may start, explain what waits')
            [CompletionResult]::new('project_update', 'project_update', [CompletionResultType]::ParameterValue, 'Sync a git project''s checkout')
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'Inspect, wait for, relaunch and cancel jobs: list, show, stdout, events, wait, relaunch, cancel')
            [CompletionResult]::new('check_license', 'check_license', [CompletionResultType]::ParameterValue, 'Validate the license against the hosts in use; alert superusers by e-mail')
            [CompletionResult]::new('license', 'license', [CompletionResultType]::ParameterValue, 'Install, show or remove the license; create signing keys and sign licenses')
            [CompletionResult]::new('notification', 'notification', [CompletionResultType]::ParameterValue, 'Send a test notification; list the notifications sent')
            [CompletionResult]::new('gather_analytics', 'gather_analytics', [CompletionResultType]::ParameterValue, 'Collect usage analytics into AWX-format tarballs and upload them (--ship)')
            [CompletionResult]::new('cleanup_stdout', 'cleanup_stdout', [CompletionResultType]::ParameterValue, 'Purge old buffered job-output files from the job-output directory')
            [CompletionResult]::new('cleanup_jobs', 'cleanup_jobs', [CompletionResultType]::ParameterValue, 'Delete old jobs, updates, workflow jobs and notifications (AWX''s rules, in batches)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the resolved configuration and where it came from')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('inventory_import', 'inventory_import', [CompletionResultType]::ParameterValue, 'Import an Ansible inventory (file, directory, script, plugin) into an inventory')
            [CompletionResult]::new('inventory_update', 'inventory_update', [CompletionResultType]::ParameterValue, 'Re-run a stored inventory source, or list its past updates')
            [CompletionResult]::new('inventory_export', 'inventory_export', [CompletionResultType]::ParameterValue, 'Print a stored inventory as ansible-inventory --list JSON (works as an inventory script)')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Inspect an inventory: its hosts (a smart inventory''s members, or a host_filter preview)')
            [CompletionResult]::new('instance', 'instance', [CompletionResultType]::ParameterValue, 'Register or deregister cluster nodes (instances)')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'Record this node''s heartbeat and capacity; mark lost nodes and reap their jobs')
            [CompletionResult]::new('isolated_heartbeat', 'isolated_heartbeat', [CompletionResultType]::ParameterValue, 'Probe isolated and execution nodes over SSH in parallel and record their capacity')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Show the cluster: version, nodes with capacity and heartbeat, instance groups')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Prometheus metrics (AWX''s /api/v2/metrics) on stdout or for node_exporter''s textfile collector')
            [CompletionResult]::new('test_isolated_connection', 'test_isolated_connection', [CompletionResultType]::ParameterValue, 'Connect to one node over SSH and run ansible-playbook --version there')
            [CompletionResult]::new('run_workflow', 'run_workflow', [CompletionResultType]::ParameterValue, 'Launch a workflow job and follow it: node progress as it happens, exit 0 if it succeeded')
            [CompletionResult]::new('approval', 'approval', [CompletionResultType]::ParameterValue, 'Workflow approvals: list them, approve or deny one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Resource file (YAML or JSON); `-` reads stdin. May be repeated')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Resource file (YAML or JSON); `-` reads stdin. May be repeated')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Compute and report the changes, write nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;export' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;list' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only objects whose FIELD equals VALUE (repeatable)')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Sort by this field (-FIELD: descending) [default: name]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many objects')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;show' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;delete' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;deep_copy' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the copy [default: "<name> @ <h:mm:ss AM|PM>"]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (name or id): AWX''s permission checks apply and the user becomes admin of the copy')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only answer whether the copy is allowed (AWX''s can_copy); copy nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Make the copy and report it, then roll everything back')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;settings' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every setting with its value and default')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One setting''s value')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a value')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove the stored value (the default applies again)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;settings;list' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;settings;get' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;settings;set' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;settings;unset' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;settings;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every setting with its value and default')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One setting''s value')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a value')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove the stored value (the default applies again)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;settings;help;list' {
            break
        }
        'awxm;settings;help;get' {
            break
        }
        'awxm;settings;help;set' {
            break
        }
        'awxm;settings;help;unset' {
            break
        }
        'awxm;settings;help;help' {
            break
        }
        'awxm;run_job' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Limit the run to these hosts or groups (Ansible pattern)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Limit the run to these hosts or groups (Ansible pattern)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)')
            [CompletionResult]::new('--extra-vars', '--extra-vars', [CompletionResultType]::ParameterName, 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only run tasks with these tags (comma-separated)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Only run tasks with these tags (comma-separated)')
            [CompletionResult]::new('--skip-tags', '--skip-tags', [CompletionResultType]::ParameterName, 'Skip tasks with these tags')
            [CompletionResult]::new('--job-type', '--job-type', [CompletionResultType]::ParameterName, 'run, or check (dry run)')
            [CompletionResult]::new('--verbosity', '--verbosity', [CompletionResultType]::ParameterName, 'Ansible verbosity 0-5')
            [CompletionResult]::new('--forks', '--forks', [CompletionResultType]::ParameterName, 'Parallel processes (0: Ansible''s default)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop the job after this many seconds (0: template/setting default; negative: none)')
            [CompletionResult]::new('--instance-group', '--instance-group', [CompletionResultType]::ParameterName, 'Run in this instance group instead of the template''s (an isolated group runs the job on one of its nodes)')
            [CompletionResult]::new('--inventory-format', '--inventory-format', [CompletionResultType]::ParameterName, 'How the inventory is given to ansible-playbook')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Shortcut for --job-type check')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Show file changes (ansible-playbook --diff)')
            [CompletionResult]::new('--no-follow', '--no-follow', [CompletionResultType]::ParameterName, 'Do not show the output: print the job id, wait, then print the result')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Return at once and leave the job running in the background')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Fail at once when no isolated node has capacity for the job (instead of waiting, pending)')
            [CompletionResult]::new('--keep-artifacts', '--keep-artifacts', [CompletionResultType]::ParameterName, 'Keep the job''s private data directory (its path is stored in the job''s work_dir)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;ad_hoc' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Module to run')
            [CompletionResult]::new('--module-name', '--module-name', [CompletionResultType]::ParameterName, 'Module to run')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Module arguments')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'Module arguments')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Host pattern [default: all]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Host pattern [default: all]')
            [CompletionResult]::new('--credential', '--credential', [CompletionResultType]::ParameterName, 'Machine credential (name, or id)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Parallel processes (0: Ansible''s default)')
            [CompletionResult]::new('--forks', '--forks', [CompletionResultType]::ParameterName, 'Parallel processes (0: Ansible''s default)')
            [CompletionResult]::new('--verbosity', '--verbosity', [CompletionResultType]::ParameterName, 'Ansible verbosity 0-5')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)')
            [CompletionResult]::new('--extra-vars', '--extra-vars', [CompletionResultType]::ParameterName, 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout in seconds (0: the setting default_job_timeout; negative: none)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (name or id): AWX''s permission checks apply')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Run with privilege escalation')
            [CompletionResult]::new('--become', '--become', [CompletionResultType]::ParameterName, 'Run with privilege escalation')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Check mode: report what would change')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Check mode: report what would change')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Show file changes')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Show file changes')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Fail at once instead of waiting when no capacity is free')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;launch' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)')
            [CompletionResult]::new('--extra-vars', '--extra-vars', [CompletionResultType]::ParameterName, 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Host pattern')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Host pattern')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only tasks with these tags')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Only tasks with these tags')
            [CompletionResult]::new('--skip-tags', '--skip-tags', [CompletionResultType]::ParameterName, 'Skip tasks with these tags')
            [CompletionResult]::new('--job-type', '--job-type', [CompletionResultType]::ParameterName, 'run or check')
            [CompletionResult]::new('--verbosity', '--verbosity', [CompletionResultType]::ParameterName, 'Ansible verbosity 0-5')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Another inventory')
            [CompletionResult]::new('--credential', '--credential', [CompletionResultType]::ParameterName, 'Credentials instead of the template''s (repeatable)')
            [CompletionResult]::new('--scm-branch', '--scm-branch', [CompletionResultType]::ParameterName, 'Another branch of the project')
            [CompletionResult]::new('--forks', '--forks', [CompletionResultType]::ParameterName, 'Parallel processes')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Job timeout in seconds')
            [CompletionResult]::new('--instance-group', '--instance-group', [CompletionResultType]::ParameterName, 'Run in this instance group')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Show file changes')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for the job to end (running it here when it starts on this node)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;dispatcher' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each node''s dispatcher (alive, pid, last cycle), capacity and running tasks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;dispatcher;status' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;dispatcher;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each node''s dispatcher (alive, pid, last cycle), capacity and running tasks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;dispatcher;help;status' {
            break
        }
        'awxm;dispatcher;help;help' {
            break
        }
        'awxm;schedule' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every schedule with its template and next run')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One schedule: prompts, its next runs and the occurrences it skipped')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'The next occurrences of a rule (AWX''s schedule preview)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;schedule;list' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;schedule;show' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many next runs to show')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;schedule;preview' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many occurrences')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Occurrences strictly after this time (RFC 3339 or `YYYY-MM-DD[ HH:MM]`, UTC) [default: now]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;schedule;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every schedule with its template and next run')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One schedule: prompts, its next runs and the occurrences it skipped')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'The next occurrences of a rule (AWX''s schedule preview)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;schedule;help;list' {
            break
        }
        'awxm;schedule;help;show' {
            break
        }
        'awxm;schedule;help;preview' {
            break
        }
        'awxm;schedule;help;help' {
            break
        }
        'awxm;scheduler' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Run one tick and exit')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;task_manager' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Run one cycle and report what it decided (the default: awxm has no other mode yet)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;project_update' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;job' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Recent jobs of every kind (jobs, project/inventory updates, system jobs), newest first; pending ones with the reason they wait')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One job with all its fields and host summaries')
            [CompletionResult]::new('stdout', 'stdout', [CompletionResultType]::ParameterValue, 'The job''s output')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'The job''s events, in order')
            [CompletionResult]::new('relaunch', 'relaunch', [CompletionResultType]::ParameterValue, 'Launch a job again with the same prompts (AWX''s relaunch; launch_type relaunch)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until these jobs (of any kind: jobs, project/inventory updates, system jobs) end; exit 0 if all succeeded, 1 if any did not, 75 at --timeout')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Store events (and stdout) from job artifacts: a kept private data directory, or files copied from elsewhere; idempotent')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a job (from any shell)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;job;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only jobs in these statuses (comma-separated, e.g. pending,waiting)')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Only jobs of this template (job template, project, inventory source or system job template name)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many jobs')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;job;show' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;job;stdout' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--download', '--download', [CompletionResultType]::ParameterName, 'Write the output to a file in job_output_dir and print its path')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing the output as it is stored until the job ends (exit 0 if it succeeded, else 1)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing the output as it is stored until the job ends (exit 0 if it succeeded, else 1)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;job;events' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only events of this type (e.g. runner_on_failed)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only events of this host')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Only failed events')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing events as they are stored until the job ends (exit 0 if it succeeded, else 1)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing events as they are stored until the job ends (exit 0 if it succeeded, else 1)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;job;relaunch' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for the new job to end (exit 0 only if it succeeded)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;job;wait' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this many seconds (exit 75)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;job;ingest' {
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Events file (JSON lines, as written by the awxm_display callback)')
            [CompletionResult]::new('--stdout', '--stdout', [CompletionResultType]::ParameterName, 'The job''s raw stdout, stored as its output when given')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;job;cancel' {
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the job to stop')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once the cancel is requested, without waiting for the job to stop')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;job;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Recent jobs of every kind (jobs, project/inventory updates, system jobs), newest first; pending ones with the reason they wait')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One job with all its fields and host summaries')
            [CompletionResult]::new('stdout', 'stdout', [CompletionResultType]::ParameterValue, 'The job''s output')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'The job''s events, in order')
            [CompletionResult]::new('relaunch', 'relaunch', [CompletionResultType]::ParameterValue, 'Launch a job again with the same prompts (AWX''s relaunch; launch_type relaunch)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until these jobs (of any kind: jobs, project/inventory updates, system jobs) end; exit 0 if all succeeded, 1 if any did not, 75 at --timeout')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Store events (and stdout) from job artifacts: a kept private data directory, or files copied from elsewhere; idempotent')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a job (from any shell)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;job;help;list' {
            break
        }
        'awxm;job;help;show' {
            break
        }
        'awxm;job;help;stdout' {
            break
        }
        'awxm;job;help;events' {
            break
        }
        'awxm;job;help;relaunch' {
            break
        }
        'awxm;job;help;wait' {
            break
        }
        'awxm;job;help;ingest' {
            break
        }
        'awxm;job;help;cancel' {
            break
        }
        'awxm;job;help;help' {
            break
        }
        'awxm;check_license' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Print AWX''s validate() dictionary (all fields) as one line of JSON')
            [CompletionResult]::new('--warn-exit', '--warn-exit', [CompletionResultType]::ParameterName, 'Exit 3 when the license is in the warning zone (>= 90% of hosts, < 30 days left)')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'E-mail the superusers about host usage over 90% or (nearly) expired licenses')
            [CompletionResult]::new('--nagios', '--nagios', [CompletionResultType]::ParameterName, 'Monitoring-plugin mode (Nagios, Icinga, Naemon): one status line with performance data on stdout; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (awxm could not tell)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;license' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Check a license file (and its signature) and install it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the installed license and its validation')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove the installed license (everything is allowed again: open)')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Create an Ed25519 key pair for signing licenses')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a license file with a private key and print the signed document')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;license;install' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;license;show' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;license;remove' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;license;keygen' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the private key (PEM, mode 0600; must not exist)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;license;sign' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM from `license keygen` or openssl, or base64)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;license;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Check a license file (and its signature) and install it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the installed license and its validation')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove the installed license (everything is allowed again: open)')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Create an Ed25519 key pair for signing licenses')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a license file with a private key and print the signed document')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;license;help;install' {
            break
        }
        'awxm;license;help;show' {
            break
        }
        'awxm;license;help;remove' {
            break
        }
        'awxm;license;help;keygen' {
            break
        }
        'awxm;license;help;sign' {
            break
        }
        'awxm;license;help;help' {
            break
        }
        'awxm;notification' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message through a notification template')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recorded notifications, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;notification;test' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;notification;list' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Only this template''s notifications')
            [CompletionResult]::new('--job', '--job', [CompletionResultType]::ParameterName, 'Only this job''s notifications')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;notification;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message through a notification template')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recorded notifications, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;notification;help;test' {
            break
        }
        'awxm;notification;help;list' {
            break
        }
        'awxm;notification;help;help' {
            break
        }
        'awxm;gather_analytics' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the window (RFC 3339 or a common date form; UTC unless an offset is given)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the window [default: now]')
            [CompletionResult]::new('--output-dir', '--output-dir', [CompletionResultType]::ParameterName, 'Where tarballs are written [default: <data_dir>/analytics]')
            [CompletionResult]::new('--max-table-size', '--max-table-size', [CompletionResultType]::ParameterName, 'Split CSV tables into parts of at most this size [default: setting automation_analytics_max_table_size]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--ship', '--ship', [CompletionResultType]::ParameterName, 'Upload the tarballs (needs insights_tracking_state, automation_analytics_url and credentials)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Gather into local tarballs only; never contacts the network (the default without --ship)')
            [CompletionResult]::new('--scheduled', '--scheduled', [CompletionResultType]::ParameterName, 'With --ship: do nothing unless automation_analytics_gather_interval has passed since the last gather')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep the tarballs even when everything shipped')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;cleanup_stdout' {
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Remove files older than N days')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Remove files older than DURATION (30d, 12h, 90m, 1h30m, 45s, 2w or seconds)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The directory to purge [default: setting job_output_dir, else the config''s job_output_dir]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only report what would be removed')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Purge a --dir that is neither the configured job-output directory nor marked as one (never a system directory)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;cleanup_jobs' {
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Delete records created more than N days ago')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Records deleted per transaction')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only report what would be deleted')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Clean playbook jobs')
            [CompletionResult]::new('--project-updates', '--project-updates', [CompletionResultType]::ParameterName, 'Clean project updates')
            [CompletionResult]::new('--inventory-updates', '--inventory-updates', [CompletionResultType]::ParameterName, 'Clean inventory updates')
            [CompletionResult]::new('--workflow-jobs', '--workflow-jobs', [CompletionResultType]::ParameterName, 'Clean workflow jobs')
            [CompletionResult]::new('--notifications', '--notifications', [CompletionResultType]::ParameterName, 'Clean notifications')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;config' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;completions' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;inventory_import' {
            [CompletionResult]::new('--inventory-name', '--inventory-name', [CompletionResultType]::ParameterName, 'Destination inventory, by name')
            [CompletionResult]::new('--inventory-id', '--inventory-id', [CompletionResultType]::ParameterName, 'Destination inventory, by id')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Inventory file, directory, executable script, `-` (stdin), or a host list `a,b,`')
            [CompletionResult]::new('--enabled-var', '--enabled-var', [CompletionResultType]::ParameterName, 'Host variable (dotted path, e.g. status.power) deciding whether a host is enabled')
            [CompletionResult]::new('--enabled-value', '--enabled-value', [CompletionResultType]::ParameterName, 'Value of --enabled-var meaning "enabled" (compared as text, case-insensitively)')
            [CompletionResult]::new('--group-filter', '--group-filter', [CompletionResultType]::ParameterName, 'Import only groups whose name matches (anchored at the start)')
            [CompletionResult]::new('--host-filter', '--host-filter', [CompletionResultType]::ParameterName, 'Import only hosts whose name matches (anchored at the start)')
            [CompletionResult]::new('--instance-id-var', '--instance-id-var', [CompletionResultType]::ParameterName, 'Host variable(s) holding an immutable instance id (dotted paths, comma-separated fallbacks)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization of an inventory created by --create (created if missing) [default: Default]')
            [CompletionResult]::new('--source-name', '--source-name', [CompletionResultType]::ParameterName, 'Name of the inventory source record [default: "INVENTORY - FILENAME"]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds the source (script, ansible-inventory) may take [default: setting default_inventory_update_timeout]')
            [CompletionResult]::new('--ansible-inventory', '--ansible-inventory', [CompletionResultType]::ParameterName, 'ansible-inventory to run for plugin sources [default: from PATH]')
            [CompletionResult]::new('--venv', '--venv', [CompletionResultType]::ParameterName, 'Virtualenv whose bin/ansible-inventory is used (AWX''s --venv)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Remove hosts, groups and memberships this source imported before and no longer has')
            [CompletionResult]::new('--overwrite-vars', '--overwrite-vars', [CompletionResultType]::ParameterName, 'Replace the variables of existing hosts and groups instead of merging them')
            [CompletionResult]::new('--exclude-empty-groups', '--exclude-empty-groups', [CompletionResultType]::ParameterName, 'Leave out groups without hosts, child groups and variables')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'Create the inventory if it does not exist')
            [CompletionResult]::new('--use-ansible-inventory', '--use-ansible-inventory', [CompletionResultType]::ParameterName, 'Read the source through ansible-inventory even when awxm can read it natively')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Compute and report the changes, write nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;inventory_update' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'With --history: how many updates to show')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds the source may take, overriding the stored timeout')
            [CompletionResult]::new('--ansible-inventory', '--ansible-inventory', [CompletionResultType]::ParameterName, 'ansible-inventory to run for plugin sources [default: from PATH]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--history', '--history', [CompletionResultType]::ParameterName, 'List past updates of the source instead of running it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Compute and report the changes, write nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;inventory_export' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Print one host''s variables')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Print the whole inventory (the default)')
            [CompletionResult]::new('--all-hosts', '--all-hosts', [CompletionResultType]::ParameterName, 'Include disabled hosts')
            [CompletionResult]::new('--script', '--script', [CompletionResultType]::ParameterName, 'Print an executable inventory script that answers from this inventory')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;inventory' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'List an inventory''s hosts (a smart inventory''s members, computed now)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;inventory;hosts' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Preview this host_filter instead of the stored one (smart inventories only)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;inventory;help' {
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'List an inventory''s hosts (a smart inventory''s members, computed now)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;inventory;help;hosts' {
            break
        }
        'awxm;inventory;help;help' {
            break
        }
        'awxm;instance' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a node (or update a registered one)')
            [CompletionResult]::new('deregister', 'deregister', [CompletionResultType]::ParameterValue, 'Remove a node from the cluster')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;instance;register' {
            [CompletionResult]::new('--node-type', '--node-type', [CompletionResultType]::ParameterName, 'What the node does: control/hybrid nodes run awxm; isolated/execution nodes are reached over SSH')
            [CompletionResult]::new('--controller-group', '--controller-group', [CompletionResultType]::ParameterName, 'Instance group controlling this node''s groups (isolated/execution nodes)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Instance group to join (created if missing); repeatable')
            [CompletionResult]::new('--ssh-host', '--ssh-host', [CompletionResultType]::ParameterName, 'Address to connect to when it differs from the hostname')
            [CompletionResult]::new('--ssh-user', '--ssh-user', [CompletionResultType]::ParameterName, 'SSH user [default: the credential''s username, else setting awx_isolated_username]')
            [CompletionResult]::new('--ssh-port', '--ssh-port', [CompletionResultType]::ParameterName, 'SSH port [default: 22]')
            [CompletionResult]::new('--credential', '--credential', [CompletionResultType]::ParameterName, 'Machine credential with the SSH key or password ('''' removes it)')
            [CompletionResult]::new('--ansible-bin-dir', '--ansible-bin-dir', [CompletionResultType]::ParameterName, 'Directory on the node holding ansible-playbook (else it is looked up on PATH)')
            [CompletionResult]::new('--work-dir', '--work-dir', [CompletionResultType]::ParameterName, 'Work directory on the node [default: setting isolated_work_dir]')
            [CompletionResult]::new('--capacity-adjustment', '--capacity-adjustment', [CompletionResultType]::ParameterName, 'Where capacity sits between the CPU- and memory-based values (0.0 to 1.0)')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Enable or disable the node (a disabled node gets capacity 0)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;instance;deregister' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Also when jobs run on it: they are failed with an explanation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;instance;help' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a node (or update a registered one)')
            [CompletionResult]::new('deregister', 'deregister', [CompletionResultType]::ParameterValue, 'Remove a node from the cluster')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;instance;help;register' {
            break
        }
        'awxm;instance;help;deregister' {
            break
        }
        'awxm;instance;help;help' {
            break
        }
        'awxm;heartbeat' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Compute and report everything, change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;isolated_heartbeat' {
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'Probe only this instance (repeatable); also disabled ones')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to connect to a node [default: setting awx_isolated_connection_timeout (10)]')
            [CompletionResult]::new('--probe-timeout', '--probe-timeout', [CompletionResultType]::ParameterName, 'Seconds the probe may run on a node once connected')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Nodes probed at once')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--claim', '--claim', [CompletionResultType]::ParameterName, 'Skip nodes another controller checked recently and claim the rest first')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;ping' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;metrics' {
            [CompletionResult]::new('--textfile', '--textfile', [CompletionResultType]::ParameterName, 'Write DIR/awxm.prom atomically (for node_exporter''s textfile collector) instead of stdout')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;test_isolated_connection' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'The instance to connect to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to connect [default: setting awx_isolated_connection_timeout (10)]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;run_workflow' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)')
            [CompletionResult]::new('--extra-vars', '--extra-vars', [CompletionResultType]::ParameterName, 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Host pattern for the workflow''s jobs')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Host pattern for the workflow''s jobs')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Another inventory for the workflow''s jobs')
            [CompletionResult]::new('--scm-branch', '--scm-branch', [CompletionResultType]::ParameterName, 'Another branch for the workflow''s jobs')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only tasks with these tags')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Only tasks with these tags')
            [CompletionResult]::new('--skip-tags', '--skip-tags', [CompletionResultType]::ParameterName, 'Skip tasks with these tags')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;approval' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Approvals waiting for a decision (--all: every one)')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a pending approval: its workflow goes on')
            [CompletionResult]::new('deny', 'deny', [CompletionResultType]::ParameterValue, 'Deny a pending approval: it fails, and its workflow follows the failure path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;approval;list' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every approval, not only the pending ones')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;approval;approve' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (name or id): AWX''s permission rule applies')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;approval;deny' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (name or id): AWX''s permission rule applies')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq ''.items[].name''')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file for nodes'' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]')
            [CompletionResult]::new('--host-key-policy', '--host-key-policy', [CompletionResultType]::ParameterName, 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Same as --color never')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('--profile-sql', '--profile-sql', [CompletionResultType]::ParameterName, 'Log every SQL statement with its duration to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'awxm;approval;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Approvals waiting for a decision (--all: every one)')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a pending approval: its workflow goes on')
            [CompletionResult]::new('deny', 'deny', [CompletionResultType]::ParameterValue, 'Deny a pending approval: it fails, and its workflow follows the failure path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;approval;help;list' {
            break
        }
        'awxm;approval;help;approve' {
            break
        }
        'awxm;approval;help;deny' {
            break
        }
        'awxm;approval;help;help' {
            break
        }
        'awxm;help' {
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Create or update resources from YAML/JSON files, idempotently, by name')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write resources back as a resource file (secrets shown as $encrypted$)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the objects of one type')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one object with all its fields')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one object (asks first on a terminal)')
            [CompletionResult]::new('deep_copy', 'deep_copy', [CompletionResultType]::ParameterValue, 'Copy a template, inventory, project, credential or notification template with its sub-objects')
            [CompletionResult]::new('settings', 'settings', [CompletionResultType]::ParameterValue, 'Read and change cluster-wide settings stored in the database')
            [CompletionResult]::new('run_job', 'run_job', [CompletionResultType]::ParameterValue, 'Launch a job from a job template and supervise it (live output, exit 0 on success)')
            [CompletionResult]::new('ad_hoc', 'ad_hoc', [CompletionResultType]::ParameterValue, 'Run one Ansible module over an inventory''s hosts, recorded and supervised like a job')
            [CompletionResult]::new('launch', 'launch', [CompletionResultType]::ParameterValue, 'Queue a job, project/inventory update or system job from its template; --wait to wait for it')
            [CompletionResult]::new('dispatcher', 'dispatcher', [CompletionResultType]::ParameterValue, 'The service that runs the queue on this node: wakes on launches, heartbeats, restarts safely')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'Schedules: list them, show one with its next runs and skips, preview a rule')
            [CompletionResult]::new('scheduler', 'scheduler', [CompletionResultType]::ParameterValue, 'The scheduler tick: launch due schedules once (for a timer or cron; the dispatcher ticks too)')
            [CompletionResult]::new('task_manager', 'task_manager', [CompletionResultType]::ParameterValue, 'Run one task-manager cycle: start what may start, explain what waits')
            [CompletionResult]::new('project_update', 'project_update', [CompletionResultType]::ParameterValue, 'Sync a git project''s checkout')
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'Inspect, wait for, relaunch and cancel jobs: list, show, stdout, events, wait, relaunch, cancel')
            [CompletionResult]::new('check_license', 'check_license', [CompletionResultType]::ParameterValue, 'Validate the license against the hosts in use; alert superusers by e-mail')
            [CompletionResult]::new('license', 'license', [CompletionResultType]::ParameterValue, 'Install, show or remove the license; create signing keys and sign licenses')
            [CompletionResult]::new('notification', 'notification', [CompletionResultType]::ParameterValue, 'Send a test notification; list the notifications sent')
            [CompletionResult]::new('gather_analytics', 'gather_analytics', [CompletionResultType]::ParameterValue, 'Collect usage analytics into AWX-format tarballs and upload them (--ship)')
            [CompletionResult]::new('cleanup_stdout', 'cleanup_stdout', [CompletionResultType]::ParameterValue, 'Purge old buffered job-output files from the job-output directory')
            [CompletionResult]::new('cleanup_jobs', 'cleanup_jobs', [CompletionResultType]::ParameterValue, 'Delete old jobs, updates, workflow jobs and notifications (AWX''s rules, in batches)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the resolved configuration and where it came from')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('inventory_import', 'inventory_import', [CompletionResultType]::ParameterValue, 'Import an Ansible inventory (file, directory, script, plugin) into an inventory')
            [CompletionResult]::new('inventory_update', 'inventory_update', [CompletionResultType]::ParameterValue, 'Re-run a stored inventory source, or list its past updates')
            [CompletionResult]::new('inventory_export', 'inventory_export', [CompletionResultType]::ParameterValue, 'Print a stored inventory as ansible-inventory --list JSON (works as an inventory script)')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Inspect an inventory: its hosts (a smart inventory''s members, or a host_filter preview)')
            [CompletionResult]::new('instance', 'instance', [CompletionResultType]::ParameterValue, 'Register or deregister cluster nodes (instances)')
            [CompletionResult]::new('heartbeat', 'heartbeat', [CompletionResultType]::ParameterValue, 'Record this node''s heartbeat and capacity; mark lost nodes and reap their jobs')
            [CompletionResult]::new('isolated_heartbeat', 'isolated_heartbeat', [CompletionResultType]::ParameterValue, 'Probe isolated and execution nodes over SSH in parallel and record their capacity')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Show the cluster: version, nodes with capacity and heartbeat, instance groups')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Prometheus metrics (AWX''s /api/v2/metrics) on stdout or for node_exporter''s textfile collector')
            [CompletionResult]::new('test_isolated_connection', 'test_isolated_connection', [CompletionResultType]::ParameterValue, 'Connect to one node over SSH and run ansible-playbook --version there')
            [CompletionResult]::new('run_workflow', 'run_workflow', [CompletionResultType]::ParameterValue, 'Launch a workflow job and follow it: node progress as it happens, exit 0 if it succeeded')
            [CompletionResult]::new('approval', 'approval', [CompletionResultType]::ParameterValue, 'Workflow approvals: list them, approve or deny one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'awxm;help;apply' {
            break
        }
        'awxm;help;export' {
            break
        }
        'awxm;help;list' {
            break
        }
        'awxm;help;show' {
            break
        }
        'awxm;help;delete' {
            break
        }
        'awxm;help;deep_copy' {
            break
        }
        'awxm;help;settings' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every setting with its value and default')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One setting''s value')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a value')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove the stored value (the default applies again)')
            break
        }
        'awxm;help;settings;list' {
            break
        }
        'awxm;help;settings;get' {
            break
        }
        'awxm;help;settings;set' {
            break
        }
        'awxm;help;settings;unset' {
            break
        }
        'awxm;help;run_job' {
            break
        }
        'awxm;help;ad_hoc' {
            break
        }
        'awxm;help;launch' {
            break
        }
        'awxm;help;dispatcher' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each node''s dispatcher (alive, pid, last cycle), capacity and running tasks')
            break
        }
        'awxm;help;dispatcher;status' {
            break
        }
        'awxm;help;schedule' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every schedule with its template and next run')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One schedule: prompts, its next runs and the occurrences it skipped')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'The next occurrences of a rule (AWX''s schedule preview)')
            break
        }
        'awxm;help;schedule;list' {
            break
        }
        'awxm;help;schedule;show' {
            break
        }
        'awxm;help;schedule;preview' {
            break
        }
        'awxm;help;scheduler' {
            break
        }
        'awxm;help;task_manager' {
            break
        }
        'awxm;help;project_update' {
            break
        }
        'awxm;help;job' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Recent jobs of every kind (jobs, project/inventory updates, system jobs), newest first; pending ones with the reason they wait')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One job with all its fields and host summaries')
            [CompletionResult]::new('stdout', 'stdout', [CompletionResultType]::ParameterValue, 'The job''s output')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'The job''s events, in order')
            [CompletionResult]::new('relaunch', 'relaunch', [CompletionResultType]::ParameterValue, 'Launch a job again with the same prompts (AWX''s relaunch; launch_type relaunch)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until these jobs (of any kind: jobs, project/inventory updates, system jobs) end; exit 0 if all succeeded, 1 if any did not, 75 at --timeout')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Store events (and stdout) from job artifacts: a kept private data directory, or files copied from elsewhere; idempotent')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a job (from any shell)')
            break
        }
        'awxm;help;job;list' {
            break
        }
        'awxm;help;job;show' {
            break
        }
        'awxm;help;job;stdout' {
            break
        }
        'awxm;help;job;events' {
            break
        }
        'awxm;help;job;relaunch' {
            break
        }
        'awxm;help;job;wait' {
            break
        }
        'awxm;help;job;ingest' {
            break
        }
        'awxm;help;job;cancel' {
            break
        }
        'awxm;help;check_license' {
            break
        }
        'awxm;help;license' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Check a license file (and its signature) and install it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the installed license and its validation')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove the installed license (everything is allowed again: open)')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Create an Ed25519 key pair for signing licenses')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a license file with a private key and print the signed document')
            break
        }
        'awxm;help;license;install' {
            break
        }
        'awxm;help;license;show' {
            break
        }
        'awxm;help;license;remove' {
            break
        }
        'awxm;help;license;keygen' {
            break
        }
        'awxm;help;license;sign' {
            break
        }
        'awxm;help;notification' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message through a notification template')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recorded notifications, newest first')
            break
        }
        'awxm;help;notification;test' {
            break
        }
        'awxm;help;notification;list' {
            break
        }
        'awxm;help;gather_analytics' {
            break
        }
        'awxm;help;cleanup_stdout' {
            break
        }
        'awxm;help;cleanup_jobs' {
            break
        }
        'awxm;help;config' {
            break
        }
        'awxm;help;completions' {
            break
        }
        'awxm;help;inventory_import' {
            break
        }
        'awxm;help;inventory_update' {
            break
        }
        'awxm;help;inventory_export' {
            break
        }
        'awxm;help;inventory' {
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'List an inventory''s hosts (a smart inventory''s members, computed now)')
            break
        }
        'awxm;help;inventory;hosts' {
            break
        }
        'awxm;help;instance' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a node (or update a registered one)')
            [CompletionResult]::new('deregister', 'deregister', [CompletionResultType]::ParameterValue, 'Remove a node from the cluster')
            break
        }
        'awxm;help;instance;register' {
            break
        }
        'awxm;help;instance;deregister' {
            break
        }
        'awxm;help;heartbeat' {
            break
        }
        'awxm;help;isolated_heartbeat' {
            break
        }
        'awxm;help;ping' {
            break
        }
        'awxm;help;metrics' {
            break
        }
        'awxm;help;test_isolated_connection' {
            break
        }
        'awxm;help;run_workflow' {
            break
        }
        'awxm;help;approval' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Approvals waiting for a decision (--all: every one)')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a pending approval: its workflow goes on')
            [CompletionResult]::new('deny', 'deny', [CompletionResultType]::ParameterValue, 'Deny a pending approval: it fails, and its workflow follows the failure path')
            break
        }
        'awxm;help;approval;list' {
            break
        }
        'awxm;help;approval;approve' {
            break
        }
        'awxm;help;approval;deny' {
            break
        }
        'awxm;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
