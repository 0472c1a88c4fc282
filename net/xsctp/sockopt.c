// SPDX-License-Identifier: GPL-2.0
/*
 * Socket options at level SOL_SCTP (RFC 6458 s8, as <linux/sctp.h>
 * numbers them).  An option not built yet answers ENOPROTOOPT, as a
 * kernel without it would.  Other levels go to IPv4/IPv6.
 */
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/sock.h>

static int put_opt(char __user *optval, int __user *optlen, int len,
		   const void *v, int size)
{
	len = min(len, size);
	if (put_user(len, optlen) || copy_to_user(optval, v, len))
		return -EFAULT;
	return 0;
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

/* struct sctp_event_subscribe: one byte per type, in type order. */
static int set_events(struct xsctp_sock *xs, sockptr_t val, unsigned int len)
{
	u8 ev[sizeof(struct sctp_event_subscribe)] = {};
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
	return 0;
}

static int set_event(struct xsctp_sock *xs, sockptr_t val, unsigned int len)
{
	struct sctp_event e;
	u32 bit;

	if (len != sizeof(e))
		return -EINVAL;
	if (copy_from_sockptr(&e, val, sizeof(e)))
		return -EFAULT;
	if (e.se_type < SCTP_SN_TYPE_BASE || e.se_type > SCTP_SN_TYPE_MAX)
		return -EINVAL;
	bit = 1U << (e.se_type - SCTP_SN_TYPE_BASE);
	if (e.se_on)
		xs->opts.events |= bit;
	else
		xs->opts.events &= ~bit;
	return 0;
}

static int get_int(sockptr_t val, unsigned int len, int *v)
{
	if (len < sizeof(int))
		return -EINVAL;
	return copy_from_sockptr(v, val, sizeof(int)) ? -EFAULT : 0;
}

static int set_rtoinfo(struct xsctp_sock *xs, sockptr_t val,
		       unsigned int len)
{
	struct sctp_rtoinfo ri;
	u32 min, max;

	if (len != sizeof(ri))
		return -EINVAL;
	if (copy_from_sockptr(&ri, val, sizeof(ri)))
		return -EFAULT;
	min = ri.srto_min ?: xs->opts.rto_min;
	max = ri.srto_max ?: xs->opts.rto_max;
	if (min > max || (ri.srto_initial &&
			  (ri.srto_initial < min || ri.srto_initial > max)))
		return -EINVAL;
	if (ri.srto_initial)
		xs->opts.rto_initial = ri.srto_initial;
	xs->opts.rto_min = min;
	xs->opts.rto_max = max;
	return 0;
}

/*
 * RFC 6458 s8.1.2: SCTP_ASSOCINFO.  Zero fields keep their value; the
 * association id picks one association or, as 0, the socket's default.
 */
static int set_associnfo(struct sock *sk, sockptr_t val, unsigned int len)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct sctp_assocparams ap;
	struct xsctp_assoc *asoc = NULL;

	if (len != sizeof(ap))
		return -EINVAL;
	if (copy_from_sockptr(&ap, val, sizeof(ap)))
		return -EFAULT;
	if (!xsctp_style_tcp(sk) && ap.sasoc_assoc_id > SCTP_ALL_ASSOC) {
		asoc = xsctp_assoc_by_id(sk, ap.sasoc_assoc_id);
		if (!asoc)
			return -EINVAL;
	} else if (xsctp_style_tcp(sk)) {
		asoc = xsctp_sk_first_assoc(sk);
	}
	if (asoc) {
		spin_lock_bh(&asoc->lock);
		if (ap.sasoc_asocmaxrxt)
			asoc->max_retrans = ap.sasoc_asocmaxrxt;
		spin_unlock_bh(&asoc->lock);
		xsctp_assoc_put(asoc);
		if (!xsctp_style_tcp(sk))
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

	if (len < (int)sizeof(ap))
		return -EINVAL;
	if (copy_from_user(&ap, optval, sizeof(ap)))
		return -EFAULT;
	asoc = xsctp_style_tcp(sk) ? xsctp_sk_first_assoc(sk) :
	       xsctp_assoc_by_id(sk, ap.sasoc_assoc_id);
	if (!asoc && !xsctp_style_tcp(sk) &&
	    ap.sasoc_assoc_id > SCTP_ALL_ASSOC)
		return -EINVAL;
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
	return put_opt(optval, optlen, len, &ap, sizeof(ap));
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
	if (pp->spp_pathmaxrxt)
		asoc->path_max_retrans = pp->spp_pathmaxrxt;
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
	int v, err;

	switch (optname) {
	case SCTP_INITMSG:
		return set_initmsg(xs, val, len);
	case SCTP_EVENTS:
		return set_events(xs, val, len);
	case SCTP_EVENT:
		return set_event(xs, val, len);
	case SCTP_RTOINFO:
		return set_rtoinfo(xs, val, len);
	case SCTP_ASSOCINFO:
		return set_associnfo(sk, val, len);
	case SCTP_PEER_ADDR_PARAMS:
		return set_paddrparams(sk, val, len);
	case SCTP_AUTOCLOSE:
		/* RFC 6458 s8.1.8: one-to-many only, seconds, 0 is off */
		if (xsctp_style_tcp(sk))
			return -EOPNOTSUPP;
		err = get_int(val, len, &v);
		if (err)
			return err;
		xs->opts.autoclose = min_t(u32, (u32)v, 3600U * 24 * 365);
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
	case SCTP_NODELAY:
	case SCTP_RECVRCVINFO:
	case SCTP_DISABLE_FRAGMENTS:
	case SCTP_FRAGMENT_INTERLEAVE:
		err = get_int(val, len, &v);
		if (err)
			return err;
		if (optname == SCTP_NODELAY)
			xs->opts.nodelay = !!v;
		else if (optname == SCTP_RECVRCVINFO)
			xs->opts.recvrcvinfo = !!v;
		else if (optname == SCTP_FRAGMENT_INTERLEAVE)
			/* s8.1.20: levels 1 and 2 interleave across
			 * associations; without I-DATA (RFC 8260) level 2
			 * is level 1, as on Linux
			 */
			xs->opts.frag_interleave = !!v;
		else
			xs->opts.disable_frags = !!v;
		return 0;
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
	st.sstat_fragmentation_point = (xsctp_path_room(p) - 16) & ~3U;
	xsctp_addr_to_user(&p->addr, sk->sk_family == AF_INET6,
			   (struct sockaddr *)&st.sstat_primary.spinfo_address);
	st.sstat_primary.spinfo_assoc_id = asoc->id;
	st.sstat_primary.spinfo_state = p->state;
	st.sstat_primary.spinfo_cwnd = p->cwnd;
	st.sstat_primary.spinfo_srtt = jiffies_to_msecs(p->srtt);
	st.sstat_primary.spinfo_rto = jiffies_to_msecs(p->rto);
	st.sstat_primary.spinfo_mtu = p->pmtu;
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
	return put_opt(optval, optlen, len, &st, sizeof(st));
}

/* RFC 6458 s8.2.7: SCTP_GET_ASSOC_ID_LIST, one-to-many only */
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
	err = put_opt(optval, optlen, len, ids, size);
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
	return put_opt(optval, optlen, len, &pp, sizeof(pp));
}

static int sctp_get(struct sock *sk, int optname, char __user *optval,
		    int __user *optlen, int len)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	u8 ev[sizeof(struct sctp_event_subscribe)];
	struct sctp_rtoinfo ri = {};
	unsigned int i;
	int v;

	switch (optname) {
	case SCTP_INITMSG:
		return put_opt(optval, optlen, len, &xs->opts.initmsg,
			       sizeof(xs->opts.initmsg));
	case SCTP_EVENTS:
		for (i = 0; i < sizeof(ev); i++)
			ev[i] = !!(xs->opts.events & (1U << i));
		return put_opt(optval, optlen, len, ev, sizeof(ev));
	case SCTP_RTOINFO:
		if (len < (int)sizeof(ri))
			return -EINVAL;
		ri.srto_initial = xs->opts.rto_initial;
		ri.srto_min = xs->opts.rto_min;
		ri.srto_max = xs->opts.rto_max;
		return put_opt(optval, optlen, len, &ri, sizeof(ri));
	case SCTP_STATUS:
		return get_status(sk, optval, optlen, len);
	case SCTP_ASSOCINFO:
		return get_associnfo(sk, optval, optlen, len);
	case SCTP_PEER_ADDR_PARAMS:
		return get_paddrparams(sk, optval, optlen, len);
	case SCTP_GET_ASSOC_ID_LIST:
		return get_assoc_ids(sk, optval, optlen, len);
	case SCTP_AUTOCLOSE:
		if (xsctp_style_tcp(sk))
			return -EOPNOTSUPP;
		if (len < (int)sizeof(int))
			return -EINVAL;
		v = xs->opts.autoclose;
		return put_opt(optval, optlen, len, &v, sizeof(v));
	case SCTP_PARTIAL_DELIVERY_POINT:
		if (len < (int)sizeof(u32))
			return -EINVAL;
		v = xs->opts.pd_point;
		return put_opt(optval, optlen, len, &v, sizeof(v));
	case SCTP_NODELAY:
	case SCTP_RECVRCVINFO:
	case SCTP_DISABLE_FRAGMENTS:
	case SCTP_FRAGMENT_INTERLEAVE:
		if (len < (int)sizeof(int))
			return -EINVAL;
		v = optname == SCTP_NODELAY ? xs->opts.nodelay :
		    optname == SCTP_RECVRCVINFO ? xs->opts.recvrcvinfo :
		    optname == SCTP_FRAGMENT_INTERLEAVE ?
		    xs->opts.frag_interleave : xs->opts.disable_frags;
		return put_opt(optval, optlen, len, &v, sizeof(v));
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
