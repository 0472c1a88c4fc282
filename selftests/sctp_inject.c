// SPDX-License-Identifier: GPL-2.0
/*
 * Test helper: sends hand-built SCTP packets (RFC 9260) over a raw IPv4
 * socket with our own IP header, each with a correct CRC32c unless asked
 * otherwise, to exercise a receiver's parser with hostile input.
 *
 *   sctp_inject MODE -s SRC -d DST -p DPORT [-P SPORT] [--rate PPS]
 *               [--tag VTAG] [--bad-crc] [--wait MS] [-v]
 *               [--destructive] [--in-window]
 *
 * Modes:
 *   init [N]          one valid INIT, with N unrecognised parameters of each
 *                     action class (00, 01, 10, 11) after the valid ones
 *   kind NAME COUNT   COUNT packets of one malformed kind (see `kinds`)
 *   kinds             lists the kinds with the drop counter each must raise
 *   mutate SEED COUNT COUNT randomly mutated packets built from templates
 *   flood COUNT       COUNT valid INITs from random source ports and tags
 *   ootb-shutdown-ack a SHUTDOWN ACK; succeeds if a SHUTDOWN COMPLETE with
 *                     the T bit comes back within --wait ms
 *   ootb-unknown      an unknown chunk (type 0x41); succeeds if an ABORT
 *                     with the T bit comes back within --wait ms
 *   live SEED COUNT   COUNT packets into a live association: run in the
 *                     client's namespace with -s CLIENT -d SERVER -p PORT
 *                     before the client connects; learns ports, tags and
 *                     TSNs from the server's packets (waiting up to --wait
 *                     ms for its INIT ACK and first SACK), then sends as
 *                     the client, with the right tag, chunks that must not
 *                     change the data delivered: duplicate and far-off
 *                     DATA, SACKs, heartbeats, errors, INIT and cookie
 *                     copies, wrong-T ABORTs, unknown chunks, bundles.
 *                     Stops early when the association ends.
 *                     --destructive adds SHUTDOWN, DATA without user
 *                     data and SACKs acking TSNs never sent; --in-window adds DATA and FORWARD TSN
 *                     just above the cumulative TSN, which a receiver must
 *                     take: the data delivered is then wrong by design.
 *
 * Every mode prints "sctp_inject: sent N" (and exits 1 on a send error).
 * --bad-crc spoils the checksum of every packet; mutate spoils about 1 in
 * 32 on its own.  --rate bounds packets per second (default 20000).
 */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <sys/socket.h>
#include <linux/sock_diag.h>

#define MAXPKT		1480	/* SCTP part; fits a 1500-byte MTU */
#define MAXCOUNT	10000000u

/* ---- CRC32c, RFC 9260 appendix B (reflected 0x1EDC6F41) ---- */

static uint32_t crc_table[256];

static void crc_init(void)
{
	uint32_t i, j, c;

	for (i = 0; i < 256; i++) {
		c = i;
		for (j = 0; j < 8; j++)
			c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
		crc_table[i] = c;
	}
}

static uint32_t crc32c(const uint8_t *p, size_t len)
{
	uint32_t c = 0xffffffffu;

	while (len--)
		c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
	return ~c;
}

/* The checksum field takes the CRC least significant byte first */
static void set_crc(uint8_t *pkt, size_t len, int bad)
{
	uint32_t c;

	if (len < 12)
		return;
	memset(pkt + 8, 0, 4);
	c = crc32c(pkt, len);
	if (bad)
		c ^= 1u << (rand() % 32);
	pkt[8] = c;
	pkt[9] = c >> 8;
	pkt[10] = c >> 16;
	pkt[11] = c >> 24;
}

/* ---- options and state ---- */

static struct {
	struct in_addr src, dst;
	uint16_t dport, sport;
	uint32_t vtag;
	int have_vtag;
	int bad_crc;
	unsigned int rate;
	unsigned int wait_ms;
	int verbose;
} opt = { .rate = 20000, .wait_ms = 2000 };

static int sfd = -1;
static uint32_t want_vtag;	/* network order: the tag a T-bit reply reflects */
static unsigned long sent;

static uint32_t rnd32(void)
{
	return ((uint32_t)rand() << 16) ^ (uint32_t)rand();
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void hexdump(const char *what, const uint8_t *p, size_t len)
{
	size_t i;

	fprintf(stderr, "sctp_inject: %s (%zu bytes): ", what, len);
	for (i = 0; i < len; i++)
		fprintf(stderr, "%02x", p[i]);
	fputc('\n', stderr);
}

/* Paces to opt.rate packets per second */
static void pace(void)
{
	static struct timespec t0;
	struct timespec now, ts;
	double due, el;

	if (!opt.rate)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!sent)
		t0 = now;
	due = (double)sent / opt.rate;
	el = (now.tv_sec - t0.tv_sec) + (now.tv_nsec - t0.tv_nsec) / 1e9;
	if (due > el + 0.001) {
		ts.tv_sec = (time_t)(due - el);
		ts.tv_nsec = (long)((due - el - ts.tv_sec) * 1e9);
		nanosleep(&ts, NULL);
	}
}

/* Sends @len bytes of SCTP (checksum already set) in our own IP header */
static int send_sctp(const uint8_t *sctp, size_t len)
{
	uint8_t buf[20 + MAXPKT];
	struct iphdr *ip = (struct iphdr *)buf;
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr = opt.dst };

	if (len > MAXPKT)
		len = MAXPKT;
	memset(ip, 0, sizeof(*ip));
	ip->version = 4;
	ip->ihl = 5;
	ip->ttl = 64;
	ip->protocol = IPPROTO_SCTP;
	ip->saddr = opt.src.s_addr;
	ip->daddr = opt.dst.s_addr;
	ip->tot_len = htons(20 + len);	/* the kernel fills it in anyway */
	memcpy(buf + 20, sctp, len);
	pace();
	for (;;) {
		if (sendto(sfd, buf, 20 + len, 0, (struct sockaddr *)&to,
			   sizeof(to)) >= 0)
			break;
		if (errno == ENOBUFS || errno == EAGAIN) {
			usleep(1000);
			continue;
		}
		perror("sctp_inject: sendto");
		return -1;
	}
	sent++;
	if (opt.verbose)
		hexdump("sent", sctp, len);
	return 0;
}

static int finish(int rc)
{
	printf("sctp_inject: sent %lu\n", sent);
	return rc;
}

/* ---- packet builders: each appends to b at *len ---- */

struct pkt {
	uint8_t b[MAXPKT + 64];
	size_t len;
};

static void hdr(struct pkt *p, uint16_t sport, uint16_t dport, uint32_t vtag)
{
	memset(p->b, 0, sizeof(p->b));
	put16(p->b, sport);
	put16(p->b + 2, dport);
	put32(p->b + 4, vtag);
	p->len = 12;
}

/* Starts a chunk of @clen bytes (padding added), returns its value */
static uint8_t *chunk(struct pkt *p, uint8_t type, uint8_t flags, size_t clen)
{
	uint8_t *c = p->b + p->len;

	if (p->len + ((clen + 3) & ~3u) > MAXPKT)
		return NULL;
	c[0] = type;
	c[1] = flags;
	put16(c + 2, clen);
	memset(c + 4, 0, clen - 4);
	p->len += (clen + 3) & ~3u;
	return c;
}

/* Grows the last chunk @c by a TLV, returns its value */
static uint8_t *tlv(struct pkt *p, uint8_t *c, uint16_t type, size_t tlen)
{
	size_t clen = get16(c + 2), off = (clen + 3) & ~3u;
	uint8_t *t = c + off;

	if ((size_t)(c - p->b) + off + ((tlen + 3) & ~3u) > MAXPKT)
		return NULL;
	put16(t, type);
	put16(t + 2, tlen);
	memset(t + 4, 0, ((tlen + 3) & ~3u) - 4);
	put16(c + 2, off + tlen);
	p->len = (size_t)(c - p->b) + off + ((tlen + 3) & ~3u);
	return t + 4;
}

static uint8_t *add_init(struct pkt *p, uint8_t type, uint32_t itag,
			 int nunrec)
{
	uint8_t *c = chunk(p, type, 0, 20), *v;
	int i, a;

	if (!c)
		return NULL;
	put32(c + 4, itag);
	put32(c + 8, 106496);		/* a_rwnd */
	put16(c + 12, 10);		/* OS */
	put16(c + 14, 65535);		/* MIS */
	put32(c + 16, rnd32());		/* initial TSN */
	v = tlv(p, c, 12, 6);		/* Supported Address Types: IPv4 */
	if (v)
		put16(v, 5);
	tlv(p, c, 0x8000, 4);		/* ECN capable */
	if (type == 2) {		/* INIT ACK: a (bogus) state cookie */
		v = tlv(p, c, 7, 4 + 32);
		for (i = 0; v && i < 32; i++)
			v[i] = rand();
	}
	/* unrecognised parameters: the 10 and 11 ones first, since 00 and
	 * 01 end the parameter walk
	 */
	for (i = 0; i < nunrec; i++) {
		static const uint16_t act[4] = { 0x8000, 0xc000, 0x4000, 0 };

		for (a = 0; a < 4; a++) {
			v = tlv(p, c, act[a] | (0x3f00 + i * 4 + a), 8);
			if (v)
				put32(v, 0xdeadbeef);
		}
	}
	return c;
}

static void add_data(struct pkt *p, size_t payload)
{
	uint8_t *c = chunk(p, 0, 3, 16 + payload);
	size_t i;

	if (!c)
		return;
	put32(c + 4, rnd32());
	put16(c + 8, 0);
	put16(c + 10, rand());
	put32(c + 12, 0);
	for (i = 0; i < payload; i++)
		c[16 + i] = 'a' + i % 26;
}

static void add_sack(struct pkt *p, unsigned int gaps, unsigned int dups)
{
	uint8_t *c = chunk(p, 3, 0, 16 + 4 * (gaps + dups));
	unsigned int i;

	if (!c)
		return;
	put32(c + 4, rnd32());
	put32(c + 8, 65536);
	put16(c + 12, gaps);
	put16(c + 14, dups);
	for (i = 0; i < gaps; i++) {
		put16(c + 16 + 4 * i, 2 * i + 2);
		put16(c + 18 + 4 * i, 2 * i + 2 + (rand() & 1));
	}
	for (i = 0; i < dups; i++)
		put32(c + 16 + 4 * (gaps + i), rnd32());
}

static void add_heartbeat(struct pkt *p)
{
	uint8_t *c = chunk(p, 4, 0, 4), *v;
	int i;

	if (!c)
		return;
	v = tlv(p, c, 1, 4 + 40);
	for (i = 0; v && i < 40; i++)
		v[i] = rand();
}

static void add_abort(struct pkt *p, uint8_t flags)
{
	uint8_t *c = chunk(p, 6, flags, 4);

	if (c)
		tlv(p, c, 12, 4 + 4);	/* User-Initiated Abort cause */
}

static void add_error(struct pkt *p)
{
	uint8_t *c = chunk(p, 9, 0, 4), *v;

	if (!c)
		return;
	v = tlv(p, c, 1, 8);		/* Invalid Stream Identifier */
	if (v)
		put16(v, 77);
	v = tlv(p, c, 8, 4 + 8);	/* Unrecognized Parameters */
	if (v) {
		put16(v, 0x3f01);
		put16(v + 2, 8);
	}
}

static void add_simple(struct pkt *p, uint8_t type, uint8_t flags,
		       size_t clen)
{
	uint8_t *c = chunk(p, type, flags, clen);
	size_t i;

	for (i = 4; c && i < clen; i++)
		c[i] = rand();
}

static void add_cookie_echo(struct pkt *p)
{
	add_simple(p, 10, 0, 4 + 64 + (rand() % 200));
}

/* ---- malformed kinds: each must raise one drop counter ---- */

struct kind {
	const char *name;
	const char *counter;
	void (*build)(struct pkt *p);
};

static uint16_t sport_now(void)
{
	return opt.sport ? opt.sport : (uint16_t)(1024 + rand() % 60000);
}

static uint32_t vtag_now(void)
{
	return opt.have_vtag ? opt.vtag : (rnd32() | 1);
}

static void k_too_short(struct pkt *p)
{
	hdr(p, sport_now(), opt.dport, vtag_now());
	p->len = 8;
}

static void k_zero_port(struct pkt *p)
{
	hdr(p, 0, opt.dport, vtag_now());
	add_heartbeat(p);
}

static void k_no_chunks(struct pkt *p)
{
	hdr(p, sport_now(), opt.dport, vtag_now());
}

static void k_chunk_too_short(struct pkt *p)
{
	hdr(p, sport_now(), opt.dport, vtag_now());
	add_simple(p, 4, 0, 4);
	put16(p->b + 12 + 2, 2);	/* length 2 < 4 */
}

static void k_chunk_overrun(struct pkt *p)
{
	hdr(p, sport_now(), opt.dport, vtag_now());
	add_heartbeat(p);
	put16(p->b + 12 + 2, 400);	/* past the packet's 60 bytes */
}

static void k_chunk_below_min(struct pkt *p)
{
	hdr(p, sport_now(), opt.dport, vtag_now());
	add_simple(p, 7, 0, 4);		/* SHUTDOWN needs 8 */
}

static void k_chunk_malformed(struct pkt *p)
{
	hdr(p, sport_now(), opt.dport, vtag_now());
	add_sack(p, 4, 0);
	put16(p->b + 12 + 12, 1000);	/* 1000 gap blocks in 16 bytes */
}

static void k_init_bundled(struct pkt *p)
{
	hdr(p, sport_now(), opt.dport, 0);
	add_init(p, 1, rnd32() | 1, 0);
	add_cookie_echo(p);
}

static void k_init_zero_tag(struct pkt *p)
{
	/* an INIT in a packet whose verification tag is not 0 */
	hdr(p, sport_now(), opt.dport, rnd32() | 1);
	add_init(p, 1, rnd32() | 1, 0);
}

static void k_zero_vtag(struct pkt *p)
{
	hdr(p, sport_now(), opt.dport, 0);
	add_heartbeat(p);
}

static void k_param_too_short(struct pkt *p)
{
	uint8_t *c;

	hdr(p, sport_now(), opt.dport, 0);
	c = add_init(p, 1, rnd32() | 1, 0);
	put16(c + 20 + 2, 2);		/* first parameter's length 2 */
}

static void k_param_overrun(struct pkt *p)
{
	uint8_t *c;

	hdr(p, sport_now(), opt.dport, 0);
	c = add_init(p, 1, rnd32() | 1, 0);
	put16(c + 20 + 2, 200);		/* past the chunk's end */
}

static void k_unknown_chunk_discard(struct pkt *p)
{
	hdr(p, sport_now(), opt.dport, vtag_now());
	add_simple(p, 0x3e, 0, 8);	/* action 00, first chunk */
}

static const struct kind kinds[] = {
	{ "too_short", "XsctpDropTooShort", k_too_short },
	{ "zero_port", "XsctpDropZeroPort", k_zero_port },
	{ "no_chunks", "XsctpDropNoChunks", k_no_chunks },
	{ "chunk_too_short", "XsctpDropChunkTooShort", k_chunk_too_short },
	{ "chunk_overrun", "XsctpDropChunkOverrun", k_chunk_overrun },
	{ "chunk_below_min", "XsctpDropChunkBelowMin", k_chunk_below_min },
	{ "chunk_malformed", "XsctpDropChunkMalformed", k_chunk_malformed },
	{ "init_bundled", "XsctpDropInitBundled", k_init_bundled },
	{ "init_zero_tag", "XsctpDropInitZeroTag", k_init_zero_tag },
	{ "zero_vtag", "XsctpDropZeroVtag", k_zero_vtag },
	{ "param_too_short", "XsctpDropParamTooShort", k_param_too_short },
	{ "param_overrun", "XsctpDropParamOverrun", k_param_overrun },
	{ "unknown_chunk_discard", "XsctpDropUnknownChunkDiscard",
	  k_unknown_chunk_discard },
};

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#define NKINDS ARRAY_SIZE(kinds)

/* ---- mutation ---- */

/* A valid packet of template @t */
static void template(struct pkt *p, int t)
{
	uint16_t sp = sport_now();
	uint32_t vt = vtag_now();

	switch (t) {
	case 0:
		hdr(p, sp, opt.dport, 0);
		add_init(p, 1, rnd32() | 1, rand() % 3);
		break;
	case 1:
		hdr(p, sp, opt.dport, vt);
		add_init(p, 2, rnd32() | 1, rand() % 2);
		break;
	case 2:
		hdr(p, sp, opt.dport, vt);
		add_cookie_echo(p);
		if (rand() & 1)
			add_data(p, 1 + rand() % 100);
		break;
	case 3:
		hdr(p, sp, opt.dport, vt);
		add_data(p, 1 + rand() % 300);
		if (rand() & 1)
			add_data(p, 1 + rand() % 300);
		break;
	case 4:
		hdr(p, sp, opt.dport, vt);
		add_sack(p, rand() % 200, rand() % 50);
		break;
	case 5:
		hdr(p, sp, opt.dport, vt);
		add_heartbeat(p);
		break;
	case 6:
		hdr(p, sp, opt.dport, vt);
		add_abort(p, rand() & 1);
		break;
	case 7:
		hdr(p, sp, opt.dport, vt);
		add_simple(p, 7, 0, 8);		/* SHUTDOWN */
		break;
	case 8:
		hdr(p, sp, opt.dport, vt);
		add_error(p);
		break;
	case 9: {
		/* unknown types, one per action class, then a HEARTBEAT */
		static const uint8_t u[4] = { 0x3e, 0x7e, 0xbe, 0xfe };

		hdr(p, sp, opt.dport, vt);
		add_simple(p, u[rand() % 4], rand(), 4 + rand() % 40);
		if (rand() & 1)
			add_simple(p, u[rand() % 4], 0, 8);
		add_heartbeat(p);
		break;
	}
	case 10:
		hdr(p, sp, opt.dport, vt);
		add_simple(p, 8, 0, 4);		/* SHUTDOWN ACK */
		break;
	case 11:
		hdr(p, sp, opt.dport, vt);
		add_simple(p, 14, rand() & 1, 4); /* SHUTDOWN COMPLETE */
		break;
	default: {
		/* a known chunk type with random contents */
		static const uint8_t k[] = { 5, 11, 12, 13, 15, 64, 128, 130,
					     132, 192, 193, 194 };

		hdr(p, sp, opt.dport, vt);
		add_simple(p, k[rand() % sizeof(k)], rand(),
			   4 + rand() % 64);
		break;
	}
	}
}

#define NTEMPLATES 13

/* Offsets of the chunk headers of @p (as far as they parse) */
static int chunk_offsets(const struct pkt *p, size_t *off, int max)
{
	size_t o = 12, l;
	int n = 0;

	while (o + 4 <= p->len && n < max) {
		off[n++] = o;
		l = get16(p->b + o + 2);
		if (l < 4)
			break;
		o += (l + 3) & ~3u;
	}
	return n;
}

static void mutate(struct pkt *p)
{
	size_t off[64], o;
	int n = chunk_offsets(p, off, 64), m, i;
	struct pkt q;

	switch (rand() % 14) {
	case 0:		/* truncate anywhere */
		p->len = rand() % (p->len + 1);
		break;
	case 1:		/* a chunk length too big */
		if (n)
			put16(p->b + off[rand() % n] + 2,
			      get16(p->b + off[rand() % n] + 2) + 1 +
			      rand() % 2000);
		break;
	case 2:		/* a chunk length too small */
		if (n)
			put16(p->b + off[rand() % n] + 2, rand() % 20);
		break;
	case 3:		/* a chunk length odd or off by one */
		if (n) {
			o = off[rand() % n];
			put16(p->b + o + 2, get16(p->b + o + 2) +
			      (rand() & 1 ? 1 : -1));
		}
		break;
	case 4:		/* random bytes anywhere */
		for (i = 1 + rand() % 8; i && p->len; i--)
			p->b[rand() % p->len] = rand();
		break;
	case 5:		/* random bytes in the first 64 of a chunk */
		if (n) {
			o = off[rand() % n];
			for (i = 1 + rand() % 4; i; i--) {
				size_t k = o + rand() % 64;

				if (k < p->len)
					p->b[k] = rand();
			}
		}
		break;
	case 6:		/* bundle: INIT after or before other chunks */
		if (p->len + 64 < MAXPKT) {
			if (rand() & 1) {
				add_init(p, 1, rnd32(), 0);
			} else {
				q = *p;
				hdr(p, get16(q.b), get16(q.b + 2), 0);
				add_init(p, 1, rnd32() | 1, 0);
				if (p->len + q.len - 12 <= MAXPKT) {
					memcpy(p->b + p->len, q.b + 12,
					       q.len - 12);
					p->len += q.len - 12;
				}
			}
		}
		break;
	case 7:		/* bundle more chunks of any template */
		template(&q, rand() % NTEMPLATES);
		if (p->len + q.len - 12 <= MAXPKT) {
			memcpy(p->b + p->len, q.b + 12, q.len - 12);
			p->len += q.len - 12;
		}
		break;
	case 8:		/* vtag 0, odd, all ones */
		m = rand() % 3;
		put32(p->b + 4, m == 0 ? 0 : m == 1 ? rnd32() | 1 :
						     0xffffffffu);
		break;
	case 9:		/* a zero port */
		put16(p->b + (rand() & 1 ? 0 : 2), 0);
		break;
	case 10:	/* counts inside chunks: SACK gaps/dups, params */
		if (n) {
			o = off[rand() % n];
			if (o + 16 <= p->len)
				put16(p->b + o + 12 + 2 * (rand() & 1),
				      rand() % 3 ? 0xffff : rand());
		}
		break;
	case 11:	/* a TLV length inside an INIT-like chunk */
		if (n) {
			o = off[rand() % n] + 20 + 4 * (rand() % 4) + 2;
			if (o + 2 <= p->len)
				put16(p->b + o, rand() % 3 ? rand() % 8 :
							     rand());
		}
		break;
	case 12:	/* junk appended */
		for (i = rand() % 64; i && p->len < MAXPKT; i--)
			p->b[p->len++] = rand();
		break;
	default:	/* chunk type changed */
		if (n)
			p->b[off[rand() % n]] = rand();
		break;
	}
}

/* ---- live: hostile chunks inside an established association ---- */

/*
 * What the injector knows of the association it attacks.  It runs in the
 * client's namespace, where a raw IPPROTO_SCTP socket gets a copy of every
 * SCTP packet arriving there, so it sees the server's side only: the INIT
 * ACK gives the client's port, both tags, the server's first TSN, the
 * stream counts and the State Cookie; the server's SACKs say which client
 * TSNs arrived (every TSN up to live.cum is a duplicate from then on); its
 * DATA chunks bound the TSNs it has sent.
 */
static struct {
	uint16_t cport;
	uint32_t ctag, stag;	/* the client's and the server's tags */
	uint32_t cum;		/* highest Cumulative TSN Ack from the server */
	uint32_t srv_tsn;	/* highest TSN of the server's DATA */
	uint16_t streams;	/* client to server streams: ids below this */
	int have_init_ack, have_sack, destructive, in_window;
	const char *ended;	/* why the association is gone, or NULL */
	char why[64];
	uint8_t init_ack[MAXPKT];
	size_t init_ack_len;
	uint8_t cookie[MAXPKT];
	size_t cookie_len;
	uint8_t hb[MAXPKT];	/* the last Heartbeat Info the server sent */
	size_t hb_len;
	unsigned long seen;
} live;

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get16(p) << 16 | get16(p + 2);
}

/* RFC 9260 s1.3 serial number arithmetic: a is after b */
static int tsn_after(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) > 0;
}

static void learn_init_ack(const uint8_t *c, size_t clen, uint32_t vtag,
			   uint16_t cport)
{
	size_t o = 20, l;
	uint16_t os, mis;

	if (live.have_init_ack || clen < 20 || clen > MAXPKT)
		return;
	live.have_init_ack = 1;
	live.cport = cport;
	live.ctag = vtag;
	live.stag = get32(c + 4);
	os = get16(c + 12);
	mis = get16(c + 14);
	live.streams = os < mis ? os : mis;
	live.srv_tsn = get32(c + 16) - 1;
	memcpy(live.init_ack, c, clen);
	live.init_ack_len = clen;
	for (; o + 4 <= clen; o += (l + 3) & ~3u) {
		l = get16(c + o + 2);
		if (l < 4 || o + l > clen)
			break;
		if (get16(c + o) == 7) {	/* State Cookie */
			memcpy(live.cookie, c + o + 4, l - 4);
			live.cookie_len = l - 4;
		}
	}
}

static void learn_chunk(const uint8_t *c, size_t clen, uint32_t vtag)
{
	int t = c[1] & 1;

	switch (c[0]) {
	case 0:			/* DATA */
		if (clen >= 16 && tsn_after(get32(c + 4), live.srv_tsn))
			live.srv_tsn = get32(c + 4);
		break;
	case 3:			/* SACK */
		if (clen >= 16 && (!live.have_sack ||
				   tsn_after(get32(c + 4), live.cum)))
			live.cum = get32(c + 4);
		live.have_sack = 1;
		break;
	case 4:			/* HEARTBEAT: keep its info to echo */
		if (clen > 8 && clen - 4 <= sizeof(live.hb)) {
			memcpy(live.hb, c + 4, clen - 4);
			live.hb_len = clen - 4;
		}
		break;
	case 6:			/* ABORT, RFC 9260 s8.5.1(B) */
		if (vtag != (t ? live.stag : live.ctag))
			break;
		live.ended = "ABORT from the server";
		if (clen >= 8)
			snprintf(live.why, sizeof(live.why),
				 "ABORT from the server, cause %u length %u",
				 get16(c + 4), get16(c + 6));
		if (clen >= 8)
			live.ended = live.why;
		break;
	case 8:
		live.ended = "SHUTDOWN ACK from the server";
		break;
	case 14:
		live.ended = "SHUTDOWN COMPLETE from the server";
		break;
	}
}

/* One packet from the server; only its association's are looked at */
static void learn(const uint8_t *buf, size_t n)
{
	size_t ihl = (buf[0] & 15) * 4, o, l;
	const uint8_t *s = buf + ihl;
	uint32_t vtag;

	if (n < ihl + 16 || memcmp(buf + 12, &opt.dst, 4) ||
	    get16(s) != opt.dport)
		return;
	n -= ihl;
	vtag = get32(s + 4);
	if (!live.have_init_ack && s[12] == 2 && get16(s + 14) <= n)
		learn_init_ack(s + 12, get16(s + 14), vtag, get16(s + 2));
	if (!live.have_init_ack || get16(s + 2) != live.cport ||
	    (vtag != live.ctag && vtag != live.stag))
		return;
	live.seen++;
	/* veth passes GSO packets whole: walk every chunk */
	for (o = 12; o + 4 <= n; o += (l + 3) & ~3u) {
		l = get16(s + o + 2);
		if (l < 4 || o + l > n)
			break;
		learn_chunk(s + o, l, vtag);
	}
}

/* Reads what has arrived; waits up to @ms for the first packet */
static void drain(int rfd, int ms)
{
	static uint8_t buf[65536];
	struct pollfd pf = { .fd = rfd, .events = POLLIN };
	ssize_t n;

	while (poll(&pf, 1, ms) > 0) {
		n = recv(rfd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n >= 20)
			learn(buf, n);
		ms = 0;
	}
}

/*
 * A TSN near @base (the peer's cumulative TSN or the highest one sent):
 * at or below it (duplicates), 2^20 or more below it, and, if @ahead,
 * 2^20 or more above it or exactly half the serial space away, where
 * "before" and "after" are undefined (RFC 9260 s1.3).  None is a TSN the
 * real peer sends during a test, so a receiver that takes one into its
 * window has a bug.  --in-window adds TSNs just above @base, which a
 * receiver must accept: the data delivered is then wrong, by design.
 */
static uint32_t pick_tsn(uint32_t base, int ahead)
{
	switch (rand() % (!ahead ? 3 : live.in_window ? 6 : 5)) {
	case 0:
		return base - rand() % 16;
	case 1:
		return base - rand() % 0x10000;
	case 2:
		return base - 0x100000 - rnd32() % 0x7fe00000;
	case 3:
		return base + 0x100000 + rnd32() % 0x7fe00000;
	case 4:
		return base + 0x80000000u;
	default:
		return base + 1 + rand() % 64;
	}
}

static uint16_t pick_stream(void)
{
	if (rand() % 4)
		return rand() % (live.streams ? live.streams : 1);
	return rand() & 1 ? 0xffff : live.streams + rand() % 100;
}

static void fill(uint8_t *p, size_t len)
{
	while (len--)
		*p++ = rand();
}

/*
 * RFC 9260 s3.3.1 DATA with random B/E/U/I and reserved flags, stream,
 * SSN, PPID and 1 to 1400 bytes of user data.
 */
static void l_data(struct pkt *p)
{
	size_t len = 1 + rand() % (rand() % 8 ? 300 : 1400);
	uint8_t *c = chunk(p, 0, rand() % 8 ? rand() & 0x0f : rand(),
			   16 + len);

	if (!c)
		return;
	put32(c + 4, pick_tsn(live.cum, 1));
	put16(c + 8, pick_stream());
	put16(c + 10, rand());
	put32(c + 12, rnd32());
	fill(c + 16, len);
}

/*
 * DATA without user data (--destructive): RFC 9260 s6.2 says the
 * receiver MUST answer it with an ABORT, whatever its TSN.
 */
static void l_data_empty(struct pkt *p)
{
	uint8_t *c = chunk(p, 0, 3, 16);

	if (!c)
		return;
	put32(c + 4, pick_tsn(live.cum, 1));
	put16(c + 8, pick_stream());
}

/* Gap Ack Blocks that overlap, run backwards, start at 0, or reach 65535 */
static void gap_block(uint8_t *g, unsigned int i)
{
	uint16_t s, e;

	switch (rand() % 5) {
	case 0:		/* well formed, increasing */
		s = 2 + 4 * i;
		e = s + rand() % 3;
		break;
	case 1:		/* overlaps its neighbours */
		s = 1 + rand() % 8;
		e = s + rand() % 16;
		break;
	case 2:		/* reversed */
		e = 1 + rand() % 100;
		s = e + 1 + rand() % 100;
		break;
	case 3:		/* huge */
		s = rand() % 2 ? 1 : 0xff00 + rand() % 0x100;
		e = 0xffff;
		break;
	default:
		s = rand();
		e = rand();
		break;
	}
	put16(g, s);
	put16(g + 2, e);
}

/*
 * RFC 9260 s3.3.4 SACK for the server's DATA: a Cumulative TSN Ack at or
 * below the highest TSN it sent (or, --destructive, past it, which a
 * server may take for a protocol violation and abort), random gap blocks
 * and duplicate TSNs, and now and then counts that claim more blocks
 * than the chunk holds.
 */
static void l_sack(struct pkt *p)
{
	unsigned int gaps = rand() % 4 ? rand() % 5 : rand() % 100;
	unsigned int dups = rand() % 3 ? rand() % 4 : rand() % 50;
	uint8_t *c = chunk(p, 3, rand() % 8 ? 0 : rand(),
			   16 + 4 * (gaps + dups));
	uint32_t cum;
	unsigned int i;

	if (!c)
		return;
	cum = pick_tsn(live.srv_tsn, 0);
	if (live.destructive && rand() % 4 == 0)
		cum = rand() % 2 ? pick_tsn(live.srv_tsn, 1) :
				   live.srv_tsn + 1 + rand() % 1000;
	put32(c + 4, cum);
	put32(c + 8, rand() % 4 ? rand() % 65536 : 0);	/* a_rwnd */
	put16(c + 12, gaps);
	put16(c + 14, dups);
	for (i = 0; i < gaps; i++)
		gap_block(c + 16 + 4 * i, i);
	for (i = 0; i < dups; i++)
		put32(c + 16 + 4 * (gaps + i), rand() % 2 ?
		      pick_tsn(live.cum, 1) : rnd32());
	if (rand() % 16 == 0)
		put16(c + 12 + 2 * (rand() & 1), rand() % 2 ? 0xffff : rand());
}

/* RFC 9260 s3.3.5: a HEARTBEAT with random info (sometimes none) */
static void l_heartbeat(struct pkt *p)
{
	size_t len = rand() % 200;
	uint8_t *c = chunk(p, 4, rand() % 8 ? 0 : rand(), 4), *v;

	if (!c || rand() % 8 == 0)
		return;
	v = tlv(p, c, rand() % 8 ? 1 : rand(), 4 + len);
	if (v)
		fill(v, len);
}

/*
 * RFC 9260 s3.3.6: a HEARTBEAT ACK echoing the last info the server sent
 * (a late duplicate), that info with a byte changed or cut short, or
 * random info.
 */
static void l_heartbeat_ack(struct pkt *p)
{
	size_t len = live.hb_len;
	uint8_t *c;

	if (!len || rand() % 4 == 0) {
		len = 4 + rand() % 100;
		c = chunk(p, 5, 0, 4 + len);
		if (c) {
			fill(c + 4, len);
			put16(c + 4, 1);
			put16(c + 6, len);
		}
		return;
	}
	if (rand() % 4 == 0)
		len = rand() % len;
	c = chunk(p, 5, 0, 4 + len);
	if (!c)
		return;
	memcpy(c + 4, live.hb, len);
	if (len > 4 && rand() % 2)
		c[4 + 4 + rand() % (len - 4)] ^= 1 << (rand() % 8);
}

/* RFC 9260 s3.3.10: one to four causes, any code, lengths that may lie */
static void l_error(struct pkt *p)
{
	uint8_t *c = chunk(p, 9, 0, 4), *v;
	int i, n = 1 + rand() % 4;
	size_t len;

	for (i = 0; c && i < n; i++) {
		len = rand() % 40;
		v = tlv(p, c, rand() % 4 ? 1 + rand() % 13 : rand(), 4 + len);
		if (!v)
			break;
		fill(v, len);
		if (rand() % 8 == 0)
			put16(v - 2, rand() % 2 ? (size_t)(rand() % 4) : len + 8);
	}
}

/* RFC 9260 s3.3.8 SHUTDOWN (--destructive), any Cumulative TSN Ack */
static void l_shutdown(struct pkt *p)
{
	uint8_t *c = chunk(p, 7, 0, 8);

	if (c)
		put32(c + 4, rand() % 2 ? live.srv_tsn :
				     pick_tsn(live.srv_tsn, 1));
}

/* RFC 3758 s3.2 FORWARD TSN / RFC 8260 s2.3.1 I-FORWARD TSN */
static void l_forward_tsn(struct pkt *p)
{
	int n = rand() % 4, i, idata = rand() % 4 == 0;
	uint8_t *c = chunk(p, idata ? 194 : 192, 0, 8 + (idata ? 8 : 4) * n);

	if (!c)
		return;
	put32(c + 4, pick_tsn(live.cum, 1));
	for (i = 0; i < n; i++)
		fill(c + 8 + (idata ? 8 : 4) * i, idata ? 8 : 4);
}

/*
 * Chunk types the association did not negotiate or nobody defined, one
 * of each action class of RFC 9260 s3.2 (00 stop, 01 stop and report,
 * 10 skip, 11 skip and report), with random flags and contents.
 */
static void l_unknown(struct pkt *p)
{
	static const uint8_t known[] = { 12, 13, 15, 64, 128, 130, 132, 193 };
	size_t len = rand() % 64;
	uint8_t type;
	uint8_t *c;

	switch (rand() % 5) {
	case 0:
		type = 16 + rand() % 48;		/* 00 */
		break;
	case 1:
		type = 65 + rand() % 63;		/* 01 */
		break;
	case 2:
		type = 133 + rand() % 59;		/* 10 */
		break;
	case 3:
		type = 195 + rand() % 61;		/* 11 */
		break;
	default:
		type = known[rand() % sizeof(known)];
		break;
	}
	c = chunk(p, type, rand(), 4 + len);
	if (c)
		fill(c + 4, len);
}

/*
 * RFC 9260 s5.2.2: an INIT from the client's port for the existing
 * association, with the client's own tag (a copy of its INIT) or a new
 * one; the answer carries tie tags and goes to the real client, which
 * must ignore it (s5.2.3).  Now and then the INIT breaks s8.5.1(A) by a
 * verification tag that is not 0.
 */
static void l_init(struct pkt *p)
{
	hdr(p, live.cport, opt.dport, rand() % 8 ? 0 : live.stag);
	add_init(p, 1, rand() % 2 ? live.ctag : rnd32() | 1, rand() % 2);
}

/* A copy of the server's own INIT ACK, sent back to it, maybe spoilt */
static void l_init_ack(struct pkt *p)
{
	uint8_t *c = chunk(p, 2, 0, live.init_ack_len);

	if (!c)
		return;
	memcpy(c, live.init_ack, live.init_ack_len);
	if (rand() % 2)
		c[4 + rand() % (live.init_ack_len - 4)] ^= 1 << (rand() % 8);
}

/*
 * RFC 9260 s5.2.4: the real State Cookie again (case D: both tags match,
 * the answer is a COOKIE ACK the client ignores), or spoilt, cut short
 * or lengthened, which the MAC must catch; maybe bundled with DATA.
 */
static void l_cookie_echo(struct pkt *p)
{
	size_t len = live.cookie_len;
	uint8_t *c;

	switch (rand() % 4) {
	case 0:
		len = rand() % (len + 1);
		break;
	case 1:
		len += 1 + rand() % 16;
		break;
	}
	c = chunk(p, 10, 0, 4 + len);
	if (!c)
		return;
	memcpy(c + 4, live.cookie, len < live.cookie_len ? len : live.cookie_len);
	if (len && rand() % 2)
		c[4 + rand() % len] ^= 1 << (rand() % 8);
}

/*
 * RFC 9260 s8.5.1(B)/(C): ABORT or SHUTDOWN COMPLETE whose T bit does not
 * match the tag: T set with the server's own tag, or T clear with the
 * client's.  Either must be discarded, with whatever precedes it.
 */
static void l_wrong_t(struct pkt *p)
{
	int t = rand() % 2;
	uint8_t *c;

	hdr(p, live.cport, opt.dport, t ? live.stag : live.ctag);
	if (rand() % 4 == 0)
		l_heartbeat(p);
	if (rand() % 2) {
		c = chunk(p, 14, t, 4);
		return;
	}
	c = chunk(p, 6, t, 4);
	if (c && rand() % 2)
		tlv(p, c, 1 + rand() % 13, 8);
}

/* SHUTDOWN ACK and SHUTDOWN COMPLETE with the right tag, out of state */
static void l_shutdown_ack(struct pkt *p)
{
	chunk(p, rand() % 2 ? 8 : 14, 0, 4);
}

/* ECNE and CWR (RFC 9260 appendix A) with any TSN */
static void l_ecn(struct pkt *p)
{
	uint8_t *c = chunk(p, 12 + rand() % 2, 0, 8);

	if (c)
		put32(c + 4, rand() % 2 ? pick_tsn(live.cum, 1) : rnd32());
}

struct live_gen {
	const char *name;
	void (*build)(struct pkt *p);
	unsigned int weight;
	unsigned int first:1;		/* its own header: first chunk only */
	unsigned int destructive:1;	/* only with --destructive */
	unsigned int off:1;		/* left out by --only */
	unsigned long count;
};

#define GEN(n, w, ...) { .name = #n, .build = l_##n, .weight = w, __VA_ARGS__ }

static struct live_gen gens[] = {
	GEN(data, 6), GEN(sack, 6), GEN(heartbeat, 2), GEN(heartbeat_ack, 2),
	GEN(error, 2), GEN(forward_tsn, 2), GEN(unknown, 3), GEN(ecn, 1),
	GEN(init_ack, 1), GEN(cookie_echo, 2), GEN(shutdown_ack, 1),
	GEN(init, 1, .first = 1), GEN(wrong_t, 2, .first = 1),
	GEN(shutdown, 1, .destructive = 1),
	GEN(data_empty, 1, .destructive = 1),
};

static int gen_usable(const struct live_gen *g, int first)
{
	return (first || !g->first) && (live.destructive || !g->destructive) &&
	       !g->off;
}

/* --only NAME,...: the live generators named, no others */
static int gens_only(const char *names)
{
	char buf[256], *tok, *save;
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(gens); i++)
		gens[i].off = 1;
	snprintf(buf, sizeof(buf), "%s", names);
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < ARRAY_SIZE(gens); i++)
			if (!strcmp(tok, gens[i].name))
				break;
		if (i == ARRAY_SIZE(gens)) {
			fprintf(stderr, "sctp_inject: no generator %s\n", tok);
			return -1;
		}
		gens[i].off = 0;
		n++;
	}
	return n ? 0 : -1;
}

static struct live_gen *pick_gen(int first)
{
	unsigned int total = 0, r, i;

	for (i = 0; i < ARRAY_SIZE(gens); i++)
		if (gen_usable(&gens[i], first))
			total += gens[i].weight;
	if (!total)
		return NULL;
	r = rand() % total;
	for (i = 0;; i++) {
		if (!gen_usable(&gens[i], first))
			continue;
		if (r < gens[i].weight)
			return &gens[i];
		r -= gens[i].weight;
	}
}

/* A packet of one to four chunks, the first of any kind */
static void live_packet(struct pkt *p)
{
	struct live_gen *g = pick_gen(1);
	int more = rand() % 3 ? 0 : 1 + rand() % 3;

	hdr(p, live.cport, opt.dport, live.stag);
	if (!g)
		return;		/* --only left nothing that may go first */
	g->build(p);
	g->count++;
	if (g->first)
		return;
	while (more--) {
		g = pick_gen(0);
		if (!g)
			return;
		g->build(p);
		g->count++;
	}
}

static int live_mode(unsigned int seed, unsigned long count)
{
	struct timespec t0, now;
	struct pkt p;
	unsigned long i;
	int rfd = socket(AF_INET, SOCK_RAW, IPPROTO_SCTP);
	/* it gets every SCTP packet of the namespace, the untouched pair's
	 * too: room for what comes while it is not scheduled, or the INIT
	 * ACK it waits for may be the packet dropped
	 */
	int rcvbuf = 16 << 20;
	uint32_t mem[SK_MEMINFO_VARS] = {};
	socklen_t len = sizeof(mem);

	if (rfd < 0) {
		perror("sctp_inject: raw receive socket");
		return 1;
	}
	setsockopt(rfd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf));
	fprintf(stderr, "sctp_inject: live: seed %u, waiting for an INIT ACK from %s port %u\n",
		seed, inet_ntoa(opt.dst), opt.dport);
	srand(seed);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (!live.have_sack && !live.ended) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((now.tv_sec - t0.tv_sec) * 1000 +
		    (now.tv_nsec - t0.tv_nsec) / 1000000 >= opt.wait_ms) {
			getsockopt(rfd, SOL_SOCKET, SO_MEMINFO, mem, &len);
			fprintf(stderr, "sctp_inject: live: no %s within --wait (%u packets dropped by the raw socket)\n",
				live.have_init_ack ? "SACK" : "INIT ACK",
				mem[SK_MEMINFO_DROPS]);
			return 1;
		}
		drain(rfd, 100);
	}
	printf("sctp_inject: live: ports %u -> %u, tags client 0x%08x server 0x%08x, %u streams, cum TSN 0x%08x, server TSN 0x%08x, cookie %zu bytes\n",
	       live.cport, opt.dport, live.ctag, live.stag, live.streams,
	       live.cum, live.srv_tsn, live.cookie_len);
	for (i = 0; i < count && !live.ended; i++) {
		drain(rfd, 0);
		live_packet(&p);
		set_crc(p.b, p.len, 0);
		if (send_sctp(p.b, p.len))
			return finish(1);
	}
	drain(rfd, 0);
	for (i = 0; i < ARRAY_SIZE(gens); i++)
		if (gens[i].count)
			printf("sctp_inject: live: %s %lu\n", gens[i].name,
			       gens[i].count);
	printf("sctp_inject: live: %lu server packets seen, cum TSN 0x%08x, server TSN 0x%08x; %s\n",
	       live.seen, live.cum, live.srv_tsn,
	       live.ended ? live.ended : "association still up");
	return finish(0);
}

/* ---- replies (ootb modes) ---- */

/*
 * Waits up to opt.wait_ms for an SCTP packet from DST:DPORT to our SPORT
 * whose first chunk is @type with the T bit set.
 */
static int await_reply(int rfd, uint8_t type)
{
	struct timespec t0, now;
	uint8_t buf[2048];
	struct pollfd pf = { .fd = rfd, .events = POLLIN };
	long left;
	ssize_t n;
	size_t ihl;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		left = (long)opt.wait_ms - ((now.tv_sec - t0.tv_sec) * 1000 +
					    (now.tv_nsec - t0.tv_nsec) / 1000000);
		if (left <= 0)
			return -1;
		if (poll(&pf, 1, left) <= 0)
			continue;
		n = recv(rfd, buf, sizeof(buf), 0);
		if (n < 20)
			continue;
		ihl = (buf[0] & 15) * 4;
		if ((size_t)n < ihl + 16 ||
		    memcmp(buf + 12, &opt.dst, 4) ||
		    get16(buf + ihl) != opt.dport ||
		    get16(buf + ihl + 2) != opt.sport)
			continue;
		if (opt.verbose)
			hexdump("received", buf + ihl, n - ihl);
		if (buf[ihl + 12] == type && (buf[ihl + 13] & 1) &&
		    !memcmp(buf + ihl + 4, &want_vtag, 4)) {
			printf("sctp_inject: got reply type %u flags 0x%02x "
			       "vtag 0x%08x\n", type, buf[ihl + 13],
			       (unsigned int)get16(buf + ihl + 4) << 16 |
			       get16(buf + ihl + 6));
			return 0;
		}
		fprintf(stderr, "sctp_inject: unexpected reply type %u "
			"flags 0x%02x\n", buf[ihl + 12], buf[ihl + 13]);
	}
}

/* ---- main ---- */

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr,
		"usage: sctp_inject MODE -s SRC -d DST -p DPORT [-P SPORT]\n"
		"  [--rate PPS] [--tag VTAG] [--bad-crc] [--wait MS] [-v]\n"
		"  [--destructive] [--in-window] [--only GEN,...]\n"
		"modes: init [N] | kind NAME COUNT | kinds | mutate SEED COUNT |\n"
		"       flood COUNT | ootb-shutdown-ack | ootb-unknown |\n"
		"       live SEED COUNT\n");
	exit(2);
}

static unsigned long num(const char *s, unsigned long max)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || *end || !*s || v > max) {
		fprintf(stderr, "sctp_inject: bad number %s\n", s);
		usage();
	}
	return v;
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "rate", 1, 0, 'r' }, { "tag", 1, 0, 't' },
		{ "bad-crc", 0, 0, 'b' }, { "wait", 1, 0, 'w' },
		{ "destructive", 0, 0, 'D' }, { "in-window", 0, 0, 'W' },
		{ "only", 1, 0, 'O' }, { 0 }
	};
	unsigned long count = 0, i;
	const char *mode;
	struct pkt p;
	int c, rfd = -1, one = 1;
	unsigned int seed = 1;

	crc_init();
	while ((c = getopt_long(argc, argv, "+s:d:p:P:v", lo, NULL)) != -1) {
		switch (c) {
		case 's':
			if (!inet_aton(optarg, &opt.src))
				usage();
			break;
		case 'd':
			if (!inet_aton(optarg, &opt.dst))
				usage();
			break;
		case 'p':
			opt.dport = num(optarg, 65535);
			break;
		case 'P':
			opt.sport = num(optarg, 65535);
			break;
		case 'r':
			opt.rate = num(optarg, 10000000);
			break;
		case 't':
			opt.vtag = num(optarg, 0xffffffffu);
			opt.have_vtag = 1;
			break;
		case 'b':
			opt.bad_crc = 1;
			break;
		case 'w':
			opt.wait_ms = num(optarg, 600000);
			break;
		case 'v':
			opt.verbose = 1;
			break;
		case 'D':
			live.destructive = 1;
			break;
		case 'W':
			live.in_window = 1;
			break;
		case 'O':
			if (gens_only(optarg))
				usage();
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();
	mode = argv[optind++];
	if (!strcmp(mode, "kinds")) {
		for (i = 0; i < NKINDS; i++)
			printf("%s %s\n", kinds[i].name, kinds[i].counter);
		return 0;
	}
	if (!opt.dst.s_addr || !opt.src.s_addr || !opt.dport)
		usage();
	srand(getpid() ^ time(NULL));
	sfd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	if (sfd < 0) {
		perror("sctp_inject: socket");
		return 1;
	}
	setsockopt(sfd, IPPROTO_IP, IP_HDRINCL, &one, sizeof(one));

	if (!strcmp(mode, "init")) {
		int nunrec = optind < argc ? (int)num(argv[optind], 16) : 0;

		hdr(&p, sport_now(), opt.dport, 0);
		add_init(&p, 1, rnd32() | 1, nunrec);
		set_crc(p.b, p.len, opt.bad_crc);
		return finish(send_sctp(p.b, p.len) ? 1 : 0);
	}
	if (!strcmp(mode, "kind")) {
		const struct kind *k = NULL;

		if (optind + 2 != argc)
			usage();
		for (i = 0; i < NKINDS; i++)
			if (!strcmp(kinds[i].name, argv[optind]))
				k = &kinds[i];
		if (!k) {
			fprintf(stderr, "sctp_inject: unknown kind %s\n",
				argv[optind]);
			return 2;
		}
		count = num(argv[optind + 1], MAXCOUNT);
		for (i = 0; i < count; i++) {
			k->build(&p);
			set_crc(p.b, p.len, opt.bad_crc);
			if (send_sctp(p.b, p.len))
				return finish(1);
		}
		return finish(0);
	}
	if (!strcmp(mode, "mutate")) {
		int m;

		if (optind + 2 != argc)
			usage();
		seed = num(argv[optind], 0xffffffffu);
		count = num(argv[optind + 1], MAXCOUNT);
		srand(seed);
		for (i = 0; i < count; i++) {
			template(&p, rand() % NTEMPLATES);
			for (m = 1 + rand() % 3; m; m--)
				mutate(&p);
			if (p.len > MAXPKT)
				p.len = MAXPKT;
			set_crc(p.b, p.len, opt.bad_crc || rand() % 32 == 0);
			if (send_sctp(p.b, p.len))
				return finish(1);
		}
		return finish(0);
	}
	if (!strcmp(mode, "live")) {
		if (optind + 2 != argc)
			usage();
		return live_mode(num(argv[optind], 0xffffffffu),
				 num(argv[optind + 1], MAXCOUNT));
	}
	if (!strcmp(mode, "flood")) {
		if (optind + 1 != argc)
			usage();
		count = num(argv[optind], MAXCOUNT);
		for (i = 0; i < count; i++) {
			hdr(&p, (uint16_t)(1024 + rnd32() % 64000), opt.dport,
			    0);
			add_init(&p, 1, rnd32() | 1, 0);
			set_crc(p.b, p.len, opt.bad_crc);
			if (send_sctp(p.b, p.len))
				return finish(1);
		}
		return finish(0);
	}
	if (!strcmp(mode, "ootb-shutdown-ack") || !strcmp(mode, "ootb-unknown")) {
		int sa = !strcmp(mode, "ootb-shutdown-ack"), rc;

		if (!opt.sport)
			opt.sport = 1024 + rand() % 60000;
		rfd = socket(AF_INET, SOCK_RAW, IPPROTO_SCTP);
		if (rfd < 0) {
			perror("sctp_inject: raw receive socket");
			return 1;
		}
		hdr(&p, opt.sport, opt.dport, vtag_now());
		memcpy(&want_vtag, p.b + 4, 4);
		if (sa)
			add_simple(&p, 8, 0, 4);
		else
			add_simple(&p, 0x41, 0, 8);
		set_crc(p.b, p.len, opt.bad_crc);
		if (send_sctp(p.b, p.len))
			return finish(1);
		rc = await_reply(rfd, sa ? 14 : 6);
		if (rc)
			fprintf(stderr, "sctp_inject: no %s with T bit in %u ms\n",
				sa ? "SHUTDOWN COMPLETE" : "ABORT",
				opt.wait_ms);
		return finish(rc ? 1 : 0);
	}
	usage();
}
