// SPDX-License-Identifier: GPL-2.0
/*
 * sendmsg() and recvmsg() (RFC 6458 s3.1.3, s3.1.4, s5): one call is one
 * message; ancillary data at level IPPROTO_SCTP says where it goes and
 * tells where a received one came from.
 */
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/sock.h>
#include <net/xsctp/ulp.h>
#include <net/xsctp/wire.h>

/* What one sendmsg() asks for, from defaults and cmsgs. */
struct xsctp_sndparams {
	sctp_assoc_t assoc_id;
	u32 ppid;			/* network order */
	u32 context;
	u16 sid;
	u16 flags;			/* SCTP_UNORDERED, SCTP_EOF, ... */
	u32 ttl;			/* lifetime, ms; 0: none */
	bool has_ttl;			/* SCTP_SNDRCV or SCTP_PRINFO gave it */
	bool over;			/* to the peer address @to */
	union xsctp_addr to;
	bool has_info;			/* SCTP_SNDINFO or SCTP_SNDRCV given */
	bool has_dst;			/* SCTP_DSTADDRV4/V6 given */
	bool has_init;
	bool fresh;			/* find_assoc() set it up, not started */
	struct sctp_initmsg init;
};

static int parse_cmsgs(struct sock *sk, struct msghdr *msg,
		       struct xsctp_sndparams *p)
{
	struct cmsghdr *cmsg;

	for_each_cmsghdr(cmsg, msg) {
		if (!CMSG_OK(msg, cmsg))
			return -EINVAL;
		if (cmsg->cmsg_level != IPPROTO_SCTP)
			continue;
		switch (cmsg->cmsg_type) {
		case SCTP_SNDRCV: {
			struct sctp_sndrcvinfo *s = CMSG_DATA(cmsg);

			if (cmsg->cmsg_len != CMSG_LEN(sizeof(*s)))
				return -EINVAL;
			p->sid = s->sinfo_stream;
			p->ppid = s->sinfo_ppid;
			p->flags = s->sinfo_flags;
			p->context = s->sinfo_context;
			p->assoc_id = s->sinfo_assoc_id;
			p->has_info = true;
			/* as on Linux, the field is the policy's value */
			p->ttl = SCTP_PR_POLICY(s->sinfo_flags) <=
				 SCTP_PR_SCTP_TTL ? s->sinfo_timetolive : 0;
			p->has_ttl = true;
			break;
		}
		case SCTP_SNDINFO: {
			struct sctp_sndinfo *s = CMSG_DATA(cmsg);

			if (cmsg->cmsg_len != CMSG_LEN(sizeof(*s)))
				return -EINVAL;
			p->sid = s->snd_sid;
			p->ppid = s->snd_ppid;
			p->flags = s->snd_flags;
			p->context = s->snd_context;
			p->assoc_id = s->snd_assoc_id;
			p->has_info = true;
			break;
		}
		case SCTP_PRINFO: {
			struct sctp_prinfo *s = CMSG_DATA(cmsg);

			/* RFC 7496 policies abandon data through PR-SCTP
			 * (RFC 3758), which xsctp does not negotiate: a
			 * message goes reliably once it is sent.  A
			 * lifetime still expires a message not sent yet
			 * (RFC 6458 s5.3.2, see next_unsent() in outq.c)
			 */
			if (cmsg->cmsg_len != CMSG_LEN(sizeof(*s)) ||
			    s->pr_policy > SCTP_PR_SCTP_MAX)
				return -EINVAL;
			p->ttl = s->pr_policy == SCTP_PR_SCTP_TTL ?
				 s->pr_value : 0;
			p->has_ttl = true;
			break;
		}
		case SCTP_INIT:
			if (cmsg->cmsg_len != CMSG_LEN(sizeof(p->init)))
				return -EINVAL;
			memcpy(&p->init, CMSG_DATA(cmsg), sizeof(p->init));
			p->has_init = true;
			break;
		case SCTP_DSTADDRV4:
		case SCTP_DSTADDRV6:
			/* checked only if they set up an association */
			p->has_dst = true;
			break;
		default:
			return -EINVAL;
		}
	}
	return 0;
}

/* One SCTP_DSTADDRV4/V6 as an address of the peer at @port. */
static int dst_addr(struct sock *sk, const struct cmsghdr *cmsg, __be16 port,
		    union xsctp_addr *a)
{
	size_t dlen = cmsg->cmsg_len - sizeof(*cmsg);
	union xsctp_addr u = {};
	int err;

	if (cmsg->cmsg_type == SCTP_DSTADDRV4) {
		if (dlen < sizeof(struct in_addr))
			return -EINVAL;
		u.v4.sin_family = AF_INET;
		u.v4.sin_port = port;
		memcpy(&u.v4.sin_addr, CMSG_DATA(cmsg), sizeof(struct in_addr));
	} else {
		if (dlen < sizeof(struct in6_addr))
			return -EINVAL;
		u.v6.sin6_family = AF_INET6;
		u.v6.sin6_port = port;
		memcpy(&u.v6.sin6_addr, CMSG_DATA(cmsg),
		       sizeof(struct in6_addr));
	}
	err = xsctp_addr_from_user(a, &u.sa, sizeof(u), sk->sk_ipv6only);
	if (!err && a->sa.sa_family == AF_INET6 && sk->sk_family == AF_INET)
		err = -EINVAL;
	return err;
}

/*
 * RFC 6458 s5.3.9, s5.3.10: the peer's addresses besides msg_name for an
 * implicit setup, into @a (at most @max kept).  As sctp.ko, they act only
 * there (a send on an association ignores them); a body shorter than the
 * address or a family the socket cannot use is EINVAL, checked before
 * anything is set up.  Returns how many were kept.
 */
static int dst_addrs(struct sock *sk, struct msghdr *msg, __be16 port,
		     union xsctp_addr *a, int max)
{
	struct cmsghdr *cmsg;
	union xsctp_addr one;
	int n = 0, err;

	for_each_cmsghdr(cmsg, msg) {
		if (cmsg->cmsg_level != IPPROTO_SCTP ||
		    (cmsg->cmsg_type != SCTP_DSTADDRV4 &&
		     cmsg->cmsg_type != SCTP_DSTADDRV6))
			continue;
		err = dst_addr(sk, cmsg, port, &one);
		if (err)
			return err;
		if (n < max)
			a[n++] = one;
	}
	return n;
}

/*
 * Sets up an association to @peer and any SCTP_DSTADDRV4/V6 addresses:
 * given addresses, as sctp_connectx()'s (sock.c), so that INIT may try
 * each and those the peer's INIT ACK does not list go (handshake.c).
 */
static struct xsctp_assoc *implicit_setup(struct sock *sk, struct msghdr *msg,
					  const union xsctp_addr *peer,
					  bool dst, int *err)
{
	union xsctp_addr all[XSCTP_MAX_PATHS];
	int n = 0;

	all[0] = *peer;
	if (dst) {
		n = dst_addrs(sk, msg, xsctp_addr_port(peer), all + 1,
			      ARRAY_SIZE(all) - 1);
		if (n < 0) {
			*err = n;
			return NULL;
		}
	}
	return xsctp_connect_new(sk, all, n + 1, err);
}

/*
 * A one-to-one socket's send with msg_name: as on Linux, the message goes
 * to that address of the peer, with or without SCTP_ADDR_OVER (RFC 6458
 * s5.3.4); an address of no peer would set up another association: the
 * socket has one, EADDRNOTAVAIL (EINVAL for SCTP_EOF or SCTP_ABORT).  Consumes @asoc's
 * reference on failure.
 */
static struct xsctp_assoc *named_path(struct xsctp_assoc *asoc,
				      struct msghdr *msg,
				      struct xsctp_sndparams *p, int *err)
{
	struct sock *sk = asoc->sk;
	bool found;

	*err = xsctp_addr_from_user(&p->to, msg->msg_name, msg->msg_namelen,
				    sk->sk_ipv6only);
	if (!*err) {
		spin_lock_bh(&asoc->lock);
		found = xsctp_assoc_find_path(asoc, &p->to);
		spin_unlock_bh(&asoc->lock);
		/* a send that could not set one up is refused first */
		*err = found ? 0 : p->flags & (SCTP_EOF | SCTP_ABORT) ?
		       -EINVAL : -EADDRNOTAVAIL;
	}
	if (*err) {
		xsctp_assoc_put(asoc);
		return NULL;
	}
	p->over = true;
	return asoc;
}

/* Finds (or, for a new peer, creates) the association. */
static struct xsctp_assoc *find_assoc(struct sock *sk, struct msghdr *msg,
				      struct xsctp_sndparams *p, int *err)
{
	union xsctp_addr peer;
	struct xsctp_assoc *asoc;
	struct xsctp_path *path;

	if (xsctp_style_tcp(sk)) {
		asoc = xsctp_sk_first_assoc(sk);
		if (asoc && msg->msg_name)
			return named_path(asoc, msg, p, err);
		/* as sctp.ko: no association to send on is EPIPE, whether
		 * it ended or never was (not ENOTCONN, unlike TCP)
		 */
		*err = -EPIPE;
		if (asoc || sock_flag(sk, SOCK_DONE) ||
		    (sk->sk_shutdown & SEND_SHUTDOWN) || !msg->msg_name ||
		    sk->sk_state != TCP_CLOSE ||
		    (p->flags & (SCTP_EOF | SCTP_ABORT)))
			return asoc;
		/* as sctp.ko: a one-to-one socket never connected sets up an
		 * association with the address it sends to (RFC 6458 s3.1.5
		 * sendmsg() "implicit association setup")
		 */
		*err = xsctp_addr_from_user(&peer, msg->msg_name,
					    msg->msg_namelen, sk->sk_ipv6only);
		if (*err)
			return NULL;
		p->fresh = true;
		return implicit_setup(sk, msg, &peer, p->has_dst, err);
	}
	if (!msg->msg_name) {
		asoc = xsctp_assoc_by_id(sk, p->assoc_id);
		*err = p->assoc_id ? -EINVAL : -EDESTADDRREQ;
		return asoc;
	}
	*err = xsctp_addr_from_user(&peer, msg->msg_name, msg->msg_namelen,
				    sk->sk_ipv6only);
	if (*err)
		return NULL;
	*err = -EINVAL;
	if (peer.sa.sa_family == AF_INET6 && sk->sk_family == AF_INET)
		return NULL;
	asoc = xsctp_assoc_lookup_sk(sk, &peer, &path);
	if (asoc) {
		/* RFC 6458 s5.3.4: to this address, not the primary */
		p->over = p->flags & SCTP_ADDR_OVER;
		p->to = peer;
		return asoc;
	}
	if (p->flags & (SCTP_EOF | SCTP_ABORT))
		return NULL;
	/* RFC 6458 s3.1.3: sending to a new peer sets one up implicitly */
	if (p->has_init && p->init.sinit_num_ostreams)
		xsctp_sk(sk)->opts.initmsg.sinit_num_ostreams =
			p->init.sinit_num_ostreams;
	p->fresh = true;
	return implicit_setup(sk, msg, &peer, p->has_dst, err);
}

/*
 * RFC 6458 s8.1.31, s8.1.13: without SCTP_SNDINFO or SCTP_SNDRCV a send
 * takes the association's defaults (SCTP_DEFAULT_SNDINFO).  Their
 * SCTP_EOF and SCTP_ABORT flags do not act: as on Linux, only a send's
 * own flags end an association.
 */
static void take_defaults(const struct xsctp_assoc *asoc,
			  struct xsctp_sndparams *p)
{
	/* as on Linux: SCTP_SNDINFO has no lifetime, the default's holds */
	if (!p->has_ttl)
		p->ttl = asoc->default_ttl;
	if (p->has_info)
		return;
	p->sid = asoc->default_stream;
	p->ppid = asoc->default_ppid;
	p->context = asoc->default_context;
	p->flags = asoc->default_flags & SCTP_UNORDERED;
}

/*
 * A DATA chunk of @n bytes of user data.  One that will likely go in a
 * packet alone, at least @solo bytes, gets headroom for the packet's
 * headers: it is sent as a clone of itself (outq.c solo_packet()), not
 * copied into a packet of its own.  Its own header area is then released
 * (__skb_header_release()), so that the clone may write there.
 */
static struct sk_buff *chunk_skb(u32 size, u32 n, u32 solo)
{
	struct sk_buff *skb;

	if (n < solo)
		return alloc_skb(size, GFP_KERNEL);
	skb = xsctp_pkt_new(size, GFP_KERNEL);
	if (skb)
		__skb_header_release(skb);
	return skb;
}

/*
 * Splits the user's data into DATA chunks of at most @frag bytes.  Those
 * of half a packet or more go alone; with SCTP_NODELAY every message
 * usually does, since nothing holds it back to bundle it with the next.
 */
static int make_chunks(struct sock *sk, struct msghdr *msg, size_t len,
		       u32 frag, const struct xsctp_sndparams *p,
		       struct sk_buff_head *q)
{
	u32 solo = xsctp_sk(sk)->opts.nodelay ? 0 : frag / 2;
	u8 uflag = p->flags & SCTP_UNORDERED ? XSCTP_DATA_U : 0;
	unsigned long expires = jiffies + msecs_to_jiffies(p->ttl);
	size_t off = 0;

	do {
		u32 n = min_t(size_t, len - off, frag);
		struct xsctp_data_chunk *dc;
		struct xsctp_out_cb *cb;
		struct sk_buff *skb;
		u8 flags = uflag;

		if (!off)
			flags |= XSCTP_DATA_B;
		if (off + n == len)
			flags |= XSCTP_DATA_E;
		/* RFC 6458 s5.3.4, RFC 9260 s3.3.1: the last chunk asks for
		 * the SACK at once
		 */
		if (off + n == len && (p->flags & SCTP_SACK_IMMEDIATELY))
			flags |= XSCTP_DATA_I;
		skb = chunk_skb(ALIGN(sizeof(*dc) + n, 4), n, solo);
		if (!skb)
			return -ENOMEM;
		__skb_queue_tail(q, skb);
		dc = xsctp_pkt_chunk_fill(skb, XSCTP_CID_DATA, flags, 12 + n,
					  n);
		dc->sid = htons(p->sid);
		/* the user gives the PPID in network order (RFC 6458) */
		dc->ppid = (__force __be32)p->ppid;
		if (!copy_from_iter_full(dc + 1, n, &msg->msg_iter))
			return -EFAULT;
		cb = xsctp_out_cb(skb);
		memset(cb, 0, sizeof(*cb));
		cb->len = n;
		cb->sid = p->sid;
		cb->context = p->context;
		cb->dflags = flags;
		/* RFC 6458 s5.3.2: the lifetime runs from the send call */
		if (!off && p->ttl) {
			cb->state = XSCTP_OUT_LIFETIME;
			cb->expires = expires;
		}
		/* SEND_FAILED echoes it, as sctp.ko (0 on one-to-one) */
		if (p->has_info) {
			cb->state |= XSCTP_OUT_SENDER_ID;
			cb->sender_id = p->assoc_id;
		}
		off += n;
	} while (off < len);
	return 0;
}

struct sndbuf_wait {
	struct xsctp_assoc *asoc;
	u32 size;
	bool full;
	struct wait_queue_entry wq;
};

/*
 * As sctp.ko: a message goes while any send buffer is left (it then
 * overshoots by one message at most), so a send does not block exactly
 * when poll() says EPOLLOUT; a writer that found it full waits until its
 * message fits.
 */
static bool sndbuf_room(const struct sndbuf_wait *w)
{
	u32 used = READ_ONCE(w->asoc->sndbuf_used);
	u32 buf = READ_ONCE(w->asoc->sk->sk_sndbuf);

	return used < buf && (!w->full || w->size <= buf - used);
}

static int check_sndbuf(struct sock *sk, void *arg)
{
	struct sndbuf_wait *w = arg;

	if (READ_ONCE(w->asoc->dead))
		return -EPIPE;
	if (sndbuf_room(w))
		return 0;
	w->full = true;
	set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
	return 1;
}

/*
 * Every acknowledgment that frees send buffer wakes the socket's
 * waiters, poll() needing no more than that; a writer waiting for room
 * for its whole message is woken only once it is there (or the
 * association is gone), not for each SACK on the way.
 */
static int sndbuf_wake(struct wait_queue_entry *wq, unsigned int mode,
		       int sync, void *key)
{
	struct sndbuf_wait *w = container_of(wq, struct sndbuf_wait, wq);

	if (w->full && !READ_ONCE(w->asoc->dead) && !sndbuf_room(w))
		return 0;
	return woken_wake_function(wq, mode, sync, key);
}

/* Called under the socket lock: waits for room for @size bytes. */
static int wait_sndbuf(struct sock *sk, struct xsctp_assoc *asoc, u32 size,
		       long *timeo)
{
	struct sndbuf_wait w = { asoc, size, false };

	init_waitqueue_func_entry(&w.wq, sndbuf_wake);
	w.wq.private = current;
	return xsctp_sk_wait_on(sk, timeo, check_sndbuf, &w, &w.wq);
}

/* SCTP_EOF and SCTP_ABORT act on the association, not on data. */
static int assoc_action(struct xsctp_assoc *asoc, u16 flags)
{
	spin_lock_bh(&asoc->lock);
	if (!asoc->dead) {
		if (flags & SCTP_ABORT)
			xsctp_sm_abort(asoc, XSCTP_CAUSE_USER_ABORT,
				       ECONNRESET);
		else
			xsctp_sm_shutdown(asoc);
	}
	spin_unlock_bh(&asoc->lock);
	return 0;
}

static int send_to(struct sock *sk, struct xsctp_assoc *asoc,
		   struct msghdr *msg, size_t len,
		   const struct xsctp_sndparams *p)
{
	struct sk_buff_head q;
	u32 frag;
	long timeo;
	int err;

	if (asoc->nostreams && p->sid >= asoc->nostreams)
		return -EINVAL;
	if (!len)
		return -EINVAL;
	frag = xsctp_assoc_frag_point(asoc);
	if (xsctp_sk(sk)->opts.disable_frags && len > frag)
		return -EMSGSIZE;
	if (len > (size_t)sk->sk_sndbuf)
		return -EMSGSIZE;
	__skb_queue_head_init(&q);
	err = make_chunks(sk, msg, len, frag, p, &q);
	if (err)
		goto out;
	timeo = sock_sndtimeo(sk, msg->msg_flags & MSG_DONTWAIT);
	err = wait_sndbuf(sk, asoc, len, &timeo);
	if (err)
		goto out;
	spin_lock_bh(&asoc->lock);
	err = -EPIPE;
	if (!asoc->dead && asoc->state < SCTP_SHUTDOWN_PENDING) {
		if (asoc->nostreams && p->sid >= asoc->nostreams) {
			err = -EINVAL;
		} else {
			xsctp_outq_enqueue(asoc, &q, p->over ?
					   xsctp_assoc_find_path(asoc, &p->to) :
					   NULL);
			xsctp_outq_flush(asoc);
			err = len;
		}
	}
	spin_unlock_bh(&asoc->lock);
out:
	__skb_queue_purge(&q);
	return err;
}

/* One message, or SCTP_EOF / SCTP_ABORT, on @asoc. */
static int send_one(struct sock *sk, struct xsctp_assoc *asoc,
		    struct msghdr *msg, size_t len, struct xsctp_sndparams *p)
{
	if (p->flags & (SCTP_EOF | SCTP_ABORT))
		return assoc_action(asoc, p->flags);
	take_defaults(asoc, p);
	return send_to(sk, asoc, msg, len, p);
}

/*
 * RFC 6458 s5.3.4: SCTP_SENDALL sends the message (or SCTP_EOF, or
 * SCTP_ABORT) on every association of a one-to-many socket; data only
 * to those established, as sctp.ko.  Called under the socket lock, which
 * sending may drop while it waits for room: the walk is by id, so an
 * association coming or going meanwhile is harmless.
 */
static int send_all(struct sock *sk, struct msghdr *msg, size_t len,
		    const struct xsctp_sndparams *p)
{
	struct iov_iter data = msg->msg_iter;
	struct xsctp_assoc *asoc;
	unsigned long id;
	void *entry;
	int err = 0;

	if (xsctp_style_tcp(sk))
		return -EINVAL;
	xa_for_each(&xsctp_sk(sk)->ids, id, entry) {
		struct xsctp_sndparams each = *p;

		asoc = xsctp_assoc_by_id(sk, id);
		if (!asoc)
			continue;
		msg->msg_iter = data;	/* each gets the whole message */
		if (READ_ONCE(asoc->state) == SCTP_ESTABLISHED ||
		    (p->flags & (SCTP_EOF | SCTP_ABORT)))
			err = send_one(sk, asoc, msg, len, &each);
		xsctp_assoc_put(asoc);
		if (err < 0)
			return err;
	}
	return err;
}

int xsctp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct xsctp_sndparams p = {};
	struct xsctp_assoc *asoc;
	int err;

	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	err = parse_cmsgs(sk, msg, &p);
	if (err)
		return err;
	lock_sock(sk);
	if (p.flags & SCTP_SENDALL) {
		err = send_all(sk, msg, len, &p);
		goto out;
	}
	asoc = find_assoc(sk, msg, &p, &err);
	if (!asoc)
		goto out;
	err = send_one(sk, asoc, msg, len, &p);
	/* the handshake starts once the data is queued (or refused), as on
	 * Linux, where the socket lock holds the peer's answer back until
	 * then: an ABORT answering the INIT hands the data back in
	 * SCTP_SEND_FAILED (RFC 6458 s6.1.11) instead of failing the send
	 */
	if (p.fresh)
		err = xsctp_connect_start(sk, asoc, false, false) ?: err;
	xsctp_assoc_put(asoc);
out:
	release_sock(sk);
	/* as sctp.ko: a pending error (the ABORT's ECONNRESET) first */
	if (err == -EPIPE)
		err = sock_error(sk) ?: -EPIPE;
	if (err == -EPIPE && !(msg->msg_flags & MSG_NOSIGNAL))
		send_sig(SIGPIPE, current, 0);
	return err;
}

/*
 * RFC 6458 s5.3.6: SCTP_NXTINFO tells what the message after @skb is,
 * when one is queued already.  With MSG_PEEK, as sctp.ko, it is the first
 * message queued: the peeked one itself.
 */
static void put_nxtinfo(struct sock *sk, struct msghdr *msg,
			const struct sk_buff *skb, bool peek)
{
	struct sk_buff_head *q = &sk->sk_receive_queue;
	const struct xsctp_ulp_cb *cb;
	struct sctp_nxtinfo ni = {};
	struct sk_buff *next;

	spin_lock_bh(&q->lock);
	next = skb_peek(q);
	if (next == skb && !peek)
		next = skb_peek_next(next, q);
	if (next) {
		cb = xsctp_ulp_cb(next);
		ni.nxt_sid = cb->sid;
		ni.nxt_flags = cb->sflags;
		if (cb->notification)
			ni.nxt_flags |= SCTP_NOTIFICATION;
		ni.nxt_ppid = cb->ppid;
		ni.nxt_length = next->len - cb->offset;
		ni.nxt_assoc_id = cb->assoc_id;
	}
	spin_unlock_bh(&q->lock);
	if (next)
		put_cmsg(msg, IPPROTO_SCTP, SCTP_NXTINFO, sizeof(ni), &ni);
}

/*
 * RFC 6458 s5.3.2, s5.3.5: where a received message came from; the
 * context is the association's SCTP_CONTEXT (s8.1.25).
 */
static void put_cmsgs(struct sock *sk, struct msghdr *msg,
		      const struct sk_buff *skb, u32 context, int flags)
{
	const struct xsctp_ulp_cb *cb = xsctp_ulp_cb(skb);
	struct xsctp_sock_opts *o = &xsctp_sk(sk)->opts;

	if (o->recvnxtinfo)
		put_nxtinfo(sk, msg, skb, flags & MSG_PEEK);
	if (cb->notification)
		return;
	if (o->recvrcvinfo) {
		struct sctp_rcvinfo ri = {
			.rcv_sid = cb->sid, .rcv_ssn = cb->ssn,
			.rcv_flags = cb->sflags, .rcv_ppid = cb->ppid,
			.rcv_tsn = cb->tsn, .rcv_cumtsn = cb->cum_tsn,
			.rcv_context = context, .rcv_assoc_id = cb->assoc_id,
		};

		put_cmsg(msg, IPPROTO_SCTP, SCTP_RCVINFO, sizeof(ri), &ri);
	}
	if (o->events & 1) {		/* sctp_data_io_event */
		struct sctp_sndrcvinfo si = {
			.sinfo_stream = cb->sid, .sinfo_ssn = cb->ssn,
			.sinfo_flags = cb->sflags, .sinfo_ppid = cb->ppid,
			.sinfo_tsn = cb->tsn, .sinfo_cumtsn = cb->cum_tsn,
			.sinfo_context = context, .sinfo_assoc_id = cb->assoc_id,
		};

		put_cmsg(msg, IPPROTO_SCTP, SCTP_SNDRCV, sizeof(si), &si);
	}
}

/*
 * The peer's address, v4-mapped on a v6 socket unless
 * SCTP_I_WANT_MAPPED_V4_ADDR is off (s8.1.15); returns the association's
 * SCTP_CONTEXT.
 */
static u32 put_name(struct sock *sk, struct msghdr *msg, int *addr_len,
		    sctp_assoc_t id)
{
	bool map = sk->sk_family == AF_INET6 && xsctp_sk(sk)->opts.v4mapped;
	struct xsctp_assoc *asoc;
	u32 context = 0;

	rcu_read_lock();
	asoc = xa_load(&xsctp_sk(sk)->ids, id);
	if (asoc) {
		context = READ_ONCE(asoc->rcv_context);
		if (msg->msg_name && asoc->primary)
			*addr_len = xsctp_addr_to_user(&asoc->primary->addr,
						       map, msg->msg_name);
	}
	rcu_read_unlock();
	return context;
}

/* Reading made room: let the association tell its peer if it matters. */
static void read_done(struct sock *sk, sctp_assoc_t id)
{
	struct xsctp_assoc *asoc;

	/* first those told of no room: the update for @id (sent over lo,
	 * or to a fast peer) may bring data to fill the room at once
	 */
	xsctp_inq_wake_waiters(sk);
	asoc = xsctp_assoc_by_id(sk, id);
	if (!asoc)
		return;
	if (xsctp_inq_update_due(asoc)) {
		spin_lock_bh(&asoc->lock);
		xsctp_inq_window_update(asoc);
		spin_unlock_bh(&asoc->lock);
	}
	xsctp_assoc_put(asoc);
}

struct skb_wait {
	struct sk_buff *skb;
	long *timeo;
};

/* A socket with no association that will not get one reads nothing. */
static bool nothing_to_come(struct sock *sk)
{
	if (xsctp_style_tcp(sk))
		return sk->sk_state != TCP_LISTEN &&
		       !READ_ONCE(xsctp_sk(sk)->nassocs);
	return !READ_ONCE(xsctp_sk(sk)->listening) &&
	       !READ_ONCE(xsctp_sk(sk)->nassocs);
}

/* The first skb on the receive queue, with a reference; 0 at EOF too. */
static int check_skb(struct sock *sk, void *arg)
{
	struct skb_wait *w = arg;
	int err;

	spin_lock_bh(&sk->sk_receive_queue.lock);
	w->skb = skb_peek(&sk->sk_receive_queue);
	if (w->skb)
		skb_get(w->skb);
	spin_unlock_bh(&sk->sk_receive_queue.lock);
	if (w->skb)
		return 0;
	err = sock_error(sk);
	if (err)
		return err;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		return 0;
	/* as sctp.ko: not to wait is EAGAIN, to wait in vain ENOTCONN */
	if (*w->timeo && nothing_to_come(sk))
		return -ENOTCONN;
	return 1;
}

/*
 * Called under the socket lock.  Unlike skb_recv_datagram() this does not
 * tie waiting to the TCP states: a one-to-many socket reads whatever its
 * state.
 */
static struct sk_buff *wait_skb(struct sock *sk, int flags, int *err)
{
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	struct skb_wait w = { NULL, &timeo };

	*err = xsctp_sk_wait(sk, &timeo, check_skb, &w);
	return w.skb;
}

/*
 * RFC 6458 s3.1.4: at most one message per call; a message larger than
 * the buffer comes in pieces, MSG_EOR marking the last.
 */
int xsctp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len,
		  int flags, int *addr_len)
{
	sctp_assoc_t read = 0;
	struct xsctp_ulp_cb *cb;
	struct sk_buff *skb;
	size_t left, n;
	int err;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	lock_sock(sk);
	if (xsctp_style_tcp(sk) && sk->sk_state == TCP_LISTEN) {
		release_sock(sk);
		return -ENOTCONN;
	}
	skb = wait_skb(sk, flags, &err);
	if (!skb) {
		release_sock(sk);
		return err;
	}
	cb = xsctp_ulp_cb(skb);
	left = skb->len - cb->offset;
	n = min(left, len);
	err = skb_copy_datagram_msg(skb, cb->offset, msg, n);
	if (err)
		goto out;
	put_cmsgs(sk, msg, skb, put_name(sk, msg, addr_len, cb->assoc_id),
		  flags);
	if (cb->notification)
		msg->msg_flags |= MSG_NOTIFICATION;
	err = n;
	/* a piece of a message in partial delivery has no E */
	if (n == left && (cb->dflags & XSCTP_DATA_E))
		msg->msg_flags |= MSG_EOR;
	if (flags & MSG_PEEK)
		goto out;
	if (n == left) {
		skb_unlink(skb, &sk->sk_receive_queue);
		kfree_skb(skb);		/* the queue's reference */
		read = cb->assoc_id;
	} else {
		cb->offset += n;
	}
out:
	consume_skb(skb);		/* the peek's reference */
	/* once the skb is freed: its memory counts as read */
	if (read)
		read_done(sk, read);
	release_sock(sk);
	return err;
}
