package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// rootAction runs for kg without a command, or with one it does not know:
// help for the first, an error with the nearest command for the second.
func rootAction(c *cli.Context) error {
	if !c.Args().Present() {
		return cli.ShowAppHelp(c)
	}
	name := c.Args().First()
	msg := fmt.Sprintf("no command %q", name)
	// cli suggests the nearest name, its own help's too, however far.
	if s := cli.SuggestCommand(c.App.Commands, name); s != "" && !strings.HasSuffix(s, `"h"?`) && !strings.HasSuffix(s, `""?`) {
		msg += ". " + s
	}
	return usageError{fmt.Errorf("%s (kg help lists the commands)", msg)}
}

// helpCommand is kg's own help command: urfave/cli's is one value shared by
// every app of the process, which its help for a command changes (and its
// fish completion then recurses without end).
func helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Usage:     "list the commands, or show one command's flags and examples",
		ArgsUsage: "[COMMAND]",
		Action: func(c *cli.Context) error {
			switch {
			case c.NArg() == 0:
				return cli.ShowAppHelp(c)
			case c.NArg() > 1:
				return usageError{fmt.Errorf("help: want one command, got %s", plural(c.NArg(), "argument"))}
			case c.App.Command(c.Args().First()) == nil:
				return rootAction(c)
			}
			// The app's context, whose command lists the app's commands.
			return cli.ShowCommandHelp(c.Lineage()[1], c.Args().First())
		},
	}
}

// version describes the build from the information Go records in the
// binary: the module's version, and the commit it was built from when built
// in a git checkout ("+dirty" when it had uncommitted changes).
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown (no build information)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	switch {
	case rev == "":
		v += ", commit unknown"
	default:
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += ", commit " + rev
		if dirty {
			v += "+dirty"
		}
		if when != "" {
			v += " of " + when
		}
	}
	return v + ", " + info.GoVersion
}

func versionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print kg's version and the commit it was built from (also kg --version)",
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return usageError{fmt.Errorf("version: want no arguments, got %d", c.NArg())}
			}
			_, err := fmt.Fprintln(e.stdout, "kg version", version())
			return err
		},
	}
}

func completionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a script that completes kg's commands and flags in bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: examples(
			`source <(kg completion bash)                        # bash, this shell`,
			`kg completion bash > /etc/bash_completion.d/kg      # bash, every shell`,
			`kg completion zsh > "${fpath[1]}/_kg"               # zsh`,
			`kg completion fish > ~/.config/fish/completions/kg.fish`,
		),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageError{fmt.Errorf("completion: want one shell, bash, zsh or fish; got %s", plural(c.NArg(), "argument"))}
			}
			var script string
			switch shell := c.Args().First(); shell {
			case "bash":
				script = bashCompletion
			case "zsh":
				script = zshCompletion
			case "fish":
				s, err := c.App.ToFishCompletion()
				if err != nil {
					return fmt.Errorf("completion: %w", err)
				}
				script = s
			default:
				return usageError{fmt.Errorf("completion: unknown shell %q: want bash, zsh or fish", shell)}
			}
			_, err := fmt.Fprint(e.stdout, script)
			return err
		},
	}
}

// The bash and zsh scripts ask kg itself for the words that may come next:
// urfave/cli answers a command line that ends in --generate-bash-completion
// with the commands, or a command's flags.
const (
	bashCompletion = `# kg completion for bash: source <(kg completion bash)
_kg_complete() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local words
  if [[ $cur == -* ]]; then
    words=$("${COMP_WORDS[@]:0:COMP_CWORD}" "$cur" --generate-bash-completion 2>/dev/null)
  else
    words=$("${COMP_WORDS[@]:0:COMP_CWORD}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o bashdefault -o default -F _kg_complete kg
`
	zshCompletion = `#compdef kg
# kg completion for zsh: kg completion zsh > "${fpath[1]}/_kg"
_kg() {
  local -a words_
  if [[ ${words[CURRENT]} == -* ]]; then
    words_=(${(f)"$(${words[1,CURRENT-1]} ${words[CURRENT]} --generate-bash-completion 2>/dev/null)"})
  else
    words_=(${(f)"$(${words[1,CURRENT-1]} --generate-bash-completion 2>/dev/null)"})
  fi
  if (( ${#words_} )); then
    compadd -- ${words_%%:*}
  else
    _files
  fi
}
compdef _kg kg
`
)

// examples formats a command's examples for its --help.
func examples(lines ...string) string {
	return "Examples:\n   " + strings.Join(lines, "\n   ")
}

// commandExamples are shown at the end of each command's --help.
var commandExamples = map[string][]string{
	"extract": {
		"kg extract examples/harbor-sanctions.txt                 # JSON Lines, one fact a line",
		"kg extract examples/harbor-sanctions.txt --format tsv    # a table",
		`echo "The regulator fined the bank." | kg extract`,
	},
	"build": {
		"kg build examples/harbor-sanctions.txt                   # into ./kg.db",
		"kg build --db news.db archive/ 'wire/*.txt' feed.jsonl",
	},
	"load":   {"kg extract --format nquads a.txt > a.nq && kg load --db news.db a.nq"},
	"remove": {"kg remove --db news.db b.txt"},
	"query": {
		`kg query 'g.V("<kg:entity/harbor_networks>").Out().All()'`,
		"kg query --file examples/queries/organisations.js",
	},
	"stats":     {"kg stats", "kg stats --json"},
	"entities":  {"kg entities --type PERSON"},
	"support":   {`kg support "Trade Department" penalize "Harbor Networks"`},
	"neighbors": {`kg neighbors "Harbor Networks"`},
	"path":      {`kg path "Elena Park" "Trade Department" --max-hops 3`},
	"facts":     {"kg facts Park                # by name or by an alias", "kg facts Park --json"},
	"rank":      {"kg rank --by betweenness"},
	"merge":     {`kg merge "Department of Commerce" "Commerce Department"   # the second is the first`},
	"split":     {`kg split "Maria Alvarez" Alvarez`},
	"undo":      {"kg corrections && kg undo 1"},
	"export": {
		`kg export --focus "Harbor Networks" --depth 1 > harbor.dot`,
		`kg export --format svg --focus Park -o park.svg`,
		`kg export --format jsonl --path "Elena Park,Trade Department"`,
	},
	"eval": {"kg eval --gold gold.tsv"},
	"serve": {
		"kg serve                                   # http://127.0.0.1:8080/, the store ./kg.db",
		"kg serve --db news.db --addr 0.0.0.0:8080 --token s3cret",
	},
}

// completeFlags completes a command's flags when the word being completed
// starts with a dash, and nothing otherwise, so that the shell completes
// file names.
func completeFlags(cmd *cli.Command) cli.BashCompleteFunc {
	flags := cli.DefaultCompleteWithFlags(cmd)
	return func(c *cli.Context) {
		if args := os.Args; len(args) > 2 && strings.HasPrefix(args[len(args)-2], "-") {
			flags(c)
		}
	}
}
