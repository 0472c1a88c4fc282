/* SPDX-License-Identifier: GPL-2.0 */
/* Outbound DATA chunks as queued: one skb per chunk, wire bytes inside. */
#ifndef _XSCTP_OUTQ_H
#define _XSCTP_OUTQ_H

#include <linux/skbuff.h>
#include <linux/sctp.h>

struct xsctp_path;
struct xsctp_assoc;

enum {
	XSCTP_OUT_GAPACKED	= 1 << 0,	/* reported in a gap block */
	XSCTP_OUT_RTX		= 1 << 1,	/* to be retransmitted */
	XSCTP_OUT_RETRANSMITTED	= 1 << 2,	/* no RTT sample (Karn) */
	XSCTP_OUT_INFLIGHT	= 1 << 3,	/* counted in flight */
	XSCTP_OUT_LIFETIME	= 1 << 4,	/* first chunk: expires is set */
	XSCTP_OUT_SENDER_ID	= 1 << 5,	/* sender_id is the send's */
};

/*
 * On sendq, @path is the one SCTP_ADDR_OVER named (NULL: any), on sentq
 * the one the chunk was last sent on; @expires is the end of a message's
 * lifetime (RFC 6458 s5.3.2), in its first chunk.
 */
struct xsctp_out_cb {
	struct xsctp_path *path;
	unsigned long sent_at;		/* jiffies */
	unsigned long expires;		/* jiffies, if XSCTP_OUT_LIFETIME */
	u32 tsn;
	u32 context;			/* sinfo_context, for SEND_FAILED */
	sctp_assoc_t sender_id;		/* the id the send's cmsg gave */
	u16 len;			/* user data bytes */
	u16 sid;
	u8 state;			/* XSCTP_OUT_* */
	u8 miss;			/* RFC 9260 s7.2.4 miss indications */
	u8 dflags;			/* DATA flags: B, E, U */
};

static inline struct xsctp_out_cb *xsctp_out_cb(const struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct xsctp_out_cb) >
		     sizeof_field(struct sk_buff, cb));
	return (struct xsctp_out_cb *)skb->cb;
}

void xsctp_outq_enqueue(struct xsctp_assoc *asoc, struct sk_buff_head *msg,
			struct xsctp_path *over);
void xsctp_outq_forget_path(struct xsctp_assoc *asoc, struct xsctp_path *p);

#endif /* _XSCTP_OUTQ_H */
