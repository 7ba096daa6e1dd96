namespace KernelCI.KciDev.Completion;

/// <summary>Shell scripts that ask kci-dev itself for completions through System.CommandLine's `[suggest:POSITION]`
/// directive, so they never go stale when commands or options change. Each passes the line up to the cursor with the
/// program's name normalised to `kci-dev` (the root command's name), and runs the same kci-dev the user typed.</summary>
internal static class CompletionScripts
{
    public const string Bash = """
        # kci-dev completion for bash: `source <(kci-dev completion bash)`, or save it as
        # ~/.local/share/bash-completion/completions/kci-dev
        _kci_dev_complete()
        {
            local exe="${COMP_WORDS[0]}"
            local line="kci-dev${COMP_LINE:${#exe}:$((COMP_POINT - ${#exe}))}"
            local IFS=$'\n'
            COMPREPLY=( $(compgen -W "$("$exe" "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _kci_dev_complete kci-dev

        """;

    public const string Zsh = """
        #compdef kci-dev
        # kci-dev completion for zsh: `source <(kci-dev completion zsh)`, or save it as _kci-dev in a folder of $fpath
        _kci_dev()
        {
            local line="kci-dev ${(j: :)${(@)words[2,CURRENT]}}"
            local -a suggestions
            suggestions=("${(@f)$(${words[1]} "[suggest:${#line}]" "$line" 2>/dev/null)}")
            compadd -- ${suggestions:#}
        }
        if (( $+functions[compdef] )); then
            compdef _kci_dev kci-dev
        fi

        """;

    public const string Fish = """
        # kci-dev completion for fish: `kci-dev completion fish | source`, or save it as
        # ~/.config/fish/completions/kci-dev.fish
        function __kci_dev_complete
            set -l tokens (commandline -opc)
            set -l exe $tokens[1]
            set -e tokens[1]
            set -l current (commandline -ct)
            # The word being completed may be empty: the line still ends with the space before it.
            set -l line (string join ' ' kci-dev $tokens)" $current"
            $exe "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c kci-dev -f -a '(__kci_dev_complete)'

        """;
}
