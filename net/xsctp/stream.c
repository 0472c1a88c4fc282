// SPDX-License-Identifier: GPL-2.0
/* Per-stream state tables: one array, or leaves allocated on first use. */
#include <net/xsctp/stream.h>

static u32 leaves(const struct xsctp_streams *t)
{
	u32 per = 1U << t->leaf_shift;

	return (t->n + per - 1) >> t->leaf_shift;
}

/*
 * @esz must be a power of two no larger than a leaf.  Entries read as
 * zero until set.  A large table starts with no leaves: see
 * xsctp_streams_get() and xsctp_streams_fill().
 */
int xsctp_streams_init(struct xsctp_streams *t, u32 n, u32 esz, gfp_t gfp)
{
	u8 shift = 0;

	if (!esz || (esz & (esz - 1)) || esz > XSCTP_STREAM_LEAF)
		return -EINVAL;
	while ((1U << shift) < esz)
		shift++;
	t->n = n;
	t->esz_shift = shift;
	t->leaf_shift = XSCTP_STREAM_LEAF_SHIFT - shift;
	if (xsctp_streams_flat(t))
		t->mem = kcalloc(n ?: 1, esz, gfp);
	else
		t->mem = kcalloc(leaves(t), sizeof(void *), gfp);
	return t->mem ? 0 : -ENOMEM;
}

/* xsctp_streams_get() for a table of leaves, @i in range. */
void *xsctp_streams_get_leaf(struct xsctp_streams *t, u32 i, gfp_t gfp)
{
	void **leaf = &((void **)t->mem)[i >> t->leaf_shift];

	if (!*leaf)
		*leaf = kzalloc(XSCTP_STREAM_LEAF, gfp);
	return xsctp_streams_at(t, i);
}

/*
 * Every leaf at once, for a table whose entries are read where no
 * allocation may fail (the outbound SSNs, taken at transmission).
 */
int xsctp_streams_fill(struct xsctp_streams *t, gfp_t gfp)
{
	u32 l;

	if (xsctp_streams_flat(t))
		return 0;
	for (l = 0; l < leaves(t); l++)
		if (!xsctp_streams_get(t, l << t->leaf_shift, gfp))
			return -ENOMEM;
	return 0;
}

void xsctp_streams_free(struct xsctp_streams *t)
{
	u32 l;

	if (t->mem && !xsctp_streams_flat(t))
		for (l = 0; l < leaves(t); l++)
			kfree(((void **)t->mem)[l]);
	kfree(t->mem);
	t->mem = NULL;
	t->n = 0;
}
