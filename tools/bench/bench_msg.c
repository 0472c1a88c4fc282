// SPDX-License-Identifier: GPL-2.0
/*
 * Message-rate load generator (bench cases 2, 3 and 6): a sender floods
 * fixed-size messages for a fixed time, a receiver counts and checks them.
 *
 *   bench_msg recv --proto sctp|tcp [--port P] [--size N] [--many]
 *                  [--window S] [--timeout S]
 *   bench_msg send --proto sctp|tcp --addr A [--port P] --size N
 *                  [--streams K] [--nodelay] [--seconds S] [--clients C]
 *
 * Without --many the receiver accepts one association/connection and
 * reads until EOF, so its count must equal the sender's.  With --many
 * (case 6) it takes any number of senders on one socket (SCTP: one
 * one-to-many socket; TCP: a listener and epoll) and counts for --window
 * seconds from the first message.  Output is KEY=VALUE lines.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <netinet/sctp.h>

#include "bench.h"

#define RECV_BUF	65536
#define MAX_CONNS	1024

struct opts {
	enum bench_proto proto;
	const char *addr;
	int port;
	size_t size;
	int streams;
	int nodelay;
	double seconds;
	int clients;
	int many;
	double window;
	double timeout;
};

struct result {
	unsigned long long sent, errors;
};

/* TCP has no message boundary: a short writev must still be completed. */
static int send_tcp(int fd, struct iovec *iov)
{
	size_t left = iov[0].iov_len + iov[1].iov_len;
	ssize_t r;

	r = writev(fd, iov, 2);
	if (r < 0)
		return -1;
	left -= r;
	while (left) {
		if ((size_t)r >= iov[0].iov_len) {
			r -= iov[0].iov_len;
			iov[0] = iov[1];
			iov[1].iov_len = 0;
		}
		iov[0].iov_base = (char *)iov[0].iov_base + r;
		iov[0].iov_len -= r;
		/* the timer fired already: no further EINTR can come */
		do
			r = writev(fd, iov, 2);
		while (r < 0 && errno == EINTR);
		if (r < 0)
			return -1;
		left -= r;
	}
	return 0;
}

/*
 * With several clients, each connects, reports on ready_fd, and waits for
 * go_fd to close: a receiver whose window opens with the first message
 * must not close before a slow client (16 processes on one vCPU) is in.
 */
static struct result send_one(const struct opts *o, int ready_fd, int go_fd)
{
	struct result res = {};
	struct sockaddr_in sa;
	struct bench_gen g;
	struct bench_hdr h;
	struct iovec iov[2];
	uint64_t seq = 0;
	int fd, r;

	bench_gen_init(&g, o->size);
	bench_addr(&sa, o->addr, o->port);
	fd = bench_connect(o->proto, &sa, 10);
	if (fd < 0)
		bench_die("connect %s:%d", o->addr, o->port);
	if (o->nodelay)
		bench_nodelay(fd, o->proto, 1);
	if (ready_fd >= 0) {
		char c = 0;

		if (write(ready_fd, &c, 1) != 1 || read(go_fd, &c, 1) < 0)
			bench_die("start barrier");
	}
	bench_alarm(o->seconds);
	while (!bench_stop) {
		bench_gen_msg(&g, seq, &h, iov);
		if (o->proto == BENCH_TCP)
			r = send_tcp(fd, iov);
		else
			r = bench_send_sctp(fd, iov, 2, seq % o->streams,
					    MSG_NOSIGNAL) < 0 ? -1 : 0;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			/* --many: the receiver closes once its window ends */
			res.errors++;
			break;
		}
		seq++;
	}
	res.sent = seq;
	close(fd);
	return res;
}

/* Each client is a process, so that clients use every CPU of the guest. */
static int do_send(const struct opts *o)
{
	struct result total = {}, r;
	int pipefd[2], ready[2], go[2], i, st, failed = 0;
	double t0 = bench_now();
	char c;

	if (o->clients == 1) {
		total = send_one(o, -1, -1);
		goto out;
	}
	if (pipe(pipefd) || pipe(ready) || pipe(go))
		bench_die("pipe");
	for (i = 0; i < o->clients; i++) {
		pid_t pid = fork();

		if (pid < 0)
			bench_die("fork");
		if (!pid) {
			close(pipefd[0]);
			close(ready[0]);
			close(go[1]);
			r = send_one(o, ready[1], go[0]);
			if (write(pipefd[1], &r, sizeof(r)) != sizeof(r))
				_exit(1);
			_exit(0);
		}
	}
	close(pipefd[1]);
	close(ready[1]);
	close(go[0]);
	/* every client connected, or gone: EOF once all have exited */
	for (i = 0; i < o->clients && read(ready[0], &c, 1) == 1; i++)
		;
	close(go[1]);
	while (read(pipefd[0], &r, sizeof(r)) == sizeof(r)) {
		total.sent += r.sent;
		total.errors += r.errors;
	}
	while (wait(&st) > 0)
		if (!WIFEXITED(st) || WEXITSTATUS(st))
			failed++;
	if (failed)
		printf("error=\"%d of %d senders failed\"\n", failed, o->clients);
out:
	printf("sent=%llu errors=%llu seconds=%.3f\n", total.sent, total.errors,
	       bench_now() - t0);
	return failed ? 1 : 0;
}

struct rx_state {
	struct bench_rx rx;
	double first, last;
	const struct opts *o;
};

/* Window mode: the window opens with the first message. */
static void rx_note(struct rx_state *s)
{
	s->last = bench_now();
	if (s->first)
		return;
	s->first = s->last;
	if (s->o->window)
		bench_alarm(s->o->window);
}

static void print_rx(struct rx_state *s, const char *err)
{
	double t = s->last > s->first ? s->last - s->first : 0;

	if (err)
		printf("error=\"%s\"\n", err);
	printf("msgs=%llu bytes=%llu bad=%llu seconds=%.3f rate=%.1f mbps=%.2f\n",
	       (unsigned long long)s->rx.msgs, (unsigned long long)s->rx.bytes,
	       (unsigned long long)s->rx.bad, t, t ? s->rx.msgs / t : 0,
	       t ? s->rx.bytes * 8 / t / 1e6 : 0);
}

/* SCTP, one socket: one accepted association, or a one-to-many socket. */
static const char *recv_sctp(struct rx_state *s, int fd)
{
	static unsigned char buf[RECV_BUF];
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;

	for (;;) {
		/* data that keeps coming would never let recvmsg see EINTR */
		if (bench_stop)
			return s->o->window ? NULL : "timeout";
		m.msg_flags = 0;
		n = recvmsg(fd, &m, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return strerror(errno);
		if (n == 0)
			return NULL;
		if (m.msg_flags & MSG_NOTIFICATION)
			continue;
		rx_note(s);
		bench_rx_piece(&s->rx, buf, n, m.msg_flags & MSG_EOR);
	}
}

static const char *recv_tcp_one(struct rx_state *s, int fd)
{
	static unsigned char buf[RECV_BUF];
	ssize_t n;

	for (;;) {
		if (bench_stop)
			return s->o->window ? NULL : "timeout";
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return strerror(errno);
		if (n == 0)
			return NULL;
		rx_note(s);
		bench_rx_stream(&s->rx, buf, n);
	}
}

/* TCP with many senders: epoll over the listener and every connection. */
static const char *recv_tcp_many(struct rx_state *s, int lfd)
{
	static unsigned char buf[RECV_BUF];
	static struct bench_rx conns[MAX_CONNS];
	struct epoll_event ev[64], add = { .events = EPOLLIN };
	int ep = epoll_create1(0), i, n, fd;
	ssize_t r;

	if (ep < 0)
		bench_die("epoll_create1");
	add.data.fd = lfd;
	epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &add);
	while (!bench_stop) {
		n = epoll_wait(ep, ev, 64, -1);
		if (n < 0 && errno == EINTR)
			break;
		for (i = 0; i < n; i++) {
			fd = ev[i].data.fd;
			if (fd == lfd) {
				fd = accept(lfd, NULL, NULL);
				if (fd < 0)
					continue;
				if (fd >= MAX_CONNS)
					bench_die("too many connections");
				bench_rx_init(&conns[fd], s->o->size);
				add.data.fd = fd;
				epoll_ctl(ep, EPOLL_CTL_ADD, fd, &add);
				continue;
			}
			r = read(fd, buf, sizeof(buf));
			if (r <= 0) {
				close(fd);
				continue;
			}
			rx_note(s);
			bench_rx_stream(&conns[fd], buf, r);
			/* totals move to s->rx; the connection keeps its tail */
			s->rx.msgs += conns[fd].msgs;
			s->rx.bytes += conns[fd].bytes;
			s->rx.bad += conns[fd].bad;
			conns[fd].msgs = 0;
			conns[fd].bytes = 0;
			conns[fd].bad = 0;
		}
	}
	if (!s->first)
		return "timeout";
	return NULL;
}

static int do_recv(const struct opts *o)
{
	struct rx_state s = { .o = o };
	const char *err;
	int lfd, fd, type;

	if (o->proto == BENCH_TCP && !o->size)
		bench_die("recv --proto tcp needs --size");
	if (o->many && !o->window)
		bench_die("recv --many needs --window");
	bench_rx_init(&s.rx, o->size);
	type = o->many && o->proto == BENCH_SCTP ? SOCK_SEQPACKET : SOCK_STREAM;
	lfd = bench_listen(o->proto, type, o->port, 128);
	printf("listening=1\n");
	fflush(stdout);
	/* re-armed with the window once the first message is in */
	bench_alarm(o->timeout);
	if (o->many && o->proto == BENCH_TCP) {
		err = recv_tcp_many(&s, lfd);
	} else if (o->many) {
		err = recv_sctp(&s, lfd);
	} else {
		fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			bench_die("accept");
		err = o->proto == BENCH_SCTP ? recv_sctp(&s, fd)
					     : recv_tcp_one(&s, fd);
	}
	if (o->window && s.first)
		s.last = bench_now();
	if (!err && !s.first)
		err = "no message received";
	if (!err && s.rx.have)
		err = "stream ended inside a message";
	print_rx(&s, err);
	return err || s.rx.bad ? 1 : 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: bench_msg recv --proto P [--port N] [--size N] [--many --window S] [--timeout S]\n"
		"       bench_msg send --proto P --addr A [--port N] --size N [--streams K]\n"
		"                      [--nodelay] [--seconds S] [--clients C]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct opts o = {
		.proto = BENCH_SCTP, .port = 5201, .streams = 1,
		.seconds = 5, .clients = 1, .timeout = 120,
	};
	const struct bench_opt t[] = {
		{ "proto", BO_PROTO, &o.proto }, { "addr", BO_STR, &o.addr },
		{ "port", BO_INT, &o.port }, { "size", BO_SIZE, &o.size },
		{ "streams", BO_INT, &o.streams },
		{ "nodelay", BO_FLAG, &o.nodelay },
		{ "seconds", BO_DOUBLE, &o.seconds },
		{ "clients", BO_INT, &o.clients }, { "many", BO_FLAG, &o.many },
		{ "window", BO_DOUBLE, &o.window },
		{ "timeout", BO_DOUBLE, &o.timeout }, { }
	};

	if (argc < 2)
		usage();
	bench_options(argc, argv, 2, t, usage);
	if (!strcmp(argv[1], "recv"))
		return do_recv(&o);
	if (strcmp(argv[1], "send") || !o.addr || !o.size || o.streams < 1 ||
	    o.clients < 1)
		usage();
	return do_send(&o);
}
