// SPDX-License-Identifier: GPL-2.0
/*
 * Socket options at level SOL_SCTP (RFC 6458 s8, as <linux/sctp.h>
 * numbers them).  An option not built yet answers ENOPROTOOPT, as a
 * kernel without it would.  Other levels go to IPv4/IPv6.  Lengths,
 * association ids and errno follow Linux's sctp.ko, which applications
 * are written against; Documentation/sockopts.rst lists the rules.
 */
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/sock.h>
#include <net/xsctp/sockopt.h>

/* v6 sockets show IPv4 peers v4-mapped unless told not to (s8.1.15). */
static bool v4map(const struct sock *sk)
{
	return sk->sk_family == AF_INET6 && xsctp_sk(sk)->opts.v4mapped;
}

/*
 * The association an option names (RFC 6458 s7.2): a one-to-one socket
 * ignores the id and means its association once it is up; a one-to-many
 * socket looks the id up.  A one-to-many id that is not an association
 * is EINVAL, except SCTP_FUTURE_ASSOC (the socket's default) and, where
 * the option takes them (@any), SCTP_CURRENT_ASSOC and SCTP_ALL_ASSOC.
 * *@asoc is returned with a reference, or NULL for the socket.
 */
int xsctp_opt_assoc_of(struct sock *sk, sctp_assoc_t id, bool any,
		       struct xsctp_assoc **asoc)
{
	if (xsctp_style_tcp(sk)) {
		*asoc = sk->sk_state == TCP_ESTABLISHED ?
			xsctp_sk_first_assoc(sk) : NULL;
		return 0;
	}
	*asoc = xsctp_assoc_by_id(sk, id);
	if (*asoc || id == SCTP_FUTURE_ASSOC ||
	    (any && id <= SCTP_ALL_ASSOC))
		return 0;
	return -EINVAL;
}

/*
 * SCTP_CURRENT_ASSOC: every association of the socket.  They are found
 * through the id table, each held while its lock is taken: the socket's
 * list lock nests inside asoc->lock, so the list cannot be walked here.
 */
void xsctp_opt_each_assoc(struct sock *sk,
			  void (*fn)(struct xsctp_assoc *asoc, const void *arg),
			  const void *arg)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	unsigned long id = SCTP_ALL_ASSOC + 1;
	struct xsctp_assoc *asoc;
	bool held;

	for (;; id++) {
		rcu_read_lock();
		asoc = xa_find(&xs->ids, &id, ULONG_MAX, XA_PRESENT);
		held = asoc && refcount_inc_not_zero(&asoc->ref);
		rcu_read_unlock();
		if (!asoc)
			break;
		if (!held)
			continue;
		spin_lock_bh(&asoc->lock);
		fn(asoc, arg);
		spin_unlock_bh(&asoc->lock);
		xsctp_assoc_put(asoc);
	}
}

static int get_int(sockptr_t val, unsigned int len, int *v)
{
	if (len < sizeof(int))
		return -EINVAL;
	return copy_from_sockptr(v, val, sizeof(int)) ? -EFAULT : 0;
}

static int set_initmsg(struct xsctp_sock *xs, sockptr_t val, unsigned int len)
{
	struct sctp_initmsg im;

	if (len != sizeof(im))
		return -EINVAL;
	if (copy_from_sockptr(&im, val, sizeof(im)))
		return -EFAULT;
	/* zero fields keep their value, as on Linux */
	if (im.sinit_num_ostreams)
		xs->opts.initmsg.sinit_num_ostreams = im.sinit_num_ostreams;
	if (im.sinit_max_instreams)
		xs->opts.initmsg.sinit_max_instreams = im.sinit_max_instreams;
	if (im.sinit_max_attempts)
		xs->opts.initmsg.sinit_max_attempts = im.sinit_max_attempts;
	if (im.sinit_max_init_timeo)
		xs->opts.initmsg.sinit_max_init_timeo = im.sinit_max_init_timeo;
	return 0;
}

/* Called under asoc->lock: SCTP_EVENTS gives every association its set. */
static void events_copy(struct xsctp_assoc *asoc, const void *events)
{
	asoc->events = *(const u32 *)events;
}

/*
 * The deprecated SCTP_EVENTS (struct sctp_event_subscribe: one byte per
 * type, in type order) sets the socket's subscriptions and, as on Linux,
 * replaces those of every association with them.
 */
static int set_events(struct sock *sk, sockptr_t val, unsigned int len)
{
	u8 ev[sizeof(struct sctp_event_subscribe)] = {};
	struct xsctp_sock *xs = xsctp_sk(sk);
	unsigned int i;

	if (len > sizeof(ev))
		return -EINVAL;
	if (copy_from_sockptr(ev, val, len))
		return -EFAULT;
	for (i = 0; i < len; i++) {
		if (ev[i])
			xs->opts.events |= 1U << i;
		else
			xs->opts.events &= ~(1U << i);
	}
	xsctp_opt_each_assoc(sk, events_copy, &xs->opts.events);
	return 0;
}

/* Called under asoc->lock: one association's subscription to one type. */
static void event_set(struct xsctp_assoc *asoc, const void *arg)
{
	const struct sctp_event *e = arg;
	u32 bit = 1U << (e->se_type - SCTP_SN_TYPE_BASE);

	if (e->se_on)
		asoc->events |= bit;
	else
		asoc->events &= ~bit;
	/* RFC 6458 s6.1.9: subscribing to SENDER_DRY when dry says so */
	if (e->se_on && e->se_type == SCTP_SENDER_DRY_EVENT)
		xsctp_outq_dry_check(asoc);
}

/*
 * RFC 6458 s6.2.2: SCTP_EVENT, per association as on Linux: an id names
 * one association (a one-to-one socket's, once up, whatever the id), or
 * SCTP_FUTURE_ASSOC the socket's subscriptions for later associations,
 * SCTP_CURRENT_ASSOC those of every existing one, SCTP_ALL_ASSOC both.
 */
static int set_event(struct sock *sk, sockptr_t val, unsigned int len)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct xsctp_assoc *asoc;
	struct sctp_event e;
	sctp_assoc_t id;
	int err;

	if (len < sizeof(e))
		return -EINVAL;
	if (copy_from_sockptr(&e, val, sizeof(e)))
		return -EFAULT;
	if (e.se_type < SCTP_SN_TYPE_BASE || e.se_type > SCTP_SN_TYPE_MAX)
		return -EINVAL;
	err = xsctp_opt_assoc_of(sk, e.se_assoc_id, true, &asoc);
	if (err)
		return err;
	if (asoc) {
		spin_lock_bh(&asoc->lock);
		event_set(asoc, &e);
		spin_unlock_bh(&asoc->lock);
		xsctp_assoc_put(asoc);
		return 0;
	}
	id = xsctp_style_tcp(sk) ? SCTP_FUTURE_ASSOC : e.se_assoc_id;
	if (id == SCTP_FUTURE_ASSOC || id == SCTP_ALL_ASSOC) {
		u32 bit = 1U << (e.se_type - SCTP_SN_TYPE_BASE);

		if (e.se_on)
			xs->opts.events |= bit;
		else
			xs->opts.events &= ~bit;
	}
	if (id == SCTP_CURRENT_ASSOC || id == SCTP_ALL_ASSOC)
		xsctp_opt_each_assoc(sk, event_set, &e);
	return 0;
}

/* RFC 6458 s8.1.10: SCTP_ADAPTATION_LAYER, sent in later INITs/INIT ACKs */
static int set_adaptation(struct sock *sk, sockptr_t val, unsigned int len)
{
	struct sctp_setadaptation a;

	if (len != sizeof(a))
		return -EINVAL;
	if (copy_from_sockptr(&a, val, len))
		return -EFAULT;
	xsctp_sk(sk)->opts.adaptation_ind = a.ssb_adaptation_ind;
	return 0;
}

/*
 * RFC 6458 s8.1.1: SCTP_RTOINFO, in ms; zero fields keep their value.
 * Only min > max is refused: an initial RTO outside the bounds is
 * taken as given until the first RTT measurement, as on Linux.
 */
static int set_rtoinfo(struct sock *sk, sockptr_t val, unsigned int len)
{
	struct xsctp_sock_opts *o = &xsctp_sk(sk)->opts;
	struct xsctp_assoc *asoc;
	struct sctp_rtoinfo ri;
	u32 min, max;
	int err;

	if (len != sizeof(ri))
		return -EINVAL;
	if (copy_from_sockptr(&ri, val, sizeof(ri)))
		return -EFAULT;
	err = xsctp_opt_assoc_of(sk, ri.srto_assoc_id, false, &asoc);
	if (err)
		return err;
	if (!asoc) {
		min = ri.srto_min ?: o->rto_min;
		max = ri.srto_max ?: o->rto_max;
		if (min > max)
			return -EINVAL;
		if (ri.srto_initial)
			o->rto_initial = ri.srto_initial;
		o->rto_min = min;
		o->rto_max = max;
		return 0;
	}
	spin_lock_bh(&asoc->lock);
	min = ri.srto_min ? max(msecs_to_jiffies(ri.srto_min), 1UL) :
			    asoc->rto_min;
	max = ri.srto_max ? max(msecs_to_jiffies(ri.srto_max), 1UL) :
			    asoc->rto_max;
	err = min > max ? -EINVAL : 0;
	if (!err) {
		if (ri.srto_initial)
			asoc->rto_initial =
				max(msecs_to_jiffies(ri.srto_initial), 1UL);
		asoc->rto_min = min;
		asoc->rto_max = max;
	}
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
	return err;
}

/*
 * RFC 6458 s8.1.2: SCTP_ASSOCINFO.  Zero fields keep their value; the
 * association id picks one association or, as SCTP_FUTURE_ASSOC, the
 * socket's default.
 */
static int set_associnfo(struct sock *sk, sockptr_t val, unsigned int len)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct sctp_assocparams ap;
	struct xsctp_assoc *asoc;
	int err;

	if (len != sizeof(ap))
		return -EINVAL;
	if (copy_from_sockptr(&ap, val, sizeof(ap)))
		return -EFAULT;
	err = xsctp_opt_assoc_of(sk, ap.sasoc_assoc_id, false, &asoc);
	if (err)
		return err;
	if (asoc) {
		spin_lock_bh(&asoc->lock);
		if (ap.sasoc_asocmaxrxt)
			asoc->max_retrans = ap.sasoc_asocmaxrxt;
		spin_unlock_bh(&asoc->lock);
		xsctp_assoc_put(asoc);
		return 0;
	}
	if (ap.sasoc_asocmaxrxt)
		xs->opts.max_retrans = ap.sasoc_asocmaxrxt;
	if (ap.sasoc_cookie_life)
		xs->opts.cookie_life = ap.sasoc_cookie_life;
	return 0;
}

static int get_associnfo(struct sock *sk, char __user *optval,
			 int __user *optlen, int len)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct sctp_assocparams ap;
	struct xsctp_assoc *asoc;
	int err;

	if (len < (int)sizeof(ap))
		return -EINVAL;
	if (copy_from_user(&ap, optval, sizeof(ap)))
		return -EFAULT;
	err = xsctp_opt_assoc_of(sk, ap.sasoc_assoc_id, false, &asoc);
	if (err)
		return err;
	ap.sasoc_asocmaxrxt = xs->opts.max_retrans;
	ap.sasoc_cookie_life = xs->opts.cookie_life;
	ap.sasoc_local_rwnd = sk->sk_rcvbuf;
	ap.sasoc_peer_rwnd = 0;
	ap.sasoc_number_peer_destinations = 0;
	if (asoc) {
		spin_lock_bh(&asoc->lock);
		ap.sasoc_asocmaxrxt = asoc->max_retrans;
		ap.sasoc_peer_rwnd = asoc->peer_rwnd;
		ap.sasoc_number_peer_destinations = asoc->npaths;
		spin_unlock_bh(&asoc->lock);
		xsctp_assoc_put(asoc);
	}
	return xsctp_put_opt(optval, optlen, len, &ap, sizeof(ap));
}

/*
 * RFC 6458 s8.1.27: SCTP_REUSE_PORT lets one-to-one sockets share a
 * port, as SO_REUSEADDR does; only before bind() (Linux then answers
 * EFAULT).
 */
static int set_reuse_port(struct sock *sk, sockptr_t val, unsigned int len)
{
	int v, err;

	if (!xsctp_style_tcp(sk))
		return -EOPNOTSUPP;
	if (inet_sk(sk)->inet_num)
		return -EFAULT;
	err = get_int(val, len, &v);
	if (err)
		return err;
	xsctp_sk(sk)->opts.reuse = !!v;
	return 0;
}

/* Boolean int options; Linux takes any length from an int up. */
static int set_flag(struct sock *sk, int optname, sockptr_t val,
		    unsigned int len)
{
	struct xsctp_sock_opts *o = &xsctp_sk(sk)->opts;
	int v, err;

	err = get_int(val, len, &v);
	if (err)
		return err;
	switch (optname) {
	case SCTP_NODELAY:
		o->nodelay = !!v;
		break;
	case SCTP_RECVRCVINFO:
		o->recvrcvinfo = !!v;
		break;
	case SCTP_RECVNXTINFO:
		o->recvnxtinfo = !!v;
		break;
	case SCTP_DISABLE_FRAGMENTS:
		o->disable_frags = !!v;
		break;
	case SCTP_I_WANT_MAPPED_V4_ADDR:
		/* s8.1.15: only v6 sockets map, but Linux takes it on all */
		o->v4mapped = !!v;
		break;
	}
	return 0;
}

/* The association an option names: one-to-one its only one, else by id. */
static struct xsctp_assoc *opt_assoc(struct sock *sk, sctp_assoc_t id)
{
	if (xsctp_style_tcp(sk))
		return xsctp_sk_first_assoc(sk);
	return xsctp_assoc_by_id(sk, id);
}

static int check_paddrparams(const struct sctp_paddrparams *pp)
{
	u32 f = pp->spp_flags;

	if ((f & SPP_HB) == SPP_HB || (f & SPP_PMTUD) == SPP_PMTUD ||
	    (f & SPP_SACKDELAY) == SPP_SACKDELAY || pp->spp_sackdelay > 500)
		return -EINVAL;
	/* a fixed path MTU needs PMTU handling that is not built yet */
	if (f & SPP_PMTUD_DISABLE)
		return -EOPNOTSUPP;
	return 0;
}

/* Called under asoc->lock. */
static void paddrparams_assoc(struct xsctp_assoc *asoc,
			      const struct sctp_paddrparams *pp)
{
	u32 f = pp->spp_flags;
	struct xsctp_path *p;

	if (pp->spp_hbinterval || (f & SPP_HB_TIME_IS_ZERO))
		asoc->hb_interval = msecs_to_jiffies(pp->spp_hbinterval);
	if (pp->spp_pathmaxrxt) {
		/* association-wide: every path, and those to come */
		asoc->path_max_retrans = pp->spp_pathmaxrxt;
		list_for_each_entry(p, &asoc->paths, list)
			p->max_retrans = pp->spp_pathmaxrxt;
	}
	if ((f & SPP_SACKDELAY_ENABLE) && pp->spp_sackdelay)
		asoc->sack_delay = max(msecs_to_jiffies(pp->spp_sackdelay), 1UL);
	if (f & SPP_HB_DISABLE)
		asoc->hb_on = false;
	else if (f & SPP_HB_ENABLE)
		asoc->hb_on = true;
	list_for_each_entry(p, &asoc->paths, list) {
		xsctp_timer_stop(&p->hb);
		xsctp_path_hb_arm(p);
	}
	if ((f & SPP_HB_DEMAND) && !asoc->dead)
		xsctp_path_hb_send(asoc, asoc->primary);
}

/* RFC 6458 s8.1.12: SCTP_PEER_ADDR_PARAMS (heartbeats, SACK delay, ...) */
static int set_paddrparams(struct sock *sk, sockptr_t val, unsigned int len)
{
	struct xsctp_sock_opts *o = &xsctp_sk(sk)->opts;
	struct sctp_paddrparams pp = {};
	struct xsctp_assoc *asoc;
	int err;

	/* Linux also takes the size before spp_ipv6_flowlabel existed */
	if (len < offsetof(struct sctp_paddrparams, spp_ipv6_flowlabel) ||
	    len > sizeof(pp))
		return -EINVAL;
	if (copy_from_sockptr(&pp, val, len))
		return -EFAULT;
	err = check_paddrparams(&pp);
	if (err)
		return err;
	asoc = opt_assoc(sk, pp.spp_assoc_id);
	if (!asoc && !xsctp_style_tcp(sk) && pp.spp_assoc_id > SCTP_ALL_ASSOC)
		return -EINVAL;
	if (!asoc && (pp.spp_flags & SPP_HB_DEMAND))
		return -EINVAL;
	if (asoc) {
		spin_lock_bh(&asoc->lock);
		paddrparams_assoc(asoc, &pp);
		spin_unlock_bh(&asoc->lock);
		xsctp_assoc_put(asoc);
		return 0;
	}
	if (pp.spp_hbinterval || (pp.spp_flags & SPP_HB_TIME_IS_ZERO))
		o->hb_interval = pp.spp_hbinterval;
	if (pp.spp_pathmaxrxt)
		o->path_max_retrans = pp.spp_pathmaxrxt;
	if ((pp.spp_flags & SPP_SACKDELAY_ENABLE) && pp.spp_sackdelay)
		o->sack_delay = pp.spp_sackdelay;
	if (pp.spp_flags & SPP_HB_DISABLE)
		o->hb_off = true;
	else if (pp.spp_flags & SPP_HB_ENABLE)
		o->hb_off = false;
	return 0;
}

static int sctp_set(struct sock *sk, int optname, sockptr_t val,
		    unsigned int len)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	int v;

	switch (optname) {
	case SCTP_INITMSG:
		return set_initmsg(xs, val, len);
	case SCTP_EVENTS:
		return set_events(sk, val, len);
	case SCTP_ADAPTATION_LAYER:
		return set_adaptation(sk, val, len);
	case SCTP_EVENT:
		return set_event(sk, val, len);
	case SCTP_RTOINFO:
		return set_rtoinfo(sk, val, len);
	case SCTP_ASSOCINFO:
		return set_associnfo(sk, val, len);
	case SCTP_PEER_ADDR_PARAMS:
		return set_paddrparams(sk, val, len);
	case SCTP_DEFAULT_SEND_PARAM:
	case SCTP_DEFAULT_SNDINFO:
	case SCTP_CONTEXT:
	case SCTP_MAX_BURST:
	case SCTP_MAXSEG:
	case SCTP_DELAYED_SACK:
		return xsctp_scoped_setsockopt(sk, optname, val, len);
	case SCTP_REUSE_PORT:
		return set_reuse_port(sk, val, len);
	case SCTP_AUTOCLOSE:
		/* RFC 6458 s8.1.8: one-to-many only, seconds, 0 is off;
		 * bounded so that it fits a timer (Linux's default bound)
		 */
		if (xsctp_style_tcp(sk))
			return -EOPNOTSUPP;
		if (len != sizeof(int))
			return -EINVAL;
		if (copy_from_sockptr(&v, val, sizeof(v)))
			return -EFAULT;
		xs->opts.autoclose = min_t(u32, (u32)v, INT_MAX / HZ);
		return 0;
	case SCTP_PARTIAL_DELIVERY_POINT:
		/* RFC 6458 s8.1.21, bytes; Linux: exactly a u32, at most
		 * half the receive buffer (its window is built on that half)
		 */
		if (len != sizeof(u32))
			return -EINVAL;
		if (copy_from_sockptr(&v, val, sizeof(v)))
			return -EFAULT;
		if ((u32)v > (u32)sk->sk_rcvbuf >> 1)
			return -EINVAL;
		xs->opts.pd_point = v;
		return 0;
	case SCTP_FRAGMENT_INTERLEAVE:
		/* s8.1.20: levels 1 and 2 interleave across associations;
		 * without I-DATA (RFC 8260) level 2 is level 1, as on Linux,
		 * which takes exactly an int here
		 */
		if (len != sizeof(int))
			return -EINVAL;
		if (copy_from_sockptr(&v, val, sizeof(v)))
			return -EFAULT;
		xs->opts.frag_interleave = !!v;
		return 0;
	case SCTP_NODELAY:
	case SCTP_RECVRCVINFO:
	case SCTP_RECVNXTINFO:
	case SCTP_DISABLE_FRAGMENTS:
	case SCTP_I_WANT_MAPPED_V4_ADDR:
		return set_flag(sk, optname, val, len);
	default:
		return xsctp_addr_setsockopt(sk, optname, val, len);
	}
}

int xsctp_setsockopt(struct sock *sk, int level, int optname,
		     sockptr_t optval, unsigned int optlen)
{
	int err;

	if (level != SOL_SCTP) {
		if (sk->sk_family == AF_INET6)
			return ipv6_setsockopt(sk, level, optname, optval,
					       optlen);
		return ip_setsockopt(sk, level, optname, optval, optlen);
	}
	lock_sock(sk);
	err = sctp_set(sk, optname, optval, optlen);
	release_sock(sk);
	return err;
}

/* RFC 6458 s8.2.1: SCTP_STATUS */
static int get_status(struct sock *sk, char __user *optval,
		      int __user *optlen, int len)
{
	struct sctp_status st = {};
	struct xsctp_assoc *asoc;
	struct xsctp_path *p;

	if (len < (int)sizeof(st))
		return -EINVAL;
	if (copy_from_user(&st, optval, sizeof(st)))
		return -EFAULT;
	asoc = xsctp_style_tcp(sk) ? xsctp_sk_first_assoc(sk) :
				     xsctp_assoc_by_id(sk, st.sstat_assoc_id);
	if (!asoc)
		return -EINVAL;
	spin_lock_bh(&asoc->lock);
	p = asoc->primary;
	st.sstat_assoc_id = asoc->id;
	st.sstat_state = asoc->state;
	st.sstat_rwnd = asoc->peer_rwnd;
	st.sstat_unackdata = skb_queue_len(&asoc->sentq);
	st.sstat_penddata = skb_queue_len(&asoc->sendq);
	st.sstat_instrms = asoc->nistreams;
	st.sstat_outstrms = asoc->nostreams;
	st.sstat_fragmentation_point = xsctp_assoc_frag_point(asoc);
	xsctp_addr_to_user(&p->addr, v4map(sk),
			   (struct sockaddr *)&st.sstat_primary.spinfo_address);
	st.sstat_primary.spinfo_assoc_id = asoc->id;
	st.sstat_primary.spinfo_state = p->state;
	st.sstat_primary.spinfo_cwnd = p->cwnd;
	st.sstat_primary.spinfo_srtt = jiffies_to_msecs(p->srtt);
	st.sstat_primary.spinfo_rto = jiffies_to_msecs(p->rto);
	st.sstat_primary.spinfo_mtu = p->pmtu;
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
	return xsctp_put_opt(optval, optlen, len, &st, sizeof(st));
}

/*
 * SCTP_GET_ASSOC_STATS, Linux's (not in RFC 6458): as sctp.ko, any length
 * from the id up, the RTO in jiffies (the highest since the last read,
 * which starts a new period at RTO.Min) and its path as stored.
 */
static int get_assoc_stats(struct sock *sk, char __user *optval,
			   int __user *optlen, int len)
{
	struct sctp_assoc_stats sas = {};
	struct xsctp_assoc_stats *st;
	struct xsctp_assoc *asoc;

	if (len < (int)sizeof(sctp_assoc_t))
		return -EINVAL;
	len = min_t(int, len, sizeof(sas));
	if (copy_from_user(&sas, optval, len))
		return -EFAULT;
	if (xsctp_opt_assoc_of(sk, sas.sas_assoc_id, false, &asoc) || !asoc)
		return -EINVAL;
	spin_lock_bh(&asoc->lock);
	st = &asoc->stats;
	sas.sas_rtxchunks = st->rtxchunks;
	sas.sas_gapcnt = st->gapcnt;
	sas.sas_outofseqtsns = st->outofseqtsns;
	sas.sas_osacks = st->osacks;
	sas.sas_isacks = st->isacks;
	sas.sas_octrlchunks = st->octrlchunks;
	sas.sas_ictrlchunks = st->ictrlchunks;
	sas.sas_oodchunks = st->oodchunks;
	sas.sas_iodchunks = st->iodchunks;
	sas.sas_ouodchunks = st->ouodchunks;
	sas.sas_iuodchunks = st->iuodchunks;
	sas.sas_idupchunks = st->idupchunks;
	sas.sas_opackets = st->opackets;
	sas.sas_ipackets = st->ipackets;
	sas.sas_maxrto = st->max_rto;
	memcpy(&sas.sas_obs_rto_ipaddr, &st->max_rto_addr,
	       st->max_rto_addr.sa.sa_family == AF_INET ?
	       sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6));
	st->max_rto = asoc->rto_min;
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
	return xsctp_put_opt(optval, optlen, len, &sas, sizeof(sas));
}

/* RFC 6458 s8.2.6: SCTP_GET_ASSOC_ID_LIST, one-to-many only */
static int get_assoc_ids(struct sock *sk, char __user *optval,
			 int __user *optlen, int len)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct sctp_assoc_ids *ids;
	struct xsctp_assoc *asoc;
	u32 n = 0, size;
	int err;

	if (xsctp_style_tcp(sk))
		return -EOPNOTSUPP;
	if (len < (int)sizeof(*ids))
		return -EINVAL;
	spin_lock_bh(&xs->assoc_lock);
	size = struct_size(ids, gaids_assoc_id, xs->nassocs);
	if ((u32)len < size) {
		spin_unlock_bh(&xs->assoc_lock);
		return -EINVAL;
	}
	ids = kmalloc(size, GFP_ATOMIC);
	if (!ids) {
		spin_unlock_bh(&xs->assoc_lock);
		return -ENOMEM;
	}
	list_for_each_entry(asoc, &xs->assocs, sock_node)
		ids->gaids_assoc_id[n++] = asoc->id;
	ids->gaids_number_of_ids = n;
	spin_unlock_bh(&xs->assoc_lock);
	size = struct_size(ids, gaids_assoc_id, n);
	err = xsctp_put_opt(optval, optlen, len, ids, size);
	kfree(ids);
	return err;
}

static int get_paddrparams(struct sock *sk, char __user *optval,
			   int __user *optlen, int len)
{
	struct xsctp_sock_opts *o = &xsctp_sk(sk)->opts;
	struct sctp_paddrparams pp;
	struct xsctp_assoc *asoc;
	bool hb_on = !o->hb_off;

	if (len < (int)offsetof(struct sctp_paddrparams, spp_ipv6_flowlabel))
		return -EINVAL;
	memset(&pp, 0, sizeof(pp));
	if (copy_from_user(&pp, optval, min_t(int, len, sizeof(pp))))
		return -EFAULT;
	asoc = opt_assoc(sk, pp.spp_assoc_id);
	if (!asoc && !xsctp_style_tcp(sk) && pp.spp_assoc_id > SCTP_ALL_ASSOC)
		return -EINVAL;
	pp.spp_hbinterval = o->hb_interval;
	pp.spp_pathmaxrxt = o->path_max_retrans;
	pp.spp_sackdelay = o->sack_delay;
	if (asoc) {
		spin_lock_bh(&asoc->lock);
		pp.spp_hbinterval = jiffies_to_msecs(asoc->hb_interval);
		pp.spp_pathmaxrxt = asoc->path_max_retrans;
		pp.spp_sackdelay = jiffies_to_msecs(asoc->sack_delay);
		pp.spp_pathmtu = asoc->primary->pmtu;
		hb_on = asoc->hb_on;
		spin_unlock_bh(&asoc->lock);
		xsctp_assoc_put(asoc);
	}
	pp.spp_flags = (hb_on ? SPP_HB_ENABLE : SPP_HB_DISABLE) |
		       SPP_PMTUD_ENABLE | SPP_SACKDELAY_ENABLE;
	return xsctp_put_opt(optval, optlen, len, &pp, sizeof(pp));
}

static int get_rtoinfo(struct sock *sk, char __user *optval,
		       int __user *optlen, int len)
{
	struct xsctp_sock_opts *o = &xsctp_sk(sk)->opts;
	struct xsctp_assoc *asoc;
	struct sctp_rtoinfo ri;
	int err;

	if (len < (int)sizeof(ri))
		return -EINVAL;
	if (copy_from_user(&ri, optval, sizeof(ri)))
		return -EFAULT;
	err = xsctp_opt_assoc_of(sk, ri.srto_assoc_id, false, &asoc);
	if (err)
		return err;
	ri.srto_initial = o->rto_initial;
	ri.srto_min = o->rto_min;
	ri.srto_max = o->rto_max;
	if (asoc) {
		spin_lock_bh(&asoc->lock);
		ri.srto_initial = jiffies_to_msecs(asoc->rto_initial);
		ri.srto_min = jiffies_to_msecs(asoc->rto_min);
		ri.srto_max = jiffies_to_msecs(asoc->rto_max);
		spin_unlock_bh(&asoc->lock);
		xsctp_assoc_put(asoc);
	}
	return xsctp_put_opt(optval, optlen, len, &ri, sizeof(ri));
}

/* SCTP_EVENT: the association's subscription, or the socket's. */
static int get_event(struct sock *sk, char __user *optval,
		     int __user *optlen, int len)
{
	u32 events = xsctp_sk(sk)->opts.events;
	struct xsctp_assoc *asoc;
	struct sctp_event e;
	int err;

	if (len < (int)sizeof(e))
		return -EINVAL;
	if (copy_from_user(&e, optval, sizeof(e)))
		return -EFAULT;
	if (e.se_type < SCTP_SN_TYPE_BASE || e.se_type > SCTP_SN_TYPE_MAX)
		return -EINVAL;
	err = xsctp_opt_assoc_of(sk, e.se_assoc_id, false, &asoc);
	if (err)
		return err;
	if (asoc) {
		events = READ_ONCE(asoc->events);
		xsctp_assoc_put(asoc);
	}
	e.se_on = !!(events & (1U << (e.se_type - SCTP_SN_TYPE_BASE)));
	return xsctp_put_opt(optval, optlen, len, &e, sizeof(e));
}

static int get_adaptation(struct sock *sk, char __user *optval,
			  int __user *optlen, int len)
{
	struct sctp_setadaptation a = {
		.ssb_adaptation_ind = xsctp_sk(sk)->opts.adaptation_ind,
	};

	if (len < (int)sizeof(a))
		return -EINVAL;
	return xsctp_put_opt(optval, optlen, len, &a, sizeof(a));
}

/* Int options, all at least an int long on get. */
static int get_flag(struct sock *sk, int optname, char __user *optval,
		    int __user *optlen, int len)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	const struct xsctp_sock_opts *o = &xs->opts;
	int v;

	if ((optname == SCTP_AUTOCLOSE || optname == SCTP_GET_ASSOC_NUMBER) &&
	    xsctp_style_tcp(sk))
		return -EOPNOTSUPP;	/* one-to-many only */
	if (len < (int)sizeof(int))
		return -EINVAL;
	switch (optname) {
	case SCTP_NODELAY:
		v = o->nodelay;
		break;
	case SCTP_RECVRCVINFO:
		v = o->recvrcvinfo;
		break;
	case SCTP_RECVNXTINFO:
		v = o->recvnxtinfo;
		break;
	case SCTP_DISABLE_FRAGMENTS:
		v = o->disable_frags;
		break;
	case SCTP_FRAGMENT_INTERLEAVE:
		v = o->frag_interleave;
		break;
	case SCTP_I_WANT_MAPPED_V4_ADDR:
		v = o->v4mapped;
		break;
	case SCTP_REUSE_PORT:
		v = o->reuse;
		break;
	case SCTP_AUTOCLOSE:
		v = o->autoclose;
		break;
	case SCTP_PARTIAL_DELIVERY_POINT:
		v = o->pd_point;
		break;
	default:	/* RFC 6458 s8.2.5: SCTP_GET_ASSOC_NUMBER */
		v = READ_ONCE(xs->nassocs);
		break;
	}
	return xsctp_put_opt(optval, optlen, len, &v, sizeof(v));
}

static int sctp_get(struct sock *sk, int optname, char __user *optval,
		    int __user *optlen, int len)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	u8 ev[sizeof(struct sctp_event_subscribe)];
	struct sctp_initmsg im;
	unsigned int i;

	switch (optname) {
	case SCTP_INITMSG:
		if (len < (int)sizeof(im))
			return -EINVAL;
		/* from the stack: hardened usercopy refuses slab fields */
		im = xs->opts.initmsg;
		return xsctp_put_opt(optval, optlen, len, &im, sizeof(im));
	case SCTP_EVENTS:
		/* any length up to the structure's, as on Linux */
		if (!len)
			return -EINVAL;
		for (i = 0; i < sizeof(ev); i++)
			ev[i] = !!(xs->opts.events & (1U << i));
		return xsctp_put_opt(optval, optlen, len, ev, sizeof(ev));
	case SCTP_EVENT:
		return get_event(sk, optval, optlen, len);
	case SCTP_ADAPTATION_LAYER:
		return get_adaptation(sk, optval, optlen, len);
	case SCTP_RTOINFO:
		return get_rtoinfo(sk, optval, optlen, len);
	case SCTP_STATUS:
		return get_status(sk, optval, optlen, len);
	case SCTP_GET_ASSOC_STATS:
		return get_assoc_stats(sk, optval, optlen, len);
	case SCTP_ASSOCINFO:
		return get_associnfo(sk, optval, optlen, len);
	case SCTP_PEER_ADDR_PARAMS:
		return get_paddrparams(sk, optval, optlen, len);
	case SCTP_GET_ASSOC_ID_LIST:
		return get_assoc_ids(sk, optval, optlen, len);
	case SCTP_DEFAULT_SEND_PARAM:
	case SCTP_DEFAULT_SNDINFO:
	case SCTP_CONTEXT:
	case SCTP_MAX_BURST:
	case SCTP_MAXSEG:
	case SCTP_DELAYED_SACK:
		return xsctp_scoped_getsockopt(sk, optname, optval, optlen,
					       len);
	case SCTP_NODELAY:
	case SCTP_RECVRCVINFO:
	case SCTP_RECVNXTINFO:
	case SCTP_DISABLE_FRAGMENTS:
	case SCTP_FRAGMENT_INTERLEAVE:
	case SCTP_I_WANT_MAPPED_V4_ADDR:
	case SCTP_REUSE_PORT:
	case SCTP_AUTOCLOSE:
	case SCTP_PARTIAL_DELIVERY_POINT:
	case SCTP_GET_ASSOC_NUMBER:
		return get_flag(sk, optname, optval, optlen, len);
	default:
		return xsctp_addr_getsockopt(sk, optname, optval, optlen, len);
	}
}

int xsctp_getsockopt(struct sock *sk, int level, int optname,
		     char __user *optval, int __user *optlen)
{
	int len, err;

	if (level != SOL_SCTP) {
		if (sk->sk_family == AF_INET6)
			return ipv6_getsockopt(sk, level, optname, optval,
					       optlen);
		return ip_getsockopt(sk, level, optname, optval, optlen);
	}
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	lock_sock(sk);
	err = sctp_get(sk, optname, optval, optlen, len);
	release_sock(sk);
	return err;
}
