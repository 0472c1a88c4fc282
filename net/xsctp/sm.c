// SPDX-License-Identifier: GPL-2.0
/*
 * The association state machine: the dispatch of each chunk by state and
 * verification tag (RFC 9260 s8.4, s8.5), shutdown (s9), abort, and the
 * protocol timers.  Setup (s5) is in handshake.c.  Handlers run under
 * asoc->lock and perform their effects directly.
 */
#include <linux/module.h>
#include <linux/random.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/cookie.h>
#include <net/xsctp/output.h>
#include <net/xsctp/laddr.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/wire.h>

/* Sends one control chunk in a packet of its own on @path (or primary). */
int xsctp_sm_send_ctrl(struct xsctp_assoc *asoc, struct xsctp_path *path,
		       u8 type, u8 flags, const void *body, u32 len)
{
	struct sk_buff *skb = xsctp_pkt_new(ALIGN(len + 4, 4), GFP_ATOMIC);
	u8 *ch;

	if (!skb)
		return -ENOMEM;
	ch = xsctp_pkt_chunk(skb, type, flags, len);
	if (len)
		memcpy(ch + sizeof(struct xsctp_chunkhdr), body, len);
	xsctp_inc_stats(asoc->net, XSCTP_MIB_OUTCTRLCHUNKS);
	return xsctp_output(asoc, path ?: xsctp_path_for_data(asoc), skb);
}

/* Appends an ABORT's single error cause with @len bytes of info. */
void *xsctp_sm_put_cause(struct sk_buff *skb, u16 cause, u32 len)
{
	struct xsctp_errhdr *e = skb_put_zero(skb, ALIGN(4 + len, 4));

	e->cause = htons(cause);
	e->length = htons(4 + len);
	return e + 1;
}

/* RFC 9260 s8.4, s5.1: ABORT to a packet that has no association. */
void xsctp_sm_reply_abort(struct xsctp_rcv *r, u32 vtag, bool tbit, u16 cause)
{
	struct sk_buff *skb = xsctp_pkt_new(16, GFP_ATOMIC);

	if (!skb)
		return;
	xsctp_pkt_chunk(skb, XSCTP_CID_ABORT, tbit ? XSCTP_CHUNK_FLAG_T : 0,
			0);
	if (cause) {
		xsctp_sm_put_cause(skb, cause, 0);
		((struct xsctp_chunkhdr *)skb->data)->length = htons(8);
	}
	xsctp_inc_stats(r->net, XSCTP_MIB_OUTCTRLCHUNKS);
	xsctp_output_reply(r->net, r->sk, r->skb, vtag, skb);
}

static void reply_chunk(struct xsctp_rcv *r, u32 vtag, u8 type, u8 flags)
{
	struct sk_buff *skb = xsctp_pkt_new(4, GFP_ATOMIC);

	if (!skb)
		return;
	xsctp_pkt_chunk(skb, type, flags, 0);
	xsctp_inc_stats(r->net, XSCTP_MIB_OUTCTRLCHUNKS);
	xsctp_output_reply(r->net, r->sk, r->skb, vtag, skb);
}

/*
 * Ends an association that never got up, or that is gone: the
 * ASSOC_CHANGE (with @error and @info as sac_error and sac_info), then
 * the user data it could not deliver goes back (RFC 6458 s6.1.11).
 */
void xsctp_sm_fail_info(struct xsctp_assoc *asoc, u16 sac_state, int err,
			u16 error, const u8 *info, u32 ilen)
{
	struct sock *sk = asoc->sk;

	asoc->err = err;
	xsctp_ulp_assoc_change_info(asoc, sac_state, error, info, ilen);
	xsctp_ulp_send_failed(asoc, error);
	/* a listener's child not accepted yet keeps its error (parked) */
	if (xsctp_style_tcp(sk) && sk->sk_state != TCP_LISTEN) {
		sk->sk_err = err;
		/* as sctp.ko, a socket that was connected stays ESTABLISHED
		 * with no association and no shutdown flags: poll() says
		 * EPOLLERR|EPOLLOUT, recv() ECONNRESET, then ENOTCONN (or
		 * EAGAIN) rather than EOF, send() EPIPE
		 */
		if (sk->sk_state != TCP_ESTABLISHED) {
			inet_sk_set_state(sk, TCP_CLOSE);
			sk->sk_shutdown = SHUTDOWN_MASK;
		}
		sock_set_flag(sk, SOCK_DONE);
		sk_error_report(sk);
	}
	xsctp_assoc_kill(asoc);
	sk->sk_state_change(sk);
}

void xsctp_sm_fail(struct xsctp_assoc *asoc, u16 sac_state, int err)
{
	xsctp_sm_fail_info(asoc, sac_state, err, 0, NULL, 0);
}

/*
 * sac_error and ssf_error of an association ended by an ABORT: Linux
 * reports the cause code as it is on the wire (network order), and 0
 * when a retransmission limit or timer ended it.
 */
static u16 wire_cause(u16 cause)
{
	return (__force u16)htons(cause);
}

/*
 * RFC 6458 s8.1.8: a one-to-many association idle for SCTP_AUTOCLOSE
 * seconds is shut down gracefully.  The timer is not moved on each
 * packet: on expiry it measures the idle time and sleeps for the rest.
 */
static void autoclose_arm(struct xsctp_assoc *asoc, unsigned long idle)
{
	u32 secs = READ_ONCE(xsctp_sk(asoc->sk)->opts.autoclose);

	if (secs && !xsctp_style_tcp(asoc->sk))
		xsctp_timer_arm(&asoc->autoclose, secs * HZ - idle);
}

static void autoclose_expired(struct xsctp_assoc *asoc)
{
	u32 secs = READ_ONCE(xsctp_sk(asoc->sk)->opts.autoclose);
	unsigned long idle = jiffies - asoc->last_data;

	if (!secs || asoc->state != SCTP_ESTABLISHED)
		return;
	if (idle < secs * HZ) {
		autoclose_arm(asoc, idle);
		return;
	}
	xsctp_inc_stats(asoc->net, XSCTP_MIB_AUTOCLOSE_EXPIREDS);
	xsctp_sm_shutdown(asoc);
}

void xsctp_sm_established(struct xsctp_assoc *asoc)
{
	struct sock *sk = asoc->sk;
	struct xsctp_path *p;

	asoc->state = SCTP_ESTABLISHED;
	xsctp_inc_stats(asoc->net, XSCTP_MIB_CURRESTAB);
	list_for_each_entry(p, &asoc->paths, list)
		xsctp_path_hb_arm(p);
	asoc->last_data = jiffies;
	xsctp_inq_busy(asoc);
	autoclose_arm(asoc, 0);
	xsctp_ulp_assoc_change(asoc, SCTP_COMM_UP, 0);
	xsctp_ulp_adaptation(asoc);	/* RFC 6458 s6.1.6: after COMM_UP */
	if (xsctp_style_tcp(sk) && sk->sk_state != TCP_LISTEN)
		inet_sk_set_state(sk, TCP_ESTABLISHED);
	sk->sk_state_change(sk);	/* connect() waits for this */
}

/* ---- abort, RFC 9260 s9.1 and s8.5.1 ---- */

/* Called under asoc->lock: ABORT the peer and end the association. */
void xsctp_sm_abort(struct xsctp_assoc *asoc, u16 cause, int err)
{
	struct sk_buff *skb = xsctp_pkt_new(8, GFP_ATOMIC);
	u16 sac = xsctp_assoc_established(asoc) ? SCTP_COMM_LOST :
						   SCTP_CANT_STR_ASSOC;

	if (skb && asoc->peer_vtag) {
		xsctp_pkt_chunk(skb, XSCTP_CID_ABORT, 0, 4);
		skb_trim(skb, 4);
		xsctp_sm_put_cause(skb, cause, 0);
		((struct xsctp_chunkhdr *)skb->data)->length = htons(8);
		xsctp_inc_stats(asoc->net, XSCTP_MIB_OUTCTRLCHUNKS);
		xsctp_output(asoc, asoc->primary, skb);
	} else {
		kfree_skb(skb);
	}
	xsctp_inc_stats(asoc->net, XSCTP_MIB_ABORTEDS);
	xsctp_sm_fail_info(asoc, sac, err,
			   err == ETIMEDOUT ? 0 : wire_cause(cause), NULL, 0);
}

/*
 * RFC 9260 s8.5.1(B), s9.1: the peer aborted.  As on Linux, an
 * established association's COMM_LOST carries the ABORT's causes, and
 * sac_error is the first cause's code as on the wire.
 */
static void do_abort(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_assoc *asoc = r->asoc;
	bool up = xsctp_assoc_established(asoc);
	u32 ilen = c->len - XSCTP_CHUNKHDR_LEN;
	const u8 *info = c->p + XSCTP_CHUNKHDR_LEN;
	u16 error = 0;

	if (ilen >= sizeof(struct xsctp_errhdr))
		memcpy(&error, info, sizeof(error));	/* as on the wire */
	xsctp_inc_stats(r->net, XSCTP_MIB_ABORTEDS);
	xsctp_sm_fail_info(asoc, up ? SCTP_COMM_LOST : SCTP_CANT_STR_ASSOC,
			   up ? ECONNRESET : ECONNREFUSED, error,
			   up ? info : NULL, up ? ilen : 0);
	r->stop = true;
}

/* ---- shutdown, RFC 9260 s9.2 ---- */

static void send_shutdown(struct xsctp_assoc *asoc)
{
	__be32 cum = htonl(xsctp_tsnmap_cum_tsn(&asoc->tsnmap));

	xsctp_sm_send_ctrl(asoc, NULL, XSCTP_CID_SHUTDOWN, 0, &cum, 4);
}

/* Called under asoc->lock after anything that may empty the outq. */
void xsctp_sm_check_shutdown(struct xsctp_assoc *asoc)
{
	if (asoc->dead || !xsctp_outq_empty(asoc))
		return;
	if (asoc->state == SCTP_SHUTDOWN_PENDING) {
		asoc->state = SCTP_SHUTDOWN_SENT;
		send_shutdown(asoc);
		asoc->shutdown_retries = 0;
		xsctp_timer_arm(&asoc->t2, asoc->primary->rto);
		/* s9.2: T5 bounds the whole shutdown */
		xsctp_timer_arm(&asoc->t5, 5 * asoc->rto_max);
	} else if (asoc->state == SCTP_SHUTDOWN_RECEIVED) {
		asoc->state = SCTP_SHUTDOWN_ACK_SENT;
		xsctp_sm_send_ctrl(asoc, NULL, XSCTP_CID_SHUTDOWN_ACK, 0,
				   NULL, 0);
		asoc->shutdown_retries = 0;
		xsctp_timer_arm(&asoc->t2, asoc->primary->rto);
	}
}

/* Called under asoc->lock: the user wants a graceful end (close, EOF). */
void xsctp_sm_shutdown(struct xsctp_assoc *asoc)
{
	switch (asoc->state) {
	case SCTP_ESTABLISHED:
		asoc->state = SCTP_SHUTDOWN_PENDING;
		xsctp_sm_check_shutdown(asoc);
		break;
	case SCTP_COOKIE_WAIT:
	case SCTP_COOKIE_ECHOED:
		/* s9.2: nothing to flush yet; end it silently as Linux does */
		xsctp_sm_fail(asoc, SCTP_CANT_STR_ASSOC, ECONNRESET);
		break;
	default:
		break;
	}
}

static void peer_closed(struct xsctp_assoc *asoc)
{
	struct sock *sk = asoc->sk;

	if (xsctp_style_tcp(sk) && sk->sk_state != TCP_LISTEN) {
		sk->sk_shutdown |= RCV_SHUTDOWN;
		sk->sk_state_change(sk);
	}
}

static void do_shutdown(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_assoc *asoc = r->asoc;
	u32 cum;

	if (xsctp_shutdown_cum_tsn(c->p, c->len, &cum))
		return;
	switch (asoc->state) {
	case SCTP_ESTABLISHED:
	case SCTP_SHUTDOWN_PENDING:
		asoc->state = SCTP_SHUTDOWN_RECEIVED;
		xsctp_ulp_shutdown_event(asoc);
		peer_closed(asoc);
		fallthrough;
	case SCTP_SHUTDOWN_RECEIVED:
		xsctp_outq_cum_ack(asoc, cum);
		xsctp_sm_check_shutdown(asoc);
		break;
	case SCTP_SHUTDOWN_SENT:
		/* s9.2: both sides closed at once: answer with SHUTDOWN ACK */
		asoc->state = SCTP_SHUTDOWN_ACK_SENT;
		xsctp_sm_send_ctrl(asoc, NULL, XSCTP_CID_SHUTDOWN_ACK, 0,
				   NULL, 0);
		xsctp_timer_arm(&asoc->t2, asoc->primary->rto);
		break;
	default:
		break;
	}
}

static void closed_cleanly(struct xsctp_assoc *asoc)
{
	struct sock *sk = asoc->sk;

	xsctp_inc_stats(asoc->net, XSCTP_MIB_SHUTDOWNS);
	xsctp_ulp_assoc_change(asoc, SCTP_SHUTDOWN_COMP, 0);
	if (xsctp_style_tcp(sk) && sk->sk_state != TCP_LISTEN) {
		sk->sk_shutdown = SHUTDOWN_MASK;
		inet_sk_set_state(sk, TCP_CLOSE);
		sock_set_flag(sk, SOCK_DONE);
	}
	xsctp_assoc_kill(asoc);
	sk->sk_state_change(sk);
}

static void do_shutdown_ack(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_assoc *asoc = r->asoc;

	if (asoc->state != SCTP_SHUTDOWN_SENT &&
	    asoc->state != SCTP_SHUTDOWN_ACK_SENT)
		return;
	/* s9.2: stop T2, send SHUTDOWN COMPLETE, remove the TCB */
	xsctp_sm_send_ctrl(asoc, r->path, XSCTP_CID_SHUTDOWN_COMPLETE, 0,
			   NULL, 0);
	closed_cleanly(asoc);
	r->stop = true;
}

static void do_shutdown_complete(struct xsctp_rcv *r,
				 const struct xsctp_chunk *c)
{
	if (r->asoc->state != SCTP_SHUTDOWN_ACK_SENT)
		return;
	closed_cleanly(r->asoc);
	r->stop = true;
}

/* ---- other control chunks ---- */

/* RFC 9260 s8.3: echo the Heartbeat Info back, as long as it came. */
static void do_heartbeat(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_tlv info;

	if (xsctp_heartbeat_info(c->p, c->len, &info))
		return;
	xsctp_sm_send_ctrl(r->asoc, r->path, XSCTP_CID_HEARTBEAT_ACK, 0,
			   info.p, info.len);
}

static void do_sack(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	xsctp_outq_sack(r->asoc, c);
	xsctp_sm_check_shutdown(r->asoc);
}

static void do_data(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	switch (r->asoc->state) {
	case SCTP_ESTABLISHED:
	case SCTP_SHUTDOWN_PENDING:
	case SCTP_SHUTDOWN_SENT:
		/* RFC 9260 s6.4: the SACK goes back where the DATA came from */
		r->asoc->sack_path = r->path;
		xsctp_inq_data(r, c);
		r->data_seen = true;
		break;
	default:
		break;
	}
}

/*
 * RFC 9260 s3.3.10: an ERROR chunk.  A Stale Cookie answers our COOKIE
 * ECHO (s5.2.6); once established, each cause goes to the user as an
 * SCTP_REMOTE_ERROR (RFC 6458 s6.1.3).  Before that, as on Linux, the
 * other causes are dropped.
 */
static void do_error(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_assoc *asoc = r->asoc;
	struct xsctp_param_iter it;
	struct xsctp_tlv t;
	bool ok;

	for (ok = xsctp_cause_first(&it, c->p, c->len, &t); ok;
	     ok = xsctp_param_next(&it, &t)) {
		if (t.type == XSCTP_CAUSE_STALE_COOKIE &&
		    asoc->state == SCTP_COOKIE_ECHOED) {
			xsctp_hs_stale_cookie(asoc, &t);
			return;
		}
		if (xsctp_assoc_established(asoc))
			xsctp_ulp_remote_error(asoc, &t);
	}
}

typedef void (*xsctp_handler)(struct xsctp_rcv *r,
			      const struct xsctp_chunk *c);

/* Handlers of chunks that belong to an association. */
static const xsctp_handler assoc_handlers[XSCTP_CID_SHUTDOWN_COMPLETE + 1] = {
	[XSCTP_CID_DATA]		= do_data,
	[XSCTP_CID_INIT]		= xsctp_hs_init,
	[XSCTP_CID_INIT_ACK]		= xsctp_hs_init_ack,
	[XSCTP_CID_SACK]		= do_sack,
	[XSCTP_CID_HEARTBEAT]		= do_heartbeat,
	[XSCTP_CID_HEARTBEAT_ACK]	= xsctp_path_hb_ack,
	[XSCTP_CID_ABORT]		= do_abort,
	[XSCTP_CID_SHUTDOWN]		= do_shutdown,
	[XSCTP_CID_SHUTDOWN_ACK]	= do_shutdown_ack,
	[XSCTP_CID_ERROR]		= do_error,
	[XSCTP_CID_COOKIE_ECHO]		= xsctp_hs_cookie_echo,
	[XSCTP_CID_COOKIE_ACK]		= xsctp_hs_cookie_ack,
	[XSCTP_CID_SHUTDOWN_COMPLETE]	= do_shutdown_complete,
};

/*
 * RFC 9260 s8.5, s8.5.1: which tag a chunk must carry.  INIT carries 0
 * (checked by the parser); ABORT and SHUTDOWN COMPLETE may reflect the
 * peer's tag with the T bit; COOKIE ECHO is checked against its cookie;
 * everything else carries ours.
 */
static bool vtag_ok(const struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	const struct xsctp_assoc *asoc = r->asoc;

	switch (c->type) {
	case XSCTP_CID_INIT:
	case XSCTP_CID_COOKIE_ECHO:
		return true;
	case XSCTP_CID_ABORT:
	case XSCTP_CID_SHUTDOWN_COMPLETE:
		if (c->flags & XSCTP_CHUNK_FLAG_T)
			return r->vtag == asoc->peer_vtag;
		return r->vtag == asoc->my_vtag;
	case XSCTP_CID_SHUTDOWN_ACK:
		/* s8.5.1(E): in COOKIE-WAIT our tag or the peer's is fine */
		return r->vtag == asoc->my_vtag ||
		       (asoc->state == SCTP_COOKIE_WAIT &&
			r->vtag == asoc->peer_vtag);
	default:
		return r->vtag == asoc->my_vtag;
	}
}

/* RFC 9260 s3.2: report an unrecognised chunk in an ERROR (01, 11). */
static void report_unknown(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	u32 len = min_t(u32, c->len, 1024);
	struct sk_buff *skb = xsctp_pkt_new(8 + ALIGN(len, 4), GFP_ATOMIC);
	u8 *body;

	if (!skb)
		return;
	xsctp_pkt_chunk(skb, XSCTP_CID_ERROR, 0, 0);
	body = xsctp_sm_put_cause(skb, XSCTP_CAUSE_UNRECOGNIZED_CHUNK, len);
	memcpy(body, c->p, len);
	((struct xsctp_chunkhdr *)skb->data)->length = htons(8 + len);
	xsctp_output(r->asoc, r->path, skb);
}

static void assoc_chunk(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	if (!vtag_ok(r, c)) {
		r->stop = true;
		return;
	}
	if (!c->ops) {
		if (c->action == XSCTP_CHUNK_ACT_STOP_REPORT ||
		    c->action == XSCTP_CHUNK_ACT_SKIP_REPORT)
			report_unknown(r, c);
		if (c->action == XSCTP_CHUNK_ACT_STOP ||
		    c->action == XSCTP_CHUNK_ACT_STOP_REPORT)
			r->stop = true;
		return;
	}
	if (c->type != XSCTP_CID_DATA) {
		xsctp_inc_stats(r->net, XSCTP_MIB_INCTRLCHUNKS);
		r->asoc->stats.ictrlchunks++;
		r->asoc->stats.isacks += c->type == XSCTP_CID_SACK;
	}
	if (c->type < ARRAY_SIZE(assoc_handlers) && assoc_handlers[c->type])
		assoc_handlers[c->type](r, c);
}

/* RFC 9260 s8.4: a packet for no association, first chunk @c. */
static void ootb(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	xsctp_inc_stats(r->net, XSCTP_MIB_OUTOFBLUES);
	r->stop = true;
	switch (c->type) {
	case XSCTP_CID_ABORT:			/* (2) */
	case XSCTP_CID_SHUTDOWN_COMPLETE:	/* (6) */
	case XSCTP_CID_COOKIE_ACK:		/* (7) */
	case XSCTP_CID_ERROR:
		return;
	case XSCTP_CID_INIT: {			/* (3) */
		const struct xsctp_init_chunk *init = (const void *)c->p;

		xsctp_sm_reply_abort(r, ntohl(init->init_tag), false, 0);
		return;
	}
	case XSCTP_CID_SHUTDOWN_ACK:		/* (5) */
		reply_chunk(r, r->vtag, XSCTP_CID_SHUTDOWN_COMPLETE,
			    XSCTP_CHUNK_FLAG_T);
		return;
	case XSCTP_CID_COOKIE_ECHO:		/* (4): no endpoint to take it */
		return;
	default:				/* (8) */
		xsctp_sm_reply_abort(r, r->vtag, true, 0);
	}
}

/* The first chunk of a packet that matched only an endpoint. */
static void endpoint_chunk(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	if (c->type == XSCTP_CID_INIT)
		xsctp_hs_init_endpoint(r, c);
	else if (c->type == XSCTP_CID_COOKIE_ECHO)
		xsctp_hs_cookie_echo_endpoint(r, c);
	else
		ootb(r, c);
}

static void next_chunk(struct xsctp_rcv *r)
{
	r->more = xsctp_chunk_next(&r->it, &r->c);
}

/* Called under asoc->lock: the rest of the packet, then SACK and send. */
static void assoc_packet(struct xsctp_rcv *r)
{
	struct xsctp_assoc *asoc = r->asoc;

	/* found over a path that has since left the association */
	if (asoc->dead || (r->path && r->path->retired))
		return;
	if (r->from_cookie)
		xsctp_hs_cookie_established(r);
	for (; r->more && !r->stop && !asoc->dead; next_chunk(r))
		assoc_chunk(r, &r->c);
	if (asoc->dead)
		return;
	if (r->gso_data) {
		*r->gso_data += r->data_seen;
		if (r->gso_more) {
			/* in case the last never comes */
			if (*r->gso_data && !xsctp_timer_pending(&asoc->sack))
				xsctp_timer_arm(&asoc->sack, asoc->sack_delay);
			return;
		}
	}
	/* RFC 9260 s6.2: each packet of a GSO skb counts as one */
	xsctp_inq_sack_decide(asoc, r->gso_data ? *r->gso_data : r->data_seen);
	xsctp_outq_flush(asoc);
}

/*
 * Runs every chunk of a validated packet.  Without an association, the
 * first chunk goes to the endpoint (or is out of the blue); a COOKIE ECHO
 * there makes an association, which takes the rest of the packet.
 */
void xsctp_sm_rcv(struct xsctp_rcv *r)
{
	bool found = r->asoc;

	r->more = xsctp_chunk_first(&r->it, r->pkt, r->len, &r->c);
	if (!r->asoc) {
		if (!r->more)
			return;
		if (r->sk)
			endpoint_chunk(r, &r->c);
		else
			ootb(r, &r->c);
		if (!r->asoc)
			return;
		r->stop = false;
		next_chunk(r);
	}
	spin_lock(&r->asoc->lock);
	/* as sctp.ko: not the COOKIE ECHO that made the association */
	r->asoc->stats.ipackets += found;
	assoc_packet(r);
	spin_unlock(&r->asoc->lock);
}

/* ---- timers ---- */

static void t2_expired(struct xsctp_assoc *asoc)
{
	xsctp_inc_stats(asoc->net, XSCTP_MIB_T2_SHUTDOWN_EXPIREDS);
	if (++asoc->shutdown_retries > asoc->max_retrans) {
		xsctp_sm_abort(asoc, XSCTP_CAUSE_USER_ABORT, ETIMEDOUT);
		return;
	}
	xsctp_rto_backoff(asoc, xsctp_path_for_data(asoc));
	if (asoc->state == SCTP_SHUTDOWN_SENT)
		send_shutdown(asoc);
	else if (asoc->state == SCTP_SHUTDOWN_ACK_SENT)
		xsctp_sm_send_ctrl(asoc, NULL, XSCTP_CID_SHUTDOWN_ACK, 0,
				   NULL, 0);
	else
		return;
	xsctp_timer_arm(&asoc->t2, xsctp_path_for_data(asoc)->rto);
}

/* Called under asoc->lock by the timer wheel. */
void xsctp_sm_timeout(struct xsctp_assoc *asoc, struct xsctp_timer *t)
{
	switch (t->kind) {
	case XSCTP_T1_INIT:
	case XSCTP_T1_COOKIE:
		xsctp_hs_t1_expired(asoc);
		break;
	case XSCTP_T2_SHUTDOWN:
		t2_expired(asoc);
		break;
	case XSCTP_T3_RTX:
		xsctp_inc_stats(asoc->net, XSCTP_MIB_T3_RTX_EXPIREDS);
		xsctp_outq_t3(asoc, t->path);
		break;
	case XSCTP_T5_GUARD:
		/* RFC 9260 s9.2: the shutdown took too long: ABORT */
		xsctp_inc_stats(asoc->net,
				XSCTP_MIB_T5_SHUTDOWN_GUARD_EXPIREDS);
		xsctp_sm_abort(asoc, XSCTP_CAUSE_USER_ABORT, ETIMEDOUT);
		break;
	case XSCTP_T_SACK:
		xsctp_inc_stats(asoc->net, XSCTP_MIB_DELAY_SACK_EXPIREDS);
		xsctp_inq_send_sack(asoc);
		break;
	case XSCTP_T_HEARTBEAT:
		xsctp_path_hb_timeout(asoc, t->path);
		break;
	case XSCTP_T_AUTOCLOSE:
		autoclose_expired(asoc);
		break;
	}
}
