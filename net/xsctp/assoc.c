// SPDX-License-Identifier: GPL-2.0
/*
 * Association lifetime: creation, the per-netns path table that incoming
 * packets are matched against, association ids, and teardown.
 */
#include <linux/slab.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>

/* Every packet's lookup compares keys: inline, not a call to memcmp(). */
static int path_key_cmp(struct rhashtable_compare_arg *arg, const void *obj)
{
	const struct xsctp_key *k = arg->key;
	const struct xsctp_key *o = &((const struct xsctp_path *)obj)->key;

	return !ipv6_addr_equal(&k->paddr, &o->paddr) || k->lport != o->lport ||
	       k->pport != o->pport;
}

/*
 * The path table is keyed by (peer address, local port, peer port) and
 * holds duplicates: sockets bound to different local addresses on one
 * port may each have an association with the same peer transport
 * address.  The packet's destination address tells them apart.
 */
static const struct rhashtable_params xsctp_path_params = {
	.head_offset = offsetof(struct xsctp_path, node),
	.key_offset = offsetof(struct xsctp_path, key),
	.key_len = sizeof(struct xsctp_key),
	.obj_cmpfn = path_key_cmp,
	.automatic_shrinking = true,
};

static void msecs_to(u32 *dst, u32 ms)
{
	*dst = max(msecs_to_jiffies(ms), 1UL);
}

/*
 * Associations (with their TSN map, 1.5 KB) and paths (368 bytes) come
 * from caches of their own size: from kmalloc they would take a 2 KB and
 * a 512-byte object, a third more memory per idle association.
 */
static struct kmem_cache *assoc_cache __read_mostly;
static struct kmem_cache *path_cache __read_mostly;

int xsctp_assoc_cache_init(void)
{
	size_t bits = XSCTP_TSNMAP_WORDS(XSCTP_TSNMAP_BITS) *
		      sizeof(unsigned long);

	/* not SLAB_ACCOUNT: the peer's COOKIE ECHO creates them in softirq */
	assoc_cache = kmem_cache_create("xsctp_assoc",
					sizeof(struct xsctp_assoc) + bits, 0,
					SLAB_HWCACHE_ALIGN, NULL);
	path_cache = KMEM_CACHE(xsctp_path, 0);
	if (assoc_cache && path_cache)
		return 0;
	xsctp_assoc_cache_exit();
	return -ENOMEM;
}

/* Called once every association is freed (after rcu_barrier()). */
void xsctp_assoc_cache_exit(void)
{
	kmem_cache_destroy(path_cache);
	kmem_cache_destroy(assoc_cache);
}

struct xsctp_assoc *xsctp_assoc_new(struct sock *sk, gfp_t gfp)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct xsctp_assoc *asoc;

	asoc = kmem_cache_zalloc(assoc_cache, gfp);
	if (!asoc)
		return NULL;
	spin_lock_init(&asoc->lock);
	refcount_set(&asoc->ref, 1);
	asoc->net = sock_net(sk);
	asoc->sk = sk;
	sock_hold(sk);
	INIT_LIST_HEAD(&asoc->sock_node);
	INIT_LIST_HEAD(&asoc->rwnd_node);
	INIT_LIST_HEAD(&asoc->paths);
	skb_queue_head_init(&asoc->sendq);
	skb_queue_head_init(&asoc->sentq);
	skb_queue_head_init(&asoc->reasm);
	skb_queue_head_init(&asoc->ordered);
	skb_queue_head_init(&asoc->pd_wait);
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
	asoc->pf_retrans = xsctp_sysctl_pf_retrans(asoc->net);
	asoc->ps_retrans = xsctp_sysctl_ps_retrans(asoc->net);
	/* set by socket options (sockopt.c) */
	asoc->default_stream = xs->opts.default_stream;
	asoc->default_flags = xs->opts.default_flags;
	asoc->default_ppid = xs->opts.default_ppid;
	asoc->default_context = xs->opts.default_context;
	asoc->default_ttl = xs->opts.default_ttl;
	asoc->rcv_context = xs->opts.rcv_context;
	asoc->events = xs->opts.events;
	asoc->max_burst = xs->opts.max_burst;
	asoc->user_frag = xs->opts.user_frag;
	asoc->sack_freq = xs->opts.sack_freq;
	asoc->sack_off = xs->opts.sack_off;
	asoc->sack_every = xs->opts.sack_off ? 1 :
			   min(xs->opts.sack_freq, 255U);
	xsctp_timer_setup(&asoc->t1, asoc, NULL, XSCTP_T1_INIT);
	xsctp_timer_setup(&asoc->t2, asoc, NULL, XSCTP_T2_SHUTDOWN);
	xsctp_timer_setup(&asoc->t5, asoc, NULL, XSCTP_T5_GUARD);
	xsctp_timer_setup(&asoc->sack, asoc, NULL, XSCTP_T_SACK);
	xsctp_timer_setup(&asoc->autoclose, asoc, NULL, XSCTP_T_AUTOCLOSE);
	return asoc;
}

/*
 * Stream arrays, once the counts are negotiated (RFC 9260 s5.1.1).  An
 * association we initiate has its outbound array already, sized for the
 * streams it asked for (see xsctp_assoc_want_streams()): data may have
 * been queued, SSNs taken, before the peer answered, and the negotiated
 * count is never larger.
 */
int xsctp_assoc_init_streams(struct xsctp_assoc *asoc, u16 os, u16 is,
			     gfp_t gfp)
{
	if ((!asoc->out.mem || os > asoc->nostreams) &&
	    xsctp_assoc_want_streams(asoc, os, gfp))
		return -ENOMEM;
	/* inbound entries come with a stream's first DATA (inq.c): the
	 * peer chooses how many there are, up to our MIS
	 */
	xsctp_streams_free(&asoc->in);
	if (xsctp_streams_init(&asoc->in, is, sizeof(struct xsctp_instream),
			       gfp))
		return -ENOMEM;
	asoc->nostreams = os;
	asoc->nistreams = is;
	return 0;
}

/*
 * Before INIT: the outbound streams asked for, usable by sendmsg at once.
 * Their SSNs are taken at transmission, where no allocation may fail, so
 * every entry is made now; how many is the user's choice (INITMSG).
 */
int xsctp_assoc_want_streams(struct xsctp_assoc *asoc, u16 os, gfp_t gfp)
{
	xsctp_streams_free(&asoc->out);
	if (xsctp_streams_init(&asoc->out, os, sizeof(u16), gfp) ||
	    xsctp_streams_fill(&asoc->out, gfp))
		return -ENOMEM;
	asoc->nostreams = os;
	return 0;
}

void xsctp_assoc_free_streams(struct xsctp_assoc *asoc)
{
	xsctp_streams_free(&asoc->out);
	xsctp_streams_free(&asoc->in);
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
	p = kmem_cache_zalloc(path_cache, gfp);
	if (!p)
		return NULL;
	p->asoc = asoc;
	p->addr = *peer;
	/* a socket bound to one address sends from it (RFC 9260 s6.4) */
	xsctp_sk_source(asoc->sk, peer, &p->saddr);
	xsctp_key_make(&p->key, peer, inet_sk(asoc->sk)->inet_sport);
	p->rto = asoc->rto_initial;
	xsctp_assoc_note_rto(asoc, p);
	xsctp_path_route(p);
	if (!p->pmtu)
		p->pmtu = 1280;
	p->cwnd = initial_cwnd(p->pmtu);
	p->ssthresh = U32_MAX;	/* RFC 9260 s7.2.1: arbitrarily high */
	p->max_retrans = asoc->path_max_retrans;
	p->pf_retrans = asoc->pf_retrans;
	p->ps_retrans = asoc->ps_retrans;
	/* RFC 9260 s5.4: the address the handshake ran over is confirmed by
	 * it; any other is UNCONFIRMED until a heartbeat comes back
	 */
	p->state = asoc->primary ? SCTP_UNCONFIRMED : SCTP_ACTIVE;
	xsctp_timer_setup(&p->t3, asoc, p, XSCTP_T3_RTX);
	xsctp_timer_setup(&p->hb, asoc, p, XSCTP_T_HEARTBEAT);
	list_add_tail(&p->list, &asoc->paths);
	asoc->npaths++;
	if (!asoc->primary)
		asoc->primary = p;
	return p;
}

static void path_free(struct xsctp_path *p)
{
	dst_release(p->dst);
	kmem_cache_free(path_cache, p);
}

/* Would @p's association be the same as one already in the table? */
static bool clashes(struct xsctp_net *xn, struct xsctp_path *p)
{
	struct rhlist_head *list, *pos;
	struct xsctp_path *q;

	list = rhltable_lookup(&xn->paths, &p->key, xsctp_path_params);
	rhl_for_each_entry_rcu(q, pos, list, node)
		if (q->asoc != p->asoc &&
		    xsctp_sk_addrs_overlap(q->asoc->sk, p->asoc->sk))
			return true;
	return false;
}

/*
 * Makes the association reachable by incoming packets.  An association
 * is unique by its two endpoints (RFC 9260 s1.4): a second one between
 * the same local and peer transport addresses is refused.
 */
int xsctp_assoc_hash(struct xsctp_assoc *asoc)
{
	struct xsctp_net *xn = xsctp_net(asoc->net);
	struct xsctp_path *p, *q;
	int err = 0;

	spin_lock_bh(&xn->paths_lock);
	rcu_read_lock();
	list_for_each_entry(p, &asoc->paths, list) {
		err = clashes(xn, p) ? -EADDRINUSE :
		      rhltable_insert(&xn->paths, &p->node, xsctp_path_params);
		if (err)
			break;
	}
	if (err)
		list_for_each_entry(q, &asoc->paths, list) {
			if (q == p)
				break;
			rhltable_remove(&xn->paths, &q->node,
					xsctp_path_params);
		}
	rcu_read_unlock();
	spin_unlock_bh(&xn->paths_lock);
	return err;
}

/*
 * Called under asoc->lock: a peer address learnt after the association
 * became reachable (the addresses of an INIT ACK).  An address that
 * would make this association clash with another is left out.
 */
struct xsctp_path *xsctp_assoc_add_peer(struct xsctp_assoc *asoc,
					const union xsctp_addr *peer)
{
	struct xsctp_net *xn = xsctp_net(asoc->net);
	struct xsctp_path *p;
	int err;

	if (xsctp_assoc_find_path(asoc, peer) || asoc->npaths >= XSCTP_MAX_PATHS)
		return NULL;
	p = xsctp_assoc_add_path(asoc, peer, GFP_ATOMIC);
	if (!p)
		return NULL;
	spin_lock(&xn->paths_lock);
	rcu_read_lock();
	err = clashes(xn, p) ? -EADDRINUSE :
	      rhltable_insert(&xn->paths, &p->node, xsctp_path_params);
	rcu_read_unlock();
	spin_unlock(&xn->paths_lock);
	if (!err)
		return p;
	list_del(&p->list);
	asoc->npaths--;
	path_free(p);
	return NULL;
}

static void path_free_rcu(struct rcu_head *head)
{
	path_free(container_of(head, struct xsctp_path, rcu));
}

/*
 * Called under asoc->lock: @p leaves the association (a connectx()
 * address the peer did not confirm).  Lookups and timer runs that found
 * it hold RCU, so it is freed after a grace period; whoever then takes
 * this lock with it sees p->retired and lets it be.
 */
void xsctp_assoc_rm_path(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	struct xsctp_net *xn = xsctp_net(asoc->net);

	if (asoc->npaths < 2)
		return;		/* an association keeps one path */
	spin_lock(&xn->paths_lock);
	rhltable_remove(&xn->paths, &p->node, xsctp_path_params);
	spin_unlock(&xn->paths_lock);
	xsctp_timer_stop(&p->t3);
	xsctp_timer_stop(&p->hb);
	list_del(&p->list);
	asoc->npaths--;
	p->retired = true;
	xsctp_outq_forget_path(asoc, p);
	if (asoc->primary == p)
		asoc->primary = list_first_entry(&asoc->paths,
						 struct xsctp_path, list);
	if (asoc->sack_path == p)
		asoc->sack_path = NULL;
	if (asoc->init_path == p)
		asoc->init_path = NULL;
	call_rcu(&p->rcu, path_free_rcu);
}

static void unhash(struct xsctp_assoc *asoc)
{
	struct xsctp_net *xn = xsctp_net(asoc->net);
	struct xsctp_path *p;

	/* under paths_lock, clashes() sees only live associations */
	spin_lock_bh(&xn->paths_lock);
	list_for_each_entry(p, &asoc->paths, list)
		rhltable_remove(&xn->paths, &p->node, xsctp_path_params);
	spin_unlock_bh(&xn->paths_lock);
}

/*
 * Finds the association of a packet from @peer to @local (addresses and
 * ports), or, when @sk is given, @sk's association with @peer.  Returns
 * it with a reference held, and the path @peer is on.
 */
static struct xsctp_assoc *lookup(struct net *net,
				  const union xsctp_addr *peer,
				  const union xsctp_addr *local,
				  const struct sock *sk,
				  struct xsctp_path **path)
{
	struct xsctp_assoc *asoc = NULL;
	struct rhlist_head *list, *pos;
	struct xsctp_path *p;
	struct xsctp_key key;

	xsctp_key_make(&key, peer, local ? xsctp_addr_port(local) :
			      inet_sk(sk)->inet_sport);
	rcu_read_lock();
	list = rhltable_lookup(&xsctp_net(net)->paths, &key,
			       xsctp_path_params);
	rhl_for_each_entry_rcu(p, pos, list, node) {
		struct sock *owner;

		/* the reference keeps the owning socket alive while we look */
		if (!refcount_inc_not_zero(&p->asoc->ref))
			continue;
		owner = READ_ONCE(p->asoc->sk);
		if (sk ? owner == sk : xsctp_sk_has_laddr(owner, local)) {
			asoc = p->asoc;
			*path = p;
			break;
		}
		xsctp_assoc_put(p->asoc);
	}
	rcu_read_unlock();
	return asoc;
}

struct xsctp_assoc *xsctp_assoc_lookup(struct net *net,
				       const union xsctp_addr *peer,
				       const union xsctp_addr *local,
				       struct xsctp_path **path)
{
	return lookup(net, peer, local, NULL, path);
}

struct xsctp_assoc *xsctp_assoc_lookup_sk(struct sock *sk,
					  const union xsctp_addr *peer,
					  struct xsctp_path **path)
{
	return lookup(sock_net(sk), peer, NULL, sk, path);
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
	/* A COOKIE ECHO may find the endpoint just before close() stops
	 * it listening; close() then never sees this association, which
	 * would live on, holding the socket, after the last close.
	 */
	spin_lock_bh(&xs->assoc_lock);
	if (xs->closed) {
		spin_unlock_bh(&xs->assoc_lock);
		xa_erase(&xs->ids, id);
		return -ESHUTDOWN;
	}
	xsctp_assoc_hold(asoc);		/* the socket's list */
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
	list_del_init(&asoc->rwnd_node);
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
	xsctp_outq_purge(asoc);
	xsctp_inq_purge(asoc);
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

	list_for_each_entry_safe(p, tmp, &asoc->paths, list)
		path_free(p);
	xsctp_assoc_free_streams(asoc);
	kfree(asoc->cookie);
	kmem_cache_free(assoc_cache, asoc);
}

void xsctp_assoc_put(struct xsctp_assoc *asoc)
{
	if (!refcount_dec_and_test(&asoc->ref))
		return;
	/* a never-hashed association (failed setup) may not be dead yet */
	xsctp_outq_purge(asoc);
	xsctp_inq_purge(asoc);
	sock_put(asoc->sk);
	call_rcu(&asoc->rcu, free_rcu);
}

int xsctp_assoc_net_init(struct net *net)
{
	spin_lock_init(&xsctp_net(net)->paths_lock);
	return rhltable_init(&xsctp_net(net)->paths, &xsctp_path_params);
}

void xsctp_assoc_net_exit(struct net *net)
{
	rhltable_destroy(&xsctp_net(net)->paths);
}
