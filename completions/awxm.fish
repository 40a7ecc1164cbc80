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
complete -c awxm -n "__fish_awxm_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "inventory_import" -d 'Import an Ansible inventory (file, directory, script, plugin) into an inventory'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "inventory_update" -d 'Re-run a stored inventory source, or list its past updates'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "inventory_export" -d 'Print a stored inventory as ansible-inventory --list JSON (works as an inventory script)'
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
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l overwrite -d 'Remove hosts, groups and memberships this source imported before and no longer has'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l overwrite-vars -d 'Replace the variables of existing hosts and groups instead of merging them'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l exclude-empty-groups -d 'Leave out groups without hosts, child groups and variables'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l create -d 'Create the inventory if it does not exist'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l use-ansible-inventory -d 'Read the source through ansible-inventory even when awxm can read it natively'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l dry-run -d 'Compute and report the changes, write nothing'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l keep-vars -d 'Deprecated (AWX): has no effect'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l custom -d 'Deprecated (AWX): has no effect'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_import" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l limit -d 'With --history: how many updates to show' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l timeout -d 'Seconds the source may take, overriding the stored timeout' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l ansible-inventory -d 'ansible-inventory to run for plugin sources [default: from PATH]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l history -d 'List past updates of the source instead of running it'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l dry-run -d 'Compute and report the changes, write nothing'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_update" -s V -l version -d 'Print version'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l host -d 'Print one host\'s variables' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l list -d 'Print the whole inventory (the default)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l all-hosts -d 'Include disabled hosts'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l script -d 'Print an executable inventory script that answers from this inventory'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand inventory_export" -s V -l version -d 'Print version'
