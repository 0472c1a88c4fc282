// SPDX-License-Identifier: GPL-2.0
/* Helpers shared by the load generators: clock, sockets, message check. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <netinet/sctp.h>

#include "bench.h"

volatile int bench_stop;

double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* guest.sh turns an "error=" line into a failed measurement with this text */
void bench_die(const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	printf("error=\"");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(": %s\"\n", strerror(e));
	fflush(stdout);
	exit(1);
}

static void on_alarm(int sig)
{
	(void)sig;
	bench_stop = 1;
}

/*
 * Without SA_RESTART, so that a send() blocked on a full socket buffer
 * returns EINTR when time is up instead of holding the run open.
 */
void bench_alarm(double seconds)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it = {};

	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	it.it_value.tv_sec = (time_t)seconds;
	it.it_value.tv_usec = (suseconds_t)((seconds - (time_t)seconds) * 1e6);
	if (!it.it_value.tv_sec && !it.it_value.tv_usec)
		it.it_value.tv_usec = 1;
	setitimer(ITIMER_REAL, &it, NULL);
}

/* Held associations each cost a descriptor; 1024 would stop case 5 early. */
void bench_nofile(unsigned long n)
{
	struct rlimit rl = { .rlim_cur = n, .rlim_max = n };

	if (setrlimit(RLIMIT_NOFILE, &rl))
		bench_die("setrlimit(RLIMIT_NOFILE, %lu)", n);
}

enum bench_proto bench_parse_proto(const char *s)
{
	if (!strcmp(s, "sctp"))
		return BENCH_SCTP;
	if (!strcmp(s, "tcp"))
		return BENCH_TCP;
	errno = EINVAL;
	bench_die("unknown protocol %s", s);
}

void bench_addr(struct sockaddr_in *sa, const char *host, int port)
{
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons(port);
	if (inet_pton(AF_INET, host, &sa->sin_addr) != 1) {
		errno = EINVAL;
		bench_die("bad IPv4 address %s", host);
	}
}

int bench_socket(enum bench_proto p, int type)
{
	int fd;

	if (p == BENCH_TCP)
		fd = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	else
		fd = socket(AF_INET, type, IPPROTO_SCTP);
	if (fd < 0)
		bench_die("socket(%s)", p == BENCH_TCP ? "tcp" : "sctp");
	return fd;
}

void bench_nodelay(int fd, enum bench_proto p, int on)
{
	if (p == BENCH_TCP) {
		if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on)))
			bench_die("setsockopt(TCP_NODELAY)");
	} else if (setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &on, sizeof(on))) {
		bench_die("setsockopt(SCTP_NODELAY)");
	}
}

int bench_listen(enum bench_proto p, int type, int port, int backlog)
{
	struct sockaddr_in sa;
	int fd = bench_socket(p, type), one = 1;

	/* a previous run's TIME_WAIT sockets must not block the next one */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	bench_addr(&sa, "0.0.0.0", port);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)))
		bench_die("bind(port %d)", port);
	if (listen(fd, backlog))
		bench_die("listen");
	return fd;
}

/*
 * Blocking connect bounded by SO_SNDTIMEO (both stacks honour it in
 * connect()): cheaper per association than non-blocking connect + poll,
 * which matters when the connect rate is what is measured.
 */
int bench_connect(enum bench_proto p, const struct sockaddr_in *sa,
		  double timeout)
{
	struct timeval tv = { .tv_sec = (time_t)timeout };
	int fd = bench_socket(p, SOCK_STREAM);

	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (const struct sockaddr *)sa, sizeof(*sa))) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/*
 * A word-at-a-time multiply/xor hash: a byte-wise one costs more than the
 * kernel's work per message once the guest emulates it (TCG).
 */
uint64_t bench_hash(const void *p, size_t n)
{
	const unsigned char *c = p;
	uint64_t h = 0xcbf29ce484222325ull, w;

	for (; n >= 8; n -= 8, c += 8) {
		memcpy(&w, c, 8);
		h = (h ^ w) * 0x100000001b3ull;
		h ^= h >> 29;
	}
	while (n--)
		h = (h ^ *c++) * 0x100000001b3ull;
	return h;
}

void bench_gen_init(struct bench_gen *g, size_t size)
{
	uint64_t x = 0x9e3779b97f4a7c15ull;
	size_t i, plen;

	if (size < sizeof(struct bench_hdr) || size > BENCH_MAX_MSG) {
		errno = EINVAL;
		bench_die("message size %zu out of range [%zu, %d]", size,
			  sizeof(struct bench_hdr), BENCH_MAX_MSG);
	}
	g->size = size;
	g->pattern = malloc(size + BENCH_ROT);
	if (!g->pattern)
		bench_die("malloc");
	for (i = 0; i < size + BENCH_ROT; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		g->pattern[i] = x;
	}
	plen = size - sizeof(struct bench_hdr);
	for (i = 0; i < BENCH_ROT; i++)
		g->sums[i] = bench_hash(g->pattern + i, plen);
}

/* The payload points into the pattern: nothing is copied per message. */
void bench_gen_msg(const struct bench_gen *g, uint64_t seq,
		   struct bench_hdr *h, struct iovec iov[2])
{
	unsigned int rot = seq % BENCH_ROT;

	h->seq = seq;
	h->sum = g->sums[rot] ^ seq;
	h->len = g->size;
	h->magic = BENCH_MAGIC;
	iov[0].iov_base = h;
	iov[0].iov_len = sizeof(*h);
	iov[1].iov_base = g->pattern + rot;
	iov[1].iov_len = g->size - sizeof(*h);
}

bool bench_msg_ok(const void *buf, size_t len)
{
	struct bench_hdr h;

	if (len < sizeof(h))
		return false;
	memcpy(&h, buf, sizeof(h));
	if (h.magic != BENCH_MAGIC || h.len != len)
		return false;
	return (bench_hash((const char *)buf + sizeof(h), len - sizeof(h)) ^
		h.seq) == h.sum;
}

void bench_rx_init(struct bench_rx *rx, size_t size)
{
	memset(rx, 0, sizeof(*rx));
	rx->size = size;
	rx->buf = malloc(BENCH_MAX_MSG);
	if (!rx->buf)
		bench_die("malloc");
}

static void rx_account(struct bench_rx *rx, const void *p, size_t n)
{
	rx->msgs++;
	rx->bytes += n;
	if (!bench_msg_ok(p, n) || (rx->size && n != rx->size))
		rx->bad++;
}

/* TCP: the sender wrote back-to-back messages of rx->size bytes. */
void bench_rx_stream(struct bench_rx *rx, const void *p, size_t n)
{
	const unsigned char *c = p;
	size_t take;

	if (rx->have) {
		take = rx->size - rx->have;
		if (take > n)
			take = n;
		memcpy(rx->buf + rx->have, c, take);
		rx->have += take;
		c += take;
		n -= take;
		if (rx->have < rx->size)
			return;
		rx_account(rx, rx->buf, rx->size);
		rx->have = 0;
	}
	for (; n >= rx->size; c += rx->size, n -= rx->size)
		rx_account(rx, c, rx->size);
	memcpy(rx->buf, c, n);
	rx->have = n;
}

/* SCTP: a message may come in pieces; MSG_EOR marks its last one. */
void bench_rx_piece(struct bench_rx *rx, const void *p, size_t n, bool eor)
{
	if (!rx->have && eor) {
		rx_account(rx, p, n);
		return;
	}
	if (rx->have + n > BENCH_MAX_MSG) {
		rx->bad++;
		rx->have = 0;
		return;
	}
	memcpy(rx->buf + rx->have, p, n);
	rx->have += n;
	if (eor) {
		rx_account(rx, rx->buf, rx->have);
		rx->have = 0;
	}
}

/* One message on stream sid, with the RFC 6458 SCTP_SNDINFO cmsg. */
ssize_t bench_send_sctp(int fd, struct iovec *iov, int iovcnt,
			uint16_t sid, int flags)
{
	char cbuf[CMSG_SPACE(sizeof(struct sctp_sndinfo))] = {};
	struct msghdr m = {
		.msg_iov = iov, .msg_iovlen = iovcnt,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
	struct sctp_sndinfo si = { .snd_sid = sid };

	cm->cmsg_level = IPPROTO_SCTP;
	cm->cmsg_type = SCTP_SNDINFO;
	cm->cmsg_len = CMSG_LEN(sizeof(si));
	memcpy(CMSG_DATA(cm), &si, sizeof(si));
	return sendmsg(fd, &m, flags);
}

int bench_write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	ssize_t r;

	while (n) {
		r = send(fd, c, n, MSG_NOSIGNAL);
		if (r < 0 && errno == EINTR && !bench_stop)
			continue;
		if (r <= 0)
			return -1;
		c += r;
		n -= r;
	}
	return 0;
}

/* 0 on success; -1 on error or a peer that closed early (errno EPIPE). */
int bench_read_all(int fd, void *p, size_t n)
{
	char *c = p;
	ssize_t r;

	while (n) {
		r = recv(fd, c, n, 0);
		if (r < 0 && errno == EINTR && !bench_stop)
			continue;
		if (r == 0)
			errno = EPIPE;
		if (r <= 0)
			return -1;
		c += r;
		n -= r;
	}
	return 0;
}

static void store_list(struct bench_list *l, char *arg)
{
	char *tok;

	for (tok = strtok(arg, ","); tok && *l->n < l->max;
	     tok = strtok(NULL, ","))
		l->v[(*l->n)++] = tok;
}

static void store(const struct bench_opt *b, char *arg)
{
	switch (b->kind) {
	case BO_INT:
		*(int *)b->dst = atoi(arg);
		break;
	case BO_LONG:
		*(long *)b->dst = atol(arg);
		break;
	case BO_SIZE:
		*(size_t *)b->dst = strtoul(arg, NULL, 0);
		break;
	case BO_DOUBLE:
		*(double *)b->dst = atof(arg);
		break;
	case BO_FLAG:
		*(int *)b->dst = 1;
		break;
	case BO_STR:
		*(const char **)b->dst = arg;
		break;
	case BO_PROTO:
		*(enum bench_proto *)b->dst = bench_parse_proto(arg);
		break;
	case BO_LIST:
		store_list(b->dst, arg);
		break;
	}
}

/*
 * Parses argv[first..] against a table ended by an entry without a name;
 * anything unknown calls usage().  Also sets up what every generator
 * wants: line-buffered output (the runner reads it as it comes) and
 * EPIPE instead of SIGPIPE.
 */
void bench_options(int argc, char **argv, int first,
		   const struct bench_opt *t, void (*usage)(void))
{
	struct option lo[32] = {};
	int n, c;

	for (n = 0; t[n].name; n++) {
		if (n == 31)
			bench_die("too many options");
		lo[n].name = t[n].name;
		lo[n].has_arg = t[n].kind == BO_FLAG ? no_argument :
			required_argument;
		lo[n].val = n;
	}
	optind = first;
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		if (c < 0 || c >= n)
			usage();
		store(&t[c], optarg);
	}
	if (optind != argc)
		usage();
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);
}
