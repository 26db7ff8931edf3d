function __warta_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __warta_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __warta_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __warta_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __warta_parse_tokens -S
    set -l unparsed_tokens (__warta_tokens -pc)
    switch $unparsed_tokens[1]
    case 'warta'
        __warta_parse_subcommand 1 'corpus=' 'c=+' 'format=' 'chart' 'no-chart' 'entities=' 'timeout=' 'max-rows=' 'keep-going' 'no-history' 'no-cache' 'safe' 'set=+' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __warta_parse_subcommand -r 1 'version'
        end
    end
end

function __warta_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __warta_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __warta_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __warta_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__warta_tokens -p)
    if test -z "$(__warta_tokens -t)"
        set -l index (count (__warta_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'warta' -f
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" corpus' -l 'corpus' -d 'A folder of .txt/.md files, a .jsonl file, one article file, or an index file (warta index).' -rF
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta"' -s 'c' -d 'Run a statement and exit (repeatable).' -rfka ''
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" format' -l 'format' -d 'Output format: table, json, jsonl, csv, markdown, kwic or svg (a chart of grouped counts).' -rfka 'table json jsonl csv markdown kwic svg'
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" chart' -l 'chart' -d 'Bars beside grouped counts and a sparkline under timelines in tables (default: on a terminal only).'
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" no-chart' -l 'no-chart' -d 'Bars beside grouped counts and a sparkline under timelines in tables (default: on a terminal only).'
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" entities' -l 'entities' -d 'Add entities from a TSV file (name, type, aliases separated by |).' -rF
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" timeout' -l 'timeout' -d 'Stop any statement that runs longer than this.' -rfka ''
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" max-rows' -l 'max-rows' -d 'Print at most this many rows of any statement.' -rfka ''
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" keep-going' -l 'keep-going' -d 'Report a failing statement and go on with the next.'
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" no-history' -l 'no-history' -d 'Do not read or write the shell\'s history file.'
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" no-cache' -l 'no-cache' -d 'Index a folder or .jsonl corpus anew rather than reuse its cached index (~/.cache/warta; WARTA_CACHE=off does the same).'
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" safe' -l 'safe' -d 'Safe mode: refuse .open, .read, .output and .entities (statements from strangers); no history file, no pager.'
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta"' -l 'set' -d 'Bind $NAME in the statements to VALUE, as a literal (repeatable): --set who="To Lam".' -rfka ''
complete -c 'warta' -n '__warta_should_offer_completions_for_positional "warta" -eq 1' -F
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" version' -l 'version' -d 'Show the version.'
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'warta' -n '__warta_should_offer_completions_for_positional "warta" -eq 2' -fa 'help' -d 'Show subcommand help information.'
complete -c 'warta' -n '__warta_should_offer_completions_for_flags_or_options "warta help" version' -l 'version' -d 'Show the version.'
