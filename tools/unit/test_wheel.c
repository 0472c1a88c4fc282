// SPDX-License-Identifier: GPL-2.0
/* The timer wheel: exact expiry, cancel/re-arm in every state, a model. */
#include <net/xsctp/wheel.h>
#include "unit.h"

#define NT		100000
#define LVL_TICKS(l)	(1ULL << (XSCTP_WHEEL_LVL_BITS * (l)))
#define SPAN		LVL_TICKS(XSCTP_WHEEL_LEVELS)
#define TOP		(XSCTP_WHEEL_LEVELS - 1)
#define NOLIMIT		(~0U)

enum { M_IDLE, M_ARMED, M_QUEUED };

/* A timer with the model's view of it. */
struct tt {
	struct xsctp_wtimer wt;
	u64 due;	/* tick it must fire at: max(expires, clock at arm) */
	int mstate;
};

static struct xsctp_wheel wheel;
static struct xsctp_wlist batch;
static struct tt *tts;
static u64 mclk;	/* the model's first unprocessed tick */

static u64 rng_state = 0xd1b54a32d192ed03ULL;

static u64 rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void setup(u64 now, unsigned int n)
{
	unsigned int i;

	free(tts);
	tts = calloc(n, sizeof(*tts));
	for (i = 0; i < n; i++)
		xsctp_wtimer_init(&tts[i].wt);
	xsctp_wheel_init(&wheel, now);
	xsctp_wlist_init(&batch);
	mclk = now;
}

static struct tt *tt_of(struct xsctp_wtimer *t)
{
	return container_of(t, struct tt, wt);
}

static void arm(struct tt *t, u64 expires)
{
	xsctp_wheel_arm(&wheel, &t->wt, expires);
	t->due = expires < mclk ? mclk : expires;
	t->mstate = M_ARMED;
}

static bool cancel(struct tt *t)
{
	t->mstate = M_IDLE;
	return xsctp_wheel_cancel(&wheel, &t->wt);
}

/*
 * Advance to @now in calls of @budget and check the batch against the
 * model: exactly the armed timers due by @now, in order of due tick.
 * Returns 0 or a code saying which check failed.
 */
static int advance_check(u64 now, unsigned int budget, unsigned int n)
{
	unsigned int i, want = 0, got = 0, calls = 0, r;
	struct xsctp_wlist *pos;
	u64 last = 0;

	for (i = 0; i < n; i++)
		if (tts[i].mstate == M_ARMED && tts[i].due <= now)
			want++;
	for (pos = batch.next; pos != &batch; pos = pos->next)
		got++;
	do {
		r = xsctp_wheel_advance(&wheel, now, &batch, budget);
		if (r > budget)
			return 1;
		if (++calls > 4 * n + 64)
			return 2;
	} while (xsctp_wheel_next_expiry(&wheel) <= now);
	if (mclk <= now)
		mclk = now + 1;
	for (pos = batch.next, i = 0; pos != &batch; pos = pos->next, i++) {
		struct tt *t = container_of(pos, struct tt, wt.link);

		if (i < got)
			continue;
		if (t->mstate != M_ARMED || t->due > now)
			return 3;	/* early, or not armed */
		if (t->due < last)
			return 4;	/* out of order */
		if (!xsctp_wtimer_pending(&t->wt))
			return 5;
		last = t->due;
		t->mstate = M_QUEUED;
	}
	if (i - got != want)
		return 6;		/* one is late */
	return 0;
}

/* Pop the whole batch; each must be queued in the model. */
static int drain(void)
{
	struct xsctp_wtimer *wt;

	while ((wt = xsctp_wheel_pop(&batch))) {
		if (tt_of(wt)->mstate != M_QUEUED || xsctp_wtimer_pending(wt))
			return 1;
		tt_of(wt)->mstate = M_IDLE;
	}
	return 0;
}

UNIT(basic)
{
	setup(0, 1);
	UNIT_CHECK_EQ(xsctp_wheel_next_expiry(&wheel), XSCTP_WHEEL_IDLE);
	UNIT_CHECK(!xsctp_wtimer_pending(&tts[0].wt));
	arm(&tts[0], 10);
	UNIT_CHECK(xsctp_wtimer_pending(&tts[0].wt));
	UNIT_CHECK_EQ(xsctp_wheel_next_expiry(&wheel), 10);
	UNIT_CHECK_EQ(xsctp_wheel_advance(&wheel, 9, &batch, NOLIMIT), 0);
	UNIT_CHECK_EQ(xsctp_wheel_advance(&wheel, 10, &batch, NOLIMIT), 1);
	UNIT_CHECK(xsctp_wtimer_pending(&tts[0].wt));
	UNIT_CHECK(xsctp_wheel_pop(&batch) == &tts[0].wt);
	UNIT_CHECK(!xsctp_wtimer_pending(&tts[0].wt));
	UNIT_CHECK(!xsctp_wheel_pop(&batch));
	UNIT_CHECK_EQ(tts[0].wt.expires, 10);
	UNIT_CHECK_EQ(xsctp_wheel_next_expiry(&wheel), XSCTP_WHEEL_IDLE);
}

/* A due tick already processed fires on the next advance, never lost. */
UNIT(past_expiry)
{
	setup(1000, 2);
	arm(&tts[0], 5);
	UNIT_CHECK_EQ(xsctp_wheel_next_expiry(&wheel), 1000);
	UNIT_CHECK_EQ(advance_check(1000, NOLIMIT, 1), 0);
	UNIT_CHECK_EQ(drain(), 0);
	arm(&tts[1], 1000);
	UNIT_CHECK_EQ(xsctp_wheel_advance(&wheel, 1000, &batch, NOLIMIT), 0);
	UNIT_CHECK_EQ(xsctp_wheel_advance(&wheel, 1001, &batch, NOLIMIT), 1);
	UNIT_CHECK(xsctp_wheel_pop(&batch) == &tts[1].wt);
}

UNIT(rearm_moves)
{
	setup(0, 1);
	arm(&tts[0], 100);
	arm(&tts[0], 50);
	UNIT_CHECK_EQ(advance_check(49, NOLIMIT, 1), 0);
	UNIT_CHECK(xsctp_wlist_empty(&batch));
	UNIT_CHECK_EQ(advance_check(50, NOLIMIT, 1), 0);
	UNIT_CHECK_EQ(drain(), 0);
	arm(&tts[0], 5000);
	arm(&tts[0], 70000);
	UNIT_CHECK_EQ(advance_check(69999, NOLIMIT, 1), 0);
	UNIT_CHECK(xsctp_wlist_empty(&batch));
	UNIT_CHECK_EQ(advance_check(70000, NOLIMIT, 1), 0);
	UNIT_CHECK(xsctp_wheel_pop(&batch) == &tts[0].wt);
}

UNIT(cancel_armed)
{
	setup(0, 2);
	arm(&tts[0], 300000);
	arm(&tts[1], 300000);
	UNIT_CHECK(cancel(&tts[0]));
	UNIT_CHECK(!cancel(&tts[0]));
	UNIT_CHECK(!xsctp_wtimer_pending(&tts[0].wt));
	UNIT_CHECK_EQ(advance_check(400000, NOLIMIT, 2), 0);
	UNIT_CHECK(xsctp_wheel_pop(&batch) == &tts[1].wt);
	UNIT_CHECK(!xsctp_wheel_pop(&batch));
	UNIT_CHECK(cancel(&tts[1]) == false);
	UNIT_CHECK_EQ(xsctp_wheel_next_expiry(&wheel), XSCTP_WHEEL_IDLE);
}

/* A callback cancelling a later timer of the same batch silences it. */
UNIT(cancel_in_batch)
{
	setup(0, 4);
	arm(&tts[0], 7);
	arm(&tts[1], 7);
	arm(&tts[2], 8);
	arm(&tts[3], 8);
	UNIT_CHECK_EQ(advance_check(8, NOLIMIT, 4), 0);
	UNIT_CHECK(xsctp_wheel_pop(&batch) == &tts[0].wt);
	UNIT_CHECK(xsctp_wtimer_pending(&tts[2].wt));
	UNIT_CHECK(cancel(&tts[2]));
	UNIT_CHECK(!xsctp_wtimer_pending(&tts[2].wt));
	UNIT_CHECK(!cancel(&tts[2]));
	UNIT_CHECK(xsctp_wheel_pop(&batch) == &tts[1].wt);
	UNIT_CHECK(cancel(&tts[3]));
	UNIT_CHECK(!xsctp_wheel_pop(&batch));
	UNIT_CHECK(xsctp_wlist_empty(&batch));
}

/* Re-arming from the callback, and re-arming a queued timer, move it. */
UNIT(rearm_from_callback)
{
	struct xsctp_wtimer *wt;
	u64 now = 0;
	int fires = 0;

	setup(0, 2);
	arm(&tts[0], 5);
	while (fires < 100) {
		/* Early wakeups for cascades are allowed, early expiry not. */
		now = xsctp_wheel_next_expiry(&wheel);
		UNIT_CHECK(now <= 5 + 5 * (u64)fires);
		xsctp_wheel_advance(&wheel, now, &batch, NOLIMIT);
		wt = xsctp_wheel_pop(&batch);
		if (!wt)
			continue;
		UNIT_CHECK_EQ(now, 5 + 5 * fires);
		UNIT_CHECK(wt == &tts[0].wt);
		tt_of(wt)->mstate = M_IDLE;
		arm(tt_of(wt), now + 5);
		fires++;
	}
	arm(&tts[1], now + 5);
	UNIT_CHECK_EQ(advance_check(now + 5, NOLIMIT, 2), 0);
	/* tts[0] is queued and not popped: re-arm takes it out. */
	arm(&tts[0], now + 100);
	UNIT_CHECK(xsctp_wheel_pop(&batch) == &tts[1].wt);
	UNIT_CHECK(!xsctp_wheel_pop(&batch));
	tts[1].mstate = M_IDLE;
	UNIT_CHECK(xsctp_wheel_next_expiry(&wheel) <= now + 100);
	UNIT_CHECK_EQ(advance_check(now + 99, NOLIMIT, 2), 0);
	UNIT_CHECK(xsctp_wlist_empty(&batch));
	UNIT_CHECK_EQ(advance_check(now + 100, NOLIMIT, 2), 0);
	UNIT_CHECK(xsctp_wheel_pop(&batch) == &tts[0].wt);
}

/*
 * Drive the wheel the way the kernel glue will: sleep until
 * next_expiry(), advance there.  Every timer must fire in the first
 * advance at or after its due tick.
 */
static int drive(unsigned int n, unsigned int *wakeups)
{
	u64 prev = mclk - 1, now;
	struct xsctp_wtimer *wt;
	int r;

	*wakeups = 0;
	while ((now = xsctp_wheel_next_expiry(&wheel)) != XSCTP_WHEEL_IDLE) {
		if (now < mclk)
			return 10;
		(*wakeups)++;
		r = advance_check(now, NOLIMIT, n);
		if (r)
			return r;
		while ((wt = xsctp_wheel_pop(&batch))) {
			if (tt_of(wt)->due <= prev)
				return 11;	/* should have fired earlier */
			tt_of(wt)->mstate = M_IDLE;
		}
		prev = now;
	}
	return 0;
}

/* Tick by tick over 3 levels: each timer fires exactly at its tick. */
UNIT(tick_by_tick_exact)
{
	struct xsctp_wtimer *wt;
	unsigned int i, fired = 0;
	u64 now;

	setup(0, 3000);
	for (i = 0; i < 3000; i++)
		arm(&tts[i], 1 + rng() % 300000);
	for (now = 1; now <= 300000; now++) {
		xsctp_wheel_advance(&wheel, now, &batch, NOLIMIT);
		while ((wt = xsctp_wheel_pop(&batch))) {
			UNIT_CHECK_EQ(wt->expires, now);
			fired++;
		}
	}
	UNIT_CHECK_EQ(fired, 3000);
}

/*
 * Around the boundaries where each level's digit wraps, and the top
 * level's whole turn: timers just before, at and after each boundary.
 */
UNIT(level_wraps)
{
	static const s64 offs[] = { -65, -64, -63, -2, -1, 0, 1, 2, 63, 64, 65,
				    4095, 4096, 4097 };
	unsigned int lvl, k, i, wk;

	for (lvl = 1; lvl <= XSCTP_WHEEL_LEVELS + 1; lvl++) {
		u64 b = 7 * LVL_TICKS(lvl);
		u64 start = b - LVL_TICKS(lvl - 1) - 70;

		setup(start, ARRAY_SIZE(offs) * 3);
		for (k = 0, i = 0; k < ARRAY_SIZE(offs); k++) {
			arm(&tts[i++], b + offs[k]);
			arm(&tts[i++], b + LVL_TICKS(lvl - 1) + offs[k]);
			arm(&tts[i++], 2 * b + offs[k]);
		}
		UNIT_CHECK_EQ(drive(i, &wk), 0);
		/*
		 * Per timer, a wakeup per level it is cascaded through;
		 * beyond that, one per turn while waiting out far.
		 */
		UNIT_CHECK(wk <= i * (XSCTP_WHEEL_LEVELS + 1) +
			   (2 * b - start) / (63 * LVL_TICKS(TOP)) + 1);
	}
}

/* Beyond the top level: re-placed once per turn, still exact. */
UNIT(far_future)
{
	static const u64 far[] = { SPAN - 1, SPAN, SPAN + 1, 3 * SPAN + 17,
				   1ULL << 30, (1ULL << 36) + 5,
				   (1ULL << 40) - 1 };
	unsigned int i, wk;
	u64 now = 12345;

	setup(now, ARRAY_SIZE(far));
	for (i = 0; i < ARRAY_SIZE(far); i++)
		arm(&tts[i], now + far[i]);
	UNIT_CHECK_EQ(drive(ARRAY_SIZE(far), &wk), 0);
	/* (1 << 40) / SPAN turns, a few cascades each. */
	UNIT_CHECK(wk < 8 * ((1U << 16) + 64));

	/* The same with one huge jump in time. */
	setup(now, ARRAY_SIZE(far));
	for (i = 0; i < ARRAY_SIZE(far); i++)
		arm(&tts[i], now + far[i]);
	UNIT_CHECK_EQ(advance_check(now + (1ULL << 40), NOLIMIT, i), 0);
	UNIT_CHECK_EQ(drain(), 0);
	UNIT_CHECK_EQ(xsctp_wheel_next_expiry(&wheel), XSCTP_WHEEL_IDLE);
}

/* 10000 timers over 2^22 ticks, one advance by 2^23: sorted output. */
UNIT(big_jump_ordering)
{
	unsigned int i;

	setup(1ULL << 33, 10000);
	for (i = 0; i < 10000; i++)
		arm(&tts[i], (1ULL << 33) + rng() % (1ULL << 22));
	UNIT_CHECK_EQ(advance_check((1ULL << 33) + (1ULL << 23), NOLIMIT,
				    10000), 0);
	UNIT_CHECK_EQ(drain(), 0);
}

/* Many timers on one tick behind two cascades, handled 7 at a time. */
UNIT(budget_limited)
{
	unsigned int i, r, calls = 0, fired = 0;

	setup(0, 1000);
	for (i = 0; i < 1000; i++)
		arm(&tts[i], i < 900 ? 300000 : 300000 - i);
	do {
		r = xsctp_wheel_advance(&wheel, 300000, &batch, 7);
		UNIT_CHECK(r <= 7);
		fired += r;
		calls++;
	} while (xsctp_wheel_next_expiry(&wheel) <= 300000);
	UNIT_CHECK_EQ(fired, 1000);
	UNIT_CHECK(calls >= 1000 / 7);
	/* Run again checking the order, with budget 1. */
	setup(0, 1000);
	for (i = 0; i < 1000; i++)
		arm(&tts[i], i < 900 ? 300000 : 300000 - i);
	UNIT_CHECK_EQ(advance_check(300000, 1, 1000), 0);
	UNIT_CHECK_EQ(drain(), 0);
	/* A zero budget still moves an idle clock on. */
	UNIT_CHECK_EQ(xsctp_wheel_advance(&wheel, 400000, &batch, 0), 0);
	arm(&tts[0], 5);
	UNIT_CHECK_EQ(xsctp_wheel_next_expiry(&wheel), 400001);
}

/* Arm/re-arm at a mixture of horizons, as SCTP's timers spread. */
static u64 pick_expiry(void)
{
	u64 r = rng() % 100;

	if (r < 5)
		return mclk - rng() % 100;
	if (r < 40)
		return mclk + rng() % 64;
	if (r < 70)
		return mclk + rng() % 4096;
	if (r < 90)
		return mclk + rng() % (1 << 20);
	return mclk + rng() % (1ULL << 34);
}

static u64 pick_advance(void)
{
	u64 r = rng() % 100, ne = xsctp_wheel_next_expiry(&wheel);

	if (r < 30 && ne != XSCTP_WHEEL_IDLE)
		return ne > mclk ? ne : mclk;
	if (r < 60)
		return mclk + rng() % 8;
	if (r < 90)
		return mclk + rng() % 5000;
	return mclk + rng() % (1ULL << 30);
}

static int random_round(unsigned int n)
{
	unsigned int k, ops = 1 + rng() % 2000, budget;
	struct xsctp_wtimer *wt;
	u64 ne, min_due = XSCTP_WHEEL_IDLE;
	int r;

	for (k = 0; k < ops; k++) {
		struct tt *t = &tts[rng() % n];

		if (rng() % 4) {
			arm(t, pick_expiry());
		} else {
			bool was = t->mstate != M_IDLE;

			if (cancel(t) != was)
				return 20;
		}
	}
	for (k = 0; k < n; k++)
		if (tts[k].mstate == M_ARMED && tts[k].due < min_due)
			min_due = tts[k].due;
	ne = xsctp_wheel_next_expiry(&wheel);
	if (ne > min_due || (min_due == XSCTP_WHEEL_IDLE && ne != min_due))
		return 21;
	budget = rng() % 4 ? NOLIMIT : 1 + rng() % 50;
	r = advance_check(pick_advance(), budget, n);
	if (r)
		return r;
	/* Callbacks: pop some, re-arm some, cancel others still queued. */
	while ((wt = xsctp_wheel_pop(&batch))) {
		struct tt *t = tt_of(wt);

		if (t->mstate != M_QUEUED)
			return 22;
		t->mstate = M_IDLE;
		switch (rng() % 8) {
		case 0:
			arm(t, pick_expiry());
			break;
		case 1:
			arm(&tts[rng() % n], pick_expiry());
			break;
		case 2:
			cancel(&tts[rng() % n]);
			break;
		case 3:
			return 0;	/* leave the rest queued */
		}
	}
	return 0;
}

UNIT(random_100k_vs_model)
{
	unsigned int round, i;

	setup(0xfffffff00ULL, NT);
	for (i = 0; i < NT; i++)
		arm(&tts[i], pick_expiry());
	for (round = 0; round < 1000; round++)
		UNIT_CHECK_EQ(random_round(NT), 0);
	UNIT_CHECK_EQ(advance_check(mclk + (1ULL << 35), NOLIMIT, NT), 0);
	UNIT_CHECK_EQ(drain(), 0);
	for (i = 0; i < NT; i++)
		UNIT_CHECK(!xsctp_wtimer_pending(&tts[i].wt));
	UNIT_CHECK_EQ(wheel.armed, 0);
	free(tts);
	tts = NULL;
}

UNIT_MAIN("xsctp_wheel",
	  UNIT_CASE(basic),
	  UNIT_CASE(past_expiry),
	  UNIT_CASE(rearm_moves),
	  UNIT_CASE(cancel_armed),
	  UNIT_CASE(cancel_in_batch),
	  UNIT_CASE(rearm_from_callback),
	  UNIT_CASE(tick_by_tick_exact),
	  UNIT_CASE(level_wraps),
	  UNIT_CASE(far_future),
	  UNIT_CASE(big_jump_ordering),
	  UNIT_CASE(budget_limited),
	  UNIT_CASE(random_100k_vs_model))
