// SPDX-License-Identifier: GPL-2.0
/* A hierarchical timer wheel for protocol timers (see wheel.h). */
#include <net/xsctp/wheel.h>

#define BITS		XSCTP_WHEEL_LVL_BITS
#define SLOT_MASK	(XSCTP_WHEEL_SLOTS - 1)
#define TOP		(XSCTP_WHEEL_LEVELS - 1)

/*
 * Where timers live, relative to the clock clk ("digit L" of a tick is its
 * bits [BITS*L, BITS*(L+1)), and e a timer's expiry, e >= clk):
 * - level 0 slot s: e is clk with digit 0 replaced by s, s >= clk's digit;
 * - level L, 0 < L < TOP, slot s: e agrees with clk above digit L and its
 *   digit L is s > clk's digit L;
 * - top level: slot (digit TOP of e) if e is 1..63 top periods ahead of
 *   clk's, else the slot just behind clk's, which is reached last.
 * A slot at level L > 0 is cascaded when clk reaches its first tick, i.e.
 * when clk's digit L becomes s with all lower digits zero; placement never
 * refills it then, as it needs a digit strictly above clk's.  So a slot
 * holds clk's own digit only while its cascade is under way, which is when
 * a budget-limited advance stopped in the middle of a tick.
 *
 * As no slot is due before the earliest per-level event (level_event()),
 * clk may jump straight to it over empty time without breaking any of this.
 */
static unsigned int digit(u64 tick, unsigned int lvl)
{
	return (unsigned int)(tick >> (BITS * lvl)) & SLOT_MASK;
}

/* The ticks below digit @lvl: all zero where a level-@lvl slot starts. */
static u64 low_mask(unsigned int lvl)
{
	return (1ULL << (BITS * lvl)) - 1;
}

static struct xsctp_wlist *slot_head(struct xsctp_wheel *w, unsigned int idx)
{
	return &w->slots[idx / XSCTP_WHEEL_SLOTS][idx % XSCTP_WHEEL_SLOTS];
}

static void wlist_add_tail(struct xsctp_wlist *head, struct xsctp_wlist *n)
{
	n->prev = head->prev;
	n->next = head;
	head->prev->next = n;
	head->prev = n;
}

static void wlist_del(struct xsctp_wlist *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
	xsctp_wlist_init(n);
}

static struct xsctp_wtimer *first_timer(struct xsctp_wlist *head)
{
	return container_of(head->next, struct xsctp_wtimer, link);
}

/* The slot for a timer due at @e, which is not before the clock. */
static unsigned int pick_slot(const struct xsctp_wheel *w, u64 e)
{
	unsigned int lvl, shift = BITS * TOP;
	u64 ahead;

	for (lvl = 0; lvl < TOP; lvl++)
		if (!((e ^ w->clk) >> (BITS * (lvl + 1))))
			return lvl * XSCTP_WHEEL_SLOTS + digit(e, lvl);
	ahead = (e >> shift) - (w->clk >> shift);
	if (ahead >= XSCTP_WHEEL_SLOTS)
		ahead = XSCTP_WHEEL_SLOTS - 1;
	return TOP * XSCTP_WHEEL_SLOTS + digit(w->clk + (ahead << shift), TOP);
}

static void place(struct xsctp_wheel *w, struct xsctp_wtimer *t)
{
	u64 e = t->expires < w->clk ? w->clk : t->expires;
	unsigned int idx = pick_slot(w, e);

	wlist_add_tail(slot_head(w, idx), &t->link);
	w->occupied[idx / XSCTP_WHEEL_SLOTS] |=
		1ULL << (idx % XSCTP_WHEEL_SLOTS);
	t->slot = idx;
	t->state = XSCTP_WT_ARMED;
	w->armed++;
}

static void unplace(struct xsctp_wheel *w, struct xsctp_wtimer *t)
{
	unsigned int idx = t->slot;

	wlist_del(&t->link);
	if (xsctp_wlist_empty(slot_head(w, idx)))
		w->occupied[idx / XSCTP_WHEEL_SLOTS] &=
			~(1ULL << (idx % XSCTP_WHEEL_SLOTS));
	t->state = XSCTP_WT_IDLE;
	w->armed--;
}

/**
 * xsctp_wheel_init() - start an empty wheel
 * @w: the wheel
 * @now: the current tick; timers due before it fire on the first advance
 */
void xsctp_wheel_init(struct xsctp_wheel *w, u64 now)
{
	unsigned int lvl, s;

	/* Slot bitmaps are one u64 per level; slot indexes fit t->slot. */
	BUILD_BUG_ON(XSCTP_WHEEL_SLOTS != 1U << BITS || BITS > 6);
	BUILD_BUG_ON(BITS * XSCTP_WHEEL_LEVELS >= 64);
	BUILD_BUG_ON(XSCTP_WHEEL_LEVELS * XSCTP_WHEEL_SLOTS > 0xffff);
	w->clk = now;
	w->armed = 0;
	for (lvl = 0; lvl < XSCTP_WHEEL_LEVELS; lvl++) {
		w->occupied[lvl] = 0;
		for (s = 0; s < XSCTP_WHEEL_SLOTS; s++)
			xsctp_wlist_init(&w->slots[lvl][s]);
	}
}

/**
 * xsctp_wtimer_init() - make a timer idle before its first arm
 * @t: the timer
 */
void xsctp_wtimer_init(struct xsctp_wtimer *t)
{
	xsctp_wlist_init(&t->link);
	t->expires = 0;
	t->slot = 0;
	t->state = XSCTP_WT_IDLE;
}

/**
 * xsctp_wheel_cancel() - stop a timer from firing
 * @w: the wheel it was armed on
 * @t: the timer, in any state
 *
 * Also takes the timer out of an expired batch that has not popped it yet,
 * so a timer cancelled by an earlier callback of the same batch stays quiet.
 * O(1).
 *
 * Return: whether it was pending, i.e. would still have fired.
 */
bool xsctp_wheel_cancel(struct xsctp_wheel *w, struct xsctp_wtimer *t)
{
	switch (t->state) {
	case XSCTP_WT_ARMED:
		unplace(w, t);
		return true;
	case XSCTP_WT_QUEUED:
		wlist_del(&t->link);
		t->state = XSCTP_WT_IDLE;
		return true;
	}
	return false;
}

/**
 * xsctp_wheel_arm() - (re)arm a timer
 * @w: the wheel
 * @t: the timer, in any state: a pending one is moved, also out of a batch
 * @expires: the tick it is due; a past tick fires on the next advance
 *
 * O(1).
 */
void xsctp_wheel_arm(struct xsctp_wheel *w, struct xsctp_wtimer *t,
		     u64 expires)
{
	xsctp_wheel_cancel(w, t);
	t->expires = expires;
	place(w, t);
}

/* Move the timers of one slot down the wheel; false if out of budget. */
static bool cascade(struct xsctp_wheel *w, unsigned int idx,
		    unsigned int *budget)
{
	struct xsctp_wlist *head = slot_head(w, idx);

	while (!xsctp_wlist_empty(head)) {
		struct xsctp_wtimer *t = first_timer(head);

		if (!*budget)
			return false;
		(*budget)--;
		unplace(w, t);
		place(w, t);
	}
	return true;
}

static bool expire(struct xsctp_wheel *w, struct xsctp_wlist *expired,
		   unsigned int *budget, unsigned int *fired)
{
	struct xsctp_wlist *head = slot_head(w, digit(w->clk, 0));

	while (!xsctp_wlist_empty(head)) {
		struct xsctp_wtimer *t = first_timer(head);

		if (!*budget)
			return false;
		(*budget)--;
		(*fired)++;
		unplace(w, t);
		wlist_add_tail(expired, &t->link);
		t->state = XSCTP_WT_QUEUED;
	}
	return true;
}

/*
 * Process tick clk: cascade the higher-level slots that start here, top
 * down, then expire the level-0 slot.  Returns false if the budget ran out;
 * the tick is then simply run again, as a cascaded timer never returns to
 * the slot it left.
 */
static bool run_tick(struct xsctp_wheel *w, struct xsctp_wlist *expired,
		     unsigned int *budget, unsigned int *fired)
{
	unsigned int lvl;

	for (lvl = TOP; lvl > 0; lvl--) {
		if (w->clk & low_mask(lvl))
			continue;
		if (!cascade(w, lvl * XSCTP_WHEEL_SLOTS + digit(w->clk, lvl),
			     budget))
			return false;
	}
	return expire(w, expired, budget, fired);
}

/* The tick at which level @lvl next needs work; IDLE if empty. */
static u64 level_event(const struct xsctp_wheel *w, unsigned int lvl)
{
	unsigned int shift = BITS * lvl;
	u64 occ = w->occupied[lvl], d, k;

	if (!occ)
		return XSCTP_WHEEL_IDLE;
	/* Below the top, the first occupied slot comes first (invariant). */
	if (lvl < TOP)
		return (w->clk & ~low_mask(lvl + 1)) |
		       ((u64)__builtin_ctzll(occ) << shift);
	/* The top level is a ring: look from clk's own slot onwards. */
	d = digit(w->clk, TOP);
	k = occ & (~0ULL << d) ? __builtin_ctzll(occ & (~0ULL << d)) :
				 __builtin_ctzll(occ);
	k = (k - d) & SLOT_MASK;
	return ((w->clk >> shift) + k) << shift;
}

/**
 * xsctp_wheel_next_expiry() - when to call xsctp_wheel_advance() next
 * @w: the wheel
 *
 * The next tick at which the wheel has work: the earliest expiry, or an
 * earlier tick where a higher-level slot must be cascaded (at most one
 * such wakeup per occupied slot).  Never after the earliest expiry, so a
 * kernel timer programmed for it cannot make a timer late.  O(levels).
 *
 * Return: that tick (at or before the last advance's @now if a
 * budget-limited advance left work), or XSCTP_WHEEL_IDLE.
 */
u64 xsctp_wheel_next_expiry(const struct xsctp_wheel *w)
{
	u64 best = XSCTP_WHEEL_IDLE;
	unsigned int lvl;

	for (lvl = 0; lvl < XSCTP_WHEEL_LEVELS; lvl++) {
		u64 ev = level_event(w, lvl);

		if (ev < best)
			best = ev;
	}
	return best;
}

/**
 * xsctp_wheel_advance() - run the wheel up to and including tick @now
 * @w: the wheel
 * @now: the current tick
 * @expired: the caller's batch; due timers are appended in expiry order
 * @budget: how many timers this call may touch (cascaded or expired)
 *
 * Empty stretches of time are skipped using the slot bitmaps, so a jump of
 * any length costs O(levels) per tick that has work.  If the budget runs
 * out the clock stays at the unfinished tick; call again (e.g. while
 * xsctp_wheel_next_expiry() <= @now) to go on.  Timers in @expired are no
 * longer armed but still pending until xsctp_wheel_pop() takes them.
 *
 * Return: the number of timers appended to @expired.
 */
unsigned int xsctp_wheel_advance(struct xsctp_wheel *w, u64 now,
				 struct xsctp_wlist *expired,
				 unsigned int budget)
{
	unsigned int fired = 0;

	for (;;) {
		u64 ev = xsctp_wheel_next_expiry(w);

		if (ev > now) {
			if (w->clk <= now)
				w->clk = now + 1;
			return fired;
		}
		if (!budget)
			return fired;
		w->clk = ev;
		if (!run_tick(w, expired, &budget, &fired))
			return fired;
		w->clk++;
	}
}

/**
 * xsctp_wheel_pop() - take the next timer out of an expired batch
 * @expired: the batch filled by xsctp_wheel_advance()
 *
 * The timer is idle once popped: its callback may re-arm it.
 *
 * Return: the timer, or NULL if the batch is empty.
 */
struct xsctp_wtimer *xsctp_wheel_pop(struct xsctp_wlist *expired)
{
	struct xsctp_wtimer *t;

	if (xsctp_wlist_empty(expired))
		return NULL;
	t = first_timer(expired);
	wlist_del(&t->link);
	t->state = XSCTP_WT_IDLE;
	return t;
}
