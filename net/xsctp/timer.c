// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel glue for the timer wheels: one wheel and one timer_list per CPU.
 * A protocol timer stays on the wheel of the CPU that first armed it, so
 * arming and cancelling take one per-CPU spinlock and are O(1).  Expired
 * timers are taken from the wheel in batches and run one by one under
 * their association's lock.
 */
#include <linux/percpu.h>
#include <linux/timer.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/sm.h>

/* Bounds the work of one kernel timer run; the rest runs a tick later. */
#define XSCTP_TIMER_BATCH	256

struct xsctp_wheel_cpu {
	spinlock_t lock;		/* protects everything below */
	struct xsctp_wheel wheel;
	struct timer_list timer;
	u64 programmed;			/* expiry of @timer, or IDLE */
};

static struct xsctp_wheel_cpu __percpu *xsctp_wheels;

/* Called under wc->lock: keeps the kernel timer at the wheel's next event. */
static void reprogram(struct xsctp_wheel_cpu *wc)
{
	u64 next = xsctp_wheel_next_expiry(&wc->wheel);

	if (next == XSCTP_WHEEL_IDLE || next == wc->programmed)
		return;
	wc->programmed = next;
	mod_timer(&wc->timer, (unsigned long)next);
}

void xsctp_timer_setup(struct xsctp_timer *t, struct xsctp_assoc *asoc,
		       struct xsctp_path *path, u8 kind)
{
	xsctp_wtimer_init(&t->wt);
	t->wheel = NULL;
	t->asoc = asoc;
	t->path = path;
	t->kind = kind;
	t->fire = false;
}

/* Called under the association's lock; (re)starts @t to fire in @delay. */
void xsctp_timer_arm(struct xsctp_timer *t, unsigned long delay)
{
	struct xsctp_wheel_cpu *wc;
	u64 expires;

	if (!t->wheel)
		t->wheel = raw_cpu_ptr(xsctp_wheels);
	wc = t->wheel;
	spin_lock_bh(&wc->lock);
	expires = max_t(u64, get_jiffies_64() + max(delay, 1UL),
			wc->wheel.clk);
	t->fire = false;
	xsctp_wheel_arm(&wc->wheel, &t->wt, expires);
	if (wc->programmed == XSCTP_WHEEL_IDLE || expires < wc->programmed) {
		wc->programmed = expires;
		mod_timer(&wc->timer, (unsigned long)expires);
	}
	spin_unlock_bh(&wc->lock);
}

/*
 * Called under the association's lock.  Also voids an expiry that was
 * already taken off the wheel but has not run yet: the runner re-checks
 * t->fire under the same locks before calling the handler.
 */
void xsctp_timer_stop(struct xsctp_timer *t)
{
	struct xsctp_wheel_cpu *wc = t->wheel;

	if (!wc)
		return;
	spin_lock_bh(&wc->lock);
	xsctp_wheel_cancel(&wc->wheel, &t->wt);
	t->fire = false;
	spin_unlock_bh(&wc->lock);
}

bool xsctp_timer_pending(const struct xsctp_timer *t)
{
	return xsctp_wtimer_pending(&t->wt);
}

/* Runs one expired timer; called with no lock held, under RCU. */
static void run_one(struct xsctp_wheel_cpu *wc, struct xsctp_timer *t)
{
	struct xsctp_assoc *asoc = t->asoc;
	bool fire;

	/* The association's memory is RCU-protected; its teardown stopped
	 * every timer (clearing t->fire) before dropping its last reference.
	 */
	if (!refcount_inc_not_zero(&asoc->ref))
		return;
	spin_lock(&asoc->lock);
	spin_lock(&wc->lock);
	fire = t->fire;
	t->fire = false;
	spin_unlock(&wc->lock);
	if (fire && !asoc->dead)
		xsctp_sm_timeout(asoc, t);
	spin_unlock(&asoc->lock);
	xsctp_assoc_put(asoc);
}

static void xsctp_wheel_fire(struct timer_list *tl)
{
	struct xsctp_wheel_cpu *wc = from_timer(wc, tl, timer);
	struct xsctp_wlist batch;
	struct xsctp_wtimer *wt;
	unsigned int n;

	xsctp_wlist_init(&batch);
	rcu_read_lock();
	spin_lock(&wc->lock);
	wc->programmed = XSCTP_WHEEL_IDLE;
	n = xsctp_wheel_advance(&wc->wheel, get_jiffies_64(), &batch,
				XSCTP_TIMER_BATCH);
	while ((wt = xsctp_wheel_pop(&batch))) {
		struct xsctp_timer *t = container_of(wt, struct xsctp_timer, wt);

		t->fire = true;
		spin_unlock(&wc->lock);
		run_one(wc, t);
		spin_lock(&wc->lock);
	}
	if (n >= XSCTP_TIMER_BATCH) {
		wc->programmed = get_jiffies_64() + 1;
		mod_timer(&wc->timer, (unsigned long)wc->programmed);
	} else {
		reprogram(wc);
	}
	spin_unlock(&wc->lock);
	rcu_read_unlock();
}

int xsctp_timer_init(void)
{
	int cpu;

	xsctp_wheels = alloc_percpu(struct xsctp_wheel_cpu);
	if (!xsctp_wheels)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		struct xsctp_wheel_cpu *wc = per_cpu_ptr(xsctp_wheels, cpu);

		spin_lock_init(&wc->lock);
		xsctp_wheel_init(&wc->wheel, get_jiffies_64());
		timer_setup(&wc->timer, xsctp_wheel_fire, 0);
		wc->programmed = XSCTP_WHEEL_IDLE;
	}
	return 0;
}

/* Every association is gone, so no timer is armed and none re-arms. */
void xsctp_timer_exit(void)
{
	int cpu;

	for_each_possible_cpu(cpu)
		del_timer_sync(&per_cpu_ptr(xsctp_wheels, cpu)->timer);
	free_percpu(xsctp_wheels);
}
