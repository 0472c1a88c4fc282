/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Serial number arithmetic (RFC 1982) as RFC 9260 s1.6 applies it: TSNs use
 * SERIAL_BITS = 32 and SSNs SERIAL_BITS = 16.  I-DATA's MID and FSN
 * (RFC 8260) are 32-bit serials too and use the xsctp_tsn_*() helpers.
 *
 * a < b iff the distance from a forward to b is below 2^(SERIAL_BITS-1).
 * RFC 1982 leaves the exact half-way distance undefined; here it compares
 * as "less" from both sides.  Each pair still obeys lt == !gte and
 * gt == !lte, which is all the callers rely on: they never compare numbers
 * that far apart (the TSN map keeps a window of at most 64K).
 */
#ifndef _XSCTP_TSN_H
#define _XSCTP_TSN_H

#include <net/xsctp/pure.h>

static inline bool xsctp_tsn_lt(u32 a, u32 b)
{
	return (s32)(a - b) < 0;
}

static inline bool xsctp_tsn_lte(u32 a, u32 b)
{
	return (s32)(a - b) <= 0;
}

static inline bool xsctp_tsn_gt(u32 a, u32 b)
{
	return (s32)(a - b) > 0;
}

static inline bool xsctp_tsn_gte(u32 a, u32 b)
{
	return (s32)(a - b) >= 0;
}

/* Later of two TSNs in serial order (for "highest TSN received"). */
static inline u32 xsctp_tsn_max(u32 a, u32 b)
{
	return xsctp_tsn_gt(a, b) ? a : b;
}

/*
 * Shifting the 16-bit difference into the top half makes bit 15 the sign
 * bit of an s32, so the same sign test as for TSNs applies.
 */
static inline s32 xsctp_ssn_diff(u16 a, u16 b)
{
	return (s32)((u32)(u16)(a - b) << 16);
}

static inline bool xsctp_ssn_lt(u16 a, u16 b)
{
	return xsctp_ssn_diff(a, b) < 0;
}

static inline bool xsctp_ssn_lte(u16 a, u16 b)
{
	return xsctp_ssn_diff(a, b) <= 0;
}

static inline bool xsctp_ssn_gt(u16 a, u16 b)
{
	return xsctp_ssn_diff(a, b) > 0;
}

static inline bool xsctp_ssn_gte(u16 a, u16 b)
{
	return xsctp_ssn_diff(a, b) >= 0;
}

#endif /* _XSCTP_TSN_H */
