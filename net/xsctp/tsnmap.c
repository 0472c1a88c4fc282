// SPDX-License-Identifier: GPL-2.0
/* The data receiver's TSN map: Cumulative TSN Ack, gaps and duplicates. */
#include <net/xsctp/tsnmap.h>

#define WORD_BITS	XSCTP_TSNMAP_WORD_BITS

static u32 bit_index(const struct xsctp_tsnmap *map, u32 tsn)
{
	return tsn & (map->size - 1);
}

/* @n bits from bit @shift up; 1 <= n <= WORD_BITS - shift. */
static unsigned long span_mask(unsigned int shift, unsigned int n)
{
	unsigned long m = n < WORD_BITS ? (1UL << n) - 1 : ~0UL;

	return m << shift;
}

static bool tsn_received(const struct xsctp_tsnmap *map, u32 tsn)
{
	u32 idx = bit_index(map, tsn);

	return (map->bits[idx / WORD_BITS] >> (idx % WORD_BITS)) & 1;
}

static void clear_tsns(struct xsctp_tsnmap *map, u32 tsn, u32 count)
{
	while (count) {
		u32 idx = bit_index(map, tsn);
		unsigned int shift = idx % WORD_BITS;
		u32 n = WORD_BITS - shift;

		if (n > count)
			n = count;
		map->bits[idx / WORD_BITS] &= ~span_mask(shift, n);
		tsn += n;
		count -= n;
	}
}

/*
 * Move the ack point over the TSNs received just above it, a word at a
 * time, clearing their bits so the ring slots serve TSNs one window
 * further on.  Each bit is cleared once, so this is O(1) per TSN amortised.
 * It stops at the first hole at the latest at max_tsn, as no bit above it
 * is set (and cum_tsn's own bit is always clear, so it cannot run around).
 */
static void advance_cum(struct xsctp_tsnmap *map)
{
	for (;;) {
		u32 idx = bit_index(map, map->cum_tsn + 1);
		unsigned int shift = idx % WORD_BITS;
		unsigned long *word = &map->bits[idx / WORD_BITS];
		unsigned long holes = ~(*word >> shift);
		unsigned int n = holes ? (unsigned int)__builtin_ctzl(holes) :
					 WORD_BITS;

		if (!n)
			return;
		*word &= ~span_mask(shift, n);
		map->cum_tsn += n;
		if (n < WORD_BITS - shift)
			return;
	}
}

/**
 * xsctp_tsnmap_init() - start an empty map for a peer's TSN sequence
 * @map: the map
 * @bits: caller-allocated ring of XSCTP_TSNMAP_WORDS(@size) words
 * @size: window in TSNs, a power of two in [MIN_BITS, MAX_BITS]
 * @initial_tsn: the Initial TSN from the peer's INIT or INIT ACK
 *
 * Nothing is received yet, so the ack point is the TSN just before the
 * peer's first one (RFC 9260 s3.3.2, s6.2).  The map accepts TSNs up to
 * @size - 1 above the ack point.
 *
 * Return: 0, or -EINVAL for a bad @size.
 */
int xsctp_tsnmap_init(struct xsctp_tsnmap *map, unsigned long *bits,
		      u32 size, u32 initial_tsn)
{
	if (size < XSCTP_TSNMAP_MIN_BITS || size > XSCTP_TSNMAP_MAX_BITS ||
	    (size & (size - 1)))
		return -EINVAL;
	memset(map, 0, sizeof(*map));
	memset(bits, 0, XSCTP_TSNMAP_WORDS(size) * sizeof(*bits));
	map->bits = bits;
	map->size = size;
	map->cum_tsn = initial_tsn - 1;
	map->max_tsn = map->cum_tsn;
	return 0;
}

/**
 * xsctp_tsnmap_check() - classify an arriving DATA chunk's TSN
 * @map: the map
 * @tsn: its TSN
 *
 * Return: 0 if new, 1 if already received (at or below the ack point in
 * serial order, RFC 9260 s1.6, or marked above it): a duplicate to report
 * (s6.2), -ERANGE if beyond the window; the caller drops such a chunk
 * without acking it, as when out of receive buffer (s6.2).
 */
int xsctp_tsnmap_check(const struct xsctp_tsnmap *map, u32 tsn)
{
	if (xsctp_tsn_lte(tsn, map->cum_tsn))
		return 1;
	if (tsn - map->cum_tsn >= map->size)
		return -ERANGE;
	return tsn_received(map, tsn);
}

/**
 * xsctp_tsnmap_mark() - record a TSN as received
 * @map: the map
 * @tsn: the TSN of a DATA chunk the receiver accepted
 *
 * Moves the ack point over every TSN now received in sequence.
 * Duplicates are not recorded here: see xsctp_tsnmap_add_dup().
 *
 * Return: as xsctp_tsnmap_check(); only on 0 did the map change.
 */
int xsctp_tsnmap_mark(struct xsctp_tsnmap *map, u32 tsn)
{
	int ret = xsctp_tsnmap_check(map, tsn);
	u32 idx;

	if (ret)
		return ret;
	/* In-sequence arrival with no gaps pending: no bit to touch. */
	if (tsn == map->cum_tsn + 1 && map->max_tsn == map->cum_tsn) {
		map->cum_tsn = tsn;
		map->max_tsn = tsn;
		return 0;
	}
	idx = bit_index(map, tsn);
	map->bits[idx / WORD_BITS] |= 1UL << (idx % WORD_BITS);
	map->max_tsn = xsctp_tsn_max(map->max_tsn, tsn);
	if (tsn == map->cum_tsn + 1)
		advance_cum(map);
	return 0;
}

/**
 * xsctp_tsnmap_add_dup() - note a duplicate TSN for the next SACK
 * @map: the map
 * @tsn: the TSN, once per duplicate received (RFC 9260 s3.3.4)
 */
void xsctp_tsnmap_add_dup(struct xsctp_tsnmap *map, u32 tsn)
{
	if (map->ndups < XSCTP_TSNMAP_MAX_DUPS)
		map->dups[map->ndups++] = tsn;
	else
		map->dups_dropped++;
}

/**
 * xsctp_tsnmap_sack_sent() - forget the duplicates just reported
 * @map: the map
 *
 * RFC 9260 s3.3.4: the duplicate list restarts after each SACK sent.
 */
void xsctp_tsnmap_sack_sent(struct xsctp_tsnmap *map)
{
	map->ndups = 0;
	map->dups_dropped = 0;
}

/* First offset in [@off, @end) whose received bit equals @set, else @end. */
static u32 find_offset(const struct xsctp_tsnmap *map, u32 off, u32 end,
		       bool set)
{
	while (off < end) {
		u32 idx = bit_index(map, map->cum_tsn + off);
		unsigned int shift = idx % WORD_BITS;
		unsigned long word = map->bits[idx / WORD_BITS];

		if (!set)
			word = ~word;
		word >>= shift;
		if (word) {
			off += __builtin_ctzl(word);
			return off < end ? off : end;
		}
		off += WORD_BITS - shift;
	}
	return end;
}

/**
 * xsctp_tsnmap_gaps() - build the Gap Ack Blocks for a SACK
 * @map: the map
 * @blocks: filled with up to @max_blocks blocks
 * @max_blocks: how many fit in the SACK within the PMTU
 *
 * RFC 9260 s3.3.4 (with erratum 5202): blocks ascend, do not overlap and are
 * separated by at least one missing TSN, offsets relative to the Cumulative
 * TSN Ack.  s6.2: report as many as fit; the lowest ones are kept, as they
 * are what the sender retransmits first.  O(window / BITS_PER_LONG).
 *
 * Return: the number of blocks written.
 */
unsigned int xsctp_tsnmap_gaps(const struct xsctp_tsnmap *map,
			       struct xsctp_gap_block *blocks,
			       unsigned int max_blocks)
{
	u32 end = map->max_tsn - map->cum_tsn + 1;
	unsigned int n = 0;
	u32 off = 1;

	while (n < max_blocks) {
		u32 start = find_offset(map, off, end, true);

		if (start == end)
			break;
		off = find_offset(map, start, end, false);
		blocks[n].start = start;
		blocks[n].end = off - 1;
		n++;
	}
	return n;
}

/**
 * xsctp_tsnmap_skip() - move the ack point for a FORWARD TSN
 * @map: the map
 * @new_cum_tsn: the New Cumulative TSN of the chunk
 *
 * RFC 3758 s3.6: the receiver treats every TSN up to @new_cum_tsn as
 * received, then goes on over TSNs already received above it.  Any jump
 * forward is accepted, also beyond the window: a policy on how far the
 * peer may skip belongs to the caller.  Costs O(1 + skipped / BITS_PER_LONG).
 *
 * Return: 0 if the ack point moved, 1 if @new_cum_tsn is at or behind it:
 * the chunk is out of date and MUST NOT update the ack point (s3.6); the
 * caller SHOULD then send a SACK.
 */
int xsctp_tsnmap_skip(struct xsctp_tsnmap *map, u32 new_cum_tsn)
{
	u32 last;

	if (xsctp_tsn_lte(new_cum_tsn, map->cum_tsn))
		return 1;
	/* Only TSNs up to max_tsn can have a bit set. */
	last = xsctp_tsn_lt(new_cum_tsn, map->max_tsn) ? new_cum_tsn :
							 map->max_tsn;
	clear_tsns(map, map->cum_tsn + 1, last - map->cum_tsn);
	map->cum_tsn = new_cum_tsn;
	map->max_tsn = xsctp_tsn_max(map->max_tsn, new_cum_tsn);
	advance_cum(map);
	return 0;
}
