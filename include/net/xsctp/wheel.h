/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A hierarchical timer wheel (Varghese and Lauck) for SCTP's protocol
 * timers: a pure data structure with no clock and no locking.  Its owner
 * serialises every call, feeds it the time with xsctp_wheel_advance() and
 * keeps a single kernel timer (or hrtimer) programmed for
 * xsctp_wheel_next_expiry(), sleeping when that says idle.
 *
 * Time is in ticks: u64, never wrapping in practice (5e8 years at 1 ms).
 * The glue picks the tick (1 ms or 4 ms) and rounds delays up to whole
 * ticks.  A timer armed for tick E fires in the first advance to a tick
 * >= E: never early, and late only by the tick rounding plus the kernel
 * timer's own slack.  1 ms-4 ms suits SCTP: the shortest timers
 * (delayed SACK, a tuned RTO.Min) are tens of ms, the longest (RTO.Max
 * 60 s, heartbeats, autoclose of hours) only need the same exactness.
 *
 * Levels: XSCTP_WHEEL_LEVELS of 64 slots.  Level L slot s holds timers that
 * expire in the current level-(L + 1) period, in its s-th 64^L-tick part;
 * when the clock reaches that part they are cascaded down, so every timer
 * finally fires from level 0, whose slots are single ticks.  With 4 levels
 * the wheel spans 64^4 = 16.7M ticks (4.6 h at 1 ms, 18.6 h at 4 ms).  The
 * top level wraps around; a timer further out than a full turn waits in the
 * top slot reached last and is placed again when the clock gets there, so
 * any expiry works, at the cost of one re-placement per turn.
 *
 * Hierarchical rather than hashed: a hashed wheel visits each slot once per
 * turn and scans its timers, so a long sleep or an idle association still
 * costs work per tick or per turn; here advancing over empty time is a few
 * bitmap tests, and the next expiry is found without scanning timers.
 *
 * Memory: 64 list heads per level, 4 KiB per wheel (64-bit), plus 32 bytes
 * per timer.  Arm and cancel are O(1); a timer is moved at most once per
 * level before it fires (far timers: once more per turn).  A timer belongs
 * to one wheel at a time: cancel it before arming it on another.
 */
#ifndef _XSCTP_WHEEL_H
#define _XSCTP_WHEEL_H

#include <net/xsctp/pure.h>

#define XSCTP_WHEEL_LVL_BITS	6
#define XSCTP_WHEEL_SLOTS	64U	/* 1 << XSCTP_WHEEL_LVL_BITS */
#define XSCTP_WHEEL_LEVELS	4
/* xsctp_wheel_next_expiry() of a wheel with no timer armed */
#define XSCTP_WHEEL_IDLE	(~(u64)0)

/*
 * A minimal circular doubly linked list: <linux/list.h> is not available
 * to pure code.  A node unlinks in O(1) without knowing its list, which is
 * what lets a timer be cancelled from a wheel slot and from a batch alike.
 */
struct xsctp_wlist {
	struct xsctp_wlist *next;
	struct xsctp_wlist *prev;
};

static inline void xsctp_wlist_init(struct xsctp_wlist *head)
{
	head->next = head;
	head->prev = head;
}

static inline bool xsctp_wlist_empty(const struct xsctp_wlist *head)
{
	return head->next == head;
}

enum xsctp_wtimer_state {
	XSCTP_WT_IDLE,		/* on no list */
	XSCTP_WT_ARMED,		/* in a wheel slot */
	XSCTP_WT_QUEUED,	/* expired, in a caller's batch, not popped */
};

struct xsctp_wtimer {
	struct xsctp_wlist link;
	u64 expires;		/* tick asked for at arm time */
	u16 slot;		/* level * SLOTS + slot, while ARMED */
	u8 state;		/* enum xsctp_wtimer_state */
};

struct xsctp_wheel {
	u64 clk;		/* first tick not yet fully processed */
	u64 occupied[XSCTP_WHEEL_LEVELS];	/* non-empty slots, per level */
	unsigned int armed;	/* timers in slots */
	struct xsctp_wlist slots[XSCTP_WHEEL_LEVELS][XSCTP_WHEEL_SLOTS];
};

void xsctp_wheel_init(struct xsctp_wheel *w, u64 now);
void xsctp_wtimer_init(struct xsctp_wtimer *t);
void xsctp_wheel_arm(struct xsctp_wheel *w, struct xsctp_wtimer *t,
		     u64 expires);
bool xsctp_wheel_cancel(struct xsctp_wheel *w, struct xsctp_wtimer *t);
unsigned int xsctp_wheel_advance(struct xsctp_wheel *w, u64 now,
				 struct xsctp_wlist *expired,
				 unsigned int budget);
u64 xsctp_wheel_next_expiry(const struct xsctp_wheel *w);
struct xsctp_wtimer *xsctp_wheel_pop(struct xsctp_wlist *expired);

/* True from arm until the timer is popped from a batch or cancelled. */
static inline bool xsctp_wtimer_pending(const struct xsctp_wtimer *t)
{
	return t->state != XSCTP_WT_IDLE;
}

#endif /* _XSCTP_WHEEL_H */
