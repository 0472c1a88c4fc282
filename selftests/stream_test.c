// SPDX-License-Identifier: GPL-2.0
/*
 * Socket-level semantics, through the standard API only, so that every
 * case passes on Linux's sctp.ko as well: poll/epoll readiness, EPIPE and
 * SIGPIPE, ENOTCONN, SO_LINGER 0, flow control against a reader that
 * stops (blocking, SO_SNDTIMEO, non-blocking, memory bounds), SO_RCVTIMEO,
 * SO_RCVLOWAT, and SO_MARK, SO_PRIORITY, IP_TOS / IPV6_TCLASS and
 * SO_BINDTODEVICE seen on the packets (tc counters on a veth).  Where
 * sctp.ko differs from TCP or from the RFCs, the test follows sctp.ko and
 * says so.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "helpers.h"

#define TIMEOUT_MS 10000
#define MSG_LEN 1000		/* flow control messages */

static volatile sig_atomic_t sigpipes;

static void on_sigpipe(int sig)
{
	sigpipes++;
}

static void catch_sigpipe(void)
{
	struct sigaction sa = { .sa_handler = on_sigpipe };

	sigaction(SIGPIPE, &sa, NULL);
	sigpipes = 0;
}

static int revents(int fd, short ev, int ms)
{
	struct pollfd p = { .fd = fd, .events = ev };

	return poll(&p, 1, ms) == 1 ? p.revents : 0;
}

static int epoll_on(int fd, unsigned int ev)
{
	struct epoll_event e = { .events = ev, .data.fd = fd };
	int ep = epoll_create1(0);

	if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e))
		return -1;
	return ep;
}

/* The events of one epoll_wait() within @ms, 0 if none. */
static unsigned int epoll_events(int ep, int ms)
{
	struct epoll_event e = {};

	return epoll_wait(ep, &e, 1, ms) == 1 ? e.events : 0;
}

/* Only SCTP_ASSOC_CHANGE (if @assoc), nothing else, is delivered. */
static int subscribe(int fd, int assoc)
{
	struct sctp_event_subscribe ev = { .sctp_association_event = assoc };

	return setsockopt(fd, IPPROTO_SCTP, SCTP_EVENTS, &ev, sizeof(ev));
}

static int set_int(int fd, int level, int name, int v)
{
	return setsockopt(fd, level, name, &v, sizeof(v));
}

static int set_timeo(int fd, int name, int ms)
{
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };

	return setsockopt(fd, SOL_SOCKET, name, &tv, sizeof(tv));
}

static int sock_err(int fd)
{
	socklen_t len = sizeof(int);
	int v = -1;

	return getsockopt(fd, SOL_SOCKET, SO_ERROR, &v, &len) ? -errno : v;
}

/* SO_MEMINFO: the socket's sk_wmem_queued, sk_rmem_alloc, buffers. */
static int meminfo(int fd, int idx)
{
	uint32_t m[SK_MEMINFO_VARS] = {};
	socklen_t len = sizeof(m);

	if (getsockopt(fd, SOL_SOCKET, SO_MEMINFO, m, &len))
		return -errno;
	return m[idx];
}

/*
 * The next SCTP_ASSOC_CHANGE on @fd (data skipped): its sac_state, or
 * -ETIMEDOUT.  A one-to-one socket after the peer's SHUTDOWN is always
 * readable (EOF), so this reads without blocking until the deadline.
 */
static int next_assoc_change(int fd, struct sctp_assoc_change *out)
{
	long long end = now_ms() + TIMEOUT_MS;

	while (now_ms() < end) {
		union { struct sctp_assoc_change sac; char b[512]; } n;
		struct iovec iov = { &n, sizeof(n) };
		struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };

		if (!(revents(fd, POLLIN, 100) & POLLIN))
			continue;
		if (recvmsg(fd, &m, MSG_DONTWAIT) <= 0) {
			revents(fd, POLLPRI, 10);	/* EOF: a bounded pause */
			continue;
		}
		if ((m.msg_flags & MSG_NOTIFICATION) &&
		    n.sac.sac_type == SCTP_ASSOC_CHANGE) {
			if (out)
				*out = n.sac;
			return n.sac.sac_state;
		}
	}
	return -ETIMEDOUT;
}

static socklen_t loopback(int family, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		struct sockaddr_in *s = (struct sockaddr_in *)ss;

		s->sin_family = AF_INET;
		s->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		return sizeof(*s);
	}
	((struct sockaddr_in6 *)ss)->sin6_family = AF_INET6;
	((struct sockaddr_in6 *)ss)->sin6_addr = in6addr_loopback;
	return sizeof(struct sockaddr_in6);
}

/* Message @k of the flow control tests: its bytes follow from @k. */
static void fill_msg(unsigned char *b, uint32_t k)
{
	int i;

	memcpy(b, &k, 4);
	for (i = 4; i < MSG_LEN; i++)
		b[i] = (unsigned char)(k * 7 + i);
}

static uint64_t fnv(uint64_t h, const unsigned char *b, size_t n)
{
	while (n--)
		h = (h ^ *b++) * 0x100000001b3ULL;
	return h;
}

FIXTURE(pair) {
	int lfd;		/* listener, or the one-to-many server */
	int cfd;		/* client */
	int afd;		/* accepted (one-to-one) */
	int sfd;		/* the server end: afd or lfd */
	struct sockaddr_storage srv;
	socklen_t srvlen;
};

FIXTURE_VARIANT(pair) {
	int family;
	int type;
};

FIXTURE_VARIANT_ADD(pair, v4_stream) { AF_INET, SOCK_STREAM };
FIXTURE_VARIANT_ADD(pair, v6_stream) { AF_INET6, SOCK_STREAM };
FIXTURE_VARIANT_ADD(pair, v4_seqpacket) { AF_INET, SOCK_SEQPACKET };
FIXTURE_VARIANT_ADD(pair, v6_seqpacket) { AF_INET6, SOCK_SEQPACKET };

FIXTURE_SETUP(pair)
{
	self->afd = -1;
	self->sfd = -1;
	self->lfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_LE(0, self->lfd);
	self->srvlen = loopback(variant->family, &self->srv);
	ASSERT_EQ(0, bind(self->lfd, (struct sockaddr *)&self->srv,
			  self->srvlen));
	ASSERT_EQ(0, getsockname(self->lfd, (struct sockaddr *)&self->srv,
				 &self->srvlen));
	ASSERT_EQ(0, subscribe(self->lfd, 0));
	ASSERT_EQ(0, listen(self->lfd, 8));
	self->cfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_LE(0, self->cfd);
	ASSERT_EQ(0, subscribe(self->cfd, 0));
	catch_sigpipe();
}

FIXTURE_TEARDOWN(pair)
{
	close(self->cfd);
	if (self->afd >= 0)
		close(self->afd);
	close(self->lfd);
}

/* Blocking connect, then the server's end in self->sfd. */
#define connect_pair() do {						\
	ASSERT_EQ(0, connect(self->cfd, (struct sockaddr *)&self->srv,	\
			     self->srvlen));				\
	self->sfd = self->lfd;						\
	if (variant->type == SOCK_STREAM) {				\
		ASSERT_EQ(POLLIN, revents(self->lfd, POLLIN, TIMEOUT_MS)); \
		self->afd = accept(self->lfd, NULL, NULL);		\
		ASSERT_LE(0, self->afd);				\
		self->sfd = self->afd;					\
	}								\
} while (0)

/* client -> server: one-to-many names the server */
static ssize_t csend(struct _test_data_pair *self, const void *b, size_t n,
		     int flags)
{
	return sendto(self->cfd, b, n, flags, (struct sockaddr *)&self->srv,
		      self->srvlen);
}

/* EPOLLIN when a message is queued, not before, and not after reading. */
TEST_F(pair, epollin_when_message_queued)
{
	char buf[64];
	int ep;

	connect_pair();
	ep = epoll_on(self->sfd, EPOLLIN);
	ASSERT_LE(0, ep);
	EXPECT_EQ(0, epoll_events(ep, 0));
	EXPECT_EQ(0, revents(self->sfd, POLLIN, 0) & POLLIN);
	ASSERT_EQ(5, csend(self, "hello", 5, 0));
	ASSERT_EQ(EPOLLIN, epoll_events(ep, TIMEOUT_MS) & EPOLLIN);
	EXPECT_EQ(POLLIN | POLLRDNORM,
		  revents(self->sfd, POLLIN | POLLRDNORM, 0) &
		  (POLLIN | POLLRDNORM));
	ASSERT_EQ(5, recv(self->sfd, buf, sizeof(buf), 0));
	EXPECT_EQ(0, epoll_events(ep, 0));
	EXPECT_EQ(0, revents(self->sfd, POLLIN, 0) & POLLIN);
	close(ep);
}

/* A notification makes the socket readable like a message. */
TEST_F(pair, epollin_when_notification_queued)
{
	union { struct sctp_assoc_change sac; char b[512]; } n;
	int ep;

	ASSERT_EQ(0, subscribe(self->cfd, 1));
	ep = epoll_on(self->cfd, EPOLLIN);
	ASSERT_LE(0, ep);
	EXPECT_EQ(0, epoll_events(ep, 0));
	connect_pair();
	ASSERT_EQ(EPOLLIN, epoll_events(ep, TIMEOUT_MS) & EPOLLIN);
	struct iovec iov = { &n, sizeof(n) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };

	ASSERT_LT(0, recvmsg(self->cfd, &m, 0));
	EXPECT_TRUE(m.msg_flags & MSG_NOTIFICATION);
	EXPECT_EQ(SCTP_ASSOC_CHANGE, n.sac.sac_type);
	EXPECT_EQ(SCTP_COMM_UP, n.sac.sac_state);
	EXPECT_EQ(0, epoll_events(ep, 0));
	close(ep);
}

/* Edge-triggered epoll wakes once per new message, unread ones or not. */
TEST_F(pair, edge_triggered_once_per_message)
{
	char buf[64];
	int ep, i;

	connect_pair();
	ep = epoll_on(self->sfd, EPOLLIN | EPOLLET);
	ASSERT_LE(0, ep);
	for (i = 0; i < 3; i++) {
		ASSERT_EQ(3, csend(self, "abc", 3, 0));
		ASSERT_EQ(EPOLLIN, epoll_events(ep, TIMEOUT_MS));
		EXPECT_EQ(0, epoll_events(ep, 0));
	}
	for (i = 0; i < 3; i++)
		ASSERT_EQ(3, recv(self->sfd, buf, sizeof(buf), MSG_DONTWAIT));
	EXPECT_EQ(0, epoll_events(ep, 0));
	close(ep);
}

/*
 * Sends MSG_LEN-byte messages without waiting until the sender is full:
 * EAGAIN and no POLLOUT for 300 ms (the reader does not read, so nothing
 * frees room).  Returns the number sent, -1 if it never filled up.
 */
static int fill_up(struct _test_data_pair *self, uint32_t first,
		   uint64_t *hash)
{
	unsigned char b[MSG_LEN];
	uint32_t k = first;
	int rounds;

	for (rounds = 0; rounds < 100; rounds++) {
		for (;;) {
			fill_msg(b, k);
			if (csend(self, b, MSG_LEN, MSG_DONTWAIT) < 0)
				break;
			*hash = fnv(*hash, b, MSG_LEN);
			k++;
		}
		if (errno != EAGAIN)
			return -1;
		if (!(revents(self->cfd, POLLOUT, 300) & POLLOUT))
			return k - first;
	}
	return -1;
}

/* Reads messages [first, last) with every byte checked into *@hash. */
static int drain(int fd, uint32_t first, uint32_t last, uint64_t *hash)
{
	unsigned char b[MSG_LEN + 1], want[MSG_LEN];
	uint32_t k;

	for (k = first; k < last; k++) {
		if (!(revents(fd, POLLIN, TIMEOUT_MS) & POLLIN))
			return -ETIMEDOUT;
		if (recv(fd, b, sizeof(b), 0) != MSG_LEN)
			return -EIO;
		fill_msg(want, k);
		if (memcmp(b, want, MSG_LEN))
			return -EBADMSG;
		*hash = fnv(*hash, b, MSG_LEN);
	}
	return 0;
}

static void small_buffers(struct _test_data_pair *self)
{
	set_int(self->cfd, SOL_SOCKET, SO_SNDBUF, 16384);
	set_int(self->lfd, SOL_SOCKET, SO_RCVBUF, 16384);
}

/*
 * A reader that stops: the non-blocking sender gets EAGAIN and no
 * EPOLLOUT, memory stays bounded on both ends, SO_SNDTIMEO makes a
 * blocking send give up with EAGAIN after about the timeout; once the
 * reader resumes, every message arrives intact and EPOLLOUT returns.
 * sctp.ko lets a message in while any send buffer is left (the buffer
 * overshoots by at most one message) and waits only when none is: so
 * EPOLLOUT and a send that does not block agree.
 */
TEST_F(pair, stalled_reader_bounds_sender)
{
	uint64_t sent = 0xcbf29ce484222325ULL, got = sent;
	unsigned char b[MSG_LEN];
	int n, sndbuf, rcvbuf, ep;
	long long t;

	small_buffers(self);
	connect_pair();
	ASSERT_EQ(POLLOUT, revents(self->cfd, POLLOUT, 0) & POLLOUT);
	n = fill_up(self, 0, &sent);
	ASSERT_LT(0, n) TH_LOG("the sender never filled up");
	ep = epoll_on(self->cfd, EPOLLOUT);
	EXPECT_EQ(0, epoll_events(ep, 0));
	fill_msg(b, n);
	EXPECT_EQ(-1, csend(self, b, MSG_LEN, MSG_DONTWAIT));
	EXPECT_EQ(EAGAIN, errno);
	/* bounded: the sender holds about SO_SNDBUF, the receiver SO_RCVBUF */
	sndbuf = meminfo(self->cfd, SK_MEMINFO_SNDBUF);
	rcvbuf = meminfo(self->sfd, SK_MEMINFO_RCVBUF);
	TH_LOG("%d messages; wmem_queued %d of %d; rmem_alloc %d of %d", n,
	       meminfo(self->cfd, SK_MEMINFO_WMEM_QUEUED), sndbuf,
	       meminfo(self->sfd, SK_MEMINFO_RMEM_ALLOC), rcvbuf);
	EXPECT_LE(sndbuf, meminfo(self->cfd, SK_MEMINFO_WMEM_QUEUED));
	EXPECT_GE(sndbuf + 4 * MSG_LEN,
		  meminfo(self->cfd, SK_MEMINFO_WMEM_QUEUED));
	EXPECT_GE(2 * rcvbuf + 4 * MSG_LEN,
		  meminfo(self->sfd, SK_MEMINFO_RMEM_ALLOC));
	EXPECT_GE((sndbuf + 2 * rcvbuf) / MSG_LEN + 4, n);
	/* SO_SNDTIMEO: a blocking send waits that long, then EAGAIN */
	ASSERT_EQ(0, set_timeo(self->cfd, SO_SNDTIMEO, 400));
	t = now_ms();
	EXPECT_EQ(-1, csend(self, b, MSG_LEN, 0));
	EXPECT_EQ(EAGAIN, errno);
	t = now_ms() - t;
	EXPECT_LE(350, t);
	EXPECT_GE(4000, t);
	/* the reader resumes: everything, then room again */
	ASSERT_EQ(0, drain(self->sfd, 0, n, &got));
	EXPECT_EQ(sent, got);
	EXPECT_EQ(EPOLLOUT, epoll_events(ep, TIMEOUT_MS) & EPOLLOUT);
	EXPECT_EQ(MSG_LEN, csend(self, b, MSG_LEN, MSG_DONTWAIT));
	close(ep);
}

struct sender {
	struct _test_data_pair *self;
	uint32_t count;
	uint64_t hash;
	volatile uint32_t done;		/* messages sent so far */
	int err;
};

static void *blocking_sender(void *arg)
{
	struct sender *s = arg;
	unsigned char b[MSG_LEN];

	for (; s->done < s->count; s->done++) {
		fill_msg(b, s->done);
		if (csend(s->self, b, MSG_LEN, 0) != MSG_LEN) {
			s->err = errno;
			break;
		}
		s->hash = fnv(s->hash, b, MSG_LEN);
	}
	return NULL;
}

/*
 * A blocking sender blocks while the reader stops (its send buffer full,
 * the thread still short of its count), and completes when the reader
 * resumes: every byte of 300 messages (300 KB, 5 times the buffers)
 * arrives in order.
 */
TEST_F_TIMEOUT(pair, blocking_sender_waits_for_reader, 120)
{
	struct sender s = { self, 300, 0xcbf29ce484222325ULL, 0, 0 };
	uint64_t got = s.hash;
	pthread_t th;
	long long end;
	int sndbuf;

	small_buffers(self);
	connect_pair();
	sndbuf = meminfo(self->cfd, SK_MEMINFO_SNDBUF);
	ASSERT_EQ(0, pthread_create(&th, NULL, blocking_sender, &s));
	end = now_ms() + TIMEOUT_MS;
	while (meminfo(self->cfd, SK_MEMINFO_WMEM_QUEUED) < sndbuf &&
	       now_ms() < end)
		revents(self->cfd, POLLPRI, 10);	/* bounded pause */
	EXPECT_LE(sndbuf, meminfo(self->cfd, SK_MEMINFO_WMEM_QUEUED));
	EXPECT_GT(s.count, s.done);
	EXPECT_EQ(0, revents(self->cfd, POLLOUT, 0) & POLLOUT);
	end = now_ms();
	EXPECT_EQ(0, drain(self->sfd, 0, s.count, &got));
	pthread_join(th, NULL);
	TH_LOG("%u messages in %lld ms", s.done, now_ms() - end);
	EXPECT_EQ(0, s.err);
	EXPECT_EQ(s.count, s.done);
	EXPECT_EQ(s.hash, got);
}

/* SO_RCVTIMEO: a blocking recv with nothing queued gives EAGAIN. */
TEST_F(pair, rcvtimeo)
{
	char buf[16];
	long long t;

	connect_pair();
	ASSERT_EQ(0, set_timeo(self->sfd, SO_RCVTIMEO, 400));
	t = now_ms();
	EXPECT_EQ(-1, recv(self->sfd, buf, sizeof(buf), 0));
	EXPECT_EQ(EAGAIN, errno);
	t = now_ms() - t;
	EXPECT_LE(350, t);
	EXPECT_GE(4000, t);
	ASSERT_EQ(2, csend(self, "ok", 2, 0));
	EXPECT_EQ(2, recv(self->sfd, buf, sizeof(buf), 0));
}

/*
 * SO_RCVLOWAT is accepted and has no effect: sctp.ko neither polls nor
 * reads against it (a message is the unit), unlike TCP.
 */
TEST_F(pair, rcvlowat_ignored)
{
	char buf[16];

	connect_pair();
	ASSERT_EQ(0, set_int(self->sfd, SOL_SOCKET, SO_RCVLOWAT, 1000));
	ASSERT_EQ(3, csend(self, "xyz", 3, 0));
	EXPECT_EQ(POLLIN, revents(self->sfd, POLLIN, TIMEOUT_MS) & POLLIN);
	EXPECT_EQ(3, recv(self->sfd, buf, sizeof(buf), 0));
}

/* SIOCINQ (FIONREAD): the size of the next message only, as sctp.ko. */
TEST_F(pair, fionread_next_message)
{
	char buf[16];
	int n = -1;

	connect_pair();
	ASSERT_EQ(0, ioctl(self->sfd, FIONREAD, &n));
	EXPECT_EQ(0, n);
	ASSERT_EQ(7, csend(self, "message", 7, 0));
	ASSERT_EQ(3, csend(self, "two", 3, 0));
	ASSERT_EQ(POLLIN, revents(self->sfd, POLLIN, TIMEOUT_MS) & POLLIN);
	ASSERT_EQ(0, ioctl(self->sfd, FIONREAD, &n));
	EXPECT_EQ(7, n);
	ASSERT_EQ(7, recv(self->sfd, buf, sizeof(buf), 0));
	ASSERT_EQ(POLLIN, revents(self->sfd, POLLIN, TIMEOUT_MS) & POLLIN);
	ASSERT_EQ(0, ioctl(self->sfd, FIONREAD, &n));
	EXPECT_EQ(3, n);
	if (variant->type == SOCK_STREAM) {
		EXPECT_EQ(-1, ioctl(self->lfd, FIONREAD, &n));
		EXPECT_EQ(ENOTCONN, errno);
	}
}

/* One-to-one after the peer's SHUTDOWN: EPOLLRDHUP|EPOLLIN, EOF, EPIPE. */
TEST_F(pair, peer_shutdown_then_epipe)
{
	char buf[16];
	int ep;

	if (variant->type != SOCK_STREAM)
		SKIP(return, "one-to-one only");
	ASSERT_EQ(0, subscribe(self->lfd, 1));
	connect_pair();
	ASSERT_EQ(SCTP_COMM_UP, next_assoc_change(self->sfd, NULL));
	ep = epoll_on(self->sfd, EPOLLIN | EPOLLRDHUP);
	ASSERT_EQ(3, send(self->cfd, "bye", 3, 0));
	ASSERT_EQ(0, shutdown(self->cfd, SHUT_WR));
	ASSERT_EQ(EPOLLIN, epoll_events(ep, TIMEOUT_MS) & EPOLLIN);
	ASSERT_EQ(3, recv(self->sfd, buf, sizeof(buf), 0));
	EXPECT_EQ(EPOLLIN | EPOLLRDHUP,
		  epoll_events(ep, TIMEOUT_MS) & (EPOLLIN | EPOLLRDHUP));
	ASSERT_EQ(SCTP_SHUTDOWN_COMP, next_assoc_change(self->sfd, NULL));
	EXPECT_EQ(0, recv(self->sfd, buf, sizeof(buf), MSG_DONTWAIT));
	EXPECT_EQ(POLLIN | POLLRDHUP,
		  revents(self->sfd, POLLIN | POLLRDHUP, 0) &
		  (POLLIN | POLLRDHUP));
	/* the association is gone: EPIPE, SIGPIPE unless MSG_NOSIGNAL */
	EXPECT_EQ(-1, send(self->sfd, "x", 1, 0));
	EXPECT_EQ(EPIPE, errno);
	EXPECT_EQ(1, sigpipes);
	EXPECT_EQ(-1, send(self->sfd, "x", 1, MSG_NOSIGNAL));
	EXPECT_EQ(EPIPE, errno);
	EXPECT_EQ(1, sigpipes);
	close(ep);
}

/*
 * One-to-one, peer closes with SO_LINGER 0: ABORT.  The reader gets
 * SCTP_COMM_LOST, then ECONNRESET; EPOLLERR until the error is read.  As
 * on sctp.ko, the first send after the abort reports the pending error
 * (ECONNRESET, no SIGPIPE); later ones EPIPE and SIGPIPE.
 */
TEST_F(pair, linger_zero_abort)
{
	struct linger l = { .l_onoff = 1, .l_linger = 0 };
	struct sctp_assoc_change sac;
	char buf[16];
	int ep;

	if (variant->type != SOCK_STREAM)
		SKIP(return, "one-to-one only");
	ASSERT_EQ(0, subscribe(self->lfd, 1));
	connect_pair();
	ASSERT_EQ(SCTP_COMM_UP, next_assoc_change(self->sfd, NULL));
	ep = epoll_on(self->sfd, EPOLLIN | EPOLLRDHUP);
	ASSERT_EQ(0, setsockopt(self->cfd, SOL_SOCKET, SO_LINGER, &l,
				sizeof(l)));
	close(self->cfd);
	self->cfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_EQ(EPOLLERR, epoll_events(ep, TIMEOUT_MS) & EPOLLERR);
	TH_LOG("after ABORT: poll %#x",
	       revents(self->sfd, POLLIN | POLLOUT | POLLRDHUP, 0));
	ASSERT_EQ(SCTP_COMM_LOST, next_assoc_change(self->sfd, &sac));
	EXPECT_EQ(-1, send(self->sfd, "x", 1, 0));
	EXPECT_EQ(ECONNRESET, errno);
	EXPECT_EQ(0, sigpipes);
	EXPECT_EQ(0, sock_err(self->sfd));
	EXPECT_EQ(0, revents(self->sfd, POLLIN, 0) & POLLERR);
	EXPECT_EQ(-1, send(self->sfd, "x", 1, 0));
	EXPECT_EQ(EPIPE, errno);
	EXPECT_EQ(1, sigpipes);
	EXPECT_EQ(-1, send(self->sfd, "x", 1, MSG_NOSIGNAL));
	EXPECT_EQ(EPIPE, errno);
	EXPECT_EQ(1, sigpipes);
	errno = 0;
	TH_LOG("recv after: %zd", recv(self->sfd, buf, sizeof(buf),
				       MSG_DONTWAIT));
	TH_LOG("errno %d", errno);
	close(ep);
}

/* The reader of an aborted one-to-one association sees ECONNRESET. */
TEST_F(pair, abort_read_econnreset)
{
	struct linger l = { .l_onoff = 1, .l_linger = 0 };
	char buf[16];

	if (variant->type != SOCK_STREAM)
		SKIP(return, "one-to-one only");
	connect_pair();
	ASSERT_EQ(0, setsockopt(self->cfd, SOL_SOCKET, SO_LINGER, &l,
				sizeof(l)));
	close(self->cfd);
	self->cfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_EQ(POLLERR, revents(self->sfd, POLLIN, TIMEOUT_MS) & POLLERR);
	EXPECT_EQ(-1, recv(self->sfd, buf, sizeof(buf), 0));
	EXPECT_EQ(ECONNRESET, errno);
}

/*
 * One-to-one after the peer's ABORT, as sctp.ko (it keeps the socket
 * ESTABLISHED with no association, and sets no shutdown flags): poll
 * says EPOLLERR|EPOLLOUT, not the EPOLLHUP|EPOLLRDHUP of TCP; the first
 * recv() reports ECONNRESET, the next ones no EOF but EAGAIN without
 * waiting and ENOTCONN when they would wait (nothing can come); sends
 * are EPIPE; getpeername() and shutdown() work, connect() is EISCONN.
 */
TEST_F(pair, abort_poll_recv_send)
{
	struct linger l = { .l_onoff = 1, .l_linger = 0 };
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	short all = POLLIN | POLLOUT | POLLRDHUP | POLLPRI;
	long long t0;
	char buf[16];
	int ep;

	if (variant->type != SOCK_STREAM)
		SKIP(return, "one-to-one only");
	connect_pair();
	ASSERT_EQ(0, set_timeo(self->sfd, SO_RCVTIMEO, 3000));
	ep = epoll_on(self->sfd, EPOLLIN | EPOLLOUT | EPOLLRDHUP);
	ASSERT_LE(0, ep);
	ASSERT_EQ(0, setsockopt(self->cfd, SOL_SOCKET, SO_LINGER, &l,
				sizeof(l)));
	close(self->cfd);
	self->cfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_EQ(POLLERR, revents(self->sfd, POLLIN, TIMEOUT_MS) & POLLERR);
	EXPECT_EQ(POLLERR | POLLOUT, revents(self->sfd, all, 0));
	EXPECT_EQ(EPOLLERR | EPOLLOUT, epoll_events(ep, 0));
	EXPECT_EQ(-1, recv(self->sfd, buf, sizeof(buf), 0));
	EXPECT_EQ(ECONNRESET, errno);
	EXPECT_EQ(POLLOUT, revents(self->sfd, all, 0));
	EXPECT_EQ(EPOLLOUT, epoll_events(ep, 0));
	EXPECT_EQ(-1, recv(self->sfd, buf, sizeof(buf), MSG_DONTWAIT));
	EXPECT_EQ(EAGAIN, errno);
	t0 = now_ms();
	EXPECT_EQ(-1, recv(self->sfd, buf, sizeof(buf), 0));
	EXPECT_EQ(ENOTCONN, errno);
	EXPECT_GT(1000, now_ms() - t0);	/* no wait for SO_RCVTIMEO */
	EXPECT_EQ(-1, send(self->sfd, "x", 1, 0));
	EXPECT_EQ(EPIPE, errno);
	EXPECT_EQ(1, sigpipes);
	EXPECT_EQ(0, sock_err(self->sfd));
	/* still connected in name: the peer's address, shutdown() works */
	EXPECT_EQ(0, getpeername(self->sfd, (struct sockaddr *)&ss, &len));
	EXPECT_EQ(0, shutdown(self->sfd, SHUT_WR));
	EXPECT_EQ(POLLOUT, revents(self->sfd, all, 0));
	EXPECT_EQ(-1, connect(self->sfd, (struct sockaddr *)&self->srv,
			      self->srvlen));
	EXPECT_EQ(EISCONN, errno);
	close(ep);
}

/*
 * RFC 6458 s4.1.7 leaves it to SO_LINGER; sctp.ko's close() ABORTs
 * every association, one-to-many too, when DATA the user never read
 * would be lost; unread notifications do not count (SHUTDOWN).
 */
TEST_F(pair, close_unread_data_aborts)
{
	if (variant->type == SOCK_STREAM)
		SKIP(return, "one-to-many: the one-to-one rule is elsewhere");
	ASSERT_EQ(0, subscribe(self->cfd, 1));
	connect_pair();
	ASSERT_EQ(SCTP_COMM_UP, next_assoc_change(self->cfd, NULL));
	ASSERT_EQ(1, csend(self, "x", 1, 0));
	ASSERT_EQ(POLLIN, revents(self->lfd, POLLIN, TIMEOUT_MS) & POLLIN);
	close(self->lfd);
	self->lfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	EXPECT_EQ(SCTP_COMM_LOST, next_assoc_change(self->cfd, NULL));
}

TEST_F(pair, close_unread_notification_shuts_down)
{
	if (variant->type == SOCK_STREAM)
		SKIP(return, "one-to-many: the one-to-one rule is elsewhere");
	ASSERT_EQ(0, subscribe(self->cfd, 1));
	ASSERT_EQ(0, subscribe(self->lfd, 1));
	connect_pair();
	ASSERT_EQ(SCTP_COMM_UP, next_assoc_change(self->cfd, NULL));
	/* the server's SCTP_COMM_UP waits, unread */
	ASSERT_EQ(POLLIN, revents(self->lfd, POLLIN, TIMEOUT_MS) & POLLIN);
	close(self->lfd);
	self->lfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	EXPECT_EQ(SCTP_SHUTDOWN_COMP, next_assoc_change(self->cfd, NULL));
}

/*
 * The ordered DATA chunks the server's association took in so far
 * (SCTP_GET_ASSOC_STATS): a one-to-many server's only association.
 */
static long long data_in(int fd, int one_to_many)
{
	struct sctp_assoc_stats st = {};
	socklen_t len = sizeof(st);

	if (one_to_many) {
		struct { struct sctp_assoc_ids l; sctp_assoc_t id[4]; } ids;

		len = sizeof(ids);
		if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST, &ids,
			       &len) || ids.l.gaids_number_of_ids != 1)
			return -1;
		st.sas_assoc_id = ids.l.gaids_assoc_id[0];
		len = sizeof(st);
	}
	if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_STATS, &st, &len))
		return -errno;
	return st.sas_iodchunks;
}

/*
 * Data the user cannot read yet counts too: fragments of a message whose
 * first fragment is lost wait in reassembly, and close() ABORTs
 * (sctp.ko).  In a namespace of the test's own, lo with a 1400-byte MTU,
 * and a tc filter that drops each DATA chunk with the B bit and without
 * the E bit first in its packet: the start of a fragmented message,
 * however often it is sent again.  (Not the end: a stack may bundle it
 * behind a middle fragment.)
 */
TEST_F(pair, close_data_in_reassembly_aborts)
{
	static char big[4000];
	long long end;
	int c, l, type;

	if (variant->family != AF_INET)
		SKIP(return, "IPv4 only (the tc filter's offsets)");
	sh("modprobe -a sch_prio cls_u32 act_gact 2>/dev/null");
	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	/* gso_max_segs 1: the fragments go as packets, not as one GSO skb
	 * that the filter would drop whole
	 */
	ASSERT_EQ(0, sh("ip link set lo mtu 1400 gso_max_segs 1 up && "
			"tc qdisc add dev lo root handle 1: prio && "
			"tc filter add dev lo parent 1: prio 1 protocol ip u32 "
			"match ip protocol 132 0xff match u8 0 0xff at 32 "
			"match u8 2 3 at 33 action drop"));
	/* the fixture's sockets are in the namespace it started in */
	type = variant->type;
	l = socket(AF_INET, type, IPPROTO_SCTP);
	c = socket(AF_INET, type, IPPROTO_SCTP);
	ASSERT_LE(0, l);
	ASSERT_LE(0, c);
	close(self->cfd);
	close(self->lfd);
	self->cfd = c;
	self->lfd = l;
	self->srvlen = loopback(AF_INET, &self->srv);
	ASSERT_EQ(0, bind(l, (struct sockaddr *)&self->srv, self->srvlen));
	ASSERT_EQ(0, getsockname(l, (struct sockaddr *)&self->srv,
				 &self->srvlen));
	ASSERT_EQ(0, listen(l, 4));
	ASSERT_EQ(0, subscribe(c, 1));
	ASSERT_EQ(0, subscribe(l, 0));
	connect_pair();
	ASSERT_EQ(SCTP_COMM_UP, next_assoc_change(c, NULL));
	memset(big, 'b', sizeof(big));
	ASSERT_EQ((ssize_t)sizeof(big), csend(self, big, sizeof(big), 0));
	/* 4000 bytes: three fragments or more; once one after B is in, it
	 * waits in reassembly
	 */
	end = now_ms() + TIMEOUT_MS;
	while (data_in(self->sfd, self->afd < 0) < 1 && now_ms() < end)
		revents(c, POLLPRI, 10);	/* bounded pause */
	ASSERT_LE(1, data_in(self->sfd, self->afd < 0));
	EXPECT_EQ(0, revents(self->sfd, POLLIN, 0) & POLLIN);
	if (self->afd >= 0) {
		close(self->afd);
		self->afd = -1;
	} else {
		close(l);
		self->lfd = socket(AF_INET, type, IPPROTO_SCTP);
	}
	EXPECT_EQ(SCTP_COMM_LOST, next_assoc_change(c, NULL));
}

/* Non-blocking connect: EPOLLOUT on COMM_UP, SO_ERROR 0. */
TEST_F(pair, nonblocking_connect_epollout)
{
	int ep;

	ASSERT_EQ(0, fcntl(self->cfd, F_SETFL, O_NONBLOCK));
	ep = epoll_on(self->cfd, EPOLLOUT);
	ASSERT_EQ(-1, connect(self->cfd, (struct sockaddr *)&self->srv,
			      self->srvlen));
	ASSERT_EQ(EINPROGRESS, errno);
	EXPECT_EQ(EPOLLOUT, epoll_events(ep, TIMEOUT_MS) & (EPOLLOUT | EPOLLERR));
	EXPECT_EQ(0, sock_err(self->cfd));
	EXPECT_EQ(2, csend(self, "hi", 2, 0));
	close(ep);
}

/* Refused (ABORT answers the INIT): EPOLLERR, SO_ERROR ECONNREFUSED. */
TEST_F(pair, nonblocking_connect_refused)
{
	struct sockaddr_storage to = self->srv;
	unsigned int ev;
	int ep;

	if (variant->type != SOCK_STREAM)
		SKIP(return, "one-to-many has no socket error");
	close(self->lfd);		/* nobody listens on srv any more */
	self->lfd = socket(variant->family, variant->type, IPPROTO_SCTP);
	ASSERT_EQ(0, fcntl(self->cfd, F_SETFL, O_NONBLOCK));
	ep = epoll_on(self->cfd, EPOLLOUT | EPOLLIN);
	ASSERT_EQ(-1, connect(self->cfd, (struct sockaddr *)&to,
			      self->srvlen));
	ASSERT_EQ(EINPROGRESS, errno);
	ev = epoll_events(ep, TIMEOUT_MS);
	TH_LOG("refused: epoll %#x", ev);
	EXPECT_EQ(EPOLLERR, ev & (EPOLLERR | EPOLLOUT));
	EXPECT_EQ(ECONNREFUSED, sock_err(self->cfd));
	EXPECT_EQ(0, sock_err(self->cfd));
	close(ep);
}

/* ENOTCONN: a one-to-one socket never connected, or listening. */
TEST_F(pair, enotconn)
{
	char buf[16];
	int fd = socket(variant->family, variant->type, IPPROTO_SCTP);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, set_timeo(fd, SO_RCVTIMEO, 2000));
	EXPECT_EQ(-1, recv(fd, buf, sizeof(buf), MSG_DONTWAIT));
	EXPECT_EQ(EAGAIN, errno);
	/* blocking: nothing can come, so no wait (sctp.ko) */
	EXPECT_EQ(-1, recv(fd, buf, sizeof(buf), 0));
	EXPECT_EQ(ENOTCONN, errno);
	EXPECT_EQ(-1, shutdown(fd, SHUT_WR));
	EXPECT_EQ(ENOTCONN, errno);
	if (variant->type == SOCK_STREAM) {
		struct sockaddr_storage ss;
		socklen_t len = sizeof(ss);

		EXPECT_EQ(-1, getpeername(fd, (struct sockaddr *)&ss, &len));
		EXPECT_EQ(ENOTCONN, errno);
		EXPECT_EQ(-1, recv(self->lfd, buf, sizeof(buf), 0));
		EXPECT_EQ(ENOTCONN, errno);
		/* sctp.ko: send() without an association is EPIPE, not
		 * ENOTCONN as on TCP
		 */
		EXPECT_EQ(-1, send(fd, "x", 1, MSG_NOSIGNAL));
		EXPECT_EQ(EPIPE, errno);
		EXPECT_EQ(0, sigpipes);
	}
	close(fd);
}

/* ---- socket options on the packets: a veth to a server namespace ---- */

#define CLIENT_NS_SETUP							\
	"ip link add xsva type veth peer name xsvb netns 1 && "		\
	"ip link set xsva up && "					\
	"ip addr add 10.213.0.1/24 dev xsva && "			\
	"ip -6 addr add fd13::1/64 dev xsva nodad && "			\
	"ip link add xsd type dummy && ip link set xsd up && "		\
	"ip addr add 10.214.0.1/24 dev xsd && "				\
	"ip -6 addr add fd14::1/64 dev xsd nodad && "			\
	"ip route add 10.213.0.0/24 dev xsd metric 500 && "		\
	"ip -6 route add fd13::/64 dev xsd metric 2048 && "		\
	"tc qdisc add dev xsva root handle 1: prio " PRIOMAP " && "	\
	"tc qdisc add dev xsd root handle 1: prio"

#define SERVER_NS_SETUP							\
	"ip link set xsvb up && ip addr add 10.213.0.2/24 dev xsvb && "	\
	"ip -6 addr add fd13::2/64 dev xsvb nodad"

/* priority 5 goes to class 1:1, any other to 1:2 */
#define PRIOMAP "priomap 1 1 1 1 1 0 1 1 1 1 1 1 1 1 1 1"

/*
 * u32 keys of an SCTP packet, and of its TOS / traffic class 0x28: the
 * DSCP bits only, for sctp.ko marks its packets ECT(0) (it does ECN)
 */
#define V4_SCTP "protocol ip u32 match ip protocol 132 0xff"
#define V6_SCTP "protocol ipv6 u32 match ip6 protocol 132 0xff"
#define V4_TOS " match ip tos 0x28 0xfc"
#define V6_TCLASS " match u32 0x02800000 0x0fc00000 at 0"
#define MARK " match mark 0x42 0xffffffff"

FIXTURE(wire) {
	int lfd, cfd;
	struct sockaddr_storage srv;
	socklen_t srvlen;
};

FIXTURE_VARIANT(wire) {
	int family;
	const char *sctp;	/* u32 keys matching SCTP */
	const char *tos;	/* and the TOS / TCLASS */
};

FIXTURE_VARIANT_ADD(wire, v4) { AF_INET, V4_SCTP, V4_TOS };
FIXTURE_VARIANT_ADD(wire, v6) { AF_INET6, V6_SCTP, V6_TCLASS };

static int tc_filter(const char *dev, int prio, const char *keys,
		     const char *more)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd),
		 "tc filter add dev %s parent 1: prio %d %s%s action continue",
		 dev, prio, keys, more);
	return sh(cmd);
}

/*
 * Packets counted by `tc -s ... show` (@what), -1 on failure.  The
 * filters (on the prio qdisc, whose classes are our counters too) only
 * count and continue, so each sees every packet.
 */
static long tc_pkts(const char *what)
{
	unsigned long long bytes, pkts;
	char cmd[256], line[512];
	long n = -1;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "tc -s %s", what);
	f = popen(cmd, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (n < 0 && sscanf(line, " Sent %llu bytes %llu pkt", &bytes,
				    &pkts) == 2)
			n = pkts;
	pclose(f);
	return n;
}

static socklen_t server_addr(int family, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		struct sockaddr_in *s = (struct sockaddr_in *)ss;

		s->sin_family = AF_INET;
		s->sin_port = htons(5213);
		inet_pton(AF_INET, "10.213.0.2", &s->sin_addr);
		return sizeof(*s);
	}
	((struct sockaddr_in6 *)ss)->sin6_family = AF_INET6;
	((struct sockaddr_in6 *)ss)->sin6_port = htons(5213);
	inet_pton(AF_INET6, "fd13::2", &((struct sockaddr_in6 *)ss)->sin6_addr);
	return sizeof(struct sockaddr_in6);
}

/*
 * The client lives in a namespace of its own with a veth (xsva) to the
 * server, in the namespace the test started in, and a dummy device
 * (xsd) with a worse route to the server: tc counts what leaves each.
 */
FIXTURE_SETUP(wire)
{
	int root = open("/proc/self/ns/net", O_RDONLY), mine;

	sh("modprobe -a veth dummy sch_prio cls_u32 act_gact 2>/dev/null");
	ASSERT_LE(0, root);
	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	mine = open("/proc/self/ns/net", O_RDONLY);
	ASSERT_EQ(0, sh(CLIENT_NS_SETUP));
	ASSERT_EQ(0, tc_filter("xsva", 1, variant->sctp, ""));
	ASSERT_EQ(0, tc_filter("xsva", 2, variant->sctp, variant->tos));
	ASSERT_EQ(0, tc_filter("xsva", 3, variant->sctp, MARK));
	ASSERT_EQ(0, tc_filter("xsd", 1, variant->sctp, ""));
	/* the server's socket is made in the namespace it lives in */
	ASSERT_EQ(0, setns(root, CLONE_NEWNET));
	ASSERT_EQ(0, sh(SERVER_NS_SETUP));
	self->srvlen = server_addr(variant->family, &self->srv);
	self->lfd = socket(variant->family, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, self->lfd);
	ASSERT_EQ(0, set_int(self->lfd, SOL_SOCKET, SO_REUSEADDR, 1));
	ASSERT_EQ(0, bind(self->lfd, (struct sockaddr *)&self->srv,
			  self->srvlen)) TH_LOG("bind: %s", strerror(errno));
	ASSERT_EQ(0, listen(self->lfd, 4));
	ASSERT_EQ(0, setns(mine, CLONE_NEWNET));
	close(root);
	close(mine);
	self->cfd = socket(variant->family, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, self->cfd);
}

FIXTURE_TEARDOWN(wire)
{
	close(self->cfd);
	close(self->lfd);
	sh("ip link del xsva 2>/dev/null");	/* and xsvb with it */
}

/*
 * SO_MARK, SO_PRIORITY and IP_TOS / IPV6_TCLASS set before connect() are
 * on every packet of the association, from the INIT on: the marked, the
 * TOS-matched and the priority's class (1:1 of the prio qdisc, where
 * its priomap sends priority 5) count all of them.
 */
TEST_F(wire, mark_priority_tos)
{
	int level = variant->family == AF_INET ? IPPROTO_IP : IPPROTO_IPV6;
	int name = variant->family == AF_INET ? IP_TOS : IPV6_TCLASS;
	char buf[100] = "wire";
	long all, i;
	int afd;

	ASSERT_EQ(0, set_int(self->cfd, SOL_SOCKET, SO_MARK, 0x42));
	/* IP_TOS sets the priority too (rt_tos2priority): TOS first */
	ASSERT_EQ(0, set_int(self->cfd, level, name, 0x28));
	ASSERT_EQ(0, set_int(self->cfd, SOL_SOCKET, SO_PRIORITY, 5));
	ASSERT_EQ(0, subscribe(self->cfd, 1));
	ASSERT_EQ(0, connect(self->cfd, (struct sockaddr *)&self->srv,
			     self->srvlen)) TH_LOG("%s", strerror(errno));
	ASSERT_EQ(SCTP_COMM_UP, next_assoc_change(self->cfd, NULL));
	afd = accept(self->lfd, NULL, NULL);
	ASSERT_LE(0, afd);
	for (i = 0; i < 10; i++)
		ASSERT_EQ(sizeof(buf), send(self->cfd, buf, sizeof(buf), 0));
	for (i = 0; i < 10; i++) {
		ASSERT_EQ(POLLIN, revents(afd, POLLIN, TIMEOUT_MS) & POLLIN);
		ASSERT_EQ(sizeof(buf), recv(afd, buf, sizeof(buf), 0));
	}
	/* after SHUTDOWN COMPLETE the client sends nothing more */
	ASSERT_EQ(0, shutdown(self->cfd, SHUT_WR));
	ASSERT_EQ(SCTP_SHUTDOWN_COMP, next_assoc_change(self->cfd, NULL));
	all = tc_pkts("filter show dev xsva prio 1");
	TH_LOG("sctp %ld, tos %ld, mark %ld, class 1:1 %ld", all,
	       tc_pkts("filter show dev xsva prio 2"),
	       tc_pkts("filter show dev xsva prio 3"),
	       tc_pkts("class show dev xsva classid 1:1"));
	EXPECT_LE(5, all);	/* INIT, COOKIE ECHO, DATA, SHUTDOWN(s) */
	EXPECT_EQ(all, tc_pkts("filter show dev xsva prio 2"));
	EXPECT_EQ(all, tc_pkts("filter show dev xsva prio 3"));
	EXPECT_EQ(all, tc_pkts("class show dev xsva classid 1:1"));
	EXPECT_EQ(0, tc_pkts("filter show dev xsd prio 1"));
	close(afd);
}

/*
 * SO_BINDTODEVICE: the INIT leaves through the bound device (the dummy,
 * where it is lost) although the veth has the better route.
 */
TEST_F(wire, bindtodevice)
{
	long long end = now_ms() + TIMEOUT_MS;

	ASSERT_EQ(0, setsockopt(self->cfd, SOL_SOCKET, SO_BINDTODEVICE,
				"xsd", 4));
	ASSERT_EQ(0, fcntl(self->cfd, F_SETFL, O_NONBLOCK));
	ASSERT_EQ(-1, connect(self->cfd, (struct sockaddr *)&self->srv,
			      self->srvlen));
	ASSERT_EQ(EINPROGRESS, errno);
	while (tc_pkts("filter show dev xsd prio 1") < 1 &&
	       now_ms() < end)
		revents(self->cfd, POLLPRI, 20);	/* bounded pause */
	EXPECT_LE(1, tc_pkts("filter show dev xsd prio 1"));
	EXPECT_EQ(0, tc_pkts("filter show dev xsva prio 1"));
}

TEST_HARNESS_MAIN
