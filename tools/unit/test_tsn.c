// SPDX-License-Identifier: GPL-2.0
/* Serial number arithmetic (RFC 9260 s1.6, RFC 1982) on TSNs and SSNs. */
#include <net/xsctp/tsn.h>
#include "unit.h"

/* Reference: a < b iff (b - a) mod 2^32 lies in [1, 2^31] (half-way: <). */
static int ref_lt32(u32 a, u32 b)
{
	u64 d = ((u64)b + (1ULL << 32) - a) & 0xffffffffULL;

	return d >= 1 && d <= (1ULL << 31);
}

static int ref_lt16(u16 a, u16 b)
{
	unsigned int d = ((unsigned int)b + 65536 - a) & 0xffff;

	return d >= 1 && d <= 32768;
}

static u64 rng_state = 0x9e3779b97f4a7c15ULL;

static u64 rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

UNIT(tsn_basic)
{
	UNIT_CHECK(xsctp_tsn_lt(1, 2));
	UNIT_CHECK(!xsctp_tsn_lt(2, 2));
	UNIT_CHECK(xsctp_tsn_lte(2, 2));
	UNIT_CHECK(xsctp_tsn_gte(2, 2));
	UNIT_CHECK(!xsctp_tsn_gt(2, 2));
	UNIT_CHECK(xsctp_tsn_gt(3, 2));
	UNIT_CHECK(!xsctp_tsn_gt(2, 3));
}

/* RFC 1982 s3.2 style: ordering is preserved across 2^32. */
UNIT(tsn_wrap)
{
	UNIT_CHECK(xsctp_tsn_lt(0xffffffffU, 0));
	UNIT_CHECK(xsctp_tsn_gt(0, 0xffffffffU));
	UNIT_CHECK(xsctp_tsn_lt(0xfffffff0U, 0x10));
	UNIT_CHECK(xsctp_tsn_gt(0x10, 0xfffffff0U));
	UNIT_CHECK(xsctp_tsn_lt(0, 0x7fffffffU));
	UNIT_CHECK(xsctp_tsn_gt(0, 0x80000001U));
	UNIT_CHECK_EQ(xsctp_tsn_max(0xfffffffeU, 3), 3);
	UNIT_CHECK_EQ(xsctp_tsn_max(3, 0xfffffffeU), 3);
	UNIT_CHECK_EQ(xsctp_tsn_max(7, 7), 7);
}

/* The undefined half-way distance still obeys lt == !gte, gt == !lte. */
UNIT(tsn_halfway)
{
	u32 a = 5, b = 5 + 0x80000000U;

	UNIT_CHECK(xsctp_tsn_lt(a, b));
	UNIT_CHECK(xsctp_tsn_lt(b, a));
	UNIT_CHECK(!xsctp_tsn_gte(a, b));
	UNIT_CHECK(!xsctp_tsn_gt(a, b));
	UNIT_CHECK(xsctp_tsn_lte(a, b));
}

UNIT(tsn_random_vs_reference)
{
	int i;

	for (i = 0; i < 1000000; i++) {
		u32 a = (u32)rng(), b;

		switch (i & 3) {
		case 0:
			b = (u32)rng();
			break;
		case 1:
			b = a + (u32)(rng() % 64) - 32;
			break;
		default:
			b = a + 0x80000000U + (u32)(rng() % 8) - 4;
			break;
		}
		UNIT_CHECK_EQ(xsctp_tsn_lt(a, b), ref_lt32(a, b));
		UNIT_CHECK_EQ(xsctp_tsn_gt(a, b), ref_lt32(b, a) && a - b !=
			      0x80000000U);
		UNIT_CHECK_EQ(xsctp_tsn_gte(a, b), !xsctp_tsn_lt(a, b));
		UNIT_CHECK_EQ(xsctp_tsn_lte(a, b), !xsctp_tsn_gt(a, b));
		UNIT_CHECK_EQ(xsctp_tsn_lt(a, b) + xsctp_tsn_gt(a, b) +
			      (a == b), 1);
	}
}

UNIT(ssn_wrap)
{
	UNIT_CHECK(xsctp_ssn_lt(0xffff, 0));
	UNIT_CHECK(xsctp_ssn_gt(0, 0xffff));
	UNIT_CHECK(xsctp_ssn_lt(65530, 5));
	UNIT_CHECK(xsctp_ssn_lte(9, 9));
	UNIT_CHECK(xsctp_ssn_gte(9, 9));
	UNIT_CHECK(!xsctp_ssn_lt(9, 9));
	UNIT_CHECK(xsctp_ssn_lt(0, 32767));
	UNIT_CHECK(xsctp_ssn_gt(0, 32769));
	UNIT_CHECK(xsctp_ssn_lt(0, 32768));
	UNIT_CHECK(xsctp_ssn_lt(32768, 0));
}

/* Every a against every distance in a sparse but edge-heavy set. */
UNIT(ssn_exhaustive_a)
{
	static const int deltas[] = { 0, 1, 2, 127, 128, 255, 256, 32766,
				      32767, 32768, 32769, 32770, 65534,
				      65535 };
	unsigned int a, k;

	for (a = 0; a < 65536; a++) {
		for (k = 0; k < ARRAY_SIZE(deltas); k++) {
			u16 b = (u16)(a + deltas[k]);

			UNIT_CHECK_EQ(xsctp_ssn_lt((u16)a, b),
				      ref_lt16((u16)a, b));
			UNIT_CHECK_EQ(xsctp_ssn_gte((u16)a, b),
				      !ref_lt16((u16)a, b));
			UNIT_CHECK_EQ(xsctp_ssn_gt((u16)a, b),
				      ref_lt16(b, (u16)a) && deltas[k] != 32768);
			UNIT_CHECK_EQ(xsctp_ssn_lte((u16)a, b),
				      !xsctp_ssn_gt((u16)a, b));
		}
	}
}

UNIT_MAIN("xsctp_tsn",
	  UNIT_CASE(tsn_basic),
	  UNIT_CASE(tsn_wrap),
	  UNIT_CASE(tsn_halfway),
	  UNIT_CASE(tsn_random_vs_reference),
	  UNIT_CASE(ssn_wrap),
	  UNIT_CASE(ssn_exhaustive_a))
