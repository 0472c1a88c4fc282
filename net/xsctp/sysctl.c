// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys/net/sctp/: sctp.ko's sysctl names, units, defaults and ranges,
 * one table per network namespace.  See Documentation/sysctl.rst.
 */
#include <linux/slab.h>
#include <linux/sysctl.h>
#include <net/net_namespace.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>

/* sctp.ko's upper bound for its millisecond timers: one day */
#define XSCTP_SYSCTL_TIMER_MAX	86400000

enum knob_kind {
	KNOB_RANGE,	/* writes outside [min, max] fail with EINVAL */
	KNOB_ANY,	/* any int, as sctp.ko's plain proc_dointvec */
	KNOB_FIXED,	/* what xsctp does; writing anything else is EINVAL */
};

/*
 * One sysctl.  Live knobs are fields of struct xsctp_sysctl at @off;
 * fixed ones read back @def from xsctp_net->sysctl_fixed[].  A fixed
 * knob describes a feature xsctp does not have: it reports what xsctp
 * does, and refuses to be set otherwise rather than pretend.
 */
struct knob {
	const char *name;
	enum knob_kind kind;
	unsigned short off;
	int def;
	int min;
	int max;
};

#define LIVE(n, f, d, lo, hi) { .name = n, .kind = KNOB_RANGE,		\
	.off = offsetof(struct xsctp_sysctl, f), .def = d, .min = lo, .max = hi }
#define LIVE_ANY(n, f, d) { .name = n, .kind = KNOB_ANY,			\
	.off = offsetof(struct xsctp_sysctl, f), .def = d }
#define FIXED(n, d) { .name = n, .kind = KNOB_FIXED, .def = d }

/* Indices of the knobs whose bounds are each other's value, in pairs. */
enum { K_RTO_MIN = 1, K_RTO_MAX = 2, K_PF_RETRANS = 9, K_PS_RETRANS = 10 };

static const struct knob knobs[] = {
	LIVE("rto_initial", rto_initial, 3000, 1, XSCTP_SYSCTL_TIMER_MAX),
	[K_RTO_MIN] = LIVE("rto_min", rto_min, 1000, 1, 0),	/* max: rto_max */
	[K_RTO_MAX] = LIVE("rto_max", rto_max, 60000, 0,	/* min: rto_min */
			   XSCTP_SYSCTL_TIMER_MAX),
	LIVE("hb_interval", hb_interval, 30000, 1, XSCTP_SYSCTL_TIMER_MAX),
	LIVE("sack_timeout", sack_timeout, 200, 1, 500),
	LIVE("valid_cookie_life", valid_cookie_life, 60000, 1,
	     XSCTP_SYSCTL_TIMER_MAX),
	LIVE("path_max_retrans", path_max_retrans, 5, 1, INT_MAX),
	LIVE("association_max_retrans", assoc_max_retrans, 10, 1, INT_MAX),
	LIVE("max_init_retransmits", max_init_retrans, 8, 1, INT_MAX),
	[K_PF_RETRANS] = LIVE("pf_retrans", pf_retrans, 0, 0, 0), /* max: ps */
	/* RFC 7829 s5; 65535 (out of reach of any error count) is off */
	[K_PS_RETRANS] = LIVE("ps_retrans", ps_retrans, 65535, 0, 65535),
	LIVE("max_burst", max_burst, 4, 0, INT_MAX),	/* 0: no limit */
	LIVE_ANY("pf_enable", pf_enable, 1),
	LIVE_ANY("cookie_preserve_enable", cookie_preserve_enable, 1),
	LIVE_ANY("sndbuf_policy", sndbuf_policy, 0),
	LIVE_ANY("rcvbuf_policy", rcvbuf_policy, 0),
	/* RFC 9260 s6.3.1's alpha 1/8 and beta 1/4, as 2^-3 and 2^-2 */
	FIXED("rto_alpha_exp_divisor", 3),
	FIXED("rto_beta_exp_divisor", 2),
	FIXED("addip_enable", 0),
	FIXED("addip_noauth_enable", 0),
	FIXED("default_auto_asconf", 0),
	FIXED("prsctp_enable", 0),
	FIXED("reconf_enable", 0),
	FIXED("auth_enable", 0),
	FIXED("intl_enable", 0),
	FIXED("ecn_enable", 0),
	FIXED("udp_port", 0),
	FIXED("encap_port", 0),
	FIXED("plpmtud_probe_interval", 0),
};

static void fill_entry(struct ctl_table *e, const struct knob *k, int *v)
{
	*v = k->def;
	e->procname = k->name;
	e->data = v;
	e->maxlen = sizeof(int);
	e->mode = 0644;
	switch (k->kind) {
	case KNOB_ANY:
		e->proc_handler = proc_dointvec;
		break;
	case KNOB_RANGE:
		e->proc_handler = proc_dointvec_minmax;
		e->extra1 = (void *)&k->min;
		e->extra2 = (void *)&k->max;
		break;
	case KNOB_FIXED:
		e->proc_handler = proc_dointvec_minmax;
		e->extra1 = (void *)&k->def;
		e->extra2 = (void *)&k->def;
		break;
	}
}

/* The per-netns table: sctp.ko's defaults, whatever init_net holds. */
int xsctp_sysctl_init_net(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);
	struct ctl_table *t;
	int i, nfixed = 0;

	/* one more, zeroed: the end marker of kernels before 6.6 */
	t = kcalloc(ARRAY_SIZE(knobs) + 1, sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(knobs); i++) {
		const struct knob *k = &knobs[i];
		int *v;

		if (k->kind != KNOB_FIXED) {
			v = (int *)((char *)&xn->sysctl + k->off);
		} else if (!WARN_ON_ONCE(nfixed ==
					 ARRAY_SIZE(xn->sysctl_fixed))) {
			v = &xn->sysctl_fixed[nfixed++];
		} else {
			kfree(t);
			return -ENOSPC;
		}
		fill_entry(&t[i], k, v);
	}
	/* sctp.ko keeps rto_min <= rto_max on every write */
	t[K_RTO_MIN].extra2 = &xn->sysctl.rto_max;
	t[K_RTO_MAX].extra1 = &xn->sysctl.rto_min;
	/* and pf_retrans <= ps_retrans */
	t[K_PF_RETRANS].extra2 = &xn->sysctl.ps_retrans;
	t[K_PS_RETRANS].extra1 = &xn->sysctl.pf_retrans;

	xn->sysctl_hdr = xsctp_register_net_sysctl(net, "net/sctp", t,
						   ARRAY_SIZE(knobs));
	if (!xn->sysctl_hdr) {
		kfree(t);
		return -ENOMEM;
	}
	return 0;
}

void xsctp_sysctl_exit_net(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);
	const struct ctl_table *t = xn->sysctl_hdr->ctl_table_arg;

	/* waits for readers and writers in progress */
	unregister_net_sysctl_table(xn->sysctl_hdr);
	kfree(t);
}

static u16 to_u16(int v)
{
	return clamp(v, 0, (int)U16_MAX);
}

/*
 * A new socket's defaults (sctp.ko takes them at socket creation too).
 * sctp.ko truncates the counts to its 16-bit fields; we saturate.
 */
void xsctp_sysctl_sock_defaults(const struct net *net,
				struct xsctp_sock_opts *o)
{
	const struct xsctp_sysctl *s = &xsctp_net(net)->sysctl;

	o->rto_initial = READ_ONCE(s->rto_initial);
	o->rto_max = READ_ONCE(s->rto_max);
	/* two writers racing can leave min above max for a moment */
	o->rto_min = min_t(u32, READ_ONCE(s->rto_min), o->rto_max);
	o->sack_delay = READ_ONCE(s->sack_timeout);
	o->hb_interval = READ_ONCE(s->hb_interval);
	o->cookie_life = READ_ONCE(s->valid_cookie_life);
	o->max_retrans = to_u16(READ_ONCE(s->assoc_max_retrans));
	o->path_max_retrans = to_u16(READ_ONCE(s->path_max_retrans));
	o->initmsg.sinit_max_attempts = to_u16(READ_ONCE(s->max_init_retrans));
	o->initmsg.sinit_max_init_timeo = o->rto_max;
	o->max_burst = READ_ONCE(s->max_burst);
}

/*
 * RFC 7829's PotentiallyFailed threshold for a new association.  With
 * pf_enable 0 no path is ever PF: the threshold is out of reach of any
 * path's error count (Path.Max.Retrans makes it INACTIVE first).
 */
u16 xsctp_sysctl_pf_retrans(const struct net *net)
{
	const struct xsctp_sysctl *s = &xsctp_net(net)->sysctl;

	if (!READ_ONCE(s->pf_enable))
		return U16_MAX;
	return to_u16(READ_ONCE(s->pf_retrans));
}

/* RFC 7829 s5's Primary.Switchover.Max.Retrans for a new association. */
u16 xsctp_sysctl_ps_retrans(const struct net *net)
{
	return to_u16(READ_ONCE(xsctp_net(net)->sysctl.ps_retrans));
}

/*
 * RFC 9260 s5.1.3: the largest Cookie Preservative increment a server
 * grants, in ms: one default cookie lifetime, or none at all when
 * cookie_preserve_enable is 0 (the parameter is then ignored).
 */
u32 xsctp_sysctl_cookie_inc_max(const struct net *net)
{
	if (!READ_ONCE(xsctp_net(net)->sysctl.cookie_preserve_enable))
		return 0;
	return XSCTP_VALID_COOKIE_LIFE_MS;
}
