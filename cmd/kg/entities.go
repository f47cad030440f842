package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

type entitiesOptions struct {
	store  graph.Options
	filter graph.EntityFilter
	asJSON bool
	limit  int // 0 for all
}

func entitiesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "entities",
		Usage: "list the entities with their type, aliases, mentions and degree",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "type", Usage: "only entities of this type (PERSON, ORG, GPE, ...)"},
			&cli.StringFlag{Name: "sort", Value: graph.ByName, Usage: "name, mentions or degree (most first)"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON Lines, one entity a line"},
			&cli.IntFlag{Name: "n", Usage: "print at most `N` entities (0 for all)"}),
		Action: func(c *cli.Context) error {
			return runEntities(c.Context, e, entitiesOptions{
				store:  readStoreOptions(c),
				filter: graph.EntityFilter{Type: c.String("type"), Sort: c.String("sort")},
				asJSON: c.Bool("json"),
				limit:  c.Int("n"),
			})
		},
	}
}

// runEntities prints the entities in a deterministic order: the sort key,
// then the name.
func runEntities(ctx context.Context, e *env, opts entitiesOptions) error {
	switch opts.filter.Sort {
	case graph.ByName, graph.ByMentions, graph.ByDegree:
	default:
		return usageError{fmt.Errorf("entities: unknown sort %q (want name, mentions or degree)", opts.filter.Sort)}
	}
	if opts.limit < 0 {
		return usageError{fmt.Errorf("entities: negative -n %d", opts.limit)}
	}
	list, err := cached(ctx, opts.store, fmt.Sprintf("entities --type %s --sort %s", opts.filter.Type, opts.filter.Sort),
		func(s *graph.Store) ([]schema.EntityInfo, error) { return s.Entities(ctx, opts.filter) })
	if err != nil {
		return err
	}
	if opts.limit > 0 && len(list) > opts.limit {
		list = list[:opts.limit]
	}
	if opts.asJSON {
		return writeJSONLines(e.stdout, list)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "name\ttype\tmentions\tdegree\taliases")
	for _, ent := range list {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", oneLine(ent.Name), ent.Type, ent.Mentions, ent.Degree,
			oneLine(strings.Join(ent.Aliases, "; ")))
	}
	return tw.Flush()
}

// oneLine keeps a cell of the table on its line and in its column.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// writeJSONLines writes each value as one line of JSON, with "<" and ">"
// as they are (IRIs are written "<kg:name>").
// writeJSON writes one value as a line of JSON, with "<" and ">" as they
// are (IRIs and Gizmo paths are full of them).
func writeJSON(w io.Writer, v any) error { return writeJSONLines(w, []any{v}) }

func writeJSONLines[T any](w io.Writer, vs []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, v := range vs {
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	return nil
}
