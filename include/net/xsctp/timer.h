/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Protocol timers on per-CPU timer wheels (wheel.c), one kernel timer per
 * CPU driving each.  The tick is one jiffy (4 ms at HZ=250): SCTP's
 * shortest timers (delayed SACK 200 ms, RTO.Min 1 s, or a tuned RTO.Min
 * of tens of ms) need no finer grain, and jiffies are what the rest of the
 * kernel's timers round to anyway.  A timer fires at most one tick late,
 * never early.
 */
#ifndef _XSCTP_TIMER_H
#define _XSCTP_TIMER_H

#include <linux/types.h>
#include <net/xsctp/wheel.h>

struct xsctp_assoc;
struct xsctp_path;
struct xsctp_wheel_cpu;

struct xsctp_timer {
	struct xsctp_wtimer wt;
	struct xsctp_wheel_cpu *wheel;	/* where it was last armed */
	struct xsctp_assoc *asoc;
	struct xsctp_path *path;	/* T3-rtx only */
	u8 kind;			/* enum xsctp_timer_kind */
	bool fire;			/* expired, not cancelled since */
};

void xsctp_timer_setup(struct xsctp_timer *t, struct xsctp_assoc *asoc,
		       struct xsctp_path *path, u8 kind);
void xsctp_timer_arm(struct xsctp_timer *t, unsigned long delay);
void xsctp_timer_stop(struct xsctp_timer *t);
bool xsctp_timer_pending(const struct xsctp_timer *t);
int xsctp_timer_init(void);
void xsctp_timer_exit(void);

#endif /* _XSCTP_TIMER_H */
