package main

import (
	"strings"
	"testing"
)

func TestHelpVersionCompletion(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string // in standard output, or in standard error when code != 0
	}{
		{nil, 0, "COMMANDS:"},
		{[]string{"help"}, 0, "COMMANDS:"},
		{[]string{"--help"}, 0, "COMMANDS:"},
		{[]string{"help", "build"}, 0, "kg build [command options]"},
		{[]string{"build", "--help"}, 0, "Examples:\n      kg build examples/harbor-sanctions.txt"},
		{[]string{"facts", "-h"}, 0, "kg facts Park"},
		{[]string{"version"}, 0, "kg version "},
		{[]string{"--version"}, 0, "kg version "},
		{[]string{"completion", "bash"}, 0, "complete -o bashdefault -o default -F _kg_complete kg"},
		{[]string{"completion", "zsh"}, 0, "compdef _kg kg"},
		{[]string{"completion", "fish"}, 0, "complete -r -c kg -n '__fish_kg_no_subcommand' -a 'build'"},
		{[]string{"completion", "tcsh"}, 2, `unknown shell "tcsh"`},
		{[]string{"completion"}, 2, "want one shell"},
		{[]string{"biuld"}, 2, `no command "biuld". Did you mean "build"?`},
		{[]string{"facs", "ZTE"}, 2, `Did you mean "facts"?`},
		{[]string{"help", "biuld"}, 2, `Did you mean "build"?`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := run(t, "", tt.args...)
			got := out
			if tt.code != 0 {
				got = errOut
			}
			if code != tt.code || !strings.Contains(got, tt.want) {
				t.Errorf("kg %s: exit %d, stdout\n%s\nstderr %q\nwant exit %d and %q", strings.Join(tt.args, " "), code, out, errOut, tt.code, tt.want)
			}
		})
	}
	// kg version and kg --version say the same, with the commit or that it
	// is unknown (a test binary records none).
	v, _, _ := run(t, "", "version")
	if fv, _, _ := run(t, "", "--version"); fv != v || !strings.Contains(v, "commit ") {
		t.Errorf("kg version %q, kg --version %q: want one line with the commit", v, fv)
	}
}

// TestHelpExamples holds the examples in --help to the commands' flags:
// each parses (with --help added, so that it does no work).
func TestHelpExamples(t *testing.T) {
	for name, lines := range commandExamples {
		for _, line := range lines {
			for _, cmd := range strings.Split(line, "&&") {
				words := shellWords(cmd)
				if len(words) < 2 || words[0] != "kg" {
					continue
				}
				t.Run(name+"/"+cmd, func(t *testing.T) {
					_, errOut, code := run(t, "", append(words[1:], "--help")...)
					if code != 0 {
						t.Errorf("%s: exit %d, %q", cmd, code, errOut)
					}
				})
			}
		}
	}
}

// shellWords splits a command line of an example as a shell would, as far
// as the examples need: words, quotes, and the end of the command at a
// comment, a pipe or a redirection.
func shellWords(line string) []string {
	var words []string
	var w strings.Builder
	quote, inWord := byte(0), false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			w.WriteByte(c)
		case c == '\'' || c == '"':
			quote, inWord = c, true
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '#' || c == '|' || c == '>' || c == '<':
			i = len(line)
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}
