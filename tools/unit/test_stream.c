// SPDX-License-Identifier: GPL-2.0
/* The per-stream state tables: flat and leafy, lazy and filled. */
#include <net/xsctp/stream.h>
#include "unit.h"

struct in8 {
	unsigned int wait;
	unsigned short ssn;
};

UNIT(small_is_one_array)
{
	struct xsctp_streams t;
	u32 i;

	UNIT_CHECK_EQ(xsctp_streams_init(&t, 10, sizeof(u16), GFP_KERNEL), 0);
	UNIT_CHECK(xsctp_streams_flat(&t));
	for (i = 0; i < 10; i++) {
		UNIT_CHECK(xsctp_streams_at(&t, i));
		UNIT_CHECK_EQ(*(u16 *)xsctp_streams_at(&t, i), 0);
		*(u16 *)xsctp_streams_at(&t, i) = (u16)(i + 1);
	}
	UNIT_CHECK(!xsctp_streams_at(&t, 10));
	UNIT_CHECK(!xsctp_streams_get(&t, 10, GFP_KERNEL));
	UNIT_CHECK_EQ(*(u16 *)xsctp_streams_get(&t, 9, GFP_KERNEL), 10);
	xsctp_streams_free(&t);
	UNIT_CHECK(!t.mem);
}

/* The last flat size and the first leafy one, for 8-byte entries. */
UNIT(leaf_boundary)
{
	struct xsctp_streams t;

	UNIT_CHECK_EQ(xsctp_streams_init(&t, 512, 8, GFP_KERNEL), 0);
	UNIT_CHECK(xsctp_streams_flat(&t));
	UNIT_CHECK(xsctp_streams_at(&t, 511));
	xsctp_streams_free(&t);
	UNIT_CHECK_EQ(xsctp_streams_init(&t, 513, 8, GFP_KERNEL), 0);
	UNIT_CHECK(!xsctp_streams_flat(&t));
	UNIT_CHECK(!xsctp_streams_at(&t, 0));
	UNIT_CHECK(!xsctp_streams_at(&t, 512));
	UNIT_CHECK(xsctp_streams_get(&t, 512, GFP_KERNEL));
	UNIT_CHECK(!xsctp_streams_at(&t, 511));
	UNIT_CHECK(xsctp_streams_at(&t, 512));
	UNIT_CHECK(!xsctp_streams_get(&t, 513, GFP_KERNEL));
	xsctp_streams_free(&t);
}

/* 65535 streams: each leaf appears on first use, entries stay apart. */
UNIT(lazy_leaves_65535)
{
	static const u32 ids[] = { 0, 1, 511, 512, 4095, 40000, 65534 };
	struct xsctp_streams t;
	struct in8 *e;
	u32 i;

	UNIT_CHECK_EQ(xsctp_streams_init(&t, 65535, sizeof(*e), GFP_ATOMIC),
		      0);
	for (i = 0; i < ARRAY_SIZE(ids); i++)
		UNIT_CHECK(!xsctp_streams_at(&t, ids[i]));
	for (i = 0; i < ARRAY_SIZE(ids); i++) {
		e = xsctp_streams_get(&t, ids[i], GFP_ATOMIC);
		UNIT_CHECK(e);
		UNIT_CHECK_EQ(e->ssn, 0);
		UNIT_CHECK_EQ(e->wait, 0);
		e->ssn = (u16)ids[i];
		e->wait = ids[i] + 7;
	}
	for (i = 0; i < ARRAY_SIZE(ids); i++) {
		e = xsctp_streams_at(&t, ids[i]);
		UNIT_CHECK(e);
		UNIT_CHECK_EQ(e->ssn, (u16)ids[i]);
		UNIT_CHECK_EQ(e->wait, ids[i] + 7);
	}
	/* in a used leaf, an untouched entry reads zero */
	e = xsctp_streams_at(&t, 2);
	UNIT_CHECK(e && !e->ssn && !e->wait);
	UNIT_CHECK(!xsctp_streams_at(&t, 20000));
	UNIT_CHECK(!xsctp_streams_at(&t, 65535));
	xsctp_streams_free(&t);
}

UNIT(fill_makes_every_entry)
{
	struct xsctp_streams t;
	u32 i;

	UNIT_CHECK_EQ(xsctp_streams_init(&t, 65535, sizeof(u16), GFP_KERNEL),
		      0);
	UNIT_CHECK_EQ(xsctp_streams_fill(&t, GFP_KERNEL), 0);
	for (i = 0; i < 65535; i++) {
		UNIT_CHECK(xsctp_streams_at(&t, i));
		*(u16 *)xsctp_streams_at(&t, i) = (u16)i;
	}
	for (i = 0; i < 65535; i++)
		UNIT_CHECK_EQ(*(u16 *)xsctp_streams_at(&t, i), i);
	xsctp_streams_free(&t);
}

UNIT(no_memory)
{
	struct xsctp_streams t;

	pure_user_alloc_fail = 1;
	UNIT_CHECK_EQ(xsctp_streams_init(&t, 10, 2, GFP_ATOMIC), -ENOMEM);
	pure_user_alloc_fail = 0;
	UNIT_CHECK_EQ(xsctp_streams_init(&t, 2000, 8, GFP_ATOMIC), 0);
	pure_user_alloc_fail = 1;
	UNIT_CHECK(!xsctp_streams_get(&t, 1500, GFP_ATOMIC));
	UNIT_CHECK_EQ(xsctp_streams_fill(&t, GFP_ATOMIC), -ENOMEM);
	pure_user_alloc_fail = 0;
	UNIT_CHECK(xsctp_streams_get(&t, 1500, GFP_ATOMIC));
	UNIT_CHECK_EQ(xsctp_streams_fill(&t, GFP_ATOMIC), 0);
	xsctp_streams_free(&t);
}

UNIT(bad_entry_size)
{
	struct xsctp_streams t;

	UNIT_CHECK_EQ(xsctp_streams_init(&t, 10, 0, GFP_KERNEL), -EINVAL);
	UNIT_CHECK_EQ(xsctp_streams_init(&t, 10, 6, GFP_KERNEL), -EINVAL);
	UNIT_CHECK_EQ(xsctp_streams_init(&t, 10, 8192, GFP_KERNEL), -EINVAL);
}

UNIT_MAIN("xsctp_stream",
	  UNIT_CASE(small_is_one_array),
	  UNIT_CASE(leaf_boundary),
	  UNIT_CASE(lazy_leaves_65535),
	  UNIT_CASE(fill_makes_every_entry),
	  UNIT_CASE(no_memory),
	  UNIT_CASE(bad_entry_size))
