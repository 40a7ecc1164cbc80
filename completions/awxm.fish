# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_awxm_global_optspecs
    string join \n database= config= o/format= jq= v/verbose q/quiet color= no-color no-progress lock-timeout= profile-sql known-hosts= host-key-policy= h/help V/version
end

function __fish_awxm_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_awxm_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_awxm_using_subcommand
    set -l cmd (__fish_awxm_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c awxm -n "__fish_awxm_needs_command" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_needs_command" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_needs_command" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_needs_command" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_needs_command" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_needs_command" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_needs_command" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_needs_command" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_needs_command" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_needs_command" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_needs_command" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_needs_command" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_needs_command" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_needs_command" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "apply" -d 'Create or update resources from YAML/JSON files, idempotently, by name'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "export" -d 'Write resources back as a resource file (secrets shown as $encrypted$)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "list" -d 'List the objects of one type'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "show" -d 'Show one object with all its fields'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "delete" -d 'Delete one object (asks first on a terminal)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "deep_copy" -d 'Copy a template, inventory, project, credential or notification template with its sub-objects'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "settings" -d 'Read and change cluster-wide settings stored in the database'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "run_job" -d 'Launch a job from a job template and supervise it (live output, exit 0 on success)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "ad_hoc" -d 'Run one Ansible module over an inventory\'s hosts, recorded and supervised like a job'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "launch" -d 'Queue a job, project/inventory update or system job from its template; --wait to wait for it'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "dispatcher" -d 'The service that runs the queue on this node: wakes on launches, heartbeats, restarts safely'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "schedule" -d 'Schedules: list them, show one with its next runs and skips, preview a rule'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "scheduler" -d 'The scheduler tick: launch due schedules once (for a timer or cron; the dispatcher ticks too)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "task_manager" -d 'Run one task-manager cycle: start what may start, explain what waits'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "project_update" -d 'Sync a git project\'s checkout'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "job" -d 'Inspect, wait for, relaunch and cancel jobs: list, show, stdout, events, wait, relaunch, cancel'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "check_license" -d 'Validate the license against the hosts in use; alert superusers by e-mail'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "license" -d 'Install, show or remove the license; create signing keys and sign licenses'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "notification" -d 'Send a test notification; list the notifications sent'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "gather_analytics" -d 'Collect usage analytics into AWX-format tarballs and upload them (--ship)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "cleanup_stdout" -d 'Purge old buffered job-output files from the job-output directory'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "cleanup_jobs" -d 'Delete old jobs, updates, workflow jobs and notifications (AWX\'s rules, in batches)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "config" -d 'Show the resolved configuration and where it came from'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "inventory_import" -d 'Import an Ansible inventory (file, directory, script, plugin) into an inventory'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "inventory_update" -d 'Re-run a stored inventory source, or list its past updates'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "inventory_export" -d 'Print a stored inventory as ansible-inventory --list JSON (works as an inventory script)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "inventory" -d 'Inspect an inventory: its hosts (a smart inventory\'s members, or a host_filter preview)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "instance" -d 'Register or deregister cluster nodes (instances)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "heartbeat" -d 'Record this node\'s heartbeat and capacity; mark lost nodes and reap their jobs'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "isolated_heartbeat" -d 'Probe isolated and execution nodes over SSH in parallel and record their capacity'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "ping" -d 'Show the cluster: version, nodes with capacity and heartbeat, instance groups'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "metrics" -d 'Prometheus metrics (AWX\'s /api/v2/metrics) on stdout or for node_exporter\'s textfile collector'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "test_isolated_connection" -d 'Connect to one node over SSH and run ansible-playbook --version there'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "run_workflow" -d 'Launch a workflow job and follow it: node progress as it happens, exit 0 if it succeeded'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "approval" -d 'Workflow approvals: list them, approve or deny one'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s f -l file -d 'Resource file (YAML or JSON); `-` reads stdin. May be repeated' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l dry-run -d 'Compute and report the changes, write nothing'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand export" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand export" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand export" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand export" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand export" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand export" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand export" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand export" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand export" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand export" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand export" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand export" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand export" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand export" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand list" -l filter -d 'Only objects whose FIELD equals VALUE (repeatable)' -r
complete -c awxm -n "__fish_awxm_using_subcommand list" -l order-by -d 'Sort by this field (-FIELD: descending) [default: name]' -r
complete -c awxm -n "__fish_awxm_using_subcommand list" -l limit -d 'At most this many objects' -r
complete -c awxm -n "__fish_awxm_using_subcommand list" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand list" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand list" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand list" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand list" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand list" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand list" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand list" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand list" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand list" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand list" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand list" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand list" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand show" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand show" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand show" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand show" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand show" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand show" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand show" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand show" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand show" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand show" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand show" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand show" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand show" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l name -d 'Name of the copy [default: "<name> @ <h:mm:ss AM|PM>"]' -r
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l as -d 'Act as this user (name or id): AWX\'s permission checks apply and the user becomes admin of the copy' -r
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l check -d 'Only answer whether the copy is allowed (AWX\'s can_copy); copy nothing'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l dry-run -d 'Make the copy and report it, then roll everything back'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -f -a "list" -d 'Every setting with its value and default'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -f -a "get" -d 'One setting\'s value'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -f -a "set" -d 'Store a value'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -f -a "unset" -d 'Remove the stored value (the default applies again)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every setting with its value and default'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "get" -d 'One setting\'s value'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "set" -d 'Store a value'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove the stored value (the default applies again)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s l -l limit -d 'Limit the run to these hosts or groups (Ansible pattern)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s e -l extra-vars -d 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s t -l tags -d 'Only run tasks with these tags (comma-separated)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l skip-tags -d 'Skip tasks with these tags' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l job-type -d 'run, or check (dry run)' -r -f -a "run\t''
check\t''"
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l verbosity -d 'Ansible verbosity 0-5' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l forks -d 'Parallel processes (0: Ansible\'s default)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l timeout -d 'Stop the job after this many seconds (0: template/setting default; negative: none)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l instance-group -d 'Run in this instance group instead of the template\'s (an isolated group runs the job on one of its nodes)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l inventory-format -d 'How the inventory is given to ansible-playbook' -r -f -a "script\t'An executable script printing the inventory JSON (what AWX gives ansible)'
json\t'A JSON file read by Ansible\'s yaml inventory plugin'"
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l check -d 'Shortcut for --job-type check'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l diff -d 'Show file changes (ansible-playbook --diff)'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l no-follow -d 'Do not show the output: print the job id, wait, then print the result'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l detach -d 'Return at once and leave the job running in the background'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l no-wait -d 'Fail at once when no isolated node has capacity for the job (instead of waiting, pending)'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l keep-artifacts -d 'Keep the job\'s private data directory (its path is stored in the job\'s work_dir)'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s m -l module-name -d 'Module to run' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s a -l args -d 'Module arguments' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s l -l limit -d 'Host pattern [default: all]' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l credential -d 'Machine credential (name, or id)' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s f -l forks -d 'Parallel processes (0: Ansible\'s default)' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l verbosity -d 'Ansible verbosity 0-5' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s e -l extra-vars -d 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l timeout -d 'Timeout in seconds (0: the setting default_job_timeout; negative: none)' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l as -d 'Act as this user (name or id): AWX\'s permission checks apply' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s b -l become -d 'Run with privilege escalation'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s C -l check -d 'Check mode: report what would change'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s D -l diff -d 'Show file changes'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l no-wait -d 'Fail at once instead of waiting when no capacity is free'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand ad_hoc" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand launch" -s e -l extra-vars -d 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -s l -l limit -d 'Host pattern' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -s t -l tags -d 'Only tasks with these tags' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l skip-tags -d 'Skip tasks with these tags' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l job-type -d 'run or check' -r -f -a "run\t''
check\t''"
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l verbosity -d 'Ansible verbosity 0-5' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l inventory -d 'Another inventory' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l credential -d 'Credentials instead of the template\'s (repeatable)' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l scm-branch -d 'Another branch of the project' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l forks -d 'Parallel processes' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l timeout -d 'Job timeout in seconds' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l instance-group -d 'Run in this instance group' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand launch" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l diff -d 'Show file changes'
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l wait -d 'Wait for the job to end (running it here when it starts on this node)'
complete -c awxm -n "__fish_awxm_using_subcommand launch" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand launch" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand launch" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand launch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand launch" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -f -a "status" -d 'Each node\'s dispatcher (alive, pid, last cycle), capacity and running tasks'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and not __fish_seen_subcommand_from status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from help" -f -a "status" -d 'Each node\'s dispatcher (alive, pid, last cycle), capacity and running tasks'
complete -c awxm -n "__fish_awxm_using_subcommand dispatcher; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -f -a "list" -d 'Every schedule with its template and next run'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -f -a "show" -d 'One schedule: prompts, its next runs and the occurrences it skipped'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -f -a "preview" -d 'The next occurrences of a rule (AWX\'s schedule preview)'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and not __fish_seen_subcommand_from list show preview help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l count -d 'How many next runs to show' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l count -d 'How many occurrences' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l after -d 'Occurrences strictly after this time (RFC 3339 or `YYYY-MM-DD[ HH:MM]`, UTC) [default: now]' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from preview" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every schedule with its template and next run'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "show" -d 'One schedule: prompts, its next runs and the occurrences it skipped'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "preview" -d 'The next occurrences of a rule (AWX\'s schedule preview)'
complete -c awxm -n "__fish_awxm_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l once -d 'Run one tick and exit'
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand scheduler" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l once -d 'Run one cycle and report what it decided (the default: awxm has no other mode yet)'
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand task_manager" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -f -a "list" -d 'Recent jobs of every kind (jobs, project/inventory updates, system jobs), newest first; pending ones with the reason they wait'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -f -a "show" -d 'One job with all its fields and host summaries'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -f -a "stdout" -d 'The job\'s output'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -f -a "events" -d 'The job\'s events, in order'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -f -a "relaunch" -d 'Launch a job again with the same prompts (AWX\'s relaunch; launch_type relaunch)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -f -a "wait" -d 'Wait until these jobs (of any kind: jobs, project/inventory updates, system jobs) end; exit 0 if all succeeded, 1 if any did not, 75 at --timeout'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -f -a "ingest" -d 'Store events (and stdout) from job artifacts: a kept private data directory, or files copied from elsewhere; idempotent'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -f -a "cancel" -d 'Cancel a job (from any shell)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events relaunch wait ingest cancel help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l status -d 'Only jobs in these statuses (comma-separated, e.g. pending,waiting)' -r -f -a "new\t''
pending\t''
waiting\t''
running\t''
successful\t''
failed\t''
error\t''
canceled\t''"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l template -d 'Only jobs of this template (job template, project, inventory source or system job template name)' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l limit -d 'At most this many jobs' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l download -d 'Write the output to a file in job_output_dir and print its path'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -s f -l follow -d 'Keep printing the output as it is stored until the job ends (exit 0 if it succeeded, else 1)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l event -d 'Only events of this type (e.g. runner_on_failed)' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l host -d 'Only events of this host' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l failed -d 'Only failed events'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -s f -l follow -d 'Keep printing events as they are stored until the job ends (exit 0 if it succeeded, else 1)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l wait -d 'Wait for the new job to end (exit 0 only if it succeeded)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from relaunch" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l timeout -d 'Give up after this many seconds (exit 75)' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l events -d 'Events file (JSON lines, as written by the awxm_display callback)' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l stdout -d 'The job\'s raw stdout, stored as its output when given' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l wait-timeout -d 'Seconds to wait for the job to stop' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l no-wait -d 'Return once the cancel is requested, without waiting for the job to stop'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "list" -d 'Recent jobs of every kind (jobs, project/inventory updates, system jobs), newest first; pending ones with the reason they wait'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "show" -d 'One job with all its fields and host summaries'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "stdout" -d 'The job\'s output'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "events" -d 'The job\'s events, in order'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "relaunch" -d 'Launch a job again with the same prompts (AWX\'s relaunch; launch_type relaunch)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until these jobs (of any kind: jobs, project/inventory updates, system jobs) end; exit 0 if all succeeded, 1 if any did not, 75 at --timeout'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "ingest" -d 'Store events (and stdout) from job artifacts: a kept private data directory, or files copied from elsewhere; idempotent'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel a job (from any shell)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l data -d 'Print AWX\'s validate() dictionary (all fields) as one line of JSON'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l warn-exit -d 'Exit 3 when the license is in the warning zone (>= 90% of hosts, < 30 days left)'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l notify -d 'E-mail the superusers about host usage over 90% or (nearly) expired licenses'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l nagios -d 'Monitoring-plugin mode (Nagios, Icinga, Naemon): one status line with performance data on stdout; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (awxm could not tell)'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand check_license" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -f -a "install" -d 'Check a license file (and its signature) and install it'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -f -a "show" -d 'Show the installed license and its validation'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -f -a "remove" -d 'Remove the installed license (everything is allowed again: open)'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -f -a "keygen" -d 'Create an Ed25519 key pair for signing licenses'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -f -a "sign" -d 'Sign a license file with a private key and print the signed document'
complete -c awxm -n "__fish_awxm_using_subcommand license; and not __fish_seen_subcommand_from install show remove keygen sign help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from install" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask for confirmation'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l out -d 'Where to write the private key (PEM, mode 0600; must not exist)' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from keygen" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l key -d 'Private key (PEM from `license keygen` or openssl, or base64)' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from sign" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "install" -d 'Check a license file (and its signature) and install it'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the installed license and its validation'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove the installed license (everything is allowed again: open)'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "keygen" -d 'Create an Ed25519 key pair for signing licenses'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign a license file with a private key and print the signed document'
complete -c awxm -n "__fish_awxm_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -f -a "test" -d 'Send a test message through a notification template'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -f -a "list" -d 'List recorded notifications, newest first'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and not __fish_seen_subcommand_from test list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l template -d 'Only this template\'s notifications' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l job -d 'Only this job\'s notifications' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l limit -d 'At most this many' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a test message through a notification template'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from help" -f -a "list" -d 'List recorded notifications, newest first'
complete -c awxm -n "__fish_awxm_using_subcommand notification; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l since -d 'Start of the window (RFC 3339 or a common date form; UTC unless an offset is given)' -r
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l until -d 'End of the window [default: now]' -r
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l output-dir -d 'Where tarballs are written [default: <data_dir>/analytics]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l max-table-size -d 'Split CSV tables into parts of at most this size [default: setting automation_analytics_max_table_size]' -r
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l ship -d 'Upload the tarballs (needs insights_tracking_state, automation_analytics_url and credentials)'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l dry-run -d 'Gather into local tarballs only; never contacts the network (the default without --ship)'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l scheduled -d 'With --ship: do nothing unless automation_analytics_gather_interval has passed since the last gather'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l keep -d 'Keep the tarballs even when everything shipped'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand gather_analytics" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l days -d 'Remove files older than N days' -r
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l older-than -d 'Remove files older than DURATION (30d, 12h, 90m, 1h30m, 45s, 2w or seconds)' -r
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l dir -d 'The directory to purge [default: setting job_output_dir, else the config\'s job_output_dir]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l dry-run -d 'Only report what would be removed'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l force -d 'Purge a --dir that is neither the configured job-output directory nor marked as one (never a system directory)'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_stdout" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l days -d 'Delete records created more than N days ago' -r
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l batch-size -d 'Records deleted per transaction' -r
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l dry-run -d 'Only report what would be deleted'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l jobs -d 'Clean playbook jobs'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l project-updates -d 'Clean project updates'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l inventory-updates -d 'Clean inventory updates'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l workflow-jobs -d 'Clean workflow jobs'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l notifications -d 'Clean notifications'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand cleanup_jobs" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand config" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand config" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand config" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand config" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand config" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand config" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand config" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand config" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand config" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand config" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand config" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand config" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand config" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand config" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand completions" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand completions" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l inventory-name -d 'Destination inventory, by name' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l inventory-id -d 'Destination inventory, by id' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l source -d 'Inventory file, directory, executable script, `-` (stdin), or a host list `a,b,`' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l enabled-var -d 'Host variable (dotted path, e.g. status.power) deciding whether a host is enabled' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l enabled-value -d 'Value of --enabled-var meaning "enabled" (compared as text, case-insensitively)' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l group-filter -d 'Import only groups whose name matches (anchored at the start)' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l host-filter -d 'Import only hosts whose name matches (anchored at the start)' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l instance-id-var -d 'Host variable(s) holding an immutable instance id (dotted paths, comma-separated fallbacks)' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l organization -d 'Organization of an inventory created by --create (created if missing) [default: Default]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l source-name -d 'Name of the inventory source record [default: "INVENTORY - FILENAME"]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l timeout -d 'Seconds the source (script, ansible-inventory) may take [default: setting default_inventory_update_timeout]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l ansible-inventory -d 'ansible-inventory to run for plugin sources [default: from PATH]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l venv -d 'Virtualenv whose bin/ansible-inventory is used (AWX\'s --venv)' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l overwrite -d 'Remove hosts, groups and memberships this source imported before and no longer has'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l overwrite-vars -d 'Replace the variables of existing hosts and groups instead of merging them'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l exclude-empty-groups -d 'Leave out groups without hosts, child groups and variables'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l create -d 'Create the inventory if it does not exist'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l use-ansible-inventory -d 'Read the source through ansible-inventory even when awxm can read it natively'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l dry-run -d 'Compute and report the changes, write nothing'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l limit -d 'With --history: how many updates to show' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l timeout -d 'Seconds the source may take, overriding the stored timeout' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l ansible-inventory -d 'ansible-inventory to run for plugin sources [default: from PATH]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l history -d 'List past updates of the source instead of running it'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l dry-run -d 'Compute and report the changes, write nothing'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l host -d 'Print one host\'s variables' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l list -d 'Print the whole inventory (the default)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l all-hosts -d 'Include disabled hosts'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l script -d 'Print an executable inventory script that answers from this inventory'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -f -a "hosts" -d 'List an inventory\'s hosts (a smart inventory\'s members, computed now)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and not __fish_seen_subcommand_from hosts help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l filter -d 'Preview this host_filter instead of the stored one (smart inventories only)' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from hosts" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "hosts" -d 'List an inventory\'s hosts (a smart inventory\'s members, computed now)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -f -a "register" -d 'Register a node (or update a registered one)'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -f -a "deregister" -d 'Remove a node from the cluster'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and not __fish_seen_subcommand_from register deregister help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l node-type -d 'What the node does: control/hybrid nodes run awxm; isolated/execution nodes are reached over SSH' -r -f -a "control\t''
hybrid\t''
execution\t''
isolated\t''"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l controller-group -d 'Instance group controlling this node\'s groups (isolated/execution nodes)' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l group -d 'Instance group to join (created if missing); repeatable' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l ssh-host -d 'Address to connect to when it differs from the hostname' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l ssh-user -d 'SSH user [default: the credential\'s username, else setting awx_isolated_username]' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l ssh-port -d 'SSH port [default: 22]' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l credential -d 'Machine credential with the SSH key or password (\'\' removes it)' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l ansible-bin-dir -d 'Directory on the node holding ansible-playbook (else it is looked up on PATH)' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l work-dir -d 'Work directory on the node [default: setting isolated_work_dir]' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l capacity-adjustment -d 'Where capacity sits between the CPU- and memory-based values (0.0 to 1.0)' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l enabled -d 'Enable or disable the node (a disabled node gets capacity 0)' -r -f -a "true\t''
false\t''"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from register" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l force -d 'Also when jobs run on it: they are failed with an explanation'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from deregister" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from help" -f -a "register" -d 'Register a node (or update a registered one)'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from help" -f -a "deregister" -d 'Remove a node from the cluster'
complete -c awxm -n "__fish_awxm_using_subcommand instance; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l dry-run -d 'Compute and report everything, change nothing'
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand heartbeat" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l instance -d 'Probe only this instance (repeatable); also disabled ones' -r
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l timeout -d 'Seconds to connect to a node [default: setting awx_isolated_connection_timeout (10)]' -r
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l probe-timeout -d 'Seconds the probe may run on a node once connected' -r
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l parallel -d 'Nodes probed at once' -r
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l claim -d 'Skip nodes another controller checked recently and claim the rest first'
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand isolated_heartbeat" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand ping" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand ping" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand ping" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand ping" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand ping" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand ping" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand ping" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand ping" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand ping" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand ping" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand ping" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand ping" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand ping" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand ping" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand ping" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l textfile -d 'Write DIR/awxm.prom atomically (for node_exporter\'s textfile collector) instead of stdout' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand metrics" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l hostname -d 'The instance to connect to' -r
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l timeout -d 'Seconds to connect [default: setting awx_isolated_connection_timeout (10)]' -r
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand test_isolated_connection" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -s e -l extra-vars -d 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -s l -l limit -d 'Host pattern for the workflow\'s jobs' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l inventory -d 'Another inventory for the workflow\'s jobs' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l scm-branch -d 'Another branch for the workflow\'s jobs' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -s t -l tags -d 'Only tasks with these tags' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l skip-tags -d 'Skip tasks with these tags' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand run_workflow" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -f -a "list" -d 'Approvals waiting for a decision (--all: every one)'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -f -a "approve" -d 'Approve a pending approval: its workflow goes on'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -f -a "deny" -d 'Deny a pending approval: it fails, and its workflow follows the failure path'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and not __fish_seen_subcommand_from list approve deny help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l all -d 'Every approval, not only the pending ones'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l as -d 'Act as this user (name or id): AWX\'s permission rule applies' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from approve" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l as -d 'Act as this user (name or id): AWX\'s permission rule applies' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -s o -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l jq -d 'Filter the JSON output with a jq expression, as gh --jq: strings print raw, other values as compact JSON, one per line (implies --format json; with -o jsonl each line is filtered). Example: awxm list organizations --jq \'.items[].name\'' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l color -d 'Colour (and the ANSI escapes of job output): auto colours a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE=1 forces it [default: auto]' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set or TERM=dumb (CLICOLOR_FORCE forces it)'
always\t'Always colour, even into a pipe or file'
never\t'Never colour: strip ANSI escapes from job output'"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 (0 to 86400) [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l known-hosts -d 'known_hosts file for nodes\' SSH host keys [default: setting ssh_known_hosts, else /var/lib/awxm/known_hosts as root]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l host-key-policy -d 'Unknown SSH host keys: refuse (strict) or record on first contact (accept-new); a changed key is always refused [default: strict]' -r -f -a "strict\t''
accept-new\t''"
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l no-color -d 'Same as --color never'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from deny" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from help" -f -a "list" -d 'Approvals waiting for a decision (--all: every one)'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from help" -f -a "approve" -d 'Approve a pending approval: its workflow goes on'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from help" -f -a "deny" -d 'Deny a pending approval: it fails, and its workflow follows the failure path'
complete -c awxm -n "__fish_awxm_using_subcommand approval; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "apply" -d 'Create or update resources from YAML/JSON files, idempotently, by name'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "export" -d 'Write resources back as a resource file (secrets shown as $encrypted$)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "list" -d 'List the objects of one type'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "show" -d 'Show one object with all its fields'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "delete" -d 'Delete one object (asks first on a terminal)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "deep_copy" -d 'Copy a template, inventory, project, credential or notification template with its sub-objects'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "settings" -d 'Read and change cluster-wide settings stored in the database'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "run_job" -d 'Launch a job from a job template and supervise it (live output, exit 0 on success)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "ad_hoc" -d 'Run one Ansible module over an inventory\'s hosts, recorded and supervised like a job'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "launch" -d 'Queue a job, project/inventory update or system job from its template; --wait to wait for it'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "dispatcher" -d 'The service that runs the queue on this node: wakes on launches, heartbeats, restarts safely'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "schedule" -d 'Schedules: list them, show one with its next runs and skips, preview a rule'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "scheduler" -d 'The scheduler tick: launch due schedules once (for a timer or cron; the dispatcher ticks too)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "task_manager" -d 'Run one task-manager cycle: start what may start, explain what waits'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "project_update" -d 'Sync a git project\'s checkout'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "job" -d 'Inspect, wait for, relaunch and cancel jobs: list, show, stdout, events, wait, relaunch, cancel'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "check_license" -d 'Validate the license against the hosts in use; alert superusers by e-mail'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "license" -d 'Install, show or remove the license; create signing keys and sign licenses'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "notification" -d 'Send a test notification; list the notifications sent'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "gather_analytics" -d 'Collect usage analytics into AWX-format tarballs and upload them (--ship)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "cleanup_stdout" -d 'Purge old buffered job-output files from the job-output directory'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "cleanup_jobs" -d 'Delete old jobs, updates, workflow jobs and notifications (AWX\'s rules, in batches)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "config" -d 'Show the resolved configuration and where it came from'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "completions" -d 'Print a shell completion script'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "inventory_import" -d 'Import an Ansible inventory (file, directory, script, plugin) into an inventory'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "inventory_update" -d 'Re-run a stored inventory source, or list its past updates'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "inventory_export" -d 'Print a stored inventory as ansible-inventory --list JSON (works as an inventory script)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "inventory" -d 'Inspect an inventory: its hosts (a smart inventory\'s members, or a host_filter preview)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "instance" -d 'Register or deregister cluster nodes (instances)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "heartbeat" -d 'Record this node\'s heartbeat and capacity; mark lost nodes and reap their jobs'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "isolated_heartbeat" -d 'Probe isolated and execution nodes over SSH in parallel and record their capacity'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "ping" -d 'Show the cluster: version, nodes with capacity and heartbeat, instance groups'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "metrics" -d 'Prometheus metrics (AWX\'s /api/v2/metrics) on stdout or for node_exporter\'s textfile collector'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "test_isolated_connection" -d 'Connect to one node over SSH and run ansible-playbook --version there'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "run_workflow" -d 'Launch a workflow job and follow it: node progress as it happens, exit 0 if it succeeded'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "approval" -d 'Workflow approvals: list them, approve or deny one'
complete -c awxm -n "__fish_awxm_using_subcommand help; and not __fish_seen_subcommand_from apply export list show delete deep_copy settings run_job ad_hoc launch dispatcher schedule scheduler task_manager project_update job check_license license notification gather_analytics cleanup_stdout cleanup_jobs config completions inventory_import inventory_update inventory_export inventory instance heartbeat isolated_heartbeat ping metrics test_isolated_connection run_workflow approval help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "list" -d 'Every setting with its value and default'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "get" -d 'One setting\'s value'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "set" -d 'Store a value'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "unset" -d 'Remove the stored value (the default applies again)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from dispatcher" -f -a "status" -d 'Each node\'s dispatcher (alive, pid, last cycle), capacity and running tasks'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "list" -d 'Every schedule with its template and next run'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "show" -d 'One schedule: prompts, its next runs and the occurrences it skipped'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "preview" -d 'The next occurrences of a rule (AWX\'s schedule preview)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "list" -d 'Recent jobs of every kind (jobs, project/inventory updates, system jobs), newest first; pending ones with the reason they wait'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "show" -d 'One job with all its fields and host summaries'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "stdout" -d 'The job\'s output'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "events" -d 'The job\'s events, in order'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "relaunch" -d 'Launch a job again with the same prompts (AWX\'s relaunch; launch_type relaunch)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "wait" -d 'Wait until these jobs (of any kind: jobs, project/inventory updates, system jobs) end; exit 0 if all succeeded, 1 if any did not, 75 at --timeout'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "ingest" -d 'Store events (and stdout) from job artifacts: a kept private data directory, or files copied from elsewhere; idempotent'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "cancel" -d 'Cancel a job (from any shell)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from license" -f -a "install" -d 'Check a license file (and its signature) and install it'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from license" -f -a "show" -d 'Show the installed license and its validation'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from license" -f -a "remove" -d 'Remove the installed license (everything is allowed again: open)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from license" -f -a "keygen" -d 'Create an Ed25519 key pair for signing licenses'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from license" -f -a "sign" -d 'Sign a license file with a private key and print the signed document'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from notification" -f -a "test" -d 'Send a test message through a notification template'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from notification" -f -a "list" -d 'List recorded notifications, newest first'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "hosts" -d 'List an inventory\'s hosts (a smart inventory\'s members, computed now)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from instance" -f -a "register" -d 'Register a node (or update a registered one)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from instance" -f -a "deregister" -d 'Remove a node from the cluster'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from approval" -f -a "list" -d 'Approvals waiting for a decision (--all: every one)'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from approval" -f -a "approve" -d 'Approve a pending approval: its workflow goes on'
complete -c awxm -n "__fish_awxm_using_subcommand help; and __fish_seen_subcommand_from approval" -f -a "deny" -d 'Deny a pending approval: it fails, and its workflow follows the failure path'
