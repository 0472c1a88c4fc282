// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_mh: traffic for multihoming and failover tests.  The client sends
 * a message every few milliseconds; each carries a global and a
 * per-stream sequence number, its send time (CLOCK_REALTIME, so a shell
 * can compare it with $EPOCHREALTIME) and a checksum of a payload derived
 * from its sequence number.  The server checks every byte and the order
 * per stream.  Both print every notification as one line with all its
 * fields and the time it was read ("t=SEC.USEC").
 *
 *   sctp_mh server [-4|-6] -p PORT [--cut-file F] [--sack-delay MS]
 *           [--rto I,MIN,MAX] [--hb MS] [--pathmaxrxt N] [--asocmaxrxt N]
 *           [--remote-cut] [--timeout S]
 *   sctp_mh client [-4|-6] -c ADDR [-c ADDR...] -p PORT --paths N [--rto I,MIN,MAX]
 *           [--hb MS] [--pathmaxrxt N] [--asocmaxrxt N] [--interval MS]
 *           [--count N] [--duration MS] [--stop-file F] [--timeout S]
 *           [--cut-file F] [--idle MS] [--pf N] [--ps N]
 *
 * The server binds the wildcard (one-to-many) and ends with "OK msgs=N"
 * when the association shuts down gracefully.  Once --cut-file exists
 * (it holds the time a link was cut, as SEC.USEC), the first message sent
 * after that time is reported as "FAILOVER seq=N ms=T": T is from the cut
 * to its arrival.  The client connects to ADDR (one-to-one; several -c:
 * sctp_connectx() to all of them, and "CONNECTED ... ms=T" says how long
 * that took), waits until N peer addresses are confirmed (those the
 * kernel reports ACTIVE once up count), prints
 * READY, sends until --count, --duration or the --stop-file appears,
 * shuts down gracefully and prints "OK sent=N".  Failures print
 * "FAIL reason" and exit 1.
 *
 * Across two machines (clocks apart) the client reads the --cut-file and
 * stamps each message sent after the cut with the time since it; the
 * server, with --remote-cut, takes the smallest (arrival - send time) of
 * the messages before the cut as the clock offset and reports the same
 * FAILOVER line (and MAXLAT) relative to it: off by at most that
 * smallest one-way delay.  --idle MS: the client waits that long after
 * READY before it sends (heartbeats only, for timing them).  Options the kernel lacks are reported as
 * "MISSING option errno=E" lines, never as failures.
 */
#include <errno.h>
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

#define MH_MAGIC	0x78534d48U	/* "xSMH" */
#define MAX_STREAMS	16
#define MAX_EXTRA	400		/* payload bytes beyond the header */
#define MAX_ADDRS	16
#define BUF_LEN		4096
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* On the wire, big-endian; the payload follows. */
struct mh_hdr {
	uint32_t magic;
	uint32_t seq;		/* global, from 0 */
	uint32_t sseq;		/* per stream, from 0 */
	uint16_t stream;
	uint16_t len;		/* payload bytes */
	uint64_t sent_us;	/* CLOCK_REALTIME */
	uint32_t sum;		/* FNV-1a of the payload */
	uint32_t since_cut;	/* client --cut-file: 1 + us since the cut */
};

static struct {
	int server, family;
	const char *addr, *cut_file, *stop_file;
	const char *addrs[MAX_ADDRS];
	uint32_t naddrs;
	uint32_t port, paths, timeout, interval, count, duration, streams;
	uint32_t rto[3], hb, pathmaxrxt, asocmaxrxt, sack_delay, idle;
	int remote_cut, pf, ps;		/* RFC 7829 thresholds, -1 unset */
} opt = {
	.family = AF_INET, .timeout = 60, .interval = 5, .streams = 2,
	.paths = 1, .pf = -1, .ps = -1,
};

static void __attribute__((format(printf, 1, 2), noreturn)) die(const char *fmt, ...)
{
	va_list ap;

	printf("FAIL ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	exit(1);
}

static void on_alarm(int sig)
{
	static const char msg[] = "FAIL timeout\n";

	(void)sig;
	if (write(1, msg, sizeof(msg) - 1) < 0)
		_exit(1);
	_exit(1);
}

static uint64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static uint64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *stamp(uint64_t us)
{
	static char s[32];

	snprintf(s, sizeof(s), "%llu.%06llu", (unsigned long long)(us / 1000000),
		 (unsigned long long)(us % 1000000));
	return s;
}

/* ---- message contents ---- */

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int payload_len(uint32_t seq)
{
	return 1 + (seq * 7919U) % MAX_EXTRA;
}

static void fill_payload(uint8_t *p, int len, uint32_t seq)
{
	uint64_t s = seq, w = 0;
	int i;

	for (i = 0; i < len; i++) {
		if (!(i & 7))
			w = splitmix(&s);
		p[i] = w >> (8 * (i & 7));
	}
}

static uint32_t fnv1a(const uint8_t *p, int len)
{
	uint32_t h = 2166136261U;
	int i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 16777619U;
	return h;
}

/* ---- addresses and notifications ---- */

static const char *addr_str(const void *sa)
{
	static char s[INET6_ADDRSTRLEN + 16];
	const struct sockaddr_in6 *s6 = sa;
	const struct sockaddr_in *s4 = sa;
	char a[INET6_ADDRSTRLEN];

	if (s4->sin_family == AF_INET) {
		inet_ntop(AF_INET, &s4->sin_addr, a, sizeof(a));
		snprintf(s, sizeof(s), "%s:%u", a, ntohs(s4->sin_port));
	} else if (s6->sin6_family == AF_INET6) {
		inet_ntop(AF_INET6, &s6->sin6_addr, a, sizeof(a));
		snprintf(s, sizeof(s), "[%s]:%u", a, ntohs(s6->sin6_port));
	} else {
		snprintf(s, sizeof(s), "family%u", s4->sin_family);
	}
	return s;
}

static const char *const assoc_states[] = {
	[SCTP_COMM_UP] = "COMM_UP", [SCTP_COMM_LOST] = "COMM_LOST",
	[SCTP_RESTART] = "RESTART", [SCTP_SHUTDOWN_COMP] = "SHUTDOWN_COMP",
	[SCTP_CANT_STR_ASSOC] = "CANT_STR_ASSOC",
};

static const char *const paddr_states[] = {
	[SCTP_ADDR_AVAILABLE] = "ADDR_AVAILABLE",
	[SCTP_ADDR_UNREACHABLE] = "ADDR_UNREACHABLE",
	[SCTP_ADDR_REMOVED] = "ADDR_REMOVED",
	[SCTP_ADDR_ADDED] = "ADDR_ADDED",
	[SCTP_ADDR_MADE_PRIM] = "ADDR_MADE_PRIM",
	[SCTP_ADDR_CONFIRMED] = "ADDR_CONFIRMED",
	[SCTP_ADDR_POTENTIALLY_FAILED] = "ADDR_POTENTIALLY_FAILED",
};

static const char *name(const char *const *tab, size_t n, unsigned int v)
{
	static char s[16];

	if (v < n && tab[v])
		return tab[v];
	snprintf(s, sizeof(s), "%u", v);
	return s;
}

/* What the caller needs from a notification. */
struct notif {
	int type, state;
	struct sockaddr_storage addr;
};

/* Prints @buf (@len bytes) as one line; fills @n. */
static void print_notification(const void *buf, int len, struct notif *n)
{
	const union sctp_notification *sn = buf;
	const char *t = stamp(now_us());

	memset(n, 0, sizeof(*n));
	if (len < (int)sizeof(sn->sn_header))
		die("notification of %d bytes", len);
	n->type = sn->sn_header.sn_type;
	switch (n->type) {
	case SCTP_ASSOC_CHANGE: {
		const struct sctp_assoc_change *c = &sn->sn_assoc_change;

		n->state = c->sac_state;
		printf("ASSOC_CHANGE state=%s error=%u outs=%u ins=%u assoc=%d t=%s\n",
		       name(assoc_states, ARRAY_SIZE(assoc_states),
			    c->sac_state),
		       c->sac_error, c->sac_outbound_streams,
		       c->sac_inbound_streams, c->sac_assoc_id, t);
		break;
	}
	case SCTP_PEER_ADDR_CHANGE: {
		const struct sctp_paddr_change *c = &sn->sn_paddr_change;

		n->state = c->spc_state;
		memcpy(&n->addr, &c->spc_aaddr, sizeof(n->addr));
		printf("PEER_ADDR_CHANGE addr=%s state=%s error=%d assoc=%d t=%s\n",
		       addr_str(&c->spc_aaddr),
		       name(paddr_states, ARRAY_SIZE(paddr_states),
			    c->spc_state),
		       c->spc_error, c->spc_assoc_id, t);
		break;
	}
	case SCTP_SHUTDOWN_EVENT:
		printf("SHUTDOWN_EVENT assoc=%d t=%s\n",
		       sn->sn_shutdown_event.sse_assoc_id, t);
		break;
	default:
		printf("NOTIFICATION type=%u len=%d t=%s\n", n->type, len, t);
		break;
	}
}

static int same_ip(const void *a, const void *b)
{
	const struct sockaddr_in *a4 = a, *b4 = b;
	const struct sockaddr_in6 *a6 = a, *b6 = b;

	if (a4->sin_family != b4->sin_family)
		return 0;
	if (a4->sin_family == AF_INET)
		return a4->sin_addr.s_addr == b4->sin_addr.s_addr;
	return !memcmp(&a6->sin6_addr, &b6->sin6_addr, sizeof(a6->sin6_addr));
}

/* ---- socket setup ---- */

static void set_opt(int fd, int name, const void *val, socklen_t len,
		    const char *what)
{
	if (setsockopt(fd, IPPROTO_SCTP, name, val, len))
		die("setsockopt %s: %s", what, strerror(errno));
}

static void subscribe(int fd)
{
	static const int types[] = {
		SCTP_ASSOC_CHANGE, SCTP_PEER_ADDR_CHANGE, SCTP_SHUTDOWN_EVENT,
	};
	int on = 1;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		struct sctp_event ev = { .se_type = types[i], .se_on = 1 };

		set_opt(fd, SCTP_EVENT, &ev, sizeof(ev), "SCTP_EVENT");
	}
	set_opt(fd, SCTP_RECVRCVINFO, &on, sizeof(on), "SCTP_RECVRCVINFO");
	set_opt(fd, SCTP_NODELAY, &on, sizeof(on), "SCTP_NODELAY");
}

/* Timers for the associations the socket is about to have (either end). */
static void tune(int fd)
{
	struct sctp_rtoinfo ri = {
		.srto_initial = opt.rto[0], .srto_min = opt.rto[1],
		.srto_max = opt.rto[2],
	};
	struct sctp_assocparams ap = { .sasoc_asocmaxrxt = opt.asocmaxrxt };
	struct sctp_paddrparams pp = {
		.spp_hbinterval = opt.hb, .spp_pathmaxrxt = opt.pathmaxrxt,
		.spp_flags = opt.hb ? SPP_HB_ENABLE : 0,
	};

	if (opt.rto[0])
		set_opt(fd, SCTP_RTOINFO, &ri, sizeof(ri), "SCTP_RTOINFO");
	if (opt.asocmaxrxt)
		set_opt(fd, SCTP_ASSOCINFO, &ap, sizeof(ap), "SCTP_ASSOCINFO");
	if (opt.hb || opt.pathmaxrxt)
		set_opt(fd, SCTP_PEER_ADDR_PARAMS, &pp, sizeof(pp),
			"SCTP_PEER_ADDR_PARAMS");
}

static socklen_t make_addr(struct sockaddr_storage *ss, const char *a)
{
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;

	memset(ss, 0, sizeof(*ss));
	if (opt.family == AF_INET) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(opt.port);
		if (a && inet_pton(AF_INET, a, &s4->sin_addr) != 1)
			die("bad address %s", a);
		return sizeof(*s4);
	}
	s6->sin6_family = AF_INET6;
	s6->sin6_port = htons(opt.port);
	if (a && inet_pton(AF_INET6, a, &s6->sin6_addr) != 1)
		die("bad address %s", a);
	return sizeof(*s6);
}

/* ---- server ---- */

static struct {
	uint32_t next[MAX_STREAMS];	/* expected sseq per stream */
	uint64_t msgs, cut_us, max_lat_us;
	uint32_t max_lat_seq;
	int failover_done, assocs;
	int64_t offset_us;		/* --remote-cut: smallest arrival - sent */
	int have_offset;
} rx;

/* The cut time, once the test has written it. */
static void read_cut(void)
{
	unsigned long long sec, usec;
	FILE *f;

	if (!opt.cut_file || rx.cut_us)
		return;
	f = fopen(opt.cut_file, "r");
	if (!f)
		return;
	if (fscanf(f, "%llu.%6llu", &sec, &usec) == 2)
		rx.cut_us = sec * 1000000 + usec;
	fclose(f);
}

/* --remote-cut: the sender's clock is not ours (see the top). */
static void remote_cut(const struct mh_hdr *h, uint64_t now, uint64_t sent)
{
	int64_t d = (int64_t)(now - sent), lat;
	uint32_t since = ntohl(h->since_cut);

	if (!since && (!rx.have_offset || d < rx.offset_us)) {
		rx.offset_us = d;
		rx.have_offset = 1;
	}
	lat = d - rx.offset_us;
	if (lat > (int64_t)rx.max_lat_us) {
		rx.max_lat_us = lat;
		rx.max_lat_seq = h->seq;
	}
	if (since && !rx.failover_done && rx.have_offset) {
		rx.failover_done = 1;
		printf("FAILOVER seq=%u ms=%.1f remote t=%s\n", h->seq,
		       (lat + since - 1) / 1000.0, stamp(now));
	}
}

static void check_msg(const uint8_t *buf, int len, const struct sctp_rcvinfo *ri,
		      int flags)
{
	static uint8_t want[MAX_EXTRA];
	uint64_t now = now_us(), sent;
	struct mh_hdr h;
	int plen;

	if (!(flags & MSG_EOR))
		die("message seq>=%llu without MSG_EOR (%d bytes)",
		    (unsigned long long)rx.msgs, len);
	if (len < (int)sizeof(h))
		die("message of %d bytes", len);
	memcpy(&h, buf, sizeof(h));
	if (ntohl(h.magic) != MH_MAGIC)
		die("bad magic 0x%08x after %llu messages", ntohl(h.magic),
		    (unsigned long long)rx.msgs);
	plen = ntohs(h.len);
	h.seq = ntohl(h.seq);
	h.sseq = ntohl(h.sseq);
	h.stream = ntohs(h.stream);
	sent = be64toh(h.sent_us);
	if (plen != payload_len(h.seq) || len != (int)sizeof(h) + plen)
		die("seq %u: %d bytes, want %d", h.seq, len,
		    (int)sizeof(h) + payload_len(h.seq));
	if (h.stream >= MAX_STREAMS || h.stream != ri->rcv_sid)
		die("seq %u: stream %u received on stream %u", h.seq, h.stream,
		    ri->rcv_sid);
	if (h.sseq != rx.next[h.stream])
		die("seq %u: stream %u sseq %u, want %u (lost or reordered)",
		    h.seq, h.stream, h.sseq, rx.next[h.stream]);
	fill_payload(want, plen, h.seq);
	if (memcmp(want, buf + sizeof(h), plen))
		die("seq %u: payload differs", h.seq);
	if (fnv1a(buf + sizeof(h), plen) != ntohl(h.sum))
		die("seq %u: checksum mismatch", h.seq);
	rx.next[h.stream]++;
	if (!rx.msgs++)
		printf("RECEIVING seq=%u t=%s\n", h.seq, stamp(now));
	if (opt.remote_cut) {
		remote_cut(&h, now, sent);
		return;
	}
	if (now > sent && now - sent > rx.max_lat_us) {
		rx.max_lat_us = now - sent;
		rx.max_lat_seq = h.seq;
	}
	read_cut();
	if (rx.cut_us && !rx.failover_done && sent >= rx.cut_us) {
		rx.failover_done = 1;
		printf("FAILOVER seq=%u ms=%.1f t=%s\n", h.seq,
		       (now - rx.cut_us) / 1000.0, stamp(now));
	}
}

/* Returns 1 once the association has ended gracefully. */
static int server_notification(const uint8_t *buf, int len)
{
	struct notif n;

	print_notification(buf, len, &n);
	if (n.type != SCTP_ASSOC_CHANGE)
		return 0;
	if (n.state == SCTP_COMM_UP) {
		if (rx.assocs++)
			die("a second association came up");
		return 0;
	}
	if (n.state == SCTP_SHUTDOWN_COMP)
		return 1;
	die("association ended: %s",
	    name(assoc_states, ARRAY_SIZE(assoc_states), n.state));
}

static void server(void)
{
	struct sockaddr_storage ss;
	socklen_t alen = make_addr(&ss, NULL);
	static uint8_t buf[BUF_LEN];
	int fd, one = 1;

	fd = socket(opt.family, SOCK_SEQPACKET, IPPROTO_SCTP);
	if (fd < 0)
		die("socket: %s", strerror(errno));
	if (opt.family == AF_INET6 &&
	    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)))
		printf("MISSING IPV6_V6ONLY errno=%d\n", errno);
	subscribe(fd);
	tune(fd);
	if (opt.sack_delay) {
		struct sctp_paddrparams pp = {
			.spp_sackdelay = opt.sack_delay,
			.spp_flags = SPP_SACKDELAY_ENABLE,
		};

		set_opt(fd, SCTP_PEER_ADDR_PARAMS, &pp, sizeof(pp),
			"SCTP_PEER_ADDR_PARAMS");
	}
	if (bind(fd, (struct sockaddr *)&ss, alen))
		die("bind: %s", strerror(errno));
	if (listen(fd, 8))
		die("listen: %s", strerror(errno));
	printf("LISTENING port=%u\n", opt.port);
	for (;;) {
		char cbuf[CMSG_SPACE(sizeof(struct sctp_rcvinfo))];
		struct iovec iov = { buf, sizeof(buf) };
		struct msghdr mh = {
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
		};
		struct sctp_rcvinfo ri = { 0 };
		struct cmsghdr *c;
		int n = recvmsg(fd, &mh, 0);

		if (n < 0)
			die("recvmsg: %s", strerror(errno));
		if (mh.msg_flags & MSG_NOTIFICATION) {
			if (server_notification(buf, n))
				break;
			continue;
		}
		for (c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
			if (c->cmsg_level == IPPROTO_SCTP &&
			    c->cmsg_type == SCTP_RCVINFO)
				memcpy(&ri, CMSG_DATA(c), sizeof(ri));
		check_msg(buf, n, &ri, mh.msg_flags);
	}
	printf("MAXLAT seq=%u ms=%.1f\n", rx.max_lat_seq,
	       rx.max_lat_us / 1000.0);
	printf("OK msgs=%llu\n", (unsigned long long)rx.msgs);
	close(fd);
}

/* ---- client ---- */

static struct {
	int fd;
	sctp_assoc_t id;
	int up, closing;
	struct sockaddr_storage peer;		/* connected to */
	struct sockaddr_storage confirmed[MAX_ADDRS];
	uint32_t nconfirmed, sent, sseq[MAX_STREAMS];
} tx;

static void confirm(const struct sockaddr_storage *a)
{
	uint32_t i;

	for (i = 0; i < tx.nconfirmed; i++)
		if (same_ip(&tx.confirmed[i], a))
			return;
	if (tx.nconfirmed < MAX_ADDRS)
		tx.confirmed[tx.nconfirmed++] = *a;
}

/* RFC 9260 s5.4: sctp_connectx()'s addresses start confirmed. */
static void confirm_active(void)
{
	struct sockaddr *addrs;
	char *p;
	int i, n = sctp_getpaddrs(tx.fd, 0, &addrs);

	if (n < 0)
		die("sctp_getpaddrs: %s", strerror(errno));
	for (i = 0, p = (char *)addrs; i < n; i++) {
		const struct sockaddr *sa = (const struct sockaddr *)p;
		size_t sz = sa->sa_family == AF_INET ?
			    sizeof(struct sockaddr_in) :
			    sizeof(struct sockaddr_in6);
		struct sctp_paddrinfo pi = { .spinfo_assoc_id = 0 };
		socklen_t len = sizeof(pi);

		p += sz;
		memcpy(&pi.spinfo_address, sa, sz);
		if (getsockopt(tx.fd, IPPROTO_SCTP, SCTP_GET_PEER_ADDR_INFO,
			       &pi, &len))
			die("SCTP_GET_PEER_ADDR_INFO: %s", strerror(errno));
		if (pi.spinfo_state == SCTP_ACTIVE) {
			struct sockaddr_storage a = { 0 };

			memcpy(&a, sa, sz);
			confirm(&a);
		}
	}
	sctp_freepaddrs(addrs);
}

/* Reads what is there: only notifications are expected.  0 on EOF. */
static int client_read(void)
{
	static uint8_t buf[BUF_LEN];
	struct notif n;
	int len;

	for (;;) {
		struct iovec iov = { buf, sizeof(buf) };
		struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

		len = recvmsg(tx.fd, &mh, MSG_DONTWAIT);
		if (len < 0 && errno == EAGAIN)
			return 1;
		if (len < 0)
			die("recvmsg: %s (sent=%u)", strerror(errno), tx.sent);
		if (!len)
			return 0;
		if (!(mh.msg_flags & MSG_NOTIFICATION))
			die("unexpected data from the server (%d bytes)", len);
		print_notification(buf, len, &n);
		if (n.type == SCTP_ASSOC_CHANGE && n.state == SCTP_COMM_UP) {
			tx.up = 1;
			if (opt.naddrs > 1)
				confirm_active();
			else
				confirm(&tx.peer);
		} else if (n.type == SCTP_ASSOC_CHANGE && tx.closing &&
			   n.state == SCTP_SHUTDOWN_COMP) {
			return 0;
		} else if (n.type == SCTP_ASSOC_CHANGE) {
			die("association ended: %s (sent=%u)",
			    name(assoc_states,
				 ARRAY_SIZE(assoc_states),
				 n.state), tx.sent);
		} else if (n.type == SCTP_PEER_ADDR_CHANGE &&
			   n.state == SCTP_ADDR_CONFIRMED) {
			confirm(&n.addr);
		}
	}
}

/* Waits up to @ms for something to read (or, if @out, room to send). */
static int client_poll(int ms, int out)
{
	struct pollfd p = { .fd = tx.fd, .events = POLLIN | (out ? POLLOUT : 0) };

	if (poll(&p, 1, ms) < 0 && errno != EINTR)
		die("poll: %s", strerror(errno));
	if (p.revents & (POLLIN | POLLERR | POLLHUP))
		if (!client_read() && !out)
			die("EOF from the server (sent=%u)", tx.sent);
	return !!(p.revents & POLLOUT);
}

/*
 * The primary and every path as the kernel sees them.  These options are
 * not all there yet: what is missing is reported, not a failure.
 */
static void show_paths(const char *when)
{
	struct sockaddr *addrs;
	struct sctp_prim prim = { .ssp_assoc_id = 0 };
	socklen_t len = sizeof(prim);
	char *p;
	int i, n;

	if (getsockopt(tx.fd, IPPROTO_SCTP, SCTP_PRIMARY_ADDR, &prim, &len))
		printf("MISSING SCTP_PRIMARY_ADDR errno=%d\n", errno);
	else
		printf("PRIMARY %s addr=%s\n", when, addr_str(&prim.ssp_addr));
	n = sctp_getpaddrs(tx.fd, 0, &addrs);
	if (n < 0) {
		printf("MISSING sctp_getpaddrs errno=%d\n", errno);
		return;
	}
	/* the addresses are packed, each of its own family's size */
	for (i = 0, p = (char *)addrs; i < n; i++) {
		const struct sockaddr *sa = (const struct sockaddr *)p;
		size_t sz = sa->sa_family == AF_INET ?
			    sizeof(struct sockaddr_in) :
			    sizeof(struct sockaddr_in6);
		struct sctp_paddrinfo pi = { .spinfo_assoc_id = 0 };

		p += sz;
		memcpy(&pi.spinfo_address, sa, sz);
		len = sizeof(pi);
		if (getsockopt(tx.fd, IPPROTO_SCTP, SCTP_GET_PEER_ADDR_INFO,
			       &pi, &len)) {
			printf("PATH %s addr=%s MISSING SCTP_GET_PEER_ADDR_INFO errno=%d\n",
			       when, addr_str(sa), errno);
			continue;
		}
		printf("PATH %s addr=%s state=%d cwnd=%u srtt=%u rto=%u mtu=%u\n",
		       when, addr_str(sa), pi.spinfo_state, pi.spinfo_cwnd,
		       pi.spinfo_srtt, pi.spinfo_rto, pi.spinfo_mtu);
	}
	printf("PADDRS %s n=%d\n", when, n);
	sctp_freepaddrs(addrs);
}

/* One message, if the socket takes it now; 1 if sent. */
static int send_one(void)
{
	static uint8_t buf[sizeof(struct mh_hdr) + MAX_EXTRA];
	char cbuf[CMSG_SPACE(sizeof(struct sctp_sndinfo))] = { 0 };
	uint16_t sid = tx.sent % opt.streams;
	int plen = payload_len(tx.sent);
	struct iovec iov = { buf, sizeof(struct mh_hdr) + plen };
	struct msghdr mh = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
	struct sctp_sndinfo si = { .snd_sid = sid };
	struct mh_hdr h = {
		.magic = htonl(MH_MAGIC), .seq = htonl(tx.sent),
		.sseq = htonl(tx.sseq[sid]), .stream = htons(sid),
		.len = htons(plen), .sent_us = htobe64(now_us()),
	};

	if (opt.cut_file && !(tx.sent % 8))
		read_cut();	/* the client's own clock: see the top */
	if (rx.cut_us && now_us() >= rx.cut_us)
		h.since_cut = htonl(now_us() - rx.cut_us + 1);
	fill_payload(buf + sizeof(h), plen, tx.sent);
	h.sum = htonl(fnv1a(buf + sizeof(h), plen));
	memcpy(buf, &h, sizeof(h));
	c->cmsg_level = IPPROTO_SCTP;
	c->cmsg_type = SCTP_SNDINFO;
	c->cmsg_len = CMSG_LEN(sizeof(si));
	memcpy(CMSG_DATA(c), &si, sizeof(si));
	if (sendmsg(tx.fd, &mh, MSG_DONTWAIT) < 0) {
		int err = errno;

		if (err == EAGAIN)
			return 0;
		/* the reason may be queued: an association that ended */
		client_read();
		die("sendmsg seq %u: %s", tx.sent, strerror(err));
	}
	tx.sseq[sid]++;
	tx.sent++;
	return 1;
}

static int stop_due(uint64_t end)
{
	if (opt.count && tx.sent >= opt.count)
		return 1;
	if (opt.duration && mono_ms() >= end)
		return 1;
	return opt.stop_file && !access(opt.stop_file, F_OK);
}

/*
 * --pf, --ps: RFC 7829's PF threshold and primary switchover threshold
 * (s5; SCTP_PEER_ADDR_THLDS_V2) of every path (it needs an association).
 */
static void set_pf(void)
{
	struct sctp_paddrthlds_v2 t = {
		.spt_assoc_id = 0,
		.spt_pathmaxrxt = opt.pathmaxrxt ? opt.pathmaxrxt : 5,
		.spt_pathpfthld = opt.pf >= 0 ? opt.pf : 0,
		.spt_pathcpthld = opt.ps,
	};

	t.spt_address.ss_family = opt.family;
	if (opt.ps < 0)
		set_opt(tx.fd, SCTP_PEER_ADDR_THLDS, &t,
			sizeof(struct sctp_paddrthlds), "SCTP_PEER_ADDR_THLDS");
	else
		set_opt(tx.fd, SCTP_PEER_ADDR_THLDS_V2, &t, sizeof(t),
			"SCTP_PEER_ADDR_THLDS_V2");
}

/* sctp_connectx() to every -c address, packed as RFC 6458 s9.9 wants. */
static void connect_all(void)
{
	char buf[MAX_ADDRS * sizeof(struct sockaddr_in6)], *p = buf;
	sctp_assoc_t id;
	uint32_t i;

	for (i = 0; i < opt.naddrs; i++) {
		struct sockaddr_storage ss;
		socklen_t len = make_addr(&ss, opt.addrs[i]);

		memcpy(p, &ss, len);
		p += len;
	}
	if (sctp_connectx(tx.fd, (struct sockaddr *)buf, opt.naddrs, &id))
		die("sctp_connectx: %s", strerror(errno));
}

static void client(void)
{
	struct sockaddr_storage ss;
	socklen_t alen = make_addr(&ss, opt.addr);
	uint64_t next, end, t0;

	tx.peer = ss;
	tx.fd = socket(opt.family, SOCK_STREAM, IPPROTO_SCTP);
	if (tx.fd < 0)
		die("socket: %s", strerror(errno));
	subscribe(tx.fd);
	tune(tx.fd);
	t0 = now_us();
	if (opt.naddrs > 1)
		connect_all();
	else if (connect(tx.fd, (struct sockaddr *)&ss, alen))
		die("connect: %s", strerror(errno));
	printf("CONNECTED t=%s ms=%llu\n", stamp(now_us()),
	       (unsigned long long)(now_us() - t0) / 1000);
	if (opt.pf >= 0 || opt.ps >= 0)
		set_pf();
	while (!tx.up || tx.nconfirmed < opt.paths)
		client_poll(100, 0);
	printf("READY confirmed=%u t=%s\n", tx.nconfirmed, stamp(now_us()));
	show_paths("start");
	if (opt.idle) {
		end = mono_ms() + opt.idle;
		while (mono_ms() < end)
			client_poll(end - mono_ms(), 0);
		printf("IDLE done t=%s\n", stamp(now_us()));
	}
	end = mono_ms() + opt.duration;
	next = mono_ms();
	while (!stop_due(end)) {
		uint64_t now = mono_ms();

		if (now < next) {
			client_poll(next - now, 0);
			continue;
		}
		if (send_one())
			next = now + opt.interval;
		else
			client_poll(opt.interval, 1);
	}
	printf("STOPPING sent=%u t=%s\n", tx.sent, stamp(now_us()));
	show_paths("end");
	tx.closing = 1;
	if (shutdown(tx.fd, SHUT_WR))
		die("shutdown: %s", strerror(errno));
	/* s9.2: every message is acked before SHUTDOWN COMPLETE; EOF then */
	for (;;) {
		struct pollfd p = { .fd = tx.fd, .events = POLLIN };

		if (poll(&p, 1, 1000) < 0 && errno != EINTR)
			die("poll: %s", strerror(errno));
		if (p.revents && !client_read())
			break;
	}
	close(tx.fd);
	printf("OK sent=%u\n", tx.sent);
}

/* ---- options ---- */

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr,
		"usage: sctp_mh server [-4|-6] -p PORT [--cut-file F] [--sack-delay MS]\n"
		"         [--rto INITIAL,MIN,MAX] [--hb MS] [--pathmaxrxt N]\n"
		"         [--asocmaxrxt N] [--remote-cut] [--timeout S]\n"
		"       sctp_mh client [-4|-6] -c ADDR [-c ADDR...] -p PORT --paths N\n"
		"         [--rto INITIAL,MIN,MAX] [--hb MS] [--pathmaxrxt N]\n"
		"         [--asocmaxrxt N] [--interval MS] [--count N]\n"
		"         [--duration MS] [--stop-file F] [--streams N] [--timeout S]\n"
		"         [--cut-file F] [--idle MS] [--pf N]\n");
	exit(2);
}

static uint32_t num(const char *s, uint32_t lo, uint32_t hi)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 0);

	if (*s == '-' || *end || v < lo || v > hi)
		usage();
	return v;
}

enum {
	O_PATHS = 256, O_RTO, O_HB, O_PMR, O_AMR, O_INTERVAL, O_COUNT, O_DUR,
	O_STOP, O_CUT, O_STREAMS, O_TIMEOUT, O_SACK, O_REMOTE, O_IDLE, O_PF,
	O_PS,
};

static const struct option longopts[] = {
	{ "paths", 1, 0, O_PATHS }, { "rto", 1, 0, O_RTO },
	{ "hb", 1, 0, O_HB }, { "pathmaxrxt", 1, 0, O_PMR },
	{ "asocmaxrxt", 1, 0, O_AMR }, { "interval", 1, 0, O_INTERVAL },
	{ "count", 1, 0, O_COUNT }, { "duration", 1, 0, O_DUR },
	{ "stop-file", 1, 0, O_STOP }, { "cut-file", 1, 0, O_CUT },
	{ "streams", 1, 0, O_STREAMS }, { "timeout", 1, 0, O_TIMEOUT },
	{ "sack-delay", 1, 0, O_SACK }, { "remote-cut", 0, 0, O_REMOTE },
	{ "idle", 1, 0, O_IDLE }, { "pf", 1, 0, O_PF }, { "ps", 1, 0, O_PS },
	{ 0, 0, 0, 0 },
};

static void parse_one(int c, const char *arg)
{
	switch (c) {
	case '4':
		opt.family = AF_INET;
		break;
	case '6':
		opt.family = AF_INET6;
		break;
	case 'c':
		if (opt.naddrs == MAX_ADDRS)
			usage();
		opt.addrs[opt.naddrs++] = arg;
		opt.addr = opt.addrs[0];
		break;
	case 'p':
		opt.port = num(arg, 1, 65535);
		break;
	case O_PATHS:
		opt.paths = num(arg, 1, MAX_ADDRS);
		break;
	case O_RTO:
		if (sscanf(arg, "%u,%u,%u", &opt.rto[0], &opt.rto[1],
			   &opt.rto[2]) != 3 || !opt.rto[0])
			usage();
		break;
	case O_HB:
		opt.hb = num(arg, 1, 3600000);
		break;
	case O_PMR:
		opt.pathmaxrxt = num(arg, 1, 65535);
		break;
	case O_AMR:
		opt.asocmaxrxt = num(arg, 1, 65535);
		break;
	case O_INTERVAL:
		opt.interval = num(arg, 1, 10000);
		break;
	case O_COUNT:
		opt.count = num(arg, 1, 1U << 30);
		break;
	case O_DUR:
		opt.duration = num(arg, 1, 3600000);
		break;
	case O_STOP:
		opt.stop_file = arg;
		break;
	case O_CUT:
		opt.cut_file = arg;
		break;
	case O_STREAMS:
		opt.streams = num(arg, 1, MAX_STREAMS);
		break;
	case O_TIMEOUT:
		opt.timeout = num(arg, 1, 86400);
		break;
	case O_SACK:
		opt.sack_delay = num(arg, 1, 500);
		break;
	case O_REMOTE:
		opt.remote_cut = 1;
		break;
	case O_IDLE:
		opt.idle = num(arg, 1, 3600000);
		break;
	case O_PF:
		opt.pf = num(arg, 0, 65535);
		break;
	case O_PS:
		opt.ps = num(arg, 0, 65535);
		break;
	default:
		usage();
	}
}

int main(int argc, char **argv)
{
	int c;

	if (argc < 2)
		usage();
	if (!strcmp(argv[1], "server"))
		opt.server = 1;
	else if (strcmp(argv[1], "client"))
		usage();
	optind = 2;
	while ((c = getopt_long(argc, argv, "46c:p:", longopts, NULL)) != -1)
		parse_one(c, optarg);
	if (optind != argc || !opt.port || (!opt.server && !opt.addr))
		usage();
	if (!opt.server && !opt.count && !opt.duration && !opt.stop_file)
		usage();
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGALRM, on_alarm);
	signal(SIGPIPE, SIG_IGN);
	alarm(opt.timeout);
	if (opt.server)
		server();
	else
		client();
	return 0;
}
