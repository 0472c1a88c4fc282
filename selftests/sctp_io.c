// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_io: self-checking SCTP traffic.  The client sends messages whose
 * header and payload derive from (seed, conn, stream, seq); the receiver
 * recomputes every byte and checks stream, PPID, SSN, the unordered flag and
 * per-stream order.  Only the socket API and <netinet/sctp.h> are used, so
 * the same binary runs against Linux's sctp.ko and against xsctp.
 *
 *   sctp_io server [-4|-6] [-l ADDR] -p PORT [options]
 *   sctp_io client [-4|-6] -c ADDR -p PORT [options]
 *
 * Sizes (--min/--max) count payload bytes; each message adds a 32-byte
 * header.  Both sides must agree on --seed, --streams and --style; the
 * server's -n is per association; the server ends when all --conns
 * associations have shut down gracefully.  Output: one line, "sctp_io: OK
 * ..." or "sctp_io: FAIL <reason>", and the exit status to match.  The
 * client's --fault spoils one message on purpose, to test the checks.
 */
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/socket.h>

#define MSG_MAGIC	0x7853494fU	/* "xSIO" */
#define HDR_UNORDERED	1U
#define MAX_PAYLOAD	(256 * 1024)
#define HDR_LEN		((int)sizeof(struct msg_hdr))
/* One byte more than the largest message: filling it means two merged. */
#define BUF_LEN		(HDR_LEN + MAX_PAYLOAD + 1)
#define MAX_CONNS	256
#define MAX_SEQ		(1U << 26)
#define BURST		32	/* messages per socket per poll round */
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define READ_MAX	65536	/* reads are 1..READ_MAX bytes, at random */

/* On the wire, big-endian. */
struct msg_hdr {
	uint32_t magic;
	uint16_t conn;
	uint16_t stream;
	uint32_t seq;	/* per stream, counted apart for (un)ordered */
	uint32_t flags;
	uint32_t len;	/* payload bytes after the header */
	uint32_t pad;
	uint64_t hash;	/* of the payload */
};

/* --fault: what to spoil in one message, to show the receiver notices. */
enum {
	F_NONE, F_BYTE, F_HASH, F_PPID, F_STREAM, F_FLAG, F_TRUNC, F_DUP,
	F_SKIP, F_MAX
};
static const char *const fault_names[F_MAX] = {
	"none", "byte", "hash", "ppid", "stream", "flag", "trunc", "dup", "skip",
};

static struct {
	int server, family, one2many, echo, nodelay, verbose, fault;
	const char *addr;
	uint32_t port, msgs, min, max, streams, unordered, conns, timeout;
	uint32_t rto[3], max_retrans;	/* 0: the kernel's defaults */
	uint32_t sndbuf, rcvbuf, seed;
} opt = {
	.family = AF_INET, .msgs = 1000, .min = 1, .max = 1000, .streams = 10,
	.conns = 1, .timeout = 60, .seed = 1,
};

struct stream_rx {
	uint32_t next;		/* next ordered seq */
	uint32_t useen;		/* unordered messages received */
	uint32_t uend;		/* 1 + highest unordered seq received */
	uint32_t ucap;		/* bits in umap */
	uint8_t *umap;
};

struct ep;

struct assoc {
	struct ep *ep;
	sctp_assoc_t id;
	int up, ended, shut;
	int conn;		/* client: ours; server: the peer's, -1 unknown */
	struct sockaddr_storage peer;	/* one-to-one server: who connected */
	struct stream_rx *rx;
	uint64_t rx_msgs;
	/* client side: the message generator */
	uint64_t rng;
	uint32_t sent;
	uint32_t *oseq, *useq;
	uint8_t *tx;		/* next message, built but not yet sent */
	int tx_len;
	uint16_t tx_sid, tx_flags;
	uint32_t tx_ppid;
};

struct ep {
	int fd;
	int listening, connecting;
	struct assoc *a;	/* one-to-one: its association */
	uint8_t *buf;		/* message being received */
	int len;
	int notif;
	struct sctp_rcvinfo info;
	int echo_pending;	/* buf holds a message still to echo */
	int eagains;		/* consecutive EAGAIN sends */
	uint64_t hold_until;	/* ms: no POLLOUT before this */
};

static struct assoc assocs[MAX_CONNS];
static struct ep eps[MAX_CONNS + 1];
static int nassocs, neps, nended;
static uint64_t tot_msgs, tot_bytes, rx_rng, deadline;
static int fault_done;
static uint8_t *used_streams, *scratch;

static void dump_state(void);
static const char *sock_status(int fd, sctp_assoc_t id);

static void __attribute__((format(printf, 1, 2), noreturn)) die(const char *fmt, ...)
{
	va_list ap;

	printf("sctp_io: FAIL ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	exit(1);
}

/* A line on stderr, for the log of the run. */
static void __attribute__((format(printf, 1, 2))) say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "sctp_io: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
}

/* -v: the same, only when asked */
#define vlog(...) do { if (opt.verbose) say(__VA_ARGS__); } while (0)

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (!p)
		die("out of memory");
	return p;
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* splitmix64: the generator for sizes, streams and payload bytes. */
static uint64_t rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t mix(uint64_t x)
{
	return rnd(&x);
}

static uint64_t msg_key(int conn, int stream, int u, uint32_t seq)
{
	uint64_t id = (uint64_t)conn << 48 | (uint64_t)stream << 32 | seq;

	return mix(opt.seed ^ mix(id) ^ (u ? 0x5555555555555555ULL : 0));
}

static uint32_t msg_ppid(uint64_t key)
{
	return (uint32_t)mix(key ^ 1);
}

static void fill_payload(uint8_t *p, int len, uint64_t key)
{
	uint64_t w;
	int i;

	for (i = 0; i < len; i += 8) {
		w = rnd(&key);
		memcpy(p + i, &w, len - i < 8 ? len - i : 8);
	}
}

static uint64_t hash_payload(const uint8_t *p, int len)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)len, w;
	int i;

	for (i = 0; i < len; i += 8) {
		w = 0;
		memcpy(&w, p + i, len - i < 8 ? len - i : 8);
		h = mix(h ^ w);
	}
	return h;
}

/* ---- receive-side checks ---- */

static struct msg_hdr check_header(struct assoc *a, const uint8_t *buf,
				   int len, const struct sctp_rcvinfo *ri)
{
	struct msg_hdr h;

	if (len < HDR_LEN)
		die("assoc %d: %d-byte message, shorter than the header",
		    a->id, len);
	memcpy(&h, buf, HDR_LEN);
	h.magic = be32toh(h.magic);
	h.conn = be16toh(h.conn);
	h.stream = be16toh(h.stream);
	h.seq = be32toh(h.seq);
	h.flags = be32toh(h.flags);
	h.len = be32toh(h.len);
	h.hash = be64toh(h.hash);
	if (h.magic != MSG_MAGIC)
		die("assoc %d: bad magic 0x%08x (len %d, sid %u)", a->id,
		    h.magic, len, ri->rcv_sid);
	if (h.len < 1 || h.len > MAX_PAYLOAD || (int)h.len + HDR_LEN != len)
		die("conn %u stream %u seq %u: %d bytes received, header says %u+%d",
		    h.conn, h.stream, h.seq, len, h.len, HDR_LEN);
	if (h.stream >= opt.streams || h.seq >= MAX_SEQ)
		die("conn %u: stream %u seq %u out of range", h.conn,
		    h.stream, h.seq);
	return h;
}

static void check_conn(struct assoc *a, const struct msg_hdr *h)
{
	int i;

	if (a->conn == h->conn)
		return;
	if (a->conn >= 0)
		die("assoc %d: message of conn %u on the association of conn %d",
		    a->id, h->conn, a->conn);
	for (i = 0; i < nassocs; i++)
		if (assocs[i].conn == h->conn)
			die("conn %u seen on two associations", h->conn);
	a->conn = h->conn;
}

static void check_meta(const struct msg_hdr *h, const struct sctp_rcvinfo *ri,
		       uint64_t key)
{
	int u = !!(h->flags & HDR_UNORDERED);

	if (ri->rcv_sid != h->stream)
		die("conn %u stream %u seq %u: received on stream %u",
		    h->conn, h->stream, h->seq, ri->rcv_sid);
	if (ri->rcv_ppid != msg_ppid(key))
		die("conn %u stream %u seq %u: ppid 0x%08x, want 0x%08x",
		    h->conn, h->stream, h->seq, ri->rcv_ppid, msg_ppid(key));
	if (!!(ri->rcv_flags & SCTP_UNORDERED) != u)
		die("conn %u stream %u seq %u: sent %sordered, rcv_flags 0x%x",
		    h->conn, h->stream, h->seq, u ? "un" : "", ri->rcv_flags);
	if (!u && ri->rcv_ssn != (uint16_t)h->seq)
		die("conn %u stream %u seq %u: ssn %u", h->conn, h->stream,
		    h->seq, ri->rcv_ssn);
}

static void check_payload(const struct msg_hdr *h, const uint8_t *p,
			  uint64_t key)
{
	uint32_t i;

	fill_payload(scratch, h->len, key);
	if (!memcmp(scratch, p, h->len) && hash_payload(p, h->len) == h->hash)
		return;
	for (i = 0; i < h->len && scratch[i] == p[i]; i++)
		;
	if (i == h->len)
		die("conn %u stream %u seq %u: header hash mismatch",
		    h->conn, h->stream, h->seq);
	die("conn %u stream %u seq %u len %u: payload differs at byte %u (0x%02x, want 0x%02x)",
	    h->conn, h->stream, h->seq, h->len, i, p[i], scratch[i]);
}

static void mark_unordered(struct stream_rx *s, const struct msg_hdr *h)
{
	uint32_t cap = s->ucap, seq = h->seq;

	if (seq >= cap) {
		while (cap <= seq)
			cap = cap ? cap * 2 : 1024;
		s->umap = realloc(s->umap, cap / 8);
		if (!s->umap)
			die("out of memory");
		memset(s->umap + s->ucap / 8, 0, (cap - s->ucap) / 8);
		s->ucap = cap;
	}
	if (s->umap[seq / 8] & (1 << (seq % 8)))
		die("conn %u stream %u: unordered seq %u received twice",
		    h->conn, h->stream, seq);
	s->umap[seq / 8] |= 1 << (seq % 8);
	s->useen++;
	if (seq + 1 > s->uend)
		s->uend = seq + 1;
}

static void check_order(struct assoc *a, const struct msg_hdr *h)
{
	struct stream_rx *s = &a->rx[h->stream];

	if (h->flags & HDR_UNORDERED) {
		mark_unordered(s, h);
		return;
	}
	if (h->seq < s->next)
		die("conn %u stream %u: ordered seq %u again (next is %u)",
		    h->conn, h->stream, h->seq, s->next);
	if (h->seq > s->next)
		die("conn %u stream %u: ordered seq %u before %u",
		    h->conn, h->stream, h->seq, s->next);
	s->next++;
}

static void check_msg(struct assoc *a, const uint8_t *buf, int len,
		      const struct sctp_rcvinfo *ri)
{
	struct msg_hdr h = check_header(a, buf, len, ri);
	uint64_t key = msg_key(h.conn, h.stream, h.flags & HDR_UNORDERED, h.seq);

	check_conn(a, &h);
	check_meta(&h, ri, key);
	check_payload(&h, buf + HDR_LEN, key);
	check_order(a, &h);
	a->rx_msgs++;
	used_streams[h.stream] = 1;
}

/* At the end of an association: nothing missing. */
static void check_complete(struct assoc *a)
{
	struct stream_rx *s;
	uint32_t i;

	for (i = 0; i < opt.streams; i++) {
		s = &a->rx[i];
		if (s->useen != s->uend)
			die("conn %d stream %u: %u unordered messages missing below seq %u",
			    a->conn, i, s->uend - s->useen, s->uend);
	}
	if (opt.msgs && a->rx_msgs != opt.msgs)
		die("conn %d: %llu messages received, want %u", a->conn,
		    (unsigned long long)a->rx_msgs, opt.msgs);
}

/* ---- sockets ---- */

static void set_opt(int fd, int level, int name, const void *val,
		    socklen_t len, const char *what)
{
	if (setsockopt(fd, level, name, val, len))
		die("setsockopt %s: %s", what, strerror(errno));
}

/* --rto and --max-retrans: bounds the stalls of a very lossy link. */
static void timer_setup(int fd)
{
	struct sctp_rtoinfo ri = {
		.srto_initial = opt.rto[0], .srto_min = opt.rto[1],
		.srto_max = opt.rto[2],
	};
	struct sctp_assocparams ap = { .sasoc_asocmaxrxt = opt.max_retrans };

	if (opt.rto[0])
		set_opt(fd, IPPROTO_SCTP, SCTP_RTOINFO, &ri, sizeof(ri),
			"SCTP_RTOINFO");
	if (opt.max_retrans)
		set_opt(fd, IPPROTO_SCTP, SCTP_ASSOCINFO, &ap, sizeof(ap),
			"SCTP_ASSOCINFO");
}

static void sock_setup(int fd)
{
	struct sctp_initmsg im = {
		.sinit_num_ostreams = opt.streams,
		.sinit_max_instreams = opt.streams,
	};
	struct sctp_event ev = { .se_type = SCTP_ASSOC_CHANGE, .se_on = 1 };
	int on = 1;

	im.sinit_max_attempts = opt.max_retrans;
	im.sinit_max_init_timeo = opt.rto[2];
	set_opt(fd, IPPROTO_SCTP, SCTP_INITMSG, &im, sizeof(im), "SCTP_INITMSG");
	set_opt(fd, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof(ev), "SCTP_EVENT");
	set_opt(fd, IPPROTO_SCTP, SCTP_RECVRCVINFO, &on, sizeof(on),
		"SCTP_RECVRCVINFO");
	if (opt.nodelay)
		set_opt(fd, IPPROTO_SCTP, SCTP_NODELAY, &on, sizeof(on),
			"SCTP_NODELAY");
	timer_setup(fd);
	if (opt.sndbuf)
		set_opt(fd, SOL_SOCKET, SO_SNDBUF, &opt.sndbuf, sizeof(int),
			"SO_SNDBUF");
	if (opt.rcvbuf)
		set_opt(fd, SOL_SOCKET, SO_RCVBUF, &opt.rcvbuf, sizeof(int),
			"SO_RCVBUF");
}

static socklen_t make_addr(struct sockaddr_storage *ss, const char *addr)
{
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	void *dst = opt.family == AF_INET ? (void *)&s4->sin_addr :
					    (void *)&s6->sin6_addr;

	memset(ss, 0, sizeof(*ss));
	ss->ss_family = opt.family;
	if (addr && inet_pton(opt.family, addr, dst) != 1)
		die("bad address %s", addr);
	if (opt.family == AF_INET) {
		s4->sin_port = htons(opt.port);
		return sizeof(*s4);
	}
	s6->sin6_port = htons(opt.port);
	return sizeof(*s6);
}

static int new_socket(void)
{
	int fd = socket(opt.family,
			opt.one2many ? SOCK_SEQPACKET : SOCK_STREAM,
			IPPROTO_SCTP);

	if (fd < 0)
		die("socket: %s", strerror(errno));
	if (fcntl(fd, F_SETFL, O_NONBLOCK))
		die("fcntl: %s", strerror(errno));
	sock_setup(fd);
	return fd;
}

static struct ep *ep_new(int fd)
{
	struct ep *e = &eps[neps++];

	e->fd = fd;
	e->buf = xcalloc(1, BUF_LEN);
	return e;
}

static struct assoc *assoc_new(struct ep *e, int conn)
{
	struct assoc *a;

	if (nassocs >= (int)opt.conns)
		die("more than %u associations", opt.conns);
	a = &assocs[nassocs++];
	a->ep = e;
	a->conn = conn;
	a->rx = xcalloc(opt.streams, sizeof(*a->rx));
	return a;
}

static struct assoc *assoc_find(struct ep *e, sctp_assoc_t id)
{
	int i;

	if (e->a)
		return e->a;
	for (i = 0; i < nassocs; i++)
		if (assocs[i].ep == e && assocs[i].id == id && assocs[i].up)
			return &assocs[i];
	return NULL;
}

static void ep_close(struct ep *e)
{
	if (e->fd >= 0)
		close(e->fd);
	e->fd = -1;
}

/* Returns 1 when sent, 0 on EAGAIN. */
static int send_msg(struct ep *e, sctp_assoc_t id, const void *buf, int len,
		    uint16_t sid, uint16_t flags, uint32_t ppid)
{
	char cbuf[CMSG_SPACE(sizeof(struct sctp_sndinfo))] = { 0 };
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr mh = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
	struct sctp_sndinfo si = {
		.snd_sid = sid, .snd_flags = flags, .snd_ppid = ppid,
		.snd_assoc_id = id,
	};
	ssize_t n;

	c->cmsg_level = IPPROTO_SCTP;
	c->cmsg_type = SCTP_SNDINFO;
	c->cmsg_len = CMSG_LEN(sizeof(si));
	memcpy(CMSG_DATA(c), &si, sizeof(si));
	n = sendmsg(e->fd, &mh, MSG_NOSIGNAL);
	if (n == len) {
		e->eagains = 0;
		return 1;
	}
	if (n >= 0)
		die("sendmsg sent %zd of %d bytes", n, len);
	if (errno != EAGAIN && errno != EWOULDBLOCK)
		die("sendmsg (%d bytes, sid %u): %s", len, sid, strerror(errno));
	/* POLLOUT said writable and the send still failed: do not spin. */
	if (++e->eagains > 1)
		e->hold_until = now_ms() + 2;
	return 0;
}

/* ---- client: generating and sending ---- */

static void build_next(struct assoc *a)
{
	uint32_t sid = rnd(&a->rng) % opt.streams;
	int u = rnd(&a->rng) % 100 < opt.unordered;
	uint32_t len = opt.min + rnd(&a->rng) % (opt.max - opt.min + 1);
	uint32_t seq = u ? a->useq[sid]++ : a->oseq[sid]++;
	uint64_t key = msg_key(a->conn, sid, u, seq);
	struct msg_hdr h = {
		.magic = htobe32(MSG_MAGIC), .conn = htobe16(a->conn),
		.stream = htobe16(sid), .seq = htobe32(seq),
		.flags = htobe32(u ? HDR_UNORDERED : 0), .len = htobe32(len),
	};

	fill_payload(a->tx + HDR_LEN, len, key);
	h.hash = htobe64(hash_payload(a->tx + HDR_LEN, len));
	memcpy(a->tx, &h, HDR_LEN);
	a->tx_len = HDR_LEN + len;
	a->tx_sid = sid;
	a->tx_flags = u ? SCTP_UNORDERED : 0;
	a->tx_ppid = msg_ppid(key);
}

/* All sent and, with --echo, all echoed: time to close. */
static int shutdown_due(const struct assoc *a)
{
	return a->up && !a->shut && a->sent == opt.msgs &&
	       (!opt.echo || a->rx_msgs == opt.msgs);
}

static void client_shutdown(struct assoc *a)
{
	if (!shutdown_due(a))
		return;
	if (opt.one2many) {
		if (!send_msg(a->ep, a->id, NULL, 0, 0, SCTP_EOF, 0))
			return;
	} else if (shutdown(a->ep->fd, SHUT_WR)) {
		die("shutdown: %s", strerror(errno));
	}
	vlog("conn %d: all sent, shutting down", a->conn);
	a->shut = 1;
}

/* The message --fault spoils: the middle one of conn 0. */
static int fault_due(const struct assoc *a)
{
	return opt.fault && !fault_done && a->conn == 0 &&
	       a->sent == opt.msgs / 2;
}

/* Spoils the message just built; F_DUP acts once it has been sent. */
static void spoil(struct assoc *a)
{
	switch (opt.fault) {
	case F_BYTE:
		a->tx[a->tx_len - 1] ^= 0x10;
		break;
	case F_HASH:
		a->tx[HDR_LEN - 1] ^= 1;
		break;
	case F_PPID:
		a->tx_ppid ^= 1;
		break;
	case F_STREAM:
		a->tx_sid = (a->tx_sid + 1) % opt.streams;
		break;
	case F_FLAG:
		a->tx_flags ^= SCTP_UNORDERED;
		break;
	case F_TRUNC:
		a->tx_len--;
		break;
	case F_SKIP:
		a->tx_len = 0;
		a->sent++;
		break;
	case F_DUP:
		return;
	}
	vlog("spoiled a message (--fault %s)", fault_names[opt.fault]);
	fault_done = 1;
}

static void client_send(struct assoc *a)
{
	int i;

	for (i = 0; i < BURST && a->up && a->sent < opt.msgs; i++) {
		if (!a->tx_len)
			build_next(a);
		if (fault_due(a))
			spoil(a);
		if (!a->tx_len)
			continue;
		if (!send_msg(a->ep, a->id, a->tx, a->tx_len, a->tx_sid,
			      a->tx_flags, a->tx_ppid))
			return;
		tot_msgs++;
		tot_bytes += a->tx_len;
		used_streams[a->tx_sid] = 1;
		if (fault_due(a) && opt.fault == F_DUP) {
			fault_done = 1;	/* and send it again */
			continue;
		}
		a->tx_len = 0;
		a->sent++;
	}
	client_shutdown(a);
}

static void client_open(int conn)
{
	struct sockaddr_storage ss;
	socklen_t len = make_addr(&ss, opt.addr);
	struct ep *e = ep_new(new_socket());
	struct assoc *a = assoc_new(e, conn);

	a->rng = mix(opt.seed ^ mix(conn + 1));
	a->oseq = xcalloc(opt.streams, sizeof(*a->oseq));
	a->useq = xcalloc(opt.streams, sizeof(*a->useq));
	a->tx = xcalloc(1, BUF_LEN);
	e->a = a;
	if (connect(e->fd, (struct sockaddr *)&ss, len) == 0)
		return;
	if (errno != EINPROGRESS)
		die("connect: %s", strerror(errno));
	e->connecting = !opt.one2many;
}

static void connect_done(struct ep *e)
{
	int err = 0;
	socklen_t len = sizeof(err);

	if (getsockopt(e->fd, SOL_SOCKET, SO_ERROR, &err, &len))
		die("getsockopt SO_ERROR: %s", strerror(errno));
	if (err)
		die("connect: %s", strerror(err));
	e->connecting = 0;
}

/* ---- associations coming and going ---- */

static void assoc_up(struct ep *e, const struct sctp_assoc_change *sac)
{
	struct assoc *a = e->a;

	if (!a && opt.server)
		a = assoc_new(e, -1);
	if (!a || a->up)
		die("COMM_UP for assoc %d: unexpected", sac->sac_assoc_id);
	if (sac->sac_outbound_streams < opt.streams ||
	    sac->sac_inbound_streams < opt.streams)
		die("assoc %d: %u out / %u in streams, want %u",
		    sac->sac_assoc_id, sac->sac_outbound_streams,
		    sac->sac_inbound_streams, opt.streams);
	a->id = sac->sac_assoc_id;
	a->up = 1;
	vlog("assoc %d up", a->id);
	if (!opt.server)
		client_send(a);
}

static void assoc_end(struct assoc *a)
{
	if (a->ended)
		return;
	if (!opt.server && !a->shut)
		die("conn %d: peer closed the association after %u of %u messages",
		    a->conn, a->sent, opt.msgs);
	if (opt.server || opt.echo)
		check_complete(a);
	a->ended = 1;
	nended++;
	vlog("assoc %d (conn %d) ended", a->id, a->conn);
	if (a->ep->a)
		ep_close(a->ep);
}

static const char *sac_state_name(int state)
{
	switch (state) {
	case SCTP_COMM_LOST:
		return "COMM_LOST";
	case SCTP_RESTART:
		return "RESTART";
	case SCTP_CANT_STR_ASSOC:
		return "CANT_STR_ASSOC";
	}
	return "unknown state";
}

static void on_notification(struct ep *e)
{
	const union sctp_notification *sn = (const void *)e->buf;
	const struct sctp_assoc_change *sac = &sn->sn_assoc_change;
	struct assoc *a;

	if (e->len < (int)sizeof(*sac) ||
	    sn->sn_header.sn_type != SCTP_ASSOC_CHANGE)
		return;
	if (sac->sac_state == SCTP_COMM_UP) {
		assoc_up(e, sac);
		return;
	}
	a = assoc_find(e, sac->sac_assoc_id);
	if (sac->sac_state == SCTP_SHUTDOWN_COMP && a) {
		assoc_end(a);
		return;
	}
	die("assoc %d: %s (error %u) after %llu messages", sac->sac_assoc_id,
	    sac_state_name(sac->sac_state), sac->sac_error,
	    (unsigned long long)tot_msgs);
}

/* ---- receiving ---- */

static void try_echo(struct ep *e)
{
	if (!send_msg(e, e->info.rcv_assoc_id, e->buf, e->len,
		      e->info.rcv_sid, e->info.rcv_flags & SCTP_UNORDERED,
		      e->info.rcv_ppid))
		return;
	e->echo_pending = 0;
	e->len = 0;
}

static void deliver(struct ep *e)
{
	struct assoc *a;

	if (e->notif) {
		on_notification(e);
		e->len = 0;
		return;
	}
	a = assoc_find(e, e->info.rcv_assoc_id);
	if (!a || !a->up)
		die("data for assoc %d before its COMM_UP", e->info.rcv_assoc_id);
	check_msg(a, e->buf, e->len, &e->info);
	if (opt.server) {
		tot_msgs++;
		tot_bytes += e->len;
	}
	if (opt.server && opt.echo) {
		e->echo_pending = 1;
		try_echo(e);
		return;
	}
	e->len = 0;
	if (!opt.server)
		client_shutdown(a);
}

static const struct sctp_rcvinfo *find_rcvinfo(struct msghdr *mh)
{
	struct cmsghdr *c;

	for (c = CMSG_FIRSTHDR(mh); c; c = CMSG_NXTHDR(mh, c))
		if (c->cmsg_level == IPPROTO_SCTP &&
		    c->cmsg_type == SCTP_RCVINFO)
			return (const void *)CMSG_DATA(c);
	return NULL;
}

/* A piece of a message: the first sets what the rest must match. */
static void take_piece(struct ep *e, struct msghdr *mh, int n)
{
	const struct sctp_rcvinfo *ri = find_rcvinfo(mh);
	int notif = !!(mh->msg_flags & MSG_NOTIFICATION);

	if (mh->msg_flags & MSG_CTRUNC)
		die("control data truncated");
	if (e->len && notif != e->notif)
		die("notification and data merged in one message");
	e->notif = notif;
	if (!notif && !ri)
		die("data without SCTP_RCVINFO");
	if (!notif && e->len && (ri->rcv_assoc_id != e->info.rcv_assoc_id ||
				 ri->rcv_sid != e->info.rcv_sid ||
				 ri->rcv_ppid != e->info.rcv_ppid))
		die("message continued with assoc %d sid %u (began with assoc %d sid %u)",
		    ri->rcv_assoc_id, ri->rcv_sid, e->info.rcv_assoc_id,
		    e->info.rcv_sid);
	if (!notif && !e->len)
		e->info = *ri;
	e->len += n;
}

static void ep_eof(struct ep *e)
{
	if (opt.one2many)
		die("recvmsg returned 0 on a one-to-many socket");
	if (e->len)
		die("end of stream inside a message (%d bytes in)", e->len);
	if (!e->a->up)
		die("end of stream before COMM_UP");
	assoc_end(e->a);
	ep_close(e);
}

/* One recvmsg.  Returns 0 when nothing more can be read now. */
static int read_piece(struct ep *e)
{
	char cbuf[CMSG_SPACE(sizeof(struct sctp_rcvinfo))];
	int room = BUF_LEN - e->len, want = 1 + rnd(&rx_rng) % READ_MAX;
	struct iovec iov = {
		.iov_base = e->buf + e->len,
		.iov_len = room < want ? room : want,
	};
	struct msghdr mh = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	ssize_t n = recvmsg(e->fd, &mh, 0);

	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return 0;
	if (n < 0)
		die("recvmsg: %s after %llu messages", strerror(errno),
		    (unsigned long long)tot_msgs);
	if (n == 0) {
		ep_eof(e);
		return 0;
	}
	take_piece(e, &mh, n);
	if (mh.msg_flags & MSG_EOR)
		deliver(e);
	else if (e->len >= BUF_LEN)
		die("no MSG_EOR after %d bytes: messages merged?", e->len);
	return 1;
}

static int finished(void)
{
	return nended == (int)opt.conns;
}

/*
 * Once every association has ended, what follows is none of ours: a
 * State Cookie replayed after the end (sctp_inject live) may even make a
 * new association, as a valid cookie must (RFC 9260 s5.1.5).
 */
static void ep_read(struct ep *e)
{
	int i;

	for (i = 0; i < 4 * BURST && e->fd >= 0 && !e->echo_pending &&
	     !finished(); i++)
		if (!read_piece(e))
			break;
}

/* The same transport address (address and port)? */
static int same_peer(const struct sockaddr_storage *a,
		     const struct sockaddr_storage *b)
{
	const struct sockaddr_in *a4 = (const void *)a, *b4 = (const void *)b;
	const struct sockaddr_in6 *a6 = (const void *)a, *b6 = (const void *)b;

	if (a->ss_family != b->ss_family)
		return 0;
	if (a->ss_family == AF_INET)
		return a4->sin_port == b4->sin_port &&
		       a4->sin_addr.s_addr == b4->sin_addr.s_addr;
	return a6->sin6_port == b6->sin6_port &&
	       !memcmp(&a6->sin6_addr, &b6->sin6_addr, sizeof(a6->sin6_addr));
}

/* Has one of our associations come from @peer already? */
static int peer_seen(const struct sockaddr_storage *peer)
{
	int i;

	for (i = 0; i < nassocs; i++)
		if (same_peer(&assocs[i].peer, peer))
			return 1;
	return 0;
}

static void accept_all(struct ep *l)
{
	struct sockaddr_storage peer;
	socklen_t len;
	struct ep *e;
	int fd;

	for (;;) {
		len = sizeof(peer);
		memset(&peer, 0, sizeof(peer));
		fd = accept4(l->fd, (struct sockaddr *)&peer, &len,
			     SOCK_NONBLOCK);
		if (fd < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (fd < 0)
			die("accept: %s", strerror(errno));
		if (peer_seen(&peer)) {
			/*
			 * RFC 9260 s5.1.5: a State Cookie replayed after its
			 * association ended (or was aborted) makes a new one,
			 * as it must while the cookie lives (hostile.sh's
			 * injector replays it).  Each client connection has
			 * a port of its own, so a second association from
			 * the same one is no connection too many of the
			 * stack's doing.
			 */
			say("a second association from a peer (a replayed State Cookie?): %s",
			    sock_status(fd, 0));
			close(fd);
			continue;
		}
		if (nassocs >= (int)opt.conns) {
			/* which one came too many, and what the others are */
			dump_state();
			say("accepted: %s", sock_status(fd, 0));
		}
		e = ep_new(fd);
		e->a = assoc_new(e, -1);
		e->a->peer = peer;
		ep_read(e);
	}
}

static void server_open(void)
{
	struct sockaddr_storage ss;
	socklen_t len = make_addr(&ss, opt.addr);
	int fd = new_socket(), on = 1;
	struct ep *e;

	set_opt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on), "SO_REUSEADDR");
	if (bind(fd, (struct sockaddr *)&ss, len))
		die("bind: %s", strerror(errno));
	if (listen(fd, MAX_CONNS))
		die("listen: %s", strerror(errno));
	e = ep_new(fd);
	e->listening = !opt.one2many;
	fprintf(stderr, "sctp_io: listening on %s port %u\n",
		opt.addr ? opt.addr : "any", opt.port);
}

/* ---- the loop ---- */

static short ep_events(struct ep *e, uint64_t now)
{
	struct assoc *a = e->a;
	short ev = e->echo_pending ? 0 : POLLIN;
	int out = e->echo_pending;

	if (e->listening)
		return POLLIN;
	if (e->connecting)
		return POLLOUT;
	if (!opt.server && a->up && (a->sent < opt.msgs || shutdown_due(a)))
		out = 1;
	if (out && now >= e->hold_until)
		ev |= POLLOUT;
	return ev;
}

static void ep_event(struct ep *e, short revents)
{
	if (e->listening) {
		accept_all(e);
		return;
	}
	if (e->connecting) {
		connect_done(e);
		return;
	}
	if (revents & POLLOUT && e->echo_pending)
		try_echo(e);
	else if (revents & POLLOUT && !opt.server)
		client_send(e->a);
	if (e->fd >= 0 && (revents & ~POLLOUT))
		ep_read(e);
}

/* An association's state, window and primary peer, for the log. */
static const char *sock_status(int fd, sctp_assoc_t id)
{
	static char out[160];
	struct sctp_status st = { .sstat_assoc_id = id };
	struct sockaddr_in *a = (void *)&st.sstat_primary.spinfo_address;
	socklen_t len = sizeof(st);
	char ip[INET6_ADDRSTRLEN] = "?";

	if (getsockopt(fd, IPPROTO_SCTP, SCTP_STATUS, &st, &len))
		return strerror(errno);
	if (a->sin_family == AF_INET)
		inet_ntop(AF_INET, &a->sin_addr, ip, sizeof(ip));
	snprintf(out, sizeof(out),
		 "state %d rwnd %u unacked %u pending %u peer %s:%u",
		 st.sstat_state, st.sstat_rwnd, st.sstat_unackdata,
		 st.sstat_penddata, ip, ntohs(a->sin_port));
	return out;
}

/*
 * What each socket and association was doing when time ran out, so that
 * a hang seen once in CI says where it stood.
 */
static void dump_state(void)
{
	int i;

	for (i = 0; i < neps; i++)
		say("ep %d: fd %d echo_pending %d len %d eagains %d",
		     i, eps[i].fd, eps[i].echo_pending, eps[i].len,
		     eps[i].eagains);
	for (i = 0; i < nassocs; i++)
		say("assoc %d conn %d: up %d ended %d shut %d sent %u rx %llu; %s",
		     assocs[i].id, assocs[i].conn, assocs[i].up,
		     assocs[i].ended, assocs[i].shut, assocs[i].sent,
		     (unsigned long long)assocs[i].rx_msgs,
		     sock_status(assocs[i].ep->fd, assocs[i].id));
}

static int poll_wait(uint64_t now)
{
	uint64_t wait = 1000;
	int i;

	if (now >= deadline)
		dump_state();
	if (now >= deadline)
		die("timeout after %us: %llu messages, %d of %u associations ended%s",
		    opt.timeout, (unsigned long long)tot_msgs, nended, opt.conns,
		    tot_msgs == (uint64_t)opt.msgs * opt.conns ?
		    " (all data through; stuck in shutdown)" : "");
	if (deadline - now < wait)
		wait = deadline - now;
	for (i = 0; i < neps; i++)
		if (eps[i].fd >= 0 && eps[i].hold_until > now &&
		    eps[i].hold_until - now < wait)
			wait = eps[i].hold_until - now;
	return (int)wait;
}

static void run(void)
{
	struct pollfd pfd[MAX_CONNS + 1];
	struct ep *which[MAX_CONNS + 1];
	uint64_t now;
	int i, n;

	while (!finished()) {
		now = now_ms();
		for (i = 0, n = 0; i < neps; i++) {
			if (eps[i].fd < 0)
				continue;
			pfd[n] = (struct pollfd){ eps[i].fd, ep_events(&eps[i], now), 0 };
			which[n++] = &eps[i];
		}
		if (poll(pfd, n, poll_wait(now)) < 0 && errno != EINTR)
			die("poll: %s", strerror(errno));
		for (i = 0; i < n; i++)
			if (pfd[i].revents && which[i]->fd >= 0)
				ep_event(which[i], pfd[i].revents);
	}
}

/* ---- options ---- */

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr,
		"usage: sctp_io server|client [-4|-6] [-l ADDR | -c ADDR] -p PORT\n"
		"  [-n MSGS] [--min B] [--max B] [--seed N] [--streams N]\n"
		"  [--unordered PCT] [--style stream|seqpacket] [--nodelay]\n"
		"  [--sndbuf B] [--rcvbuf B] [--timeout SEC] [--echo] [--conns K] [-v]\n"
		"  [--rto INITIAL:MIN:MAX] [--max-retrans N]\n"
		"  [--fault byte|hash|ppid|stream|flag|trunc|dup|skip]\n");
	exit(2);
}

static uint32_t num(const char *s, uint32_t lo, uint32_t hi, const char *what)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 0);

	if (*s == '-' || *end || v < lo || v > hi) {
		fprintf(stderr, "sctp_io: %s must be %u..%u\n", what, lo, hi);
		usage();
	}
	return v;
}

enum {
	O_MIN = 256, O_MAX, O_SEED, O_STREAMS, O_UNORD, O_STYLE, O_NODELAY,
	O_SNDBUF, O_RCVBUF, O_TIMEOUT, O_ECHO, O_CONNS, O_FAULT, O_RTO,
	O_MAXRXT
};

static const struct option longopts[] = {
	{ "min", 1, 0, O_MIN }, { "max", 1, 0, O_MAX },
	{ "seed", 1, 0, O_SEED }, { "streams", 1, 0, O_STREAMS },
	{ "unordered", 1, 0, O_UNORD }, { "style", 1, 0, O_STYLE },
	{ "nodelay", 0, 0, O_NODELAY }, { "sndbuf", 1, 0, O_SNDBUF },
	{ "rcvbuf", 1, 0, O_RCVBUF }, { "timeout", 1, 0, O_TIMEOUT },
	{ "echo", 0, 0, O_ECHO }, { "conns", 1, 0, O_CONNS },
	{ "fault", 1, 0, O_FAULT }, { "rto", 1, 0, O_RTO },
	{ "max-retrans", 1, 0, O_MAXRXT },
	{ "verbose", 0, 0, 'v' }, { 0, 0, 0, 0 },
};

static const struct {
	int key;
	const char *name;
	uint32_t lo, hi;
	uint32_t *dst;
} num_opts[] = {
	{ 'p', "-p", 1, 65535, &opt.port },
	{ 'n', "-n", 0, MAX_SEQ, &opt.msgs },
	{ O_MIN, "--min", 1, MAX_PAYLOAD, &opt.min },
	{ O_MAX, "--max", 1, MAX_PAYLOAD, &opt.max },
	{ O_SEED, "--seed", 0, UINT32_MAX, &opt.seed },
	{ O_STREAMS, "--streams", 1, 65535, &opt.streams },
	{ O_UNORD, "--unordered", 0, 100, &opt.unordered },
	{ O_SNDBUF, "--sndbuf", 1, INT32_MAX / 2, &opt.sndbuf },
	{ O_RCVBUF, "--rcvbuf", 1, INT32_MAX / 2, &opt.rcvbuf },
	{ O_TIMEOUT, "--timeout", 1, 86400, &opt.timeout },
	{ O_CONNS, "--conns", 1, MAX_CONNS, &opt.conns },
	{ O_MAXRXT, "--max-retrans", 1, 65535, &opt.max_retrans },
};

static const struct {
	int key;
	int *dst;
	int val;
} flag_opts[] = {
	{ '4', &opt.family, AF_INET }, { '6', &opt.family, AF_INET6 },
	{ 'v', &opt.verbose, 1 }, { O_NODELAY, &opt.nodelay, 1 },
	{ O_ECHO, &opt.echo, 1 },
};

static int fault_kind(const char *arg)
{
	int i;

	for (i = 0; i < F_MAX; i++)
		if (!strcmp(arg, fault_names[i]))
			return i;
	usage();
}

/* --rto INITIAL:MIN:MAX, in ms */
static void parse_rto(const char *arg)
{
	uint32_t *r = opt.rto;
	char end;

	if (sscanf(arg, "%u:%u:%u%c", &r[0], &r[1], &r[2], &end) != 3 ||
	    !r[1] || r[1] > r[0] || r[0] > r[2] || r[2] > 65535) {
		fprintf(stderr, "sctp_io: --rto INITIAL:MIN:MAX, MIN <= INITIAL <= MAX\n");
		usage();
	}
}

/* Returns 0 if C is not a numeric or flag option. */
static int parse_table(int c, const char *arg)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(num_opts); i++)
		if (num_opts[i].key == c) {
			*num_opts[i].dst = num(arg, num_opts[i].lo,
					       num_opts[i].hi, num_opts[i].name);
			return 1;
		}
	for (i = 0; i < ARRAY_SIZE(flag_opts); i++)
		if (flag_opts[i].key == c) {
			*flag_opts[i].dst = flag_opts[i].val;
			return 1;
		}
	return 0;
}

static void parse_one(int c, const char *arg)
{
	if (parse_table(c, arg))
		return;
	switch (c) {
	case 'l':
	case 'c':
		opt.addr = arg;
		break;
	case O_STYLE:
		if (strcmp(arg, "stream") && strcmp(arg, "seqpacket"))
			usage();
		opt.one2many = !strcmp(arg, "seqpacket");
		break;
	case O_FAULT:
		opt.fault = fault_kind(arg);
		break;
	case O_RTO:
		parse_rto(arg);
		break;
	default:
		usage();
	}
}

static void parse(int argc, char **argv)
{
	int c;

	while ((c = getopt_long(argc, argv, "46l:c:p:n:v", longopts, NULL)) != -1)
		parse_one(c, optarg);
	if (optind != argc - 1 || !opt.port || opt.min > opt.max)
		usage();
	if (!strcmp(argv[optind], "server"))
		opt.server = 1;
	else if (strcmp(argv[optind], "client") || !opt.addr)
		usage();
}

static void report_bufs(void)
{
	int snd = 0, rcv = 0;
	socklen_t len = sizeof(int);

	getsockopt(eps[0].fd, SOL_SOCKET, SO_SNDBUF, &snd, &len);
	getsockopt(eps[0].fd, SOL_SOCKET, SO_RCVBUF, &rcv, &len);
	vlog("SO_SNDBUF %d SO_RCVBUF %d", snd, rcv);
}

int main(int argc, char **argv)
{
	uint32_t i, nstreams = 0;

	parse(argc, argv);
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	used_streams = xcalloc(opt.streams, 1);
	scratch = xcalloc(1, MAX_PAYLOAD);
	rx_rng = mix(opt.seed + opt.server);
	deadline = now_ms() + (uint64_t)opt.timeout * 1000;
	if (opt.server)
		server_open();
	for (i = 0; !opt.server && i < opt.conns; i++)
		client_open(i);
	report_bufs();
	run();
	for (i = 0; i < opt.streams; i++)
		nstreams += used_streams[i];
	printf("sctp_io: OK msgs=%llu bytes=%llu streams=%u\n",
	       (unsigned long long)tot_msgs, (unsigned long long)tot_bytes,
	       nstreams);
	return 0;
}
