// SPDX-License-Identifier: GPL-2.0
/*
 * Association setup (RFC 9260 s5.1, s5.2): INIT, INIT ACK with the State
 * Cookie, COOKIE ECHO and COOKIE ACK, the collision and restart cases of
 * s5.2 and the stale cookie of s5.2.6, and T1.  Called from the state
 * machine (sm.c) under asoc->lock, or for an endpoint with no association
 * under no lock at all: nothing is kept for an INIT.
 */
#include <linux/module.h>
#include <linux/random.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/cookie.h>
#include <net/xsctp/laddr.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/wire.h>

/*
 * Testing aid: a fixed initial TSN, so that tests can cross the 2^32
 * wrap.  0, the default, means random, as RFC 9260 s5.3.1 wants.
 */
static uint test_initial_tsn;
module_param(test_initial_tsn, uint, 0644);
MODULE_PARM_DESC(test_initial_tsn, "testing only: initial TSN (0: random)");

static u32 initial_tsn(void)
{
	return READ_ONCE(test_initial_tsn) ?: get_random_u32();
}

/* A non-zero random tag (RFC 9260 s5.3.1: tags MUST NOT be 0). */
static u32 random_tag(void)
{
	u32 t;

	do {
		t = get_random_u32();
	} while (!t);
	return t;
}

/* ---- association setup, RFC 9260 s5.1 ---- */

static u32 our_addr_types(const struct xsctp_assoc *asoc)
{
	return asoc->sk->sk_family == AF_INET6 ? 2 : 1;
}

/* RFC 9260 s3.3.2, s3.3.3: the fixed part INIT and INIT ACK share. */
static void put_init_fixed(struct xsctp_init_chunk *c, struct sock *sk,
			   u32 tag, u32 rwnd, u32 tsn)
{
	struct sctp_initmsg *im = &xsctp_sk(sk)->opts.initmsg;

	c->init_tag = htonl(tag);
	c->a_rwnd = htonl(rwnd);
	c->num_os = htons(im->sinit_num_ostreams);
	c->num_mis = htons(im->sinit_max_instreams);
	c->initial_tsn = htonl(tsn);
}

/*
 * RFC 5061 s4.2.5: the Adaptation Layer Indication, in INIT and INIT ACK
 * when the user set one (SCTP_ADAPTATION_LAYER; Linux sends none for 0).
 * Returns where the next parameter goes.
 */
static struct xsctp_paramhdr *put_adaptation(struct xsctp_paramhdr *ph,
					     u32 ind)
{
	if (!ind)
		return ph;
	ph->type = htons(XSCTP_PARAM_ADAPTATION_IND);
	ph->length = htons(8);
	*(__be32 *)(ph + 1) = htonl(ind);
	return ph + 2;
}

static u32 adaptation_len(const struct sock *sk)
{
	return xsctp_sk(sk)->opts.adaptation_ind ? 8 : 0;
}

/*
 * RFC 9260 s3.3.2: INIT with Supported Address Types (s3.3.2.1), and a
 * Cookie Preservative (s3.3.2.1, s5.2.6) after a Stale Cookie error.
 */
static int send_init(struct xsctp_assoc *asoc)
{
	u32 ntypes = our_addr_types(asoc), plen = 4 + 2 * ntypes;
	u32 keep = (asoc->cookie_inc ? 8 : 0) + adaptation_len(asoc->sk), alen;
	struct xsctp_path *to = asoc->init_path ?: asoc->primary;
	const union xsctp_addr *peer = &to->addr;
	struct xsctp_init_chunk *init;
	struct xsctp_paramhdr *ph;
	struct xsctp_laddrs l;
	struct sk_buff *skb;
	__be16 *types;

	/* s5.1.2: our other addresses, of the families the peer's has */
	xsctp_laddr_collect(asoc->sk, peer, !asoc->sk->sk_ipv6only,
			    peer->sa.sa_family == AF_INET6, &l);
	alen = xsctp_laddr_len(&l);
	skb = xsctp_pkt_new(XSCTP_INIT_FIXED_LEN + keep + alen +
			    ALIGN(plen, 4), GFP_ATOMIC);
	if (!skb)
		return -ENOMEM;
	init = xsctp_pkt_chunk(skb, XSCTP_CID_INIT, 0,
			       XSCTP_INIT_FIXED_LEN - 4 + keep + alen + plen);
	put_init_fixed(init, asoc->sk, asoc->my_vtag, xsctp_inq_rwnd(asoc),
		       asoc->init_tsn);
	ph = put_adaptation((struct xsctp_paramhdr *)(init + 1),
			    xsctp_sk(asoc->sk)->opts.adaptation_ind);
	if (asoc->cookie_inc) {
		ph->type = htons(XSCTP_PARAM_COOKIE_PRESERVATIVE);
		ph->length = htons(8);
		*(__be32 *)(ph + 1) = htonl(asoc->cookie_inc);
		ph += 2;
	}
	ph = xsctp_laddr_put(ph, &l);
	/* last: its padding is outside the chunk length (s3.2) */
	ph->type = htons(XSCTP_PARAM_SUPPORTED_ADDR);
	ph->length = htons(plen);
	types = (__be16 *)(ph + 1);
	types[0] = htons(XSCTP_PARAM_IPV4);
	if (ntypes > 1)
		types[1] = htons(XSCTP_PARAM_IPV6);
	xsctp_inc_stats(asoc->net, XSCTP_MIB_OUTCTRLCHUNKS);
	/* RFC 9260 s8.5.1(A): the packet carrying INIT has tag 0 */
	asoc->peer_vtag = 0;
	return xsctp_output(asoc, to, skb);
}

/* Called under asoc->lock: starts the four-way handshake. */
int xsctp_sm_connect(struct xsctp_assoc *asoc)
{
	int err;

	asoc->my_vtag = random_tag();
	asoc->init_tsn = initial_tsn();
	asoc->next_tsn = asoc->init_tsn;
	asoc->last_cum_ack = asoc->init_tsn - 1;
	asoc->state = SCTP_COOKIE_WAIT;
	asoc->t1.kind = XSCTP_T1_INIT;
	err = send_init(asoc);
	if (err)
		return err;
	xsctp_timer_arm(&asoc->t1, (asoc->init_path ?: asoc->primary)->rto);
	return 0;
}

/*
 * RFC 9260 s5.1.2: the addresses the peer listed in its INIT or INIT ACK
 * become paths, UNCONFIRMED until a heartbeat proves them (s5.4); those
 * the user gave to sctp_connectx() stay confirmed.  Called under
 * asoc->lock.
 */
static void add_listed(struct xsctp_assoc *asoc, const struct xsctp_rcv *r,
		       const struct xsctp_init_addr *addrs, u8 n)
{
	struct xsctp_path *p;
	union xsctp_addr a;
	u8 i;

	for (i = 0; i < n; i++) {
		if (!xsctp_laddr_peer(asoc->sk, &addrs[i], &r->src, &a))
			continue;
		p = xsctp_assoc_find_path(asoc, &a);
		if (p)
			p->given = false;
		else
			xsctp_assoc_add_peer(asoc, &a);
	}
}

/*
 * Called under asoc->lock.  RFC 9260 s5.1.2: the INIT ACK's source and
 * the addresses it lists are the peer's; a connectx() address that is
 * neither was never the peer's and goes, as on Linux.  The path the INIT
 * ACK came over works: it becomes the primary if the user's went.
 */
static void drop_unlisted(struct xsctp_assoc *asoc, struct xsctp_path *src)
{
	struct xsctp_path *p, *tmp;
	bool primary_gone = false;

	src->given = false;
	list_for_each_entry_safe(p, tmp, &asoc->paths, list) {
		if (!p->given)
			continue;
		primary_gone |= p == asoc->primary;
		xsctp_assoc_rm_path(asoc, p);
	}
	if (primary_gone)
		asoc->primary = src;
}

/* Negotiated stream counts, RFC 9260 s5.1.1 / s3.3.2. */
static int setup_streams(struct xsctp_assoc *asoc, u16 peer_os, u16 peer_mis)
{
	u16 mis = xsctp_sk(asoc->sk)->opts.initmsg.sinit_max_instreams;
	int err;

	err = xsctp_assoc_init_streams(asoc, min(asoc->nostreams, peer_mis),
				       min(mis, peer_os), GFP_ATOMIC);
	if (!err)
		xsctp_outq_trim_streams(asoc);
	return err;
}

static void send_cookie_echo(struct xsctp_assoc *asoc)
{
	xsctp_sm_send_ctrl(asoc, asoc->init_path, XSCTP_CID_COOKIE_ECHO, 0,
			   asoc->cookie, asoc->cookie_len);
}

/* RFC 9260 s5.1 C: INIT ACK in COOKIE-WAIT. */
void xsctp_hs_init_ack(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_assoc *asoc = r->asoc;
	struct xsctp_init_info info = { .unrec_budget = 0 };
	int err;

	if (asoc->state != SCTP_COOKIE_WAIT)
		return;		/* s5.2.3: discard it elsewhere */
	err = xsctp_init_parse(c->p, c->len, &info);
	if (err) {
		xsctp_sm_abort(asoc, xsctp_init_err_cause(-err), ECONNREFUSED);
		r->stop = true;
		return;
	}
	asoc->peer_vtag = info.init_tag;
	asoc->peer_rwnd = info.a_rwnd;
	asoc->rwnd_at_peer_init = info.a_rwnd;
	asoc->peer_adaptation = info.adaptation_ind;
	add_listed(asoc, r, info.addrs, info.naddrs);
	if (r->path) {
		drop_unlisted(asoc, r->path);
		asoc->init_path = r->path;
	}
	asoc->cookie = kmemdup(info.cookie, info.cookie_len, GFP_ATOMIC);
	if (!asoc->cookie || setup_streams(asoc, info.num_os, info.num_mis) ||
	    xsctp_inq_init(asoc, info.initial_tsn)) {
		xsctp_sm_abort(asoc, XSCTP_CAUSE_NO_RESOURCE, ENOMEM);
		return;
	}
	asoc->cookie_len = info.cookie_len;
	xsctp_timer_stop(&asoc->t1);
	if (!asoc->cookie_inc)
		asoc->init_retries = 0;
	asoc->state = SCTP_COOKIE_ECHOED;
	asoc->t1.kind = XSCTP_T1_COOKIE;
	send_cookie_echo(asoc);
	xsctp_timer_arm(&asoc->t1, (asoc->init_path ?: asoc->primary)->rto);
}

/* RFC 9260 s5.1 E: COOKIE ACK in COOKIE-ECHOED. */
void xsctp_hs_cookie_ack(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_assoc *asoc = r->asoc;

	if (asoc->state != SCTP_COOKIE_ECHOED)
		return;
	xsctp_timer_stop(&asoc->t1);
	kfree(asoc->cookie);
	asoc->cookie = NULL;
	xsctp_inc_stats(asoc->net, XSCTP_MIB_ACTIVEESTABS);
	xsctp_sm_established(asoc);
	xsctp_outq_flush(asoc);
}

/* RFC 9260 s3.3.3: the INIT ACK for @info, with our cookie. */
static struct sk_buff *build_init_ack(struct xsctp_rcv *r, struct sock *sk,
				      const struct xsctp_init_info *info,
				      const struct xsctp_cookie_tcb *tcb,
				      const struct xsctp_chunk *c)
{
	struct xsctp_sock *xs = xsctp_sk(sk);
	u32 unrec = 0, clen = 4 + XSCTP_COOKIE_LEN, i, last_pad = 0, alen;
	u32 ad = adaptation_len(sk);
	bool v4 = !info->has_addr_types ||
		  (info->addr_types & XSCTP_ADDR_TYPE_IPV4);
	bool v6 = sk->sk_family == AF_INET6 && (!info->has_addr_types ||
		  (info->addr_types & XSCTP_ADDR_TYPE_IPV6));
	struct xsctp_init_chunk *ack;
	struct xsctp_paramhdr *ph;
	struct xsctp_laddrs l;
	struct sk_buff *skb;

	/* s5.1.2: our other addresses, of the types the peer supports */
	xsctp_laddr_collect(sk, &r->src, v4 && !sk->sk_ipv6only, v6, &l);
	alen = xsctp_laddr_len(&l);
	for (i = 0; i < info->nunrec; i++)
		unrec += 4 + ALIGN(info->unrec[i].len, 4);
	skb = xsctp_pkt_new(XSCTP_INIT_FIXED_LEN + ad + ALIGN(clen, 4) + alen +
			    unrec, GFP_ATOMIC);
	if (!skb)
		return NULL;
	ack = xsctp_pkt_chunk(skb, XSCTP_CID_INIT_ACK, 0,
			      XSCTP_INIT_FIXED_LEN - 4 + ad + clen);
	put_init_fixed(ack, sk, tcb->my_vtag, max_t(int, sk->sk_rcvbuf, 1500),
		       tcb->my_tsn);
	ph = put_adaptation((struct xsctp_paramhdr *)(ack + 1),
			    xs->opts.adaptation_ind);
	ph->type = htons(XSCTP_PARAM_STATE_COOKIE);
	ph->length = htons(clen);
	/* s5.1.3: a suggested increase may be declined; past one default
	 * lifetime it only widens the window for replays
	 */
	xsctp_cookie_make(&xsctp_net(r->net)->cookie_keys, tcb,
			  xs->opts.cookie_life +
			  min_t(u32, info->cookie_inc,
				xsctp_sysctl_cookie_inc_max(r->net)),
			  (u8 *)(ph + 1));
	last_pad = ALIGN(clen, 4) - clen;
	if (alen) {
		xsctp_laddr_put(skb_put(skb, alen), &l);
		last_pad = 0;
	}
	/* RFC 9260 s3.2.1: report unrecognised parameters, bounded above */
	for (i = 0; i < info->nunrec; i++) {
		u16 len = info->unrec[i].len;

		ph = skb_put_zero(skb, 4 + ALIGN(len, 4));
		ph->type = htons(XSCTP_PARAM_UNRECOGNIZED);
		ph->length = htons(4 + len);
		memcpy(ph + 1, c->p + info->unrec[i].off, len);
		last_pad = ALIGN(len, 4) - len;
	}
	/* s3.2: the length covers every parameter but the last one's pad */
	((struct xsctp_chunkhdr *)skb->data)->length =
		htons(skb->len - last_pad);
	return skb;
}

/*
 * RFC 9260 s5.1 B: answer an INIT with an INIT ACK and keep nothing.  For
 * an INIT that meets an association, s5.2.1 (COOKIE-WAIT, COOKIE-ECHOED:
 * our original tag and TSN) and s5.2.2 (later states: new ones, with the
 * current tags as tie-tags so that the COOKIE ECHO can tell a restart).
 */
static void answer_init(struct xsctp_rcv *r, struct sock *sk,
			const struct xsctp_chunk *c, struct xsctp_assoc *asoc)
{
	struct xsctp_init_info info = { .unrec_budget = 512 };
	struct xsctp_sock_opts *o = &xsctp_sk(sk)->opts;
	struct xsctp_cookie_tcb tcb;
	struct sk_buff *skb;
	int err;

	/* all of it, padding too, goes to the peer inside the cookie */
	memset(&tcb, 0, sizeof(tcb));
	r->stop = true;
	err = xsctp_init_parse(c->p, c->len, &info);
	if (err) {
		/* s3.3.2: an INIT with tag 0 is discarded; others ABORTed
		 * with the peer's tag, which is all we have
		 */
		if (-err != XSCTP_INIT_ERR_ZERO_TAG)
			xsctp_sm_reply_abort(r, info.init_tag, false,
					     xsctp_init_err_cause(-err));
		return;
	}
	if (asoc && asoc->state <= SCTP_COOKIE_ECHOED) {
		tcb.my_vtag = asoc->my_vtag;
		tcb.my_tsn = asoc->init_tsn;
	} else {
		tcb.my_vtag = random_tag();
		tcb.my_tsn = initial_tsn();
	}
	if (asoc && asoc->state != SCTP_COOKIE_WAIT) {
		tcb.tie_my = asoc->my_vtag;
		tcb.tie_peer = asoc->peer_vtag;
	}
	tcb.peer_vtag = info.init_tag;
	tcb.peer_tsn = info.initial_tsn;
	tcb.peer_rwnd = info.a_rwnd;
	tcb.nostreams = min(o->initmsg.sinit_num_ostreams, info.num_mis);
	tcb.nistreams = min(o->initmsg.sinit_max_instreams, info.num_os);
	tcb.adaptation = info.adaptation_ind;	/* for the event, s6.1.6 */
	tcb.peer_has_adaptation = info.has_adaptation;
	tcb.peer = r->src;
	tcb.local = r->dst;
	tcb.npeers = min_t(u8, info.naddrs, XSCTP_COOKIE_ADDRS);
	memcpy(tcb.peers, info.addrs, tcb.npeers * sizeof(tcb.peers[0]));
	skb = build_init_ack(r, sk, &info, &tcb, c);
	if (!skb)
		return;
	xsctp_inc_stats(r->net, XSCTP_MIB_OUTCTRLCHUNKS);
	xsctp_output_reply(r->net, sk, r->skb, info.init_tag, skb);
}

void xsctp_hs_init_endpoint(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	answer_init(r, r->sk, c, NULL);
}

/* RFC 9260 s5.2.1, s5.2.2, s9.2: an INIT for an existing association. */
void xsctp_hs_init(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_assoc *asoc = r->asoc;

	if (asoc->state == SCTP_SHUTDOWN_ACK_SENT) {
		/* s9.2: our SHUTDOWN COMPLETE was lost: repeat SHUTDOWN ACK */
		xsctp_sm_send_ctrl(asoc, r->path, XSCTP_CID_SHUTDOWN_ACK, 0,
				   NULL, 0);
		r->stop = true;
		return;
	}
	answer_init(r, asoc->sk, c, asoc);
}

/*
 * RFC 9260 s5.1.5 (3): a cookie is good only for the ports and the tag
 * it was made for.  The keys are the namespace's, so without the port
 * check one endpoint's cookie would make an association at another.
 */
static bool cookie_matches(const struct xsctp_rcv *r,
			   const struct xsctp_cookie_tcb *t)
{
	return r->vtag == t->my_vtag &&
	       xsctp_addr_port(&t->local) == xsctp_addr_port(&r->dst) &&
	       xsctp_addr_port(&t->peer) == xsctp_addr_port(&r->src);
}

/* Builds the TCB a valid cookie describes, at endpoint r->sk. */
static struct xsctp_assoc *assoc_from_cookie(struct xsctp_rcv *r,
					     const struct xsctp_cookie_tcb *t)
{
	struct xsctp_assoc *asoc = xsctp_assoc_new(r->sk, GFP_ATOMIC);
	struct xsctp_path *path;

	if (!asoc)
		return NULL;
	asoc->my_vtag = t->my_vtag;
	asoc->peer_vtag = t->peer_vtag;
	asoc->init_tsn = t->my_tsn;
	asoc->next_tsn = t->my_tsn;
	asoc->last_cum_ack = t->my_tsn - 1;
	asoc->peer_rwnd = t->peer_rwnd;
	asoc->rwnd_at_peer_init = t->peer_rwnd;
	asoc->peer_adaptation = t->adaptation;
	path = xsctp_assoc_add_path(asoc, &r->src, GFP_ATOMIC);
	if (!path || xsctp_assoc_init_streams(asoc, t->nostreams,
					      t->nistreams, GFP_ATOMIC) ||
	    xsctp_inq_init(asoc, t->peer_tsn))
		goto fail;
	path->saddr = r->dst;
	if (xsctp_assoc_hash(asoc))
		goto fail;
	if (xsctp_assoc_attach(asoc)) {
		/* hashed: another CPU may hold it already */
		spin_lock(&asoc->lock);
		xsctp_assoc_kill(asoc);
		spin_unlock(&asoc->lock);
		goto fail;
	}
	spin_lock(&asoc->lock);
	add_listed(asoc, r, t->peers, t->npeers);
	spin_unlock(&asoc->lock);
	return asoc;
fail:
	xsctp_assoc_put(asoc);
	return NULL;
}

static bool backlog_full(struct sock *sk)
{
	struct xsctp_sock *xs = xsctp_sk(sk);

	return xsctp_style_tcp(sk) && xs->nassocs >= max(xs->backlog, 1U);
}

/* s5.1.5 (4): ERROR with Stale Cookie, staleness in usec, under the tag
 * the peer chose (s8.5): it is in COOKIE-ECHOED and drops anything else
 */
static void reply_stale(struct xsctp_rcv *r, u32 peer_vtag, u32 stale_us)
{
	struct sk_buff *skb = xsctp_pkt_new(12, GFP_ATOMIC);
	__be32 *us;

	if (!skb)
		return;
	xsctp_pkt_chunk(skb, XSCTP_CID_ERROR, 0, 0);
	us = xsctp_sm_put_cause(skb, XSCTP_CAUSE_STALE_COOKIE, 4);
	*us = htonl(stale_us);
	((struct xsctp_chunkhdr *)skb->data)->length = htons(12);
	xsctp_output_reply(r->net, r->sk, r->skb, peer_vtag, skb);
}

/* RFC 9260 s5.1 D, s5.1.5: COOKIE ECHO at an endpoint. */
void xsctp_hs_cookie_echo_endpoint(struct xsctp_rcv *r,
				   const struct xsctp_chunk *c)
{
	struct xsctp_net *xn = xsctp_net(r->net);
	enum xsctp_cookie_verdict v;
	struct xsctp_cookie_tcb tcb;
	struct xsctp_assoc *asoc;
	u32 stale_us = 0;

	r->stop = true;
	v = xsctp_cookie_open(&xn->cookie_keys, c->p + 4, c->len - 4, &tcb,
			      &stale_us);
	/* s5.1.5 (2) and (3) come before the lifetime, (4) */
	if (v == XSCTP_COOKIE_BAD || !cookie_matches(r, &tcb))
		return;
	if (v == XSCTP_COOKIE_STALE) {
		reply_stale(r, tcb.peer_vtag, stale_us);
		return;
	}
	if (!xsctp_addr_eq(&tcb.peer, &r->src) || backlog_full(r->sk))
		return;
	asoc = assoc_from_cookie(r, &tcb);
	if (!asoc)
		return;
	/* the new association takes over the rest of the packet */
	r->asoc = asoc;
	r->path = asoc->primary;
	r->from_cookie = true;
	xsctp_inc_stats(r->net, XSCTP_MIB_PASSIVEESTABS);
}

/* Called under asoc->lock: the first steps of a cookie-made association. */
void xsctp_hs_cookie_established(struct xsctp_rcv *r)
{
	struct xsctp_assoc *asoc = r->asoc;

	xsctp_sm_established(asoc);
	xsctp_sm_send_ctrl(asoc, r->path, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	if (xsctp_style_tcp(asoc->sk))
		asoc->sk->sk_data_ready(asoc->sk);	/* accept() can go */
}

/* RFC 9260 s5.2.4 (A): the peer restarted; start over with its new TCB. */
static void restart(struct xsctp_assoc *asoc, const struct xsctp_cookie_tcb *t)
{
	struct xsctp_path *p;

	xsctp_timer_stop(&asoc->t1);
	xsctp_timer_stop(&asoc->t2);
	xsctp_timer_stop(&asoc->t5);
	xsctp_timer_stop(&asoc->sack);
	xsctp_outq_purge(asoc);
	xsctp_inq_purge(asoc);
	asoc->errors = 0;
	asoc->fast_recovery = false;
	list_for_each_entry(p, &asoc->paths, list) {
		xsctp_timer_stop(&p->t3);
		p->flight = 0;
		p->pba = 0;
		p->errors = 0;
		p->rtt_pending = false;
	}
	asoc->my_vtag = t->my_vtag;
	asoc->peer_vtag = t->peer_vtag;
	asoc->init_tsn = t->my_tsn;
	asoc->next_tsn = t->my_tsn;
	asoc->last_cum_ack = t->my_tsn - 1;
	asoc->peer_rwnd = t->peer_rwnd;
	xsctp_assoc_free_streams(asoc);
	if (xsctp_assoc_init_streams(asoc, t->nostreams, t->nistreams,
				     GFP_ATOMIC) ||
	    xsctp_inq_init(asoc, t->peer_tsn)) {
		xsctp_sm_abort(asoc, XSCTP_CAUSE_NO_RESOURCE, ENOMEM);
		return;
	}
	asoc->state = SCTP_ESTABLISHED;
	xsctp_ulp_assoc_change(asoc, SCTP_RESTART, 0);
	asoc->sk->sk_write_space(asoc->sk);
}

/* s5.2.4 (B): our INITs crossed; take the peer's tag from the cookie. */
static void crossed(struct xsctp_assoc *asoc, const struct xsctp_cookie_tcb *t)
{
	asoc->peer_vtag = t->peer_vtag;
	asoc->peer_rwnd = t->peer_rwnd;
	if (!asoc->in.mem &&
	    (xsctp_assoc_init_streams(asoc, t->nostreams, t->nistreams,
				      GFP_ATOMIC) ||
	     xsctp_inq_init(asoc, t->peer_tsn))) {
		xsctp_sm_abort(asoc, XSCTP_CAUSE_NO_RESOURCE, ENOMEM);
		return;
	}
	xsctp_outq_trim_streams(asoc);
	xsctp_timer_stop(&asoc->t1);
	kfree(asoc->cookie);
	asoc->cookie = NULL;
	if (asoc->state < SCTP_ESTABLISHED)
		xsctp_sm_established(asoc);
}

/* RFC 9260 s5.2.4: COOKIE ECHO for an existing association. */
void xsctp_hs_cookie_echo(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_assoc *asoc = r->asoc;
	struct xsctp_cookie_tcb t;
	bool my_ok, peer_ok;
	u32 stale_us;

	if (xsctp_cookie_open(&xsctp_net(r->net)->cookie_keys, c->p + 4,
			      c->len - 4, &t, &stale_us) != XSCTP_COOKIE_OK ||
	    !cookie_matches(r, &t)) {
		r->stop = true;
		return;
	}
	my_ok = t.my_vtag == asoc->my_vtag;
	peer_ok = t.peer_vtag == asoc->peer_vtag;
	if (!my_ok && !peer_ok && t.tie_my == asoc->my_vtag &&
	    t.tie_peer == asoc->peer_vtag) {			/* (A) */
		if (asoc->state == SCTP_SHUTDOWN_ACK_SENT) {
			/* s5.2.4 A: no restart while shutting down */
			xsctp_sm_send_ctrl(asoc, r->path,
					   XSCTP_CID_SHUTDOWN_ACK, 0, NULL, 0);
			r->stop = true;
			return;
		}
		restart(asoc, &t);
	} else if (my_ok && !peer_ok) {				/* (B) */
		crossed(asoc, &t);
	} else if (!(my_ok && peer_ok)) {			/* (C) */
		r->stop = true;
		return;
	} else if (asoc->state == SCTP_COOKIE_ECHOED) {	/* (D) */
		xsctp_timer_stop(&asoc->t1);
		xsctp_sm_established(asoc);
	}
	if (!asoc->dead)
		xsctp_sm_send_ctrl(asoc, r->path, XSCTP_CID_COOKIE_ACK, 0,
				   NULL, 0);
}

/*
 * RFC 9260 s5.2.6: Stale Cookie in COOKIE-ECHOED.  Start over with an
 * INIT asking for the cookie to live longer: twice the staleness, but
 * no more than a second beyond it.  Each attempt counts against
 * Max.Init.Retransmits, and the INIT ACK that follows does not clear
 * that count while a preservative is in play, so a peer that keeps
 * answering so cannot hold the association in setup forever.
 */
void xsctp_hs_stale_cookie(struct xsctp_assoc *asoc, const struct xsctp_tlv *t)
{
	u32 ms;

	if (t->len < 8)
		return;
	ms = DIV_ROUND_UP(xsctp_get_be32(t->p + 4), USEC_PER_MSEC);
	asoc->cookie_inc = ms + min_t(u32, ms, MSEC_PER_SEC);
	xsctp_timer_stop(&asoc->t1);
	if (++asoc->init_retries > asoc->max_init_retrans) {
		xsctp_sm_fail(asoc, SCTP_CANT_STR_ASSOC, ETIMEDOUT);
		return;
	}
	kfree(asoc->cookie);
	asoc->cookie = NULL;
	asoc->state = SCTP_COOKIE_WAIT;
	asoc->t1.kind = XSCTP_T1_INIT;
	send_init(asoc);
	xsctp_timer_arm(&asoc->t1, (asoc->init_path ?: asoc->primary)->rto);
}

/*
 * RFC 9260 s6.4 (and s5.1): a retransmitted INIT or COOKIE ECHO goes to
 * the next of the peer's addresses, in the order the user gave them; not
 * to one the peer listed but nobody confirmed (s5.4: only heartbeats go
 * there).  T1 backs off across the addresses as one timer.
 */
static struct xsctp_path *t1_next_path(struct xsctp_assoc *asoc,
				       struct xsctp_path *p)
{
	struct xsctp_path *q = p;

	do {
		q = list_is_last(&q->list, &asoc->paths) ?
		    list_first_entry(&asoc->paths, struct xsctp_path, list) :
		    list_next_entry(q, list);
	} while (q != p && (q->state != SCTP_ACTIVE || xsctp_path_route(q)));
	q->rto = max(q->rto, p->rto);
	return q;
}

void xsctp_hs_t1_expired(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p = asoc->init_path ?: asoc->primary;

	xsctp_inc_stats(asoc->net, asoc->state == SCTP_COOKIE_WAIT ?
			XSCTP_MIB_T1_INIT_EXPIREDS :
			XSCTP_MIB_T1_COOKIE_EXPIREDS);
	/* RFC 9260 s5.1 (C): give up after Max.Init.Retransmits */
	if (++asoc->init_retries > asoc->max_init_retrans) {
		xsctp_sm_fail(asoc, SCTP_CANT_STR_ASSOC, ETIMEDOUT);
		return;
	}
	xsctp_rto_backoff(asoc, p);
	p = t1_next_path(asoc, p);
	asoc->init_path = p;
	if (asoc->state == SCTP_COOKIE_WAIT)
		send_init(asoc);
	else
		send_cookie_echo(asoc);
	xsctp_timer_arm(&asoc->t1, p->rto);
}
