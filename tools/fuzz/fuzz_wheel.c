// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the timer wheel and the TSN map: the input is a
 * program of arm/cancel/advance/pop and mark/skip/gap operations, each
 * result checked against a brute-force model; a mismatch traps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <net/xsctp/wheel.h>
#include <net/xsctp/tsnmap.h>

#define NT		32
#define MAP_MAX		256
#define NOLIMIT		(~0U)

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "fuzz_wheel: %s:%d: %s\n",		\
			__FILE__, __LINE__, #c);			\
		__builtin_trap();					\
	}								\
} while (0)

enum { M_IDLE, M_ARMED, M_QUEUED };

struct input {
	const u8 *p;
	size_t left;
};

static u64 take(struct input *in, unsigned int bytes)
{
	u64 v = 0;

	while (bytes-- && in->left) {
		v = v << 8 | *in->p++;
		in->left--;
	}
	return v;
}

/* The wheel and its model: due tick and state per timer. */
static struct xsctp_wheel wheel;
static struct xsctp_wlist batch;
static struct xsctp_wtimer wt[NT];
static u64 due[NT];
static int mstate[NT];
static u64 mclk;

/* The TSN map and its model: received flags by offset from cum. */
static unsigned long ring[XSCTP_TSNMAP_WORDS(MAP_MAX)];
static struct xsctp_tsnmap map;
static u8 mrecv[MAP_MAX];
static u32 mcum, msize, mndups;

static unsigned int tid(const struct xsctp_wtimer *t)
{
	return (unsigned int)(t - wt);
}

static u64 pick_time(struct input *in)
{
	u64 back;

	switch (take(in, 1) & 7) {
	case 0:
		back = take(in, 1);
		return back < mclk ? mclk - back : 0;
	case 1:
	case 2:
		return mclk + take(in, 1);
	case 3:
	case 4:
		return mclk + take(in, 2);
	case 5:
		return mclk + take(in, 3);
	case 6:
		return mclk + take(in, 4);
	}
	/* Beyond the wheel's span: a few thousand turns at most. */
	return mclk + (take(in, 4) << 4);
}

static void do_arm(struct xsctp_wtimer *t, u64 expires)
{
	unsigned int i = tid(t);

	xsctp_wheel_arm(&wheel, t, expires);
	due[i] = expires < mclk ? mclk : expires;
	mstate[i] = M_ARMED;
}

static void do_cancel(unsigned int i)
{
	bool was = mstate[i] != M_IDLE;

	CHECK(xsctp_wheel_cancel(&wheel, &wt[i]) == was);
	CHECK(!xsctp_wtimer_pending(&wt[i]));
	mstate[i] = M_IDLE;
}

static void check_next_expiry(void)
{
	u64 ne = xsctp_wheel_next_expiry(&wheel), min_due = XSCTP_WHEEL_IDLE;
	unsigned int i;

	for (i = 0; i < NT; i++) {
		CHECK(xsctp_wtimer_pending(&wt[i]) == (mstate[i] != M_IDLE));
		if (mstate[i] == M_ARMED && due[i] < min_due)
			min_due = due[i];
	}
	CHECK(ne <= min_due);
	CHECK((ne == XSCTP_WHEEL_IDLE) == (min_due == XSCTP_WHEEL_IDLE));
	CHECK(min_due >= mclk);
}

/* Exactly the armed timers due by @now join the batch, in due order. */
static void do_advance(u64 now, unsigned int budget)
{
	unsigned int i, before = 0, want = 0, calls = 0, seen = 0;
	struct xsctp_wlist *pos;
	u64 last = 0;

	for (i = 0; i < NT; i++)
		want += mstate[i] == M_ARMED && due[i] <= now;
	for (pos = batch.next; pos != &batch; pos = pos->next)
		before++;
	do {
		CHECK(xsctp_wheel_advance(&wheel, now, &batch, budget) <=
		      budget);
		CHECK(++calls < (1U << 24));
	} while (xsctp_wheel_next_expiry(&wheel) <= now);
	if (mclk <= now)
		mclk = now + 1;
	for (pos = batch.next; pos != &batch; pos = pos->next) {
		struct xsctp_wtimer *t = container_of(pos, struct xsctp_wtimer,
						      link);

		if (seen++ < before)
			continue;
		i = tid(t);
		CHECK(mstate[i] == M_ARMED && due[i] <= now);
		CHECK(due[i] >= last);
		last = due[i];
		mstate[i] = M_QUEUED;
	}
	CHECK(seen - before == want);
}

static void do_pop(struct input *in)
{
	unsigned int n = take(in, 1) & 15;
	struct xsctp_wtimer *t;

	while (n-- && (t = xsctp_wheel_pop(&batch))) {
		unsigned int i = tid(t);
		u8 act = take(in, 1);

		CHECK(mstate[i] == M_QUEUED && !xsctp_wtimer_pending(t));
		mstate[i] = M_IDLE;
		/* What a callback does: re-arm itself or touch another. */
		if (act & 1)
			do_arm(t, pick_time(in));
		if (act & 2)
			do_cancel((act >> 2) % NT);
	}
}

static void wheel_op(struct input *in, u8 op)
{
	unsigned int i = take(in, 1) % NT;
	unsigned int budget;

	switch (op) {
	case 0:
		do_arm(&wt[i], pick_time(in));
		break;
	case 1:
		do_cancel(i);
		break;
	case 2:
		budget = take(in, 1);
		do_advance(pick_time(in), budget ? budget : NOLIMIT);
		break;
	case 3:
		do_pop(in);
		break;
	}
	check_next_expiry();
}

static int model_check(u32 tsn)
{
	u32 d = tsn - mcum;

	if (d == 0 || d >= 0x80000000U)
		return 1;
	if (d >= msize)
		return -ERANGE;
	return mrecv[d];
}

/* Move the model's ack point @n on, then over what was received. */
static void model_shift(u32 n)
{
	do {
		if (n >= msize) {
			memset(mrecv, 0, sizeof(mrecv));
		} else {
			memmove(mrecv, mrecv + n, msize - n);
			memset(mrecv + msize - n, 0, n);
		}
		mcum += n;
		n = 1;
	} while (mrecv[1]);
}

static u32 pick_tsn(struct input *in)
{
	switch (take(in, 1) & 3) {
	case 0:
		return mcum - (u32)take(in, 1);
	case 1:
		return mcum + (u32)take(in, 1);
	case 2:
		return mcum + (u32)take(in, 2);
	}
	return (u32)take(in, 4);
}

static void check_gaps(unsigned int max)
{
	struct xsctp_gap_block b[MAP_MAX / 2], mb[MAP_MAX / 2];
	unsigned int n, k, mn = 0;
	u32 off, hi = 0;

	for (off = 1; off < msize; off++) {
		if (!mrecv[off])
			continue;
		hi = off;
		if (mn && mb[mn - 1].end == off - 1) {
			mb[mn - 1].end = off;
		} else if (mn < max) {
			mb[mn].start = off;
			mb[mn++].end = off;
		}
	}
	n = xsctp_tsnmap_gaps(&map, b, max);
	CHECK(n == mn);
	for (k = 0; k < n; k++)
		CHECK(b[k].start == mb[k].start && b[k].end == mb[k].end);
	CHECK(xsctp_tsnmap_has_gaps(&map) == !!hi);
	CHECK(xsctp_tsnmap_max_tsn(&map) == mcum + hi);
}

static void map_mark(u32 tsn)
{
	int r = model_check(tsn);

	CHECK(xsctp_tsnmap_mark(&map, tsn) == r);
	if (!r)
		mrecv[tsn - mcum] = 1;
	if (mrecv[1])
		model_shift(1);
}

/* A run of TSNs from cum + @first, up or down: fills and edges of words. */
static void map_burst(struct input *in)
{
	u32 first = (u32)take(in, 1), len = (u32)take(in, 1), k;
	bool down = first & 1;

	for (k = 0; k < len; k++)
		map_mark(mcum + first + (down ? len - 1 - k : k));
}

/* Every duplicate is listed until the array is full, then counted. */
static void map_dup(u32 tsn)
{
	unsigned int n;
	const u32 *d;

	xsctp_tsnmap_add_dup(&map, tsn);
	mndups++;
	d = xsctp_tsnmap_dups(&map, &n);
	CHECK(n == (mndups < XSCTP_TSNMAP_MAX_DUPS ? mndups :
		    XSCTP_TSNMAP_MAX_DUPS));
	CHECK(map.dups_dropped == mndups - n);
	CHECK(mndups > n || d[n - 1] == tsn);
}

static void map_op(struct input *in, u8 op)
{
	unsigned int max = (op >> 2) & 31;
	u32 tsn;
	int r;

	switch (op & 3) {
	case 0:
		map_mark(pick_tsn(in));
		break;
	case 1:
		tsn = pick_tsn(in);
		CHECK(xsctp_tsnmap_check(&map, tsn) == model_check(tsn));
		map_dup(tsn);
		if (take(in, 1) & 1) {
			xsctp_tsnmap_sack_sent(&map);
			mndups = 0;
		}
		break;
	case 2:
		tsn = pick_tsn(in);
		r = tsn == mcum || tsn - mcum >= 0x80000000U;
		CHECK(xsctp_tsnmap_skip(&map, tsn) == r);
		if (!r)
			model_shift(tsn - mcum);
		break;
	case 3:
		map_burst(in);
		break;
	}
	CHECK(xsctp_tsnmap_cum_tsn(&map) == mcum);
	check_gaps(max ? max : MAP_MAX / 2 - 1);
}

static void setup(struct input *in)
{
	unsigned int i;
	u32 init;

	mclk = take(in, 8) >> 8;
	xsctp_wheel_init(&wheel, mclk);
	xsctp_wlist_init(&batch);
	for (i = 0; i < NT; i++) {
		xsctp_wtimer_init(&wt[i]);
		mstate[i] = M_IDLE;
	}
	msize = XSCTP_TSNMAP_MIN_BITS << (take(in, 1) & 3);
	if (msize > MAP_MAX)
		msize = MAP_MAX;
	init = (u32)take(in, 4);
	CHECK(!xsctp_tsnmap_init(&map, ring, msize, init));
	memset(mrecv, 0, sizeof(mrecv));
	mcum = init - 1;
	mndups = 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct input in = { data, size };

	setup(&in);
	while (in.left) {
		u8 op = take(&in, 1);

		if (op & 0x80)
			map_op(&in, op & 0x7f);
		else
			wheel_op(&in, op & 3);
	}
	/* Drain: everything still armed fires, none is lost. */
	do_advance(mclk + (1ULL << 37), NOLIMIT);
	while (xsctp_wheel_pop(&batch))
		;
	CHECK(xsctp_wheel_next_expiry(&wheel) == XSCTP_WHEEL_IDLE);
	return 0;
}
