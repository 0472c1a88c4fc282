/* SPDX-License-Identifier: GPL-2.0 */
/* Building SCTP packets and handing them to IPv4/IPv6. */
#ifndef _XSCTP_OUTPUT_H
#define _XSCTP_OUTPUT_H

#include <linux/skbuff.h>
#include <net/xsctp/addr.h>

struct xsctp_assoc;
struct xsctp_path;

/* Headroom for link, IP (v6 is the larger) and our common header. */
#define XSCTP_HEADROOM	(MAX_HEADER + sizeof(struct ipv6hdr) + 12)
/* IPv6 header + common header: the room MTU leaves for chunks is less. */
#define XSCTP_IP_OVERHEAD(fam) \
	((fam) == AF_INET ? 20 + 12 : 40 + 12)

/* A chunk's length field is 16 bits (RFC 9260 s3.2) */
#define XSCTP_MAX_CHUNK_LEN	(65536 - 4)

struct sk_buff *xsctp_pkt_new(u32 chunk_room, gfp_t gfp);
void *xsctp_pkt_chunk(struct sk_buff *skb, u8 type, u8 flags, u32 body);
void *xsctp_pkt_chunk_fill(struct sk_buff *skb, u8 type, u8 flags, u32 body,
			   u32 fill);
u32 xsctp_path_room(const struct xsctp_path *path);
u32 xsctp_assoc_frag_point(const struct xsctp_assoc *asoc);
int xsctp_path_route(struct xsctp_path *path);
int xsctp_output(struct xsctp_assoc *asoc, struct xsctp_path *path,
		 struct sk_buff *skb);
int xsctp_output_reply(struct net *net, struct sock *sk,
		       const struct sk_buff *in, u32 vtag,
		       struct sk_buff *skb);
int xsctp_crc_ok(struct sk_buff *skb);
__le32 xsctp_crc_skb(const struct sk_buff *skb, int off);

/* A burst of packets to one path on its way to becoming one GSO skb. */
struct xsctp_gso {
	struct sk_buff *head;		/* GSO skb, from the second packet on */
	struct sk_buff *first, *last;	/* its packets */
	struct xsctp_path *path;
	u32 len, max_len;
	u16 segs, max_segs;
};

void xsctp_gso_add(struct xsctp_gso *g, struct xsctp_assoc *asoc,
		   struct xsctp_path *path, struct sk_buff *pkt);
void xsctp_gso_end(struct xsctp_gso *g, struct xsctp_assoc *asoc);
void xsctp_gso_init(void);
void xsctp_gso_exit(void);
void xsctp_output_init(void);
void xsctp_output_exit(void);

#endif /* _XSCTP_OUTPUT_H */
