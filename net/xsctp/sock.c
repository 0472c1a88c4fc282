// SPDX-License-Identifier: GPL-2.0
/*
 * The socket side: struct proto and proto_ops of the one-to-one
 * (SOCK_STREAM) and one-to-many (SOCK_SEQPACKET) styles, bind, listen,
 * connect, accept, shutdown, close and poll (RFC 6458 s3, s4).
 */
#include <linux/module.h>
#include <linux/random.h>
#include <linux/sockios.h>
#include <asm/ioctls.h>
#include <net/addrconf.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/transp_v6.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/sock.h>
#include <net/xsctp/ulp.h>

void xsctp_sock_defaults(struct xsctp_sock *xs)
{
	struct xsctp_sock_opts *o = &xs->opts;

	o->initmsg.sinit_num_ostreams = XSCTP_DEFAULT_OSTREAMS;
	o->initmsg.sinit_max_instreams = XSCTP_DEFAULT_ISTREAMS;
	/* timers, retransmission limits, Max.Burst: net.sctp.* */
	xsctp_sysctl_sock_defaults(sock_net(&xs->inet.sk), o);
	o->v4mapped = 1;
	o->sack_freq = 2;		/* RFC 9260 s6.2: every second packet */
}

/* Wakes writers waiting for send buffer space (io.c). */
static void xsctp_write_space(struct sock *sk)
{
	struct socket_wq *wq;

	rcu_read_lock();
	wq = rcu_dereference(sk->sk_wq);
	if (skwq_has_sleeper(wq))
		wake_up_interruptible_sync_poll(&wq->wait, EPOLLOUT |
						EPOLLWRNORM | EPOLLWRBAND);
	sk_wake_async(sk, SOCK_WAKE_SPACE, POLL_OUT);
	rcu_read_unlock();
}

static void init_fields(struct sock *sk)
{
	struct xsctp_sock *xs = xsctp_sk(sk);

	xs->hashed = false;
	spin_lock_init(&xs->assoc_lock);
	INIT_LIST_HEAD(&xs->assocs);
	INIT_LIST_HEAD(&xs->rwnd_waiters);
	xs->nassocs = 0;
	xs->listening = false;
	skb_queue_head_init(&xs->pd_lobby);
	xa_init_flags(&xs->ids, XA_FLAGS_ALLOC | XA_FLAGS_LOCK_BH);
	xs->next_id = SCTP_ALL_ASSOC + 1;
	atomic_set(&xs->wmem_queued, 0);
	atomic_set(&xs->busy[0], 0);
	atomic_set(&xs->busy[1], 0);
	sk->sk_write_space = xsctp_write_space;
	/* binds' readers (xsctp_lookup_listener()) walk it under RCU */
	sock_set_flag(sk, SOCK_RCU_FREE);
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, 1);
}

static int xsctp_init_sock(struct sock *sk)
{
	init_fields(sk);
	xsctp_sock_defaults(xsctp_sk(sk));
	return 0;
}

static void xsctp_destroy_sock(struct sock *sk)
{
	xsctp_unbind(sk);
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, -1);
}

static int xsctp_hash(struct sock *sk)
{
	return 0;
}

static void xsctp_unhash(struct sock *sk)
{
}

static int xsctp_bind(struct sock *sk, struct sockaddr *uaddr, int len)
{
	union xsctp_addr a;
	int err;

	err = xsctp_addr_from_user(&a, uaddr, len, sk->sk_ipv6only);
	if (err)
		return err;
	if (a.sa.sa_family == AF_INET6 && sk->sk_family == AF_INET)
		return -EINVAL;
	lock_sock(sk);
	err = xsctp_bind_addr(sk, &a);
	release_sock(sk);
	return err;
}

/* inet_autobind() asks this for a port; same as an implicit bind. */
static int xsctp_get_port(struct sock *sk, unsigned short snum)
{
	return snum ? -EINVAL : xsctp_autobind(sk);
}

/* ---- listen, connect, accept ---- */

static int xsctp_listen(struct socket *sock, int backlog)
{
	struct sock *sk = sock->sk;
	int err;

	lock_sock(sk);
	err = -EINVAL;
	if (xsctp_style_tcp(sk) && (sock->state != SS_UNCONNECTED ||
				    xsctp_sk(sk)->nassocs))
		goto out;
	err = xsctp_autobind(sk);
	if (err)
		goto out;
	xsctp_sk(sk)->backlog = backlog;
	sk->sk_max_ack_backlog = backlog;
	if (xsctp_style_tcp(sk))
		inet_sk_set_state(sk, TCP_LISTEN);
	else
		WRITE_ONCE(xsctp_sk(sk)->listening, backlog > 0);
out:
	release_sock(sk);
	return err;
}

/* The first association of a socket, with a reference (one-to-one). */
struct xsctp_assoc *xsctp_sk_first_assoc(struct sock *sk)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct xsctp_assoc *asoc;

	spin_lock_bh(&xs->assoc_lock);
	asoc = list_first_entry_or_null(&xs->assocs, struct xsctp_assoc,
					sock_node);
	if (asoc)
		xsctp_assoc_hold(asoc);
	spin_unlock_bh(&xs->assoc_lock);
	return asoc;
}

/*
 * Called under asoc->lock: @asoc's send buffer charge changes by @delta.
 * Its own count is what its writers wait on; the socket's sum goes to
 * sk_wmem_queued, where SO_MEMINFO, sock_diag and /proc read it as on
 * sctp.ko.  A socket's associations charge under their own locks: the
 * sum is atomic, and each copies it until the copy is the latest, so a
 * racing writer's stale copy never outlives the last change.
 */
void xsctp_sk_charge_wmem(struct xsctp_assoc *asoc, int delta)
{
	struct sock *sk = asoc->sk;
	atomic_t *sum = &xsctp_sk(sk)->wmem_queued;
	int v;

	if (!delta)
		return;
	asoc->sndbuf_used += delta;
	atomic_add(delta, sum);
	do {
		v = atomic_read(sum);
		WRITE_ONCE(sk->sk_wmem_queued, v);
		smp_mb();		/* the copy, then the check */
	} while (atomic_read(sum) != v);
}

/* One-to-one: remember the peer so getpeername() works. */
static void set_peer(struct sock *sk, const struct xsctp_path *path)
{
	struct inet_sock *inet = inet_sk(sk);

	inet->inet_dport = xsctp_addr_port(&path->addr);
	if (path->addr.sa.sa_family == AF_INET) {
		inet->inet_daddr = path->addr.v4.sin_addr.s_addr;
		if (sk->sk_family == AF_INET6)
			ipv6_addr_set_v4mapped(inet->inet_daddr,
					       &sk->sk_v6_daddr);
	} else {
		sk->sk_v6_daddr = path->addr.v6.sin6_addr;
	}
}

/*
 * The paths to the @n addresses given to connect() or sctp_connectx(),
 * the first one the primary.  RFC 9260 s5.4: addresses the user gave are
 * confirmed; the INIT ACK tells which of them the peer has (s5.1.2).
 * Returns the first one with a route, where INIT goes, or NULL.
 */
static struct xsctp_path *add_given(struct xsctp_assoc *asoc,
				    const union xsctp_addr *peers, int n,
				    int *err)
{
	struct xsctp_path *p, *first = NULL;
	int i;

	for (i = 0; i < n && i < XSCTP_MAX_PATHS; i++) {
		p = xsctp_assoc_add_path(asoc, &peers[i], GFP_KERNEL);
		if (!p) {
			*err = -ENOMEM;
			return NULL;
		}
		p->state = SCTP_ACTIVE;
		p->given = n > 1;
		if (!first && p->dst)
			first = p;
	}
	*err = first ? 0 : -ENETUNREACH;
	return first;
}

/*
 * Called under the socket lock: a new association to @peers (@n of
 * them), for xsctp_connect_start().  Returns it with a reference for
 * the caller.
 */
struct xsctp_assoc *xsctp_connect_new(struct sock *sk,
				      const union xsctp_addr *peers, int n,
				      int *err)
{
	struct xsctp_assoc *asoc;
	struct xsctp_path *path;
	u16 os;

	*err = xsctp_autobind(sk);
	if (*err)
		return NULL;
	*err = -ENOMEM;
	asoc = xsctp_assoc_new(sk, GFP_KERNEL);
	if (!asoc)
		return NULL;
	path = add_given(asoc, peers, n, err);
	if (!path)
		goto fail;
	asoc->init_path = path;
	os = xsctp_sk(sk)->opts.initmsg.sinit_num_ostreams;
	*err = xsctp_assoc_want_streams(asoc, os, GFP_KERNEL);
	if (*err)
		goto fail;
	/* before INIT: over veth the handshake may complete inside it */
	if (xsctp_style_tcp(sk)) {
		set_peer(sk, path);
		inet_sk_set_state(sk, TCP_SYN_SENT);
	}
	spin_lock_bh(&asoc->lock);
	*err = xsctp_assoc_hash(asoc);
	if (*err) {
		spin_unlock_bh(&asoc->lock);
		*err = -EADDRINUSE;
		goto fail;
	}
	*err = xsctp_assoc_attach(asoc);
	if (*err)
		xsctp_assoc_kill(asoc);
	spin_unlock_bh(&asoc->lock);
	if (*err)
		goto fail;
	return asoc;
fail:
	if (xsctp_style_tcp(sk))
		inet_sk_set_state(sk, TCP_CLOSE);
	xsctp_assoc_put(asoc);
	return NULL;
}

/*
 * Called under the socket lock: sleeps, the lock released, until @check
 * says done (0) or failed (< 0); 1 means wait on.  Out of time it gives
 * -EAGAIN, on a signal the errno sockets use for that.  @wait: an entry
 * whose wake function filters wakeups (io.c wait_sndbuf()), or NULL.
 */
int xsctp_sk_wait_on(struct sock *sk, long *timeo,
		     int (*check)(struct sock *sk, void *arg), void *arg,
		     struct wait_queue_entry *wait)
{
	DEFINE_WAIT_FUNC(plain, woken_wake_function);
	int err;

	wait = wait ?: &plain;
	add_wait_queue(sk_sleep(sk), wait);
	while ((err = check(sk, arg)) > 0) {
		err = -EAGAIN;
		if (!*timeo)
			break;
		err = sock_intr_errno(*timeo);
		if (signal_pending(current))
			break;
		release_sock(sk);
		*timeo = wait_woken(wait, TASK_INTERRUPTIBLE, *timeo);
		lock_sock(sk);
	}
	remove_wait_queue(sk_sleep(sk), wait);
	return err;
}

int xsctp_sk_wait(struct sock *sk, long *timeo,
		  int (*check)(struct sock *sk, void *arg), void *arg)
{
	return xsctp_sk_wait_on(sk, timeo, check, arg, NULL);
}

static int check_established(struct sock *sk, void *arg)
{
	struct xsctp_assoc *asoc = arg;

	if (READ_ONCE(asoc->dead))
		return sock_error(sk) ?: -ECONNREFUSED;
	return READ_ONCE(asoc->state) >= SCTP_ESTABLISHED ? 0 : 1;
}

/* Called under the socket lock: waits for COMM_UP (or failure). */
int xsctp_wait_established(struct sock *sk, struct xsctp_assoc *asoc,
			   long *timeo)
{
	int err = xsctp_sk_wait(sk, timeo, check_established, asoc);

	return err == -EAGAIN ? -EINPROGRESS : err;
}

/*
 * Called under the socket lock: sends the INIT of @asoc, made by
 * xsctp_connect_new().  connect() and sctp_connectx() (@explicit) fail
 * on an association already dead; a send that set it up (RFC 6458
 * s8.1.31) starts it only while it is still CLOSED, an ABORT answering
 * nothing yet being no error of the send.  RFC 6458 s9.9:
 * sctp_connectx() hands its id out now (@named); as sctp.ko,
 * notifications name it from then on, even should it never get up.
 */
int xsctp_connect_start(struct sock *sk, struct xsctp_assoc *asoc,
			bool explicit, bool named)
{
	int err = 0;

	spin_lock_bh(&asoc->lock);
	asoc->named = named;
	if (asoc->dead)
		err = explicit ? -ECONNREFUSED : 0;
	else if (asoc->state == SCTP_CLOSED)
		err = xsctp_sm_connect(asoc);
	if (err)
		xsctp_assoc_kill(asoc);
	spin_unlock_bh(&asoc->lock);
	if (err && xsctp_style_tcp(sk))
		inet_sk_set_state(sk, TCP_CLOSE);
	return err;
}

/*
 * Called under the socket lock: connect() and sctp_connectx().  Blocks
 * until COMM_UP unless @nonblock; *@id, if the caller asks for it, gets
 * the new association's id.
 */
int xsctp_do_connect(struct sock *sk, const union xsctp_addr *peers, int n,
		     bool nonblock, sctp_assoc_t *id)
{
	struct socket *sock = sk->sk_socket;
	struct xsctp_assoc *asoc;
	long timeo;
	int err;

	int i;

	for (i = 0; i < n; i++)
		if (peers[i].sa.sa_family == AF_INET6 &&
		    sk->sk_family == AF_INET)
			return -EINVAL;
	/* an association the peer aborted leaves the socket ESTABLISHED,
	 * as on sctp.ko (sm.c)
	 */
	if (xsctp_style_tcp(sk) && (sk->sk_state == TCP_LISTEN ||
				    sk->sk_state == TCP_ESTABLISHED ||
				    xsctp_sk(sk)->nassocs))
		return -EISCONN;
	asoc = xsctp_connect_new(sk, peers, n, &err);
	if (!asoc)
		return err;
	err = xsctp_connect_start(sk, asoc, true, id);
	if (err)
		goto out;
	if (id)
		*id = asoc->id;
	if (xsctp_style_tcp(sk))
		sock->state = SS_CONNECTING;
	/* as sctp.ko: non-blocking is EINPROGRESS even when the handshake
	 * completed inside (over loopback), the outcome left to poll()
	 * and SO_ERROR
	 */
	timeo = sock_sndtimeo(sk, nonblock);
	err = nonblock ? -EINPROGRESS :
	      xsctp_wait_established(sk, asoc, &timeo);
	if (!err && xsctp_style_tcp(sk))
		sock->state = SS_CONNECTED;
out:
	xsctp_assoc_put(asoc);
	return err;
}

static int xsctp_connect(struct socket *sock, struct sockaddr *uaddr,
			 int len, int flags)
{
	struct sock *sk = sock->sk;
	union xsctp_addr peer;
	int err;

	err = xsctp_addr_from_user(&peer, uaddr, len, sk->sk_ipv6only);
	if (err)
		return err;
	lock_sock(sk);
	/* connect() asks for no id: as sctp.ko, it is named at INIT ACK */
	err = xsctp_do_connect(sk, &peer, 1, flags & O_NONBLOCK, NULL);
	release_sock(sk);
	return err;
}

/* An association waiting for accept(), with a reference. */
static struct xsctp_assoc *acceptable(struct sock *sk)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct xsctp_assoc *asoc, *found = NULL;

	spin_lock_bh(&xs->assoc_lock);
	list_for_each_entry(asoc, &xs->assocs, sock_node) {
		bool up = !asoc->dead && asoc->state >= SCTP_ESTABLISHED;

		if (!asoc->accepted && (asoc->parked || up)) {
			found = asoc;
			xsctp_assoc_hold(found);
			break;
		}
	}
	spin_unlock_bh(&xs->assoc_lock);
	return found;
}

static struct sock *new_child(struct sock *sk, bool kern)
{
	struct sock *nsk = sk_alloc(sock_net(sk), sk->sk_family, GFP_KERNEL,
				    sk->sk_prot, kern);
	struct inet_sock *ni, *oi = inet_sk(sk);

	if (!nsk)
		return NULL;
	sock_init_data(NULL, nsk);
	sock_copy_flags(nsk, sk);
	nsk->sk_type = sk->sk_type;
	nsk->sk_protocol = sk->sk_protocol;
	nsk->sk_destruct = sk->sk_destruct;
	nsk->sk_backlog_rcv = sk->sk_backlog_rcv;
	nsk->sk_sndbuf = sk->sk_sndbuf;
	nsk->sk_rcvbuf = sk->sk_rcvbuf;
	nsk->sk_bound_dev_if = sk->sk_bound_dev_if;
	nsk->sk_mark = sk->sk_mark;
	nsk->sk_priority = sk->sk_priority;
	nsk->sk_ipv6only = sk->sk_ipv6only;
	ni = inet_sk(nsk);
	ni->inet_sport = oi->inet_sport;
	ni->inet_num = oi->inet_num;
	ni->inet_saddr = oi->inet_saddr;
	ni->inet_rcv_saddr = oi->inet_rcv_saddr;
	ni->uc_ttl = -1;
	ni->mc_ttl = 1;
	ni->tos = oi->tos;
	if (sk->sk_family == AF_INET6) {
		struct ipv6_pinfo *np = &((struct xsctp6_sock *)nsk)->inet6;

		ni->pinet6 = np;
		memcpy(np, inet6_sk(sk), sizeof(*np));
		np->ipv6_mc_list = NULL;
		np->ipv6_ac_list = NULL;
#ifdef XSCTP_PINFO_HAS_FL_LIST
		np->ipv6_fl_list = NULL;
#endif
		np->pktoptions = NULL;
		np->rxpmtu = NULL;
		RCU_INIT_POINTER(np->opt, NULL);
		nsk->sk_v6_rcv_saddr = sk->sk_v6_rcv_saddr;
	}
	init_fields(nsk);
	xsctp_sk(nsk)->opts = xsctp_sk(sk)->opts;
	/* without the list the child still has bind()'s address */
	xsctp_bind_inherit(nsk, sk);
	return nsk;
}

/* Moves @asoc, and what it queued for the user, from @sk to @nsk. */
static int migrate(struct sock *sk, struct sock *nsk, struct xsctp_assoc *asoc)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	sctp_assoc_t old = asoc->id;
	struct sk_buff *skb, *tmp;
	int err, queued;

	spin_lock_bh(&asoc->lock);
	if (asoc->dead && !asoc->parked) {
		spin_unlock_bh(&asoc->lock);
		return -ECONNABORTED;
	}
	/* a message of ours in pieces no longer holds @sk's other readers */
	xsctp_ulp_pd_end(asoc);
	spin_lock(&xs->assoc_lock);
	list_del_init(&asoc->sock_node);
	list_del_init(&asoc->rwnd_node);
	xs->nassocs--;
	xa_erase(&xs->ids, old);
	spin_unlock(&xs->assoc_lock);
	sock_hold(nsk);
	/* the unacknowledged data is the new socket's to account for */
	queued = asoc->sndbuf_used;
	xsctp_sk_charge_wmem(asoc, -queued);
	asoc->sk = nsk;
	xsctp_sk_charge_wmem(asoc, queued);
	asoc->accepted = true;
	err = xsctp_assoc_attach(asoc);
	xsctp_assoc_put(asoc);		/* attach took a second list ref */
	spin_lock(&sk->sk_receive_queue.lock);
	skb_queue_walk_safe(&sk->sk_receive_queue, skb, tmp) {
		if (xsctp_ulp_cb(skb)->assoc_id != old)
			continue;
		__skb_unlink(skb, &sk->sk_receive_queue);
		skb_orphan(skb);
		xsctp_ulp_cb(skb)->assoc_id = asoc->id;
		skb_set_owner_r(skb, nsk);
		skb_queue_tail(&nsk->sk_receive_queue, skb);
	}
	spin_unlock(&sk->sk_receive_queue.lock);
	if (asoc->parked) {
		/* it ended before accept(): the child reads, then EOF/error */
		nsk->sk_err = asoc->err;
		nsk->sk_shutdown = SHUTDOWN_MASK;
		inet_sk_set_state(nsk, TCP_CLOSE);
		sock_set_flag(nsk, SOCK_DONE);
		xsctp_assoc_unlist(asoc);
	}
	spin_unlock_bh(&asoc->lock);
	sock_put(sk);			/* the association's hold on @sk */
	return err;
}

static int check_acceptable(struct sock *sk, void *arg)
{
	struct xsctp_assoc **asoc = arg;

	*asoc = acceptable(sk);
	if (*asoc)
		return 0;
	return sk->sk_state == TCP_LISTEN ? 1 : -EINVAL;
}

static int wait_acceptable(struct sock *sk, long *timeo,
			   struct xsctp_assoc **asoc)
{
	return xsctp_sk_wait(sk, timeo, check_acceptable, asoc);
}

static int xsctp_do_accept(struct socket *sock, struct socket *newsock,
			   int flags, bool kern)
{
	struct sock *sk = sock->sk, *nsk;
	struct xsctp_assoc *asoc;
	long timeo;
	int err;

	lock_sock(sk);
	err = -EOPNOTSUPP;
	if (!xsctp_style_tcp(sk))
		goto out;
	err = -EINVAL;
	if (sk->sk_state != TCP_LISTEN)
		goto out;
	timeo = sock_rcvtimeo(sk, flags & O_NONBLOCK);
	err = wait_acceptable(sk, &timeo, &asoc);
	if (err)
		goto out;
	err = -ENOMEM;
	nsk = new_child(sk, kern);
	if (nsk) {
		set_peer(nsk, asoc->primary);
		inet_sk_set_state(nsk, TCP_ESTABLISHED);
		err = migrate(sk, nsk, asoc);
		if (err) {
			sk_common_release(nsk);
		} else {
			sock_graft(nsk, newsock);
			newsock->state = SS_CONNECTED;
		}
	}
	xsctp_assoc_put(asoc);
out:
	release_sock(sk);
	return err;
}

/*
 * RFC 6458 s9.2: sctp_peeloff() branches association @id of one-to-many
 * socket @sk off into a new one-to-one socket, with what it had queued
 * for the reader.  Called under @sk's lock; the new socket in *@res.
 */
int xsctp_peeloff(struct sock *sk, sctp_assoc_t id, struct socket **res)
{
	struct xsctp_assoc *asoc;
	struct socket *sock;
	struct sock *nsk;
	int err;

	if (xsctp_style_tcp(sk))
		return -EINVAL;
	asoc = xsctp_assoc_by_id(sk, id);
	if (!asoc)
		return -EINVAL;
	err = sock_create_lite(sk->sk_family, SOCK_STREAM, IPPROTO_SCTP,
			       &sock);
	if (err)
		goto put;
	sock->ops = sk->sk_family == AF_INET6 ? &xsctp6_stream_ops :
		    &xsctp_stream_ops;
	__module_get(sock->ops->owner);	/* sock_release() puts it */
	err = -ENOMEM;
	nsk = new_child(sk, false);
	if (!nsk)
		goto release;
	nsk->sk_type = SOCK_STREAM;
	set_peer(nsk, asoc->primary);
	inet_sk_set_state(nsk, TCP_ESTABLISHED);
	err = migrate(sk, nsk, asoc);
	if (err) {
		sk_common_release(nsk);
		goto release;
	}
	sock_graft(nsk, sock);
	sock->state = SS_CONNECTED;
	*res = sock;
	xsctp_assoc_put(asoc);
	return 0;
release:
	sock_release(sock);
put:
	xsctp_assoc_put(asoc);
	return err;
}

#ifdef XSCTP_HAVE_ACCEPT_ARG
static int xsctp_accept(struct socket *sock, struct socket *newsock,
			struct proto_accept_arg *arg)
{
	return xsctp_do_accept(sock, newsock, arg->flags, arg->kern);
}
#else
static int xsctp_accept(struct socket *sock, struct socket *newsock,
			int flags, bool kern)
{
	return xsctp_do_accept(sock, newsock, flags, kern);
}
#endif

/* ---- shutdown, close, poll ---- */

static bool is_listener(struct sock *sk)
{
	if (xsctp_style_tcp(sk))
		return sk->sk_state == TCP_LISTEN;
	return READ_ONCE(xsctp_sk(sk)->listening);
}

/* One-to-one: the association ends gracefully (RFC 6458 s4.1.7). */
static void shutdown_assoc(struct sock *sk)
{
	struct xsctp_assoc *asoc = xsctp_sk_first_assoc(sk);

	if (!asoc)
		return;
	spin_lock_bh(&asoc->lock);
	if (!asoc->dead)
		xsctp_sm_shutdown(asoc);
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
}

/*
 * As inet_shutdown(), which sctp.ko uses: without an established
 * connection (never connected, connecting, any one-to-many socket that
 * is not listening) ENOTCONN, the flags set all the same; a listener can
 * stop sending but not receiving (sctp.ko cannot disconnect: EOPNOTSUPP).
 */
static int xsctp_shutdown(struct socket *sock, int how)
{
	struct sock *sk = sock->sk;
	int err = 0;

	how++;			/* SHUT_RD 0 -> RCV_SHUTDOWN 1, ... */
	if (how & ~SHUTDOWN_MASK || !how)
		return -EINVAL;
	lock_sock(sk);
	if (is_listener(sk)) {
		if (how & RCV_SHUTDOWN)
			err = -EOPNOTSUPP;
	} else {
		if (!xsctp_style_tcp(sk) || sk->sk_state == TCP_CLOSE ||
		    sk->sk_state == TCP_SYN_SENT)
			err = -ENOTCONN;
		WRITE_ONCE(sk->sk_shutdown, sk->sk_shutdown | how);
		if (xsctp_style_tcp(sk) && (how & SEND_SHUTDOWN))
			shutdown_assoc(sk);
	}
	sk->sk_state_change(sk);	/* pollers see the new flags */
	release_sock(sk);
	return err;
}

/*
 * RFC 6458 s4.1.7 / Linux: close() ends each association gracefully,
 * or with ABORT under SO_LINGER 0, when unread data would be lost (on
 * the socket, or, as sctp.ko, still in the association's reassembly or
 * ordering queues) and for associations nobody accept()ed.
 */
static void close_assoc(struct sock *sk, struct xsctp_assoc *asoc,
			bool abort)
{
	spin_lock_bh(&asoc->lock);
	if (asoc->parked) {
		xsctp_assoc_unlist(asoc);
	} else if (!asoc->dead) {
		if (abort || xsctp_inq_holds(asoc) ||
		    (xsctp_style_tcp(sk) && !asoc->accepted &&
			      sk->sk_state == TCP_LISTEN))
			xsctp_sm_abort(asoc, XSCTP_CAUSE_USER_ABORT,
				       ECONNRESET);
		else
			xsctp_sm_shutdown(asoc);
	}
	spin_unlock_bh(&asoc->lock);
}

/* Whether @q holds user data; notifications do not count. */
static bool queue_has_data(struct sk_buff_head *q)
{
	struct sk_buff *skb;
	bool unread = false;

	spin_lock_bh(&q->lock);
	skb_queue_walk(q, skb) {
		if (!xsctp_ulp_cb(skb)->notification) {
			unread = true;
			break;
		}
	}
	spin_unlock_bh(&q->lock);
	return unread;
}

/*
 * As sctp.ko, of either style: close() ABORTs when data the user never
 * read would be lost, the receive queue's or what waits behind another
 * association's partial delivery (pd_lobby).
 */
static bool data_unread(struct sock *sk)
{
	return queue_has_data(&sk->sk_receive_queue) ||
	       queue_has_data(&xsctp_sk(sk)->pd_lobby);
}

static void xsctp_close(struct sock *sk, long timeout)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct xsctp_assoc *asoc;
	bool abort;

	lock_sock(sk);
	sk->sk_shutdown = SHUTDOWN_MASK;
	abort = (sock_flag(sk, SOCK_LINGER) && !sk->sk_lingertime) ||
		data_unread(sk);
	if (xsctp_style_tcp(sk))
		inet_sk_set_state(sk, TCP_CLOSE);
	WRITE_ONCE(xs->listening, false);
	spin_lock_bh(&xs->assoc_lock);
	xs->closed = true;
	spin_unlock_bh(&xs->assoc_lock);
	for (;;) {
		struct xsctp_assoc *next = NULL;

		spin_lock_bh(&xs->assoc_lock);
		list_for_each_entry(asoc, &xs->assocs, sock_node) {
			if (asoc->parked ||
			    (asoc->state != SCTP_SHUTDOWN_PENDING &&
			     asoc->state < SCTP_SHUTDOWN_SENT)) {
				next = asoc;
				xsctp_assoc_hold(next);
				break;
			}
		}
		spin_unlock_bh(&xs->assoc_lock);
		if (!next)
			break;
		close_assoc(sk, next, abort);
		xsctp_assoc_put(next);
	}
	__skb_queue_purge(&sk->sk_receive_queue);
	skb_queue_purge(&xs->pd_lobby);
	release_sock(sk);
	/* associations still shutting down hold the socket until done */
	sk_common_release(sk);
}

/* As sctp.ko: writable while any send buffer is left (io.c). */
static bool writable(struct sock *sk, struct xsctp_assoc *asoc)
{
	return !asoc || READ_ONCE(asoc->sndbuf_used) < (u32)sk->sk_sndbuf;
}

static __poll_t xsctp_poll(struct file *file, struct socket *sock,
			   poll_table *wait)
{
	struct sock *sk = sock->sk;
	struct xsctp_assoc *asoc;
	__poll_t mask = 0;

	sock_poll_wait(file, sock, wait);
	if (xsctp_style_tcp(sk) && sk->sk_state == TCP_LISTEN) {
		asoc = acceptable(sk);
		if (asoc)
			xsctp_assoc_put(asoc);
		return asoc ? EPOLLIN | EPOLLRDNORM : 0;
	}
	if (READ_ONCE(sk->sk_err))
		mask |= EPOLLERR;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= EPOLLRDHUP | EPOLLIN | EPOLLRDNORM;
	if (sk->sk_shutdown == SHUTDOWN_MASK)
		mask |= EPOLLHUP;
	if (!skb_queue_empty_lockless(&sk->sk_receive_queue))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (xsctp_style_tcp(sk) && sk->sk_state != TCP_ESTABLISHED)
		return mask;
	asoc = xsctp_sk_first_assoc(sk);
	if (writable(sk, asoc)) {
		mask |= EPOLLOUT | EPOLLWRNORM;
	} else {
		set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
		/* as tcp_poll(): room made before the bit was seen */
		smp_mb__after_atomic();
		if (writable(sk, asoc))
			mask |= EPOLLOUT | EPOLLWRNORM;
	}
	if (asoc)
		xsctp_assoc_put(asoc);
	return mask;
}

/*
 * As sctp.ko: SIOCINQ (FIONREAD) is the most the next recvmsg() returns,
 * the rest of the first message or notification queued.
 */
static int xsctp_ioctl(struct socket *sock, unsigned int cmd,
		       unsigned long arg)
{
	struct sock *sk = sock->sk;
	struct sk_buff *skb;
	int n = 0;

	if (cmd != SIOCINQ)
		return sk->sk_family == AF_INET6 ?
		       inet6_ioctl(sock, cmd, arg) : inet_ioctl(sock, cmd, arg);
	if (xsctp_style_tcp(sk) && sk->sk_state == TCP_LISTEN)
		return -ENOTCONN;
	spin_lock_bh(&sk->sk_receive_queue.lock);
	skb = skb_peek(&sk->sk_receive_queue);
	if (skb)
		n = skb->len - xsctp_ulp_cb(skb)->offset;
	spin_unlock_bh(&sk->sk_receive_queue.lock);
	return put_user(n, (int __user *)arg);
}

#define XSCTP_PROTO_COMMON				\
	.owner		= THIS_MODULE,			\
	.init		= xsctp_init_sock,		\
	.destroy	= xsctp_destroy_sock,		\
	.close		= xsctp_close,			\
	.hash		= xsctp_hash,			\
	.unhash		= xsctp_unhash,			\
	.bind		= xsctp_bind,			\
	.get_port	= xsctp_get_port,		\
	.sendmsg	= xsctp_sendmsg,		\
	.recvmsg	= xsctp_recvmsg,		\
	.backlog_rcv	= xsctp_backlog_rcv,		\
	.setsockopt	= xsctp_setsockopt,		\
	.getsockopt	= xsctp_getsockopt

struct proto xsctp_prot = {
	.name		= "SCTP",
	.obj_size	= sizeof(struct xsctp_sock),
	XSCTP_PROTO_COMMON,
};

struct proto xsctpv6_prot = {
	.name		= "SCTPv6",
	.obj_size	= sizeof(struct xsctp6_sock),
#ifdef XSCTP_HAVE_IPV6_PINFO_OFFSET
	.ipv6_pinfo_offset = offsetof(struct xsctp6_sock, inet6),
#endif
	XSCTP_PROTO_COMMON,
};

#define XSCTP_OPS_COMMON				\
	.owner		= THIS_MODULE,			\
	.connect	= xsctp_connect,		\
	.socketpair	= sock_no_socketpair,		\
	.accept		= xsctp_accept,			\
	.poll		= xsctp_poll,			\
	.ioctl		= xsctp_ioctl,			\
	.listen		= xsctp_listen,			\
	.shutdown	= xsctp_shutdown,		\
	.setsockopt	= sock_common_setsockopt,	\
	.getsockopt	= sock_common_getsockopt,	\
	.sendmsg	= inet_sendmsg,			\
	.recvmsg	= inet_recvmsg,			\
	.mmap		= sock_no_mmap

#define XSCTP_OPS_V4					\
	.family		= PF_INET,			\
	.release	= inet_release,			\
	.bind		= inet_bind,			\
	.getname	= inet_getname

#define XSCTP_OPS_V6					\
	.family		= PF_INET6,			\
	.release	= inet6_release,		\
	.bind		= inet6_bind,			\
	.getname	= inet6_getname

const struct proto_ops xsctp_stream_ops = { XSCTP_OPS_V4, XSCTP_OPS_COMMON };
const struct proto_ops xsctp_seqpacket_ops = { XSCTP_OPS_V4, XSCTP_OPS_COMMON };
const struct proto_ops xsctp6_stream_ops = { XSCTP_OPS_V6, XSCTP_OPS_COMMON };
const struct proto_ops xsctp6_seqpacket_ops = { XSCTP_OPS_V6, XSCTP_OPS_COMMON };
