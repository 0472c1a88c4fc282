// SPDX-License-Identifier: GPL-2.0
/*
 * Association/connection setup rate (bench case 4) and the echo server
 * that cases 4 and 5 talk to.
 *
 *   bench_setup server --proto sctp|tcp [--port P]
 *   bench_setup client --proto sctp|tcp --addr A [--port P] [--size N]
 *                      [--seconds S] [--parallel N]
 *
 * The SCTP server is one one-to-many socket answering every association
 * (the usual SCTP server shape, and what case 5 holds its associations
 * on); the TCP server is a listener plus epoll.  A client iteration is
 * connect, one echo of --size bytes, close; --parallel runs N client
 * processes at once.  Output is KEY=VALUE lines.
 */
#include <errno.h>
#include <fcntl.h>
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

/* consecutive failed iterations after which a client gives up */
#define MAX_FAILS	20

struct opts {
	enum bench_proto proto;
	const char *addr;
	int port;
	size_t size;
	double seconds;
	int parallel;
	int nodelay;
};

struct result {
	unsigned long long conns, errors;
	int last_errno;
	char what[32];
};

/* Echo to the association each message came from, by its address. */
static void serve_sctp(int fd)
{
	static char buf[65536];
	struct sockaddr_storage from;
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;

	for (;;) {
		m.msg_name = &from;
		m.msg_namelen = sizeof(from);
		m.msg_flags = 0;
		n = recvmsg(fd, &m, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			bench_die("recvmsg");
		if (m.msg_flags & MSG_NOTIFICATION)
			continue;
		iov.iov_len = n;
		m.msg_flags = 0;
		/* the association may be gone already (client abort) */
		sendmsg(fd, &m, MSG_NOSIGNAL | MSG_DONTWAIT);
		iov.iov_len = sizeof(buf);
	}
}

static void serve_tcp(int lfd, int nodelay)
{
	static char buf[65536];
	struct epoll_event ev[64], add = { .events = EPOLLIN };
	int ep = epoll_create1(0), i, n, fd;
	ssize_t r;

	if (ep < 0)
		bench_die("epoll_create1");
	fcntl(lfd, F_SETFL, O_NONBLOCK);
	add.data.fd = lfd;
	epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &add);
	for (;;) {
		n = epoll_wait(ep, ev, 64, -1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			bench_die("epoll_wait");
		for (i = 0; i < n; i++) {
			fd = ev[i].data.fd;
			if (fd == lfd) {
				while ((fd = accept(lfd, NULL, NULL)) >= 0) {
					if (nodelay)
						bench_nodelay(fd, BENCH_TCP, 1);
					add.data.fd = fd;
					epoll_ctl(ep, EPOLL_CTL_ADD, fd, &add);
				}
				continue;
			}
			r = read(fd, buf, sizeof(buf));
			if (r <= 0 || bench_write_all(fd, buf, r)) {
				/* close() drops it from the epoll set */
				close(fd);
			}
		}
	}
}

static int do_server(const struct opts *o)
{
	int type = o->proto == BENCH_SCTP ? SOCK_SEQPACKET : SOCK_STREAM;
	/* 4096: case 4's parallel clients must not see a full accept queue */
	int fd = bench_listen(o->proto, type, o->port, 4096);

	if (o->nodelay && o->proto == BENCH_SCTP)
		bench_nodelay(fd, o->proto, 1);
	printf("listening=1\n");
	fflush(stdout);
	if (o->proto == BENCH_SCTP)
		serve_sctp(fd);
	else
		serve_tcp(fd, o->nodelay);
	return 0;
}

static int echo_once(const struct opts *o, const struct sockaddr_in *sa,
		     const char *msg, char *back, const char **what)
{
	int fd;

	*what = "connect";
	fd = bench_connect(o->proto, sa, 10);
	if (fd < 0)
		return -1;
	*what = "send";
	if (bench_write_all(fd, msg, o->size))
		goto fail;
	*what = "recv";
	if (bench_read_all(fd, back, o->size))
		goto fail;
	*what = "echo mismatch";
	if (memcmp(msg, back, o->size)) {
		errno = EBADMSG;
		goto fail;
	}
	close(fd);
	return 0;
fail:
	close(fd);
	return -1;
}

static struct result client_one(const struct opts *o)
{
	struct result res = {};
	struct sockaddr_in sa;
	char *msg = malloc(o->size), *back = malloc(o->size);
	const char *what;
	size_t i;
	int fails = 0;

	if (!msg || !back)
		bench_die("malloc");
	for (i = 0; i < o->size; i++)
		msg[i] = 'a' + i % 26;
	bench_addr(&sa, o->addr, o->port);
	bench_alarm(o->seconds);
	while (!bench_stop) {
		if (!echo_once(o, &sa, msg, back, &what)) {
			res.conns++;
			fails = 0;
			continue;
		}
		if (bench_stop && errno == EINTR)
			break;
		res.errors++;
		res.last_errno = errno;
		snprintf(res.what, sizeof(res.what), "%s", what);
		if (++fails >= MAX_FAILS)
			break;
	}
	return res;
}

static int do_client(const struct opts *o)
{
	struct result total = {}, r;
	int pipefd[2], i, st;
	double t0 = bench_now(), t;

	if (pipe(pipefd))
		bench_die("pipe");
	for (i = 0; i < o->parallel; i++) {
		pid_t pid = fork();

		if (pid < 0)
			bench_die("fork");
		if (!pid) {
			close(pipefd[0]);
			r = client_one(o);
			if (write(pipefd[1], &r, sizeof(r)) != sizeof(r))
				_exit(1);
			_exit(0);
		}
	}
	close(pipefd[1]);
	while (read(pipefd[0], &r, sizeof(r)) == sizeof(r)) {
		total.conns += r.conns;
		total.errors += r.errors;
		if (r.errors) {
			total.last_errno = r.last_errno;
			memcpy(total.what, r.what, sizeof(r.what));
		}
	}
	while (wait(&st) > 0)
		;
	t = bench_now() - t0;
	if (total.errors)
		printf("error=\"%llu failed iterations, last: %s: %s\"\n",
		       total.errors, total.what, strerror(total.last_errno));
	printf("conns=%llu errors=%llu seconds=%.3f rate=%.1f\n", total.conns,
	       total.errors, t, total.conns / t);
	return total.errors ? 1 : 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: bench_setup server --proto P [--port N]\n"
		"       bench_setup client --proto P --addr A [--port N] [--size N]\n"
		"                          [--seconds S] [--parallel N]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct opts o = {
		.proto = BENCH_SCTP, .port = 5202, .size = 100, .seconds = 5,
		.parallel = 1,
	};
	const struct bench_opt t[] = {
		{ "proto", BO_PROTO, &o.proto }, { "addr", BO_STR, &o.addr },
		{ "port", BO_INT, &o.port }, { "size", BO_SIZE, &o.size },
		{ "seconds", BO_DOUBLE, &o.seconds },
		{ "parallel", BO_INT, &o.parallel },
		{ "nodelay", BO_FLAG, &o.nodelay }, { }
	};

	if (argc < 2)
		usage();
	bench_options(argc, argv, 2, t, usage);
	if (!strcmp(argv[1], "server"))
		return do_server(&o);
	if (strcmp(argv[1], "client") || !o.addr || !o.size ||
	    o.parallel < 1 || o.size > 65536)
		usage();
	return do_client(&o);
}
