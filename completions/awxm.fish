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
complete -c awxm -n "__fish_awxm_needs_command" -f -a "deep_copy" -d 'Copy a template, inventory, project, credential or notification template with its sub-objects'
complete -c awxm -n "__fish_awxm_needs_command" -f -a "settings" -d 'Read and change cluster-wide settings stored in the database'
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
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l name -d 'Name of the copy [default: "<name> @ <h:mm:ss AM|PM>"]' -r
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l as -d 'Act as this user (name or id): AWX\'s permission checks apply and the user becomes admin of the copy' -r
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l database -d 'Database URL: sqlite:///path/to/awxm.db or postgres://user@host:port/db' -r
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l config -d 'Config file (YAML) [default: /etc/awxm/awxm.yaml, then ~/.config/awxm/awxm.yaml]' -r -F
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l format -d 'Output format' -r -f -a "human\t''
json\t''
yaml\t''
jsonl\t'JSON Lines (one document per line), for streams such as job events'"
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l lock-timeout -d 'Seconds to wait for a lock held by another run before exiting 75 [default: 30]' -r
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l check -d 'Only answer whether the copy is allowed (AWX\'s can_copy); copy nothing'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l dry-run -d 'Make the copy and report it, then roll everything back'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace)'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -s q -l quiet -d 'Only errors on stderr'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l no-progress -d 'Never draw progress bars'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -l profile-sql -d 'Log every SQL statement with its duration to stderr'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c awxm -n "__fish_awxm_using_subcommand deep_copy" -s V -l version -d 'Print version'
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
