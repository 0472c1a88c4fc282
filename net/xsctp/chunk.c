// SPDX-License-Identifier: GPL-2.0
/*
 * SCTP packet parser: validates a packet before anything reads it, then
 * walks chunks and parameters and decodes the fields the state machine
 * needs. Every length a peer sends is checked against the real one first.
 */
#include <net/xsctp/chunk.h>

static const struct {
	const char *name;
	const char *mib;
} drop_names[XSCTP_DROP__MAX] = {
	[XSCTP_DROP_NONE]		= { "none", "XsctpDropNone" },
	[XSCTP_DROP_TOO_SHORT]		= { "too_short", "XsctpDropTooShort" },
	[XSCTP_DROP_BAD_CHECKSUM]	= { "bad_checksum",
					    "XsctpDropBadChecksum" },
	[XSCTP_DROP_ZERO_PORT]		= { "zero_port", "XsctpDropZeroPort" },
	[XSCTP_DROP_NO_CHUNKS]		= { "no_chunks", "XsctpDropNoChunks" },
	[XSCTP_DROP_CHUNK_TOO_SHORT]	= { "chunk_too_short",
					    "XsctpDropChunkTooShort" },
	[XSCTP_DROP_CHUNK_OVERRUN]	= { "chunk_overrun",
					    "XsctpDropChunkOverrun" },
	[XSCTP_DROP_CHUNK_BELOW_MIN]	= { "chunk_below_min",
					    "XsctpDropChunkBelowMin" },
	[XSCTP_DROP_CHUNK_MALFORMED]	= { "chunk_malformed",
					    "XsctpDropChunkMalformed" },
	[XSCTP_DROP_INIT_BUNDLED]	= { "init_bundled",
					    "XsctpDropInitBundled" },
	[XSCTP_DROP_INIT_ZERO_TAG]	= { "init_zero_tag",
					    "XsctpDropInitZeroTag" },
	[XSCTP_DROP_ZERO_VTAG]		= { "zero_vtag", "XsctpDropZeroVtag" },
	[XSCTP_DROP_PARAM_TOO_SHORT]	= { "param_too_short",
					    "XsctpDropParamTooShort" },
	[XSCTP_DROP_PARAM_OVERRUN]	= { "param_overrun",
					    "XsctpDropParamOverrun" },
	[XSCTP_DROP_UNKNOWN_CHUNK_DISCARD] = { "unknown_chunk_discard",
					       "XsctpDropUnknownChunkDiscard" },
	[XSCTP_DROP_BACKLOG_FULL]	= { "backlog_full",
					    "XsctpDropBacklogFull" },
};

/**
 * xsctp_drop_reason_name - stable snake_case name of a drop reason
 * @r: the reason
 *
 * Return: the name, or "invalid" for a value out of range.
 */
const char *xsctp_drop_reason_name(enum xsctp_drop_reason r)
{
	return (unsigned int)r < XSCTP_DROP__MAX ? drop_names[r].name :
						   "invalid";
}

/**
 * xsctp_drop_reason_mib - the /proc/net/sctp/snmp counter name of a reason
 * @r: the reason
 *
 * Return: the name, or "XsctpDropInvalid" for a value out of range.
 */
const char *xsctp_drop_reason_mib(enum xsctp_drop_reason r)
{
	return (unsigned int)r < XSCTP_DROP__MAX ? drop_names[r].mib :
						   "XsctpDropInvalid";
}

/* The chunk's own length if it is at least a header and inside @avail */
static u16 chunk_len(const u8 *chunk, u32 avail)
{
	u16 clen;

	if (avail < XSCTP_CHUNKHDR_LEN)
		return 0;
	clen = xsctp_get_be16(chunk + 2);
	if (clen < XSCTP_CHUNKHDR_LEN || clen > avail)
		return 0;
	return clen;
}

/* RFC 9260 s3.3.4: the gap and duplicate counts must fit in the chunk */
static bool sack_counts_fit(const u8 *chunk, u16 clen)
{
	u32 ngaps = xsctp_get_be16(chunk + 12);
	u32 ndups = xsctp_get_be16(chunk + 14);

	return (ngaps + ndups) * 4 <= (u32)clen - XSCTP_SACK_FIXED_LEN;
}

#define CTL	XSCTP_CHUNK_F_CONTROL

/*
 * Every chunk type xsctp knows, with the smallest length its fixed fields
 * need (RFC 9260 s3.3 and the extension RFCs).
 */
static const struct xsctp_chunk_ops chunk_ops[] = {
	{ "DATA", XSCTP_DATA_HDR_LEN, 0, 0, NULL },
	{ "INIT", XSCTP_INIT_FIXED_LEN, XSCTP_INIT_FIXED_LEN,
	  CTL | XSCTP_CHUNK_F_MUST_BE_ALONE | XSCTP_CHUNK_F_PARAMS |
	  XSCTP_CHUNK_F_OOTB_OK | XSCTP_CHUNK_F_NO_AUTH, NULL },
	{ "INIT_ACK", XSCTP_INIT_FIXED_LEN, XSCTP_INIT_FIXED_LEN,
	  CTL | XSCTP_CHUNK_F_MUST_BE_ALONE | XSCTP_CHUNK_F_PARAMS |
	  XSCTP_CHUNK_F_NO_AUTH, NULL },
	{ "SACK", XSCTP_SACK_FIXED_LEN, 0, CTL, sack_counts_fit },
	{ "HEARTBEAT", 8, 4, CTL | XSCTP_CHUNK_F_PARAMS, NULL },
	{ "HEARTBEAT_ACK", 8, 4, CTL | XSCTP_CHUNK_F_PARAMS, NULL },
	{ "ABORT", 4, 4, CTL | XSCTP_CHUNK_F_CAUSES |
	  XSCTP_CHUNK_F_OOTB_SILENT | XSCTP_CHUNK_F_T_BIT, NULL },
	{ "SHUTDOWN", 8, 0, CTL, NULL },
	{ "SHUTDOWN_ACK", 4, 0, CTL, NULL },
	/* s3.3.10: an ERROR carries one or more causes */
	{ "ERROR", 8, 4, CTL | XSCTP_CHUNK_F_CAUSES, NULL },
	{ "COOKIE_ECHO", 4, 0, CTL | XSCTP_CHUNK_F_OOTB_OK, NULL },
	{ "COOKIE_ACK", 4, 0, CTL | XSCTP_CHUNK_F_OOTB_SILENT, NULL },
	{ "ECNE", 8, 0, CTL, NULL },
	{ "CWR", 8, 0, CTL, NULL },
	{ "SHUTDOWN_COMPLETE", 4, 0, CTL | XSCTP_CHUNK_F_MUST_BE_ALONE |
	  XSCTP_CHUNK_F_OOTB_SILENT | XSCTP_CHUNK_F_NO_AUTH |
	  XSCTP_CHUNK_F_T_BIT, NULL },
	{ "AUTH", 8, 0, CTL | XSCTP_CHUNK_F_NO_AUTH, NULL },
	{ "I_DATA", XSCTP_IDATA_HDR_LEN, 0, 0, NULL },
	{ "ASCONF_ACK", 8, 8, CTL | XSCTP_CHUNK_F_PARAMS, NULL },
	/* RFC 6525 s3.1: one or two Re-configuration Parameters */
	{ "RECONF", 8, 4, CTL | XSCTP_CHUNK_F_PARAMS, NULL },
	{ "PAD", 4, 0, CTL, NULL },
	{ "FWD_TSN", 8, 0, CTL, NULL },
	{ "ASCONF", 8, 8, CTL | XSCTP_CHUNK_F_PARAMS, NULL },
	{ "I_FWD_TSN", 8, 0, CTL, NULL },
};

#undef CTL

/* chunk type -> 1 + index in chunk_ops[], 0 for unknown types */
static const u8 chunk_idx[256] = {
	[XSCTP_CID_DATA] = 1, [XSCTP_CID_INIT] = 2, [XSCTP_CID_INIT_ACK] = 3,
	[XSCTP_CID_SACK] = 4, [XSCTP_CID_HEARTBEAT] = 5,
	[XSCTP_CID_HEARTBEAT_ACK] = 6, [XSCTP_CID_ABORT] = 7,
	[XSCTP_CID_SHUTDOWN] = 8, [XSCTP_CID_SHUTDOWN_ACK] = 9,
	[XSCTP_CID_ERROR] = 10, [XSCTP_CID_COOKIE_ECHO] = 11,
	[XSCTP_CID_COOKIE_ACK] = 12, [XSCTP_CID_ECNE] = 13,
	[XSCTP_CID_CWR] = 14, [XSCTP_CID_SHUTDOWN_COMPLETE] = 15,
	[XSCTP_CID_AUTH] = 16, [XSCTP_CID_I_DATA] = 17,
	[XSCTP_CID_ASCONF_ACK] = 18, [XSCTP_CID_RECONF] = 19,
	[XSCTP_CID_PAD] = 20, [XSCTP_CID_FWD_TSN] = 21,
	[XSCTP_CID_ASCONF] = 22, [XSCTP_CID_I_FWD_TSN] = 23,
};

/**
 * xsctp_chunk_ops - what xsctp knows about a chunk type
 * @type: chunk type from the wire
 *
 * Return: the ops, or NULL for a type this table does not know.
 */
const struct xsctp_chunk_ops *xsctp_chunk_ops(u8 type)
{
	BUILD_BUG_ON(ARRAY_SIZE(chunk_ops) != 23);
	return chunk_idx[type] ? &chunk_ops[chunk_idx[type] - 1] : NULL;
}

/*
 * Decodes the TLV at @off of a chunk whose length field is @end.
 * RFC 9260 s3.2.1: a TLV is at least its 4-byte header and lies inside
 * the chunk; the chunk length does not cover the last TLV's padding, so
 * only the unpadded length is checked against it.
 */
static enum xsctp_drop_reason tlv_at(const u8 *chunk, u32 end, u32 off,
				     struct xsctp_tlv *t)
{
	u16 tlen;

	if (end - off < XSCTP_PARAMHDR_LEN)
		return XSCTP_DROP_PARAM_TOO_SHORT;
	tlen = xsctp_get_be16(chunk + off + 2);
	if (tlen < XSCTP_PARAMHDR_LEN)
		return XSCTP_DROP_PARAM_TOO_SHORT;
	if (tlen > end - off)
		return XSCTP_DROP_PARAM_OVERRUN;
	t->p = chunk + off;
	t->type = xsctp_get_be16(chunk + off);
	t->len = tlen;
	t->off = off;
	return XSCTP_DROP_NONE;
}

/* Walks every TLV from @off to the end of a chunk of length @clen */
static enum xsctp_drop_reason check_tlvs(const u8 *chunk, u16 clen, u32 off)
{
	enum xsctp_drop_reason r;
	struct xsctp_tlv t;

	while (off < clen) {
		r = tlv_at(chunk, clen, off, &t);
		if (r)
			return r;
		off += ALIGN(t.len, 4);
	}
	return XSCTP_DROP_NONE;
}

/*
 * Decodes the chunk header at @off. RFC 9260 s3.2: Chunk Length counts
 * the header and value but not the padding, and is at least 4.
 */
static enum xsctp_drop_reason chunk_at(const u8 *pkt, u32 len, u32 off,
				       struct xsctp_chunk *c)
{
	u16 clen;

	if (len - off < XSCTP_CHUNKHDR_LEN)
		return XSCTP_DROP_CHUNK_TOO_SHORT;
	clen = xsctp_get_be16(pkt + off + 2);
	if (clen < XSCTP_CHUNKHDR_LEN)
		return XSCTP_DROP_CHUNK_TOO_SHORT;
	if (clen > len - off)
		return XSCTP_DROP_CHUNK_OVERRUN;
	c->p = pkt + off;
	c->len = clen;
	c->off = off;
	c->type = pkt[off];
	c->flags = pkt[off + 1];
	c->ops = xsctp_chunk_ops(c->type);
	c->action = xsctp_chunk_action(c->type);
	return XSCTP_DROP_NONE;
}

/*
 * Offset of the chunk after @c, or @len when @c is the last one. RFC 9260
 * s3.2 pads every chunk to 4 bytes; like Linux, the last chunk may arrive
 * without (all of) its padding.
 */
static u32 chunk_next_off(const struct xsctp_chunk *c, u32 len)
{
	u32 padded = ALIGN((u32)c->len, 4);

	return padded >= len - c->off ? len : c->off + padded;
}

/* RFC 9260 s3.2: 00 and 01 end the walk, 10 and 11 skip the chunk */
static bool chunk_stops(const struct xsctp_chunk *c)
{
	return !c->ops && !(c->action & XSCTP_CHUNK_ACT_SKIP);
}

struct pkt_walk {
	u32 nchunks;
	bool alone;		/* saw a MUST_BE_ALONE chunk */
	bool init;		/* saw an INIT */
	bool first_stops;	/* the first chunk is unknown with action 00 */
};

static enum xsctp_drop_reason check_chunk(const struct xsctp_chunk *c,
					  struct pkt_walk *w)
{
	const struct xsctp_chunk_ops *ops = c->ops;

	if (!ops)
		return XSCTP_DROP_NONE;
	if (c->len < ops->min_len)
		return XSCTP_DROP_CHUNK_BELOW_MIN;
	if (ops->check && !ops->check(c->p, c->len))
		return XSCTP_DROP_CHUNK_MALFORMED;
	if (ops->flags & XSCTP_CHUNK_F_MUST_BE_ALONE)
		w->alone = true;
	if (c->type == XSCTP_CID_INIT)
		w->init = true;
	if (ops->flags & (XSCTP_CHUNK_F_PARAMS | XSCTP_CHUNK_F_CAUSES))
		return check_tlvs(c->p, c->len, ops->tlv_off);
	return XSCTP_DROP_NONE;
}

static enum xsctp_drop_reason check_chunks(const u8 *buf, u32 len,
					   struct pkt_walk *w)
{
	enum xsctp_drop_reason r;
	struct xsctp_chunk c;
	u32 off = XSCTP_HDR_LEN;

	while (off < len) {
		r = chunk_at(buf, len, off, &c);
		if (!r)
			r = check_chunk(&c, w);
		if (r)
			return r;
		w->nchunks++;
		/* RFC 9260 s3.2: what follows a "stop" chunk is not read */
		if (chunk_stops(&c)) {
			w->first_stops = w->nchunks == 1 &&
					 c.action == XSCTP_CHUNK_ACT_STOP;
			break;
		}
		off = chunk_next_off(&c, len);
	}
	return XSCTP_DROP_NONE;
}

/**
 * xsctp_pkt_validate - check a packet's structure before reading it
 * @buf: the packet from the SCTP common header on
 * @len: its length
 *
 * Checks the common header, every chunk and, for chunks carrying TLVs,
 * every parameter or error cause, reading nothing past @len. The
 * checksum is left to the caller. The walk ends at an unrecognised
 * chunk whose action is "stop" (RFC 9260 s3.2): what follows is never
 * processed, so it is not checked either.
 *
 * Return: XSCTP_DROP_NONE, or why the whole packet must be dropped.
 */
enum xsctp_drop_reason xsctp_pkt_validate(const u8 *buf, u32 len)
{
	struct pkt_walk w = { 0 };
	enum xsctp_drop_reason r;
	u32 vtag;

	xsctp_wire_build_checks();
	if (len < XSCTP_HDR_LEN)
		return XSCTP_DROP_TOO_SHORT;
	/* RFC 9260 s3.1: port number 0 MUST NOT be used */
	if (!xsctp_get_be16(buf) || !xsctp_get_be16(buf + 2))
		return XSCTP_DROP_ZERO_PORT;
	if (len == XSCTP_HDR_LEN)
		return XSCTP_DROP_NO_CHUNKS;
	r = check_chunks(buf, len, &w);
	if (r)
		return r;
	/* RFC 9260 s3.2: type with action 00 and nothing before it */
	if (w.first_stops)
		return XSCTP_DROP_UNKNOWN_CHUNK_DISCARD;
	/*
	 * RFC 9260 s6.10: INIT, INIT ACK and SHUTDOWN COMPLETE MUST NOT be
	 * bundled with any other chunk in a packet.
	 */
	if (w.alone && w.nchunks > 1)
		return XSCTP_DROP_INIT_BUNDLED;
	vtag = xsctp_get_be32(buf + 4);
	/* RFC 9260 s8.5.1(A): a packet carrying INIT MUST have vtag 0 ... */
	if (w.init && vtag)
		return XSCTP_DROP_INIT_ZERO_TAG;
	/* ... and one with vtag 0 and no INIT MUST be silently discarded */
	if (!w.init && !vtag)
		return XSCTP_DROP_ZERO_VTAG;
	return XSCTP_DROP_NONE;
}

/**
 * xsctp_chunk_first - start walking the chunks of a packet
 * @it: iterator state
 * @pkt: the packet from the common header on
 * @len: its length
 * @c: filled with the first chunk
 *
 * Return: true if @c holds a chunk.
 */
bool xsctp_chunk_first(struct xsctp_chunk_iter *it, const u8 *pkt, u32 len,
		       struct xsctp_chunk *c)
{
	it->pkt = pkt;
	it->len = len;
	it->off = XSCTP_HDR_LEN;
	it->done = false;
	return xsctp_chunk_next(it, c);
}

/**
 * xsctp_chunk_next - the next chunk of a packet
 * @it: iterator state from xsctp_chunk_first()
 * @c: filled with the chunk
 *
 * An unrecognised chunk (@c->ops NULL) is reported with its action; if
 * that is STOP or STOP_REPORT, it is the last one reported.
 *
 * Return: true if @c holds a chunk.
 */
bool xsctp_chunk_next(struct xsctp_chunk_iter *it, struct xsctp_chunk *c)
{
	if (it->done || it->off >= it->len)
		return false;
	if (chunk_at(it->pkt, it->len, it->off, c)) {
		it->done = true;
		return false;
	}
	it->off = chunk_next_off(c, it->len);
	if (chunk_stops(c))
		it->done = true;
	return true;
}

/**
 * xsctp_param_first - start walking the TLVs of a chunk
 * @it: iterator state
 * @chunk: the chunk header
 * @len: bytes available at @chunk (at least the chunk's length field)
 * @off: offset of the first TLV in the chunk
 * @t: filled with the first TLV
 *
 * Stops, reporting nothing more, at a TLV that does not fit the chunk.
 *
 * Return: true if @t holds a TLV.
 */
bool xsctp_param_first(struct xsctp_param_iter *it, const u8 *chunk,
		       u32 len, u16 off, struct xsctp_tlv *t)
{
	it->chunk = chunk;
	it->end = chunk_len(chunk, len);
	it->off = off;
	return xsctp_param_next(it, t);
}

/**
 * xsctp_param_next - the next TLV of a chunk
 * @it: iterator state from xsctp_param_first()
 * @t: filled with the TLV
 *
 * Return: true if @t holds a TLV.
 */
bool xsctp_param_next(struct xsctp_param_iter *it, struct xsctp_tlv *t)
{
	u32 next;

	if (it->off >= it->end)
		return false;
	if (tlv_at(it->chunk, it->end, it->off, t)) {
		it->off = it->end;
		return false;
	}
	next = (u32)it->off + ALIGN((u32)t->len, 4);
	it->off = next < it->end ? next : it->end;
	return true;
}

/* ---- INIT / INIT ACK parameters (RFC 9260 s3.3.2.1, s3.3.3.1) ---- */

static int init_addr(const struct xsctp_tlv *t, struct xsctp_init_info *info)
{
	struct xsctp_init_addr *a;

	if (info->naddrs >= XSCTP_INIT_MAX_ADDRS) {
		info->addrs_overflow++;
		return 0;
	}
	a = &info->addrs[info->naddrs++];
	a->type = t->type;
	/* the table fixes the length: 4 or 16 bytes of address */
	memcpy(a->addr, t->p + XSCTP_PARAMHDR_LEN, t->len - XSCTP_PARAMHDR_LEN);
	return 0;
}

static int init_cookie(const struct xsctp_tlv *t,
		       struct xsctp_init_info *info)
{
	info->cookie = t->p + XSCTP_PARAMHDR_LEN;
	info->cookie_len = t->len - XSCTP_PARAMHDR_LEN;
	return 0;
}

static int init_cookie_inc(const struct xsctp_tlv *t,
			   struct xsctp_init_info *info)
{
	info->has_cookie_inc = true;
	info->cookie_inc = xsctp_get_be32(t->p + XSCTP_PARAMHDR_LEN);
	return 0;
}

/*
 * RFC 9260 s5.1.2: a receiver of an INIT or INIT ACK with a Host Name
 * Address MUST send an ABORT, which may carry it in Unresolvable Address.
 */
static int init_hostname(const struct xsctp_tlv *t,
			 struct xsctp_init_info *info)
{
	info->hostname.off = t->off;
	info->hostname.len = t->len;
	return 0;
}

/* RFC 9260 s3.3.2.1: a list of 16-bit parameter types */
static int init_addr_types(const struct xsctp_tlv *t,
			   struct xsctp_init_info *info)
{
	u16 i, type;

	if ((t->len - XSCTP_PARAMHDR_LEN) & 1)
		return -XSCTP_INIT_ERR_PARAM_LEN;
	info->has_addr_types = true;
	for (i = XSCTP_PARAMHDR_LEN; i < t->len; i += 2) {
		type = xsctp_get_be16(t->p + i);
		if (type == XSCTP_PARAM_IPV4)
			info->addr_types |= XSCTP_ADDR_TYPE_IPV4;
		else if (type == XSCTP_PARAM_IPV6)
			info->addr_types |= XSCTP_ADDR_TYPE_IPV6;
		else if (type == XSCTP_PARAM_HOSTNAME)
			info->addr_types |= XSCTP_ADDR_TYPE_HOSTNAME;
	}
	return 0;
}

static int init_ecn(const struct xsctp_tlv *t, struct xsctp_init_info *info)
{
	info->ecn = true;
	return 0;
}

/* RFC 9653 s4: the Error Detection Method the sender accepts */
static int init_zero_csum(const struct xsctp_tlv *t,
			  struct xsctp_init_info *info)
{
	info->has_zero_csum = true;
	info->zero_csum_edmid = xsctp_get_be32(t->p + XSCTP_PARAMHDR_LEN);
	return 0;
}

/* RFC 4895 s3: kept as ranges, the AUTH code checks their contents */
static int init_auth(const struct xsctp_tlv *t, struct xsctp_init_info *info)
{
	struct xsctp_tlv_ref *ref = &info->hmacs;

	if (t->type == XSCTP_PARAM_RANDOM)
		ref = &info->random;
	else if (t->type == XSCTP_PARAM_CHUNKS)
		ref = &info->chunks;
	ref->off = t->off + XSCTP_PARAMHDR_LEN;
	ref->len = t->len - XSCTP_PARAMHDR_LEN;
	return 0;
}

/* RFC 5061 s4.2.7: one byte per chunk type */
static int init_ext(const struct xsctp_tlv *t, struct xsctp_init_info *info)
{
	u16 i;
	u8 type;

	info->has_ext = true;
	for (i = XSCTP_PARAMHDR_LEN; i < t->len; i++) {
		type = t->p[i];
		info->ext[type >> 3] |= 1u << (type & 7);
	}
	return 0;
}

static int init_fwd_tsn(const struct xsctp_tlv *t,
			struct xsctp_init_info *info)
{
	info->fwd_tsn = true;
	return 0;
}

/* RFC 5061 s4.2.6 */
static int init_adaptation(const struct xsctp_tlv *t,
			   struct xsctp_init_info *info)
{
	info->has_adaptation = true;
	info->adaptation_ind = xsctp_get_be32(t->p + XSCTP_PARAMHDR_LEN);
	return 0;
}

struct init_param {
	u16 type;
	u16 min_len;		/* TLV length, header included */
	u16 max_len;
	int (*parse)(const struct xsctp_tlv *t, struct xsctp_init_info *info);
};

#define ANY	0xffff

/* The parameters an INIT or INIT ACK may carry; NULL parse: ignored */
static const struct init_param init_params[] = {
	{ XSCTP_PARAM_IPV4, 8, 8, init_addr },
	{ XSCTP_PARAM_IPV6, 20, 20, init_addr },
	{ XSCTP_PARAM_STATE_COOKIE, 4, ANY, init_cookie },
	/* in an INIT ACK: what the peer did not understand in our INIT */
	{ XSCTP_PARAM_UNRECOGNIZED, 4, ANY, NULL },
	{ XSCTP_PARAM_COOKIE_PRESERVATIVE, 8, 8, init_cookie_inc },
	{ XSCTP_PARAM_HOSTNAME, 4, ANY, init_hostname },
	{ XSCTP_PARAM_SUPPORTED_ADDR, 4, ANY, init_addr_types },
	{ XSCTP_PARAM_ECN_CAPABLE, 4, 4, init_ecn },
	{ XSCTP_PARAM_ZERO_CHECKSUM, 8, 8, init_zero_csum },
	{ XSCTP_PARAM_RANDOM, 4, ANY, init_auth },
	{ XSCTP_PARAM_CHUNKS, 4, ANY, init_auth },
	{ XSCTP_PARAM_HMAC_ALGO, 4, ANY, init_auth },
	/* RFC 4820 s3: the receiver ignores the Padding Parameter */
	{ XSCTP_PARAM_PADDING, 4, ANY, NULL },
	{ XSCTP_PARAM_SUPPORTED_EXT, 4, ANY, init_ext },
	{ XSCTP_PARAM_FWD_TSN_SUPPORTED, 4, 4, init_fwd_tsn },
	{ XSCTP_PARAM_ADAPTATION_IND, 8, 8, init_adaptation },
};

#undef ANY

static const struct init_param *init_param_find(u16 type)
{
	u32 i;

	for (i = 0; i < ARRAY_SIZE(init_params); i++)
		if (init_params[i].type == type)
			return &init_params[i];
	return NULL;
}

/*
 * RFC 9260 s3.2.1: the upper two bits of an unrecognised parameter type
 * say whether to go on (10, 11) or stop with this chunk's parameters
 * (00, 01), and whether to report it (01, 11). Reports are kept within
 * the caller's byte budget and the array.
 */
static void init_unrec(const struct xsctp_tlv *t, struct xsctp_init_info *info)
{
	enum xsctp_param_action act = xsctp_param_action(t->type);
	u32 cost = XSCTP_PARAMHDR_LEN + ALIGN((u32)t->len, 4);

	if (!(act & XSCTP_PARAM_ACT_SKIP)) {
		info->stopped = true;
		info->stop_off = t->off;
	}
	if (!(act & XSCTP_PARAM_ACT_STOP_REPORT))
		return;
	if (info->nunrec >= XSCTP_INIT_MAX_UNREC ||
	    cost > info->unrec_budget - info->unrec_used) {
		info->unrec_overflow++;
		return;
	}
	info->unrec[info->nunrec].off = t->off;
	info->unrec[info->nunrec].len = t->len;
	info->nunrec++;
	info->unrec_used += cost;
}

static int init_param(const struct xsctp_tlv *t, struct xsctp_init_info *info)
{
	const struct init_param *ip = init_param_find(t->type);

	if (!ip) {
		init_unrec(t, info);
		return 0;
	}
	/* RFC 9260 s3.2.1: a known parameter of the wrong size */
	if (t->len < ip->min_len || t->len > ip->max_len)
		return -XSCTP_INIT_ERR_PARAM_LEN;
	return ip->parse ? ip->parse(t, info) : 0;
}

static int init_fixed(const u8 *chunk, struct xsctp_init_info *info)
{
	const struct xsctp_init_chunk *ic = (const void *)chunk;

	info->type = ic->hdr.type;
	info->init_tag = be32_to_cpu(ic->init_tag);
	info->a_rwnd = be32_to_cpu(ic->a_rwnd);
	info->num_os = be16_to_cpu(ic->num_os);
	info->num_mis = be16_to_cpu(ic->num_mis);
	info->initial_tsn = be32_to_cpu(ic->initial_tsn);
	/*
	 * RFC 9260 s3.3.2: a received INIT with Initiate Tag 0 MUST be
	 * silently discarded; s3.3.3: an INIT ACK with it destroys the TCB.
	 */
	if (!info->init_tag)
		return -XSCTP_INIT_ERR_ZERO_TAG;
	/*
	 * RFC 9260 s3.3.2, s3.3.3: OS or MIS 0: MUST discard the packet,
	 * SHOULD answer with an ABORT (Invalid Mandatory Parameter).
	 */
	if (!info->num_os)
		return -XSCTP_INIT_ERR_ZERO_OS;
	if (!info->num_mis)
		return -XSCTP_INIT_ERR_ZERO_MIS;
	return 0;
}

static int init_finish(struct xsctp_init_info *info)
{
	/* RFC 9260 s3.3.2.1: no list means every address type */
	if (!info->has_addr_types)
		info->addr_types = XSCTP_ADDR_TYPE_IPV4 | XSCTP_ADDR_TYPE_IPV6 |
				   XSCTP_ADDR_TYPE_HOSTNAME;
	if (info->hostname.len)
		return -XSCTP_INIT_ERR_HOSTNAME;
	/* RFC 9260 s3.3.3: the State Cookie is mandatory in an INIT ACK */
	if (info->type == XSCTP_CID_INIT_ACK && !info->cookie)
		return -XSCTP_INIT_ERR_NO_COOKIE;
	return 0;
}

/**
 * xsctp_init_parse - decode an INIT or INIT ACK chunk
 * @chunk: the chunk header
 * @len: bytes available at @chunk (at least the chunk's length field)
 * @info: out; only @info->unrec_budget is read (and kept)
 *
 * Fills the fixed fields, addresses and options. Unrecognised parameters
 * follow RFC 9260 s3.2.1: @info->stopped says processing ended early,
 * @info->unrec lists those to report. On HOSTNAME and NO_COOKIE @info is
 * complete, on the other errors it is partial.
 *
 * Return: 0, or a negated enum xsctp_init_err.
 */
int xsctp_init_parse(const u8 *chunk, u32 len, struct xsctp_init_info *info)
{
	u32 budget = info->unrec_budget;
	struct xsctp_param_iter it;
	struct xsctp_tlv t;
	bool more;
	u16 clen;
	int err;

	memset(info, 0, sizeof(*info));
	info->unrec_budget = budget;
	clen = chunk_len(chunk, len);
	if (clen < XSCTP_INIT_FIXED_LEN ||
	    (chunk[0] != XSCTP_CID_INIT && chunk[0] != XSCTP_CID_INIT_ACK) ||
	    check_tlvs(chunk, clen, XSCTP_INIT_FIXED_LEN))
		return -XSCTP_INIT_ERR_MALFORMED;
	err = init_fixed(chunk, info);
	if (err)
		return err;
	more = xsctp_param_first(&it, chunk, clen, XSCTP_INIT_FIXED_LEN, &t);
	for (; more && !info->stopped; more = xsctp_param_next(&it, &t)) {
		err = init_param(&t, info);
		if (err)
			return err;
	}
	return init_finish(info);
}

static const u16 init_err_causes[XSCTP_INIT_ERR__MAX] = {
	[XSCTP_INIT_ERR_MALFORMED]	= XSCTP_CAUSE_PROTO_VIOLATION,
	[XSCTP_INIT_ERR_PARAM_LEN]	= XSCTP_CAUSE_PROTO_VIOLATION,
	[XSCTP_INIT_ERR_ZERO_TAG]	= XSCTP_CAUSE_INVALID_PARAM,
	[XSCTP_INIT_ERR_ZERO_OS]	= XSCTP_CAUSE_INVALID_PARAM,
	[XSCTP_INIT_ERR_ZERO_MIS]	= XSCTP_CAUSE_INVALID_PARAM,
	[XSCTP_INIT_ERR_HOSTNAME]	= XSCTP_CAUSE_UNRESOLVABLE_ADDR,
	[XSCTP_INIT_ERR_NO_COOKIE]	= XSCTP_CAUSE_MISSING_PARAM,
};

/**
 * xsctp_init_err_cause - the error cause an ABORT for @err carries
 * @err: a (positive) enum xsctp_init_err
 *
 * Return: an XSCTP_CAUSE_* code, 0 for XSCTP_INIT_OK or out of range.
 */
u16 xsctp_init_err_cause(enum xsctp_init_err err)
{
	return (unsigned int)err < XSCTP_INIT_ERR__MAX ? init_err_causes[err] :
							 0;
}

/* ---- accessors for the other chunks ---- */

/* The chunk's length if it is of @type and at least @min long, else 0 */
static u16 chunk_of(const u8 *chunk, u32 len, u8 type, u16 min)
{
	u16 clen = chunk_len(chunk, len);

	return clen >= min && chunk[0] == type ? clen : 0;
}

/**
 * xsctp_data_parse - decode a DATA chunk
 * @chunk: the chunk header
 * @len: bytes available at @chunk
 * @d: out
 *
 * Return: 0; -ENODATA for a DATA chunk without user data, which RFC 9260
 * s6.2 answers with an ABORT (No User Data); -EINVAL if not a DATA chunk.
 */
int xsctp_data_parse(const u8 *chunk, u32 len, struct xsctp_data_info *d)
{
	const struct xsctp_data_chunk *dc = (const void *)chunk;
	u16 clen = chunk_of(chunk, len, XSCTP_CID_DATA, XSCTP_DATA_HDR_LEN);

	if (!clen)
		return -EINVAL;
	memset(d, 0, sizeof(*d));
	d->flags = dc->hdr.flags;
	d->tsn = be32_to_cpu(dc->tsn);
	d->sid = be16_to_cpu(dc->sid);
	d->ssn = be16_to_cpu(dc->ssn);
	d->ppid = be32_to_cpu(dc->ppid);
	d->payload = chunk + XSCTP_DATA_HDR_LEN;
	d->payload_len = clen - XSCTP_DATA_HDR_LEN;
	return d->payload_len ? 0 : -ENODATA;
}

/**
 * xsctp_idata_parse - decode an I-DATA chunk (RFC 8260 s2.1)
 * @chunk: the chunk header
 * @len: bytes available at @chunk
 * @d: out; @d->ppid is set on a first fragment, @d->fsn on the others
 *
 * Return: 0; -ENODATA without user data; -EINVAL if not an I-DATA chunk.
 */
int xsctp_idata_parse(const u8 *chunk, u32 len, struct xsctp_data_info *d)
{
	const struct xsctp_idata_chunk *ic = (const void *)chunk;
	u16 clen = chunk_of(chunk, len, XSCTP_CID_I_DATA, XSCTP_IDATA_HDR_LEN);

	if (!clen)
		return -EINVAL;
	memset(d, 0, sizeof(*d));
	d->flags = ic->hdr.flags;
	d->tsn = be32_to_cpu(ic->tsn);
	d->sid = be16_to_cpu(ic->sid);
	d->mid = be32_to_cpu(ic->mid);
	if (d->flags & XSCTP_DATA_B)
		d->ppid = be32_to_cpu(ic->ppid_fsn);
	else
		d->fsn = be32_to_cpu(ic->ppid_fsn);
	d->payload = chunk + XSCTP_IDATA_HDR_LEN;
	d->payload_len = clen - XSCTP_IDATA_HDR_LEN;
	return d->payload_len ? 0 : -ENODATA;
}

/**
 * xsctp_sack_parse - decode the fixed part of a SACK chunk
 * @chunk: the chunk header
 * @len: bytes available at @chunk
 * @s: out; gap blocks and duplicates are read with xsctp_sack_gap() and
 *     xsctp_sack_dup()
 *
 * Return: 0, or -EINVAL if not a SACK or its counts overrun its length.
 */
int xsctp_sack_parse(const u8 *chunk, u32 len, struct xsctp_sack_info *s)
{
	const struct xsctp_sack_chunk *sc = (const void *)chunk;
	u16 clen = chunk_of(chunk, len, XSCTP_CID_SACK, XSCTP_SACK_FIXED_LEN);

	if (!clen || !sack_counts_fit(chunk, clen))
		return -EINVAL;
	s->cum_tsn = be32_to_cpu(sc->cum_tsn);
	s->a_rwnd = be32_to_cpu(sc->a_rwnd);
	s->num_gaps = be16_to_cpu(sc->num_gaps);
	s->num_dups = be16_to_cpu(sc->num_dups);
	s->gaps = chunk + XSCTP_SACK_FIXED_LEN;
	return 0;
}

/**
 * xsctp_sack_gap - one gap ack block of a parsed SACK
 * @s: from xsctp_sack_parse()
 * @i: block index
 * @start: out, offset from the cumulative TSN ack
 * @end: out, offset from the cumulative TSN ack
 *
 * Return: false if @i is not below @s->num_gaps.
 */
bool xsctp_sack_gap(const struct xsctp_sack_info *s, u16 i,
		    u16 *start, u16 *end)
{
	const u8 *p;

	if (i >= s->num_gaps)
		return false;
	p = s->gaps + 4 * (u32)i;
	*start = xsctp_get_be16(p);
	*end = xsctp_get_be16(p + 2);
	return true;
}

/**
 * xsctp_sack_dup - one duplicate TSN of a parsed SACK
 * @s: from xsctp_sack_parse()
 * @i: index
 * @tsn: out
 *
 * Return: false if @i is not below @s->num_dups.
 */
bool xsctp_sack_dup(const struct xsctp_sack_info *s, u16 i, u32 *tsn)
{
	if (i >= s->num_dups)
		return false;
	*tsn = xsctp_get_be32(s->gaps + 4 * ((u32)s->num_gaps + i));
	return true;
}

/**
 * xsctp_heartbeat_info - the Heartbeat Info TLV of a HEARTBEAT (ACK)
 * @chunk: the chunk header
 * @len: bytes available at @chunk
 * @info: out, the whole TLV, which a HEARTBEAT ACK echoes unchanged
 *
 * Return: 0, or -EINVAL if not a HEARTBEAT (ACK) or the TLV is not a
 * Heartbeat Info inside the chunk (RFC 9260 s3.3.5).
 */
int xsctp_heartbeat_info(const u8 *chunk, u32 len, struct xsctp_tlv *info)
{
	u16 clen = chunk_len(chunk, len);

	if (clen < 8 || (chunk[0] != XSCTP_CID_HEARTBEAT &&
			 chunk[0] != XSCTP_CID_HEARTBEAT_ACK))
		return -EINVAL;
	if (tlv_at(chunk, clen, XSCTP_CHUNKHDR_LEN, info) ||
	    info->type != XSCTP_PARAM_HEARTBEAT_INFO)
		return -EINVAL;
	return 0;
}

/**
 * xsctp_shutdown_cum_tsn - the Cumulative TSN Ack of a SHUTDOWN
 * @chunk: the chunk header
 * @len: bytes available at @chunk
 * @cum_tsn: out
 *
 * Return: 0, or -EINVAL if not a SHUTDOWN of at least 8 bytes.
 */
int xsctp_shutdown_cum_tsn(const u8 *chunk, u32 len, u32 *cum_tsn)
{
	if (!chunk_of(chunk, len, XSCTP_CID_SHUTDOWN, 8))
		return -EINVAL;
	*cum_tsn = xsctp_get_be32(chunk + XSCTP_CHUNKHDR_LEN);
	return 0;
}

/**
 * xsctp_fwdtsn_parse - decode a FORWARD-TSN or I-FORWARD-TSN
 * @chunk: the chunk header
 * @len: bytes available at @chunk
 * @f: out; @f->skips holds @f->num_skips entries of @f->skip_len bytes
 *     (struct xsctp_fwdtsn_skip or struct xsctp_ifwdtsn_skip)
 *
 * A trailing partial entry is ignored (RFC 3758 s3.2, RFC 8260 s2.3.1).
 *
 * Return: 0, or -EINVAL if not such a chunk of at least 8 bytes.
 */
int xsctp_fwdtsn_parse(const u8 *chunk, u32 len, struct xsctp_fwdtsn_info *f)
{
	u16 clen = chunk_len(chunk, len);

	if (clen < 8)
		return -EINVAL;
	if (chunk[0] == XSCTP_CID_FWD_TSN)
		f->skip_len = sizeof(struct xsctp_fwdtsn_skip);
	else if (chunk[0] == XSCTP_CID_I_FWD_TSN)
		f->skip_len = sizeof(struct xsctp_ifwdtsn_skip);
	else
		return -EINVAL;
	f->new_cum_tsn = xsctp_get_be32(chunk + XSCTP_CHUNKHDR_LEN);
	f->num_skips = (clen - 8) / f->skip_len;
	f->skips = chunk + 8;
	return 0;
}
