package graph

import (
	"bytes"
	"context"
	"errors"

	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/options"
	"go.etcd.io/bbolt"
)

// The index is a set of buckets of keys in byte order, kept in the bolt
// file (a bucket of its own each) or in a table of the SQL database (a
// bucket a column of its rows; see index_sql.go). What reads and writes it
// sees them through ixRead and ixWrite.

// ixRead is a read transaction of the index.
type ixRead interface {
	// get returns the value of k in bucket, nil if it has none.
	get(ctx context.Context, bucket string, k []byte) ([]byte, error)
	// getMany returns the values of the keys that bucket holds, by key.
	getMany(ctx context.Context, bucket string, keys [][]byte) (map[string][]byte, error)
	// scan calls fn with each key of bucket that starts with prefix, and
	// its value, in key order. fn may read the transaction, and must not
	// keep k or v.
	scan(ctx context.Context, bucket string, prefix []byte, fn func(k, v []byte) error) error
	// scanMany is scan of each prefix in turn (on PostgreSQL, in one
	// query).
	scanMany(ctx context.Context, bucket string, prefixes [][]byte, fn func(k, v []byte) error) error
	// count returns how many keys bucket holds.
	count(ctx context.Context, bucket string) (int, error)
	// end ends the transaction.
	end() error
}

// ixWrite is the index as a writing transaction sees it.
type ixWrite interface {
	ixRead
	// getLocked is getMany, for values that the transaction then writes:
	// on a database where writers run side by side, the values as the last
	// writer committed them, held until this one ends.
	getLocked(ctx context.Context, bucket string, keys [][]byte) (map[string][]byte, error)
	// put writes the keys' values, the last where a key comes twice.
	put(ctx context.Context, bucket string, kvs []keyValue) error
	del(ctx context.Context, bucket string, keys [][]byte) error
}

// scanEach is scanMany by one scan a prefix.
func scanEach(ctx context.Context, tx ixRead, bucket string, prefixes [][]byte, fn func(k, v []byte) error) error {
	for _, p := range prefixes {
		if err := tx.scan(ctx, bucket, p, fn); err != nil {
			return err
		}
	}
	return nil
}

// getEach is getMany by one get a key, for stores where a get is cheap.
func getEach(ctx context.Context, tx ixRead, bucket string, keys [][]byte) (map[string][]byte, error) {
	out := make(map[string][]byte, len(keys))
	for _, k := range keys {
		v, err := tx.get(ctx, bucket, k)
		if err != nil {
			return nil, err
		}
		if v != nil {
			out[string(k)] = v
		}
	}
	return out, nil
}

// begin opens a read transaction of the index.
func (ix *index) begin(ctx context.Context) (ixRead, error) {
	if ix.sql != nil {
		return ix.sql.begin(ctx)
	}
	tx, err := ix.bolt.Begin(false)
	if err != nil {
		return nil, err
	}
	return boltRead{tx}, nil
}

// view runs fn in a read transaction of the index.
func (ix *index) view(ctx context.Context, fn func(tx ixRead) error) error {
	tx, err := ix.begin(ctx)
	if err != nil {
		return err
	}
	return errors.Join(fn(tx), tx.end())
}

// boltRead is a read transaction of the bolt file.
type boltRead struct{ tx *bbolt.Tx }

func (b boltRead) get(_ context.Context, bucket string, k []byte) ([]byte, error) {
	if bk := b.tx.Bucket([]byte(bucket)); bk != nil {
		return bk.Get(k), nil
	}
	return nil, nil
}

func (b boltRead) getMany(ctx context.Context, bucket string, keys [][]byte) (map[string][]byte, error) {
	return getEach(ctx, b, bucket, keys)
}

func (b boltRead) scan(ctx context.Context, bucket string, prefix []byte, fn func(k, v []byte) error) error {
	bk := b.tx.Bucket([]byte(bucket))
	if bk == nil {
		return nil
	}
	c := bk.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

func (b boltRead) scanMany(ctx context.Context, bucket string, prefixes [][]byte, fn func(k, v []byte) error) error {
	return scanEach(ctx, b, bucket, prefixes, fn)
}

func (b boltRead) count(_ context.Context, bucket string) (int, error) {
	if bk := b.tx.Bucket([]byte(bucket)); bk != nil {
		return bk.Stats().KeyN, nil
	}
	return 0, nil
}

func (b boltRead) end() error { return b.tx.Rollback() }

// kvWrite is a writing transaction of Cayley's kv store on the bolt file,
// which the index's buckets share.
type kvWrite struct{ tx hkv.Tx }

func key(bucket string, k []byte) hkv.Key { return hkv.Key{[]byte(bucket), k} }

func (w kvWrite) get(ctx context.Context, bucket string, k []byte) ([]byte, error) {
	v, err := w.tx.Get(ctx, key(bucket, k))
	if errors.Is(err, hkv.ErrNotFound) {
		return nil, nil
	}
	return v, err
}

func (w kvWrite) getMany(ctx context.Context, bucket string, keys [][]byte) (map[string][]byte, error) {
	return getEach(ctx, w, bucket, keys)
}

func (w kvWrite) getLocked(ctx context.Context, bucket string, keys [][]byte) (map[string][]byte, error) {
	return getEach(ctx, w, bucket, keys) // bolt has one writer
}

func (w kvWrite) scan(ctx context.Context, bucket string, prefix []byte, fn func(k, v []byte) error) error {
	return hkv.Each(ctx, w.tx, func(k hkv.Key, v hkv.Value) error {
		return fn(k[len(k)-1], v)
	}, options.WithPrefixKV(key(bucket, prefix)))
}

func (w kvWrite) scanMany(ctx context.Context, bucket string, prefixes [][]byte, fn func(k, v []byte) error) error {
	return scanEach(ctx, w, bucket, prefixes, fn)
}

func (w kvWrite) count(ctx context.Context, bucket string) (int, error) {
	n := 0
	err := w.scan(ctx, bucket, nil, func(_, _ []byte) error { n++; return nil })
	return n, err
}

func (w kvWrite) put(ctx context.Context, bucket string, kvs []keyValue) error {
	for _, kv := range kvs {
		if err := w.tx.Put(ctx, key(bucket, kv.k), kv.v); err != nil {
			return err
		}
	}
	return nil
}

func (w kvWrite) del(ctx context.Context, bucket string, keys [][]byte) error {
	for _, k := range keys {
		if err := w.tx.Del(ctx, key(bucket, k)); err != nil {
			return err
		}
	}
	return nil
}

func (w kvWrite) end() error { return nil } // the kv store's commit ends it
