# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_awxm_global_optspecs
    string join \n database= config= format= v/verbose q/quiet no-progress lock-timeout= profile-sql h/help V/version
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
complete -c awxm -n "__fish_awxm_needs_command" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_needs_command" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_needs_command" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_needs_command" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_needs_command" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_needs_command" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_needs_command" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "apply" -d 'Create or update resources from YAML/JSON files, idempotently, by name'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "export" -d 'Write resources back as a resource file (secrets shown as $encrypted$)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "list" -d 'List the objects of one type'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "show" -d 'Show one object with all its fields'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "delete" -d 'Delete one object (asks first on a terminal)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "settings" -d 'Read and change cluster-wide settings stored in the database'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "run_job" -d 'Launch a job from a job template and supervise it (live output, exit 0 on success)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "project_update" -d 'Sync a git project\'s checkout'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "job" -d 'Inspect, follow and cancel jobs: list, show, stdout, events, cancel'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "job-guard" -d 'Internal: guards a job\'s processes (started by run_job)'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s f -l file -d 'Resource file (YAML or JSON); `-` reads stdin. May be repeated' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l dry-run -d 'Compute and report the changes, write nothing'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand apply" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand export" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand export" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand export" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand export" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand export" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand export" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand export" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand export" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand export" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand list" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand list" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand list" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand list" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand list" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand list" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand list" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand list" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand show" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand show" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand show" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand show" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand show" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand show" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand show" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand show" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand delete" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -f -a "list" -d 'Every setting with its value and default'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -f -a "get" -d 'One setting\'s value'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -f -a "set" -d 'Store a value'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and not __fish_seen_subcommand_from list get set unset" -f -a "unset" -d 'Remove the stored value (the default applies again)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand settings; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s l -l limit -d 'Limit the run to these hosts or groups (Ansible pattern)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s e -l extra-vars -d 'Extra variables: key=value pairs, JSON/YAML, or @FILE (repeatable; later wins)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s t -l tags -d 'Only run tasks with these tags (comma-separated)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l skip-tags -d 'Skip tasks with these tags' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l job-type -d 'run, or check (dry run)' -r -f -a "run\t''
check\t''"
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l verbosity -d 'Ansible verbosity 0-5' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l forks -d 'Parallel processes (0: Ansible\'s default)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l timeout -d 'Stop the job after this many seconds (0: template/setting default; negative: none)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l inventory-format -d 'How the inventory is given to ansible-playbook' -r -f -a "script\t'An executable script printing the inventory JSON (what AWX gives ansible)'
json\t'A JSON file read by Ansible\'s yaml inventory plugin'"
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l supervise -d 'Internal: supervise an already created job (used by --detach)' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l check -d 'Shortcut for --job-type check'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l diff -d 'Show file changes (ansible-playbook --diff)'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l no-follow -d 'Do not show the output: print the job id, wait, then print the result'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l detach -d 'Return at once and leave the job running in the background'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l keep-artifacts -d 'Keep the job\'s private data directory (its path is stored in the job\'s work_dir)'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand run_job" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand project_update" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -f -a "list" -d 'Recent jobs, newest first'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -f -a "show" -d 'One job with all its fields and host summaries'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -f -a "stdout" -d 'The job\'s output'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -f -a "events" -d 'The job\'s events, in order'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -f -a "ingest" -d 'Store events (and stdout) from job artifacts: a kept private data directory, or files copied from elsewhere; idempotent'
complete -c awxm -n "__fish_awxm_using_subcommand job; and not __fish_seen_subcommand_from list show stdout events ingest cancel" -f -a "cancel" -d 'Cancel a job (from any shell)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l status -d 'Only jobs with this status' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l template -d 'Only jobs of this job template (name)' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l limit -d 'At most this many jobs' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l no-color -d 'Strip ANSI colour codes'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l download -d 'Write the output to a file in job_output_dir and print its path'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from stdout" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l event -d 'Only events of this type (e.g. runner_on_failed)' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l host -d 'Only events of this host' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l failed -d 'Only failed events'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from events" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l events -d 'Events file (JSON lines, as written by the awxm_display callback)' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l stdout -d 'The job\'s raw stdout, stored as its output when given' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from ingest" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l wait-timeout -d 'Seconds to wait for the job to stop' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l no-wait -d 'Return once the cancel is requested, without waiting for the job to stop'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -l grace -d 'Seconds between SIGTERM and SIGKILL when stopping' -r
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -l cleanup -d 'The job\'s private data directory, removed if the supervising awxm dies' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand job-guard" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand completions" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand completions" -s V -l version -d 'Print version'
