/* SPDX-License-Identifier: GPL-2.0 */
/* Outbound DATA chunks as queued: one skb per chunk, wire bytes inside. */
#ifndef _XSCTP_OUTQ_H
#define _XSCTP_OUTQ_H

#include <linux/skbuff.h>

struct xsctp_path;
struct xsctp_assoc;

enum {
	XSCTP_OUT_GAPACKED	= 1 << 0,	/* reported in a gap block */
	XSCTP_OUT_RTX		= 1 << 1,	/* to be retransmitted */
	XSCTP_OUT_RETRANSMITTED	= 1 << 2,	/* no RTT sample (Karn) */
	XSCTP_OUT_INFLIGHT	= 1 << 3,	/* counted in flight */
};

struct xsctp_out_cb {
	struct xsctp_path *path;	/* where it was last sent */
	unsigned long sent_at;		/* jiffies */
	u32 tsn;
	u32 context;			/* sinfo_context, for SEND_FAILED */
	u16 len;			/* user data bytes */
	u16 sid;
	u8 state;			/* XSCTP_OUT_* */
	u8 miss;			/* RFC 9260 s7.2.4 miss indications */
	u8 dflags;			/* DATA flags: B, E, U */
	bool new_msg;			/* first chunk of an ordered message */
};

static inline struct xsctp_out_cb *xsctp_out_cb(const struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct xsctp_out_cb) >
		     sizeof_field(struct sk_buff, cb));
	return (struct xsctp_out_cb *)skb->cb;
}

void xsctp_outq_enqueue(struct xsctp_assoc *asoc, struct sk_buff_head *msg,
			bool ordered);

#endif /* _XSCTP_OUTQ_H */
