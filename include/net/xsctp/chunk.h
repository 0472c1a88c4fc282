/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Packet and chunk validation, iteration and field access. Pure code:
 * works on a byte buffer, never reads past the length it is given, and
 * builds in the kernel and in userspace (unit tests, libFuzzer).
 */
#ifndef _XSCTP_CHUNK_H
#define _XSCTP_CHUNK_H

#include <net/xsctp/pure.h>
#include <net/xsctp/wire.h>

/*
 * Why a packet is dropped. The names are stable: they become counters in
 * /proc/net/sctp/snmp ("XsctpDrop" + CamelCase of the snake name).
 * xsctp_pkt_validate() returns UNKNOWN_CHUNK_DISCARD only when the first
 * chunk is unrecognised with action 00 (nothing to do at all); when the
 * chunk iterator ends on a STOP / STOP_REPORT chunk later in a packet,
 * the caller counts it after processing what came before.
 */
enum xsctp_drop_reason {
	XSCTP_DROP_NONE,
	XSCTP_DROP_TOO_SHORT,		/* shorter than the common header */
	XSCTP_DROP_BAD_CHECKSUM,	/* CRC32c, checked by the kernel side */
	XSCTP_DROP_ZERO_PORT,		/* source or destination port 0 */
	XSCTP_DROP_NO_CHUNKS,		/* common header only */
	XSCTP_DROP_CHUNK_TOO_SHORT,	/* length < 4, or a partial header */
	XSCTP_DROP_CHUNK_OVERRUN,	/* length past the packet end */
	XSCTP_DROP_CHUNK_BELOW_MIN,	/* below the per-type minimum */
	XSCTP_DROP_CHUNK_MALFORMED,	/* counts inside disagree with length */
	XSCTP_DROP_INIT_BUNDLED,	/* INIT/INIT ACK/SHUTDOWN COMPLETE + more */
	XSCTP_DROP_INIT_ZERO_TAG,	/* INIT in a packet with vtag != 0 */
	XSCTP_DROP_ZERO_VTAG,		/* vtag 0 but no INIT */
	XSCTP_DROP_PARAM_TOO_SHORT,	/* TLV length < 4, or a partial header */
	XSCTP_DROP_PARAM_OVERRUN,	/* TLV length past the chunk end */
	XSCTP_DROP_UNKNOWN_CHUNK_DISCARD, /* unknown type, action 00/01 */
	XSCTP_DROP_BACKLOG_FULL,	/* the socket's backlog is full */
	XSCTP_DROP__MAX
};

const char *xsctp_drop_reason_name(enum xsctp_drop_reason r);
const char *xsctp_drop_reason_mib(enum xsctp_drop_reason r);

/* Attribute bits of a known chunk type */
enum {
	XSCTP_CHUNK_F_CONTROL		= 1 << 0, /* not DATA / I-DATA */
	XSCTP_CHUNK_F_MUST_BE_ALONE	= 1 << 1, /* RFC 9260 s6.10 */
	XSCTP_CHUNK_F_PARAMS		= 1 << 2, /* TLV params at tlv_off */
	XSCTP_CHUNK_F_CAUSES		= 1 << 3, /* error causes at tlv_off */
	XSCTP_CHUNK_F_OOTB_OK		= 1 << 4, /* may start an assoc, s8.4 */
	XSCTP_CHUNK_F_OOTB_SILENT	= 1 << 5, /* OOTB: discard, no reply */
	XSCTP_CHUNK_F_NO_AUTH		= 1 << 6, /* RFC 4895 s6.2: never auth */
	XSCTP_CHUNK_F_T_BIT		= 1 << 7, /* flags carry the T bit */
};

struct xsctp_chunk_ops {
	const char *name;
	u16 min_len;		/* header included */
	u16 tlv_off;		/* where params/causes start, if any */
	u32 flags;		/* XSCTP_CHUNK_F_* */
	/* Per-type layout check on top of min_len, may be NULL */
	bool (*check)(const u8 *chunk, u16 len);
};

const struct xsctp_chunk_ops *xsctp_chunk_ops(u8 type);

/* RFC 9260 s3.2: action for a chunk type nobody here knows */
static inline enum xsctp_chunk_action xsctp_chunk_action(u8 type)
{
	return (enum xsctp_chunk_action)(type & XSCTP_CHUNK_ACT_MASK);
}

/* RFC 9260 s3.2.1: action for an unrecognised parameter type */
static inline enum xsctp_param_action xsctp_param_action(u16 type)
{
	return (enum xsctp_param_action)(type & XSCTP_PARAM_ACT_MASK);
}

enum xsctp_drop_reason xsctp_pkt_validate(const u8 *buf, u32 len);

/* One chunk as the iterator reports it */
struct xsctp_chunk {
	const u8 *p;		/* chunk header */
	u16 len;		/* length field: header + value, no padding */
	u32 off;		/* offset in the packet */
	u8 type;
	u8 flags;
	const struct xsctp_chunk_ops *ops;	/* NULL: unrecognised type */
	enum xsctp_chunk_action action;		/* meaningful when ops NULL */
};

/*
 * Walks the chunks of a packet (common header included in buf). Meant for
 * a packet xsctp_pkt_validate() accepted, but stays in bounds on any input:
 * it stops at the first malformed chunk. After an unrecognised chunk whose
 * action is STOP or STOP_REPORT it reports nothing more (RFC 9260 s3.2).
 */
struct xsctp_chunk_iter {
	const u8 *pkt;
	u32 len;
	u32 off;		/* next chunk */
	bool done;
};

bool xsctp_chunk_first(struct xsctp_chunk_iter *it, const u8 *pkt, u32 len,
		       struct xsctp_chunk *c);
bool xsctp_chunk_next(struct xsctp_chunk_iter *it, struct xsctp_chunk *c);

/* One TLV: a parameter or an error cause */
struct xsctp_tlv {
	const u8 *p;		/* TLV header */
	u16 type;		/* parameter type or cause code */
	u16 len;		/* length field: header + value, no padding */
	u16 off;		/* offset in the chunk */
};

/*
 * Walks the TLVs of one chunk from byte @off of the chunk (20 for INIT,
 * 4 for ABORT/ERROR causes, ops->tlv_off in general). @len is the bytes
 * available at @chunk; the walk ends at the chunk's own length field.
 */
struct xsctp_param_iter {
	const u8 *chunk;
	u16 end;		/* chunk length field */
	u16 off;		/* next TLV */
};

bool xsctp_param_first(struct xsctp_param_iter *it, const u8 *chunk,
		       u32 len, u16 off, struct xsctp_tlv *t);
bool xsctp_param_next(struct xsctp_param_iter *it, struct xsctp_tlv *t);

/* RFC 9260 s3.3.7, s3.3.10: the causes of an ABORT or ERROR */
static inline bool xsctp_cause_first(struct xsctp_param_iter *it,
				     const u8 *chunk, u32 len,
				     struct xsctp_tlv *t)
{
	return xsctp_param_first(it, chunk, len, XSCTP_CHUNKHDR_LEN, t);
}

/* ---- INIT / INIT ACK ---- */

#define XSCTP_INIT_MAX_ADDRS	16
#define XSCTP_INIT_MAX_UNREC	16

/* RFC 9260 s3.3.2.1: what Supported Address Types lists */
enum {
	XSCTP_ADDR_TYPE_IPV4		= 1 << 0,
	XSCTP_ADDR_TYPE_IPV6		= 1 << 1,
	XSCTP_ADDR_TYPE_HOSTNAME	= 1 << 2,
};

struct xsctp_init_addr {
	u16 type;		/* XSCTP_PARAM_IPV4 or XSCTP_PARAM_IPV6 */
	u8 addr[16];		/* network order; IPv4 uses 4 bytes */
};

/* A byte range inside the chunk; len 0 means absent */
struct xsctp_tlv_ref {
	u16 off;
	u16 len;
};

struct xsctp_init_info {
	/*
	 * Input, kept across the call: bytes the caller can spend on
	 * reporting unrecognised parameters. Each one costs 4 + its padded
	 * length (an Unrecognized Parameter TLV or cause entry around it).
	 */
	u32 unrec_budget;

	u8 type;		/* XSCTP_CID_INIT or XSCTP_CID_INIT_ACK */
	u32 init_tag;
	u32 a_rwnd;
	u16 num_os;
	u16 num_mis;
	u32 initial_tsn;

	struct xsctp_init_addr addrs[XSCTP_INIT_MAX_ADDRS];
	u8 naddrs;
	u16 addrs_overflow;	/* addresses beyond the array */

	u8 addr_types;		/* XSCTP_ADDR_TYPE_*; all when not listed */
	bool has_addr_types;
	bool has_cookie_inc;
	u32 cookie_inc;		/* Cookie Preservative, milliseconds */
	const u8 *cookie;	/* State Cookie value (INIT ACK) */
	u16 cookie_len;
	struct xsctp_tlv_ref hostname;	/* whole TLV, for the ABORT cause */
	bool ecn;
	bool fwd_tsn;
	bool has_adaptation;
	u32 adaptation_ind;
	bool has_ext;
	u8 ext[32];		/* bitmap of chunk types in Supported Ext. */
	bool has_zero_csum;
	u32 zero_csum_edmid;
	struct xsctp_tlv_ref random, chunks, hmacs;	/* RFC 4895 values */

	/* RFC 9260 s3.2.1: unrecognised parameters (whole TLVs) to report */
	struct xsctp_tlv_ref unrec[XSCTP_INIT_MAX_UNREC];
	u8 nunrec;
	u16 unrec_overflow;	/* to report but over the array or budget */
	u32 unrec_used;		/* budget spent */
	bool stopped;		/* a 00/01 parameter ended processing */
	u16 stop_off;		/* its offset in the chunk */
};

/*
 * Why an INIT or INIT ACK must be refused, and so what the ABORT says;
 * xsctp_init_parse() returns the negated value.
 */
enum xsctp_init_err {
	XSCTP_INIT_OK,
	XSCTP_INIT_ERR_MALFORMED,	/* lengths: Protocol Violation */
	XSCTP_INIT_ERR_PARAM_LEN,	/* known param, bad length: same */
	XSCTP_INIT_ERR_ZERO_TAG,	/* Invalid Mandatory Parameter */
	XSCTP_INIT_ERR_ZERO_OS,		/* Invalid Mandatory Parameter */
	XSCTP_INIT_ERR_ZERO_MIS,	/* Invalid Mandatory Parameter */
	XSCTP_INIT_ERR_HOSTNAME,	/* Unresolvable Address */
	XSCTP_INIT_ERR_NO_COOKIE,	/* Missing Mandatory Parameter */
	XSCTP_INIT_ERR__MAX
};

int xsctp_init_parse(const u8 *chunk, u32 len, struct xsctp_init_info *info);
u16 xsctp_init_err_cause(enum xsctp_init_err err);

static inline bool xsctp_init_has_ext(const struct xsctp_init_info *info,
				      u8 type)
{
	return info->ext[type >> 3] & (1u << (type & 7));
}

/* ---- DATA, SACK, HEARTBEAT, SHUTDOWN, FORWARD-TSN ---- */

struct xsctp_data_info {
	u32 tsn;
	u16 sid;
	u16 ssn;		/* DATA only */
	u32 mid;		/* I-DATA only */
	u32 ppid;		/* DATA; I-DATA when B is set */
	u32 fsn;		/* I-DATA when B is clear */
	u8 flags;		/* XSCTP_DATA_* */
	const u8 *payload;
	u16 payload_len;
};

int xsctp_data_parse(const u8 *chunk, u32 len, struct xsctp_data_info *d);
int xsctp_idata_parse(const u8 *chunk, u32 len, struct xsctp_data_info *d);

struct xsctp_sack_info {
	u32 cum_tsn;
	u32 a_rwnd;
	u16 num_gaps;
	u16 num_dups;
	const u8 *gaps;		/* num_gaps blocks, then num_dups TSNs */
};

int xsctp_sack_parse(const u8 *chunk, u32 len, struct xsctp_sack_info *s);
bool xsctp_sack_gap(const struct xsctp_sack_info *s, u16 i,
		    u16 *start, u16 *end);
bool xsctp_sack_dup(const struct xsctp_sack_info *s, u16 i, u32 *tsn);

int xsctp_heartbeat_info(const u8 *chunk, u32 len, struct xsctp_tlv *info);
int xsctp_shutdown_cum_tsn(const u8 *chunk, u32 len, u32 *cum_tsn);

struct xsctp_fwdtsn_info {
	u32 new_cum_tsn;
	u16 num_skips;
	u16 skip_len;		/* 4 (FORWARD-TSN) or 8 (I-FORWARD-TSN) */
	const u8 *skips;
};

int xsctp_fwdtsn_parse(const u8 *chunk, u32 len, struct xsctp_fwdtsn_info *f);

#endif /* _XSCTP_CHUNK_H */
