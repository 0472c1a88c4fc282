/* SPDX-License-Identifier: GPL-2.0 */
/* What the receive queue holds: messages and notifications for the user. */
#ifndef _XSCTP_ULP_H
#define _XSCTP_ULP_H

#include <linux/skbuff.h>
#include <linux/sctp.h>

/* skb->cb of every skb on the socket's receive queue and in reassembly. */
struct xsctp_ulp_cb {
	sctp_assoc_t assoc_id;
	u32 tsn;
	u32 ppid;			/* network order, as sent */
	u32 cum_tsn;
	u32 offset;			/* bytes recvmsg() already returned */
	u16 sid;
	u16 ssn;
	u16 sflags;			/* SCTP_UNORDERED, ... (sinfo_flags) */
	u8 dflags;			/* DATA chunk flags (B, E, U) */
	u8 notification;
};

static inline struct xsctp_ulp_cb *xsctp_ulp_cb(const struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct xsctp_ulp_cb) >
		     sizeof_field(struct sk_buff, cb));
	return (struct xsctp_ulp_cb *)skb->cb;
}

#endif /* _XSCTP_ULP_H */
