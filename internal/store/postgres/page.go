package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// pageQuery is a keyset-paged listing: rows ordered by (order DESC, id
// DESC), whose first two selected columns are the order column and the id.
// Conditions are written with ? for their arguments, numbered as they are
// added. Other queries use it for their conditions alone.
type pageQuery struct {
	// sel is the SELECT … FROM … part.
	sel string
	// order is the column rows are ordered by before their id.
	order string
	where []string
	args  []any
}

// cond adds a condition with its arguments.
func (q *pageQuery) cond(c string, args ...any) {
	for _, a := range args {
		q.args = append(q.args, a)
		c = strings.Replace(c, "?", "$"+strconv.Itoa(len(q.args)), 1)
	}
	q.where = append(q.where, c)
}

// whereClause is q's conditions as a WHERE clause, or "".
func (q *pageQuery) whereClause() string {
	if len(q.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.where, " AND ")
}

// next adds arg and returns its placeholder, for the query's other parts.
func (q *pageQuery) next(arg any) string {
	q.args = append(q.args, arg)
	return "$" + strconv.Itoa(len(q.args))
}

// after keeps the rows that come after k.
func (q *pageQuery) after(k key) {
	q.cond("("+q.order+", id) < (?, ?)", k.published, k.id)
}

// pageLimit is the page size asked for, within the store's bounds.
func pageLimit(n int) int {
	if n <= 0 {
		n = defaultLimit
	}
	return min(n, maxLimit)
}

// page runs q for up to limit rows, calling scan for each. scan reads the
// row and sets *k to its order value and id. page reports whether more rows
// follow the last one scanned.
func (s *Store) page(ctx context.Context, q pageQuery, limit int, scan func(rows pgx.Rows, k *key) error) (last key, more bool, err error) {
	text := q.sel + q.whereClause() + " ORDER BY " + q.order + " DESC, id DESC LIMIT " + q.next(limit+1)
	rows, err := s.pool.Query(ctx, text, q.args...)
	if err != nil {
		return key{}, false, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if n == limit {
			return last, true, nil
		}
		if err := scan(rows, &last); err != nil {
			return key{}, false, err
		}
		n++
	}
	return last, false, rows.Err()
}

// walk reads a keyset walk a batch of size rows at a time and calls fn on
// each row, holding no connection while fn runs (so fn may use the store).
// query runs the walk's query for the rows after last (nil at the start);
// scan reads one row. Errors of the store are wrapped with op; fn's errors
// are returned as they are.
func walk[T any](ctx context.Context, op string, size int, query func(last *T) (pgx.Rows, error),
	scan func(pgx.Rows) (T, error), fn func(T) error) error {
	var last *T
	batch := make([]T, 0, size)
	for {
		batch = batch[:0]
		rows, err := query(last)
		if err != nil {
			return fmt.Errorf("postgres: %s: %w", op, err)
		}
		for rows.Next() {
			it, err := scan(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("postgres: %s: %w", op, err)
			}
			batch = append(batch, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("postgres: %s: %w", op, err)
		}
		for _, it := range batch {
			if err := fn(it); err != nil {
				return err
			}
		}
		if len(batch) < size {
			return nil
		}
		l := batch[len(batch)-1]
		last = &l
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("postgres: %s: %w", op, err)
		}
	}
}
