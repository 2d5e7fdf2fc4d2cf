"""completion: shell completion of commands, options and model names.

The scripts complete commands and options from lists written into them (they change only with
imagine-calc itself) and ask `imagine-calc completion SHELL --words models` for model names,
so a price update or an override that adds a model completes at once. Those names are data:
no script lets the shell expand them, and bash inserts them quoted.
"""

from __future__ import annotations

import argparse

from imagine_calc.cli.output import print_script, say
from imagine_calc.cli.parser import COMMANDS
from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.language import LANGUAGES, PSEUDO


def _options(parser: argparse.ArgumentParser) -> list[str]:
    """The options a person types: not those the help hides (--recover, --words)."""
    return sorted(
        s
        for a in parser._actions
        if a.help != argparse.SUPPRESS
        for s in a.option_strings
        if s.startswith("--")
    )


def _grammar() -> tuple[list[str], dict[str, list[str]]]:
    from imagine_calc.cli.parser import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    per_command = {name: _options(p) for name, p in sub.choices.items()}
    return _options(parser), per_command


BASH = """# imagine-calc completion for bash: eval "$(imagine-calc completion bash)"
_imagine_calc() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd="" w
    for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
        case " %(commands)s " in *" $w "*) cmd=$w; break;; esac
    done
    case $prev in
        --override|--screenshot|--check|--update-from|--export) compopt -o default; COMPREPLY=(); return;;
        --color-scheme) COMPREPLY=($(compgen -W "system light dark" -- "$cur")); return;;
        --lang) COMPREPLY=($(compgen -W "%(languages)s" -- "$cur")); return;;
        --resolution) COMPREPLY=($(compgen -W "1K 2K 3K 4K" -- "$cur")); return;;
    esac
    if [[ $cur == -* ]]; then
        case $cmd in
%(option_cases)s
            *) COMPREPLY=($(compgen -W "%(top_options)s" -- "$cur"));;
        esac
    elif [[ -z $cmd ]]; then
        compopt -o default
        COMPREPLY=($(compgen -W "%(commands)s" -- "$cur"))
    elif [[ $cmd == quote || $cmd == record ]]; then
        # Matched here, not by compgen -W, which would expand a name such as $(...) from an
        # override file or a saved page: a model name is data, never run.
        local name quoted want=${cur//\\\\/}
        COMPREPLY=()
        while IFS= read -r name; do
            if [[ $name == "$want"* ]]; then
                printf -v quoted '%%q' "$name"
                COMPREPLY+=("$quoted")
            fi
        done < <(imagine-calc completion bash --words models 2>/dev/null)
    elif [[ $cmd == completion ]]; then
        COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
    else
        compopt -o default; COMPREPLY=()
    fi
}
complete -F _imagine_calc imagine-calc
"""

ZSH = """#compdef imagine-calc
# imagine-calc completion for zsh: imagine-calc completion zsh > "${fpath[1]}/_imagine-calc"
_imagine_calc() {
    local cmd=${words[(r)(%(command_alternatives)s)]}
    if [[ $PREFIX == -* ]]; then
        case $cmd in
%(zsh_option_cases)s
            *) compadd -- %(top_options)s;;
        esac
    elif [[ -z $cmd ]]; then
        compadd -- %(commands)s; _files
    elif [[ $cmd == quote || $cmd == record ]]; then
        local -a models; models=("${(@f)$(imagine-calc completion zsh --words models 2>/dev/null)}")
        compadd -- $models
    elif [[ $cmd == completion ]]; then
        compadd -- bash zsh fish
    else
        _files
    fi
}
compdef _imagine_calc imagine-calc
"""

FISH_HEAD = """# imagine-calc completion for fish: imagine-calc completion fish | source
complete -c imagine-calc -f
complete -c imagine-calc -n '__fish_use_subcommand' -a '%(commands)s'
complete -c imagine-calc -n '__fish_use_subcommand' -F
complete -c imagine-calc -n '__fish_seen_subcommand_from quote record' \\
    -a '(imagine-calc completion fish --words models 2>/dev/null)'
complete -c imagine-calc -n '__fish_seen_subcommand_from upscale estimate' -F
"""


def script(shell: str) -> str:
    top, per_command = _grammar()
    commands = " ".join(COMMANDS)
    if shell == "bash":
        cases = "\n".join(
            f'            {name}) COMPREPLY=($(compgen -W "{" ".join(opts)}" -- "$cur"));;'
            for name, opts in per_command.items()
        )
        languages = " ".join([*LANGUAGES, PSEUDO])
        return BASH % {
            "commands": commands,
            "option_cases": cases,
            "top_options": " ".join(top),
            "languages": languages,
        }
    if shell == "zsh":
        cases = "\n".join(
            f"            {name}) compadd -- {' '.join(opts)};;" for name, opts in per_command.items()
        )
        return ZSH % {
            "commands": commands,
            "command_alternatives": "|".join(COMMANDS),
            "zsh_option_cases": cases,
            "top_options": " ".join(top),
        }
    lines = [FISH_HEAD % {"commands": commands}]
    lines += [f"complete -c imagine-calc -n '__fish_use_subcommand' -l {o[2:]}" for o in top]
    for name, opts in per_command.items():
        lines += [
            f"complete -c imagine-calc -n '__fish_seen_subcommand_from {name}' -l {o[2:]}" for o in opts
        ]
    return "\n".join(lines) + "\n"


def cmd_completion(args: argparse.Namespace, _loaded: LoadedCatalog | None) -> int:
    if args.words == "models":
        from imagine_calc.cli import _load

        catalog = _load(args).catalog
        for model in catalog.models:  # one per line: a newline in a name is shown as \n
            say(model.name)
        for model in catalog.models:
            say(model.id)
        return 0
    print_script(script(args.shell))
    return 0
