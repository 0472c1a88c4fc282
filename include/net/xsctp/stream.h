/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-stream state of one direction of an association.  There may be up
 * to 65535 streams (RFC 9260 s5.1.1), and the peer picks how many of ours
 * up to our MIS, which is 65535 unless the user lowers it.  A table that
 * fits XSCTP_STREAM_LEAF bytes is one array; a larger one is a directory
 * of leaves of that size, each allocated when a stream in its range is
 * first used.  A peer that opens 65535 streams and sends on a few then
 * costs a directory and a leaf or two, small allocations all, where one
 * array would be up to 512 KiB of high-order atomic memory taken at setup.
 *
 * Not locked: the owner (the association) serialises all calls.
 */
#ifndef _XSCTP_STREAM_H
#define _XSCTP_STREAM_H

#include <net/xsctp/pure.h>

#define XSCTP_STREAM_LEAF	4096U
#define XSCTP_STREAM_LEAF_SHIFT	12	/* log2 of the leaf's bytes */

struct xsctp_streams {
	void *mem;		/* the array, or the directory of leaves */
	u32 n;			/* entries */
	u8 esz_shift;		/* log2 of an entry's bytes */
	u8 leaf_shift;		/* log2 of the entries in a leaf */
};

int xsctp_streams_init(struct xsctp_streams *t, u32 n, u32 esz, gfp_t gfp);
int xsctp_streams_fill(struct xsctp_streams *t, gfp_t gfp);
void *xsctp_streams_get_leaf(struct xsctp_streams *t, u32 i, gfp_t gfp);
void xsctp_streams_free(struct xsctp_streams *t);

static inline bool xsctp_streams_flat(const struct xsctp_streams *t)
{
	return ((size_t)t->n << t->esz_shift) <= XSCTP_STREAM_LEAF;
}

/* Entry @i, or NULL when @i is out of range or its leaf never used. */
static inline void *xsctp_streams_at(const struct xsctp_streams *t, u32 i)
{
	u8 *leaf;

	if (i >= t->n)
		return NULL;
	if (xsctp_streams_flat(t))
		return (u8 *)t->mem + ((size_t)i << t->esz_shift);
	leaf = ((u8 **)t->mem)[i >> t->leaf_shift];
	if (!leaf)
		return NULL;
	return leaf + ((size_t)(i & ((1U << t->leaf_shift) - 1)) <<
		       t->esz_shift);
}

/* Entry @i, its leaf allocated if this is the first use of its range. */
static inline void *xsctp_streams_get(struct xsctp_streams *t, u32 i,
				      gfp_t gfp)
{
	if (i >= t->n || xsctp_streams_flat(t))
		return xsctp_streams_at(t, i);
	return xsctp_streams_get_leaf(t, i, gfp);
}

#endif /* _XSCTP_STREAM_H */
