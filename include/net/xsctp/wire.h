/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SCTP on the wire: packed header layouts and the protocol numbers of
 * RFC 9260 and the extensions xsctp knows (RFC 3758, 4820, 4895, 5061,
 * 6525, 7053, 8260, 9653). Multi-byte fields are big-endian.
 */
#ifndef _XSCTP_WIRE_H
#define _XSCTP_WIRE_H

#include <net/xsctp/pure.h>

/* RFC 9260 s3.1: common header, 12 bytes */
struct xsctp_hdr {
	__be16 source;
	__be16 dest;
	__be32 vtag;
	__be32 checksum;
} __packed;

/* RFC 9260 s3.2: chunk header; length excludes the trailing padding */
struct xsctp_chunkhdr {
	u8 type;
	u8 flags;
	__be16 length;
} __packed;

/* RFC 9260 s3.2.1: parameter TLV; error causes (s3.3.10) share it */
struct xsctp_paramhdr {
	__be16 type;
	__be16 length;
} __packed;

/* RFC 9260 s3.3.1 */
struct xsctp_data_chunk {
	struct xsctp_chunkhdr hdr;
	__be32 tsn;
	__be16 sid;
	__be16 ssn;
	__be32 ppid;
} __packed;

/* RFC 8260 s2.1: PPID when B is set, FSN otherwise */
struct xsctp_idata_chunk {
	struct xsctp_chunkhdr hdr;
	__be32 tsn;
	__be16 sid;
	__be16 reserved;
	__be32 mid;
	__be32 ppid_fsn;
} __packed;

/* RFC 9260 s3.3.2, s3.3.3: fixed part of INIT and INIT ACK */
struct xsctp_init_chunk {
	struct xsctp_chunkhdr hdr;
	__be32 init_tag;
	__be32 a_rwnd;
	__be16 num_os;
	__be16 num_mis;
	__be32 initial_tsn;
} __packed;

/* RFC 9260 s3.3.4: followed by gap blocks, then duplicate TSNs */
struct xsctp_sack_chunk {
	struct xsctp_chunkhdr hdr;
	__be32 cum_tsn;
	__be32 a_rwnd;
	__be16 num_gaps;
	__be16 num_dups;
} __packed;

/* RFC 9260 s3.3.4 Gap Ack Block: offsets from the Cumulative TSN Ack */
struct xsctp_gap_ack_block {
	__be16 start;
	__be16 end;
} __packed;

/* RFC 9260 s3.3.5, s3.3.6: one Heartbeat Info TLV */
struct xsctp_heartbeat_chunk {
	struct xsctp_chunkhdr hdr;
	struct xsctp_paramhdr info;
} __packed;

/* RFC 9260 s3.3.8 */
struct xsctp_shutdown_chunk {
	struct xsctp_chunkhdr hdr;
	__be32 cum_tsn;
} __packed;

/* RFC 9260 s3.3.7, s3.3.10: ABORT and ERROR carry causes after the header */
struct xsctp_errhdr {
	__be16 cause;
	__be16 length;
} __packed;

/* RFC 9260 appendix A: ECNE and CWR */
struct xsctp_ecn_chunk {
	struct xsctp_chunkhdr hdr;
	__be32 tsn;
} __packed;

/* RFC 3758 s3.2: followed by (sid, ssn) pairs */
struct xsctp_fwdtsn_chunk {
	struct xsctp_chunkhdr hdr;
	__be32 new_cum_tsn;
} __packed;

struct xsctp_fwdtsn_skip {
	__be16 sid;
	__be16 ssn;
} __packed;

/* RFC 8260 s2.3.1: I-FORWARD-TSN entries follow the same fixed part */
struct xsctp_ifwdtsn_skip {
	__be16 sid;
	__be16 flags;
	__be32 mid;
} __packed;

/* RFC 5061 s4.1.1, s4.1.2: ASCONF and ASCONF-ACK */
struct xsctp_asconf_chunk {
	struct xsctp_chunkhdr hdr;
	__be32 serial;
} __packed;

/* RFC 4895 s4.1 */
struct xsctp_auth_chunk {
	struct xsctp_chunkhdr hdr;
	__be16 key_id;
	__be16 hmac_id;
} __packed;

/* RFC 9260 s3.2: chunk types */
enum xsctp_chunk_type {
	XSCTP_CID_DATA			= 0,
	XSCTP_CID_INIT			= 1,
	XSCTP_CID_INIT_ACK		= 2,
	XSCTP_CID_SACK			= 3,
	XSCTP_CID_HEARTBEAT		= 4,
	XSCTP_CID_HEARTBEAT_ACK		= 5,
	XSCTP_CID_ABORT			= 6,
	XSCTP_CID_SHUTDOWN		= 7,
	XSCTP_CID_SHUTDOWN_ACK		= 8,
	XSCTP_CID_ERROR			= 9,
	XSCTP_CID_COOKIE_ECHO		= 10,
	XSCTP_CID_COOKIE_ACK		= 11,
	XSCTP_CID_ECNE			= 12,
	XSCTP_CID_CWR			= 13,
	XSCTP_CID_SHUTDOWN_COMPLETE	= 14,
	XSCTP_CID_AUTH			= 15,	/* RFC 4895 */
	XSCTP_CID_I_DATA		= 64,	/* RFC 8260 */
	XSCTP_CID_ASCONF_ACK		= 128,	/* RFC 5061 */
	XSCTP_CID_RECONF		= 130,	/* RFC 6525 */
	XSCTP_CID_PAD			= 132,	/* RFC 4820 */
	XSCTP_CID_FWD_TSN		= 192,	/* RFC 3758 */
	XSCTP_CID_ASCONF		= 193,	/* RFC 5061 */
	XSCTP_CID_I_FWD_TSN		= 194,	/* RFC 8260 */
};

/*
 * RFC 9260 s3.2: the upper two bits of an unrecognised chunk type say what
 * to do with it.
 */
enum xsctp_chunk_action {
	XSCTP_CHUNK_ACT_MASK		= 0xc0,
	XSCTP_CHUNK_ACT_STOP		= 0x00,	/* stop, discard the rest */
	XSCTP_CHUNK_ACT_STOP_REPORT	= 0x40,	/* same, and report it */
	XSCTP_CHUNK_ACT_SKIP		= 0x80,	/* skip it, go on */
	XSCTP_CHUNK_ACT_SKIP_REPORT	= 0xc0,	/* skip, go on, report it */
};

/* RFC 9260 s3.3.1, RFC 7053 s3: DATA (and I-DATA) flags */
enum {
	XSCTP_DATA_E		= 0x01,	/* last fragment */
	XSCTP_DATA_B		= 0x02,	/* first fragment */
	XSCTP_DATA_U		= 0x04,	/* unordered */
	XSCTP_DATA_I		= 0x08,	/* SACK immediately */
	XSCTP_DATA_UNFRAG	= XSCTP_DATA_B | XSCTP_DATA_E,
};

/* RFC 9260 s3.3.7, s3.3.13: the T bit of ABORT and SHUTDOWN COMPLETE */
enum {
	XSCTP_CHUNK_FLAG_T	= 0x01,
};

/* RFC 9260 s3.3.2.1 and extensions: parameter types */
enum xsctp_param_type {
	XSCTP_PARAM_HEARTBEAT_INFO	= 1,
	XSCTP_PARAM_IPV4		= 5,
	XSCTP_PARAM_IPV6		= 6,
	XSCTP_PARAM_STATE_COOKIE	= 7,
	XSCTP_PARAM_UNRECOGNIZED	= 8,
	XSCTP_PARAM_COOKIE_PRESERVATIVE	= 9,
	XSCTP_PARAM_HOSTNAME		= 11,
	XSCTP_PARAM_SUPPORTED_ADDR	= 12,
	XSCTP_PARAM_OUT_SSN_RESET	= 13,	/* RFC 6525 */
	XSCTP_PARAM_IN_SSN_RESET	= 14,
	XSCTP_PARAM_SSN_TSN_RESET	= 15,
	XSCTP_PARAM_RECONF_RESPONSE	= 16,
	XSCTP_PARAM_ADD_OUT_STREAMS	= 17,
	XSCTP_PARAM_ADD_IN_STREAMS	= 18,
	XSCTP_PARAM_ECN_CAPABLE		= 0x8000,
	XSCTP_PARAM_ZERO_CHECKSUM	= 0x8001,	/* RFC 9653 */
	XSCTP_PARAM_RANDOM		= 0x8002,	/* RFC 4895 */
	XSCTP_PARAM_CHUNKS		= 0x8003,
	XSCTP_PARAM_HMAC_ALGO		= 0x8004,
	XSCTP_PARAM_PADDING		= 0x8005,	/* RFC 4820 */
	XSCTP_PARAM_SUPPORTED_EXT	= 0x8008,	/* RFC 5061 */
	XSCTP_PARAM_FWD_TSN_SUPPORTED	= 0xc000,	/* RFC 3758 */
	XSCTP_PARAM_ADD_IP		= 0xc001,	/* RFC 5061 */
	XSCTP_PARAM_DEL_IP		= 0xc002,
	XSCTP_PARAM_ERROR_CAUSE		= 0xc003,
	XSCTP_PARAM_SET_PRIMARY		= 0xc004,
	XSCTP_PARAM_SUCCESS_REPORT	= 0xc005,
	XSCTP_PARAM_ADAPTATION_IND	= 0xc006,
};

/* RFC 9260 s3.2.1: the upper two bits of an unrecognised parameter type */
enum xsctp_param_action {
	XSCTP_PARAM_ACT_MASK		= 0xc000,
	XSCTP_PARAM_ACT_STOP		= 0x0000,	/* stop with this chunk */
	XSCTP_PARAM_ACT_STOP_REPORT	= 0x4000,	/* same, and report it */
	XSCTP_PARAM_ACT_SKIP		= 0x8000,	/* skip it, go on */
	XSCTP_PARAM_ACT_SKIP_REPORT	= 0xc000,	/* skip, go on, report */
};

/* RFC 9260 s3.3.10 and extensions: error cause codes */
enum xsctp_cause_code {
	XSCTP_CAUSE_INVALID_STREAM	= 1,
	XSCTP_CAUSE_MISSING_PARAM	= 2,
	XSCTP_CAUSE_STALE_COOKIE	= 3,
	XSCTP_CAUSE_NO_RESOURCE		= 4,
	XSCTP_CAUSE_UNRESOLVABLE_ADDR	= 5,
	XSCTP_CAUSE_UNRECOGNIZED_CHUNK	= 6,
	XSCTP_CAUSE_INVALID_PARAM	= 7,
	XSCTP_CAUSE_UNRECOGNIZED_PARAMS	= 8,
	XSCTP_CAUSE_NO_USER_DATA	= 9,
	XSCTP_CAUSE_COOKIE_IN_SHUTDOWN	= 10,
	XSCTP_CAUSE_RESTART_NEW_ADDRS	= 11,
	XSCTP_CAUSE_USER_ABORT		= 12,
	XSCTP_CAUSE_PROTO_VIOLATION	= 13,
	XSCTP_CAUSE_DEL_LAST_IP		= 0x00a0,	/* RFC 5061 */
	XSCTP_CAUSE_RESOURCE_SHORTAGE	= 0x00a1,
	XSCTP_CAUSE_DEL_SOURCE_IP	= 0x00a2,
	XSCTP_CAUSE_ILLEGAL_ASCONF_ACK	= 0x00a3,
	XSCTP_CAUSE_NO_AUTHORIZATION	= 0x00a4,
	XSCTP_CAUSE_UNSUPPORTED_HMAC	= 0x0105,	/* RFC 4895 */
};

/* Sizes the parser relies on; the structs above must match the RFCs */
enum {
	XSCTP_HDR_LEN		= 12,
	XSCTP_CHUNKHDR_LEN	= 4,
	XSCTP_PARAMHDR_LEN	= 4,
	XSCTP_DATA_HDR_LEN	= 16,
	XSCTP_IDATA_HDR_LEN	= 20,
	XSCTP_INIT_FIXED_LEN	= 20,
	XSCTP_SACK_FIXED_LEN	= 16,
};

static inline void xsctp_wire_build_checks(void)
{
	BUILD_BUG_ON(sizeof(struct xsctp_hdr) != XSCTP_HDR_LEN);
	BUILD_BUG_ON(sizeof(struct xsctp_chunkhdr) != XSCTP_CHUNKHDR_LEN);
	BUILD_BUG_ON(sizeof(struct xsctp_paramhdr) != XSCTP_PARAMHDR_LEN);
	BUILD_BUG_ON(sizeof(struct xsctp_data_chunk) != XSCTP_DATA_HDR_LEN);
	BUILD_BUG_ON(sizeof(struct xsctp_idata_chunk) != XSCTP_IDATA_HDR_LEN);
	BUILD_BUG_ON(sizeof(struct xsctp_init_chunk) != XSCTP_INIT_FIXED_LEN);
	BUILD_BUG_ON(sizeof(struct xsctp_sack_chunk) != XSCTP_SACK_FIXED_LEN);
	BUILD_BUG_ON(sizeof(struct xsctp_heartbeat_chunk) != 8);
	BUILD_BUG_ON(sizeof(struct xsctp_ifwdtsn_skip) != 8);
	BUILD_BUG_ON(sizeof(struct xsctp_auth_chunk) != 8);
}

#endif /* _XSCTP_WIRE_H */
