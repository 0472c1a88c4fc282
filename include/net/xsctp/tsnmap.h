/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The data receiver's TSN map: what the next SACK reports (RFC 9260 s3.3.4,
 * s6.2): the Cumulative TSN Ack point, the TSNs received above it as Gap Ack
 * Blocks, and the duplicates seen since the last SACK.
 *
 * Not locked: the owner (the association) serialises all calls.
 */
#ifndef _XSCTP_TSNMAP_H
#define _XSCTP_TSNMAP_H

#include <net/xsctp/pure.h>
#include <net/xsctp/tsn.h>

#define XSCTP_TSNMAP_WORD_BITS		(8 * (unsigned int)sizeof(unsigned long))
/* Smallest and largest bitmap, in bits (TSNs); must be a power of two. */
#define XSCTP_TSNMAP_MIN_BITS		XSCTP_TSNMAP_WORD_BITS
#define XSCTP_TSNMAP_MAX_BITS		65536U
/* unsigned longs the caller allocates for a map of @bits TSNs */
#define XSCTP_TSNMAP_WORDS(bits)	((bits) / XSCTP_TSNMAP_WORD_BITS)

/*
 * Duplicates kept for one SACK.  The SACK must fit the PMTU together with
 * as many Gap Ack Blocks as possible (RFC 9260 s6.2), and the sender only
 * uses the list as a hint, so a small fixed array embedded in the map is
 * enough; further duplicates are only counted.
 */
#define XSCTP_TSNMAP_MAX_DUPS		16

/* A Gap Ack Block in host order: TSN offsets from the Cumulative TSN Ack. */
struct xsctp_gap_block {
	u16 start;
	u16 end;
};

/*
 * @bits is a ring indexed by TSN modulo @size that holds the TSNs
 * cum_tsn + 1 .. cum_tsn + size - 1; a bit is set iff that TSN has been
 * received.  The bit of cum_tsn itself is always clear.  Stopping one short
 * of @size keeps every gap offset within the 16-bit SACK field for a 64K map.
 */
struct xsctp_tsnmap {
	unsigned long *bits;	/* caller's buffer of XSCTP_TSNMAP_WORDS(size) */
	u32 size;		/* bitmap length in bits, a power of two */
	u32 cum_tsn;		/* Cumulative TSN Ack point */
	u32 max_tsn;		/* highest TSN received; cum_tsn if none above */
	u16 ndups;		/* entries used in dups[] */
	u32 dups_dropped;	/* duplicates beyond dups[] since the last SACK */
	u32 dups[XSCTP_TSNMAP_MAX_DUPS];
};

int xsctp_tsnmap_init(struct xsctp_tsnmap *map, unsigned long *bits,
		      u32 size, u32 initial_tsn);
int xsctp_tsnmap_check(const struct xsctp_tsnmap *map, u32 tsn);
int xsctp_tsnmap_mark(struct xsctp_tsnmap *map, u32 tsn);
void xsctp_tsnmap_add_dup(struct xsctp_tsnmap *map, u32 tsn);
void xsctp_tsnmap_sack_sent(struct xsctp_tsnmap *map);
unsigned int xsctp_tsnmap_gaps(const struct xsctp_tsnmap *map,
			       struct xsctp_gap_block *blocks,
			       unsigned int max_blocks);
int xsctp_tsnmap_skip(struct xsctp_tsnmap *map, u32 new_cum_tsn);

static inline u32 xsctp_tsnmap_cum_tsn(const struct xsctp_tsnmap *map)
{
	return map->cum_tsn;
}

/* Highest TSN received so far (the Cumulative TSN Ack if no gaps). */
static inline u32 xsctp_tsnmap_max_tsn(const struct xsctp_tsnmap *map)
{
	return map->max_tsn;
}

/* RFC 9260 s6.7: a SACK sent while this holds carries Gap Ack Blocks. */
static inline bool xsctp_tsnmap_has_gaps(const struct xsctp_tsnmap *map)
{
	return map->max_tsn != map->cum_tsn;
}

/* Duplicates for the next SACK; *n gets how many (at most MAX_DUPS). */
static inline const u32 *xsctp_tsnmap_dups(const struct xsctp_tsnmap *map,
					   unsigned int *n)
{
	*n = map->ndups;
	return map->dups;
}

#endif /* _XSCTP_TSNMAP_H */
