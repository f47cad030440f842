package graph

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// On PostgreSQL the index is the table kg_index, one row a key of a
// bucket, beside Cayley's tables:
//
//	kg_index (bucket TEXT, k BYTEA, v BYTEA, PRIMARY KEY (bucket, k))
//
// PostgreSQL compares BYTEA byte by byte, so a bucket's keys are in the
// order bolt keeps them and a prefix is a range of the primary key.
//
// The table is written in the transaction of Cayley's own write, so that
// both commit or neither does. Cayley's SQL store writes through the
// flavour it was opened with, and a flavour sees only the transaction; kg
// opens its stores through a flavour of its own, sqlFlavor, which is
// Cayley's PostgreSQL one with a last step before the commit: it asks the
// connection which Store it belongs to (each Store's connections carry a
// token of their own, the setting kg.store) and writes the index changes
// that Store has pending. Flavours are registered once for the process, so
// the pending changes are found through sqlPending, by token.
const (
	sqlFlavor  = "kg-postgres"
	sqlSetting = "kg.store"
)

// sqlPending holds each Store's index changes, by its token, while
// Cayley's write that makes them runs.
var sqlPending sync.Map // token -> *indexOps

func init() {
	// Cayley's PostgreSQL flavour (graph/sql/postgres), with the index
	// written before the commit.
	csql.Register(sqlFlavor, csql.Registration{
		Driver:             "postgres",
		HashType:           `BYTEA`,
		BytesType:          `BYTEA`,
		HorizonType:        `BIGSERIAL`,
		TimeType:           `timestamp with time zone`,
		QueryDialect:       postgres.QueryDialect,
		ConditionalIndexes: true,
		FillFactor:         true,
		Error:              postgres.ConvError,
		Estimated: func(table string) string {
			return "SELECT reltuples::BIGINT AS estimate FROM pg_class WHERE relname='" + table + "';"
		},
		RunTx:   postgres.RunTxPostgres,
		TxRetry: writePending,
	})
}

// writePending runs Cayley's statements of a write, then writes the index
// changes that the Store of the transaction's connection has pending.
// Cayley's write gives no context; the statements run without one, as
// Cayley's do.
func writePending(tx *sql.Tx, stmts func() error) error {
	if err := stmts(); err != nil {
		return err
	}
	var token string
	if err := tx.QueryRow(`SELECT coalesce(current_setting('` + sqlSetting + `', true), '')`).Scan(&token); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	ops, ok := sqlPending.Load(token)
	if !ok || token == "" {
		return nil
	}
	if err := ops.(*indexOps).write(context.Background(), sqlIx{tx}); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// absentNodes returns which of the nodes ids the store lacks, so that a
// write need not ask for their properties, node by node: on PostgreSQL,
// one query a few thousand nodes. Elsewhere, where asking is cheap, it
// returns none.
func (r reader) absentNodes(ctx context.Context, ids []string) (map[string]bool, error) {
	if r.ix == nil || r.ix.sql == nil || len(ids) == 0 {
		return nil, nil
	}
	hashes := make([][]byte, len(ids))
	byHash := make(map[string]string, len(ids))
	for i, id := range ids {
		h := csql.HashOf(quad.IRI(id))
		hashes[i] = h.ValueHash[:]
		byHash[string(hashes[i])] = id
	}
	absent := make(map[string]bool, len(ids))
	for _, id := range ids {
		absent[id] = true
	}
	err := batches(hashes, func(hashes [][]byte) error {
		rows, err := r.ix.sql.db.QueryContext(ctx, `SELECT hash FROM nodes WHERE hash = ANY($1)`, pq.ByteaArray(hashes))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h []byte
			if err := rows.Scan(&h); err != nil {
				return err
			}
			delete(absent, byHash[string(h)])
		}
		return rows.Err()
	})
	return absent, err
}

// sqlIndex is the index of a PostgreSQL store.
type sqlIndex struct {
	db    *sql.DB // kg's own connections
	token string  // the kg.store setting of the connections Cayley's store writes through
}

// newToken returns a token for a Store's connections.
func newToken() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// withSetting returns the database URL (or key=value connection string)
// with the setting kg.store=token, which the driver passes to the server.
func withSetting(dsn, token string) (string, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return "", err
		}
		q := u.Query()
		q.Set(sqlSetting, token)
		u.RawQuery = q.Encode()
		return u.String(), nil
	}
	return dsn + " " + sqlSetting + "=" + token, nil
}

// sqlIndexTable is the table's definition.
const sqlIndexTable = `CREATE TABLE IF NOT EXISTS kg_index (
	bucket TEXT NOT NULL,
	k BYTEA NOT NULL,
	v BYTEA NOT NULL,
	PRIMARY KEY (bucket, k)
)`

// sqlIndexVersion returns the version of the database's index, "" for none.
func sqlIndexVersion(ctx context.Context, db *sql.DB) (string, error) {
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass('kg_index') IS NOT NULL`).Scan(&exists); err != nil || !exists {
		return "", err
	}
	var v []byte
	err := db.QueryRowContext(ctx, `SELECT v FROM kg_index WHERE bucket = $1 AND k = $2`, ixMeta, []byte("version")).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return string(v), err
}

// build writes the index anew, in one transaction: the table holds
// content (bucket -> key -> value) and the version.
func (x *sqlIndex) build(ctx context.Context, content map[string]map[string][]byte) error {
	tx, err := x.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, sqlIndexTable); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM kg_index`); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn("kg_index", "bucket", "k", "v"))
	if err != nil {
		return err
	}
	for _, name := range sortedKeys(content) {
		for _, k := range sortedKeys(content[name]) {
			if _, err := stmt.ExecContext(ctx, name, []byte(k), nonNil(content[name][k])); err != nil {
				stmt.Close()
				return err
			}
		}
	}
	if _, err := stmt.ExecContext(ctx, ixMeta, []byte("version"), []byte(ixVersion)); err != nil {
		stmt.Close()
		return err
	}
	if _, err := stmt.ExecContext(ctx); err != nil { // flushes the copy
		stmt.Close()
		return err
	}
	if err := stmt.Close(); err != nil {
		return err
	}
	return tx.Commit()
}

func nonNil(v []byte) []byte {
	if v == nil {
		return []byte{}
	}
	return v
}

// begin opens a read transaction: one snapshot of the database for all
// its reads.
func (x *sqlIndex) begin(ctx context.Context) (ixRead, error) {
	tx, err := x.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, err
	}
	return sqlIx{tx}, nil
}

// sqlIx is the index in a transaction of the database.
type sqlIx struct{ tx *sql.Tx }

func (x sqlIx) get(ctx context.Context, bucket string, k []byte) ([]byte, error) {
	return x.getRow(ctx, `SELECT v FROM kg_index WHERE bucket = $1 AND k = $2`, bucket, k)
}

func (x sqlIx) getRow(ctx context.Context, query, bucket string, k []byte) ([]byte, error) {
	var v []byte
	err := x.tx.QueryRowContext(ctx, query, bucket, k).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return nonNil(v), err
}

// sqlBatch is how many keys one statement reads or writes at most.
const sqlBatch = 5000

// batches calls fn with keys in slices of at most sqlBatch.
func batches(keys [][]byte, fn func(keys [][]byte) error) error {
	for len(keys) > 0 {
		n := min(len(keys), sqlBatch)
		if err := fn(keys[:n]); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

func (x sqlIx) getMany(ctx context.Context, bucket string, keys [][]byte) (map[string][]byte, error) {
	return x.rowsOf(ctx, `SELECT k, v FROM kg_index WHERE bucket = $1 AND k = ANY($2)`, bucket, keys)
}

// rowsOf runs query, of the bucket and an array of keys, in batches, and
// returns the keys and values it gives.
func (x sqlIx) rowsOf(ctx context.Context, query, bucket string, keys [][]byte) (map[string][]byte, error) {
	out := make(map[string][]byte, len(keys))
	err := batches(keys, func(keys [][]byte) error {
		rows, err := x.tx.QueryContext(ctx, query, bucket, pq.ByteaArray(keys))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k, v []byte
			if err := rows.Scan(&k, &v); err != nil {
				return err
			}
			out[string(k)] = nonNil(v)
		}
		return rows.Err()
	})
	return out, err
}

// getLocked makes sure the rows exist, empty where they did not, so that
// there is a row to lock: a writer that adds one beside this one waits
// for it. Empty rows are read as none.
func (x sqlIx) getLocked(ctx context.Context, bucket string, keys [][]byte) (map[string][]byte, error) {
	err := batches(keys, func(keys [][]byte) error {
		_, err := x.tx.ExecContext(ctx, `INSERT INTO kg_index (bucket, k, v)
			SELECT $1, k, '' FROM unnest($2::bytea[]) AS k ORDER BY k ON CONFLICT DO NOTHING`, bucket, pq.ByteaArray(keys))
		return err
	})
	if err != nil {
		return nil, err
	}
	out, err := x.rowsOf(ctx, `SELECT k, v FROM kg_index WHERE bucket = $1 AND k = ANY($2) ORDER BY k FOR UPDATE`, bucket, keys)
	for k, v := range out {
		if len(v) == 0 {
			delete(out, k)
		}
	}
	return out, err
}

// scan reads the rows before it calls fn, so that fn may read the
// transaction.
func (x sqlIx) scan(ctx context.Context, bucket string, prefix []byte, fn func(k, v []byte) error) error {
	query := `SELECT k, v FROM kg_index WHERE bucket = $1 AND k >= $2 ORDER BY k`
	args := []any{bucket, nonNil(prefix)}
	if end := prefixEnd(prefix); end != nil {
		query = `SELECT k, v FROM kg_index WHERE bucket = $1 AND k >= $2 AND k < $3 ORDER BY k`
		args = append(args, end)
	}
	rows, err := x.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	kvs, err := appendRows(nil, rows)
	if err != nil {
		return err
	}
	return each(kvs, fn)
}

// appendRows appends the keys and values of rows to kvs, and closes rows.
func appendRows(kvs []keyValue, rows *sql.Rows) ([]keyValue, error) {
	for rows.Next() {
		var kv keyValue
		if err := rows.Scan(&kv.k, &kv.v); err != nil {
			rows.Close()
			return kvs, err
		}
		kvs = append(kvs, kv)
	}
	return kvs, errors.Join(rows.Err(), rows.Close())
}

// each calls fn with each key and value, once the rows are read.
func each(kvs []keyValue, fn func(k, v []byte) error) error {
	for _, kv := range kvs {
		if err := fn(kv.k, nonNil(kv.v)); err != nil {
			return err
		}
	}
	return nil
}

// scanMany reads the ranges of all the prefixes in one query, in batches,
// then calls fn. The LIMIT keeps the range a subquery of its own, which
// PostgreSQL reads through the primary key once a prefix; without it, the
// planner joins the prefixes to a scan of the whole bucket.
func (x sqlIx) scanMany(ctx context.Context, bucket string, prefixes [][]byte, fn func(k, v []byte) error) error {
	var los, his [][]byte
	for _, p := range prefixes {
		end := prefixEnd(p)
		if end == nil { // no key follows them all: alone
			if err := x.scan(ctx, bucket, p, fn); err != nil {
				return err
			}
			continue
		}
		los, his = append(los, nonNil(p)), append(his, end)
	}
	var kvs []keyValue
	for len(los) > 0 {
		n := min(len(los), sqlBatch)
		rows, err := x.tx.QueryContext(ctx, `SELECT t.k, t.v
			FROM unnest($2::bytea[], $3::bytea[]) WITH ORDINALITY AS r(lo, hi, n)
			CROSS JOIN LATERAL (SELECT k, v FROM kg_index WHERE bucket = $1 AND k >= r.lo AND k < r.hi
				ORDER BY k LIMIT 2147483647) t
			ORDER BY r.n, t.k`, bucket, pq.ByteaArray(los[:n]), pq.ByteaArray(his[:n]))
		if err != nil {
			return err
		}
		if kvs, err = appendRows(kvs, rows); err != nil {
			return err
		}
		los, his = los[n:], his[n:]
	}
	return each(kvs, fn)
}

// prefixEnd returns the least key after every key that starts with
// prefix, nil if there is none.
func prefixEnd(prefix []byte) []byte {
	end := []byte(string(prefix))
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

func (x sqlIx) count(ctx context.Context, bucket string) (int, error) {
	var n int
	err := x.tx.QueryRowContext(ctx, `SELECT count(*) FROM kg_index WHERE bucket = $1`, bucket).Scan(&n)
	return n, err
}

func (x sqlIx) put(ctx context.Context, bucket string, kvs []keyValue) error {
	// one row a key, the last value given
	last := make(map[string]int, len(kvs))
	for i, kv := range kvs {
		last[string(kv.k)] = i
	}
	var keys, vals [][]byte
	for i, kv := range kvs {
		if last[string(kv.k)] == i {
			keys, vals = append(keys, kv.k), append(vals, nonNil(kv.v))
		}
	}
	for len(keys) > 0 {
		n := min(len(keys), sqlBatch)
		_, err := x.tx.ExecContext(ctx, `INSERT INTO kg_index (bucket, k, v)
			SELECT $1, k, v FROM unnest($2::bytea[], $3::bytea[]) AS t(k, v)
			ON CONFLICT (bucket, k) DO UPDATE SET v = EXCLUDED.v`, bucket, pq.ByteaArray(keys[:n]), pq.ByteaArray(vals[:n]))
		if err != nil {
			return err
		}
		keys, vals = keys[n:], vals[n:]
	}
	return nil
}

func (x sqlIx) del(ctx context.Context, bucket string, keys [][]byte) error {
	return batches(keys, func(keys [][]byte) error {
		_, err := x.tx.ExecContext(ctx, `DELETE FROM kg_index WHERE bucket = $1 AND k = ANY($2)`, bucket, pq.ByteaArray(keys))
		return err
	})
}

func (x sqlIx) end() error { return x.tx.Rollback() }
