// SPDX-License-Identifier: GPL-2.0
/* The receiver's TSN map against RFC 9260 s3.3.4/s6.2 and a naive model. */
#include <net/xsctp/tsnmap.h>
#include "unit.h"

#define BIG	XSCTP_TSNMAP_MAX_BITS

static unsigned long ring[XSCTP_TSNMAP_WORDS(BIG)];
static struct xsctp_tsnmap map;
static struct xsctp_gap_block gb[BIG / 2];

static u64 rng_state = 0x2545f4914f6cdd1dULL;

static u64 rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

UNIT(init_sizes)
{
	UNIT_CHECK_EQ(xsctp_tsnmap_init(&map, ring, 0, 1), -EINVAL);
	UNIT_CHECK_EQ(xsctp_tsnmap_init(&map, ring, 32, 1), -EINVAL);
	UNIT_CHECK_EQ(xsctp_tsnmap_init(&map, ring, 4095, 1), -EINVAL);
	UNIT_CHECK_EQ(xsctp_tsnmap_init(&map, ring, 2 * BIG, 1), -EINVAL);
	UNIT_CHECK_EQ(xsctp_tsnmap_init(&map, ring, 64, 1), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_init(&map, ring, BIG, 1), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), 0);
	UNIT_CHECK(!xsctp_tsnmap_has_gaps(&map));
}

UNIT(in_order)
{
	u32 t;

	xsctp_tsnmap_init(&map, ring, 4096, 100);
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), 99);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, 99), 1);
	for (t = 100; t < 10100; t++) {
		UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, t), 0);
		UNIT_CHECK_EQ(xsctp_tsnmap_mark(&map, t), 0);
		UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), t);
		UNIT_CHECK(!xsctp_tsnmap_has_gaps(&map));
		UNIT_CHECK_EQ(xsctp_tsnmap_mark(&map, t), 1);
	}
	UNIT_CHECK_EQ(xsctp_tsnmap_gaps(&map, gb, 10), 0);
}

/* The RFC 9260 s3.3.4 example: cum 12, received 14-15 and 17. */
UNIT(rfc_example_gaps)
{
	xsctp_tsnmap_init(&map, ring, 64, 12);
	xsctp_tsnmap_mark(&map, 12);
	xsctp_tsnmap_mark(&map, 17);
	xsctp_tsnmap_mark(&map, 14);
	xsctp_tsnmap_mark(&map, 15);
	UNIT_CHECK(xsctp_tsnmap_has_gaps(&map));
	UNIT_CHECK_EQ(xsctp_tsnmap_max_tsn(&map), 17);
	UNIT_CHECK_EQ(xsctp_tsnmap_gaps(&map, gb, 10), 2);
	UNIT_CHECK_EQ(gb[0].start, 2);
	UNIT_CHECK_EQ(gb[0].end, 3);
	UNIT_CHECK_EQ(gb[1].start, 5);
	UNIT_CHECK_EQ(gb[1].end, 5);
	/* Bounded by the caller: the lowest blocks are kept. */
	UNIT_CHECK_EQ(xsctp_tsnmap_gaps(&map, gb, 1), 1);
	UNIT_CHECK_EQ(gb[0].start, 2);
	UNIT_CHECK_EQ(xsctp_tsnmap_gaps(&map, gb, 0), 0);
	/* Filling 13 takes the ack point over 14-15, not past the hole. */
	UNIT_CHECK_EQ(xsctp_tsnmap_mark(&map, 13), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), 15);
	UNIT_CHECK_EQ(xsctp_tsnmap_gaps(&map, gb, 10), 1);
	UNIT_CHECK_EQ(gb[0].start, 2);
	UNIT_CHECK_EQ(gb[0].end, 2);
	xsctp_tsnmap_mark(&map, 16);
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), 17);
	UNIT_CHECK(!xsctp_tsnmap_has_gaps(&map));
}

UNIT(window_edges)
{
	u32 c;

	xsctp_tsnmap_init(&map, ring, 4096, 1000);
	c = xsctp_tsnmap_cum_tsn(&map);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, c + 4095), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, c + 4096), -ERANGE);
	UNIT_CHECK_EQ(xsctp_tsnmap_mark(&map, c + 4096), -ERANGE);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, c + 0x7fffffffU), -ERANGE);
	/* Half the sequence space or more ahead is behind (RFC 1982). */
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, c + 0x80000000U), 1);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, c - 1), 1);
	UNIT_CHECK_EQ(xsctp_tsnmap_mark(&map, c + 4095), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_gaps(&map, gb, 4), 1);
	UNIT_CHECK_EQ(gb[0].start, 4095);
	UNIT_CHECK_EQ(gb[0].end, 4095);
	UNIT_CHECK_EQ(xsctp_tsnmap_mark(&map, c + 1), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, c + 4096), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, c + 4097), -ERANGE);
}

/* 65535 offsets fit the 16-bit SACK fields of a 64K map. */
UNIT(full_window_64k)
{
	u32 c, t;

	xsctp_tsnmap_init(&map, ring, BIG, 0xffff0000U);
	c = xsctp_tsnmap_cum_tsn(&map);
	for (t = 2; t < BIG; t += 2)
		UNIT_CHECK_EQ(xsctp_tsnmap_mark(&map, c + t), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_mark(&map, c + BIG - 1), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_gaps(&map, gb, BIG / 2), BIG / 2 - 1);
	UNIT_CHECK_EQ(gb[0].start, 2);
	UNIT_CHECK_EQ(gb[BIG / 2 - 2].start, BIG - 2);
	UNIT_CHECK_EQ(gb[BIG / 2 - 2].end, BIG - 1);
	for (t = 1; t < BIG - 1; t += 2)
		UNIT_CHECK_EQ(xsctp_tsnmap_mark(&map, c + t), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), c + BIG - 1);
	UNIT_CHECK(!xsctp_tsnmap_has_gaps(&map));
	/* Every slot was recycled: the ring is clean for the next window. */
	UNIT_CHECK_EQ(xsctp_tsnmap_gaps(&map, gb, 4), 0);
	for (t = 1; t < BIG; t++)
		UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, c + BIG - 1 + t), 0);
}

UNIT(duplicates)
{
	unsigned int n, i;
	const u32 *d;

	xsctp_tsnmap_init(&map, ring, 64, 1);
	xsctp_tsnmap_mark(&map, 1);
	xsctp_tsnmap_mark(&map, 3);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, 1), 1);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, 3), 1);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, 2), 0);
	d = xsctp_tsnmap_dups(&map, &n);
	UNIT_CHECK_EQ(n, 0);
	/* Each receipt is listed, also a TSN seen twice (s3.3.4). */
	for (i = 0; i < XSCTP_TSNMAP_MAX_DUPS + 5; i++)
		xsctp_tsnmap_add_dup(&map, i & 1 ? 3 : 1);
	d = xsctp_tsnmap_dups(&map, &n);
	UNIT_CHECK_EQ(n, XSCTP_TSNMAP_MAX_DUPS);
	UNIT_CHECK_EQ(map.dups_dropped, 5);
	UNIT_CHECK_EQ(d[0], 1);
	UNIT_CHECK_EQ(d[1], 3);
	UNIT_CHECK_EQ(d[XSCTP_TSNMAP_MAX_DUPS - 1], 3);
	xsctp_tsnmap_sack_sent(&map);
	xsctp_tsnmap_dups(&map, &n);
	UNIT_CHECK_EQ(n, 0);
	UNIT_CHECK_EQ(map.dups_dropped, 0);
}

/* Initial TSN just below 2^32, over 70000 TSNs, in and out of order. */
UNIT(wrap_70000)
{
	u32 init = 0xfffffff0U, i, k;

	xsctp_tsnmap_init(&map, ring, 4096, init);
	for (i = 0; i < 70000; i += 8) {
		/* Each group of 8 arrives as 7,5,3,1,6,4,2,0. */
		for (k = 0; k < 8; k++) {
			u32 off = k < 4 ? 7 - 2 * k : 6 - 2 * (k - 4);

			UNIT_CHECK_EQ(xsctp_tsnmap_mark(&map, init + i + off), 0);
		}
		UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), init + i + 7);
		UNIT_CHECK(!xsctp_tsnmap_has_gaps(&map));
	}
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), init + 70000 - 1);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, init + 5), 1);
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, 3), 1);
}

/* A gap held open across the wrap of 2^32 and of the ring. */
UNIT(wrap_gap_across_zero)
{
	u32 init = 0xfffffff0U, c, t;

	xsctp_tsnmap_init(&map, ring, 64, init);
	c = xsctp_tsnmap_cum_tsn(&map);
	for (t = 2; t < 64; t++)
		xsctp_tsnmap_mark(&map, c + t);
	UNIT_CHECK_EQ(xsctp_tsnmap_max_tsn(&map), c + 63);
	UNIT_CHECK_EQ(xsctp_tsnmap_gaps(&map, gb, 4), 1);
	UNIT_CHECK_EQ(gb[0].start, 2);
	UNIT_CHECK_EQ(gb[0].end, 63);
	xsctp_tsnmap_mark(&map, c + 1);
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), c + 63);
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), 0x2e);
}

/* RFC 3758 s3.6: FORWARD TSN processing. */
UNIT(skip)
{
	u32 c;

	xsctp_tsnmap_init(&map, ring, 64, 0xfffffffeU);
	c = xsctp_tsnmap_cum_tsn(&map);
	UNIT_CHECK_EQ(xsctp_tsnmap_skip(&map, c), 1);
	UNIT_CHECK_EQ(xsctp_tsnmap_skip(&map, c - 5), 1);
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), c);
	xsctp_tsnmap_mark(&map, c + 3);
	xsctp_tsnmap_mark(&map, c + 5);
	xsctp_tsnmap_mark(&map, c + 6);
	xsctp_tsnmap_mark(&map, c + 9);
	/* Skip to just before 5: goes on over 5 and 6 already received. */
	UNIT_CHECK_EQ(xsctp_tsnmap_skip(&map, c + 4), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), c + 6);
	UNIT_CHECK_EQ(xsctp_tsnmap_gaps(&map, gb, 4), 1);
	UNIT_CHECK_EQ(gb[0].start, 3);
	UNIT_CHECK_EQ(gb[0].end, 3);
	/* Skip past everything and beyond the window. */
	UNIT_CHECK_EQ(xsctp_tsnmap_skip(&map, c + 1000), 0);
	UNIT_CHECK_EQ(xsctp_tsnmap_cum_tsn(&map), c + 1000);
	UNIT_CHECK(!xsctp_tsnmap_has_gaps(&map));
	UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, c + 9), 1);
	/* The ring was cleaned: old slots read as new TSNs. */
	for (c = c + 1001; c != xsctp_tsnmap_cum_tsn(&map) + 64; c++)
		UNIT_CHECK_EQ(xsctp_tsnmap_check(&map, c), 0);
}

/*
 * A brute-force model: one byte per TSN over the unwrapped TSN space,
 * recv[i - origin] for TSN number i; compacted as the ack point moves on.
 */
struct model {
	u8 *recv;
	u64 cap;
	u64 origin;
	u64 cum;		/* unwrapped Cumulative TSN Ack */
	u32 base;		/* 32-bit TSN of number 0 */
	u32 size;
};

static void model_compact(struct model *m)
{
	u64 drop = m->cum - m->origin;

	if (drop < (1 << 20))
		return;
	memmove(m->recv, m->recv + drop, m->cap - drop);
	memset(m->recv + m->cap - drop, 0, drop);
	m->origin += drop;
}

static u8 *model_at(struct model *m, u64 i)
{
	i -= m->origin;
	if (i >= m->cap) {
		u64 ncap = m->cap ? m->cap : 1 << 16;

		while (ncap <= i)
			ncap *= 2;
		m->recv = realloc(m->recv, ncap);
		memset(m->recv + m->cap, 0, ncap - m->cap);
		m->cap = ncap;
	}
	return &m->recv[i];
}

static int model_check(struct model *m, u32 tsn)
{
	u32 d = tsn - (u32)(m->base + m->cum);

	if (d == 0 || d >= 0x80000000U)
		return 1;
	if (d >= m->size)
		return -ERANGE;
	return *model_at(m, m->cum + d);
}

static void model_advance(struct model *m)
{
	while (*model_at(m, m->cum + 1))
		m->cum++;
}

static int model_mark(struct model *m, u32 tsn)
{
	int r = model_check(m, tsn);

	if (r)
		return r;
	*model_at(m, m->cum + (tsn - (u32)(m->base + m->cum))) = 1;
	model_advance(m);
	return 0;
}

static int model_skip(struct model *m, u32 tsn)
{
	u32 d = tsn - (u32)(m->base + m->cum);

	if (d == 0 || d >= 0x80000000U)
		return 1;
	m->cum += d;
	model_advance(m);
	return 0;
}

static unsigned int model_gaps(struct model *m, struct xsctp_gap_block *b,
			       unsigned int max, u32 *max_off)
{
	unsigned int n = 0;
	u32 off;

	*max_off = 0;
	for (off = 1; off < m->size; off++) {
		if (!*model_at(m, m->cum + off))
			continue;
		*max_off = off;
		if (n && b[n - 1].end == off - 1) {
			b[n - 1].end = off;
		} else if (n < max) {
			b[n].start = off;
			b[n].end = off;
			n++;
		}
	}
	return n;
}

/* Pick a TSN around the window, with a tail of far and behind values. */
static u32 pick_tsn(struct model *m)
{
	u32 cum = m->base + (u32)m->cum;
	u64 r = rng() % 100;

	if (r < 80)
		return cum + 1 + (u32)(rng() % (m->size + m->size / 8));
	if (r < 90)
		return cum - (u32)(rng() % 16);
	if (r < 95)
		return cum + 0x80000000U + (u32)(rng() % 16) - 8;
	return (u32)rng();
}

static int random_ops(struct model *m, u32 size, u32 init,
		      unsigned int ops, int gap_every)
{
	struct xsctp_gap_block mb[128];
	unsigned int i, n, k, maxb;
	u32 max_off, tsn;
	int r;

	xsctp_tsnmap_init(&map, ring, size, init);
	for (i = 0; i < ops; i++) {
		tsn = pick_tsn(m);
		switch (rng() % 16) {
		case 0:
			r = xsctp_tsnmap_check(&map, tsn);
			if (r != model_check(m, tsn))
				return 1;
			break;
		case 1:
			/*
			 * Mostly short skips, as a PR-SCTP sender makes them,
			 * some past the window, some out of date.
			 */
			k = rng() % 4 ? 40 : 2 * size;
			if (rng() % 8)
				tsn = m->base + (u32)m->cum + (u32)(rng() % k);
			else if (tsn - (m->base + (u32)m->cum) < 0x80000000U)
				tsn = m->base + (u32)m->cum + 1;
			if (xsctp_tsnmap_skip(&map, tsn) != model_skip(m, tsn))
				return 2;
			break;
		default:
			if (xsctp_tsnmap_mark(&map, tsn) != model_mark(m, tsn))
				return 3;
		}
		if (xsctp_tsnmap_cum_tsn(&map) != (u32)(m->base + m->cum))
			return 4;
		model_compact(m);
		if (i % gap_every)
			continue;
		maxb = (unsigned int)(rng() % 128);
		n = model_gaps(m, mb, maxb, &max_off);
		if (xsctp_tsnmap_gaps(&map, gb, maxb) != n)
			return 5;
		for (k = 0; k < n; k++)
			if (gb[k].start != mb[k].start || gb[k].end != mb[k].end)
				return 6;
		if (xsctp_tsnmap_has_gaps(&map) != !!max_off)
			return 7;
		if (xsctp_tsnmap_max_tsn(&map) != (u32)(m->base + m->cum) + max_off)
			return 8;
	}
	return 0;
}

/* 10^6 random operations against the model, over several window sizes. */
static int random_run(u32 size, u32 init, unsigned int ops, int gap_every)
{
	struct model m = { .size = size, .base = init - 1 };
	int ret = random_ops(&m, size, init, ops, gap_every);

	free(m.recv);
	return ret;
}

UNIT(random_vs_model)
{
	UNIT_CHECK_EQ(random_run(64, 0xfffffff0U, 300000, 7), 0);
	UNIT_CHECK_EQ(random_run(128, 0x7ffffff0U, 200000, 7), 0);
	UNIT_CHECK_EQ(random_run(4096, 0xffffff00U, 400000, 97), 0);
	UNIT_CHECK_EQ(random_run(BIG, 0xfffe0000U, 100000, 997), 0);
}

UNIT_MAIN("xsctp_tsnmap",
	  UNIT_CASE(init_sizes),
	  UNIT_CASE(in_order),
	  UNIT_CASE(rfc_example_gaps),
	  UNIT_CASE(window_edges),
	  UNIT_CASE(full_window_64k),
	  UNIT_CASE(duplicates),
	  UNIT_CASE(wrap_70000),
	  UNIT_CASE(wrap_gap_across_zero),
	  UNIT_CASE(skip),
	  UNIT_CASE(random_vs_model))
