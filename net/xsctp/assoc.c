// SPDX-License-Identifier: GPL-2.0
/*
 * Association lifetime: creation, the per-netns path table that incoming
 * packets are matched against, association ids, and teardown.
 */
#include <linux/slab.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/output.h>

static const struct rhashtable_params xsctp_path_params = {
	.head_offset = offsetof(struct xsctp_path, node),
	.key_offset = offsetof(struct xsctp_path, key),
	.key_len = sizeof(struct xsctp_key),
	.automatic_shrinking = true,
};

static void msecs_to(u32 *dst, u32 ms)
{
	*dst = max(msecs_to_jiffies(ms), 1UL);
}

struct xsctp_assoc *xsctp_assoc_new(struct sock *sk, gfp_t gfp)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct xsctp_assoc *asoc;

	asoc = kzalloc(struct_size(asoc, tsnbits,
				   XSCTP_TSNMAP_WORDS(XSCTP_TSNMAP_BITS)), gfp);
	if (!asoc)
		return NULL;
	spin_lock_init(&asoc->lock);
	refcount_set(&asoc->ref, 1);
	asoc->net = sock_net(sk);
	asoc->sk = sk;
	sock_hold(sk);
	INIT_LIST_HEAD(&asoc->sock_node);
	INIT_LIST_HEAD(&asoc->paths);
	skb_queue_head_init(&asoc->sendq);
	skb_queue_head_init(&asoc->sentq);
	skb_queue_head_init(&asoc->reasm);
	skb_queue_head_init(&asoc->ordered);
	asoc->state = SCTP_CLOSED;
	msecs_to(&asoc->rto_initial, xs->opts.rto_initial);
	msecs_to(&asoc->rto_min, xs->opts.rto_min);
	msecs_to(&asoc->rto_max, xs->opts.rto_max);
	msecs_to(&asoc->sack_delay, xs->opts.sack_delay);
	asoc->hb_interval = msecs_to_jiffies(xs->opts.hb_interval);
	asoc->hb_on = !xs->opts.hb_off;
	asoc->max_init_retrans = xs->opts.initmsg.sinit_max_attempts;
	asoc->max_retrans = xs->opts.max_retrans;
	asoc->path_max_retrans = xs->opts.path_max_retrans;
	xsctp_timer_setup(&asoc->t1, asoc, NULL, XSCTP_T1_INIT);
	xsctp_timer_setup(&asoc->t2, asoc, NULL, XSCTP_T2_SHUTDOWN);
	xsctp_timer_setup(&asoc->t5, asoc, NULL, XSCTP_T5_GUARD);
	xsctp_timer_setup(&asoc->sack, asoc, NULL, XSCTP_T_SACK);
	xsctp_timer_setup(&asoc->autoclose, asoc, NULL, XSCTP_T_AUTOCLOSE);
	return asoc;
}

/* Stream arrays, once the counts are negotiated (RFC 9260 s5.1.1). */
int xsctp_assoc_init_streams(struct xsctp_assoc *asoc, u16 os, u16 is,
			     gfp_t gfp)
{
	asoc->out_ssn = kcalloc(os, sizeof(u16), gfp);
	asoc->in_ssn = kcalloc(is, sizeof(u16), gfp);
	if (!asoc->out_ssn || !asoc->in_ssn)
		return -ENOMEM;
	asoc->nostreams = os;
	asoc->nistreams = is;
	return 0;
}

struct xsctp_path *xsctp_assoc_find_path(struct xsctp_assoc *asoc,
					 const union xsctp_addr *peer)
{
	struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, list)
		if (xsctp_addr_eq(&p->addr, peer))
			return p;
	return NULL;
}

/* RFC 9260 s7.2.1: initial cwnd min(4 MTU, max(2 MTU, 4380)) */
static u32 initial_cwnd(u32 mtu)
{
	return min(4 * mtu, max(2 * mtu, 4380U));
}

struct xsctp_path *xsctp_assoc_add_path(struct xsctp_assoc *asoc,
					const union xsctp_addr *peer,
					gfp_t gfp)
{
	struct xsctp_path *p = xsctp_assoc_find_path(asoc, peer);

	if (p)
		return p;
	p = kzalloc(sizeof(*p), gfp);
	if (!p)
		return NULL;
	p->asoc = asoc;
	p->addr = *peer;
	p->saddr.sa.sa_family = AF_UNSPEC;
	xsctp_key_make(&p->key, peer, inet_sk(asoc->sk)->inet_sport);
	p->rto = asoc->rto_initial;
	xsctp_path_route(p);
	if (!p->pmtu)
		p->pmtu = 1280;
	p->cwnd = initial_cwnd(p->pmtu);
	p->ssthresh = U32_MAX;	/* RFC 9260 s7.2.1: arbitrarily high */
	xsctp_timer_setup(&p->t3, asoc, p, XSCTP_T3_RTX);
	xsctp_timer_setup(&p->hb, asoc, p, XSCTP_T_HEARTBEAT);
	list_add_tail(&p->list, &asoc->paths);
	asoc->npaths++;
	if (!asoc->primary)
		asoc->primary = p;
	return p;
}

/* Makes the association reachable by incoming packets. */
int xsctp_assoc_hash(struct xsctp_assoc *asoc)
{
	struct xsctp_net *xn = xsctp_net(asoc->net);
	struct xsctp_path *p, *q;
	int err;

	list_for_each_entry(p, &asoc->paths, list) {
		err = rhashtable_lookup_insert_fast(&xn->paths, &p->node,
						    xsctp_path_params);
		if (err)
			goto undo;
	}
	return 0;
undo:
	list_for_each_entry(q, &asoc->paths, list) {
		if (q == p)
			break;
		rhashtable_remove_fast(&xn->paths, &q->node,
				       xsctp_path_params);
	}
	return err;
}

static void unhash(struct xsctp_assoc *asoc)
{
	struct xsctp_net *xn = xsctp_net(asoc->net);
	struct xsctp_path *p;

	list_for_each_entry(p, &asoc->paths, list)
		rhashtable_remove_fast(&xn->paths, &p->node,
				       xsctp_path_params);
}

/*
 * Looks an incoming packet's association up by (peer address, ports).
 * Returns it with a reference held, and the path it came from.
 */
struct xsctp_assoc *xsctp_assoc_lookup(struct net *net,
				       const union xsctp_addr *peer,
				       __be16 lport, struct xsctp_path **path)
{
	struct xsctp_assoc *asoc = NULL;
	struct xsctp_path *p;
	struct xsctp_key key;

	xsctp_key_make(&key, peer, lport);
	rcu_read_lock();
	p = rhashtable_lookup(&xsctp_net(net)->paths, &key,
			      xsctp_path_params);
	if (p && refcount_inc_not_zero(&p->asoc->ref)) {
		asoc = p->asoc;
		*path = p;
	}
	rcu_read_unlock();
	return asoc;
}

/* Adds a new association to its socket and gives it an id. */
int xsctp_assoc_attach(struct xsctp_assoc *asoc)
{
	struct xsctp_sock *xs = xsctp_sk(asoc->sk);
	u32 id;
	int err;

	/* ids 0-2 are SCTP_FUTURE_ASSOC, SCTP_CURRENT_ASSOC, SCTP_ALL_ASSOC */
	err = xa_alloc_cyclic(&xs->ids, &id, asoc,
			      XA_LIMIT(SCTP_ALL_ASSOC + 1, INT_MAX),
			      &xs->next_id, GFP_ATOMIC);
	if (err < 0)
		return err;
	asoc->id = id;
	xsctp_assoc_hold(asoc);		/* the socket's list */
	spin_lock_bh(&xs->assoc_lock);
	list_add_tail(&asoc->sock_node, &xs->assocs);
	xs->nassocs++;
	spin_unlock_bh(&xs->assoc_lock);
	return 0;
}

struct xsctp_assoc *xsctp_assoc_by_id(struct sock *sk, sctp_assoc_t id)
{
	struct xsctp_assoc *asoc;

	if (id <= SCTP_ALL_ASSOC)
		return NULL;
	rcu_read_lock();
	asoc = xa_load(&xsctp_sk(sk)->ids, id);
	if (asoc && !refcount_inc_not_zero(&asoc->ref))
		asoc = NULL;
	rcu_read_unlock();
	return asoc;
}

static void stop_timers(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p;

	xsctp_timer_stop(&asoc->t1);
	xsctp_timer_stop(&asoc->t2);
	xsctp_timer_stop(&asoc->t5);
	xsctp_timer_stop(&asoc->sack);
	xsctp_timer_stop(&asoc->autoclose);
	list_for_each_entry(p, &asoc->paths, list) {
		xsctp_timer_stop(&p->t3);
		xsctp_timer_stop(&p->hb);
	}
}

/* Called under asoc->lock: takes a dead association off its socket. */
void xsctp_assoc_unlist(struct xsctp_assoc *asoc)
{
	struct xsctp_sock *xs = xsctp_sk(asoc->sk);
	bool listed;

	spin_lock(&xs->assoc_lock);
	listed = !list_empty(&asoc->sock_node);
	if (listed) {
		list_del_init(&asoc->sock_node);
		xs->nassocs--;
		xa_erase(&xs->ids, asoc->id);
	}
	spin_unlock(&xs->assoc_lock);
	asoc->parked = false;
	if (listed)
		xsctp_assoc_put(asoc);
}

/*
 * An association of a one-to-one listener that came up and ended before
 * accept() stays listed, as on Linux: accept() still returns it, with the
 * data it delivered and then EOF or its error.
 */
static bool park(struct xsctp_assoc *asoc, bool was_up)
{
	struct sock *sk = asoc->sk;

	return was_up && !asoc->accepted && xsctp_style_tcp(sk) &&
	       sk->sk_state == TCP_LISTEN;
}

/*
 * Called under asoc->lock: the association ends.  It leaves the path
 * table and its socket, its timers stop (and cannot be re-armed: every
 * arming site runs under this lock and checks asoc->dead through its
 * caller), and the socket list's reference is dropped.  The caller still
 * holds its own reference, so the memory outlives this call.
 */
void xsctp_assoc_kill(struct xsctp_assoc *asoc)
{
	bool was_up = xsctp_assoc_established(asoc);

	if (asoc->dead)
		return;
	asoc->dead = true;
	if (asoc->state == SCTP_ESTABLISHED ||
	    asoc->state >= SCTP_SHUTDOWN_PENDING)
		xsctp_dec_stats(asoc->net, XSCTP_MIB_CURRESTAB);
	asoc->state = SCTP_CLOSED;
	stop_timers(asoc);
	unhash(asoc);
	__skb_queue_purge(&asoc->sendq);
	__skb_queue_purge(&asoc->sentq);
	__skb_queue_purge(&asoc->reasm);
	__skb_queue_purge(&asoc->ordered);
	asoc->sndbuf_used = 0;
	/* writers blocked on a full send buffer must see the end */
	asoc->sk->sk_write_space(asoc->sk);
	if (park(asoc, was_up)) {
		asoc->parked = true;
		asoc->sk->sk_data_ready(asoc->sk);
		return;
	}
	xsctp_assoc_unlist(asoc);
}

static void free_rcu(struct rcu_head *head)
{
	struct xsctp_assoc *asoc = container_of(head, struct xsctp_assoc, rcu);
	struct xsctp_path *p, *tmp;

	list_for_each_entry_safe(p, tmp, &asoc->paths, list) {
		dst_release(p->dst);
		kfree(p);
	}
	kfree(asoc->out_ssn);
	kfree(asoc->in_ssn);
	kfree(asoc->cookie);
	kfree(asoc);
}

void xsctp_assoc_put(struct xsctp_assoc *asoc)
{
	if (!refcount_dec_and_test(&asoc->ref))
		return;
	/* a never-hashed association (failed setup) may not be dead yet */
	__skb_queue_purge(&asoc->sendq);
	__skb_queue_purge(&asoc->sentq);
	__skb_queue_purge(&asoc->reasm);
	__skb_queue_purge(&asoc->ordered);
	sock_put(asoc->sk);
	call_rcu(&asoc->rcu, free_rcu);
}

int xsctp_assoc_net_init(struct net *net)
{
	return rhashtable_init(&xsctp_net(net)->paths, &xsctp_path_params);
}

void xsctp_assoc_net_exit(struct net *net)
{
	rhashtable_destroy(&xsctp_net(net)->paths);
}
