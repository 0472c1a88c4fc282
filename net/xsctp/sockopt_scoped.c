// SPDX-License-Identifier: GPL-2.0
/*
 * The options kept per association with a socket-wide default for new
 * ones (RFC 6458 s7.2: SCTP_FUTURE_ASSOC, SCTP_CURRENT_ASSOC,
 * SCTP_ALL_ASSOC): SCTP_DEFAULT_SNDINFO, SCTP_DEFAULT_SEND_PARAM,
 * SCTP_CONTEXT, SCTP_MAX_BURST, SCTP_MAXSEG and SCTP_DELAYED_SACK.  One
 * set of values (struct scoped_val) carries each of them to an
 * association, to the socket's defaults, or to every association.
 */
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sock.h>
#include <net/xsctp/sockopt.h>

/* The smallest MTU SCTP_MAXSEG must fit in (Linux's minimum segment). */
#define XSCTP_MIN_SEGMENT	512

/*
 * What the options kept per association hold (SCTP_DEFAULT_SNDINFO,
 * SCTP_DEFAULT_SEND_PARAM, SCTP_CONTEXT, SCTP_MAX_BURST, SCTP_MAXSEG,
 * SCTP_DELAYED_SACK), in the user's units.  A set uses the fields of
 * @optname; a read fills all.
 */
struct scoped_val {
	int optname;
	struct sctp_sndrcvinfo snd;	/* stream, flags, ppid, context, ttl */
	struct sctp_sack_info sack;
	u32 context;
	u32 max_burst;
	u32 maxseg;
};

/* Called under asoc->lock. */
static void scoped_set_assoc(struct xsctp_assoc *asoc,
			     const struct scoped_val *sv)
{
	const struct sctp_sack_info *si = &sv->sack;

	switch (sv->optname) {
	case SCTP_DEFAULT_SEND_PARAM:
		asoc->default_ttl = sv->snd.sinfo_timetolive;
		fallthrough;
	case SCTP_DEFAULT_SNDINFO:
		asoc->default_stream = sv->snd.sinfo_stream;
		asoc->default_flags = sv->snd.sinfo_flags;
		asoc->default_ppid = sv->snd.sinfo_ppid;
		asoc->default_context = sv->snd.sinfo_context;
		break;
	case SCTP_CONTEXT:
		asoc->rcv_context = sv->context;
		break;
	case SCTP_MAX_BURST:
		asoc->max_burst = sv->max_burst;
		break;
	case SCTP_MAXSEG:
		asoc->user_frag = sv->maxseg;
		break;
	case SCTP_DELAYED_SACK:
		/* s8.1.19: zero keeps a value; a frequency of 1 turns
		 * delayed SACK off, any other value or a delay on again
		 */
		if (si->sack_delay) {
			asoc->sack_delay = max(msecs_to_jiffies(si->sack_delay),
					       1UL);
			asoc->sack_off = false;
		}
		if (si->sack_freq == 1) {
			asoc->sack_off = true;
		} else if (si->sack_freq) {
			asoc->sack_freq = si->sack_freq;
			asoc->sack_off = false;
		}
		asoc->sack_every = asoc->sack_off ? 1 :
				   min(asoc->sack_freq, 255U);
		break;
	}
}

/* Called under the socket lock: the default for new associations. */
static void scoped_set_sock(struct xsctp_sock_opts *o,
			    const struct scoped_val *sv)
{
	const struct sctp_sack_info *si = &sv->sack;

	switch (sv->optname) {
	case SCTP_DEFAULT_SEND_PARAM:
		o->default_ttl = sv->snd.sinfo_timetolive;
		fallthrough;
	case SCTP_DEFAULT_SNDINFO:
		o->default_stream = sv->snd.sinfo_stream;
		o->default_flags = sv->snd.sinfo_flags;
		o->default_ppid = sv->snd.sinfo_ppid;
		o->default_context = sv->snd.sinfo_context;
		break;
	case SCTP_CONTEXT:
		o->rcv_context = sv->context;
		break;
	case SCTP_MAX_BURST:
		o->max_burst = sv->max_burst;
		break;
	case SCTP_MAXSEG:
		o->user_frag = sv->maxseg;
		break;
	case SCTP_DELAYED_SACK:
		if (si->sack_delay) {
			o->sack_delay = si->sack_delay;
			o->sack_off = 0;
		}
		if (si->sack_freq == 1) {
			o->sack_off = 1;
		} else if (si->sack_freq) {
			o->sack_freq = si->sack_freq;
			o->sack_off = 0;
		}
		break;
	}
}

static void scoped_set_one(struct xsctp_assoc *asoc, const void *sv)
{
	scoped_set_assoc(asoc, sv);
}

static void scoped_set_each(struct sock *sk, const struct scoped_val *sv)
{
	xsctp_opt_each_assoc(sk, scoped_set_one, sv);
}

/*
 * RFC 6458 s7.2: a set names one association or, on a one-to-many
 * socket, SCTP_FUTURE_ASSOC (later associations), SCTP_CURRENT_ASSOC
 * (existing ones) or SCTP_ALL_ASSOC (both).  @any: whether the option
 * takes CURRENT and ALL.
 */
static int scoped_set(struct sock *sk, sctp_assoc_t id, bool any,
		      const struct scoped_val *sv)
{
	struct xsctp_assoc *asoc;
	int err;

	err = xsctp_opt_assoc_of(sk, id, any, &asoc);
	if (err)
		return err;
	if (asoc) {
		spin_lock_bh(&asoc->lock);
		scoped_set_assoc(asoc, sv);
		spin_unlock_bh(&asoc->lock);
		xsctp_assoc_put(asoc);
		return 0;
	}
	if (xsctp_style_tcp(sk))
		id = SCTP_FUTURE_ASSOC;
	if (id == SCTP_FUTURE_ASSOC || id == SCTP_ALL_ASSOC)
		scoped_set_sock(&xsctp_sk(sk)->opts, sv);
	if (id == SCTP_CURRENT_ASSOC || id == SCTP_ALL_ASSOC)
		scoped_set_each(sk, sv);
	return 0;
}

/* Reads the values of association @id, or the socket's defaults. */
static int scoped_get(struct sock *sk, sctp_assoc_t id, struct scoped_val *sv)
{
	const struct xsctp_sock_opts *o = &xsctp_sk(sk)->opts;
	struct sctp_sndrcvinfo *snd = &sv->snd;
	struct xsctp_assoc *asoc;
	int err;

	err = xsctp_opt_assoc_of(sk, id, false, &asoc);
	if (err)
		return err;
	if (!asoc) {
		snd->sinfo_stream = o->default_stream;
		snd->sinfo_flags = o->default_flags;
		snd->sinfo_ppid = o->default_ppid;
		snd->sinfo_context = o->default_context;
		snd->sinfo_timetolive = o->default_ttl;
		sv->context = o->rcv_context;
		sv->max_burst = o->max_burst;
		sv->maxseg = o->user_frag;
		sv->sack.sack_delay = o->sack_off ? 0 : o->sack_delay;
		sv->sack.sack_freq = o->sack_off ? 1 : o->sack_freq;
		return 0;
	}
	spin_lock_bh(&asoc->lock);
	snd->sinfo_stream = asoc->default_stream;
	snd->sinfo_flags = asoc->default_flags;
	snd->sinfo_ppid = asoc->default_ppid;
	snd->sinfo_context = asoc->default_context;
	snd->sinfo_timetolive = asoc->default_ttl;
	sv->context = asoc->rcv_context;
	sv->max_burst = asoc->max_burst;
	sv->maxseg = xsctp_assoc_frag_point(asoc);	/* the effective value */
	sv->sack.sack_delay = asoc->sack_off ? 0 :
			      jiffies_to_msecs(asoc->sack_delay);
	sv->sack.sack_freq = asoc->sack_off ? 1 : asoc->sack_freq;
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
	return 0;
}

/*
 * RFC 6458 s8.1.31 SCTP_DEFAULT_SNDINFO, and s8.1.14's older
 * SCTP_DEFAULT_SEND_PARAM: what sendmsg() without SCTP_SNDINFO or
 * SCTP_SNDRCV uses.  Only flags a send may carry are taken.
 */
static int set_default_send(struct sock *sk, int optname, sockptr_t val,
			    unsigned int len)
{
	struct scoped_val sv = { .optname = optname };
	struct sctp_sndinfo si;
	sctp_assoc_t id;

	if (optname == SCTP_DEFAULT_SEND_PARAM) {
		if (len != sizeof(sv.snd))
			return -EINVAL;
		if (copy_from_sockptr(&sv.snd, val, sizeof(sv.snd)))
			return -EFAULT;
		id = sv.snd.sinfo_assoc_id;
	} else {
		if (len != sizeof(si))
			return -EINVAL;
		if (copy_from_sockptr(&si, val, sizeof(si)))
			return -EFAULT;
		sv.snd.sinfo_stream = si.snd_sid;
		sv.snd.sinfo_flags = si.snd_flags;
		sv.snd.sinfo_ppid = si.snd_ppid;
		sv.snd.sinfo_context = si.snd_context;
		id = si.snd_assoc_id;
	}
	if (sv.snd.sinfo_flags &
	    ~(SCTP_UNORDERED | SCTP_ADDR_OVER | SCTP_ABORT | SCTP_EOF))
		return -EINVAL;
	return scoped_set(sk, id, true, &sv);
}

/*
 * Options in a struct sctp_assoc_value: SCTP_CONTEXT (s8.1.17),
 * SCTP_MAX_BURST (s8.1.24), SCTP_MAXSEG (s8.1.16).  The last two also
 * take a bare int for the socket's default, as Linux still does.
 */
static int set_assoc_value(struct sock *sk, int optname, sockptr_t val,
			   unsigned int len)
{
	struct sctp_assoc_value av = { .assoc_id = SCTP_FUTURE_ASSOC };
	struct scoped_val sv = { .optname = optname };
	int min, max;

	if (len == sizeof(int) && optname != SCTP_CONTEXT) {
		if (copy_from_sockptr(&av.assoc_value, val, sizeof(int)))
			return -EFAULT;
	} else if (len == sizeof(av)) {
		if (copy_from_sockptr(&av, val, sizeof(av)))
			return -EFAULT;
	} else {
		return -EINVAL;
	}
	if (optname == SCTP_CONTEXT) {
		sv.context = av.assoc_value;
		return scoped_set(sk, av.assoc_id, true, &sv);
	}
	if (optname == SCTP_MAX_BURST) {
		sv.max_burst = av.assoc_value;	/* 0: no limit */
		return scoped_set(sk, av.assoc_id, true, &sv);
	}
	/*
	 * SCTP_MAXSEG: 0 leaves the size to the path MTU; otherwise a
	 * payload that fits a packet of Linux's minimum segment, up to the
	 * largest chunk.  It names one association or the default only.
	 */
	min = XSCTP_MIN_SEGMENT - XSCTP_IP_OVERHEAD(sk->sk_family) -
	      XSCTP_DATA_HDR_LEN;
	max = XSCTP_MAX_CHUNK_LEN - XSCTP_DATA_HDR_LEN;
	if (av.assoc_value &&
	    ((int)av.assoc_value < min || (int)av.assoc_value > max))
		return -EINVAL;
	sv.maxseg = av.assoc_value;
	return scoped_set(sk, av.assoc_id, false, &sv);
}

/*
 * RFC 6458 s8.1.19: SCTP_DELAYED_SACK.  Zero in both fields changes
 * nothing.  The older struct sctp_assoc_value form sets the delay, 0
 * turning delayed SACK off.
 */
static int set_delayed_sack(struct sock *sk, sockptr_t val, unsigned int len)
{
	struct scoped_val sv = { .optname = SCTP_DELAYED_SACK };
	struct sctp_sack_info *si = &sv.sack;
	struct sctp_assoc_value av;

	if (len == sizeof(av)) {
		if (copy_from_sockptr(&av, val, sizeof(av)))
			return -EFAULT;
		si->sack_assoc_id = av.assoc_id;
		si->sack_delay = av.assoc_value;
		si->sack_freq = av.assoc_value ? 0 : 1;
	} else if (len == sizeof(*si)) {
		if (copy_from_sockptr(si, val, sizeof(*si)))
			return -EFAULT;
		if (!si->sack_delay && !si->sack_freq)
			return 0;
	} else {
		return -EINVAL;
	}
	/* RFC 9260 s6.2: the delay MUST NOT exceed 500 ms */
	if (si->sack_delay > 500)
		return -EINVAL;
	return scoped_set(sk, si->sack_assoc_id, true, &sv);
}

static int get_default_send(struct sock *sk, int optname,
			    char __user *optval, int __user *optlen, int len)
{
	union {
		struct sctp_sndrcvinfo srv;
		struct sctp_sndinfo si;
	} u;
	bool old = optname == SCTP_DEFAULT_SEND_PARAM;
	int size = old ? sizeof(u.srv) : sizeof(u.si);
	struct scoped_val sv;
	int err;

	if (len < size)
		return -EINVAL;
	if (copy_from_user(&u, optval, size))
		return -EFAULT;
	err = scoped_get(sk, old ? u.srv.sinfo_assoc_id : u.si.snd_assoc_id,
			 &sv);
	if (err)
		return err;
	if (old) {
		u.srv.sinfo_stream = sv.snd.sinfo_stream;
		u.srv.sinfo_flags = sv.snd.sinfo_flags;
		u.srv.sinfo_ppid = sv.snd.sinfo_ppid;
		u.srv.sinfo_context = sv.snd.sinfo_context;
		u.srv.sinfo_timetolive = sv.snd.sinfo_timetolive;
	} else {
		u.si.snd_sid = sv.snd.sinfo_stream;
		u.si.snd_flags = sv.snd.sinfo_flags;
		u.si.snd_ppid = sv.snd.sinfo_ppid;
		u.si.snd_context = sv.snd.sinfo_context;
	}
	return xsctp_put_opt(optval, optlen, len, &u, size);
}

/* SCTP_CONTEXT, SCTP_MAX_BURST, SCTP_MAXSEG; the last two as a bare int
 * too, for the socket's default.
 */
static int get_assoc_value(struct sock *sk, int optname,
			   char __user *optval, int __user *optlen, int len)
{
	struct sctp_assoc_value av = { .assoc_id = SCTP_FUTURE_ASSOC };
	bool bare = len == sizeof(int) && optname != SCTP_CONTEXT;
	struct scoped_val sv;
	int err;

	if (!bare && len < (int)sizeof(av))
		return -EINVAL;
	if (!bare && copy_from_user(&av, optval, sizeof(av)))
		return -EFAULT;
	err = scoped_get(sk, av.assoc_id, &sv);
	if (err)
		return err;
	av.assoc_value = optname == SCTP_CONTEXT ? sv.context :
			 optname == SCTP_MAX_BURST ? sv.max_burst : sv.maxseg;
	if (bare)
		return xsctp_put_opt(optval, optlen, len, &av.assoc_value,
			       sizeof(int));
	return xsctp_put_opt(optval, optlen, len, &av, sizeof(av));
}

/* SCTP_DELAYED_SACK; 8 bytes read as the old struct sctp_assoc_value. */
static int get_delayed_sack(struct sock *sk, char __user *optval,
			    int __user *optlen, int len)
{
	struct sctp_sack_info si;
	struct scoped_val sv;
	int size, err;

	if (len >= (int)sizeof(si))
		size = sizeof(si);
	else if (len == sizeof(struct sctp_assoc_value))
		size = sizeof(struct sctp_assoc_value);
	else
		return -EINVAL;
	if (copy_from_user(&si, optval, size))
		return -EFAULT;
	err = scoped_get(sk, si.sack_assoc_id, &sv);
	if (err)
		return err;
	si.sack_delay = sv.sack.sack_delay;
	si.sack_freq = sv.sack.sack_freq;
	return xsctp_put_opt(optval, optlen, len, &si, size);
}

int xsctp_scoped_setsockopt(struct sock *sk, int optname, sockptr_t val,
			    unsigned int len)
{
	switch (optname) {
	case SCTP_DEFAULT_SEND_PARAM:
	case SCTP_DEFAULT_SNDINFO:
		return set_default_send(sk, optname, val, len);
	case SCTP_CONTEXT:
	case SCTP_MAX_BURST:
	case SCTP_MAXSEG:
		return set_assoc_value(sk, optname, val, len);
	case SCTP_DELAYED_SACK:
		return set_delayed_sack(sk, val, len);
	default:
		return -ENOPROTOOPT;
	}
}

int xsctp_scoped_getsockopt(struct sock *sk, int optname, char __user *optval,
			    int __user *optlen, int len)
{
	switch (optname) {
	case SCTP_DEFAULT_SEND_PARAM:
	case SCTP_DEFAULT_SNDINFO:
		return get_default_send(sk, optname, optval, optlen, len);
	case SCTP_CONTEXT:
	case SCTP_MAX_BURST:
	case SCTP_MAXSEG:
		return get_assoc_value(sk, optname, optval, optlen, len);
	case SCTP_DELAYED_SACK:
		return get_delayed_sack(sk, optval, optlen, len);
	default:
		return -ENOPROTOOPT;
	}
}
